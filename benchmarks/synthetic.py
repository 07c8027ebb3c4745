"""Synthetic conflict-news articles for benchmarks, generated at run time (seeded).

The wording is our own; the texts only need to look like news to the parser
(sentences of realistic length with names, places, numbers, dates, quotes) so
that throughput figures are representative.
"""

from __future__ import annotations

import random

PLACES = [
    "Kidal",
    "Gao",
    "Mopti",
    "Timbuktu",
    "Mosul",
    "Ramadi",
    "Fallujah",
    "Kirkuk",
    "Basra",
    "Aleppo",
    "Idlib",
    "Deir ez-Zor",
    "Sanaa",
    "Taiz",
    "Marib",
    "Maiduguri",
    "Kaduna",
    "Goma",
    "Bunia",
    "Beni",
]
COUNTRIES = {"Kidal": "Mali", "Gao": "Mali", "Mopti": "Mali", "Timbuktu": "Mali", "Mosul": "Iraq"}
ACTORS = [
    "government troops",
    "an armed group",
    "unidentified gunmen",
    "police officers",
    "militia fighters",
    "the army",
    "rebel forces",
    "security forces",
    "a jihadist group",
    "tribal fighters",
]
VICTIMS = ["villagers", "civilians", "farmers", "traders", "students", "aid workers", "herders", "soldiers"]
VERBS = ["attacked", "clashed with", "ambushed", "shelled", "raided", "fired on", "abducted", "detained"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SPEAKERS = [
    ("Amadou Traore", "a local official"),
    ("Layla Hassan", "a spokeswoman for the governor"),
    ("Colonel Idris Musa", "an army spokesman"),
    ("Samir Khalil", "a resident"),
    ("Grace Mbeki", "a humanitarian coordinator"),
    ("Omar Farouk", "a police commander"),
]
FILLER = [
    "The area has seen repeated violence since the start of the year.",
    "Humanitarian agencies said access to the district remained difficult.",
    "Local markets were closed and many families fled toward the regional capital.",
    "The government announced an investigation into the incident.",
    "Communications were cut for several hours after the fighting.",
    "Analysts said the attack followed weeks of rising tension between the two sides.",
    "No group immediately claimed responsibility.",
    "Hospitals in the region reported a shortage of blood and medicine.",
]


def sentence(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    kind = rng.random()
    if kind < 0.35:
        return (
            f"On {rng.choice(DAYS)}, {rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(VICTIMS)} near {place}, "
            f"killing at least {rng.randint(2, 40)} people and wounding {rng.randint(1, 60)} others."
        )
    if kind < 0.55:
        name, role = rng.choice(SPEAKERS)
        return (
            f'"We heard gunfire for more than {rng.randint(2, 9)} hours and nobody came to help us," said {name}, '
            f"{role} in {place}."
        )
    if kind < 0.7:
        return (
            f"Hundreds of people protested in {place} on {rng.choice(DAYS)} against the rising cost of living, "
            f"and police used tear gas to disperse them."
        )
    if kind < 0.8:
        return f"Fighting between {rng.choice(ACTORS)} and {rng.choice(ACTORS)} continued in the hills outside {place}."
    return rng.choice(FILLER)


def article(rng: random.Random, words: int = 450) -> str:
    """One article of roughly ``words`` words: a headline, then paragraphs of two or three sentences."""
    place = rng.choice(PLACES)
    lines = [f"Violence flares near {place} as {rng.choice(ACTORS)} push into {rng.choice(PLACES)}"]
    count = len(lines[0].split())
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 3)))
        lines.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(lines)


def articles(n: int, words: int = 450, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [article(rng, words) for _ in range(n)]


def records(n: int, words: int = 450, seed: int = 7) -> list[dict[str, str]]:
    """JSONL-ready records with distinct ids and publication dates."""
    rng = random.Random(seed)
    return [
        {"id": f"bench-{i}", "text": article(rng, words), "published": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}"}
        for i in range(n)
    ]
