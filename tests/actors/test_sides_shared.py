"""A verb joined to another shares its doer (``sitrep.actors.sides_shared``), on frames built by hand."""

from __future__ import annotations

from types import SimpleNamespace as NS

from sitrep.actors.sides_shared import shared_doer


def _tok(i, dep="ROOT", pos="VERB", head=None, kids=()):
    tok = NS(i=i, dep_=dep, pos_=pos, children=list(kids))
    tok.head = head if head is not None else tok
    return tok


def _frames(second_kids=()):
    attacked = _tok(3)
    burned = _tok(5, dep="conj", head=attacked, kids=second_kids)
    doer = NS(name="ISGS", inter=2, start=0, end=4)
    first = NS(tok=attacked, actor1=doer, assoc1=[NS(name="JNIM")])
    second = NS(tok=burned, actor1=None, assoc1=[])
    return first, second


def _ev():
    return NS(actor1=None, inter1=None, actor2=None, assoc_actor_1=None, evidence={})


def test_a_joined_verb_without_a_subject_takes_the_first_verbs_doer():
    first, second = _frames()
    ev = _ev()
    shared_doer(ev, second, [first, second])
    assert (ev.actor1, ev.inter1, ev.assoc_actor_1) == ("ISGS", 2, "JNIM")
    assert ev.evidence["actor1"] == [0, 4]


def test_a_joined_verb_with_its_own_subject_keeps_none():
    first, second = _frames(second_kids=[NS(dep_="nsubjpass")])
    ev = _ev()
    shared_doer(ev, second, [first, second])
    assert ev.actor1 is None


def test_the_doer_is_never_also_the_other_side():
    first, second = _frames()
    ev = _ev()
    ev.actor2 = "ISGS"
    shared_doer(ev, second, [first, second])
    assert ev.actor1 is None
