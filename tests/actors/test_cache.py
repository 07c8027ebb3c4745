"""The actor index's on-disk cache: used while what the build read is unchanged, rebuilt when it changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.actors.cache import cache_file, cached_index


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SITREP_DATA_PATH", raising=False)


class CountingBuild:
    """A stand-in build that reads one data file name and says how often it ran."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.runs = 0

    def __call__(self) -> dict[str, int]:
        self.runs += 1
        self.names.add("actors.csv")
        return {"built": self.runs}


def test_actor_cache_is_used_while_the_data_files_are_unchanged() -> None:
    names: set[str] = set()
    build = CountingBuild(names)
    assert cached_index(build, names) == {"built": 1}
    assert cache_file().exists()
    assert cached_index(build, names) == {"built": 1}
    assert build.runs == 1


def test_actor_cache_is_rebuilt_when_a_user_copy_appears_or_changes(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    names: set[str] = set()
    build = CountingBuild(names)
    cached_index(build, names)
    user = tmp_path / "mine"
    user.mkdir()
    monkeypatch.setenv("SITREP_DATA_PATH", str(user))
    (user / "actors.csv").write_text("name,inter\nRed Brigade,2\n", encoding="utf-8")
    assert cached_index(build, names) == {"built": 2}  # a new file to read
    (user / "actors.csv").write_text("name,inter\nRed Brigade,2\nBlue Brigade,2\n", encoding="utf-8")
    assert cached_index(build, names) == {"built": 3}  # the file changed
    assert cached_index(build, names) == {"built": 3}


def test_actor_cache_unreadable_file_means_a_rebuild() -> None:
    names: set[str] = set()
    build = CountingBuild(names)
    cache_file().parent.mkdir(parents=True, exist_ok=True)
    cache_file().write_bytes(b"not a pickle")
    assert cached_index(build, names) == {"built": 1}
    assert cached_index(build, names) == {"built": 1}


def test_actor_cache_holds_the_real_index() -> None:
    from sitrep.actors.dictionary import READ_NAMES, build_index

    fresh = cached_index(build_index, READ_NAMES)
    assert "actors_acled.csv" in READ_NAMES and "actors.csv" in READ_NAMES
    loaded = cached_index(build_index, READ_NAMES)
    assert loaded is not fresh  # read back from the file
    assert loaded.country_names == fresh.country_names
    assert len(loaded.rows) == len(fresh.rows) and loaded.rows[0] == fresh.rows[0]


def test_actor_cache_file_is_one_per_copy_of_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.actors.cache as cache

    here = cache_file()
    assert cache_file() == here  # the same copy always finds its own file
    monkeypatch.setattr(cache, "__file__", "/elsewhere/checkout/src/sitrep/actors/cache.py")
    assert cache_file() != here and cache_file().parent == here.parent
