"""Whether an event's side is a political party (or a union, a students' league): people, not an armed organisation.

ACLED codes a party's members or supporters who fight a rival party's or beat people as a mob (Riots: Mob
violence, the party beside "Rioters") and keeps Battles for organised armed sides: of the training notes where
"members/supporters/activists of" a party clashed or assaulted people, 448 of 600 in Bangladesh are mob violence or
violent demonstrations and none a battle; the same phrases with armed groups (Central African Republic) are battles
or attacks. A party is known by the dictionary (a hand-made row of kind "party"), by ACLED's record (an
organisation it codes beside rioters or protesters, ``actors_acled.csv``), or, for an organisation the dictionary
lacks, by a party's or union's head word in its name ("Chatra Dal", "Jubo League"). Read by the coding stage.
"""

from __future__ import annotations

import csv
import re

from sitrep.events.frames import Arg

CIVIL_ORG = 7  # the organisation head words' code for a party, union or association ("party", "league", "dal")
CROWD_CODES = {"5", "6"}  # ACLED's record: the organisation is coded beside rioters or protesters
CROWD_SIDE = (3, 5, 6, 7)  # codes a party's people get: never a state force, rebels, an identity militia, foreigners
_WORD = re.compile(r"[A-Za-z]+")
_CROWD_NAMES: dict[tuple[str, ...], frozenset[str]] = {}  # the record files read -> names coded beside crowds


def _crowd_organisations() -> frozenset[str]:
    """Names ACLED's record codes beside a crowd (inter 5 or 6 in ``actors_acled.csv``: parties, unions, student
    movements), read once per set of files (a dev build's own copy replaces the package's)."""
    from sitrep.resources import data_files

    paths = tuple(str(p) for p in data_files("actors_acled.csv"))
    found = _CROWD_NAMES.get(paths)
    if found is None:
        names = set()
        for path in paths:
            with open(path, encoding="utf-8", newline="") as f:
                for rec in csv.DictReader(line for line in f if line.strip() and not line.startswith("#")):
                    if (rec.get("inter") or "").strip() in CROWD_CODES and "{" not in (rec.get("name") or ""):
                        names.add(rec["name"].strip())
        found = _CROWD_NAMES[paths] = frozenset(names)
    return found


def civil_organisation(name: str, unlisted: bool = False) -> bool:
    """A canonical actor name that is a party's, union's or association's (``unlisted``: an organisation the
    dictionary lacks, known only by its name's head words, all civil: "Chatra Dal", not "... Dal Militia")."""
    from sitrep.actors import get_matcher

    index = get_matcher().index
    at = index.by_name.get(name)
    if at is not None and index.rows[at].kind == "party":
        return True
    if name in _crowd_organisations():
        return True
    if not unlisted:
        return False  # a dictionary name's head words say little ("Karen National Union" is an armed group)
    heads = [index.org_heads[w] for w in (m.lower() for m in _WORD.findall(name)) if w in index.org_heads]
    return bool(heads) and all(h == CIVIL_ORG for h in heads)


def party_side(arg: Arg | None) -> bool:
    """Whether an event's side is a named party (or union, association) and not coded as an armed force."""
    if arg is None or arg.inter not in CROWD_SIDE:
        return False
    return civil_organisation(arg.name, unlisted=arg.actor is not None and arg.actor.kind == "unlisted")
