import pytest

from sitrep import registry
from sitrep.errors import SitrepError


def test_registry_knows_every_builtin_stage_with_needs_and_sets():
    stages = registry.all_stages()
    for name in ("sitrep.nlp.v1", "sitrep.actors.v1", "sitrep.places.v1", "sitrep.events.v1", "sitrep.coding.v1"):
        assert name in stages
        assert stages[name].sets


def test_registry_rejects_unknown_stage_with_catalogue_code():
    with pytest.raises(SitrepError) as info:
        registry.get("sitrep.nope.v9")
    assert info.value.code == "E301"


def test_registry_refuses_two_factories_under_one_name():
    @registry.stage("tests.dupe.v1")
    def first(config):
        return lambda docs: None

    with pytest.raises(ValueError):

        @registry.stage("tests.dupe.v1")
        def second(config):
            return lambda docs: None
