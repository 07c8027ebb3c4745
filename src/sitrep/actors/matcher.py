"""Finding and normalising actor mentions in a token sequence.

One left-to-right pass over the tokens; at each position the longest of these wins
(ties in this order): an acronym the article defined ("Iraqi Security Forces (ISF)"
teaches ISF), a dictionary alias, an organisation entity with an armed-group head
word, a nationality word + generic pattern ("Turkish drones"), a generic pattern.
Prefix sets make each position cost a dict lookup or two, so the pass is linear.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sitrep.actors.alternatives import join_alternatives, narrow_pair
from sitrep.actors.dictionary import _DROP, STATE_KINDS, ActorIndex, ActorRow, AliasEntry, GenericRow
from sitrep.actors.identities import dated_identity
from sitrep.actors.mentions import Context, Match, Tok
from sitrep.actors.state_units import forces_of_country, mutiny, state_unit
from sitrep.actors.unlisted import CIVIL_ORG, is_acronym, merge_parenthetical, unlisted_org

__all__ = ["CIVIL_ORG", "ActorMatcher", "Context", "Match", "Tok"]  # the moved names, for their importers

V = TypeVar("V")

_NEGATING_PREFIXES = frozenset({"anti", "pro", "counter", "post", "non"})
_FOREIGN_FORCE_PREFIXES = ("Military Forces of", "Police Forces of")


def _prefixes(keys: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for k in keys:
        out.update(k[:n] for n in range(1, len(k) + 1))
    return out


# ACLED's notes count people with a figure: "1 health worker was killed" is the singular pattern "a health worker"
_ONE = frozenset({"1", "one"})
_ARTICLES = ("a", "an")


def _learned_tie_key(row: ActorRow, year: int | None) -> tuple[bool, int]:
    """Between two rows mined from the record with equal scores: the one seen in the event's years (one year's
    margin), then the one seen in more notes."""
    if row.seen is None:
        return (False, row.notes)
    near = year is not None and row.seen[0] - 1 <= year <= row.seen[1] + 1
    return (near, row.notes)


class ActorMatcher:
    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self._alias_pref = _prefixes(index.aliases)
        self._gen_pref = _prefixes(index.generics)
        self._nat_table = {**{k: (c, False) for k, c in index.country_names.items()},
                           **{k: (c, True) for k, c in index.nationalities.items()}}
        self._nat_pref = _prefixes(self._nat_table)
        # the words an alias, a generic pattern ("1 imam" too) or a country or nationality can start with: a
        # position whose word is none of them has no candidate but an NER organisation or a learned acronym,
        # and most positions are such (scan made five look-up calls at each)
        self._nat_first = {p[0] for p in self._nat_pref}
        self._first_words = {p[0] for p in (*self._alias_pref, *self._gen_pref)} | self._nat_first | _ONE

    # ---- lookups over the content tokens (those with a non-empty key) ----

    @staticmethod
    def _hits(table: dict[tuple[str, ...], V], pref: set[tuple[str, ...]], keys: Sequence[str],
              i: int) -> list[tuple[int, V]]:
        """(end, value) for every key of ``table`` starting at ``i``, shortest first."""
        out = []
        j = i + 1
        while j <= len(keys) and tuple(keys[i:j]) in pref:
            value = table.get(tuple(keys[i:j]))
            if value is not None:
                out.append((j, value))
            j += 1
        return out

    def generic_hits(self, keys: Sequence[str], i: int) -> list[tuple[int, list[GenericRow]]]:
        """Generic patterns starting at ``i``, shortest first; a count of one reads as the article ("1 imam")."""
        hits = self._hits(self.index.generics, self._gen_pref, keys, i)
        if keys[i] in _ONE:
            tail = keys[i + 1:i + self.index.max_len]
            for article in _ARTICLES:
                hits += [(i + end, rows) for end, rows in self._hits(self.index.generics, self._gen_pref, (article, *tail), 0)
                         if end > 1]
            hits.sort(key=lambda hit: hit[0])
        return hits

    def nationality_hits(self, keys: Sequence[str], texts: Sequence[str], i: int) -> list[tuple[int, tuple[str, bool]]]:
        """Country names and nationality words starting at ``i``; an acronym ("CAR", "US") only in capitals."""
        return [(end, value) for end, value in self._hits(self._nat_table, self._nat_pref, keys, i)
                if (form := self.index.case_names.get(tuple(keys[i:end]))) is None
                or tuple(t.translate(_DROP) for t in texts[i:end]) == form]

    def countries_in(self, toks: Sequence[Tok]) -> Counter[str]:
        """How often each country is named or implied by a nationality word."""
        keys = [t.key for t in toks if t.key]
        texts = [t.text for t in toks if t.key]
        counts: Counter[str] = Counter()
        i = 0
        nat_first = self._nat_first
        while i < len(keys):
            if keys[i] not in nat_first:
                i += 1
                continue
            hits = self.nationality_hits(keys, texts, i)
            if hits:
                end, (country, _adj) = hits[-1]
                counts[country] += 1
                i = end
            else:
                i += 1
        return counts

    # ---- resolution ----

    def _context_countries(self, ctx: Context, local: str | None) -> set[str]:
        return {c for c in (ctx.focus, local) if c} | ctx.countries

    def choose_row(self, entries: list[AliasEntry], ctx: Context, local: str | None) -> tuple[ActorRow, float] | None:
        """Pick the dictionary row an alias stands for in this context."""
        around = self._context_countries(ctx, local)
        best: tuple[float, int, ActorRow, float] | None = None
        for order, e in enumerate(entries):
            row = self.index.rows[e.row]
            if e.restricted and not (set(row.countries) & around):
                continue
            if (e.home or (e.case is not None and row.kind == "acled")) and ctx.focus \
                    and not (set(row.countries) & around):
                # a learned actor's acronym is its own country's ("PPP" is a party in Pakistan and another in
                # South Korea): in an article about elsewhere it names someone the record has not seen
                continue
            score = 0.0
            if local and local in row.countries:
                score += 8
            if ctx.focus and ctx.focus in row.countries:
                score += 4
            elif set(row.countries) & around:
                score += 2
            if ctx.year is not None:
                score += 1 if row.valid_in(ctx.year) else -3
            elif row.end_year is None:
                score += 1
            conf = 0.85 if e.restricted else (0.9 if e.case else 0.95)
            # Equal scores between periods of one state force or armed group: the later one (the year a government
            # changed holds both; 'Boko Haram' in 2022 is the pair ACLED then coded); otherwise the dictionary's order.
            if best is None or score > best[0] or (
                score == best[0] and row.kind in (*STATE_KINDS, "armed_group") and row.kind == best[2].kind
                and row.countries == best[2].countries and (row.start_year or 0) > (best[2].start_year or 0)
            ) or (score == best[0] and row.kind == best[2].kind == "acled"
                  and _learned_tie_key(row, ctx.year) > _learned_tie_key(best[2], ctx.year)):
                best = (score, order, row, conf)
        return None if best is None else (best[2], best[3])

    def _row_country(self, row: ActorRow, ctx: Context, local: str | None) -> str | None:
        for c in (local, ctx.focus):
            if c and c in row.countries:
                return c
        return row.countries[0] if row.countries else None

    def _inter(self, name: str, inter: int, country: str | None, ctx: Context, state: bool) -> int:
        # ACLED codes a state's forces acting outside their own country as external forces (8).
        if (state or name.startswith(_FOREIGN_FORCE_PREFIXES)) and inter == 1 and ctx.focus and country and country != ctx.focus:
            return 8
        return inter

    def named(self, row: ActorRow, conf: float, ctx: Context, local: str | None, start: int, end: int) -> Match:
        country = self._row_country(row, ctx, local)
        inter = self._inter(row.name, row.inter, country, ctx, row.kind in STATE_KINDS)
        return Match(start, end, row.name, inter, country, "named", conf)

    def generic(self, rows: list[GenericRow], ctx: Context, local: str | None, start: int, end: int) -> Match | None:
        country = local or ctx.focus
        own = [g for g in rows if g.country and g.country == country]
        general = [g for g in rows if not g.country]
        pick = (own or general)[0] if (own or general) else None
        if pick is None or (pick.requires == "nationality" and not local):
            return None
        name, inter, conf = pick.name, pick.inter, pick.confidence
        state = False
        for slot in STATE_KINDS:
            tag = "{" + slot + "}"
            if name == tag or name.startswith(tag + " "):
                state = True
                # "{police} Gendarmerie": ACLED names a force's sub-unit after the force and its period
                # ("Police Forces of Mali (2021-) Gendarmerie")
                unit = name[len(tag):]
                row = self.index.state_row(country, slot, ctx.year) if country else None
                if row is not None:
                    name, inter = row.name + unit, row.inter
                elif country:
                    prefix = {"military": "Military Forces of", "police": "Police Forces of", "government": "Government of"}
                    name = f"{prefix[slot]} {country}{unit}"
                else:
                    name = {"military": "Unidentified Military Forces", "police": "Police Forces"}.get(slot, "Government")
                    conf *= 0.6
        # "{foreign}": people who are foreigners where they are ("migrants"): of the country their nationality word
        # names ("Afghan migrants"), else ACLED's "International"
        name = name.replace("{foreign}", local or "International")
        if "{country}" in name:
            if country:
                name = name.replace("{country}", country)
            else:
                name = name.replace(" ({country})", "").replace("{country}", "")
                conf *= 0.6
        identity = None
        if pick.identity:
            identity = pick.identity.replace("{foreign}", local or "International")
            identity = identity.replace("{country}", country) if country else identity.replace(" ({country})", "")
            identity = dated_identity(identity, ctx.year)  # "Labour Group" became "Labor Group" in 2023
        return Match(start, end, name, self._inter(name, inter, country, ctx, state), country, "generic", conf,
                     identity=identity)

    # ---- the pass ----

    def scan(self, toks: Sequence[Tok], ctx: Context) -> list[Match]:
        content = [k for k, t in enumerate(toks) if t.key]
        keys = [toks[k].key for k in content]
        texts = [toks[k].text for k in content]
        person_at = self._person_spans(ctx.persons)
        learned: dict[str, Match] = {}
        out: list[Match] = []
        first_words = self._first_words
        i = 0
        while i < len(keys):
            first = toks[content[i]]
            if keys[i] not in first_words and first.start not in ctx.orgs and not (learned and is_acronym(first.text)):
                i += 1
                continue
            cands: list[tuple[int, int, Match]] = []  # (end, rank, match); higher rank wins ties
            if learned and is_acronym(first.text) and first.text.translate(str.maketrans("", "", ".")) in learned:
                m = learned[first.text.translate(str.maketrans("", "", "."))]
                cands.append((i + 1, 5, Match(first.start, first.end, m.name, m.inter, m.country, m.kind, m.confidence)))
            nat_hits = self.nationality_hits(keys, texts, i)
            negated = self._negated(toks, content, i)
            backers = negated and self._backers(toks, content, i)
            if not negated or backers:
                for end, entries in reversed(self._hits(self.index.aliases, self._alias_pref, keys, i)):
                    if backers and not (keys[end - 1] in self.index.member_nouns
                                        or (end < len(keys) and keys[end] in self.index.member_nouns)):
                        continue  # "pro-Houthi" qualifies something else unless it names fighters
                    if self._tail_of_capitals(toks, content, i, end):
                        continue
                    valid = [e for e in entries if self._case_ok(e, toks, content, i, end)]
                    local = self._local_country(toks, content, i)
                    chosen = self.choose_row(valid, ctx, local) if valid else None
                    s, e_ = first.start, toks[content[end - 1]].end
                    if chosen and not self._inside_person(person_at, s, e_, toks):
                        # "pro-Houthi forces" are the Houthis' own: one mention from "pro" on
                        s = toks[content[i] - 2].start if backers else s
                        cands.append((end, 4, self.named(chosen[0], chosen[1], ctx, local, s, e_)))
                        break
            org_end = ctx.orgs.get(first.start)
            if org_end is not None:
                m_org = unlisted_org(self, toks, content, keys, i, org_end, ctx)
                if m_org and (unit := state_unit(m_org[2].name.split(": ", 1)[-1], ctx.focus, ctx.year, self.index)):
                    m_org[2].name, m_org[2].inter, m_org[2].kind = unit, 1, "named"  # "Galmudug Police Force"
                    m_org[2].country = ctx.focus
                if m_org and (m_org[2].kind == "named" or m_org[2].inter != 1):
                    cands.append(m_org)  # a state's organisation that is no unit of its forces is no actor
            for d_end, (country, is_adj) in nat_hits:
                shared = self._coordinated_generic(keys, toks, content, d_end, ctx, country, first.start)
                if shared:
                    cands.append(shared)
                g_start = d_end
                if not is_adj and g_start < len(keys) and toks[content[g_start]].text in ("'s", "’s"):
                    g_start += 1  # "Iraq's army"; a bare name works too ("UK warplanes")
                for end, rows in reversed(self._hits(self.index.generics, self._gen_pref, keys, g_start)):
                    gm = self.generic(rows, ctx, country, first.start, toks[content[end - 1]].end)
                    if gm:
                        cands.append((end, 2, gm))
                        break
            if (of_country := forces_of_country(self, keys, texts, content, toks, i, ctx)) is not None:
                cands.append(of_country)  # "the military forces of Tajikistan", "troops from Burundi"
            for end, rows in reversed(self.generic_hits(keys, i)):
                gm = self._generic_or_coref(rows, ctx, out, toks, content, i, end)
                if gm:
                    cands.append((end, 1, gm))
                    break
            if not cands and nat_hits:
                state = self._country_acting(toks, content, i, nat_hits[-1], ctx)
                if state:
                    cands.append(state)
            if not cands:
                i += 1
                continue
            end, _rank, match = max(cands, key=lambda c: (c[0], c[1]))
            match.sent = first.sent
            mutiny(match, toks, content, i)
            end = merge_parenthetical(toks, content, end, match, learned, self, ctx)
            end = narrow_pair(self, toks, content, end, match, ctx)
            if match.kind in ("named", "unlisted") and end < len(keys) and keys[end] in self.index.member_nouns:
                match.end = toks[content[end]].end
                end += 1
            out.append(match)
            i = end
        return join_alternatives(self, toks, out, ctx)

    # ---- helpers of the pass ----

    def _coordinated_generic(self, keys: list[str], toks: Sequence[Tok], content: list[int], d_end: int,
                             ctx: Context, country: str, start: int) -> tuple[int, int, Match] | None:
        """'US and UK warplanes', 'Turkish and JWS forces': the first nationality shares the generic noun that
        follows the second nationality or named actor."""
        if d_end >= len(keys) or keys[d_end] not in ("and", "or", ","):
            return None
        seconds = [end for end, _v in self._hits(self._nat_table, self._nat_pref, keys, d_end + 1)]
        seconds += [end for end, _v in self._hits(self.index.aliases, self._alias_pref, keys, d_end + 1)]
        for n_end in sorted(seconds, reverse=True):
            for _g_end, rows in reversed(self._hits(self.index.generics, self._gen_pref, keys, n_end)):
                m = self.generic(rows, ctx, country, start, toks[content[d_end - 1]].end)
                if m:
                    return (d_end, 2, m)
        return None

    def _country_acting(self, toks: Sequence[Tok], content: list[int], i: int, hit: tuple[int, tuple[str, bool]],
                        ctx: Context) -> tuple[int, int, Match] | None:
        """'Turkey struck ...' -> its military; 'Syria accused ...' -> its government; 'Iraqis' -> its civilians."""
        end, (country, is_adj) = hit
        last = toks[content[end - 1]]
        start = toks[content[i]].start
        if not is_adj:
            if last.dep not in ("nsubj", "nsubjpass"):
                return None
            role = "military" if self.index.subject_verbs.get(last.head_lemma) == "military" else "government"
            m = self.generic([GenericRow("", "{" + role + "}", 1, "", "", 0.5)], ctx, country, start, last.end)
            return (end, 0, m) if m else None
        word = last.text
        plural = len(word) > 3 and word[1:].islower() and word.endswith("s") and not word.endswith("ss")
        if end - i == 1 and plural and last.dep not in ("amod", "compound"):
            m = self.generic([GenericRow("", "Civilians ({country})", 7, "", "", 0.5)], ctx, country, start, last.end)
            return (end, 0, m) if m else None
        return None

    @staticmethod
    def _person_spans(persons: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return sorted(persons)

    @staticmethod
    def _inside_person(persons: list[tuple[int, int]], start: int, end: int, toks: Sequence[Tok] = ()) -> bool:
        # "Richard Wagner" is a person, not the Wagner Group; an alias that is the whole entity still counts, and so
        # does one the rest of whose entity is acronyms: "Boko Haram JAS" is the group and its faction, no one's name
        return any(ps <= start and end <= pe and (pe - ps) > (end - start)
                   and not all(is_acronym(t.text) for t in toks if ps <= t.start and t.end <= pe
                               and not start <= t.start < end and t.key)
                   for ps, pe in persons)

    @staticmethod
    def _tail_of_capitals(toks: Sequence[Tok], content: list[int], i: int, end: int) -> bool:
        """'ZANU PF': an acronym right after another word in capitals ends a longer name, not Zambia's PF."""
        raw = content[i]
        if end - i != 1 or raw == 0 or not is_acronym(toks[raw].text):
            return False
        prev = toks[raw - 1].text
        return prev.isalpha() and prev.isupper() and len(prev) >= 3

    @staticmethod
    def _negated(toks: Sequence[Tok], content: list[int], i: int) -> bool:
        """'anti-ISIS', 'pro-Houthi': the name qualifies something else."""
        raw = content[i]
        return raw >= 2 and toks[raw - 1].text in ("-", "–") and toks[raw - 2].key in _NEGATING_PREFIXES

    @staticmethod
    def _backers(toks: Sequence[Tok], content: list[int], i: int) -> bool:
        """'pro-Houthi forces', 'pro-Hadi forces': fighters for a named actor are coded as that actor (ACLED's
        training notes naming pro-Hadi forces code the government's military in 56 of 58)."""
        return toks[content[i] - 2].key == "pro"

    @staticmethod
    def _case_ok(entry: AliasEntry, toks: Sequence[Tok], content: list[int], i: int, end: int) -> bool:
        if entry.case is None:
            return True
        drop = str.maketrans("", "", ".'’‘`ʼ")
        return tuple(toks[content[k]].text.translate(drop) for k in range(i, end)) == entry.case

    def _local_country(self, toks: Sequence[Tok], content: list[int], i: int) -> str | None:
        """A nationality word right before the mention ("Somali SNA") pins the country."""
        if i == 0:
            return None
        return self.index.nationalities.get((toks[content[i - 1]].key,))

    def _generic_or_coref(self, rows: list[GenericRow], ctx: Context, out: list[Match], toks: Sequence[Tok],
                          content: list[int], i: int, end: int) -> Match | None:
        start, stop = toks[content[i]].start, toks[content[end - 1]].end
        coref = [g for g in rows if g.name == "{coref}"]
        if not coref:
            return self.generic(rows, ctx, None, start, stop)
        sent = toks[content[i]].sent
        # "JNIM and/or ISGS militants ... the militants": the pair is read as one actor before the last name is taken
        named = join_alternatives(self, toks, out, ctx)
        recent = [m for m in named if m.kind in ("named", "unlisted") and m.inter in (2, 3, 4) and sent - m.sent <= 3]
        rebels = [m for m in recent if m.inter == 2]
        pool = rebels or recent
        if pool:
            target = pool[-1]
            return Match(start, stop, target.name, target.inter, target.country, "coref", coref[0].confidence)
        # Nobody to refer back to: read "the militants" as plain "militants" if that is a pattern.
        head = tuple(toks[content[k]].key for k in range(i, end))
        if head and head[0] in ("the", "its"):
            fallback = self.index.generics.get(head[1:])
            if fallback and all(g.name != "{coref}" for g in fallback):
                return self.generic(fallback, ctx, None, start, stop)
        return None
