from __future__ import annotations

from collections.abc import Iterator

import pytest
from feeds_site import Site


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site().start()
    try:
        yield server
    finally:
        server.stop()
