"""The state force that answers a crowd in the next sentence is the crowd's other side."""

from __future__ import annotations


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
