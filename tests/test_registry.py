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


def test_user_stage_in_own_module_runs_in_pipeline(tmp_path, monkeypatch):
    (tmp_path / "my_stages.py").write_text(
        "from sitrep.registry import stage\n"
        "@stage('mine.shout.v1', needs=('article.text',), sets=('extras.shout',))\n"
        "def make(config):\n"
        "    def run(docs):\n"
        "        for d in docs:\n"
        "            d.extras['shout'] = d.article.text.upper()\n"
        "    return run\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    from sitrep.model import Article, Document

    spec = registry.get("my_stages:mine.shout.v1")
    document = Document(article=Article(text="quiet"))
    spec.factory({})([document])
    assert document.extras["shout"] == "QUIET"


def test_user_stage_module_that_does_not_import_is_a_clear_error():
    with pytest.raises(SitrepError) as info:
        registry.get("no_such_module_here:x.v1")
    assert info.value.code == "E301" and "no_such_module_here" in info.value.detail
