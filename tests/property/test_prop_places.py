"""Property tests: place-name keys (sitrep.gazetteer.names) and the relative-location patterns of the places
stage ("12 km north of", "on the outskirts of")."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.gazetteer.names import exact_key, is_latin, loose_key
from sitrep.stages.places import _REL_DISTANCE, _REL_NEAR

FAST = settings(max_examples=80, deadline=None)
LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10)
NAME = st.lists(LATIN, min_size=1, max_size=3).map(lambda ws: " ".join(w.capitalize() for w in ws))
ACCENTS = str.maketrans("aeiouAEIOUcnsz", "áéíóúÁÉÍÓÚçñšž")


@FAST
@given(name=st.text(max_size=40))
def test_exact_key_of_any_name_is_plain_and_stable(name):
    key = exact_key(name)
    assert re.fullmatch(r"(?:[0-9a-z\w]+(?: [0-9a-z\w]+)*)?", key), key
    assert key == key.strip() and "  " not in key
    assert exact_key(key) == key
    assert " " not in loose_key(name)


@FAST
@given(name=NAME)
def test_case_accents_and_apostrophes_do_not_change_the_keys(name):
    for variant in (name.upper(), name.lower(), name.translate(ACCENTS), name.replace("a", "’a", 1)):
        assert loose_key(variant) == loose_key(name), variant
    assert exact_key(name.upper()) == exact_key(name.translate(ACCENTS).lower())
    assert is_latin(name.translate(ACCENTS))


@FAST
@given(first=LATIN, second=LATIN, joint=st.sampled_from(["al-", "al ", "Al-", "el-"]))
def test_the_arabic_article_is_spelt_any_way(first, second, joint):
    assert loose_key(f"{first} {joint}{second}") == loose_key(f"{first} al {second}")


@FAST
@given(
    n=st.integers(min_value=1, max_value=900),
    decimals=st.booleans(),
    unit=st.sampled_from(["km", "kms", "kilometres", "kilometers", "miles", "mi"]),
    side=st.sampled_from(["north", "south-east", "northwestern", "west", ""]),
    link=st.sampled_from(["of", "from"]),
    kind=st.sampled_from(["", "the ", "the town of ", "the district of "]),
)
def test_distance_and_bearing_before_a_place_are_read(n, decimals, unit, side, link, kind):
    figure = f"{n}.5" if decimals else str(n)
    before = f"The attack took place {figure} {unit} {side + ' ' if side else ''}{link} {kind}"
    assert _REL_DISTANCE.search(before)
    assert not _REL_DISTANCE.search(before + "Kidal ")  # the pattern ends where the place name starts


@FAST
@given(
    cue=st.sampled_from(["near", "close to", "on the outskirts of", "in the vicinity of", "outside", "around",
                         "north of", "south-west of", "in villages near", "in parts of"]),
    kind=st.sampled_from(["", "the ", "the city of ", "the village of "]),
    upper=st.booleans(),
)
def test_nearness_words_before_a_place_are_read(cue, kind, upper):
    before = f"Clashes broke out {cue} {kind}"
    assert _REL_NEAR.search(before.upper() if upper else before)
