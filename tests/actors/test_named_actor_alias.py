"""sitrep.actors.named_actor_alias: whole-string lookups other stages use to leave actor names alone."""

from sitrep.actors import named_actor_alias


def test_named_actor_alias_knows_acronyms_only_in_their_capitals() -> None:
    assert (named_actor_alias("IS") or "").startswith("Islamic State")
    assert named_actor_alias("is") is None
    assert named_actor_alias("Is") is None


def test_named_actor_alias_knows_group_names_but_not_places() -> None:
    assert named_actor_alias("Hamas") == "Hamas Movement"
    assert named_actor_alias("Baghdad") is None
    assert named_actor_alias("Anbar") is None


def test_named_actor_alias_ignores_context_bound_aliases() -> None:
    # "~regime forces" names the Syrian army only in an article about Syria; alone it is nothing
    assert named_actor_alias("regime forces") is None


def test_country_acronyms_name_a_country_only_in_capitals() -> None:
    from sitrep.actors import Tok, get_matcher
    from sitrep.actors.dictionary import tokenize

    def countries(text: str) -> dict[str, int]:
        return dict(get_matcher().countries_in([Tok(t, s, e) for t, s, e in tokenize(text)]))

    assert countries("a car was set on fire near the temple, witnesses told us") == {}
    assert countries("CAR troops and U.S. advisers") == {"Central African Republic": 1, "United States": 1}


def test_hand_made_rows_are_spelled_as_acleds_record_spells_them() -> None:
    # the record codes "RRR: Return, Reclamation and Rehabilitation" (never "3R: ..."), "UN: United Nations"
    assert named_actor_alias("Return Reclamation and Rehabilitation") == "RRR: Return, Reclamation and Rehabilitation"
    assert named_actor_alias("United Nations") == "UN: United Nations"
    assert named_actor_alias("Pyu Saw Htee") == "Pyu Saw Htee"


def test_a_movement_renamed_over_time_takes_the_name_of_the_events_year() -> None:
    from sitrep.actors import normalise_actor

    names = {y: (normalise_actor("Tuareg rebels", "Mali", y) or None) for y in (2012, 2016, 2022)}
    assert {y: a.name.split(":")[0] for y, a in names.items() if a} == {2012: "MNLA", 2016: "CMA", 2022: "CSP-DPA"}


def _name(text: str, country: str, year: int) -> str | None:
    from sitrep.actors import normalise_actor

    actor = normalise_actor(text, country, year)
    return actor.name if actor else None


def test_peacekeepers_are_the_un_mission_of_the_country_they_serve_in() -> None:
    assert (_name("UN peacekeepers", "Mali", 2019) or "").startswith("MINUSMA")
    assert (_name("peacekeepers", "Lebanon", 2019) or "").startswith("UNIFIL")
    # where no mission of the dictionary serves, the UN's forces
    assert _name("peacekeepers", "Haiti", 2019) == "Military Forces of the United Nations"


def test_iswap_takes_the_name_the_record_gives_it_in_the_events_year() -> None:
    assert _name("ISWAP", "Nigeria", 2017) == "Islamic State (West Africa)"
    assert _name("ISWAP", "Nigeria", 2020) == "Islamic State (West Africa)"
    assert _name("ISWAP", "Niger", 2022) == "Islamic State (West Africa) - Lake Chad Faction"


def test_a_faction_the_note_names_is_coded_as_that_faction() -> None:
    # "CODECO-URDPC militiamen": the record codes the faction (13 of 13 training events), plain "CODECO" the group
    assert (_name("CODECO-URDPC militiamen", "Democratic Republic of Congo", 2022) or "").startswith("CODECO-URDPC:")
    assert _name("CODECO militants", "Democratic Republic of Congo", 2022) == "CODECO: Cooperative for Development of Congo"
