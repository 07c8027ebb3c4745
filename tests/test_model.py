from sitrep.model import ACLED_COLUMNS, Article, Event, Result, text_hash


def test_article_id_is_hash_of_normalised_text():
    a = Article(text="Gunmen  killed\ntwo people.")
    b = Article(text="Gunmen killed two people.")
    assert a.id == b.id == text_hash("Gunmen killed two people.")


def test_article_keeps_given_id():
    assert Article(text="x y z", id="wire-1").id == "wire-1"


def test_event_has_every_acled_column_but_derived_ones():
    names = set(Event.__dataclass_fields__)
    derived = {"event_id_cnty", "year"}
    assert set(ACLED_COLUMNS) - derived <= names


def test_result_serialises_nested_dataclasses_to_plain_json_types():
    event = Event(event_id="a:0", event_type="Battles", evidence={"sentence": [0, 10]})
    data = Result(id="a", events=[event]).to_dict()
    assert data["events"][0]["evidence"] == {"sentence": [0, 10]}
    assert data["errors"] == []


def test_result_asserted_events_leaves_out_hypothetical_ones():
    result = Result(id="a", events=[Event(modality="asserted"), Event(modality="hypothetical")])
    assert [e.modality for e in result.asserted_events()] == ["asserted"]


def test_result_to_dict_is_what_dataclasses_asdict_makes_and_shares_no_container():
    import dataclasses

    from sitrep.model import Actor, ErrorInfo

    event = Event(event_id="a:0", evidence={"sentence": [0, 10], "pair": (1, 2)}, fatalities=3)
    result = Result(id="a", events=[event], actors=[Actor(text="police", start=0, end=6)],
                    errors=[ErrorInfo(code="W200", message="m")])
    data = result.to_dict()
    assert data == dataclasses.asdict(result)
    assert data["events"][0]["evidence"]["pair"] == (1, 2)
    data["events"][0]["evidence"]["sentence"].append(99)
    assert event.evidence["sentence"] == [0, 10]
