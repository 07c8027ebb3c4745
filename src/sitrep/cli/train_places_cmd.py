"""``sitrep train places``: rebuild the ACLED-derived gazetteer tables (places, admin names, sources)."""

from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli.common import fail
from sitrep.cli.train_cmd import HOLDOUT_OPT, train_app
from sitrep.errors import SitrepError

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"


def train_places(data: Path, out: Path = PACKAGE_DATA, holdout: str | None = None) -> dict[str, int]:
    """Read every ACLED export under ``data`` and write the tables into ``out``; returns row counts."""
    from sitrep.learn.acled import read_exports
    from sitrep.learn.places import build_places
    from sitrep.learn.splits import parse_holdout

    if not data.exists():
        raise SitrepError("E101", f"{data} not found")
    records = list(read_exports([data]))
    return build_places(records, out, parse_holdout(holdout))


@train_app.command("places")
def places(
    data: Path = typer.Option(Path("../shared/data/acled_public"), "--data", help="Folder of ACLED exports."),
    out: Path = typer.Option(PACKAGE_DATA, "--out", help="Folder for the tables (default: the package's data)."),
    holdout: str = HOLDOUT_OPT,
) -> None:
    """ACLED's locations, admin spellings and single-country sources as gazetteer data."""
    try:
        counts = train_places(data, out, holdout)
    except SitrepError as exc:
        fail(exc)
    for key, value in counts.items():
        typer.echo(f"{key}: {value}")
