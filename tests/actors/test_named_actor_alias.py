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
