"""ACLED-style notes code to the place their wording names, end to end through ``sitrep.extract``.

The notes are the lead's geo follow-ups: actor names that are also small towns somewhere ("IS", "FAMa",
"Hamas"), nationality abbreviations ("US soldiers"), "north of X", and the ACLED habit of writing the
containing units in brackets after a place ("Boni (Douentza, Mopti)") — the bracket qualifies the place, it
is never a second place or the event's location. Expected values follow ACLED's geo_precision: 1 the town,
2 near a town or part of a district, 3 a province.
"""

from __future__ import annotations

import pytest

import sitrep

# (note, published, location, admin1, geo_precision, country)
NOTES: list[tuple[str, str, str, str | None, int, str]] = [
    # an actor acronym is no town ("IS" is not Is, Russia) and does not move the article's focus
    ("On 2 February 2021, Iraqi security forces seized a weapons cache belonging to IS in Tarmiyah.", "2021-02-02",
     "Tarmiyah", "Baghdad", 1, "Iraq"),
    # "US"/"British" before "soldiers" say whose soldiers; "north of Baghdad" is near Baghdad
    ("On 11 March 2020, Katyusha rockets hit Camp Taji north of Baghdad, killing 2 US soldiers and 1 British "
     "soldier.", "2020-03-11", "Baghdad", "Baghdad", 2, "Iraq"),
    # brackets: the units that hold the place
    ("On 4 May 2021, Taliban fighters attacked a police checkpoint in Nawa district (Helmand), killing 3 "
     "policemen.", "2021-05-04", "Nawah-ye Barakzai", "Helmand", 2, "Afghanistan"),
    ("On 8 June 2020, JNIM militants ambushed a FAMa patrol near Boni (Douentza, Mopti), killing 2 FAMa "
     "soldiers.", "2020-06-08", "Boni", "Mopti", 2, "Mali"),
    ("On 1 August 2021, Fulani militia abducted 20 villagers in Zurmi LGA (Zamfara).", "2021-08-01",
     "Zurmi", "Zamfara", 2, "Nigeria"),
    ("On 28 February 2022, Ukrainian forces regained control of the village of Makariv (Kyiv) from Russian "
     "forces.", "2022-02-28", "Makariv", "Kyiv", 1, "Ukraine"),
    ("On 3 January 2021, PMF fighters repelled an IS attack on their positions near Tarmiyah (Baghdad). 2 PMF "
     "members were killed.", "2021-01-03", "Tarmiyah", "Baghdad", 2, "Iraq"),
    ("On 14 April 2014, Boko Haram abducted 276 schoolgirls from Chibok (Borno).", "2014-04-14",
     "Chibok", "Borno", 1, "Nigeria"),
    # a bracket whose smallest unit is unknown still holds the place: Goma of Ituri, not the city of Nord-Kivu
    ("On 6 January 2022, CODECO-URDPC killed 3 civilians and abducted 2 others in Goma (Alur-Djuganda, Mahagi, "
     "Ituri).", "2022-01-06", "Goma", "Ituri", 1, "Democratic Republic of Congo"),
    ("On 27 October 2021, in Dawbon township (Yangon-East district, Yangon region), militants attacked the police "
     "station with three explosives.", "2021-10-27", "Dawbon", "Yangon", 1, "Myanmar"),
    # a village the gazetteer lacks: somewhere in the bracket's district, not its town
    ("On 4 May 2020, FAMa soldiers killed 3 civilians near Mondorza (Douentza, Mopti).", "2020-05-04",
     "Douentza", "Mopti", 2, "Mali"),
    # the place the bracket qualifies is the event's, over a country named later (one unit, "KPK", unknown) or a
    # park's name ("Jinnah Bagh" is no town Bagh)
    ("On 1 April 2022, activists of PTI took out a protest rally in Mansehra city (Mansehra, KPK), against the "
     "United States, over claimed interference.", "2022-04-01", "Mansehra", "Khyber Pakhtunkhwa", 1, "Pakistan"),
    ("On 2 April 2022, members of the Agani community held a protest demonstration at Jinnah Bagh in Larkana city "
     "(Larkana, Sindh), for the acceptance of their demands.", "2022-04-02", "Larkana", "Sindh", 1, "Pakistan"),
    # "Colonia" opens a neighbourhood's name in Mexico: not Cologne
    ("On 7 January 2022, in Cadereyta Jimenez, Nuevo Leon, armed men chased and opened fire on a man in Colonia "
     "Bella Vista.", "2022-01-07", "Cadereyta Jimenez", "Nuevo Leon", 1, "Mexico"),
    # the NER calls the town a people; "in" says it is a place
    ("On 3 April 2022, rioters burned a police post in Kasese.", "2022-04-03", "Kasese", "Western", 1, "Uganda"),
    # the name as written, not the gazetteer's short form ("Lakki")
    ("On 5 March 2021, unidentified gunmen killed a tribal elder in Lakki Marwat (Khyber Pakhtunkhwa).",
     "2021-03-05", "Lakki Marwat", "Khyber Pakhtunkhwa", 1, "Pakistan"),
    # a town the packages give no province takes its neighbours' (ACLED's "West Bank")
    ("On 9 April 2022, Israeli forces arrested two Palestinian men in Hebron.", "2022-04-09",
     "Hebron", "West Bank", 1, "Palestine"),
    # a village the gazetteer lacks, no entity tagged: the bracket's units, found by the gazetteer, place it
    ("On 3 June 2025, militia attacked Dqc village (Ceel Buur, Galgaduud), killing 2 civilians.", "2025-06-03",
     "Ceel Buur", "Galgaduud", 2, "Somalia"),
    # a country named elsewhere in the note is no better a location than the bracket's units
    ("On 13 October 2025, Puntland forces clashed with Islamic State Somalia Province near Tqalqa village "
     "(Qandala, Bari). There were no casualties.", "2025-10-13", "Qandala", "Bari", 2, "Somalia"),
    # the NER calls Aleppo a people; "governorate" after it says it is the province
    ("On 9 May 2022, Syrian regime forces shelled Kafr Nurqan town in Aleppo governorate.", "2022-05-09",
     "Aleppo", "Aleppo", 3, "Syria"),
    # "Sanaa time" is when, not where; the district a village is known by is placed at its town
    ("On 15 March 2024, at around 11:00 pm Sanaa time, unknown gunmen attacked Xqxq village (Pakokku district, "
     "Magway).", "2024-03-15", "Pakokku District", "Magway", 2, "Myanmar"),
    # one hyphenated name the gazetteer lacks is not its first part abroad (Bar, Montenegro)
    ("On 6 September 2025, Jubaland forces clashed with Al Shabaab in Bar-Xqxqun village (Jamaame, Lower Juba). "
     "There were no casualties.", "2025-09-06", "Jamaame", "Lower Juba", 2, "Somalia"),
    # ACLED's own note of where it coded the event
    ("On March 18, Islamist militants attacked the village of Sqbere and neighbouring Yxru (coded as Bankass at "
     "geoprecision 2), killing eight civilians.", "2020-03-18", "Bankass", "Mopti", 1, "Mali"),
    # the bracket's units over a namesake abroad of part of an unknown name ("Moro", Pakistan)
    ("On 9 August 2025, government forces clashed with Al Shabaab near Moro Gqbey village (Xudur, Bakool). 1 "
     "senior Al Shabaab was killed.", "2025-08-09", "Xudur", "Bakool", 2, "Somalia"),
    # "IMO: 9252967" labels a ship's number, it is not Imo state (Nigeria)
    ("On 18 May 2024, Houthi forces fired a missile targeting the Wind tanker (IMO: 9252967) near Al Hudaydah.",
     "2024-05-18", "Al Hudaydah", "Al Hudaydah", 2, "Yemen"),
    # "Green Zone" is no Green, Ohio
    ("On 6 January 2020, a rocket landed in the Green Zone of Baghdad near the US embassy.", "2020-01-06",
     "Baghdad", "Baghdad", 1, "Iraq"),
    # a unit's code alone is no place ("cadres of NC" is Nepal's Congress); ACLED's "X rural municipality (Y
    # district)" holds X in Y, and "Baitadi District" is the district. Nepal's 2022 notes take the provinces'
    # new names, as ACLED's record writes them in 2022 (Kaski and Myagdi in Gandaki, Baitadi in Sudurpashchim,
    # Humla in Karnali)
    ("On 25 April 2022, cadres of NC staged a protest and blocked the road of an election candidate of their own "
     "party in Tharpokhari rural municipality (Kaski district).", "2022-04-25", "Kaski", "Gandaki", 2, "Nepal"),
    ("On 13 February 2022, cadres staged a protest at the district headquarters, including Gaurikhola city "
     "(Baitadi District), demanding the repeal of the MCC agreement.", "2022-02-13", "Baitadi", "Sudurpashchim", 2,
     "Nepal"),
    # "X town, Y" with the province written as its capital; Turkish dotless i folded ("Diyarbakır")
    ("On 28 June 2022, tea producers protested in Pazar city, Rize.", "2022-06-28", "Pazar", "Rize", 1, "Turkey"),
    ("On 4 May 2022, relatives of prisoners staged a protest in Yenisehir town, Diyarbakir, demanding their "
     "release.", "2022-05-04", "Yenisehir", "Diyarbakir", 1, "Turkey"),
    # a village the bracket holds is no province of a near spelling ("Mangala" is not Mongala province)
    ("On 11 May 2022, CODECO rebels burned down the houses of dozens of inhabitants in Tshabalonga village "
     "(Djugu, Ituri).", "2022-05-11", "Djugu", "Ituri", 2, "Democratic Republic of Congo"),
    # Sudan's "locality" is a unit word: the place it qualifies is the event's, not a city named later
    ("On 30 April 2022, hundreds of demonstrators responded to the call by the Resistance Committee in Kosti (Kosti "
     "locality, White Nile state) in honor of the victims of the Khartoum sit in massacre of 2019.", "2022-04-30",
     "Kosti", "White Nile", 1, "Sudan"),
    # a bracket unit written as its capital
    ("On 9 June 2022, an unidentified armed group fired a shell at a clinic in Sabha (Sebha, South), causing no "
     "injuries.", "2022-06-09", "Sabha", "Sabha", 1, "Libya"),
    # a well-known city stays itself when the bracket's unit is known only as a wider area abroad (Iraq's
    # Kurdistan Region); a province or district in the bracket still rules out a namesake abroad (Beni, Congo)
    ("On 12 May 2022, teachers protested in front of the Education Department building in Sanandaj city "
     "(Kurdistan) over the arrests of teacher activists.", "2022-05-12", "Sanandaj", "Kurdistan", 1, "Iran"),
    ("On 27 June 2022, RPP staged sit-in protests across the country, including in Beni city (Myagdi district).",
     "2022-06-27", "Beni", "Gandaki", 1, "Nepal"),
    # bracket units the NER missed: after a unit word's bracket, or after the place's other spelling in square
    # brackets; the unknown village is somewhere in them (precision 2)
    ("On 13 May 2022, rioters pelted stones at the election staffs in Dhungrikhola rural municipality-6 (Humla "
     "district), while they were transporting ballot boxes.", "2022-05-13", "Humla", "Karnali", 2, "Nepal"),
    ("On 9 April 2020, militants killed two civilians in the village of Tanwolbiga [Tanwalbiga] (Fada Ngourma, "
     "Gourma).", "2020-04-09", "Fada N'gourma", "Est", 2, "Burkina Faso"),
]


@pytest.mark.parametrize(("note", "published", "location", "admin1", "precision", "country"), NOTES,
                         ids=[n[:40] for n, *_ in NOTES])
def test_acled_style_place_codes_location_admin1_precision(note: str, published: str, location: str,
                                                          admin1: str | None, precision: int, country: str) -> None:
    events = [e for e in sitrep.extract(note, published=published).events if e.modality == "asserted"]
    assert events
    got = {(e.location, e.admin1, e.geo_precision, e.country) for e in events}
    assert got == {(location, admin1, precision, country)}


@pytest.mark.parametrize(("note", "published", "not_country"), [
    ("On 10 May 2021, Hamas militants fired several rockets from Gaza towards Sderot; they were intercepted by the "
     "Iron Dome.", "2021-05-10", "Germany"),
    ("On 4 May 2020, FAMa soldiers killed 3 civilians near Mondorza (Douentza, Mopti).", "2020-05-04", "Brazil"),
    ("On 2 February 2021, Iraqi security forces seized a weapons cache belonging to IS in Tarmiyah.", "2021-02-02",
     "Russia"),
    # a party's initials are no state code (our alias file's "N.C." is not "NC"), nor is a campus there
    ("On 14 May 2022, cadres of JP, including an election candidate of NC, staged a demonstration at the vote "
     "counting site of Janata Campus in Biratnagar (Morang district).", "2022-05-14", "United States"),
])
def test_acled_style_actor_names_are_no_places(note: str, published: str, not_country: str) -> None:
    result = sitrep.extract(note, published=published)
    assert not_country not in {p.country for p in result.places}
    assert not_country not in {e.country for e in result.events}


def test_one_word_of_an_unknown_name_chooses_no_country() -> None:
    """'As' of 'As Summalah (Sirt, West)' is no Czech town As, and does not make Czechia the note's focus."""
    result = sitrep.extract("On 23 June 2022, protesters closed down the oil port in As Summalah (Sirt, West).",
                            published="2022-06-23")
    assert {e.country for e in result.events} == {"Libya"}
