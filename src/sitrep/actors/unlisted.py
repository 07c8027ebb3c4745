"""Organisations the dictionary does not list, read from the article's named entities.

An organisation entity whose head word reads as an armed or political actor ("Front", "Brigade", "Party";
``actors_org_heads.csv``) is a low-confidence "unlisted" actor; a party or union only when the note names it
ACLED's way (with its acronym) or names its people ("members of the X"). "Iraqi Security Forces (ISF)" is one
mention, and ISF means the same actor later on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.actors.dictionary import STATE_KINDS
from sitrep.actors.mentions import Context, Match, Tok

if TYPE_CHECKING:
    from sitrep.actors.matcher import ActorMatcher

CIVIL_ORG = 7  # org_heads inter of a party, union or association head word ("party", "league", "union")
_ARMED_GROUPS = (2, 3)  # rebel groups and political militias
_NAME_FILLERS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "al"})


# how a note names a party's or union's people: "members of the X", "X supporters"
_MEMBERS = frozenset({"members", "supporters", "activists", "cadres", "leaders", "workers"})
_MEMBERS_OF = frozenset((noun, "of") for noun in (*_MEMBERS, "banner"))
# the crowd is the organisation's doing: "teachers organized by the Coordinating Council of ...", "following a
# call by the X" (training notes that name an organisation so: ACLED codes it in 188 of 329; its initials and
# name in 111)
_CALLED_BY = frozenset({("organized", "by"), ("organised", "by"), ("call", "by"), ("call", "of"), ("called", "by"),
                        ("spearheaded", "by"), ("convened", "by"), ("mobilized", "by"), ("mobilised", "by")})
_MEMBERS_OR_CALLED_BY = _MEMBERS_OF | _CALLED_BY
_POSSESSIVES = frozenset({"'s", "’s"})  # "Al Mu'tasim Brigade's attempt": no part of the name ("People's Front" is)
_LIST_REACH = 24  # tokens walked back over a list of names to its "members of"


def bracketed_acronym(toks: Sequence[Tok], content: list[int], end: int) -> bool:
    """'Jatiya Samajtantrik Dal (JSD)', 'National Union of Education Workers (SNTE)': an acronym in brackets right
    after the name, whether or not its letters are the name's initials (a translated name keeps its own language's
    acronym; training notes naming a party or union so: ACLED codes it in 61% of those whose initials differ, 54% of
    those whose initials fit)."""
    if end + 2 >= len(content) or toks[content[end]].text != "(" or toks[content[end + 2]].text != ")":
        return False
    return is_acronym(toks[content[end + 1]].text)


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters)


def unlisted_org(matcher: ActorMatcher, toks: Sequence[Tok], content: list[int], keys: list[str], i: int,
                 org_end: int, ctx: Context) -> tuple[int, int, Match] | None:
    """An organisation entity missing from the dictionary whose name reads as an armed group."""
    end = i
    while end < len(keys) and toks[content[end]].end <= org_end and toks[content[end]].text != "(" and not (
            toks[content[end]].text in _POSSESSIVES and toks[content[end]].end == org_end):
        end += 1  # "Chhatra League (BCL" as one entity: the name stops at the bracket, or a closing possessive
    org_end = min(org_end, toks[content[end - 1]].end) if end > i else org_end
    words = keys[i:end]
    # A dictionary name inside the entity ("The Iraqi Security Forces") is matched on its own; one that names
    # nobody here (Russia's "Communist Party" in "Communist Party of Bangladesh") leaves the entity whole.
    if any(matcher.choose_row(entries, ctx, None)
           for k in range(i, end) for _e, entries in matcher._hits(matcher.index.aliases, matcher._alias_pref, keys, k)):
        return None
    inters = [matcher.index.org_heads[w] for w in words if w in matcher.index.org_heads]
    if not inters or end == i:
        return None
    # a party, union or association is an actor of its own when the note names it ACLED's way,
    # "Amar Bangladesh Party (AB)", or names its people ("members of the Kirti Kisan Union"); a bare
    # "the Election Commission" is a place or an addressee
    by_members = min(inters) == CIVIL_ORG and not bracketed_acronym(toks, content, end)
    if by_members and not (members_of(keys, i, toks, content)
                           or (end < len(keys) and keys[end] in _MEMBERS)):
        return None
    first = 1 if keys[i] == "the" else 0
    if len(words) - first == 1:
        return None  # "Army aspirants", "the Front": a kind of organisation, not one of them
    name_start = toks[content[i + first]].start
    span_text = "".join(t.text + (" " if k + 1 < len(toks) and toks[k + 1].start > t.end else "")
                        for k, t in enumerate(toks) if name_start <= t.start and t.end <= org_end).strip()
    bracketed = end + 1 < len(content) and toks[content[end]].text == "(" and is_acronym(toks[content[end + 1]].text)
    if by_members and not bracketed:
        # ACLED names it by its acronym and name; without one in the note, its initials are the likeliest
        # (they are in 664 of the 1,252 training notes that name a coded party or union in full alone)
        initials = "".join(w[0] for w in words[first:] if w and w not in _NAME_FILLERS and w[0].isalpha()).upper()
        if len(initials) >= 2:
            span_text = f"{initials}: {span_text}"
    # rank 0: a curated generic pattern of the same length ("Air Force") is the better reading
    return (end, 0, Match(name_start, org_end, span_text, min(inters), ctx.focus, "unlisted", 0.4))


def members_of(keys: list[str], i: int, toks: Sequence[Tok], content: list[int]) -> bool:
    """The organisation's people are named: "members of (the) X", also down a list of names ("members of
    Ganatantra Mancha, Gana Adhikar Party, and Gano Forum"); or the crowd is its doing ("organized by the X")."""
    k = i
    for _step in range(_LIST_REACH):
        if tuple(keys[max(0, k - 2):k]) in _MEMBERS_OR_CALLED_BY:
            return True
        if k == 0 or not (keys[k - 1] in (",", "and", "the") or toks[content[k - 1]].text[:1].isupper()):
            return False
        k -= 1
    return False


def merge_parenthetical(toks: Sequence[Tok], content: list[int], end: int, match: Match,
                         learned: dict[str, Match], matcher: ActorMatcher | None = None,
                         ctx: Context | None = None) -> int:
    """'Iraqi Security Forces (ISF)': one mention, and ISF means the same actor later on. 'Katiba Macina (JNIM)'
    names the armed group it belongs to: one mention still, with that group beside it."""
    if end + 2 >= len(content):
        return end
    a, b, c = (toks[content[k]] for k in (end, end + 1, end + 2))
    if a.text == "(" and c.text == ")" and match.kind == "generic" and (unit := _own_unit(matcher, ctx, b.key, match)):
        # "government security forces (Danab)": the bracket says which unit of the force the generic words name
        match.name, match.kind, match.identity = unit.name, "named", None
        match.end = c.end
        return end + 3
    if a.text == "(" and c.text == ")" and is_acronym(b.text) and match.kind in ("named", "unlisted"):
        acronym = b.text.replace(".", "")
        state = _state_force_spelled_out(matcher, ctx, b.key, match)
        if state is not None:
            # "Sudan Army Forces (SAF)": a name the dictionary lacks, bracketing a state force's known acronym of
            # the article's country, is that force spelled out; the acronym keeps its meaning later on
            match.name, match.inter, match.country, match.kind = state.name, state.inter, state.country, "named"
            match.end = c.end
            learned[acronym] = match
            return end + 3
        if match.kind == "unlisted" and not (matcher and matcher.index.aliases.get((b.key,))):
            # ACLED names a group by acronym and name ("BNA: Baloch ...", "SNTE: National Union of Education
            # Workers"); a known actor's acronym there is the group it belongs to, no name of its own
            match.name = f"{acronym}: {match.name}"
        parent = _parent_group(matcher, ctx, b.key, match)
        if parent is not None and parent in match.name.split(" and/or "):
            match.name = parent  # "Boko Haram (JAS)" where "Boko Haram" alone is the uncertain pair: the one it says
            learned[acronym] = match
        elif parent is not None:
            match.identity = "; ".join(x for x in (match.identity, parent) if x)
        else:
            learned[acronym] = match
        match.end = c.end
        return end + 3
    return end


def _parent_group(matcher: ActorMatcher | None, ctx: Context | None, key: str, match: Match) -> str | None:
    """The other armed group a bracketed acronym after an armed group's name stands for ("Katiba Macina (JNIM)",
    "Ansaroul Islam (JNIM)"): training notes that name a known group so, with another known one in brackets, code
    the bracketed one too in 348 of 462. Only between non-state armed groups: a state force's bracket is its own
    acronym ("Border Guards (BGB)")."""
    if matcher is None or ctx is None or match.kind != "named" or match.inter not in _ARMED_GROUPS:
        return None
    entries = matcher.index.aliases.get((key,))
    chosen = matcher.choose_row(entries, ctx, None) if entries else None
    if chosen is None:
        return None
    row = chosen[0]
    return row.name if row.name != match.name and row.inter in _ARMED_GROUPS and row.kind != "party" else None


def _state_force_spelled_out(matcher: ActorMatcher | None, ctx: Context | None, key: str, match: Match) -> Match | None:
    """The state force of the article's country a bracketed acronym after an unlisted name stands for, if any."""
    if matcher is None or ctx is None or match.kind != "unlisted" or not ctx.focus:
        return None
    entries = matcher.index.aliases.get((key,))
    chosen = matcher.choose_row(entries, ctx, None) if entries else None
    if chosen is None or chosen[0].kind not in STATE_KINDS or ctx.focus not in chosen[0].countries:
        return None
    return matcher.named(chosen[0], chosen[1], ctx, None, match.start, match.end)


def _own_unit(matcher: ActorMatcher | None, ctx: Context | None, key: str, match: Match) -> Match | None:
    """The unit of the generic mention's own state force a bracketed name stands for ("Military Forces of Somalia
    (2022-) Special Forces" for "(Danab)" after the army), if any."""
    if matcher is None or ctx is None or not key:
        return None
    entries = matcher.index.aliases.get((key,))
    chosen = matcher.choose_row(entries, ctx, None) if entries else None
    if chosen is None or not chosen[0].name.startswith(match.name + " "):
        return None
    return matcher.named(chosen[0], chosen[1], ctx, None, match.start, match.end)
