"""Synthetic dedup data: invented incidents, each reported several times in different words.

Every incident is made up here (real place names and coordinates, invented
events). Each report rewrites its incident the way real sources disagree: a
date a day off or known only to the week or month, the town or just its
region, a named perpetrator or "unidentified gunmen", a battle one source
calls shelling, different wording and casualty figures. Some incidents get
a *sibling*: a different event close to them (same town and day but other
actors; same actors a few days later; same day a town or two away; a
protest in the same town) — the negatives a 50 km radius would wrongly merge.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    admin1: str
    lat: float
    lon: float


# (town, country, admin1, lat, lon) and each admin1's rough centre.
TOWNS = [
    Town("Tarmiyah", "Iraq", "Baghdad", 33.67, 44.39), Town("Baqubah", "Iraq", "Diyala", 33.75, 44.64),
    Town("Muqdadiyah", "Iraq", "Diyala", 33.98, 44.94), Town("Ramadi", "Iraq", "Al Anbar", 33.42, 43.30),
    Town("Fallujah", "Iraq", "Al Anbar", 33.35, 43.78), Town("Hit", "Iraq", "Al Anbar", 33.64, 42.83),
    Town("Tikrit", "Iraq", "Salah al-Din", 34.60, 43.68), Town("Samarra", "Iraq", "Salah al-Din", 34.20, 43.87),
    Town("Kirkuk", "Iraq", "Kirkuk", 35.47, 44.39), Town("Hawija", "Iraq", "Kirkuk", 35.32, 43.76),
    Town("Deir ez-Zor", "Syria", "Deir ez-Zor", 35.33, 40.14), Town("Al-Mayadin", "Syria", "Deir ez-Zor", 35.02, 40.45),
    Town("Raqqa", "Syria", "Ar-Raqqa", 35.95, 39.01), Town("Saraqib", "Syria", "Idlib", 35.86, 36.80),
    Town("Idlib", "Syria", "Idlib", 35.93, 36.63), Town("Mopti", "Mali", "Mopti", 14.49, -4.18),
    Town("Boni", "Mali", "Mopti", 15.07, -1.87), Town("Djenne", "Mali", "Mopti", 13.91, -4.55),
    Town("Gao", "Mali", "Gao", 16.27, -0.04), Town("Ansongo", "Mali", "Gao", 15.66, 0.50),
    Town("Maiduguri", "Nigeria", "Borno", 11.85, 13.16), Town("Konduga", "Nigeria", "Borno", 11.65, 13.42),
    Town("Gusau", "Nigeria", "Zamfara", 12.17, 6.66), Town("Kaura Namoda", "Nigeria", "Zamfara", 12.59, 6.59),
    Town("Mogadishu", "Somalia", "Banadir", 2.05, 45.32), Town("Afgooye", "Somalia", "Lower Shabelle", 2.14, 45.12),
    Town("Baidoa", "Somalia", "Bay", 3.12, 43.65), Town("Nairobi", "Kenya", "Nairobi", -1.29, 36.82),
]
ADMIN1_CENTRES = {
    "Baghdad": (33.31, 44.37), "Diyala": (33.95, 45.05), "Al Anbar": (33.10, 42.05), "Salah al-Din": (34.55, 43.70),
    "Kirkuk": (35.40, 44.20), "Deir ez-Zor": (35.10, 40.40), "Ar-Raqqa": (35.80, 38.90), "Idlib": (35.80, 36.65),
    "Mopti": (14.60, -3.40), "Gao": (16.30, 0.80), "Borno": (11.80, 13.10), "Zamfara": (12.20, 6.20),
    "Banadir": (2.05, 45.33), "Lower Shabelle": (1.90, 44.40), "Bay": (2.60, 43.50), "Nairobi": (-1.29, 36.82),
}
STATE = {
    "Iraq": "Military Forces of Iraq (2014-)", "Syria": "Military Forces of Syria (2000-2024)",
    "Mali": "Military Forces of Mali (2021-)", "Nigeria": "Military Forces of Nigeria (2023-)",
    "Somalia": "Military Forces of Somalia (2022-)", "Kenya": "Police Forces of Kenya (2022-)",
}
ARMED = {
    "Iraq": ["Islamic State (Iraq)", "Popular Mobilization Forces"], "Syria": ["Islamic State (Syria)", "HTS: Hayat Tahrir al Sham"],
    "Mali": ["JNIM: Group for Support of Islam and Muslims", "Islamic State (Sahel)"],
    "Nigeria": ["Islamic State (West Africa)", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"],
    "Somalia": ["Al Shabaab"], "Kenya": ["Al Shabaab"],
}
# kind -> (event type, sub-event type, violence variant another source may use, verbs, nouns)
KINDS = {
    "clash": ("Battles", "Armed clash", ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
              ["clashed with", "fought", "exchanged fire with", "engaged"], ["fighting", "clashes", "a gun battle"]),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED", ("Battles", "Armed clash"),
            ["detonated a roadside bomb against", "struck with an explosive device", "bombed a convoy of"],
            ["a roadside bomb", "an IED blast", "an explosion"]),
    "attack": ("Violence against civilians", "Attack", ("Battles", "Armed clash"),
               ["attacked", "opened fire on", "raided"], ["an attack", "a raid", "a shooting"]),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance", None,
                  ["abducted", "kidnapped", "seized"], ["an abduction", "a kidnapping", "a mass abduction"]),
    "protest": ("Protests", "Peaceful protest", None,
                ["marched against", "rallied against", "demonstrated against"], ["a protest", "a march", "a rally"]),
}
NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = ["Desk A", "Desk B", "Wire C", "Daily D", "Radio E", "Monitor F", "Times G", "Post H"]


@dataclass
class Incident:
    key: str
    kind: str
    town: Town
    day: date
    actor1: str
    actor2: str | None
    fatalities: int


def _pick_actors(rng: random.Random, kind: str, country: str) -> tuple[str, str | None]:
    armed = rng.choice(ARMED[country])
    if kind == "protest":
        return f"Protesters ({country})", None
    if kind in ("attack", "abduction"):
        return armed, f"Civilians ({country})"
    return (armed, STATE[country]) if rng.random() < 0.5 else (STATE[country], armed)


def incidents(n: int, seed: int = 7, start: date = date(2025, 1, 1), days: int = 180,
              towns: list[Town] | None = None, sibling_rate: float = 0.35) -> list[Incident]:
    """``n`` invented incidents; about ``sibling_rate`` of them come with a nearby distinct one."""
    rng = random.Random(seed)
    towns = towns or TOWNS
    out: list[Incident] = []
    busy: dict[tuple[str, str], set[date]] = {}
    attempts = 0
    while len(out) < n:
        attempts += 1
        if attempts > 50 * n + 1000:
            raise ValueError(f"cannot place {n} distinct incidents in {days} days and {len(towns)} towns")
        town = rng.choice(towns)
        kind = rng.choice([k for k in KINDS if k != "protest" or town.country in ("Kenya", "Nigeria", "Iraq")])
        a1, a2 = _pick_actors(rng, kind, town.country)
        day = start + timedelta(days=rng.randrange(days))
        # Unrelated incidents never coincide by ACLED's own rule (same region, actor, kind, within days):
        # such a pair would be one event to any coder, and only siblings are meant to be near misses.
        slot = (town.admin1, KINDS[kind][0] + "|" + "|".join(sorted(filter(None, (a1, a2)))))
        if _near(busy.get(slot), day):
            continue
        busy.setdefault(slot, set()).add(day)
        base = Incident(f"i{len(out)}", kind, town, day, a1, a2, rng.choice([0, 1, 2, 3, 5, 8, 12]))
        out.append(base)
        if rng.random() < sibling_rate and len(out) < n:
            sib = _sibling(rng, base, f"i{len(out)}", towns)
            slot = (sib.town.admin1, KINDS[sib.kind][0] + "|" + "|".join(sorted(filter(None, (sib.actor1, sib.actor2)))))
            if not _near(busy.get(slot), sib.day):
                busy.setdefault(slot, set()).add(sib.day)
                out.append(sib)
    return out


def _near(days: set[date] | None, day: date, gap: int = 5) -> bool:
    return bool(days) and any(day + timedelta(days=k) in days for k in range(-gap, gap + 1))  # type: ignore[operator]


def _sibling(rng: random.Random, base: Incident, key: str, towns: list[Town]) -> Incident:
    way = rng.choice(["other_actors", "days_later", "other_town", "protest"])
    sib = Incident(key, base.kind, base.town, base.day, base.actor1, base.actor2, rng.choice([0, 1, 4, 6]))
    if way == "other_actors" or (way == "protest" and base.kind == "protest"):
        others = [a for a in ARMED[base.town.country] if a not in (base.actor1, base.actor2)]
        if not others:  # one armed group only: a different kind of event instead
            sib.kind = "abduction" if base.kind != "abduction" else "clash"
            sib.actor1, sib.actor2 = _pick_actors(rng, sib.kind, base.town.country)
        else:
            sib.kind = "attack"
            sib.actor1, sib.actor2 = others[0], f"Civilians ({base.town.country})"
    elif way == "days_later":
        sib.day = base.day + timedelta(days=rng.choice([4, 6, 9]))
    elif way == "other_town":
        near = [t for t in towns if t.country == base.town.country and t.name != base.town.name]
        sib.town = min(near, key=lambda t: abs(t.lat - base.town.lat) + abs(t.lon - base.town.lon)) if near else base.town
        if sib.town is base.town:
            sib.day = base.day + timedelta(days=5)
    else:
        sib.kind = "protest"
        sib.actor1, sib.actor2 = f"Protesters ({base.town.country})", None
    return sib


def _count(rng: random.Random, n: int) -> str:
    if n == 0:
        return ""
    word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) and rng.random() < 0.5 else str(n)
    return rng.choice([f", killing {word} people", f"; {word} were killed", f". The death toll stood at {word}",
                       f", leaving {word} dead"])


def _short(actor: str | None) -> str:
    if not actor:
        return "unknown people"
    return actor.split(" (")[0].split(":")[0]


def report(rng: random.Random, inc: Incident, article_id: str, ordinal: int,
           centres: dict[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """One source's account of an incident: its own date, place, actors, type, figures and words."""
    etype, sub, variant, verbs, nouns = KINDS[inc.kind]
    day, tprec = inc.day, 1
    roll = rng.random()
    if roll < 0.2:
        day = inc.day + timedelta(days=rng.choice([-1, 1]))
    elif roll < 0.28:
        day, tprec = inc.day - timedelta(days=inc.day.weekday()), 2
    elif roll < 0.32:
        day, tprec = inc.day.replace(day=1), 3
    town = inc.town
    roll = rng.random()
    if roll < 0.65:
        lat, lon, gprec, location = town.lat + rng.uniform(-0.02, 0.02), town.lon + rng.uniform(-0.02, 0.02), 1, town.name
    elif roll < 0.85:
        lat, lon, gprec, location = town.lat + rng.uniform(-0.07, 0.07), town.lon + rng.uniform(-0.07, 0.07), 2, town.name
    else:
        (lat, lon), gprec, location = (centres or ADMIN1_CENTRES)[town.admin1], 3, town.admin1
    a1, a2 = inc.actor1, inc.actor2
    if a1 in sum(ARMED.values(), []) and rng.random() < 0.2:
        a1 = f"Unidentified Armed Group ({town.country})"
    if a2 and rng.random() < 0.1:
        a2 = None
    if a2 and not a2.startswith("Civilians") and rng.random() < 0.08:
        a1, a2 = a2, a1
    if variant and rng.random() < 0.2:
        etype, sub = variant
    fatalities = inc.fatalities if rng.random() < 0.6 else max(0, inc.fatalities + rng.choice([-2, -1, 1, 3]))
    where = rng.choice([f"in {location}", f"near {location}", f"on the outskirts of {location}"])
    when = rng.choice([WEEKDAYS[day.weekday()], f"on {day.day} {day:%B}", "overnight", "late on " + WEEKDAYS[day.weekday()]])
    if rng.random() < 0.5:
        text = f"{_short(a1)} {rng.choice(verbs)} {_short(a2)} {where} {when}{_count(rng, fatalities)}."
    else:
        text = (f"{rng.choice(nouns).capitalize()} involving {_short(a1)} and {_short(a2)} took place {where} "
                f"{when}{_count(rng, fatalities)}, {rng.choice(['witnesses', 'officials', 'a monitor'])} said.")
    return {
        "event_id": f"{article_id}-{ordinal}", "article_id": article_id, "event_date": day.isoformat(),
        "time_precision": tprec, "event_type": etype, "sub_event_type": sub, "actor1": a1, "actor2": a2,
        "inter1": 1 if a1 and a1.startswith(("Military", "Police")) else 2,
        "inter2": None if not a2 else (7 if a2.startswith("Civilians") else 1 if a2.startswith(("Military", "Police")) else 2),
        "country": town.country, "admin1": town.admin1, "location": location, "latitude": round(lat, 4),
        "longitude": round(lon, 4), "geo_precision": gprec, "fatalities": fatalities, "source": rng.choice(OUTLETS),
        "confidence": round(rng.uniform(0.5, 0.95), 2), "modality": "asserted", "text": text, "incident": inc.key,
    }


def reports(incs: list[Incident], seed: int = 11, max_reports: int = 4, roundup_rate: float = 0.1,
            centres: dict[str, tuple[float, float]] | None = None) -> list[dict[str, Any]]:
    """Each incident told by 1..max_reports sources; some articles (roundups) tell two incidents."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    n_article = 0
    pending_roundup: Incident | None = None
    for inc in incs:
        for _ in range(rng.randint(1, max_reports)):
            n_article += 1
            article = f"a{n_article:07d}"
            out.append(report(rng, inc, article, 0, centres))
            if pending_roundup is not None and pending_roundup.key != inc.key:
                out.append(report(rng, pending_roundup, article, 1, centres))
                pending_roundup = None
            elif rng.random() < roundup_rate:
                pending_roundup = inc
    return out


def scattered_towns(per_country: int, seed: int = 3) -> tuple[list[Town], dict[str, tuple[float, float]]]:
    """Invented towns scattered around the real ones (for scale tests), with their regions' centres."""
    rng = random.Random(seed)
    towns: list[Town] = []
    centres: dict[str, tuple[float, float]] = {}
    for country in sorted({t.country for t in TOWNS}):
        anchor = next(t for t in TOWNS if t.country == country)
        for k in range(per_country):
            region = f"{country} region {k // 5}"
            if region not in centres:
                centres[region] = (anchor.lat + rng.uniform(-3, 3), anchor.lon + rng.uniform(-3, 3))
            clat, clon = centres[region]
            towns.append(Town(f"{country} town {k}", country, region, clat + rng.uniform(-0.3, 0.3),
                              clon + rng.uniform(-0.3, 0.3)))
    return towns, centres
