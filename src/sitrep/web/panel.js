// The side panel: one event (fields, evidence sentences per source with the
// coded spans highlighted, possible duplicates, review history and the review
// form) and the article view (the text with every mention highlighted).
import { api, clear, colourFor, el, fmt, highlighted, toast } from "./util.js";

const SHOWN_FIELDS = [
  "event_date", "event_type", "sub_event_type", "disorder_type", "actor1", "assoc_actor_1", "inter1",
  "actor2", "assoc_actor_2", "inter2", "interaction", "location", "admin1", "country", "latitude", "longitude",
  "geo_precision", "fatalities", "modality", "plover_type", "cameo_root", "confidence", "notes",
];
// Fields offered first in the correction form; any other editable field can be added.
const FORM_FIELDS = ["event_type", "sub_event_type", "actor1", "actor2", "location", "admin1", "country", "event_date", "fatalities"];
const KIND_LABELS = { actor: "actor", place: "place", date: "date", quote: "quote", speaker: "speaker", entity: "entity", event: "event sentence", evidence: "coded span" };

function reasonText(reasons) {
  if (typeof reasons !== "object") return String(reasons);
  return Object.entries(reasons).filter(([k]) => k !== "score").map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`).join("; ");
}

export function createPanel({ credentials, onChanged, codebook, focus }) {
  const empty = document.getElementById("panel-empty");
  const eventBox = document.getElementById("event-panel");
  const articleBox = document.getElementById("article-view");
  let current = null;

  function showOnly(box) {
    for (const b of [empty, eventBox, articleBox]) b.hidden = b !== box;
  }

  async function openEvent(id) {
    let detail;
    try { detail = await api(`/api/events/${encodeURIComponent(id)}`); } catch (err) { toast(err.message, true); return; }
    current = detail;
    renderEvent(detail);
    showOnly(eventBox);
    focus(detail.event);
  }

  function renderEvent(detail) {
    const e = detail.event;
    clear(eventBox);
    eventBox.dataset.eventId = e.event_id;
    eventBox.append(
      el("div", { class: "panel-head" },
        el("span", { class: "swatch big", style: `background:${colourFor(e.event_type)}` }),
        el("h2", {}, `${fmt(e.event_type)} — ${fmt(e.sub_event_type)}`)),
      el("div", { class: "muted" }, `${detail.kind === "canonical" ? "Deduplicated event" : "Article event"} ${e.event_id}`,
        e.review_status ? el("span", { class: `status ${e.review_status}` }, ` ${e.review_status}`) : ""),
    );
    const table = el("table", { class: "fields" });
    for (const name of SHOWN_FIELDS) {
      if (e[name] === null || e[name] === undefined || e[name] === "") continue;
      const was = detail.machine && name in detail.machine ? detail.machine[name] : undefined;
      table.append(el("tr", { dataset: { field: name } }, el("th", {}, name),
        el("td", {}, fmt(e[name]), was !== undefined ? el("span", { class: "was" }, ` (machine: ${fmt(was)})`) : "")));
    }
    eventBox.append(table);

    eventBox.append(el("h3", {}, `Evidence in ${detail.sources.length} source${detail.sources.length === 1 ? "" : "s"}`));
    for (const s of detail.sources) {
      const sentence = s.sentence
        ? el("blockquote", { class: "evidence" }, highlighted(s.sentence.text, (s.highlights || [])
          .filter((h) => h.rel_start !== undefined)
          .map((h) => ({ start: h.rel_start, end: h.rel_end, className: `ev ev-${h.field}`, title: h.field }))))
        : el("div", { class: "muted" }, "no evidence sentence stored");
      const fieldsOutside = (s.highlights || []).filter((h) => h.rel_start === undefined && h.text);
      eventBox.append(el("div", { class: "source" },
        el("div", { class: "source-head" },
          el("strong", {}, fmt(s.source)), " · ", fmt(s.published), " · ",
          el("a", { href: "#", class: "open-article", onclick: (evt) => { evt.preventDefault(); openArticle(s.article_id, s.event_id); } }, s.title || s.article_id)),
        sentence,
        fieldsOutside.length ? el("div", { class: "muted" }, "elsewhere: ", fieldsOutside.map((h) => `${h.field}: “${h.text}”`).join("; ")) : "",
        s.input_ids && s.input_ids.length > 1 ? el("div", { class: "muted" }, `same text received as: ${s.input_ids.join(", ")}`) : "",
        s.url ? el("div", { class: "url" }, s.url) : ""));
    }

    if (detail.possible_duplicates.length) {
      eventBox.append(el("h3", {}, "Possible duplicates (for review)"));
      const list = el("ul", {});
      for (const d of detail.possible_duplicates) {
        list.append(el("li", { dataset: { other: d.other_event_id } },
          el("a", { href: "#", onclick: (evt) => { evt.preventDefault(); openEvent(d.event_id); } }, d.event_id),
          ` score ${d.score === null ? "?" : Number(d.score).toFixed(2)}`, d.reasons ? el("div", { class: "muted reasons" }, reasonText(d.reasons)) : "",
          el("span", { class: "verdict" },
            el("button", { type: "button", class: "dup-same", onclick: () => decide(d, true) }, "Same event"),
            el("button", { type: "button", class: "dup-different", onclick: () => decide(d, false) }, "Different"))));
      }
      eventBox.append(list);
    }
    if (detail.same_event && detail.same_event.length) {
      eventBox.append(el("h3", {}, detail.kind === "canonical" ? "Article events merged here" : "Reported in the same event"));
      eventBox.append(el("ul", {}, detail.same_event.map((id) => el("li", {}, el("a", { href: "#", onclick: (evt) => { evt.preventDefault(); openEvent(id); } }, id)))));
    }
    eventBox.append(reviewForm(detail));
    if (detail.reviews.length) {
      eventBox.append(el("h3", {}, "Review history"));
      eventBox.append(el("ul", { class: "history" }, detail.reviews.map((r) => el("li", {},
        `${r.reviewed_at.slice(0, 16).replace("T", " ")} ${r.reviewer || "?"}: ${r.action}`,
        r.field ? ` ${r.field}: ${fmt(r.before)} → ${fmt(r.after)}` : "", r.note ? ` — ${r.note}` : ""))));
    }
  }

  // A reviewer's verdict on a possible duplicate: the next dedup merges the pair or keeps it apart for good.
  async function decide(d, same) {
    const { token } = credentials();
    if (!token) { toast("Enter the SITREP_TOKEN at the top to review.", true); return; }
    try {
      const answer = await api("/api/duplicates/verdict", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({ event_a: d.linked_from, event_b: d.other_event_id, same }),
      });
      toast(`${same ? "Same event" : "Different events"}: ${answer.effect}`);
      if (current) openEvent(current.event.event_id);
    } catch (err) {
      toast(`Verdict not saved: ${err.message}`, true);
    }
  }

  function valueInput(field, value) {
    const choices = codebook().choices[field];
    if (choices) {
      const select = el("select", { name: field, dataset: { field } }, el("option", { value: "" }, "—"));
      for (const c of choices) select.append(el("option", { value: String(c), selected: String(c) === String(value ?? "") }, String(c)));
      return select;
    }
    return el("input", { name: field, value: value ?? "", dataset: { field }, type: field === "event_date" ? "date" : "text" });
  }

  function reviewForm(detail) {
    const e = detail.event;
    const rows = el("div", { class: "correction-rows" });
    const addRow = (field) => {
      if (rows.querySelector(`[data-field="${field}"]`)) return;
      rows.append(el("label", {}, field, valueInput(field, e[field])));
    };
    FORM_FIELDS.forEach(addRow);
    const other = el("select", { id: "add-field" }, el("option", { value: "" }, "correct another field…"));
    for (const f of codebook().fields) if (!FORM_FIELDS.includes(f)) other.append(el("option", { value: f }, f));
    other.addEventListener("change", () => { if (other.value) addRow(other.value); other.value = ""; });
    // Keep the sub-event choices consistent with the chosen event type.
    rows.addEventListener("change", (evt) => {
      if (evt.target.dataset.field !== "event_type") return;
      const sub = rows.querySelector('[data-field="sub_event_type"]');
      const parents = codebook().sub_event_event_type;
      for (const option of sub.options) option.hidden = option.value && parents[option.value] !== evt.target.value;
      if (sub.value && parents[sub.value] !== evt.target.value) sub.value = "";
    });
    const note = el("input", { id: "review-note", placeholder: "note (optional)" });
    const form = el("form", { id: "review-form", class: "review" },
      el("h3", {}, "Review this coding"),
      el("div", { class: "buttons" },
        el("button", { type: "button", id: "review-accept", onclick: () => submit("accept") }, "Accept"),
        el("button", { type: "button", id: "review-reject", class: "danger", onclick: () => submit("reject") }, "Reject")),
      el("details", { id: "correction" }, el("summary", {}, "Correct fields"), rows, other,
        el("button", { type: "submit", id: "review-correct" }, "Save correction")),
      note);
    form.addEventListener("submit", (evt) => { evt.preventDefault(); submit("correct"); });

    async function submit(action) {
      const { token, reviewer } = credentials();
      if (!token) { toast("Enter the SITREP_TOKEN at the top to review.", true); return; }
      if (!reviewer) { toast("Enter your name as coder at the top.", true); return; }
      const changes = {};
      if (action === "correct") {
        for (const input of rows.querySelectorAll("[data-field]")) {
          const field = input.dataset.field;
          const before = e[field] === null || e[field] === undefined ? "" : String(e[field]);
          if (input.value !== before) changes[field] = input.value === "" ? null : input.value;
        }
        if (!Object.keys(changes).length) { toast("Nothing changed."); return; }
      }
      try {
        const updated = await api(`/api/events/${encodeURIComponent(e.event_id)}/review`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ action, reviewer, changes, note: note.value || null }),
        });
        current = updated;
        renderEvent(updated);
        toast(action === "correct" ? `Saved: ${Object.keys(changes).join(", ")}` : `Marked ${action}ed`);
        onChanged();
      } catch (err) {
        toast(`Review not saved: ${err.message}`, true);
      }
    }
    return form;
  }

  async function openArticle(articleId, eventId) {
    let data;
    try { data = await api(`/api/articles/${encodeURIComponent(articleId)}`); } catch (err) { toast(err.message, true); return; }
    const a = data.article;
    clear(articleBox);
    const back = el("button", { type: "button", id: "back-to-event", onclick: () => (current ? showOnly(eventBox) : showOnly(empty)) }, "← back to event");
    const kinds = new Set(["actor", "place", "date", "quote", "speaker"]);
    const spans = data.spans
      .filter((s) => kinds.has(s.kind) || (s.kind === "event" && s.event_id === eventId))
      .map((s) => ({
        start: s.start, end: s.end, className: `m-${s.kind}`,
        title: `${KIND_LABELS[s.kind] || s.kind}${s.label ? `: ${s.label}` : ""}`,
      }));
    const legend = el("div", { class: "kinds" }, [...kinds, "event"].map((k) => el("span", { class: `m-${k} key` }, KIND_LABELS[k])));
    const lists = el("div", { class: "mention-lists" });
    for (const kind of ["actor", "place", "date", "quote"]) {
      const items = data.spans.filter((s) => s.kind === kind);
      if (!items.length) continue;
      lists.append(el("h4", {}, `${kind}s`), el("ul", {}, items.map((s) => el("li", {},
        el("span", { class: `m-${kind}` }, a.text.slice(s.start, s.end)), s.label ? ` → ${s.label}` : "",
        kind === "quote" && s.info.speaker_role ? ` (${s.info.speaker_role})` : ""))));
    }
    articleBox.append(back,
      el("h2", {}, a.title || a.article_id),
      el("div", { class: "muted" }, [a.sources.join(", "), a.published, a.url].filter(Boolean).join(" · ")),
      legend,
      el("div", { class: "article-text", id: "article-text" }, highlighted(a.text, spans)),
      el("h3", {}, `Events in this article (${data.events.length})`),
      el("ul", {}, data.events.map((ev) => el("li", {},
        el("a", { href: "#", onclick: (evt) => { evt.preventDefault(); openEvent(ev.event_id); } }, `${fmt(ev.event_type)} / ${fmt(ev.sub_event_type)}`),
        ` ${fmt(ev.event_date)} (${ev.modality})`))),
      lists);
    showOnly(articleBox);
  }

  return { openEvent, openArticle };
}
