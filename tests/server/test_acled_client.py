"""The PyPI ``acled`` client, unchanged, against sitrep's ACLED endpoints.

The client reads ``ACLED_API_HOST`` when it is imported, as an analyst's
script would have it set, so each script runs in a fresh interpreter with
that variable pointing at a test server. Reads are not public here: the
client's credentials (legacy ``key``/``email``, or an OAuth bearer token
from its token file) must be sitrep's token.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from tests_server_helpers import TOKEN, serving

from sitrep.server import create_app
from sitrep.store import Store

pytest.importorskip("acled")

MERGED_AT = datetime(2025, 3, 10, 12, 0, 0)
REJECTED_AT = datetime(2025, 3, 12, 8, 0, 0)


@pytest.fixture()
def acled_host(fresh_store: Path) -> Iterator[str]:
    with Store(fresh_store) as store:  # one merge by dedup and one rejection by a reviewer
        store.con.execute("INSERT INTO canonical_aliases VALUES ('c-ramadi-old', 'c-ramadi', ?)", [MERGED_AT])
        store.con.execute(
            "INSERT INTO reviews (review_id, event_id, action, reviewer, reviewed_at) "
            "VALUES ('r1', 'c-basra', 'reject', 'coder', ?)",
            [REJECTED_AT],
        )
    with serving(create_app(fresh_store, token=TOKEN, public_reads=False)) as url:
        yield f"{url}/api"


def run_client(host: str, body: str, tmp_path: Path) -> Any:
    """Run ``body`` (which sets ``result``) with the acled client imported fresh; return ``result``."""
    script = "import json, warnings\nwarnings.simplefilter('ignore')\n" + textwrap.dedent(body)
    script += "\nprint(json.dumps(result, default=str))\n"
    env = {**os.environ, "ACLED_API_HOST": host, "ACLED_MAX_RETRIES": "1", "ACLED_RETRY_BACKOFF_FACTOR": "0"}
    for name in ("ACLED_USERNAME", "ACLED_PASSWORD", "ACLED_API_KEY", "ACLED_EMAIL"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_acled_client_reads_events_pages_deleted_actors_and_countries(acled_host: str, tmp_path: Path) -> None:
    result = run_client(
        acled_host,
        f"""
        from acled import AcledClient
        client = AcledClient(api_key={TOKEN!r}, email="analyst@example.org")
        iraq = client.get_data(country="Iraq", event_date="2025-03-01|2025-03-31",
                               query_params={{"event_date_where": "BETWEEN"}}, limit=50)
        pages = [client.get_data(country="Syria", limit=7, page=p, query_params={{"x_canonical": "false"}})
                 for p in (1, 2, 3, 4, 5, 6)]
        deleted = client.get_deleted_data(deleted_timestamp=1741500000, limit=50)
        later = client.get_deleted_data(deleted_timestamp=1741700000, limit=50)
        actors = client.get_actor_data(limit=50)
        countries = client.get_country_data(limit=50)
        result = {{
            "iraq": [(e["event_id_cnty"], e["event_date"].isoformat(), e["fatalities"]) for e in iraq],
            "pages": [[e["event_id_cnty"] for e in page] for page in pages],
            "deleted": sorted((d["event_id_cnty"], d["deleted_timestamp"]) for d in deleted),
            "later": [d["event_id_cnty"] for d in later],
            "actors": {{a["actor_name"]: a["event_count"] for a in actors}},
            "countries": [(c["country"], c["event_count"]) for c in countries],
        }}
        """,
        tmp_path,
    )
    # Canonical events once dedup has run: the Ramadi cluster, not its two reports; Basra was rejected.
    assert result["iraq"] == [["c-ramadi", "2025-03-03", 4]]
    seen = [i for page in result["pages"] for i in page]
    assert [len(p) for p in result["pages"]] == [7, 7, 7, 7, 3, 0]
    assert len(seen) == 31 == len(set(seen)) and seen[-1] == "a2-031"
    deleted = dict(result["deleted"])
    assert deleted.pop("c-basra") == _epoch(REJECTED_AT)  # rejected by a reviewer
    assert deleted.pop("c-ramadi-old") == _epoch(MERGED_AT)  # merged into c-ramadi by dedup
    assert list(deleted) == ["a0-000"]  # the event of an article a newer version replaced
    assert set(result["later"]) == {"c-basra", "a0-000"}
    assert result["actors"] == {"Military Forces of Iraq (2020-)": 1, "Islamic State (Iraq)": 1}
    assert result["countries"] == [["Iraq", 1]]


def _epoch(moment: datetime) -> int:
    return int(moment.replace(tzinfo=UTC).timestamp())  # the store keeps naive UTC times


def test_acled_client_with_a_bearer_token_and_with_a_wrong_key(acled_host: str, tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.json"
    tokens.write_text(json.dumps({"access_token": TOKEN, "access_token_expires_at": "2999-01-01T00:00:00"}))
    result = run_client(
        acled_host,
        f"""
        from acled import AcledClient
        from acled.auth import OAuthTokenAuth
        from acled.exceptions import ClientError
        auth = OAuthTokenAuth(username="analyst@example.org", password="unused", token_file={str(tokens)!r})
        regions = AcledClient(auth_method=auth).get_region_data(limit=10)
        types = AcledClient(auth_method=auth).get_actor_type_data(limit=10)
        try:
            AcledClient(api_key="wrong", email="analyst@example.org").get_data(limit=1)
            denied = None
        except ClientError as exc:
            denied = exc.status_code
        result = {{"regions": regions, "types": [t["actor_type_name"] for t in types], "denied": denied}}
        """,
        tmp_path,
    )
    assert result["regions"] == []  # the test store's events carry no region
    assert result["types"] == ["State forces", "Rebel groups"]
    assert result["denied"] == 401
