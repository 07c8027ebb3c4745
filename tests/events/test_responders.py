"""The state force that answers a crowd in the next sentence is the crowd's other side."""

from __future__ import annotations

from types import SimpleNamespace

from sitrep.events.frames import Arg, Frame
from sitrep.events.responders import force_faces_crowd
from sitrep.model import Actor


def test_force_faces_crowd_the_police_who_intervened_face_the_rioters(lead):
    text = ("On 28 February 2022, police intervened by arresting demonstrators, who were trying to block the "
            "road by burning tyres, at Mukti chowk in Birtamod municipality (Jhapa district).")
    ev = lead(text)
    assert ev.actor1 is not None and ev.actor1.startswith("Rioters")
    assert ev.actor2 is not None and ev.actor2.startswith("Police Forces")


def test_force_faces_crowd_a_force_two_sentences_on_is_not_the_crowds(lead):
    text = ("On 26 May 2022, rioters took to the street in Nia-Nia (Mambasa, Ituri) and burned a car. "
            "The town was calm in the evening. Police patrolled the market on the next day.")
    ev = lead(text)
    assert ev.actor2 is None or not ev.actor2.startswith("Police Forces")


def _civilian_protest_and_police(police_dep):
    """A protest frame led by civilians in sentence 0 and police mentioned in sentence 1 with the given role
    (a stand-in parse: only the sentence starts and the mention's dependency label matter here)."""
    text = "Students staged a protest. Police used force."
    students = Actor(text="Students", start=0, end=8, name="Civilians (India)", inter=7)
    police = Actor(text="Police", start=27, end=33, name="Police Forces of India (2014-)", inter=1)
    doc = SimpleNamespace(char_span=lambda a, b, alignment_mode="": [SimpleNamespace(dep_=police_dep)])
    sents = [SimpleNamespace(start_char=0, doc=doc), SimpleNamespace(start_char=27, doc=doc)]
    frame = Frame(cls="protest", trigger=None, tok=None, sent=0, sent_span=(0, 26), modality="asserted",
                  actor1=Arg(students.name, 7, 0, 8, students))
    assert text[police.start:police.end] == "Police"
    force_faces_crowd([frame], [students, police], sents)
    return frame


def test_force_faces_crowd_police_acting_after_a_civilian_crowds_protest_face_it():
    frame = _civilian_protest_and_police("nsubj")
    assert frame.actor2 is not None and frame.actor2.name.startswith("Police Forces")


def test_force_faces_crowd_police_only_named_after_a_civilian_crowds_protest_do_not_face_it():
    assert _civilian_protest_and_police("dobj").actor2 is None


def test_force_faces_crowd_police_only_named_beside_a_students_protest_are_not_its_side(lead):
    text = ("On 3 March 2022, students staged a protest in Allahabad city (Prayagraj district) "
            "seeking examinations online. They asked that the police release a classmate.")
    ev = lead(text)
    assert ev.actor2 is None or not ev.actor2.startswith("Police Forces")
