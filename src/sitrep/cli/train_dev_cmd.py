"""``sitrep train dev-draw``: the learned artifacts rebuilt without a draw of training countries, to tune on them.

The held-out build (``sitrep train heldout``) is made from every country but the held-out ones, so the training
countries' own notes cannot tell how a rule change does on a country the tables and the model have never seen
(the package's own build, from every country, even less). A dev draw can: this
command rebuilds the places tables, the actor table and the coder model with the draw's countries left out too
(beside the held-out ones) into one folder, and writes the draw's names there. Then

    SITREP_LEARNED_DIR=DIR sitrep eval acled --dataset dev

scores the draw's notes with those artifacts in place of the package's (``sitrep.resources.LEARNED``). Tune on
the draw; report held-out figures from the plain ``sitrep eval acled``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from sitrep.cli.train_cmd import train_app
from sitrep.learn.splits import DEFAULT_DRAW, DEFAULT_HOLDOUT, DRAW_FILE, country_list, holdout_country
from sitrep.resources import HELDOUT_BUILD


def build_dev_draw(data: Path, out: Path, draw: tuple[str, ...] = DEFAULT_DRAW, coder: bool = True) -> Path:
    """Write the places tables, actor table and (with ``coder``) coder model, all built without ``draw`` and the
    held-out countries, into ``out``; returns ``out``."""
    from sitrep.cli.train_actors_cmd import train_actors
    from sitrep.cli.train_coder_cmd import train_coder
    from sitrep.cli.train_places_cmd import train_places

    holdout = ",".join(dict.fromkeys((*DEFAULT_HOLDOUT, *draw)))
    out.mkdir(parents=True, exist_ok=True)
    train_places(data, out, holdout)
    train_actors([data], out / "actors_acled.csv", holdout)
    if coder:
        train_coder([data], out / "models" / "coder", holdout)
    if draw:
        (out / DRAW_FILE).write_text(",".join(draw) + "\n", encoding="utf-8")
    return out


@train_app.command("dev-draw")
def dev_draw_command(
    out: Path = typer.Argument(..., help="folder for the dev artifacts"),
    data: Path = typer.Option(Path("../shared/data/acled_public"), "--data", help="Folder of ACLED exports."),
    draw: str = typer.Option(",".join(DEFAULT_DRAW), "--draw", help="training countries to leave out, 'A,B,...' (or one year of one: 'Mali@2020')"),
    coder: bool = typer.Option(True, "--coder/--no-coder", help="also rebuild the coder model (a few minutes)"),
) -> None:
    """Rebuild the learned artifacts without a draw of training countries, to tune rules on them."""
    countries = country_list(draw)
    held = sorted({holdout_country(c) for c in countries} & set(DEFAULT_HOLDOUT))
    if held:
        raise typer.BadParameter(f"held-out countries cannot be a dev draw: {', '.join(held)}")
    build_dev_draw(data, out, countries, coder)
    typer.echo(f"dev artifacts in {out}; score with: SITREP_LEARNED_DIR={out} sitrep eval acled --dataset dev")


@train_app.command("heldout")
def heldout_command(
    out: Path = typer.Option(HELDOUT_BUILD, "--out", help="folder for the held-out build (default: the package's)"),
    data: Path = typer.Option(Path("../shared/data/acled_public"), "--data", help="Folder of ACLED exports."),
) -> None:
    """Rebuild the learned artifacts without the held-out countries: what `sitrep eval acled` scores with."""
    build_dev_draw(data, out, ())
    typer.echo(f"held-out build in {out}; `sitrep eval acled` scores the held-out countries' notes with it")
