"""The article's spelling of a province, near spellings of provinces, and the source's country as a weak focus."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer, load_gazetteer
from sitrep.gazetteer.resolve import Resolver, Toponym
from sitrep.gazetteer.spelling import Admin1Names, _bracket_last_spelling, admin1_spellings, match_admin1_typos


def _unit(name: str, cc: str) -> Toponym:
    gaz = load_gazetteer()
    entry = next(e for e in gaz.lookup(name) if e.feature == "admin1" and e.cc == cc)
    return Toponym(name, 0, len(name), candidates=[entry], entry=entry)


def _never_spelled(monkeypatch: pytest.MonkeyPatch, gaz: Gazetteer, *codes: str) -> None:
    """The text's spelling is for units ACLED's record never spelled; the package's build spells nearly every unit
    of a country the record holds, so the test takes those units out of the record's spellings."""
    monkeypatch.setattr(gaz, "acled_spelled", set(gaz.acled_spelled) - set(codes))


def test_text_spelling_names_a_unit_acled_never_spelled(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = load_gazetteer()
    top = _unit("Bekaa", "LB")
    assert top.entry is not None
    _never_spelled(monkeypatch, gaz, top.entry.admin1_code)
    text = "Bekaa governorate"
    top.text, top.end = text, len(text)
    assert admin1_spellings(gaz, text, [top]) == {top.entry.admin1_code: "Bekaa"}


def test_text_spelling_keeps_a_compass_suffix_and_skips_abbreviations(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = load_gazetteer()
    top = _unit("Bekaa", "LB")
    assert top.entry is not None
    _never_spelled(monkeypatch, gaz, top.entry.admin1_code)
    assert admin1_spellings(gaz, "Bekaa-North)", [top]) == {top.entry.admin1_code: "Bekaa-North"}
    top.text, top.end = "BKA", 3
    assert admin1_spellings(gaz, "BKA", [top]) == {}


def test_spelling_from_acled_record_beats_the_text() -> None:
    gaz = load_gazetteer()
    top = _unit("North Kivu", "CD")
    assert top.entry is not None and top.entry.admin1_code in gaz.acled_spelled
    assert admin1_spellings(gaz, "North Kivu", [top]) == {}


def test_near_spelling_of_a_province_is_that_province() -> None:
    gaz = load_gazetteer()
    names = Admin1Names(gaz)
    entry = names.near("Zaporizhia", "UA")
    assert entry is not None and entry.feature == "admin1"
    assert entry.admin1_code == next(e.admin1_code for e in gaz.lookup("Zaporizhzhia Oblast") if e.feature == "admin1")
    assert names.near("Dogon", "ML") is None
    lost = Toponym("Zaporizhia", 0, 10)
    match_admin1_typos(names, [lost], "UA")
    assert lost.entry is not None and lost.entry.idx == entry.idx
    elsewhere = Toponym("Zaporizhia", 0, 10)
    match_admin1_typos(names, [elsewhere], None)  # no focus country: nothing to compare with
    assert elsewhere.entry is None


def test_source_country_guess_vetoes_no_place_abroad() -> None:
    resolver = Resolver(load_gazetteer())
    menaka = Toponym("Menaka", 0, 6)
    focus, _ = resolver.resolve([menaka], None, fallback="BF")
    assert menaka.entry is not None and menaka.entry.cc == "ML" and focus == "ML"
    nothing: list[Toponym] = []
    assert resolver.resolve(nothing, None, fallback="BF")[0] == "BF"  # the guess is the focus when the text has none


def test_cached_tables_carry_acled_additions() -> None:
    from sitrep.gazetteer.store import learned_fingerprint, load_tables

    tables = load_tables()
    assert tables["learned"] == learned_fingerprint()
    assert tables["acled_events"] and tables["acled_admin1"] and tables["admin1_alts"]
    assert any(i.startswith("acled:") for i in tables["ids"][-20000:])


def test_text_spelling_of_a_district_named_like_its_province(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Mogadishu - Hodan (Banadir)': the district Banadir names its province Banaadir in the note's spelling."""
    gaz = load_gazetteer()
    district = next(e for e in gaz.lookup("Tillaberi") if e.feature == "admin2" and e.cc == "NE")
    _never_spelled(monkeypatch, gaz, district.admin1_code)
    top = Toponym("Tillaberi", 0, 9, candidates=[district], entry=district)
    assert admin1_spellings(gaz, "Tillaberi", [top]) == {district.admin1_code: "Tillaberi"}


def test_text_spelling_of_a_province_written_as_its_capital(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Bara town in Idleb governorate': the town's name before 'governorate' or 'countryside' is the province's."""
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Mombasa") if e.feature == "town" and e.cc == "KE")
    _never_spelled(monkeypatch, gaz, town.admin1_code)
    top = Toponym("Mombasa", 0, 7, candidates=[town], entry=town)
    assert admin1_spellings(gaz, "Mombasa countryside", [top]) == {town.admin1_code: "Mombasa"}


def test_text_spelling_of_the_capital_a_province_is_named_after_is_the_provinces(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """'in Barisal city', 'Sfuhen in Idleb': ACLED spells a province as the town it is named after, so the note's
    spelling of that town, in any context, is the province's; a town merely inside the province is not."""
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Mombasa") if e.feature == "town" and e.cc == "KE")
    _never_spelled(monkeypatch, gaz, town.admin1_code)
    top = Toponym("Mombasa", 0, 7, candidates=[town], entry=town)
    assert admin1_spellings(gaz, "Mombasa said", [top]) == {town.admin1_code: "Mombasa"}
    other = next(e for e in gaz.lookup("Malindi") if e.feature == "town" and e.cc == "KE")
    inside = Toponym("Malindi", 0, 7, candidates=[other], entry=other)
    assert admin1_spellings(gaz, "Malindi said", [inside]) == {}


def test_text_spelling_last_in_a_bracket_and_only_a_spelling_of_the_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    """'(Jhalokati Sadar, Mombasa)': the last unit in ACLED's bracket is the province; 'Mombasa Sadar', another name,
    is not its spelling."""
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Mombasa") if e.feature == "town" and e.cc == "KE")
    _never_spelled(monkeypatch, gaz, town.admin1_code)
    top = Toponym("Mombasa", 0, 7, candidates=[town], entry=town)
    assert admin1_spellings(gaz, "Mombasa)", [top]) == {town.admin1_code: "Mombasa"}
    other = Toponym("Mombasa Sadar", 0, 13, candidates=[town], entry=town)
    assert admin1_spellings(gaz, "Mombasa Sadar)", [other]) == {}


def test_spelling_that_ends_acled_bracket_beats_the_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Beqaa farmers ... (Zahle, Bekaa)': ACLED's bracket spells the province as ACLED does."""
    gaz = load_gazetteer()
    unit = _unit("Bekaa", "LB")
    assert unit.entry is not None
    _never_spelled(monkeypatch, gaz, unit.entry.admin1_code)
    text = "Beqaa farmers protested in Zahle (Zahle, Bekaa)."
    prose = Toponym("Beqaa", 0, 5, candidates=[unit.entry], entry=unit.entry)
    start = text.rindex("Bekaa")
    last = Toponym("Bekaa", start, start + 5, candidates=[unit.entry], entry=unit.entry)
    assert admin1_spellings(gaz, text, [prose, last]) == {unit.entry.admin1_code: "Bekaa"}


def test_compass_region_last_in_bracket_names_the_unit_of_the_names_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Tripoli (Tripoli, North)': ACLED's region 'North', a word the gazetteer knows as no unit of Lebanon, is the
    admin1 of the town before it; a lower-case direction or a region after towns of two units is not."""
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Tripoli") if e.feature == "town" and e.cc == "LB")
    tyre = next(e for e in gaz.lookup("Tyre") if e.cc == "LB" and e.feature == "town")
    _never_spelled(monkeypatch, gaz, town.admin1_code, tyre.admin1_code)
    text = "Protesters gathered in Tripoli (Tripoli, North)."
    first = Toponym("Tripoli", 23, 30, candidates=[town], entry=town)
    inner = Toponym("Tripoli", 32, 39, candidates=[town], entry=town)
    assert admin1_spellings(gaz, text, [first, inner])[town.admin1_code] == "North"
    assert town.admin1_code not in admin1_spellings(gaz, "in Tripoli (Tripoli, north).", [
        Toponym("Tripoli", 3, 10, candidates=[town], entry=town)])
    assert tyre.admin1_code != town.admin1_code
    both = "between Tripoli and Tyre (Tripoli, Tyre, South)."
    names = [Toponym("Tripoli", 26, 33, candidates=[town], entry=town),
             Toponym("Tyre", 35, 39, candidates=[tyre], entry=tyre)]
    spelled = admin1_spellings(gaz, both, names)
    assert spelled.get(town.admin1_code) != "South" and spelled.get(tyre.admin1_code) != "South"


def test_a_lone_region_adjective_in_brackets_names_the_unit_of_the_place_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """'Jounieh (Central)': ACLED's bracket holding only its admin1, written as a compass adjective or 'Capital', is
    the admin1 of the place before it; a bare compass word there is part of the place's name ('Dagon Myothit
    (South)')."""
    gaz = load_gazetteer()
    town = next(e for e in gaz.lookup("Jounieh") if e.feature == "town" and e.cc == "LB")
    _never_spelled(monkeypatch, gaz, town.admin1_code)
    for region in ("Central", "Northern", "South Eastern", "Capital"):
        text = f"Protesters gathered in Jounieh ({region})."
        place = Toponym("Jounieh", 23, 30, candidates=[town], entry=town)
        assert admin1_spellings(gaz, text, [place])[town.admin1_code] == region
    place = Toponym("Jounieh", 23, 30, candidates=[town], entry=town)
    assert admin1_spellings(gaz, "Protesters gathered in Jounieh (South).", [place]).get(town.admin1_code) != "South"


def test_a_type_word_that_is_part_of_the_name_stays() -> None:
    """'Free State' is no 'Free' with a type word (a loose match of 'Free' finds Free State itself); 'Borno State'
    is Borno, and 'Ar Raqqa governorate' Ar Raqqa (a loose match of the gazetteer's Ar Raqqah)."""
    from sitrep.gazetteer.spelling import _spelling

    gaz = load_gazetteer()
    free = next(e for e in gaz.lookup("Free State") if e.feature == "admin1" and e.cc == "ZA")
    assert _spelling(gaz, "Free State", "", free.admin1_code) == "Free State"
    borno = next(e for e in gaz.lookup("Borno") if e.feature == "admin1" and e.cc == "NG")
    assert _spelling(gaz, "Borno State", "", borno.admin1_code) == "Borno"
    assert _spelling(gaz, "Ar Raqqa governorate", "", "SY.04") == "Ar Raqqa"  # the gazetteer: Ar Raqqah


def _unrecorded(monkeypatch: pytest.MonkeyPatch, gaz: Gazetteer, code: str, policy_name: str) -> None:
    """The unit as a country the record lacks would have it: no record spelling, the naming policy's name."""
    monkeypatch.setattr(gaz, "acled_spelled", {c for c in gaz.acled_spelled if c != code})
    monkeypatch.setattr(gaz, "acled_admin1", {**gaz.acled_admin1, code: policy_name})


def test_a_part_of_a_joined_name_leaves_the_learned_whole_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Orizaba, Veracruz' in a country the record lacks: ACLED writes a name of joined names whole ('Veracruz de
    Ignacio de la Llave', as the naming policy learned), so the text's part of it gives no spelling."""
    gaz = load_gazetteer()
    top = _unit("Jammu and Kashmir", "IN")
    assert top.entry is not None
    code = top.entry.admin1_code
    _unrecorded(monkeypatch, gaz, code, "Jammu and Kashmir")
    top.text, top.end = "Kashmir", len("Kashmir")
    assert admin1_spellings(gaz, "Kashmir", [top]) == {}
    top.text, top.end = "Jammu", len("Jammu")  # the other part likewise
    assert admin1_spellings(gaz, "Jammu", [top]) == {}


def test_the_head_of_an_official_name_leaves_the_learned_whole_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """'Saltillo, Coahuila' in a country the record lacks: ACLED writes the state's official name in full
    ('Coahuila de Zaragoza', as the naming policy learned), so the text's everyday head of it gives no spelling."""
    gaz = load_gazetteer()
    top = _unit("Coahuila", "MX")
    assert top.entry is not None
    code = top.entry.admin1_code
    _unrecorded(monkeypatch, gaz, code, "Coahuila de Zaragoza")
    assert admin1_spellings(gaz, "Coahuila", [top]) == {}
    # the text's whole name is still its spelling
    monkeypatch.setattr(gaz, "acled_admin1", {**gaz.acled_admin1, code: "Coahuila"})
    assert admin1_spellings(gaz, "Coahuila", [top]) == {code: "Coahuila"}


def test_a_bracket_unit_known_only_abroad_may_be_another_name_of_a_focus_province() -> None:
    """'Bijar city (Kurdistan)' in a note from Iran: the gazetteer's only 'Kurdistan' is Iraq's region, and Iran's
    province is Kordestan (alias Kurdistan Province): the bracket names Iran's province."""
    gaz = load_gazetteer()
    names = Admin1Names(gaz)
    text = "Bijar city (Kurdistan)"
    abroad = [e for e in gaz.lookup("Kurdistan") if e.cc != "IR"]
    assert abroad and all(e.cc != "IR" for e in abroad)
    top = Toponym("Kurdistan", 12, 21, candidates=abroad)
    match_admin1_typos(names, [top], "IR", text)
    assert top.entry is not None and top.entry.cc == "IR" and top.entry.feature == "admin1"
    prose = Toponym("Kurdistan", 12, 21, candidates=abroad)  # outside brackets it stays a name abroad
    match_admin1_typos(names, [prose], "IR", "Bijar city, Kurdistan")
    assert prose.entry is None


def test_a_bracket_unit_resolved_abroad_may_still_be_a_focus_province() -> None:
    """The same bracket once the resolver has read it as Iraq's region (its only sense): as the unit of the town
    before it, in a note about Iran, it is Iran's province; a name in brackets that holds no place stays abroad."""
    gaz = load_gazetteer()
    names = Admin1Names(gaz)
    text = "Bijar city (Kurdistan)"
    abroad = [e for e in gaz.lookup("Kurdistan") if e.cc != "IR"]
    town = Toponym("Bijar", 0, 5)
    unit = Toponym("Kurdistan", 12, 21, candidates=abroad, entry=abroad[0], admin_hint=town)
    match_admin1_typos(names, [town, unit], "IR", text)
    assert unit.entry is not None and unit.entry.cc == "IR" and unit.entry.feature == "admin1"
    aside = Toponym("Kurdistan", 12, 21, candidates=abroad, entry=abroad[0])
    match_admin1_typos(names, [aside], "IR", "a visit (Kurdistan)")
    assert aside.entry is abroad[0]


def test_a_brackets_compass_part_of_the_province_is_acleds_admin1() -> None:
    """'(Kyaukme district, Shan-North state)': ACLED's part of Shan, though no place name was found in it; a
    compass part of another province than the bracket's names lie in is none of theirs."""
    from sitrep.gazetteer.spelling import _bracket_split_units

    gaz = load_gazetteer()
    district = next(e for e in gaz.lookup("Kyaukme District", loose=False) if e.cc == "MM")
    text = "in Hsipaw township (Kyaukme district, Shan-North state), gunmen opened fire"
    at = text.index("Kyaukme")
    top = Toponym("Kyaukme district", at, at + 16, candidates=[district], entry=district)
    assert _bracket_split_units(gaz, text, [top]) == {district.admin1_code: "Shan-North"}
    other = text.replace("Shan-North", "Bago-West")
    assert _bracket_split_units(gaz, other, [top]) == {}


def test_last_name_of_a_bracket_no_place_was_found_for_is_its_unit_less_some_words() -> None:
    """'(East Belitung regency, Bangka-Belitung province)': ACLED's admin1 last in the bracket is the unit the
    bracket's resolved names lie in, written without its 'Islands'; a near spelling (a typo) or another unit's
    name is not taken."""
    gaz = load_gazetteer()
    regency = next(e for e in gaz.lookup("Kabupaten Belitung Timur") if e.feature == "admin2" and e.cc == "ID")
    unit = regency.admin1_code
    text = "in Manggar district (East Belitung regency, Bangka-Belitung province)."
    start = text.index("East")
    inner = Toponym("East Belitung regency", start, start + 21, candidates=[regency], entry=regency)
    assert _bracket_last_spelling(gaz, text, [inner]) == {unit: "Bangka-Belitung"}
    typo = "in Manggar district (East Belitung regency, Bangka-Belitong Islandz)."
    assert _bracket_last_spelling(gaz, typo, [inner]) == {}
    other = "in Manggar district (East Belitung regency, Riau Islands)."
    assert _bracket_last_spelling(gaz, other, [inner]) == {}
