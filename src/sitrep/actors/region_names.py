"""ACLED's naming convention for an unseen community, by the region of its country (``actors_identity_regions.csv``).

A country the table lists no convention for takes its region's, so an unseen country of South Asia names its
communities as India and Pakistan do ("Communal Group") and one of Africa as Mali and Nigeria do ("Ethnic Group").
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from sitrep.actors.dictionary import _read_rows


class Convention(NamedTuple):
    group: str | None  # template of a community's people ("{name} Communal Group ({country})"); None: the default
    militia: str | None
    nouns: frozenset[str]  # people nouns read here only ("community")


_NONE = Convention(None, None, frozenset())


@lru_cache(maxsize=1)
def _table() -> dict[str, Convention]:
    out: dict[str, Convention] = {}
    for rec in _read_rows("actors_identity_regions.csv", ("region", "group", "militia", "nouns")):
        nouns = frozenset(n.strip().lower() for n in (rec.get("nouns") or "").split("|") if n.strip())
        out[rec["region"].strip().lower()] = Convention(rec.get("group") or None, rec.get("militia") or None, nouns)
    return out


@lru_cache(maxsize=256)
def region_of(country: str | None) -> str | None:
    """The region (``regions.csv``, through the gazetteer) of a country given by ACLED's name or ISO code."""
    if not country:
        return None
    from sitrep.actors.country import _reporting

    rep = _reporting()
    cc = rep.iso2(country)
    region = rep.gaz.country_info(cc).get("region") if cc else None
    return str(region) if region else None


def convention(country: str | None) -> Convention:
    """The naming convention of ``country``'s region; the default (no template, no extra nouns) elsewhere."""
    region = region_of(country)
    return _table().get(region.lower(), _NONE) if region else _NONE


def extra_nouns() -> frozenset[str]:
    """Every people noun some region reads that the rest do not."""
    return frozenset(n for c in _table().values() for n in c.nouns)
