"""Place names the gazetteer lacks: which country's names they resemble, and which names of a note count."""

from __future__ import annotations

from sitrep.gazetteer.name_country import NameCountry, bare_name, grams, slot_names, unknown_place_names
from sitrep.learn.name_country import fit
from sitrep.model import Place


def small_model() -> NameCountry:
    # two made-up "countries" whose names differ in their endings
    pairs = {(n, "AA") for n in ("ouagadougou", "koudougou", "tenkodogo", "boulmiougou", "ziniare", "kaya",
                                 "yako", "manga", "gourcy", "garango")}
    pairs |= {(n, "BB") for n in ("tessalit", "aguelhok", "anefis", "tinzawaten", "talataye", "intahaka",
                                  "tarkint", "kidal", "bourem", "tinessako")}
    return NameCountry(fit(pairs))


def test_ngrams_mark_the_ends_of_a_name():
    assert "^ka" in grams("kaya") and "ya$" in grams("kaya") and "^kay" in grams("kaya")


def test_a_name_goes_to_the_country_whose_names_it_resembles():
    m = small_model()
    post = m.posterior("Tanwalbougou", ["AA", "BB"])
    assert post["AA"] > 0.5 > post["BB"]
    post = m.posterior("Tin-Essakane", ["AA", "BB"])
    assert post["BB"] > post["AA"]
    assert abs(sum(post.values()) - 1.0) < 1e-9


def test_countries_the_model_never_saw_are_no_candidates():
    m = small_model()
    assert set(m.posterior("Kaya", ["AA", "ZZ"])) == {"AA"}
    assert m.posterior("Kaya", ["ZZ"]) == {}


def test_place_slots_give_the_village_a_terse_note_names():
    text = "On June 11, unknown gunmen abducted two women in the village of Belehede near Djibo. Dozos from Yebe."
    names = [n for n, _ in slot_names(text)]
    assert names == ["Belehede", "Djibo", "Yebe"]
    assert [n for n, _ in slot_names("Armed men killed a civilian from Diaodiao village.")] == ["Diaodiao"]
    assert bare_name("Diaodiao village") == "Diaodiao"


class _Gaz:
    """A gazetteer that knows one town and one nationality word."""

    def lookup(self, name: str) -> list[object]:
        return [object()] if name == "Djibo" else []

    def demonym(self, word: str) -> object | None:
        return object() if word == "Malian" else None


def test_unknown_names_are_those_the_gazetteer_cannot_place_at_home():
    text = "In January, gunmen from Malian camps attacked the village of Belehede near Djibo and then Sanso."
    sanso = text.index("Sanso")
    places = [Place(text="Djibo", start=text.index("Djibo"), end=text.index("Djibo") + 5, country="Burkina Faso",
                    feature="town"),
              Place(text="Sanso", start=sanso, end=sanso + 5, country="South Korea", feature="town")]
    # "January" is a month, "Djibo" is placed at home; "Sanso" is read only in a country nothing else backs
    assert unknown_place_names(_Gaz(), text, places, [], {"Burkina Faso", "Mali"}) == ["Sanso", "Belehede"]
    # an actor's words are no place
    start = text.index("Belehede")
    assert "Belehede" not in unknown_place_names(_Gaz(), text, places, [(start, start + 8)], {"Burkina Faso"})


def test_the_shipped_model_loads():
    from sitrep.gazetteer.name_country import load_name_country

    m = load_name_country()
    assert m is not None and len(m.countries) > 200
