"""The side facing rioters (``sitrep.actors.sides_riots``), on events built by hand."""

from __future__ import annotations

from types import SimpleNamespace

from sitrep.actors.sides_riots import riot_other_side
from sitrep.model import Event


def _riot(sub="Violent demonstration", actor2=None, inter2=None, assoc1=None):
    return Event(event_id="e1", event_type="Riots", sub_event_type=sub, actor1="Rioters (Chile)", inter1=5,
                 actor2=actor2, inter2=inter2, assoc_actor_1=assoc1)


def _doc(*actors):
    return SimpleNamespace(actors=[SimpleNamespace(name=n, inter=i, sent=s, start=10 * k, end=10 * k + 5)
                                   for k, (n, i, s) in enumerate(actors)])


def test_police_of_the_event_sentences_face_the_rioters():
    ev = _riot()
    riot_other_side(ev, (0,), _doc(("Police Forces of Chile", 1, 0)), "students threw stones at police officers",
                    "Chile", ev.sub_event_type)
    assert (ev.actor2, ev.inter2) == ("Police Forces of Chile", 1)


def test_police_of_an_earlier_sentence_are_no_side():
    ev = _riot()
    riot_other_side(ev, (2,), _doc(("Police Forces of Chile", 1, 0)), "students burned tyres", "Chile",
                    ev.sub_event_type)
    assert ev.actor2 is None


def test_police_of_a_later_sentence_face_a_violent_demonstration():
    ev = _riot()
    riot_other_side(ev, (0,), _doc(("Police Forces of Chile", 1, 1)), "residents barricaded the road", "Chile",
                    ev.sub_event_type)
    assert (ev.actor2, ev.inter2) == ("Police Forces of Chile", 1)


def test_police_of_a_later_sentence_are_no_side_of_mob_violence():
    ev = _riot(sub="Mob violence")
    riot_other_side(ev, (0,), _doc(("Police Forces of Chile", 1, 1)), "residents beat a thief", "Chile",
                    ev.sub_event_type)
    assert ev.inter2 == 7


def test_police_joined_to_the_crowd_move_to_the_other_side():
    ev = _riot(assoc1="Students (Chile); Police Forces of Chile")
    riot_other_side(ev, (0,), _doc(("Police Forces of Chile", 1, 0)), "demonstrators and police officers clashed",
                    "Chile", ev.sub_event_type)
    assert ev.actor2 == "Police Forces of Chile" and ev.assoc_actor_1 == "Students (Chile)"


def test_government_addressed_by_a_riot_is_no_side():
    ev = _riot(actor2="Government of Chile", inter2=1)
    riot_other_side(ev, (0,), _doc(), "they burned tyres to demand the government set fuel prices", "Chile",
                    ev.sub_event_type)
    assert ev.actor2 is None and ev.inter2 is None


def test_government_staff_attacked_by_a_mob_are_civilians():
    ev = _riot(sub="Mob violence", actor2="Government of Chile", inter2=1)
    riot_other_side(ev, (0,), _doc(), "rioters pelted stones at the election staff", "Chile", ev.sub_event_type)
    assert (ev.actor2, ev.inter2, ev.assoc_actor_2) == ("Civilians (Chile)", 7, "Government of Chile")


def test_mobs_that_clash_are_rioters_on_both_sides():
    ev = _riot(sub="Mob violence", actor2="Civilians (Chile)", inter2=7)
    riot_other_side(ev, (0,), _doc(), "a clash ensued between two groups; three people were injured", "Chile",
                    ev.sub_event_type)
    assert (ev.actor2, ev.inter2) == ("Rioters (Chile)", 5)


def test_a_clash_the_note_codes_separately_sets_no_rioters_against_rioters():
    ev = _riot(sub="Mob violence")
    text = "following an initial clash between two groups (coded separately), lawyers of one group assaulted two lawyers"
    riot_other_side(ev, (0,), _doc(), text, "Chile", ev.sub_event_type)
    assert (ev.actor2, ev.inter2) == ("Civilians (Chile)", 7)


def test_mob_that_beat_someone_has_civilians_on_the_other_side():
    ev = _riot(sub="Mob violence")
    riot_other_side(ev, (0,), _doc(), "residents captured and beat up a robber", "Chile", ev.sub_event_type)
    assert (ev.actor2, ev.inter2) == ("Civilians (Chile)", 7)


def test_a_violent_demonstration_gets_no_default_side():
    ev = _riot()
    riot_other_side(ev, (0,), _doc(), "students burned tyres on the highway", "Chile", ev.sub_event_type)
    assert ev.actor2 is None


def test_force_word_modifying_another_noun_is_not_met():
    from sitrep.actors.sides_riots import met_the_crowd
    from sitrep.lightdoc import light_of
    from sitrep.stages.nlp import build_model

    nlp = build_model()
    text = "Army aspirants threw stones at the station."
    doc = light_of(nlp(text))
    army = SimpleNamespace(start=0, end=4)
    assert met_the_crowd(army, doc) is False
    text = "Students threw stones at police officers."
    doc = light_of(nlp(text))
    police = SimpleNamespace(start=text.index("police"), end=text.index("police") + 6)
    assert met_the_crowd(police, doc) is True


def test_a_party_read_as_a_side_of_a_riot_stands_beside_its_people(monkeypatch):
    import sitrep.actors.sides_riots as sides

    monkeypatch.setattr(sides, "civil_organisation", lambda name: name == "INC: Indian National Congress")
    ev = _riot(sub="Mob violence", actor2="INC: Indian National Congress", inter2=3)
    ev.evidence.update({"actor1": [0, 5], "trigger": [10, 18], "actor2": [30, 33]})
    riot_other_side(ev, (0,), _doc(), "a mob attacked and beat an INC member", "India", ev.sub_event_type)
    assert (ev.actor2, ev.inter2, ev.assoc_actor_2) == ("Civilians (India)", 7, "INC: Indian National Congress")


def test_the_doers_own_party_joins_them(monkeypatch):
    import sitrep.actors.sides_riots as sides

    monkeypatch.setattr(sides, "civil_organisation", lambda name: True)
    ev = _riot(sub="Mob violence", actor2="INC: Indian National Congress", inter2=3)
    # the crowd was read from "mob" (the first trigger): the party named before "attacked" is the doers'
    ev.evidence.update({"actor1": [0, 5], "trigger": [0, 5], "trigger_2": [30, 38], "actor2": [10, 13]})
    riot_other_side(ev, (0,), _doc(), "a mob of INC members attacked and clashed with BJP members", "India",
                    ev.sub_event_type)
    assert ev.assoc_actor_1 == "INC: Indian National Congress"
    assert (ev.actor2, ev.inter2) == ("Rioters (Chile)", 5)


def test_people_named_before_the_mob_acts_are_its_own_after_it_its_victims():
    from sitrep.actors.sides_riots import people_by_position

    text = "BCL members assaulted a student."
    ev = Event(event_id="e1", event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (Bangladesh)",
               inter1=5, actor2="Civilians (Bangladesh)", inter2=7)
    ev.evidence.update({"sentence": [0, len(text)], "trigger": [12, 21]})
    people_by_position(ev, {(0, 11): "Students (Bangladesh)", (24, 31): "Students (Bangladesh)"})
    assert ev.assoc_actor_1 == "Students (Bangladesh)" and ev.assoc_actor_2 == "Students (Bangladesh)"
    ev2 = Event(event_id="e2", event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (Bangladesh)",
                inter1=5, actor2="Rioters (Bangladesh)", inter2=5)
    people_by_position(ev2, {(0, 11): "Students (Bangladesh)"})
    assert ev2.assoc_actor_1 is None  # two crowds: left as the identities stage leaves them


def test_a_party_named_only_in_what_protesters_oppose_is_none_of_theirs(rules_pipe):
    from sitrep.model import Article

    text = ("On 24 June 2022, AIKS members held protests in Bankura district (WB) against the BJP-led government and "
            "prime minister over announcing a new Agnipath recruitment scheme.")
    ev = rules_pipe.process_batch([Article(text=text, published="2022-06-24")])[0].events[0]
    assert ev.event_type == "Protests"
    assert "BJP" not in (ev.assoc_actor_1 or "")



def _parsed(words, heads, deps, pos, lemmas):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_force_of_a_later_sentence_acted_on_the_crowd_only_by_a_control_verb():
    from sitrep.actors.sides_riots import acted_on_crowd

    police = SimpleNamespace(name="Police Forces of Chile", inter=1, sent=1, start=0, end=6)
    dispersed = _parsed(["Police", "dispersed", "them"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                        ["NOUN", "VERB", "PRON"], ["police", "disperse", "they"])
    present = _parsed(["Police", "were", "present"], [1, 1, 1], ["nsubj", "ROOT", "acomp"],
                      ["NOUN", "AUX", "ADJ"], ["police", "be", "present"])
    negated = _parsed(["Police", "did", "not", "intervene"], [3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT"],
                      ["NOUN", "AUX", "PART", "VERB"], ["police", "do", "not", "intervene"])
    assert acted_on_crowd(police, dispersed) is True
    assert acted_on_crowd(police, present) is False
    assert acted_on_crowd(police, negated) is False
