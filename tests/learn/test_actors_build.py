"""The ACLED actor table build: name forms, mined phrases, templates, held-out countries never read."""

from __future__ import annotations

import csv
from pathlib import Path

from sitrep.learn.acled import AcledRecord, record_from_row
from sitrep.learn.actors import build_table, name_forms, target_of, write_table


def _rec(i: int, country: str, notes: str, actor1: str, inter1: int, actor2: str = "", inter2: str = "",
         assoc2: str = "") -> AcledRecord:
    row = {"event_id_cnty": f"E{i}", "event_date": f"20{10 + i % 10}-03-0{1 + i % 9}", "event_type": "Battles",
           "sub_event_type": "Armed clash", "actor1": actor1, "inter1": str(inter1), "actor2": actor2,
           "inter2": inter2, "assoc_actor_2": assoc2, "country": country, "location": f"Town{i}",
           "admin1": "Northprov", "notes": notes}
    rec = record_from_row(row)
    assert rec is not None
    return rec


def _records() -> list[AcledRecord]:
    recs = []
    for i in range(12):  # a named group, written by its acronym plus a member noun
        recs.append(_rec(i, "Arland", f"On day {i}, ZF fighters attacked soldiers near Town{i} and Hill{i}.",
                         "ZF: Zorvan Front", 2, "Military Forces of Arland (2015-)", "1"))
    for i in range(12, 40):  # the army alone: 'soldiers' is common everywhere, so it names no group
        recs.append(_rec(i, "Arland", f"On day {i}, soldiers patrolled Town{i} and millers complained.",
                         "Military Forces of Arland (2015-)", 1, "Civilians (Arland)", "7",
                         assoc2="Millers (Arland)"))
    for i in range(40, 52):  # the template is learned across countries
        recs.append(_rec(i, "Borland", f"On day {i}, soldiers beat millers in Town{i}.",
                         "Military Forces of Borland (2010-)", 1, "Civilians (Borland)", "7",
                         assoc2="Millers (Borland)"))
    recs.append(_rec(99, "Kenya", "Secret Kenyan group KX struck.", "KX: Kenyan Secret Group", 2))
    return recs


def test_name_forms_split_acronym_and_drop_period() -> None:
    assert name_forms("JNIM: Group for Support of Islam and Muslims") == [
        "JNIM: Group for Support of Islam and Muslims", "JNIM", "Group for Support of Islam and Muslims"]
    assert name_forms("Military Forces of Mali (2021-)") == ["Military Forces of Mali"]
    assert name_forms("Labour Group ({country})") == []


def test_country_names_become_templates() -> None:
    assert target_of("Labour Group (Kenya)", {"Kenya"}) == "Labour Group ({country})"
    assert target_of("Islamic State (West Africa)", {"Kenya"}) == "Islamic State (West Africa)"


def test_build_mines_phrases_and_skips_holdout(tmp_path: Path) -> None:
    table = build_table(_records(), holdout=("Kenya",), min_notes=3, skip=["Civilians ({country})"])
    assert "KX: Kenyan Secret Group" not in table.actors  # held-out country never read
    zf = table.actors["ZF: Zorvan Front"]
    assert zf.inter.most_common(1)[0][0] == 2 and set(zf.countries) == {"Arland"}
    assert "ZF fighters" in zf.aliases or "ZF" in zf.aliases
    assert not any("soldiers" in a.lower() for a in zf.aliases)
    millers = table.actors["Millers ({country})"]
    assert set(millers.countries) == {"Arland", "Borland"}
    assert "millers" in millers.aliases
    assert "Civilians ({country})" not in table.actors
    out = tmp_path / "actors_acled.csv"
    n = write_table(table, out)
    text = out.read_text(encoding="utf-8")
    assert "Armed Conflict Location & Event Data Project (ACLED)" in text
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert len(rows) == n
    by_name = {r["name"]: r for r in rows}
    assert by_name["ZF: Zorvan Front"]["aliases"].split("|")[:2] == ["ZF: Zorvan Front", "ZF"]
    assert by_name["Millers ({country})"]["kind"] == "identity"
    assert not any(r["name"].startswith("Military Forces of") for r in rows)  # the hand-made period table's job


def test_two_actors_named_together_are_no_name_of_either() -> None:
    recs = [_rec(i, "Arland", f"On {'Oct' if i % 2 else 'Nov'} {i}, ZF and Qarn Front militants attacked Town{i}.",
                 "ZF: Zorvan Front", 2, "Military Forces of Arland (2015-)", "1") for i in range(12)]
    recs += [_rec(i, "Arland", f"On day {i}, soldiers patrolled Town{i}.", "Military Forces of Arland (2015-)", 1)
             for i in range(12, 40)]
    zf = build_table(recs, holdout=(), min_notes=3).actors["ZF: Zorvan Front"]
    assert not [a for a in zf.aliases if " and " in a.lower()]
    assert not {"Oct", "Nov"} & set(zf.aliases)  # months name no one


def test_a_nationality_word_is_no_name_of_a_group() -> None:
    recs = [_rec(i, "Arland", f"On day {i}, ZF fighters and Russian advisers attacked Town{i}.",
                 "ZF: Zorvan Front", 2) for i in range(12)]
    recs += [_rec(i, "Arland", f"On day {i}, soldiers patrolled Town{i}.", "Military Forces of Arland (2015-)", 1)
             for i in range(12, 40)]
    zf = build_table(recs, holdout=(), min_notes=3).actors["ZF: Zorvan Front"]
    assert "Russian" not in zf.aliases


def test_an_actor_coded_beside_another_in_most_notes_has_it_as_companion() -> None:
    from sitrep.learn.companions import companions

    recs = [_rec(i, "Arland", f"On day {i}, Zorvan brigades attacked Town{i}.", "ZB: Zorvan Brigades", 2,
                 "Civilians (Arland)", "7", assoc2="Millers (Arland)") for i in range(12)]
    for i in range(12, 24):  # the brigades' backers come along on their side in 10 of their 12 notes
        recs[i - 12].assoc_actor_1 = ["ZF: Zorvan Front"] if i < 22 else []
    table = build_table(recs, holdout=(), min_notes=3, skip=["Civilians ({country})"])
    assert companions(table.actors["ZB: Zorvan Brigades"]) == ["ZF: Zorvan Front"]
    # the other side's identity and the sides themselves are never companions
    assert companions(table.actors["Millers ({country})"]) == []


def test_a_state_force_sub_unit_is_learned_bound_to_its_country(tmp_path: Path) -> None:
    unit = "Police Forces of Arland (2015-) Dune Special Police"
    recs = [_rec(i, "Arland", f"On day {i}, DSP officers and Dune special police raided Town{i}.", unit, 1,
                 "Civilians (Arland)", "7") for i in range(8)]
    recs += [_rec(i, "Arland", f"On day {i}, soldiers patrolled Town{i} near the Mediterranean.",
                  "Military Forces of Arland (2015-)", 1) for i in range(8, 30)]
    assert name_forms(unit) == ["Dune Special Police"]
    table = build_table(recs, holdout=(), min_notes=3)
    out = tmp_path / "actors.csv"
    write_table(table, out)
    rows = {r["name"]: r for r in csv.DictReader(line for line in out.open() if not line.startswith("#"))}
    assert "Military Forces of Arland (2015-)" not in rows  # the force itself stays with the hand-made table
    aliases = rows[unit]["aliases"].split("|")
    assert aliases[0] == "~Dune Special Police" and all(a.startswith("~") for a in aliases)
    assert rows[unit]["start_year"] == "2015" and rows[unit]["country"] == "Arland"


def _opponent_records() -> list[AcledRecord]:
    """A group in most notes of its country, a foreign contingent fighting it written by its army's acronym."""
    group, mission, army = "Al Zorvan", "Peace Mission (Kor Contingent)", "Military Forces of Arland (2015-)"
    recs = [_rec(i, "Arland", f"On day {i}, Zorvan fighters attacked Town{i}.", group, 2, army, "1")
            for i in range(100)]
    recs += [_rec(i, "Arland", f"On day {i}, KPF troops repelled an attack on Town{i}.", mission, 8, group, "2")
             for i in range(100, 110)]
    recs += [_rec(i, "Arland", f"On day {i}, Zorvan claimed KPF losses near Town{i}.", group, 2)
             for i in range(110, 112)]
    recs += [_rec(i, "Arland", f"On day {i}, soldiers patrolled Town{i}.", army, 1) for i in range(112, 312)]
    return recs


def test_a_phrase_naming_the_opponent_of_an_ubiquitous_group_is_not_its_name() -> None:
    table = build_table(_opponent_records(), holdout=(), min_notes=3)
    assert "KPF" not in table.actors["Al Zorvan"].aliases
    assert "KPF" in table.actors["Peace Mission (Kor Contingent)"].aliases
    assert "Zorvan fighters" in table.actors["Al Zorvan"].aliases  # its own name's word keeps it with the group


def test_a_hand_made_alias_of_another_actor_leaves_the_longer_phrases() -> None:
    # "KPF" is the hand-made row's (Korland's army): the contingent keeps the phrase that says more
    table = build_table(_opponent_records(), holdout=(), min_notes=3,
                        taken={"kpf": {"military forces of korland"}})
    mission = table.actors["Peace Mission (Kor Contingent)"].aliases
    assert "KPF" not in mission and "KPF troops" in mission


def test_a_place_word_in_lower_case_is_a_common_word_not_part_of_a_name() -> None:
    """"in front of the Education Department": "Front" is a word of some place's name, "front" is no name; a
    capitalised place word is still no name of its own ("Kidal militants")."""
    from sitrep.learn.actors import _name_like

    nouns = frozenset({"militants", "members"})
    places = frozenset({"front", "kidal", "new"})
    target = "CCTSI: Coordinating Council of Teachers Syndicates in Iran"
    assert not _name_like("front of the Education", target, nouns, places)
    assert _name_like("Teachers Syndicates", target, nouns, places)
    assert not _name_like("Kidal militants", "ZF: Zorvan Front", nouns, places)
    assert _name_like("ZF militants", "ZF: Zorvan Front", nouns, places)


def test_a_companion_of_recent_years_only_is_dated_from_the_year_after_the_last_against_it() -> None:
    from collections import Counter

    from sitrep.learn.companions import since_year as _since

    notes = Counter({2016: 30, 2017: 30, 2018: 40, 2020: 50, 2021: 40})
    beside = {2016: 10, 2017: 9, 2018: 12, 2020: 49, 2021: 39}
    assert _since(notes, beside) == 2020  # the record lacks 2019: the convention is dated from the evidence for it
    assert _since(Counter({2020: 3, 2021: 4}), {2020: 3, 2021: 4}) is None  # too few notes to tell a convention
    assert _since(Counter({2020: 30, 2021: 30}), {2020: 5, 2021: 20}) == 2021
    assert _since(Counter({2020: 30, 2021: 30}), {2020: 5, 2021: 12}) is None  # not in most notes of late
