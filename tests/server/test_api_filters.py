"""ACLED-style parameters → parameterised SQL, and the refusals."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.server.filters import FilterError, build_where, cursor_clause, encode_cursor, parse_fields


def test_filters_bind_values_never_splice_them() -> None:
    where = build_where({"country": "' OR 1=1 --"})
    assert where.sql() == "(country = ?)"
    assert where.params == ["' OR 1=1 --"]


def test_filters_pipe_means_several_values() -> None:
    where = build_where({"country": "Iraq|Syria"})
    assert where.sql() == "(country IN (?, ?))"
    assert where.params == ["Iraq", "Syria"]


def test_filters_between_dates_take_a_low_high_pair() -> None:
    where = build_where({"event_date": "2024-01-01|2024-01-31", "event_date_where": "BETWEEN"})
    assert where.params == [date(2024, 1, 1), date(2024, 1, 31)]
    with pytest.raises(FilterError, match="BETWEEN takes two values"):
        build_where({"event_date": "2024-01-01", "event_date_where": "BETWEEN"})


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"bogus": "1"}, "unknown parameter 'bogus'"),
        ({"fatalities": "many"}, "not an integer"),
        ({"event_date": "yesterday"}, "not a date"),
        ({"country": "Iraq", "country_where": "; DROP TABLE events"}, "is not one of"),
        ({"country_where": "LIKE"}, "given without country"),
        ({"fatalities": "1", "fatalities_where": "LIKE"}, "text columns only"),
        ({"country": "Iraq|"}, "empty value"),
    ],
)
def test_filters_reject_bad_parameters_with_a_reason(params: dict[str, str], message: str) -> None:
    with pytest.raises(FilterError, match=message):
        build_where(params)


def test_filters_timestamp_means_at_or_after() -> None:
    where = build_where({"timestamp": "1700000000"})
    assert where.sql().startswith("((timestamp >= ?) OR (timestamp IS NULL AND article_id IN")
    assert where.params == [1700000000, 1700000000]  # rows without one count from their article's ingest
    assert build_where({"timestamp": "1700000000"}, untimed=False).sql() == "(timestamp >= ?)"


def test_filters_like_is_case_insensitive_alternatives() -> None:
    where = build_where({"actor1": "%iraq%|%syria%", "actor1_where": "like"})
    assert where.sql() == "(actor1 ILIKE ? OR actor1 ILIKE ?)"


def test_fields_are_checked_and_keep_the_id() -> None:
    assert parse_fields("country|fatalities", canonical=False) == ["event_id", "country", "fatalities"]
    assert "article_ids" in parse_fields(None, canonical=True)
    with pytest.raises(FilterError, match="unknown password"):
        parse_fields("country|password", canonical=False)


def test_cursor_round_trips_and_rejects_forgeries() -> None:
    token = encode_cursor(date(2025, 3, 3), "abc-001")
    clause, params = cursor_clause(token)
    assert params == [date(2025, 3, 3), date(2025, 3, 3), "abc-001"]
    assert "event_date IS NULL" in clause  # undated rows come after every dated one
    assert cursor_clause(encode_cursor(None, "x-1")) == ("event_date IS NULL AND event_id < ?", ["x-1"])
    with pytest.raises(FilterError, match="not a cursor"):
        cursor_clause("not-base64-json!!")
