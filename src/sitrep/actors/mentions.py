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
