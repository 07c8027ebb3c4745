"""Model cards: what trained an artifact, how it was split, how well it does.

Every artifact under ``sitrep/data/models/<name>/`` has a ``card.md`` (for
people) and a ``card.json`` (for code: the loader checks the format version,
`sitrep eval` shows the held-out figures).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.learn.acled import ATTRIBUTION


@dataclass
class Card:
    name: str
    format: int
    purpose: str
    command: str
    data: dict[str, int] = field(default_factory=dict)  # source file -> rows used
    split: str = ""
    figures: dict[str, float] = field(default_factory=dict)  # held-out figures
    # what the figures were measured on, as the card's heading says it (not every model has a held-out split)
    figures_title: str = "Held-out figures"
    notes: list[str] = field(default_factory=list)
    attribution: str = ATTRIBUTION
    data_name: str = "ACLED"  # whose data the artifact was derived from, named in the attribution
    built: str = field(default_factory=lambda: date.today().isoformat())
    extra: dict[str, Any] = field(default_factory=dict)

    def markdown(self) -> str:
        lines = [f"# Model card: {self.name}", "", self.purpose, "",
                 f"- built: {self.built} (format {self.format})", f"- rebuild: `{self.command}`", "",
                 "## Data", ""]
        lines += [f"- {name}: {count:,} rows" for name, count in sorted(self.data.items())]
        lines += ["", "## Split", "", self.split or "(none)", "", f"## {self.figures_title}", ""]
        lines += [f"- {k}: {v:.4f}" if isinstance(v, float) else f"- {k}: {v}" for k, v in self.figures.items()]
        if self.notes:
            lines += ["", "## Notes", ""] + [f"- {n}" for n in self.notes]
        lines += ["", "## Attribution", "",
                  f"Derived from {self.data_name} data: {self.attribution}. The data were read from public "
                  f"{self.data_name} files "
                  "and transformed as described above (no rows are shipped; only learned weights and counts).", ""]
        return "\n".join(lines)

    def write(self, folder: str | Path) -> None:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        (out / "card.md").write_text(self.markdown(), encoding="utf-8")
        (out / "card.json").write_text(json.dumps(asdict(self), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read_card(folder: str | Path) -> dict[str, Any]:
    path = Path(folder) / "card.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
