"""The OpenAPI document is true: schemathesis, every check, against a live server.

Runs the ``st`` command as a user would (``st run <server>/openapi.json
--checks all``) with a fixed seed and few examples per operation so it stays
quick. Left out: ``POST /api/articles`` (each call runs the whole NLP
pipeline; its validation is tested in test_api_articles) and the map and
alert routes, which their own tests cover.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests_server_helpers import AUTH, TOKEN, serving

from sitrep.server import create_app

pytest.importorskip("schemathesis")

OWN_PATHS = r"^/api/(events|stats|articles/|reviews|codebook|meta|acled/|deleted/|actor/|actortype/|country/|region/)"


def test_schemathesis_finds_no_contract_failure(fresh_store: Path) -> None:
    st = Path(sys.executable).with_name("st")
    with serving(create_app(fresh_store, token=TOKEN)) as url:
        done = subprocess.run(
            [
                str(st),
                "run",
                f"{url}/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                "4",
                "--seed",
                "20",
                "--include-path-regex",
                OWN_PATHS,
                "--exclude-by",
                'method == "POST" and path == "/api/articles"',
                "--request-timeout",
                "20",
                "--no-color",
                "-H",
                f"Authorization: {AUTH['Authorization']}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    report = done.stdout[-6000:] + done.stderr[-2000:]
    assert done.returncode == 0, report
    assert "Tested: 1" in done.stdout and "generated" in done.stdout, report  # it did test operations
