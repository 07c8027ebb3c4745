// Watched feeds in the dashboard: when each was last polled, which are failing and why, and what
// arrived since this browser's last visit. Self-contained so the map code needs no change: it adds
// its own section to the filters column and refreshes it every 30 seconds.

const VISIT_KEY = "sitrep.lastVisit";
const REFRESH_MS = 30000;

// The API gives naive UTC timestamps; read them as UTC.
function utc(text) {
  if (!text) return null;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

function ago(date) {
  if (!date) return "never";
  const s = Math.max(0, (Date.now() - date.getTime()) / 1000);
  if (s < 90) return `${Math.round(s)} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 129600) return `${Math.round(s / 3600)} h ago`;
  return date.toISOString().slice(0, 10);
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function shortUrl(url) {
  try {
    const u = new URL(url);
    return u.host + (u.pathname.length > 24 ? `${u.pathname.slice(0, 22)}…` : u.pathname);
  } catch {
    return url;
  }
}

function section() {
  let box = document.getElementById("feeds-box");
  if (box) return box;
  const parent = document.getElementById("filters") || document.body;
  box = el("div");
  box.id = "feeds-box";
  box.append(el("h2", "Feeds"), el("div", "", "muted"), el("ul"), el("h2", "New since your last visit"), el("div", "", "muted"), el("ul"));
  box.children[1].id = "feeds-head";
  box.children[2].id = "feeds-list";
  box.children[4].id = "feeds-new";
  box.children[5].id = "feeds-new-events";
  parent.append(box);
  return box;
}

function renderFeeds(data) {
  section();
  const head = document.getElementById("feeds-head");
  const list = document.getElementById("feeds-list");
  const q = data.queue || {};
  const watcher = data.watcher;
  head.textContent = `${data.feeds.length} feed(s); ${watcher ? "watching" : "not watching (sitrep serve --watch)"}; ` +
    `items ${q.processed || 0} processed, ${q.fetched || 0} queued, ${q.failed || 0} failed`;
  list.replaceChildren();
  for (const feed of data.feeds) {
    const item = el("li");
    item.dataset.feedId = feed.feed_id;
    const link = el("a", feed.source || shortUrl(feed.url));
    link.href = feed.url;
    link.rel = "noopener";
    item.append(link, el("span", ` · polled ${ago(utc(feed.last_polled_at))}`, "muted"));
    if (feed.last_error_code) {
      const bad = el("span", ` · failing ${feed.last_error_code}`, "feed-failing");
      bad.style.color = "#b3261e";
      bad.title = feed.last_error || "";
      item.append(bad);
    } else if (feed.last_status === 304) {
      item.append(el("span", " · unchanged", "muted"));
    }
    list.append(item);
  }
}

function renderNew(previous, data) {
  const head = document.getElementById("feeds-new");
  const list = document.getElementById("feeds-new-events");
  list.replaceChildren();
  if (!previous) {
    head.textContent = "First visit from this browser: new reports will be counted from now.";
    return;
  }
  const c = data.counts;
  head.textContent = `Since ${previous.toLocaleString()}: ${c.articles} article(s), ${c.events} event(s), ` +
    `${c.canonical_events} new deduplicated event(s).`;
  for (const e of data.latest_events.slice(0, 8)) {
    const where = [e.location, e.admin1, e.country].filter(Boolean).join(", ");
    const item = el("li", `${e.event_date || "?"} ${e.sub_event_type || e.event_type || "event"} — ${where}`);
    item.title = e.title || "";
    list.append(item);
  }
}

async function getJson(path) {
  const resp = await fetch(path, { headers: { Accept: "application/json" } });
  if (!resp.ok) throw new Error(`${path}: HTTP ${resp.status}`);
  return resp.json();
}

export async function refreshFeeds(previous) {
  const feeds = await getJson("/api/feeds");
  if (!feeds.feeds.length && !feeds.watching) return false;  // nothing watched: keep the dashboard as it was
  renderFeeds(feeds);
  if (previous) {
    renderNew(previous, await getJson(`/api/feeds/new?since=${encodeURIComponent(previous.toISOString())}`));
  } else {
    renderNew(null, null);
  }
  return true;
}

function start() {
  // The previous visit stays the reference for this whole page view; this visit is remembered for the next.
  const stored = window.localStorage.getItem(VISIT_KEY);
  const previous = stored ? new Date(stored) : null;
  window.localStorage.setItem(VISIT_KEY, new Date().toISOString());
  const tick = () => refreshFeeds(previous).catch((err) => console.warn("feeds:", err));
  tick();
  window.setInterval(tick, REFRESH_MS);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
