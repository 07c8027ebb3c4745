"""Events stage: triggers, who did what to whom, modality, merging, evidence, user triggers."""

from __future__ import annotations

import pytest

from sitrep.events.detect import Detector
from sitrep.events.lexicon import lexicon, load_lexicon
from sitrep.model import Article, Document, Place
from sitrep.stages.events import detect_events


@pytest.fixture(scope="module")
def pipe(rules_pipe):
    return rules_pipe


def events_of(pipe, text):
    return pipe.process_batch([Article(text=text)])[0].events


def only(events, **fields):
    found = [e for e in events if all(getattr(e, k) == v for k, v in fields.items())]
    assert found, [(e.sub_event_type, e.actor1, e.actor2, e.modality) for e in events]
    return found[0]


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


def test_events_the_attack_refers_back_to_one_event(pipe):
    text = "Gunmen attacked a village in Zamfara state on Tuesday. The attack left 12 villagers dead."
    events = [e for e in events_of(pipe, text) if e.modality == "asserted"]
    assert len(events) == 1
    assert events[0].fatalities == 12


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


def test_events_protest_and_police_response_are_one_event(pipe):
    text = "Around 200 residents of Tripoli protested against power cuts; police dispersed them with tear gas."
    events = events_of(pipe, text)
    assert len(events) == 1
    ev = events[0]
    assert ev.sub_event_type == "Protest with intervention"
    assert ev.inter1 == 6 and ev.inter2 == 1 and ev.interaction == 16


def with_title(title, body):
    return Article(title=title, text=f"{title}\n\n{body}")


def test_events_headline_folds_into_compatible_body_event(pipe):
    art = with_title("Gunmen kill four police officers in Michoacan",
                     "Gunmen ambushed a police patrol in Aguililla, Michoacan, on Wednesday, killing four officers.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 1, [(e.sub_event_type, e.trigger) for e in events]
    start, _ = events[0].evidence["sentence"]
    assert start > len(art.title or "")  # the body's evidence is kept, not the headline's


def test_events_headline_does_not_hide_the_body_report(pipe):
    art = with_title("Car bomb hits checkpoint in Mogadishu",
                     "A car bomb exploded at a checkpoint in Mogadishu on Tuesday, killing five people, police said.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 1
    ev = events[0]
    assert ev.event_type == "Explosions/Remote violence" and ev.fatalities == 5
    assert ev.evidence["sentence"][0] > len(art.title or "")


def test_events_headline_kept_when_body_has_nothing_compatible(pipe):
    art = with_title("Militants attack army post in central Mali",
                     "Officials said the town was calm on Monday and markets reopened.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 1 and events[0].evidence["sentence"][0] == 0


def test_events_headline_with_other_named_actor_stays_separate(pipe):
    art = with_title("Al-Shabaab fighters attack army base in Baidoa",
                     "Islamic State militants attacked a police post in Puntland on Sunday, killing three officers.")
    events = pipe.process_batch([art])[0].events
    assert len(events) == 2


def test_events_protesters_never_on_both_sides(pipe):
    text = ("Thousands of protesters marched through central Nairobi on Wednesday against a proposed finance bill. "
            "Police fired tear gas to disperse demonstrators near parliament.")
    for ev in events_of(pipe, text):
        assert ev.actor1 != ev.actor2, (ev.sub_event_type, ev.actor1, ev.actor2)


def test_coding_same_actor_both_sides_only_for_unidentified_groups():
    from sitrep.model import Event
    from sitrep.stages.coding import intra_group

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


def test_coding_crowd_dispersing_on_its_own_is_a_peaceful_protest(pipe):
    text = "Hundreds of traders held a peaceful protest in Quetta on Thursday, blocking a road before dispersing."
    ev = events_of(pipe, text)[0]
    assert ev.sub_event_type == "Peaceful protest" and ev.actor2 is None
    dispersed = events_of(pipe, "Police dispersed hundreds of traders protesting in Quetta on Thursday.")[0]
    assert dispersed.sub_event_type == "Protest with intervention"


def test_events_the_attack_after_a_bombing_is_the_same_event(pipe):
    text = ("A car bomb exploded at a checkpoint in Mogadishu on Tuesday, killing five people, police said. "
            "Al-Shabaab claimed the attack.")
    events = events_of(pipe, text)
    assert len(events) == 1
    assert events[0].event_type == "Explosions/Remote violence" and "Shabaab" in (events[0].actor1 or "")


def test_events_verb_on_the_assault_refers_back_and_vague_toll_does_not_lower_it(pipe):
    text = ("JNIM fighters attacked an army post near Boni on Sunday, killing 11 soldiers. "
            "The army said it repelled the assault and killed several attackers.")
    events = events_of(pipe, text)
    assert len(events) == 1
    assert events[0].fatalities == 11


def test_events_bare_passive_toll_has_no_agent_from_its_victims(pipe):
    text = ("A car bomb exploded at a checkpoint in Mogadishu on Tuesday. "
            "Officials said seven people, including four soldiers, were killed.")
    events = events_of(pipe, text)
    assert len(events) == 1
    assert events[0].event_type == "Explosions/Remote violence" and events[0].fatalities == 7
    assert not (events[0].actor1 or "").startswith("Military Forces")


def test_events_force_and_arrests_against_protesters_are_the_protest_event(pipe):
    text = ("Hundreds of graduates protested in Tahrir Square in Baghdad on Tuesday demanding jobs. "
            "Security forces beat protesters with batons and detained several of them.")
    events = events_of(pipe, text)
    assert len(events) == 1, [(e.sub_event_type, e.trigger) for e in events]
    assert events[0].sub_event_type == "Excessive force against protesters"


def test_events_the_riot_refers_back_to_the_crowd_s_arson(pipe):
    text = ("Angry youths set fire to a police station and blocked roads in Maiduguri on Thursday. "
            "No one was hurt in the riot.")
    events = events_of(pipe, text)
    assert len(events) == 1
    start, end = events[0].evidence["sentence"]
    assert text[start:end].startswith("Angry youths set fire")


def test_events_victims_before_the_trigger_are_not_its_agent(pipe):
    text = ("Three members of the Iraqi army were killed when an improvised explosive device detonated "
            "under their vehicle near Tarmiyah on Monday.")
    ev = events_of(pipe, text)[0]
    assert ev.event_type == "Explosions/Remote violence"
    assert not (ev.actor1 or "").startswith("Military Forces") and (ev.actor2 or "").startswith("Military Forces")


def frames_of(pipe, text):
    """(events, detection frames) of one text, running the stages directly to keep the frames."""
    from sitrep.stages.events import FRAMES_KEY

    docs = [Document(article=Article(text=text))]
    for _name, fn in pipe.stages:
        fn(docs)
    return docs[0].events, docs[0].extras[FRAMES_KEY]


def test_events_later_sentences_of_one_incident_are_supporting_mentions(pipe):
    text = "Police opened fire on a mob in Vadodara on Tuesday. One person was killed in the firing."
    events, frames = frames_of(pipe, text)
    assert len(events) == 1
    ev = events[0]
    assert text[slice(*ev.evidence["trigger"])] == "opened fire"
    second = [k for k, span in ev.evidence.items() if k.startswith("sentence_") and span[0] > 50]
    assert second and text[slice(*ev.evidence[second[0]])] == "One person was killed in the firing."
    assert {m.cls for m in frames[ev.event_id].support if m.sent == 1} >= {"attack", "kill"}


def test_events_clause_triggers_keep_their_own_agent_as_support(pipe):
    text = "A boy was killed when police fired several rounds to disperse a mob in Astodia."
    events, frames = frames_of(pipe, text)
    support = frames[events[0].event_id].support
    fired = [m for m in support if text[m.span[0]:m.span[1]] == "fired"]
    assert fired and fired[0].cls == "attack" and fired[0].agent_inter == 1
    assert all(f"trigger_{k}" in events[0].evidence for k in range(2, len(support) + 2))


def test_events_supporting_mentions_are_json_evidence_spans(pipe):
    import json

    ev = events_of(pipe, "Police opened fire on a mob in Vadodara. Two persons were killed.")[0]
    extra = {k: v for k, v in ev.evidence.items() if k[-1].isdigit()}
    assert extra and all(isinstance(v, list) and len(v) == 2 and v[0] < v[1] for v in extra.values())
    json.dumps(ev.evidence)


@pytest.mark.parametrize("text", ["Three soldiers died when militants attacked their convoy near Kidal.",
                                  "Two villagers perished in the shelling of Donetsk on Monday."])
def test_events_subject_of_a_death_word_is_a_victim_not_the_agent(pipe, text):
    ev = events_of(pipe, text)[0]
    assert ev.actor1 is None or ("soldier" not in text[slice(*ev.evidence.get("actor1", [0, 0]))]
                                 and "villager" not in text[slice(*ev.evidence.get("actor1", [0, 0]))])


def test_events_crowd_fired_on_is_the_target_not_the_event(pipe):
    # detection: the police fired, the mob was fired on (coding then files it under the riot, police as actor2)
    events, frames = frames_of(pipe, "Police opened fire on a mob in Vadodara.")
    f = frames[events[0].event_id]
    assert events[0].trigger == "opened fire" and f.actor1.inter == 1 and f.actor2.inter == 5


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


def test_events_bare_toll_after_mob_violence_joins_it(pipe):
    events = [e for e in events_of(pipe, "An angry mob attacked a shop in Modasa on Tuesday. Two persons were killed.")
              if e.modality == "asserted"]
    assert len(events) == 1 and events[0].fatalities == 2 and "sentence_2" in events[0].evidence


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


@pytest.mark.parametrize("text", [
    "The CRPF jawans fired on the mob in Surat, killing one.",
    "A youth was killed in firing by the police in Godhra.",
    "Two persons succumbed to bullet injuries in the police firing at Limkheda.",
])
def test_events_police_firing_has_the_police_as_actor1(pipe, text):
    events, frames = frames_of(pipe, text)
    ev = next(e for e in events if "fir" in (e.trigger or ""))
    assert frames[ev.event_id].actor1.inter == 1 and ev.fatalities >= 1


def test_events_police_near_riots_are_not_the_rioters(pipe):
    events = events_of(pipe, "In Bhavnagar the riots were brought under control by the police within hours.")
    riot = only(events, event_type="Riots")
    assert riot.inter1 != 1


def test_events_a_reaction_to_the_event_is_not_a_supporting_mention(pipe):
    text = ("Police opened fire on a mob in Vadodara on Tuesday, killing two. "
            "Opposition leaders condemned the killings on Wednesday.")
    events, frames = frames_of(pipe, text)
    lead = next(e for e in events if e.trigger == "opened fire")
    assert all(m.sent == 0 for m in frames[lead.event_id].support)


def test_events_a_named_event_is_not_a_reference_back(pipe):
    text = ("Police opened fire on a mob in Surat on Sunday, killing six. "
            "The toll does not include the 58 persons killed in the Sabarmati Express attack.")
    events, frames = frames_of(pipe, text)
    lead = next(e for e in events if e.trigger == "opened fire")
    assert all(m.sent == 0 for m in frames[lead.event_id].support)


def test_events_booked_for_murder_is_an_arrest(pipe):
    events = events_of(pipe, "Sixty people have been booked under POTO for murder by the Godhra police.")
    assert any(e.sub_event_type == "Arrests" for e in events)
    assert not any(e.sub_event_type == "Arrests" for e in events_of(pipe, "She booked a ticket to Delhi on Monday."))


def test_events_supporting_mention_keeps_its_own_modality(pipe):
    text = "About 28 ramsewaks were arrested on Tuesday while trying to enter the town of Ayodhya."
    events, frames = frames_of(pipe, text)
    mentions = [(m.cls, m.modality) for e in events for m in frames[e.event_id].support]
    leads = [(frames[e.event_id].cls, e.modality) for e in events]
    assert ("arrest", "asserted") in mentions + leads


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
    assert ev[0].actor1 == "Islamic State (West Africa)" and "trigger_2" in ev[0].evidence


@pytest.mark.parametrize("text, sub", [
    ("Displaced families staged a sit-in outside the UN office in Erbil.", "Peaceful protest"),
    ("Angry villagers blocked the highway between Basra and Zubair over power cuts.", "Peaceful protest"),
    ("Protesters blocked the highway near Zubair with burning tyres over power cuts.", "Violent demonstration"),
    ("An unidentified drone hit a militia arms depot near Balad.", "Air/drone strike"),
])
def test_events_missing_triggers_sit_in_road_block_drone_hit(pipe, text, sub):
    ev = events_of(pipe, text)
    assert [e.sub_event_type for e in ev] == [sub]


def test_events_road_blocked_by_no_one_or_by_police_is_no_protest(pipe):
    assert events_of(pipe, "A landslide blocked the road to Gilgit for two days.") == []
    assert events_of(pipe, "Police blocked the streets leading to the stadium before the match.") == []


def test_events_bodies_with_marks_of_violence_are_an_attack_not_by_who_found_them(pipe):
    ev = events_of(pipe, "Villagers found the bodies of four shepherds with gunshot wounds near Baiji.")
    assert [(e.sub_event_type, e.fatalities) for e in ev] == [("Attack", 4)]
    assert ev[0].inter1 == 3 and ev[0].inter2 == 7


@pytest.mark.parametrize("text", [
    "Hundreds of youths stoned a police post in Kisumu on Monday and police responded with live bullets, killing two.",
    "Villagers torched a police station in Kisumu; officers fired live rounds, killing two of them.",
])
def test_events_police_response_inside_crowd_violence_is_part_of_it(pipe, text):
    ev = events_of(pipe, text)
    assert len(ev) == 1 and ev[0].event_type == "Riots"
    assert (ev[0].actor2 or "").startswith("Police Forces") and ev[0].fatalities == 2


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
    ("Parents staged a protest outside the school denouncing alleged rape cases against their children.",
     "Peaceful protest"),
    ("Hundreds of students marched to the ministry demanding the arrest of the men who killed a classmate.",
     "Peaceful protest"),
    ("Activists held a demonstration on the anniversary of the massacre at the sit-in.", "Peaceful protest"),
])
def test_events_protest_topic_is_no_event_of_its_own(pipe, text, sub):
    # what demonstrators denounce or demand is their cause: ACLED codes the demonstration only
    assert [e.sub_event_type for e in events_of(pipe, text)] == [sub]


@pytest.mark.parametrize("text", [
    "Teachers held a press conference with banners in front of the ministry against the director.",
    "Hundreds of fishermen displayed banners at the port to call on the government to act.",
    "Students blocked traffic in front of the university, demanding their exams be moved.",
])
def test_events_banners_and_blocking_with_demands_are_protests(pipe, text):
    assert [e.sub_event_type for e in events_of(pipe, text)] == ["Peaceful protest"]


def test_events_protest_against_a_foreign_army_is_a_peaceful_protest_by_the_protesters(pipe):
    # "living in" is no live fire, and the army the protest is against does not stage it
    ev = events_of(pipe, "Ukrainian nationals living in Antalya staged a protest in Manavgat against Russia's "
                         "military offensive.")
    assert [e.sub_event_type for e in ev] == ["Peaceful protest"]
    assert ev[0].actor1.startswith("Protesters") and ev[0].actor2 is None


def test_events_demand_clause_the_parser_misattaches_is_still_the_protests_cause(pipe):
    ev = events_of(pipe, "People demonstrated in Odda to oppose rising prices and to demand government take "
                         "control over the electricity industry.")
    assert [e.sub_event_type for e in ev] == ["Peaceful protest"]


def test_events_arrests_dated_in_march_are_no_intervention_in_a_march(pipe):
    ev = events_of(pipe, "On 22 March 2022, the military detained 52 migrants on two boats at the lake.")
    assert [e.sub_event_type for e in ev] == ["Arrests"]


def test_events_police_blocking_a_road_is_no_protest_but_workers_are(pipe):
    assert events_of(pipe, "Police blocked the road to the parliament on Monday.") == []
    ev = events_of(pipe, "Dozens of construction workers blocked the main road demanding owed wages from the "
                         "government.")
    assert [e.sub_event_type for e in ev] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Several dozen parents of soldiers who died in the war protested in front of the Investigative Committee.",
    "Residents staged a protest at the Damteo Shooting Range over noise.",
    "Dozens of activists attended a die-in demonstration at Liberty Square.",
])
def test_events_deaths_that_describe_the_protesters_or_name_a_place_are_no_force_at_the_protest(pipe, text):
    assert [e.sub_event_type for e in events_of(pipe, text)] == ["Peaceful protest"]


@pytest.mark.parametrize("text, sub", [
    ("Army soldiers on patrol killed a militant in the Fouzar mountains, seizing his weapon.", "Armed clash"),
    ("Two police officers beat a gas station worker on the boulevard.", "Attack"),
    ("Three armed men riding on motorcycles attacked a passenger vehicle, killing one displaced person.", "Attack"),
])
def test_events_fights_beatings_and_gunmen_on_motorbikes_are_coded_by_what_was_done(pipe, text, sub):
    # a weapon taken from a man killed is a fight; a "station" in a worker's job is no military post;
    # riders of motorcycles carry no bomb
    assert [e.sub_event_type for e in events_of(pipe, text)] == [sub]


def test_events_crowd_violence_with_no_demonstration_told_is_mob_violence(pipe):
    ev = events_of(pipe, "Rioters threw stones at soldiers near the checkpoint.")
    assert [e.sub_event_type for e in ev] == ["Mob violence"]
    ev = events_of(pipe, "Rioters threw stones at police during a protest against fuel prices.")
    assert [e.sub_event_type for e in ev] == ["Violent demonstration"]


def test_events_police_response_in_the_next_sentence_makes_a_protest_with_intervention(pipe):
    ev = events_of(pipe, "About 80 protesters marched through Brisbane in solidarity with Palestine. Police blocked "
                         "the march as the protesters had no permit.")
    assert [e.sub_event_type for e in ev][:1] == ["Protest with intervention"]
    ev = events_of(pipe, "Dozens of protesters rallied in Minsk on Sunday. They demanded the release of "
                         "demonstrators detained by police during an earlier rally.")
    assert [e.sub_event_type for e in ev][:1] == ["Peaceful protest"]
