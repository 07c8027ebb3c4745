"""``sitrep gazetteer build|lookup NAME``: build the offline gazetteer cache, or look a name up."""

from __future__ import annotations

import json

import typer

from sitrep.cli import app
from sitrep.cli.common import fail
from sitrep.errors import SitrepError

gazetteer_app = typer.Typer(help="The offline gazetteer (GeoNames-derived package data plus sitrep's additions).",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


def build_gazetteer() -> dict[str, object]:
    """Build the cache file and load it once; returns what was built."""
    from sitrep.gazetteer import build_cache, cache_path, load_gazetteer

    seconds = build_cache()
    gaz = load_gazetteer(reload=True)
    return {"path": str(cache_path()), "seconds": round(seconds, 1), "places": len(gaz), "names": len(gaz.exact)}


def lookup_name(name: str, limit: int = 10) -> list[dict[str, object]]:
    """Candidates for a name, best prior first, with ACLED-style admin names."""
    from sitrep.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    rows: list[dict[str, object]] = []
    for e in gaz.lookup(name)[:limit]:
        rows.append({
            "id": e.id, "name": e.name, "feature": e.feature, "country": gaz.country_name(e.cc),
            "admin1": gaz.admin1_name(e.admin1_code), "admin2": gaz.admin2_name(e.admin2) if e.admin2 else None,
            "latitude": round(e.latitude, 5), "longitude": round(e.longitude, 5), "population": e.population,
            "geo_precision": e.precision,
        })
    demonym = gaz.demonym(name)
    if demonym is not None and not rows:
        rows.append({"id": demonym.id, "name": demonym.name, "feature": "demonym",
                     "country": gaz.country_name(demonym.cc), "latitude": round(demonym.latitude, 5),
                     "longitude": round(demonym.longitude, 5)})
    return rows


@gazetteer_app.command("build")
def build_command() -> None:
    """Build (or rebuild) the gazetteer cache under $SITREP_CACHE or ~/.cache/sitrep."""
    try:
        info = build_gazetteer()
    except SitrepError as exc:
        fail(exc)
    typer.echo(f"gazetteer: {info['places']} places, {info['names']} names in {info['seconds']} s -> {info['path']}")


@gazetteer_app.command("lookup")
def lookup_command(
    name: str = typer.Argument(..., help="A place name, in any common transliteration."),
    limit: int = typer.Option(10, "--limit", help="At most this many candidates."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
) -> None:
    """Show the gazetteer's candidates for NAME, best first."""
    try:
        rows = lookup_name(name, limit)
    except SitrepError as exc:
        fail(exc)
    if not rows:
        typer.echo(f"no gazetteer entry for {name!r}", err=True)
        raise typer.Exit(code=1)
    for row in rows:
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            where = ", ".join(str(x) for x in (row.get("admin2"), row.get("admin1"), row.get("country")) if x)
            typer.echo(f"{row['name']:<28} {row['feature']:<10} {where:<50} "
                       f"{row['latitude']:>9} {row['longitude']:>10}  {row['id']}")
