"""The ACLED scorer's tally of actors: recall over the coder's actors, precision over the event's."""

from datetime import date

from sitrep.eval.acled import Tally
from sitrep.learn.acled import AcledRecord
from sitrep.model import Event


def _record(actor1: str, actor2: str | None, assoc1: list[str]) -> AcledRecord:
    return AcledRecord(
        event_id="1", event_date=date(2024, 3, 2), event_type="Battles", sub_event_type="Armed clash",
        old_event_type=None, disorder_type="Political violence", actor1=actor1, assoc_actor_1=assoc1, inter1=1,
        actor2=actor2, assoc_actor_2=[], inter2=2, interaction=12, civilian_targeting=False, region=None,
        country="Kenya", admin1=None, admin2=None, admin3=None, location=None, latitude=None, longitude=None,
        geo_precision=None, time_precision=None, source=None, source_scale=None, notes="", fatalities=0)


def test_tally_counts_actors_named_beyond_the_gold_against_precision():
    tally = Tally()
    gold = _record("Military Forces of Kenya (2022-)", "Al Shabaab", [])
    # right on both sides, plus an associate the coder did not name
    tally.add(gold, Event(actor1="Military Forces of Kenya (2022-)", actor2="Al Shabaab",
                          assoc_actor_1="Civilians (Kenya)"))
    metrics = tally.metrics()
    assert metrics["actor_recall"] == 1.0
    assert metrics["actor_precision"] == round(2 / 3, 4)


def test_tally_precision_counts_nothing_named_as_no_evidence_either_way():
    tally = Tally()
    tally.add(_record("Rioters (Kenya)", None, ["Students (Kenya)"]), None)
    metrics = tally.metrics()
    assert metrics["actor_recall"] == 0.0
    assert metrics["actor_precision"] == 0.0  # no actor named: the ratio has nothing to count


def test_period_splits_notes_of_2020_and_earlier_from_recent_ones():
    from dataclasses import replace

    from sitrep.eval.acled import period

    recent = _record("Rioters (Kenya)", None, [])
    assert period(recent) == "recent"
    assert period(replace(recent, event_date=date(2020, 12, 31))) == "old"
    assert period(replace(recent, event_date=None)) == "old"  # undated: counted with the terse old notes
