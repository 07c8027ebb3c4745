"""Sub-types the codebook defines by what the text says: attacks made with explosives, people held out of sight."""

from __future__ import annotations

from sitrep.events.classify import FIRM_FEATURE, Context, rule_features, sub_event_type


def _context(cls: str, cues: set[str], doc_cues: set[str] | None = None, inter1: int | None = 1) -> Context:
    return Context(cls=cls, trigger=cls, cues=cues, doc_cues=doc_cues or set(), inter1=inter1, inter2=7,
                   victims={7}, objects=set())


def test_classify_an_arrest_with_the_whereabouts_unknown_is_a_forced_disappearance() -> None:
    c = _context("arrest", set(), {"forced_disappearance"})
    sub = sub_event_type(c)
    assert sub == "Abduction/forced disappearance"
    assert FIRM_FEATURE in rule_features(c, sub)


def test_classify_a_plain_arrest_by_the_state_stays_an_arrest() -> None:
    c = _context("arrest", set())
    assert sub_event_type(c) == "Arrests"
    assert FIRM_FEATURE not in rule_features(c, "Arrests")


def test_classify_an_attack_made_with_mines_is_firmly_remote_violence() -> None:
    c = _context("attack", {"explosive_means", "ied"}, inter1=3)
    sub = sub_event_type(c)
    assert sub == "Remote explosive/landmine/IED"
    assert FIRM_FEATURE in rule_features(c, sub)


def test_classify_an_attack_with_mines_and_gunfire_is_not_held_firm() -> None:
    c = _context("attack", {"explosive_means", "firearm"}, inter1=3)
    assert FIRM_FEATURE not in rule_features(c, sub_event_type(c))


def test_classify_an_unexploded_shell_that_went_off_is_an_explosive_remnant() -> None:
    c = _context("explosion", {"shelling", "remnant"}, inter1=None)
    sub = sub_event_type(c)
    assert sub == "Remote explosive/landmine/IED"
    assert FIRM_FEATURE in rule_features(c, sub)


def test_classify_a_shell_fired_at_a_town_stays_shelling() -> None:
    c = _context("shelling", {"shelling"}, inter1=1)
    assert sub_event_type(c) == "Shelling/artillery/missile attack"


def test_classify_a_clash_of_villagers_is_firmly_mob_violence() -> None:
    c = Context(cls="clash", trigger="clash", cues={"crude_weapon"}, doc_cues=set(), inter1=7, inter2=7,
                victims={7}, objects=set())
    sub = sub_event_type(c)
    assert sub == "Mob violence"
    assert FIRM_FEATURE in rule_features(c, sub)


def test_classify_a_clash_with_gunfire_is_not_held_firm_as_mob_violence() -> None:
    c = Context(cls="clash", trigger="clash", cues={"firearm"}, doc_cues=set(), inter1=7, inter2=7,
                victims={7}, objects=set())
    assert FIRM_FEATURE not in rule_features(c, sub_event_type(c))


def test_classify_demonstrators_setting_barricades_on_fire_are_firmly_violent() -> None:
    c = _context("protest", {"violence", "set_alight"}, inter1=7)
    sub = sub_event_type(c)
    assert sub == "Violent demonstration"
    assert FIRM_FEATURE in rule_features(c, sub)


def test_classify_a_violent_protest_without_burning_is_not_held_firm() -> None:
    c = _context("protest", {"violence"}, inter1=7)
    assert FIRM_FEATURE not in rule_features(c, sub_event_type(c))
