"""Events stage: triggers, who did what to whom, modality, merging, evidence, user triggers."""

from __future__ import annotations

import pytest
from events_text import events_of, only

from sitrep.events.detect import Detector
from sitrep.events.lexicon import lexicon, load_lexicon
from sitrep.model import Article, Document, Place
from sitrep.stages.events import detect_events


@pytest.fixture(scope="module")
def pipe(rules_pipe):
    return rules_pipe


def test_events_passive_by_agent_is_actor1(pipe):
    ev = events_of(pipe, "Two soldiers were killed by Boko Haram militants in Borno on Sunday.")[0]
    assert ev.inter1 == 2 and "Boko Haram" in (ev.actor1 or "")
    assert ev.inter2 == 1


def test_events_in_cooperation_with_is_associated_actor(pipe):
    text = "On 8 May 2020, TMF in cooperation with Iraqi forces killed 15 IS militants in Anbar province."
    ev = events_of(pipe, text)[0]
    assert ev.actor1 and ev.actor1.startswith("TMF")
    assert "Military Forces of Iraq" in (ev.assoc_actor_1 or "")
    assert ev.actor2 == "Islamic State (Iraq)"
    assert text[slice(*ev.evidence["assoc_actor_1"])] == "Iraqi forces"


def test_events_backed_by_and_with_support_of_are_associated(pipe):
    ev = events_of(pipe, "Syrian rebels backed by Turkish troops attacked Kurdish positions near Afrin.")[0]
    assert ev.assoc_actor_1
    ev = events_of(pipe, "With the support of the PMF, the Iraqi army launched an assault on IS positions in Tal Afar.")[0]
    assert ev.actor1 == "Military Forces of Iraq (2018-)"
    assert "PMF" in (ev.assoc_actor_1 or "")


def test_events_conjunct_subjects_make_associated_actor(pipe):
    ev = events_of(pipe, "Iraqi forces and the PMF attacked Islamic State hideouts in the Hamrin mountains.")[0]
    assert ev.actor1 == "Military Forces of Iraq (2018-)"
    assert "PMF" in (ev.assoc_actor_1 or "")


@pytest.mark.parametrize(
    "text, modality",
    [
        ("If the talks fail, the rebels will attack the capital.", "hypothetical"),
        ("The army plans to launch an offensive against the militants next month.", "future"),
        ("Al-Shabaab vowed to attack government troops in Mogadishu.", "future"),
        ("Police did not arrest anyone after the rally in Lagos.", "negated"),
        ("Gunmen attacked a bus in Zamfara on Monday.", "asserted"),
        ("The opposition demanded the arrest of the party leaders in Harare.", "future"),
        ("Nobody was arrested at the march in Kampala, police said.", "negated"),
        ("The two leaders are likely to be arrested in Lucknow on Friday.", "future"),
        ("The task force was directed to detain the suspects in Patna.", "future"),
        ("We have to arrest the guilty in Godhra, the minister said.", "hypothetical"),
        ("Police had to fire six rounds to disperse the crowd in Vadodara.", "asserted"),
    ],
)
def test_events_modality(pipe, text, modality):
    events = events_of(pipe, text)
    assert events and events[0].modality == modality


def test_events_two_events_in_one_sentence(pipe):
    text = "Police arrested five men in Basra on Monday, while militants shelled an army base in Kirkuk."
    events = events_of(pipe, text)
    assert {e.sub_event_type for e in events} >= {"Arrests", "Shelling/artillery/missile attack"}


def test_events_general_statement_is_not_an_extra_event(pipe):
    text = (
        "IS militants attacked a convoy near Rutba on Friday. "
        '"We have seen some attacks carried out against civilians in remote areas," an expert said.'
    )
    assert len([e for e in events_of(pipe, text) if e.modality == "asserted"]) == 1


def test_events_evidence_points_at_trigger_and_sentence(pipe):
    text = "Protesters blocked the main road in Beirut. Security forces fired tear gas at them."
    for ev in events_of(pipe, text):
        s, e = ev.evidence["sentence"]
        ts, te = ev.evidence["trigger"]
        assert s <= ts < te <= e
        assert text[ts:te] == ev.trigger
        assert ev.event_id.startswith(ev.article_id)


def test_events_one_event_per_conjoined_place():
    from sitrep.stages.nlp import load_model

    text = "Russian warplanes bombed Idlib and Hama on Monday."
    doc = load_model()(text)
    document = Document(article=Article(text=text, source="Example Wire"), doc=doc)
    for name in ("Idlib", "Hama"):
        start = text.index(name)
        document.places.append(Place(text=name, start=start, end=start + len(name), sent=0, feature="town"))
    detect_events(document, Detector(lexicon()))
    locations = sorted(text[slice(*e.evidence["location"])] for e in document.events)
    assert locations == ["Hama", "Idlib"]
    assert all(e.source == "Example Wire" for e in document.events)


def test_events_user_trigger_file_adds_a_trigger(tmp_path, monkeypatch):
    (tmp_path / "triggers.yaml").write_text("triggers:\n  - {lemma: kneecap, class: attack}\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA_PATH", str(tmp_path))
    lex = lexicon()
    assert any(t.cls == "attack" for t in lex.single["kneecap"])
    assert "kneecap" not in load_lexicon([lex.files[0]]).single
    from sitrep.stages.nlp import load_model

    text = "Masked men kneecapped a shopkeeper in Derry."
    document = Document(article=Article(text=text), doc=load_model()(text))
    detect_events(document, Detector(lex))
    assert [e.trigger for e in document.events] == ["kneecapped"]


def test_events_bad_user_trigger_file_is_a_catalogued_error(tmp_path):
    from sitrep.errors import SitrepError

    bad = tmp_path / "triggers.yaml"
    bad.write_text("triggers:\n  - {lemma: x}\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        load_lexicon([bad])
    assert info.value.code == "E302"


def test_events_seed_article(pipe, seed_text):
    events = pipe.process_batch([Article(text=seed_text, id="seed")])[0].events
    asserted = [e for e in events if e.modality == "asserted"]
    attacks = [e for e in asserted if e.sub_event_type == "Attack"]
    # the expert's "some attacks carried out against civilians" is not a second attack
    assert len(attacks) == 1 and attacks[0].actor1 == "Islamic State (Iraq)"
    assert any(e.event_type == "Strategic developments" and e.sub_event_type != "Agreement" for e in asserted)
    assert any(e.sub_event_type == "Agreement" for e in asserted)
    threat = [e for e in events if "If the tribes" in seed_text[slice(*e.evidence["sentence"])]]
    assert threat and all(e.modality == "hypothetical" for e in threat)
    for e in events:
        for field in ("actor1", "actor2", "assoc_actor_1", "trigger", "sentence"):
            if field in e.evidence:
                start, end = e.evidence[field]
                assert 0 <= start < end <= len(seed_text)


def test_events_words_inside_names_are_not_triggers(pipe):
    events = events_of(pipe, "A spokesman for the Popular Mobilisation Units spoke to reporters in Baghdad.")
    assert not [e for e in events if e.trigger == "Mobilisation"]


def test_coding_same_actor_both_sides_only_for_unidentified_groups():
    from sitrep.model import Event
    from sitrep.stages.coding_actors import intra_group

    rival = Event(event_type="Battles", actor1="Unidentified Armed Group (Libya)", inter1=3,
                  actor2="Unidentified Armed Group (Libya)", inter2=3)
    crowd = Event(event_type="Protests", actor1="Protesters (Kenya)", inter1=6, actor2="Protesters (Kenya)", inter2=6)
    assert intra_group(rival)
    assert not intra_group(crowd)


def test_events_sentence_span_rejoins_a_sentence_the_parser_cut():
    import spacy

    from sitrep.events.detect import whole_sentence

    nlp = spacy.blank("en")
    doc = nlp("Gunmen abduct pupils in Zamfara\n\nGunmen abducted 23 pupils on Monday. Police said so.")
    starts = {0, 6, 7, 13}  # the title, a lone "Gunmen", the rest of its sentence, the next sentence
    for t in doc:
        t.is_sent_start = t.i in starts
    sents = list(doc.sents)
    assert [s.text.strip() for s in sents][1:3] == ["Gunmen", "abducted 23 pupils on Monday."]
    for si in (1, 2):
        start, end = whole_sentence(sents, si)
        assert doc.text[start:end].strip() == "Gunmen abducted 23 pupils on Monday."
    title = whole_sentence(sents, 0)
    assert doc.text[title[0]:title[1]].strip() == "Gunmen abduct pupils in Zamfara"


def test_events_bare_passive_toll_has_no_agent_from_its_victims(pipe):
    text = ("A car bomb exploded at a checkpoint in Mogadishu on Tuesday. "
            "Officials said seven people, including four soldiers, were killed.")
    events = events_of(pipe, text)
    assert len(events) == 1
    assert events[0].event_type == "Explosions/Remote violence" and events[0].fatalities == 7
    assert not (events[0].actor1 or "").startswith("Military Forces")


def test_events_victims_before_the_trigger_are_not_its_agent(pipe):
    text = ("Three members of the Iraqi army were killed when an improvised explosive device detonated "
            "under their vehicle near Tarmiyah on Monday.")
    ev = events_of(pipe, text)[0]
    assert ev.event_type == "Explosions/Remote violence"
    assert not (ev.actor1 or "").startswith("Military Forces") and (ev.actor2 or "").startswith("Military Forces")


@pytest.mark.parametrize("text", ["Three soldiers died when militants attacked their convoy near Kidal.",
                                  "Two villagers perished in the shelling of Donetsk on Monday."])
def test_events_subject_of_a_death_word_is_a_victim_not_the_agent(pipe, text):
    ev = events_of(pipe, text)[0]
    assert ev.actor1 is None or ("soldier" not in text[slice(*ev.evidence.get("actor1", [0, 0]))]
                                 and "villager" not in text[slice(*ev.evidence.get("actor1", [0, 0]))])


def test_events_shots_without_shooter_go_to_the_state_force_last_seen_acting(pipe):
    text = "Police used tear gas to disperse a stone-pelting mob in Kawant on Thursday. Later six rounds were fired."
    fired = only(events_of(pipe, text), trigger="fired")
    assert fired.inter1 == 1 and text[slice(*fired.evidence["actor1"])] == "Police"
    other = "Gunmen stormed a bank in Kano on Monday. Six rounds were fired in the area."
    assert only(events_of(pipe, other), trigger="fired").inter1 != 1


def test_events_death_word_subject_does_not_fire_the_shots(pipe):
    ev = only(events_of(pipe, "A youth perished in police firing in Ahmedabad on Tuesday."), trigger="firing")
    assert ev.inter1 == 1


def test_events_hyphenated_triggers_match_the_split_tokens(pipe):
    ev = events_of(pipe, "Police lathi-charged the crowd of protesters in Allahabad on Monday.")[0]
    assert ev.trigger == "lathi-charged" and ev.event_type == "Protests"


@pytest.mark.parametrize("text, arrest", [
    ("Five VHP activists were held by the police in Lucknow on Friday.", True),
    ("The board examinations were held in Vadodara on Monday.", False),
    ("The Kolkata police caught two SIMI activists near the border on Sunday.", True),
])
def test_events_held_and_caught_are_arrests_only_of_people(pipe, text, arrest):
    events = events_of(pipe, text)
    assert any(e.sub_event_type == "Arrests" for e in events) == arrest


def test_events_unquoted_yaml_boolean_in_a_trigger_condition_is_an_error(tmp_path):
    from sitrep.errors import SitrepError

    bad = tmp_path / "triggers.yaml"
    bad.write_text("triggers:\n  - {lemma: blaze, class: attack, needs: [on, at]}\n", encoding="utf-8")
    with pytest.raises(SitrepError) as info:
        load_lexicon([bad])
    assert info.value.code == "E302" and "quote" in str(info.value)


def test_events_booked_for_murder_is_an_arrest(pipe):
    events = events_of(pipe, "Sixty people have been booked under POTO for murder by the Godhra police.")
    assert any(e.sub_event_type == "Arrests" for e in events)
    assert not any(e.sub_event_type == "Arrests" for e in events_of(pipe, "She booked a ticket to Delhi on Monday."))


def test_events_conjoined_harm_verbs_share_the_object_so_the_subject_is_the_agent(pipe):
    ev = events_of(pipe, "Israeli forces shot and killed a Palestinian man during a raid on Jenin refugee camp.")[0]
    assert ev.inter1 == 1 and "Israel" in (ev.actor1 or "")


def test_events_killing_agent_and_allies_lead_the_ambush_it_happened_in(pipe):
    ev = events_of(pipe, "Last Tuesday, PMF fighters backed by Iraqi police killed six ISIS members in an ambush "
                         "near Baiji.")
    assert len(ev) == 1
    assert ev[0].actor1 == "PMF: Popular Mobilization Forces"
    assert "Police Forces of Iraq" in (ev[0].assoc_actor_1 or "")
    assert ev[0].actor2 == "Islamic State (Iraq)" and ev[0].fatalities == 6


@pytest.mark.parametrize("text", [
    "On 2 June 2022, Somali troops and Al Shabaab fighters battled near Jowhar.",
    "Al Shabaab fighters and Somali soldiers exchanged fire outside Jowhar on 2 June 2022.",
])
def test_events_conjoined_subjects_of_a_reciprocal_verb_are_opponents(pipe, text):
    ev = pipe.process_batch([Article(text=text, published="2022-06-02")])[0].events
    assert len(ev) == 1 and ev[0].sub_event_type == "Armed clash"
    assert ev[0].actor1 and ev[0].actor2 and ev[0].assoc_actor_1 is None
    assert {ev[0].actor1[:27], ev[0].actor2[:27]} == {"Al Shabaab", "Military Forces of Somalia "}


@pytest.mark.parametrize("text, actor1, actor2", [
    ("Two Al Shabaab fighters were killed in fighting with Somali troops near Afgoye.", "Military Forces", "Al Shabaab"),
    ("Three Somali soldiers died in a gun battle with Al Shabaab near Afgoye.", "Al Shabaab", "Military Forces"),
])
def test_events_side_named_with_with_fought_those_who_suffered(pipe, text, actor1, actor2):
    ev = events_of(pipe, text)
    assert len(ev) == 1 and ev[0].sub_event_type == "Armed clash"
    assert (ev[0].actor1 or "").startswith(actor1) and (ev[0].actor2 or "").startswith(actor2)


@pytest.mark.parametrize("text", [
    "Unknown gunmen attacked a checkpoint near Tuz Khurmatu on Monday night. Nobody was killed, police said.",
    "Mortar rounds landed in a field outside Kabul. There were no casualties.",
])
def test_events_a_denied_toll_after_an_event_is_no_event_of_its_own(pipe, text):
    ev = events_of(pipe, text)
    assert [e.modality for e in ev] == ["asserted"] and ev[0].fatalities == 0
    assert any(k.startswith("trigger_") for k in ev[0].evidence)


@pytest.mark.parametrize("text", [
    "Palestinian Islamic Jihad launched rockets at Ashkelon on Monday. Israeli air defences shot down most of them.",
    "PIJ militants fired a barrage of rockets at Ashkelon, but all of them were intercepted.",
])
def test_events_launch_and_its_interception_are_one_disrupted_event(pipe, text):
    ev = events_of(pipe, text)
    assert [e.sub_event_type for e in ev] == ["Disrupted weapons use"]
    assert ev[0].actor2 == "PIJ: Palestinian Islamic Jihad"


def test_events_category_label_and_goods_taken_by_the_same_actor_make_one_looting(pipe):
    text = ("Looting: On 2 March 2022, suspected ISWAP fighters plundered shops in Gubio (Borno). The fighters "
            "also made off with cattle.")
    ev = pipe.process_batch([Article(text=text, published="2022-03-02")])[0].events
    assert [e.sub_event_type for e in ev] == ["Looting/property destruction"]
    assert ev[0].actor1 == "Islamic State (West Africa) - Lake Chad Faction" and "trigger_2" in ev[0].evidence


def test_events_bodies_with_marks_of_violence_are_an_attack_not_by_who_found_them(pipe):
    ev = events_of(pipe, "Villagers found the bodies of four shepherds with gunshot wounds near Baiji.")
    assert [(e.sub_event_type, e.fatalities) for e in ev] == [("Attack", 4)]
    assert ev[0].inter1 == 3 and ev[0].inter2 == 7


@pytest.mark.parametrize("text, sub", [
    ("Al Shabaab fighters captured the town of Bulo Burde during heavy fighting with government troops.",
     "Non-state actor overtakes territory"),
    ("After two days of fierce battles with IS, Iraqi troops retook the village of Imam Gharbi.",
     "Government regains territory"),
])
def test_events_territory_taken_in_fighting_is_the_territory_change(pipe, text, sub):
    assert [e.sub_event_type for e in events_of(pipe, text)] == [sub]


def test_events_noun_and_verb_triggers_of_one_word_and_class_both_load(tmp_path):
    path = tmp_path / "triggers.yaml"
    path.write_text("triggers:\n  - {lemma: hold, class: capture, pos: [NOUN]}\n  - {lemma: hold, class: capture, pos: [VERB]}\n")
    assert len(load_lexicon([path]).single["hold"]) == 2


@pytest.mark.parametrize("text", [
    "Authorities imposed a night curfew on Kisumu amid the riots.",
    "The governor ordered a curfew across Kano State following the demonstrations.",
])
def test_events_event_named_as_background_does_not_lead_a_clause_with_its_own_act(pipe, text):
    assert [e.event_type for e in events_of(pipe, text)] == ["Strategic developments"]


@pytest.mark.parametrize("text, agreement", [
    ("The two ministers agreed to expand trade between the countries.", False),
    ("Officials signed a deal to build a new hospital in Basra.", False),
    ("Government troops and the rebels agreed to a three-day truce in Hodeidah.", True),
    ("The SDF and the regime agreed on an exchange of prisoners near Manbij.", True),
])
def test_events_agreement_only_about_the_conflict(pipe, text, agreement):
    assert any(e.sub_event_type == "Agreement" for e in events_of(pipe, text)) == agreement


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed five herders in Kagoro (Kaura, Kaduna) on Monday.", [None]),
    ("Gunmen killed five herders in Kagoro and Zonkwa (Zangon Kataf, Kaduna) on Monday.", ["Kagoro", "Zonkwa"]),
    ("Gunmen ambushed a convoy on the road between Kagoro and Zonkwa on Monday.", [None]),
])
def test_events_bracketed_admin_hint_and_road_ends_are_not_more_places(text, expected):
    from sitrep.stages.nlp import load_model

    doc = load_model()(text)
    document = Document(article=Article(text=text), doc=doc)
    for name in ("Kagoro", "Zonkwa", "Kaura", "Zangon Kataf", "Kaduna"):
        if name in text:
            start = text.index(name)
            document.places.append(Place(text=name, start=start, end=start + len(name), sent=0, feature="town"))
    detect_events(document, Detector(lexicon()))
    got = [text[slice(*e.evidence["location"])] if "location" in e.evidence else None for e in document.events]
    assert sorted(got, key=str) == expected


def test_events_act_demanded_in_a_that_clause_is_not_asserted(pipe):
    ev = events_of(pipe, "Relatives of the victims demanded that the police arrest the gunmen responsible.")
    assert [e.modality for e in ev if e.sub_event_type == "Arrests"] == ["future"]


def test_events_conjoined_subjects_clashing_with_a_third_party_stay_allies(pipe):
    ev = events_of(pipe, "Iraqi troops and the PMF clashed with IS militants near Tarmiyah.")
    assert len(ev) == 1 and ev[0].actor2 == "Islamic State (Iraq)"
    assert "PMF" in (ev[0].assoc_actor_1 or "")


def test_events_a_single_body_found_with_marks_of_violence_is_one_death(pipe):
    ev = events_of(pipe, "Passers-by found a body with stab wounds on a farm outside Kirkuk.")
    assert [(e.sub_event_type, e.fatalities) for e in ev] == [("Attack", 1)]


@pytest.mark.parametrize("text, sub", [
    ("Army soldiers on patrol killed a militant in the Fouzar mountains, seizing his weapon.", "Armed clash"),
    ("Two police officers beat a gas station worker on the boulevard.", "Attack"),
    ("Three armed men riding on motorcycles attacked a passenger vehicle, killing one displaced person.", "Attack"),
])
def test_events_fights_beatings_and_gunmen_on_motorbikes_are_coded_by_what_was_done(pipe, text, sub):
    # a weapon taken from a man killed is a fight; a "station" in a worker's job is no military post;
    # riders of motorcycles carry no bomb
    assert [e.sub_event_type for e in events_of(pipe, text)] == [sub]
