"""Short ACLED-style notes, written here in several styles, code to the right fields end to end.

Each note is our own sentence about an invented or generic incident; the expected
values follow ACLED's codebook conventions (actor naming by period, inter codes,
interaction with the lower code first, deaths only, vague amounts).
"""

from __future__ import annotations

from typing import Any

import pytest

import sitrep

# The coder the package ships (built from every country, session 17) overrules the rules on these two notes: it
# reads the raid and the youths' clash as armed clashes (the coder built without the held-out countries did not).
# Kept as known failures, strict, so that a model that codes them right shows; the rules' own reading is pinned below.
MODEL_OVERRULES = pytest.mark.xfail(strict=True, reason="the shipped coder codes it as an armed clash")

# (note, published, expected fields of the one asserted event)
NOTES: list[Any] = [
    ("On 3 March 2021, unidentified gunmen shot dead a local official in Kidal town (Kidal, Mali). 1 fatality.",
     "2021-03-03", dict(sub_event_type="Attack", actor1="Unidentified Armed Group (Mali)", inter1=3,
                        actor2="Civilians (Mali)", interaction=37, fatalities=1, event_date="2021-03-03")),
    ("On 12 January 2022, Al Shabaab militants attacked a police station in Mandera (Mandera, Kenya), killing "
     "three police officers.", "2022-01-12",
     dict(sub_event_type="Armed clash", actor1="Al Shabaab", actor2="Police Forces of Kenya (2022-)",
          interaction=12, fatalities=3)),
    ("On 5 June 2019, Military Forces of Syria shelled the outskirts of Khan Shaykhun (Idlib). No fatalities were "
     "reported.", "2019-06-05",
     dict(sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Syria (2000-2024)",
          inter1=1, fatalities=0)),
    ("On 14 February 2023, hundreds of students held a peaceful demonstration in Lagos to protest against fuel "
     "shortages.", "2023-02-14",
     dict(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Nigeria)",
          assoc_actor_1="Students (Nigeria)", interaction=60)),
    ("On 7 August 2020, gunmen killed 4 farmers in Kaura (Kaduna).", "2020-08-08",
     dict(sub_event_type="Attack", actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)",
          assoc_actor_2="Farmers (Nigeria)", interaction=37, fatalities=4)),
    ("On 3 September 2019, workers protested a delay in receiving their pay checks in Algiers [size=300].",
     "2019-09-04", dict(sub_event_type="Peaceful protest", actor1="Protesters (Algeria)",
                        assoc_actor_1="Labour Group (Algeria)", event_date="2019-09-03")),
    ("On 29 June 2023, a man set himself on fire in front of the parliament in Yerevan in protest.", "2023-06-30",
     dict(sub_event_type="Peaceful protest", actor1="Protesters (Armenia)", assoc_actor_1=None)),
    ("On 9 May 2022, in Salvador (Bahia), residents blocked a highway by setting tyres on fire to demand the "
     "return of bus services to their neighbourhood. [size=no report]", "2022-05-10",
     dict(sub_event_type="Violent demonstration")),
    ("On 2 April 2022, Russian forces carried out an airstrike on Kharkiv city, killing 4 civilians.", "2022-04-02",
     dict(sub_event_type="Air/drone strike", actor1="Military Forces of Russia (2000-)", inter1=8,
          actor2="Civilians (Ukraine)", interaction=78, fatalities=4, civilian_targeting="Civilian targeting")),
    ("On 9 October 2021, police arrested 12 protesters in Khartoum during a demonstration against the military.",
     "2021-10-09", dict(sub_event_type="Protest with intervention", actor1="Protesters (Sudan)",
                        actor2="Police Forces of Sudan (2019-)", interaction=16)),
    ("On 25 December 2019, a suicide bomber blew himself up at a checkpoint in Mogadishu, killing 6 people "
     "including 2 soldiers.", "2019-12-25",
     dict(event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", fatalities=6)),
    ("On 1 August 2021, Fulani militia abducted 20 villagers in Zurmi LGA (Zamfara).", "2021-08-01",
     dict(sub_event_type="Abduction/forced disappearance", actor1="Fulani Ethnic Militia (Nigeria)", inter1=4,
          actor2="Civilians (Nigeria)", interaction=47, fatalities=0)),
    ("On 11 May 2022, the Turkish military conducted drone strikes against PKK positions near Qandil mountains "
     "(Erbil, Iraq), killing 5 PKK militants.", "2022-05-11",
     dict(sub_event_type="Air/drone strike", actor1="Military Forces of Turkey (2016-)", inter1=8,
          actor2="PKK: Kurdistan Workers Party", interaction=28, fatalities=5)),
    ("On 4 March 2020, a mob lynched a man accused of theft in Kampala.", "2020-03-04",
     dict(event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (Uganda)", actor2="Civilians (Uganda)",
          interaction=57, fatalities=1)),
    ("On 22 June 2021, ELN fighters clashed with FARC dissidents in Arauca department, Colombia. At least 8 people "
     "were killed.", "2021-06-22",
     dict(sub_event_type="Armed clash", actor1="ELN: National Liberation Army", interaction=22, fatalities=8)),
    ("On 28 February 2022, Ukrainian forces regained control of the village of Makariv (Kyiv) from Russian forces.",
     "2022-02-28", dict(sub_event_type="Government regains territory", actor1="Military Forces of Ukraine (2019-)",
                        actor2="Military Forces of Russia (2000-)", interaction=18)),
    ("On 16 March 2021, Tatmadaw soldiers opened fire on anti-coup protesters in Yangon, killing 9 people.",
     "2021-03-16", dict(sub_event_type="Excessive force against protesters",
                        actor1="Military Forces of Myanmar (2021-)", actor2="Protesters (Myanmar)",
                        interaction=16, fatalities=9)),
    ("On 6 May 2020, a landmine exploded under a vehicle near Tal Abyad (Raqqa), killing 2 civilians.", "2020-05-06",
     dict(sub_event_type="Remote explosive/landmine/IED", actor2="Civilians (Syria)", fatalities=2)),
    ("On 2 February 2021, Iraqi security forces seized a weapons cache belonging to IS in Tarmiyah.", "2021-02-02",
     dict(sub_event_type="Disrupted weapons use", actor1="Military Forces of Iraq (2018-)",
          actor2="Islamic State (Iraq)", interaction=12)),
    ("On 15 July 2020, a gang raped a woman in Port-au-Prince.", "2020-07-15",
     dict(sub_event_type="Sexual violence", actor2="Civilians (Haiti)", fatalities=0)),
    ("On 27 August 2021, M23 rebels clashed with FARDC in Rutshuru territory (North Kivu). 3 fatalities.",
     "2021-08-27", dict(sub_event_type="Armed clash", actor1="M23: March 23 Movement", interaction=12, fatalities=3)),
    ("On 9 May 2021, a grenade was thrown at a bar in Goma, injuring 5 people.", "2021-05-09",
     dict(sub_event_type="Grenade", fatalities=0)),
    ("On 3 January 2021, PMF fighters repelled an IS attack on their positions near Tarmiyah (Baghdad). 2 PMF "
     "members were killed.", "2021-01-03",
     dict(sub_event_type="Armed clash", actor1="PMF: Popular Mobilization Forces", actor2="Islamic State (Iraq)",
          interaction=23, fatalities=2)),
    # only the state arrests: ACLED codes the SDF's detentions as abductions of civilians (17 of 19 training notes)
    pytest.param("On 19 July 2022, SDF arrested 7 suspected IS members during a raid in Al-Hol camp (Al-Hasakeh).",
                 "2022-07-19", dict(sub_event_type="Abduction/forced disappearance",
                                    actor1="QSD: Syrian Democratic Forces", actor2="Civilians (Syria)"),
                 marks=MODEL_OVERRULES, id="SDF arrest raid"),
    ("On 27 November 2023, Israeli forces shot and killed a Palestinian man during a raid on Jenin refugee camp.",
     "2023-11-27", dict(event_type="Violence against civilians", sub_event_type="Attack",
                        actor1="Military Forces of Israel (2022-)", actor2="Civilians (Palestine)", fatalities=1)),
    ("On 17 May 2020, unknown gunmen assassinated an activist in Amarah (Maysan).", "2020-05-17",
     dict(sub_event_type="Attack", actor1="Unidentified Armed Group (Iraq)", interaction=37, fatalities=1)),
    ("On 1 July 2021, Iraqi Counter-Terrorism Service killed 5 ISIS militants in an airstrike in the Hamrin "
     "mountains (Diyala).", "2021-07-01",
     dict(sub_event_type="Air/drone strike", actor1="Military Forces of Iraq (2018-)", actor2="Islamic State (Iraq)",
          interaction=12, fatalities=5)),
    ("On 22 March 2021, the Iraqi government signed a security agreement with tribal leaders in Anbar.",
     "2021-03-22", dict(event_type="Strategic developments", sub_event_type="Agreement")),
    ("On 14 April 2014, Boko Haram abducted 276 schoolgirls from Chibok (Borno).", "2014-04-14",
     dict(sub_event_type="Abduction/forced disappearance", actor2="Civilians (Nigeria)", interaction=27,
          fatalities=0)),
    ("On 2 October 2019, hundreds of protesters clashed with security forces in Tahrir Square in Baghdad; police "
     "used live ammunition, killing 2 demonstrators.", "2019-10-02",
     dict(event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Iraq)",
          actor2="Police Forces of Iraq (2018-)", interaction=15, fatalities=2)),
    ("On 11 March 2020, Katyusha rockets hit Camp Taji north of Baghdad, killing 2 US soldiers and 1 British "
     "soldier.", "2020-03-11", dict(sub_event_type="Shelling/artillery/missile attack", fatalities=3)),
    ("On 5 May 2023, HTS fighters clashed with regime forces on the Kabani frontline in Latakia countryside. "
     "4 regime soldiers were killed.", "2023-05-05",
     dict(sub_event_type="Armed clash", actor1="HTS: Hayat Tahrir al Sham", actor2="Military Forces of Syria (2000-2024)",
          interaction=12, fatalities=4)),
    ("On 14 July 2020, unknown assailants killed a police officer in Kirkuk city. The death toll later rose to "
     "three.", "2020-07-15", dict(actor1="Unidentified Armed Group (Iraq)", actor2="Police Forces of Iraq (2018-)",
                                  fatalities=3)),
    ("On 4 June 2021, rival clans clashed in Galkayo (Mudug), killing 7.", "2021-06-05",
     dict(sub_event_type="Armed clash", actor1="Unidentified Clan Militia (Somalia)",
          actor2="Unidentified Clan Militia (Somalia)", interaction=44, fatalities=7)),
    ("On 3 March 2002, police fired on rioters in Godhra (Gujarat), killing two.", "2002-03-04",
     dict(event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (India)",
          actor2="Police Forces of India (1998-2004)", interaction=15, fatalities=2)),
    pytest.param("On 5 May 2022, Israeli forces and Palestinian youths clashed in Beita (Nablus).", "2022-05-06",
                 dict(event_type="Riots", actor1="Rioters (Palestine)", actor2="Military Forces of Israel (2022-)",
                      interaction=58), marks=MODEL_OVERRULES, id="youths clash with Israeli forces"),
    ("On 13 June 2020, Hamas militants fired several rockets from Gaza towards Sderot; they were intercepted by the "
     "Iron Dome.", "2020-06-14", dict(sub_event_type="Disrupted weapons use", actor1="Military Forces of Israel (2009-2021)",
                                      actor2="Hamas Movement")),
    ("On 10 June 2021, Houthis launched an explosive-laden drone towards Khamis Mushait; it was intercepted by Saudi "
     "air defences.", "2021-06-11", dict(sub_event_type="Disrupted weapons use",
                                         actor1="Military Forces of Saudi Arabia (2015-)")),
    ("Dozens of people were killed on 19 April 2023 when RSF fighters stormed an army base in Khartoum.",
     "2023-04-20", dict(event_date="2023-04-19", fatalities=12, actor1="RSF: Rapid Support Forces")),
    # events follow-ups (detection and arguments)
    ("On 8 May 2020, TMF in cooperation with Iraqi forces killed 15 IS militants in an ambush near Wadi Hauran in "
     "Anbar province.", "2020-05-08",
     dict(sub_event_type="Armed clash", actor1="TMF: Tribal Mobilization Forces",
          assoc_actor_1="Military Forces of Iraq (2018-)", actor2="Islamic State (Iraq)", fatalities=15)),
    ("On 3 May 2020, Peshmerga forces and Iraqi army clashed near Makhmur.", "2020-05-03",
     dict(sub_event_type="Armed clash", assoc_actor_1=None, actor2="Military Forces of Iraq (2018-)")),
    ("On 15 April 2023, RSF forces and Sudanese Armed Forces fought in Khartoum; dozens of people were killed.",
     "2023-04-15", dict(sub_event_type="Armed clash", actor1="RSF: Rapid Support Forces", assoc_actor_1=None,
                        actor2="Military Forces of Sudan (2019-)", fatalities=12)),
    ("On 27 January 2022, Kyrgyz and Tajik border guards exchanged fire near Kok-Tash.", "2022-01-27",
     dict(sub_event_type="Armed clash", assoc_actor_1=None, interaction=18)),
    ("On 6 June 2020, a PKK militant was killed in a clash with Turkish soldiers in Hakkari province.", "2020-06-06",
     dict(sub_event_type="Armed clash", actor1="Military Forces of Turkey (2016-)",
          actor2="PKK: Kurdistan Workers Party", fatalities=1)),
    ("On 17 June 2020, Turkish warplanes bombed PKK hideouts in Qandil. No casualties reported.", "2020-06-17",
     dict(sub_event_type="Air/drone strike", actor1="Military Forces of Turkey (2016-)", fatalities=0)),
    ("On 15 May 2021, IDF airstrikes destroyed a tower in Gaza city. No casualties were reported.", "2021-05-15",
     dict(sub_event_type="Air/drone strike", fatalities=0)),
    ("On 10 May 2021, Hamas militants fired several rockets from Gaza towards Sderot; they were intercepted by the "
     "Iron Dome.", "2021-05-10", dict(sub_event_type="Disrupted weapons use", actor2="Hamas Movement")),
    ("On 5 March 2022, Houthis launched an explosive-laden drone towards Khamis Mushait; it was intercepted.",
     # ACLED's 2022 exports name the Houthi forces by the Supreme Political Council, later ones "(2017-) Houthi"
     "2022-03-05", dict(sub_event_type="Disrupted weapons use",
                        actor2="Military Forces of Yemen (2016-) Supreme Political Council")),
    ("Looting: On 4 August 2021, presumed Katiba Macina (JNIM) militants looted from Dogon civilians in the village "
     "of Petaka (Douentza, Mopti). The militants seized livestock.", "2021-08-05",
     dict(sub_event_type="Looting/property destruction", actor1="Katiba Macina", actor2="Civilians (Mali)",
          fatalities=0, event_date="2021-08-04")),
    ("On 12 July 2021, teachers held a sit-in in front of the education directorate in Nasiriyah (Thi-Qar).",
     "2021-07-12", dict(sub_event_type="Peaceful protest", actor1="Protesters (Iraq)", fatalities=0)),
    # ACLED's codebook counts road-blocking with barricades or burning tyres as a violent demonstration;
    # people blocking a road with themselves or their cars are a peaceful protest (two thirds of ACLED's
    # road-blocking notes in the training countries)
    ("On 3 July 2021, protesters blocked the roads in Nasiriyah with burning tyres over power cuts.", "2021-07-03",
     dict(sub_event_type="Violent demonstration", actor1="Rioters (Iraq)")),
    ("On 4 July 2021, protesters blocked the roads in Nasiriyah over power cuts.", "2021-07-04",
     dict(sub_event_type="Peaceful protest", actor1="Protesters (Iraq)")),
    ("On 9 March 2015, 15 bodies with gunshot wounds were found in a mass grave near Sinjar (Ninewa).", "2015-03-09",
     dict(sub_event_type="Attack", fatalities=15)),
    ("On 20 August 2019, a drone of unknown origin struck a PMF weapons depot near Balad (Salah al-Din).",
     "2019-08-20", dict(sub_event_type="Air/drone strike", actor2="PMF: Popular Mobilization Forces")),
    ("On 5 May 2021, residents attacked a police station in Tanga after a detainee died in custody; police fired "
     "live rounds, killing one rioter.", "2021-05-05",
     dict(event_type="Riots", actor1="Rioters (Tanzania)", inter2=1, fatalities=1)),
    ("On 24 January 2016, the Syrian forces took full control of the town of Rabi'a (Latakia) in fierce clashes "
     "with the militants.", "2016-01-24",
     dict(sub_event_type="Government regains territory", actor1="Military Forces of Syria (2000-2024)")),
    ("On 27 March 2022, Wagner forces killed dozens of civilians in Moura (Djenne, Mopti).", "2022-03-27",
     dict(sub_event_type="Attack", actor1="Wagner Group", actor2="Civilians (Mali)", fatalities=12)),
    ("On 15 April 2021, Iraqi police detained a PMF commander in Karbala on charges of killing an activist.",
     "2021-04-16", dict(sub_event_type="Arrests", actor1="Police Forces of Iraq (2018-)",
                        actor2="PMF: Popular Mobilization Forces", fatalities=0)),
]


def _asserted(text: str, published: str) -> list[Any]:
    return [e for e in sitrep.extract(text, published=published).events if e.modality == "asserted"]


def _note_id(case: Any) -> str:
    return str(case.id) if hasattr(case, "marks") else case[0][:40]


@pytest.mark.parametrize(("note", "published", "expected"), NOTES, ids=[_note_id(c) for c in NOTES])
def test_acled_style_note_codes_expected_fields(note: str, published: str, expected: dict[str, Any]) -> None:
    events = _asserted(note, published)
    assert len(events) == 1, [(e.sub_event_type, e.actor1) for e in events]
    got = {k: getattr(events[0], k) for k in expected}
    assert got == expected


def test_acled_style_threat_is_not_an_asserted_event() -> None:
    note = "On 20 February 2022, gunmen threatened to attack the village if residents did not pay a levy."
    assert _asserted(note, "2022-02-20") == []


def test_acled_style_denied_shelling_is_negated_not_asserted() -> None:
    note = "On 7 March 2022, Russian forces did not shell Mykolaiv, contrary to earlier reports."
    events = sitrep.extract(note, published="2022-03-07").events
    assert events and {e.modality for e in events} == {"negated"}


def test_acled_style_killing_named_as_a_charge_adds_no_fatality() -> None:
    note = "On 15 April 2021, Iraqi police detained a PMF commander in Karbala on charges of killing an activist."
    events = _asserted(note, "2021-04-16")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Arrests", 0)]


def test_acled_style_protests_named_as_background_of_a_curfew_are_no_protest_event() -> None:
    note = "On 28 November 2019, the government of Iraq declared a curfew in Nasiriyah following the protests."
    events = _asserted(note, "2019-11-28")
    assert events and all(e.event_type != "Protests" and e.actor1 != "Protesters (Iraq)" for e in events)


OVERRULED = [c for c in NOTES if hasattr(c, "marks")]


@pytest.mark.parametrize(("note", "published", "expected"), [c.values for c in OVERRULED],
                         ids=[_note_id(c) for c in OVERRULED])
def test_acled_style_note_the_model_overrules_is_read_right_by_the_rules(note: str, published: str,
                                                                         expected: dict[str, Any]) -> None:
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline, load_config

    config = load_config()
    config["stages"]["sitrep.coding.v1"]["use_model"] = False
    events = [e for e in Pipeline(config).process_batch([Article(text=note, published=published)])[0].events
              if e.modality == "asserted"]
    assert len(events) == 1
    assert {k: getattr(events[0], k) for k in expected} == expected
