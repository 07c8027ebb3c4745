"""A place read abroad takes its namesake in the country the source reports on, unless the article backs it."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym


def _resolve(*names: str, fallback: str | None = None, named: bool = False,
             national: bool = False) -> tuple[str | None, list[Toponym]]:
    tops = []
    pos = 0
    for name in names:
        tops.append(Toponym(name, pos, pos + len(name)))
        pos += len(name) + 10
    focus, _ = Resolver(load_gazetteer()).resolve(tops, fallback=fallback, source_named=named,
                                                national_outlet=national)
    return focus, tops


def test_a_province_read_abroad_takes_its_namesake_where_the_source_reports() -> None:
    """'Taxila city (Taxila, Punjab)' from 'Dawn (Pakistan)': Pakistan's Punjab, and Pakistan the focus."""
    focus, (punjab,) = _resolve("Punjab", fallback="PK", named=True)
    assert punjab.entry is not None and (punjab.entry.cc, punjab.entry.feature) == ("PK", "admin1")
    assert focus == "PK"


def test_a_source_known_from_the_record_is_one_vote_between_namesakes() -> None:
    """A learned source -> country row decides between namesakes as a country named once would ('Punjab' from an
    outlet the record shows reporting on Pakistan); two names of India outweigh it."""
    _, (alone,) = _resolve("Punjab")
    _, (learned,) = _resolve("Punjab", fallback="PK")
    assert alone.entry is not None and alone.entry.cc == "IN"
    assert learned.entry is not None and learned.entry.cc == "PK"
    # as much as a town: it outweighs a village abroad (which stays a reading) for the focus, not a city
    focus, (chorin,) = _resolve("Chorin", fallback="UG")
    assert focus == "UG" and chorin.entry is not None and chorin.entry.cc == "DE"
    focus, (jakarta,) = _resolve("Jakarta", fallback="UG")
    assert focus == "ID" and jakarta.entry is not None and jakarta.entry.cc == "ID"
    focus, (amritsar, punjab) = _resolve("Amritsar", "Punjab", fallback="PK")
    assert amritsar.entry is not None and punjab.entry is not None
    assert (amritsar.entry.cc, punjab.entry.cc, focus) == ("IN", "IN", "IN")


def test_a_national_outlet_leaves_a_far_small_namesake_unresolved_but_keeps_a_city() -> None:
    """A Central African outlet's 'Amou' is its own (the record knows one there), its 'Chorin' no German village
    (nothing at home bears the name: unresolved, the focus stays the outlet's country); the Canadian Press's
    'Colombo' is still Colombo."""
    _, (amou,) = _resolve("Amou", fallback="CF", national=True)
    assert amou.entry is not None and amou.entry.cc == "CF"
    focus, (chorin,) = _resolve("Chorin", fallback="CF", national=True)
    assert chorin.entry is None and chorin.reason and focus == "CF"
    _, (colombo,) = _resolve("Colombo", fallback="CA", national=True)
    assert colombo.entry is not None and colombo.entry.cc == "LK"


def test_a_reading_abroad_another_name_backs_stays() -> None:
    """'Amritsar, Punjab': two names of India are no namesake of Pakistan's province."""
    _, (amritsar, punjab) = _resolve("Amritsar", "Punjab", fallback="PK", named=True)
    assert amritsar.entry is not None and punjab.entry is not None
    assert (amritsar.entry.cc, punjab.entry.cc) == ("IN", "IN")


def test_a_town_that_names_its_province_is_no_far_namesake_of_a_national_outlet() -> None:
    """'in the Diffa area' from an Angolan outlet: Diffa names a province of Niger, so the outlet's country does
    not outvote it and the place stays Niger's."""
    focus, (diffa,) = _resolve("Diffa", fallback="AO", national=True)
    assert diffa.entry is not None and diffa.entry.cc == "NE" and focus == "NE"
