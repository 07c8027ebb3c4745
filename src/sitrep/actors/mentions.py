"""The records of the actor pass: a token, what the article says around it, and a mention found."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.actors.dictionary import norm_token


@dataclass
class Tok:
    text: str
    start: int
    end: int
    sent: int = 0
    dep: str = ""  # dependency label and head lemma, when the tokens come from a parse
    head_lemma: str = ""
    key: str = ""

    def __post_init__(self) -> None:
        self.key = norm_token(self.text)


@dataclass
class Context:
    focus: str | None = None  # the article's country (ACLED spelling)
    countries: set[str] = field(default_factory=set)  # every country the article mentions
    year: int | None = None
    orgs: dict[int, int] = field(default_factory=dict)  # ORG entity start char -> end char
    persons: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Match:
    start: int  # char offsets
    end: int
    name: str
    inter: int
    country: str | None
    kind: str  # named | generic | coref | unlisted
    confidence: float
    sent: int = 0
    identity: str | None = None  # ACLED identity actor of a generic mention ("Students (Nigeria)")


def pair_names(first: str, second: str) -> tuple[str, ...]:
    """The names the uncertain pair of two mentions may go by: "A and/or B" in either order, or the one mention
    that already names a pair holding the other ("Boko Haram/ ISWAP militants" in 2022, where a bare "Boko Haram"
    is read as the pair "ISWAP - Lake Chad Faction and/or Boko Haram - JAS")."""
    held = [a for a, b in ((first, second), (second, first)) if " and/or " in a and b in a.split(" and/or ")]
    return (f"{first} and/or {second}", f"{second} and/or {first}", *held)
