"""Small hand-made inputs and results for store tests (no NLP needed)."""

from __future__ import annotations

from sitrep.errors import error
from sitrep.io.readers import Input
from sitrep.model import Article, Event, Result


def article_input(input_id, text, url=None, source=None, published="2024-03-04", stable=True):
    article = Article(text=text, id=input_id, url=url, source=source, published=published)
    return Input(input_id, article=article, origin=f"test:{input_id}", stable_id=stable)


def failed_input(input_id, code="E102", raw="x"):
    return Input(input_id, failure=error(code), origin=f"test:{input_id}", raw_hash=raw)


def result_for(item, *events, actors=()):
    return Result(id=item.id, published=item.article.published, events=list(events), actors=list(actors))


def attack(**fields):
    base = dict(
        event_date="2024-03-04",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1="Unidentified Armed Group (Mali)",
        actor2="Civilians (Mali)",
        country="Mali",
        admin1="Kidal",
        location="Kidal",
        latitude=18.44,
        longitude=1.41,
        fatalities=2,
        evidence={"sentence": [0, 40], "trigger": [7, 13]},
    )
    base.update(fields)
    return Event(**base)


GUNMEN = "Gunmen killed two villagers in Kidal on Monday, officials said."
PROTEST = "Hundreds of protesters marched in Bamako on Friday to demand jobs."
