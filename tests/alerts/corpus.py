"""A synthetic store of weekly events in Iraqi provinces: ordinary weeks everywhere, one surge in Ninewa.

Counts come from a seeded generator, so the quiet provinces wobble the way real ones do (including a
volatile one and a near-silent one) without any of them being a surge in the last week.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sitrep.store import Store

LAST_WEEK = date(2025, 6, 2)  # a Monday
WEEKS = 30
SURGE = ("Ninewa", "Battles")
# province -> (event type, usual weekly mean); centres near the province's capital
PROVINCES = {
    "Ninewa": ("Battles", 3.0, 36.34, 43.13),
    "Al Anbar": ("Battles", 4.0, 33.42, 43.30),
    "Baghdad": ("Explosions/Remote violence", 5.0, 33.31, 44.37),
    "Basrah": ("Protests", 6.0, 30.51, 47.78),
    "Diyala": ("Battles", 2.0, 33.75, 44.61),
    "Kirkuk": ("Violence against civilians", 1.5, 35.47, 44.39),
    "Salah al Din": ("Battles", 0.3, 34.60, 43.68),  # near silent: 0s and 1s, then 3 (not a surge)
}
VOLATILE = "Diyala"  # alternates calm and violent weeks: a bad week there is not news


def weekly_counts(seed: int = 7) -> dict[str, list[int]]:
    rng = random.Random(seed)
    out: dict[str, list[int]] = {}
    for name, (_, mean, _, _) in PROVINCES.items():
        counts = []
        for _ in range(WEEKS):
            if name == VOLATILE:
                counts.append(rng.choice([0, 1, 9, 12]))
            else:
                # a Poisson draw by counting exponential arrivals in one unit of time
                n, t = 0, rng.expovariate(mean)
                while t < 1.0:
                    n, t = n + 1, t + rng.expovariate(mean)
                counts.append(n)
        out[name] = counts
    out["Ninewa"][-1] = 24  # the surge: eight times its usual week
    out[VOLATILE][-1] = 12  # its ordinary bad week
    out["Salah al Din"][-1] = 3  # 0 or 1 a week, then 3: small numbers, not a surge
    out["Basrah"][-1] = 8  # a little above its mean of 6
    return out


def build(path: Path, counts: dict[str, list[int]] | None = None) -> dict[str, list[int]]:
    counts = counts or weekly_counts()
    first = LAST_WEEK - timedelta(weeks=WEEKS - 1)
    rows = []
    for name, series in counts.items():
        event_type, _, lat, lon = PROVINCES[name]
        for w, n in enumerate(series):
            for i in range(n):
                day = first + timedelta(weeks=w, days=i % 7)
                rows.append((f"{name[:3]}-{w}-{i}", "art-" + name[:3], i, day, event_type, "Iraq", name,
                             lat + 0.01 * (i % 5), lon + 0.01 * (i % 3), i % 3))
    with Store(path) as store:
        store.con.executemany(
            "INSERT INTO events (event_id, article_id, ordinal, event_date, event_type, country, admin1, latitude, "
            "longitude, fatalities, modality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'asserted')",
            rows,
        )
    return counts
