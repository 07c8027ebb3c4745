"""The unit a note puts a place in: it chooses among the place's namesakes, and a name with no namesake inside
that unit stays unresolved (the unit itself then locates the event)."""

from __future__ import annotations

from sitrep.gazetteer import load_gazetteer
from sitrep.gazetteer.containers import areas_within, mark_units_after, qualified_places
from sitrep.gazetteer.resolve import Resolver, Toponym


def test_a_namesake_outside_the_stated_unit_is_no_candidate() -> None:
    gaz = load_gazetteer()
    resolver = Resolver(gaz)
    anbar = areas_within(gaz, "Anbar")
    hit = Toponym("Hit", 0, 3, within=anbar)
    resolver.candidates(hit)
    assert hit.candidates and all(c.admin1_code in anbar for c in hit.candidates)
    kirkuk = Toponym("Kirkuk", 0, 6, within=anbar)  # Kirkuk is in Kirkuk governorate, not Anbar
    resolver.candidates(kirkuk)
    assert kirkuk.candidates == [] and kirkuk.reason and "inside the unit" in kirkuk.reason


def test_town_in_a_governorate_is_held_by_it_and_qualified() -> None:
    gaz = load_gazetteer()
    text = "Gunmen attacked Hit town in Anbar governorate."
    hit = Toponym("Hit", text.index("Hit"), text.index("Hit") + 3)
    anbar = Toponym("Anbar governorate", text.index("Anbar"), text.index("Anbar") + len("Anbar governorate"))
    found = [hit, anbar]
    mark_units_after(gaz, text, found)
    assert hit.within == areas_within(gaz, "Anbar") and anbar.hints
    Resolver(gaz).resolve(found)
    assert hit.entry is not None and hit.entry.admin1_code in hit.within
    assert qualified_places(text, found) == [hit.start]
    # inside a bracket a unit is never the qualified place
    text2 = "in Foo (Hit, Anbar)"
    inner = Toponym("Hit", text2.index("Hit"), text2.index("Hit") + 3, within=hit.within)
    inner.entry = hit.entry
    assert qualified_places(text2, [inner]) == []


def test_a_town_named_like_its_province_holds_the_place_before_it() -> None:
    """'Kelly town in Idleb': the province is written as its capital; a namesake abroad is no candidate."""
    gaz = load_gazetteer()
    text = "Women demonstrated in Kelly town in Idlib demanding the release of prisoners."
    kelly = Toponym("Kelly", text.index("Kelly"), text.index("Kelly") + 5, hints=("town",))
    idlib = Toponym("Idlib", text.index("Idlib"), text.index("Idlib") + 5)
    found = [kelly, idlib]
    mark_units_after(gaz, text, found)
    assert kelly.within and all(code.startswith("SY.") for code in kelly.within)
    Resolver(gaz).resolve(found)
    assert idlib.entry is not None and idlib.entry.cc == "SY"
    # (ACLED's record holds Kelly, filed under Idleb by its coders: then it is that place, never one abroad)
    assert kelly.entry is None or (kelly.entry.cc == "SY" and kelly.entry.admin1_code == idlib.entry.admin1_code)


def test_the_unit_holding_an_unknown_village_is_the_qualified_place() -> None:
    gaz = load_gazetteer()
    text = "Turkish forces shelled Xqzvillage village in Anbar governorate."
    village = Toponym("Xqzvillage", text.index("Xqz"), text.index("Xqz") + 10, hints=("town", "village"))
    anbar = Toponym("Anbar governorate", text.index("Anbar"), text.index("Anbar") + len("Anbar governorate"))
    found = [village, anbar]
    mark_units_after(gaz, text, found)
    Resolver(gaz).resolve(found)
    assert village.entry is None and anbar.entry is not None
    assert qualified_places(text, found) == [anbar.start]


def test_the_province_after_a_place_is_the_one_holding_it() -> None:
    """'Vyshhorod, Kyiv': Kyiv oblast, not the city's own unit."""
    gaz = load_gazetteer()
    text = "Russian forces fired at positions in Vyshhorod, Kyiv."
    town = Toponym("Vyshhorod", text.index("Vyshhorod"), text.index("Vyshhorod") + 9)
    kyiv = Toponym("Kyiv", text.index("Kyiv"), text.index("Kyiv") + 4)
    found = [town, kyiv]
    from sitrep.gazetteer.containers import mark_containers

    mark_containers(gaz, text, found)
    Resolver(gaz).resolve(found)
    assert town.entry is not None and kyiv.entry is not None
    assert kyiv.entry.feature == "admin1" and kyiv.entry.admin1_code == town.entry.admin1_code


def test_a_city_part_is_in_the_city_province() -> None:
    """ACLED's 'Dhaka - Mirpur': Mirpur is a part of Dhaka, not Mirpur in India or Pakistan."""
    from sitrep.gazetteer.containers import mark_city_parts

    gaz = load_gazetteer()
    text = "BNP members clashed with police in Dhaka - Mirpur (Pallabi)."
    dhaka = Toponym("Dhaka", text.index("Dhaka"), text.index("Dhaka") + 5)
    mirpur = Toponym("Mirpur", text.index("Mirpur"), text.index("Mirpur") + 6)
    mark_city_parts(gaz, text, [dhaka, mirpur])
    assert mirpur.within and all(code.startswith("BD.") for code in mirpur.within)
    Resolver(gaz).resolve([dhaka, mirpur])
    assert mirpur.entry is None or mirpur.entry.cc == "BD"


def test_a_city_part_bracketed_with_its_own_name_is_in_the_city_but_another_unit_holds() -> None:
    """'Dhaka - Kotwali (Kotwali)': the bracket repeats the part's name, known here only in Rangpur: the city's
    province holds the part and the bracket; 'Caracas - Chacao (Miranda)' names another unit, which holds."""
    from sitrep.gazetteer.containers import mark_city_parts

    gaz = load_gazetteer()
    text = "Students protested in Dhaka - Kotwali (Kotwali) on Monday."
    dhaka = Toponym("Dhaka", text.index("Dhaka"), text.index("Dhaka") + 5)
    part = Toponym("Kotwali", text.index("Kotwali"), text.index("Kotwali") + 7, within={"BD.87"})
    unit = Toponym("Kotwali", text.rindex("Kotwali"), text.rindex("Kotwali") + 7, admin_hint=part, within={"BD.87"})
    mark_city_parts(gaz, text, [dhaka, part, unit])
    assert part.within == unit.within and "BD.87" not in part.within
    text = "Residents protested in Caracas - Chacao (Miranda) on Monday."
    caracas = Toponym("Caracas", text.index("Caracas"), text.index("Caracas") + 7)
    miranda = areas_within(gaz, "Miranda")
    chacao = Toponym("Chacao", text.index("Chacao"), text.index("Chacao") + 6, within=set(miranda))
    bracket = Toponym("Miranda", text.index("Miranda"), text.index("Miranda") + 7, admin_hint=chacao)
    mark_city_parts(gaz, text, [caracas, chacao, bracket])
    assert chacao.within == miranda


def test_a_name_typed_and_placed_by_the_text_is_nowhere_else_when_repeated() -> None:
    """'Lalpur upazila (Natore, Rajshahi)' with no Lalpur in Rajshahi: a later bare 'Lalpur' is not Lalpur, India."""
    gaz = load_gazetteer()
    within = areas_within(gaz, "Rajshahi")
    first = Toponym("Lalpur", 0, 6, hints=("town", "admin2"), within=within)
    again = Toponym("Lalpur", 100, 106)
    Resolver(gaz).resolve([first, again])
    if first.entry is None:  # the gazetteer has no Lalpur in Rajshahi
        assert again.entry is None and again.reason


def test_a_name_in_acleds_bracket_is_read_as_a_province() -> None:
    """'Sumisip (Basilan)' with Sumisip unknown: Basilan is the province, not a town that once had its name;
    a city of the bracket's name stays the city ('North Zone (Rio de Janeiro)')."""
    from sitrep.gazetteer.containers import mark_bracket_areas

    gaz = load_gazetteer()
    text = "soldiers were attacked in Barangay Tumahubong, Sumisip (Basilan). Two died."
    basilan = Toponym("Basilan", text.index("Basilan"), text.index("Basilan") + 7)
    mark_bracket_areas(gaz, text, [basilan])
    assert "admin2" in basilan.hints
    text = "a man was shot in the North Zone (Rio de Janeiro)."
    rio = Toponym("Rio de Janeiro", text.index("Rio"), text.index("Rio") + 14)
    mark_bracket_areas(gaz, text, [rio])
    assert rio.hints == ()


def test_a_bracket_of_units_with_unit_words_holds_the_place_before_it() -> None:
    """'Kan Beit village (Yesagyo township, Pakokku district, Magway region)': every unit of the bracket is read,
    unit words and all, so Kan Beit in Yangon is no candidate."""
    from sitrep.gazetteer.containers import mark_parentheticals

    gaz = load_gazetteer()
    text = "in Kan Beit village (Yesagyo township, Pakokku district, Magway region), soldiers burned houses."
    names = ["Kan Beit", "Yesagyo", "Pakokku district", "Magway region"]
    found = [Toponym(n, text.index(n), text.index(n) + len(n)) for n in names]
    mark_parentheticals(gaz, text, found)
    assert found[0].within and all(code.startswith("MM.") for code in found[0].within)
    assert all(t.admin_hint is found[0] for t in found[1:])


def test_a_unit_word_says_which_namesake_holds_the_place() -> None:
    """'(Ilam district)': a district named Ilam, not Iran's Ilam province."""
    gaz = load_gazetteer()
    assert not any(code.startswith("IR.") for code in areas_within(gaz, "Ilam district"))
    assert any(code.startswith("IR.") for code in areas_within(gaz, "Ilam"))


def test_a_bracket_s_last_unit_in_one_country_rules_out_the_others_abroad():
    """'Bama (Bama, Houet)': Houet is Burkina Faso's, so the Bama it holds is not Nigeria's Borno."""
    from sitrep.gazetteer.containers import _nested

    assert _nested([{"NG.27"}, {"BF.50"}]) == {"BF.50"}
    assert _nested([{"BF.49", "NG.27"}, set(), {"BF"}]) == {"BF.49", "BF"}


def test_a_bracket_s_last_unit_of_many_countries_allows_every_reading():
    """'Sabha (Sebha, South)': 'South' names provinces of many countries; Sebha's own reading stays."""
    from sitrep.gazetteer.containers import _nested

    assert _nested([{"LY.65"}, {"CM.14", "BW.09"}]) == {"LY.65", "CM.14", "BW.09"}
    assert _nested([set(), set()]) == set()


def test_a_bracket_unit_is_also_the_province_acled_writes_with_that_name():
    """'Bijar city (Kurdistan)': the gazetteer's 'Kurdistan' is Iraq's Kurdistan Region, but ACLED writes Iran's
    Kordestan province as Kurdistan, so Bijar in that province stays a reading."""
    from sitrep.gazetteer.containers import acled_units, mark_parentheticals

    gaz = load_gazetteer()
    assert any(code.startswith("IR.") for code in acled_units(gaz, "Kurdistan"))
    text = "teachers protested in Bijar city (Kurdistan) over the arrests."
    found = [Toponym(n, text.index(n), text.index(n) + len(n)) for n in ("Bijar", "Kurdistan")]
    mark_parentheticals(gaz, text, found)
    assert any(code.startswith("IR.") for code in found[0].within)


def test_a_province_is_the_container_over_districts_of_its_name_in_its_country() -> None:
    """'Tezoyuca, Morelos': the state of Morelos, not the Morelos municipalities of other Mexican states."""
    gaz = load_gazetteer()
    morelos = {e.admin1_code for e in gaz.lookup("Morelos", loose=False) if e.feature == "admin1" and e.cc == "MX"}
    in_mexico = {code for code in areas_within(gaz, "Morelos") if code.startswith("MX.")}
    assert morelos and in_mexico == morelos


def test_a_place_word_before_the_comma_makes_the_first_name_a_place_inside_the_second(spans) -> None:
    """'Rio Grande municipality, Zacatecas': Rio Grande is held by Zacatecas even though its likeliest reading alone
    is a province (Puerto Rico's); the second name is then the state, not its capital."""
    from sitrep.gazetteer.containers import mark_containers

    gaz = load_gazetteer()
    text = "In Rio Grande municipality, Zacatecas, three men were killed."
    rio, zacatecas = spans(text, ["Rio Grande", "Zacatecas"])
    mark_containers(gaz, text, [rio, zacatecas])
    assert rio.within == areas_within(gaz, "Zacatecas") and zacatecas.hints


def test_a_zone_named_with_its_unit_word_before_the_comma_is_held_by_the_province() -> None:
    """'(North Shewa zone, Oromia' with Bahir Dar, Amhara named later: Oromia's North Shewa, not Amhara's."""
    from sitrep.gazetteer.containers import mark_containers

    gaz = load_gazetteer()
    text = "protesters blocked a road (North Shewa zone, Oromia. The road connects the town with Bahir Dar city."
    shewa = Toponym("North Shewa", text.index("North"), text.index("North") + len("North Shewa"))
    oromia = Toponym("Oromia", text.index("Oromia"), text.index("Oromia") + len("Oromia"))
    bahir = Toponym("Bahir Dar", text.index("Bahir"), text.index("Bahir") + len("Bahir Dar"))
    found = [shewa, oromia, bahir]
    mark_containers(gaz, text, found)
    Resolver(gaz).resolve(found)
    assert shewa.entry is not None and shewa.entry.feature == "admin2"
    assert gaz.admin1_name(shewa.entry.admin1_code) == gaz.admin1_name(oromia.entry.admin1_code)


def test_a_province_is_not_inside_the_province_the_text_puts_it_in() -> None:
    """'in San Salvador, San Salvador': the city in its department, not the Bahamas' island district of that
    name (which lies 'inside' a unit of its own name only as itself)."""
    gaz = load_gazetteer()
    salvador = Toponym("San Salvador", 0, 12, within=areas_within(gaz, "San Salvador"))
    Resolver(gaz).candidates(salvador)
    assert salvador.candidates and not any(c.feature == "admin1" for c in salvador.candidates)
    assert any(c.cc == "SV" and c.feature == "town" for c in salvador.candidates)


def test_a_bracketed_district_is_not_read_as_a_province_of_its_name() -> None:
    """'Ilam municipality (Ilam district)': the unit word asks for a district, so ACLED's province called Ilam
    (Iran's) is no unit the town may lie in; only Nepal's district of that name is."""
    from sitrep.gazetteer.containers import mark_parentheticals

    gaz = load_gazetteer()
    text = "Party members locked the office in Ilam municipality (Ilam district) on Monday."
    first = text.index("Ilam")
    second = text.index("Ilam", first + 1)
    town = Toponym("Ilam", first, first + 4, hints=("town", "admin2"), unit_word="municipality")
    unit = Toponym("Ilam", second, second + 4, hints=("admin2", "district"), unit_word="district")
    mark_parentheticals(gaz, text, [town, unit])
    assert town.within and all(code.startswith("NP.") for code in town.within)
    assert unit.admin_hint is town


def test_a_unit_known_in_two_countries_holds_the_place_in_the_focus_country() -> None:
    """'Merida (Merida)' in a note about Venezuela: both Venezuela's state and Yucatan's municipality are called
    Merida, so both towns lie inside 'the unit'; the focus country's one is the place. Abroad of the focus the
    place keeps its reading."""
    from sitrep.gazetteer.settle import within_at_home

    gaz = load_gazetteer()
    within = areas_within(gaz, "Merida")
    assert {code.split(".")[0] for code in within} >= {"VE", "MX"}
    towns = [c for c in gaz.lookup("Merida", loose=False) if c.feature == "town"
             and (c.admin1_code in within or c.cc in within)]
    mexican = next(c for c in towns if c.cc == "MX")
    top = Toponym("Merida", 0, 6, within=within, candidates=towns, entry=mexican)
    within_at_home([top], "VE")
    assert top.entry is not None and top.entry.cc == "VE"
    other = Toponym("Merida", 0, 6, within=within, candidates=towns, entry=mexican)
    within_at_home([other], "CO")
    assert other.entry is mexican


def test_a_town_centre_before_a_comma_and_its_province_is_in_it() -> None:
    from sitrep.gazetteer.containers import mark_containers

    gaz = load_gazetteer()
    text = "residents held a demonstration in Gaziosmanpasa town center, Istanbul, in protest"
    town = Toponym("Gaziosmanpasa", text.index("Gaziosmanpasa"), text.index("Gaziosmanpasa") + 13)
    city = Toponym("Istanbul", text.index("Istanbul"), text.index("Istanbul") + 8)
    mark_containers(gaz, text, [town, city])
    assert town.within == areas_within(gaz, "Istanbul")


def test_acleds_coded_note_between_a_place_and_its_units_hides_nothing(spans) -> None:
    """'Mukayras (coded to district level) (Al Bayda)': the note of how ACLED coded the place stands between the
    place and its bracket of units, which still hold it."""
    from sitrep.gazetteer.containers import mark_parentheticals

    gaz = load_gazetteer()
    text = "Forces shelled Mukayras (coded to district level) (Al Bayda). Casualties unknown."
    found = spans(text, ["Mukayras", "Al Bayda"])
    mark_parentheticals(gaz, text, found)
    assert found[1].admin_hint is found[0]
    assert found[0].within and all(code.startswith("YE.") for code in found[0].within)


def test_an_unknown_coded_village_is_placed_by_the_units_after_its_note(spans) -> None:
    """'(coded to Xqzyatimah) (Khabb wa Ash Shaaf, Al Jawf)': a coded name the gazetteer lacks is kept, unresolved,
    and the bracket after its note holds it; a known name keeps its own readings."""
    from sitrep.gazetteer.containers import coded_places, mark_parentheticals

    gaz = load_gazetteer()
    text = "Landmines detonated on the road (coded to Xqzyatimah) (Khabb wa Ash Shaaf, Al Jawf) killing 1 civilian."
    found = spans(text, ["Khabb wa Ash Shaaf", "Al Jawf"])
    new, starts = coded_places(gaz, text, found)
    assert [t.text for t in new] == ["Xqzyatimah"] and starts == [new[0].start]
    found = sorted(found + new, key=lambda t: t.start)
    mark_parentheticals(gaz, text, found)
    assert found[1].admin_hint is found[0] and found[2].admin_hint is found[0]
    # a coded name followed by no bracket of units is no new place
    assert coded_places(gaz, "Forces (coded to Xqzyatimah) fired.", [])[0] == []


def test_a_bracketed_district_known_only_by_its_seat_holds_the_place() -> None:
    """'Zap region (Al Amadiya district)': the gazetteer has no district of that name, only its seat, the town of
    Al 'Amadiyah in Duhok: the place before the bracket is in that province, not a namesake across the border."""
    from sitrep.gazetteer.containers import mark_parentheticals

    gaz = load_gazetteer()
    text = "Turkish warplanes struck Zap region (Al Amadiya district) on Monday."
    zap = Toponym("Zap", text.index("Zap"), text.index("Zap") + 3, hints=("region", "admin1"), unit_word="region")
    seat = Toponym("Al Amadiya", text.index("Al Amadiya"), text.index("Al Amadiya") + 10, hints=("admin2", "district"),
                   unit_word="district")
    mark_parentheticals(gaz, text, [zap, seat])
    assert zap.within == {e.admin1_code for e in gaz.lookup("Al Amadiya")} and seat.admin_hint is zap


def test_a_bracketed_town_name_without_a_district_word_holds_nothing_as_a_seat() -> None:
    from sitrep.gazetteer.containers import mark_parentheticals

    gaz = load_gazetteer()
    text = "Turkish warplanes struck Zap region (Al Amadiya) on Monday."
    zap = Toponym("Zap", text.index("Zap"), text.index("Zap") + 3, hints=("region", "admin1"), unit_word="region")
    seat = Toponym("Al Amadiya", text.index("Al Amadiya"), text.index("Al Amadiya") + 10)
    mark_parentheticals(gaz, text, [zap, seat])
    assert not zap.within


def test_a_colombian_corregimiento_is_held_by_the_department_in_its_bracket() -> None:
    """'Playa Rica corregimiento (Cauca)': a rural part of a Cauca municipality, not Tolima's Playarrica."""
    from sitrep.gazetteer.containers import mark_parentheticals
    from sitrep.gazetteer.toponym import split_unit_word

    assert split_unit_word("Banco de Arenas corregimiento") == ("Banco de Arenas", "corregimiento")
    gaz = load_gazetteer()
    text = "in the rural area of Playa Rica corregimiento (Cauca), a former FARC member was killed."
    place = Toponym("Playa Rica", text.index("Playa"), text.index("Playa") + 10)
    unit = Toponym("Cauca", text.index("Cauca"), text.index("Cauca") + 5)
    mark_parentheticals(gaz, text, [place, unit])
    assert place.within == areas_within(gaz, "Cauca") and unit.admin_hint is place
    Resolver(gaz).resolve([place, unit])
    assert place.entry is None or place.entry.admin1_code in place.within
