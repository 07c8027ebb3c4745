"""The gazetteer cache file (``cache_file``): named by content, not by where the tables lie, built by one
process at a time."""

from __future__ import annotations

import pickle
import threading
import time
from pathlib import Path

import sitrep.gazetteer.cache_file as cache_file
import sitrep.resources as resources
from sitrep.gazetteer.build import FORMAT_VERSION, source_versions


def _tables_in(folder: Path, text: str) -> None:
    folder.mkdir()
    for name in cache_file.LEARNED_FILES:
        (folder / name).write_text(f"# {name}\n{text}\n", encoding="utf-8")


def test_two_checkouts_with_the_same_tables_share_one_cache_file(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_DATA_PATH", raising=False)
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    _tables_in(tmp_path / "one", "code,name\nXX.01,North")
    _tables_in(tmp_path / "two", "code,name\nXX.01,North")
    _tables_in(tmp_path / "other", "code,name\nXX.01,South")
    paths = {}
    for checkout in ("one", "two", "other"):
        monkeypatch.setattr(resources, "PACKAGE_DATA", tmp_path / checkout)
        paths[checkout] = (cache_file.learned_fingerprint(), cache_file.cache_path())
    assert paths["one"] == paths["two"]
    assert paths["other"][0] != paths["one"][0] and paths["other"][1] != paths["one"][1]


def test_a_changed_gazetteer_module_changes_the_code_fingerprint(tmp_path):
    # a cache built by other build code (a changed prior) must not be read back under the same name
    for name, text in (("one", "PRIOR = 1\n"), ("two", "PRIOR = 1\n"), ("other", "PRIOR = 2\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "store.py").write_text(text)
    one, two, other = (cache_file.code_fingerprint(tmp_path / n) for n in ("one", "two", "other"))
    assert one == two != other
    assert cache_file.code_fingerprint()[:8] in cache_file.cache_path().name


def test_a_changed_table_changes_the_fingerprint(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_DATA_PATH", raising=False)
    _tables_in(tmp_path / "data", "code,name\nXX.01,North")
    monkeypatch.setattr(resources, "PACKAGE_DATA", tmp_path / "data")
    before = cache_file.learned_fingerprint()
    (tmp_path / "data" / cache_file.LEARNED_FILES[0]).write_text("code,name\nXX.01,Northern\n", encoding="utf-8")
    assert cache_file.learned_fingerprint() != before


def test_processes_waiting_for_a_build_read_it_instead_of_building_again(monkeypatch, tmp_path):
    target = tmp_path / "gazetteer-test.pkl"
    builds = []

    def slow_build(path: Path) -> float:
        builds.append(path)
        time.sleep(0.3)
        tables = {"format": FORMAT_VERSION, "sources": source_versions(), "learned": cache_file.learned_fingerprint()}
        path.write_bytes(pickle.dumps(tables))
        return 0.3

    monkeypatch.setattr(cache_file, "_build_cache_locked", slow_build)
    loaded = []
    workers = [threading.Thread(target=lambda: loaded.append(cache_file.load_tables(target))) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(builds) == 1 and len(loaded) == 3
    assert all(t["learned"] == cache_file.learned_fingerprint() for t in loaded)


def test_equal_candidate_lists_are_stored_once_and_read_back_equal():
    exact = {"kidal": [3], "gao": [5, 1], "kidal region": [3]}
    loose = {"kidal": [3], "gao": [5, 1], "gau": [5, 1]}
    before = pickle.loads(pickle.dumps((exact, loose)))
    assert cache_file.share_equal_lists(exact, loose) == 2
    assert exact["kidal"] is loose["kidal"] is exact["kidal region"] and exact["gao"] is loose["gau"]
    assert pickle.loads(pickle.dumps((exact, loose))) == before  # same contents after a pickle round trip
