"""Two named actors given as alternatives ("JNIM and/or ISGS militants"): the one actor ACLED codes for the pair.

Split from ``sitrep.actors.matcher``, whose pass calls ``join_alternatives`` on its mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.actors.mentions import Context, Match, Tok, pair_names

if TYPE_CHECKING:
    from sitrep.actors.matcher import ActorMatcher

# the words between two names, spaces dropped: "JNIM or ISGS", "Boko Haram/ ISWAP" (for a pair the record has)
_ALTERNATIVE_JOINS = frozenset({"or", "and/or", "andor", "/"})
# ACLED's wording of an uncertain pair ("JNIM and/or ISGS militants"): 343 of 345 training events saying it code one
# actor "A and/or B", so a pair the record lacks is named so too (note's order); a plain "or" or "/" joins groups
# the record keeps apart as often as not ("ISGS or Ansaroul Islam", "TTP/LEI"): those join only a known pair
_UNCERTAIN_JOINS = frozenset({"and/or", "andor"})
_NON_STATE = frozenset({2, 3})


def join_alternatives(matcher: ActorMatcher, toks: Sequence[Tok], out: list[Match], ctx: Context) -> list[Match]:
    """'JNIM and/or ISGS militants': ACLED codes the uncertain pair as one actor of its own when its record has one."""
    joined: list[Match] = []
    for m in out:
        prev = joined[-1] if joined else None
        if prev is not None and prev.kind == m.kind == "named" and m.start - prev.end <= 12:
            between = "".join(t.text for t in toks if prev.end <= t.start and t.end <= m.start).lower()
            pair = pair_names(prev.name, m.name) if between in _ALTERNATIVE_JOINS else ()
            k = next((matcher.index.by_name[n] for n in pair if n in matcher.index.by_name), None)
            if k is not None:
                row = matcher.index.rows[k]
                merged = matcher.named(row, min(prev.confidence, m.confidence), ctx, None, prev.start, m.end)
                merged.sent = prev.sent
                joined[-1] = merged
                continue
            if between in _UNCERTAIN_JOINS and prev.name != m.name and prev.inter == m.inter in _NON_STATE:
                joined[-1] = Match(prev.start, m.end, f"{prev.name} and/or {m.name}", prev.inter, prev.country, "named",
                                   min(prev.confidence, m.confidence), prev.sent)
                continue
        joined.append(m)
    return joined


_OPEN, _CLOSE = frozenset({"(", "["}), frozenset({")", "]"})
_FACTION = frozenset({"faction", "wing"})


def narrow_pair(matcher: ActorMatcher, toks: Sequence[Tok], content: list[int], end: int, match: Match,
                ctx: Context) -> int:
    """'Boko Haram JAS', 'Boko Haram [JAS faction]': a name ACLED reads as an uncertain pair in the event's year,
    followed by one of the pair's own names, is that one ("Boko Haram (JAS)" is ``merge_parenthetical``'s);
    returns the end of what was read."""
    if match.kind != "named" or " and/or " not in match.name or end >= len(content):
        return end
    pair = match.name.split(" and/or ")
    k = end + (toks[content[end]].text in _OPEN)
    for stop, entries in reversed(matcher._hits(matcher.index.aliases, matcher._alias_pref,
                                                [toks[c].key for c in content], k) if k < len(content) else []):
        chosen = matcher.choose_row(entries, ctx, None)
        if chosen is None or chosen[0].name not in pair:
            continue
        match.name = chosen[0].name
        stop += stop < len(content) and toks[content[stop]].key in _FACTION
        stop += k > end and stop < len(content) and toks[content[stop]].text in _CLOSE
        match.end = toks[content[stop - 1]].end
        return stop
    return end
