"""A place read abroad takes its namesake in the country the source's own name carries, unless the article backs it."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym


def _resolve(*names: str, fallback: str | None = None, named: bool = False) -> tuple[str | None, list[Toponym]]:
    tops = []
    pos = 0
    for name in names:
        tops.append(Toponym(name, pos, pos + len(name)))
        pos += len(name) + 10
    focus, _ = Resolver(load_gazetteer()).resolve(tops, fallback=fallback, source_named=named)
    return focus, tops


def test_a_province_read_abroad_takes_its_namesake_where_the_source_reports() -> None:
    """'Taxila city (Taxila, Punjab)' from 'Dawn (Pakistan)': Pakistan's Punjab, and Pakistan the focus."""
    focus, (punjab,) = _resolve("Punjab", fallback="PK", named=True)
    assert punjab.entry is not None and (punjab.entry.cc, punjab.entry.feature) == ("PK", "admin1")
    assert focus == "PK"


def test_a_source_known_only_from_the_record_moves_nothing() -> None:
    """A learned source -> country row may be a neighbour's: only a country the source's own name carries moves."""
    _, (alone,) = _resolve("Punjab")
    _, (learned,) = _resolve("Punjab", fallback="PK", named=False)
    assert alone.entry is not None and learned.entry is not None and learned.entry.cc == alone.entry.cc


def test_a_reading_abroad_another_name_backs_stays() -> None:
    """'Amritsar, Punjab': two names of India are no namesake of Pakistan's province."""
    _, (amritsar, punjab) = _resolve("Amritsar", "Punjab", fallback="PK", named=True)
    assert amritsar.entry is not None and punjab.entry is not None
    assert (amritsar.entry.cc, punjab.entry.cc) == ("IN", "IN")
