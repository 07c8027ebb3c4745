"""The data model: the contract between stages (see DESIGN.md).

Plain dataclasses, serialisable to JSON with ``to_dict``. This module imports
nothing else of sitrep so every layer may depend on it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any

# ACLED's export columns, in ACLED's order. Exports write these first.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

MODALITIES = ("asserted", "negated", "hypothetical", "future")


def normalise_text(text: str) -> str:
    """The form an article's identity is computed from: NFC, collapsed whitespace."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: both actor types, lower first; X0 for a sole actor."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 if len(codes) == 1 else codes[0] * 10 + codes[1]


# Values that dataclasses.asdict (or copy.deepcopy) would copy only to get the same immutable value back.
IMMUTABLE_TYPES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` makes of ``value``, the same dicts, lists and values.

    asdict deep-copies every string and number and looks each class's fields up again
    for every object: writing a Result's ~4,000 values cost the parent of ``extract -j``
    a second of CPU per hundred articles, taken from the workers' cores. Containers and
    types other than these go through asdict's own code.
    """
    kind = type(value)
    if kind in IMMUTABLE_TYPES:
        return value
    leaf = IMMUTABLE_TYPES  # most values are: tested inline, without a call each
    if kind is list:
        return [v if type(v) in leaf else _plain(v) for v in value]
    names = _field_names(kind)
    if names is not None:
        out = {}
        for name in names:
            v = getattr(value, name)
            out[name] = v if type(v) in leaf else _plain(v)
        return out
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if kind is tuple:
        return tuple(_plain(v) for v in value)
    return dataclasses._asdict_inner(value, dict)  # type: ignore[attr-defined]


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names (looked up once per class), None for any other type."""
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind))
    return names


def json_fields(value: Any) -> dict[str, Any]:
    """``json.dumps``'s ``default`` for model objects: a dataclass's fields, one level (the encoder walks the lists
    and dicts in them itself). The same text as encoding ``to_dict()``, without building that copy of every object
    first (~0.2 s CPU per 600 articles in the parent of ``extract -j``, on the workers' cores); any other type the
    encoder cannot write fails as it does there."""
    names = _field_names(type(value))
    if names is None:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    return {name: getattr(value, name) for name in names}


class Serialisable:
    def to_dict(self) -> dict[str, Any]:
        return _plain(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Article(Serialisable):
    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = None
    country: str | None = None  # the reporting country (name or ISO code) when the caller knows it
    ingested_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def __post_init__(self) -> None:
        if not self.id:
            self.id = text_hash(self.text)

    @property
    def content_hash(self) -> str:
        return text_hash(self.text)

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None


@dataclass
class Span(Serialisable):
    """Anything anchored to character offsets in the article text."""

    text: str
    start: int
    end: int


@dataclass
class Mention(Span):
    """A named entity or other labelled span found by the NLP stage."""

    label: str = ""
    sent: int = -1
    value: str | None = None
    confidence: float = 1.0


@dataclass
class Actor(Span):
    name: str = ""  # canonical, in ACLED's naming
    inter: int = 0  # ACLED actor type code 1..8
    country: str | None = None
    sent: int = -1
    kind: str = "named"  # named | generic
    confidence: float = 1.0
    identity: str | None = None  # who the people are, as ACLED's associated actor: "Students (Nigeria)"


@dataclass
class Place(Span):
    name: str | None = None
    country: str | None = None
    iso: int | None = None  # ISO 3166-1 numeric, as ACLED uses
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    gazetteer_id: str | None = None
    feature: str | None = None  # town | admin1 | admin2 | country | region | desert ...
    sent: int = -1
    unresolved_reason: str | None = None


@dataclass
class DateMention(Span):
    date: str | None = None  # ISO YYYY-MM-DD
    precision: int | None = None  # ACLED time_precision: 1 day, 2 week, 3 month
    relation: str = "past"  # past | future | unknown
    sent: int = -1


@dataclass
class Quote(Span):
    direct: bool = True
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_role: str | None = None
    speaker_actor: str | None = None
    cue: str | None = None
    # a verbatim fragment inside reported speech: ``text`` holds the quoted words and the
    # content fields the whole statement they belong to
    partial: bool = False
    content: str | None = None
    content_start: int | None = None
    content_end: int | None = None


@dataclass
class ErrorInfo(Serialisable):
    code: str
    message: str
    stage: str | None = None

    @property
    def warning(self) -> bool:
        """A W code: the article went on (degraded), unlike an E code, which stopped it."""
        return self.code.startswith("W")


@dataclass
class Event(Serialisable):
    event_id: str = ""
    article_id: str = ""
    event_date: str | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int = 0
    tags: str | None = None
    timestamp: int | None = None
    # beyond ACLED
    modality: str = "asserted"
    confidence: float = 0.5
    plover_type: str | None = None
    plover_mode: str | None = None
    cameo_root: str | None = None
    trigger: str | None = None
    evidence: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class CanonicalEvent(Serialisable):
    canonical_id: str
    event: Event
    member_event_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    possible_duplicates: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Document:
    """The working state of one article while it passes through the stages.

    ``doc`` holds the spaCy Doc; it never leaves the process (results do).
    """

    article: Article
    doc: Any = None
    entities: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[ErrorInfo] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return bool(self.errors) and self.doc is None


@dataclass
class Result(Serialisable):
    """What one article yields: one line of ``sitrep extract --format jsonl``."""

    id: str
    published: str | None = None
    title: str | None = None
    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    errors: list[ErrorInfo] = field(default_factory=list)

    @classmethod
    def from_document(cls, document: Document) -> Result:
        a = document.article
        return cls(
            id=a.id,
            published=a.published,
            title=a.title,
            events=document.events,
            actors=document.actors,
            places=document.places,
            quotes=document.quotes,
            entities=document.entities,
            dates=document.dates,
            errors=document.errors,
        )

    @classmethod
    def failure(cls, article_id: str, error: ErrorInfo, published: str | None = None) -> Result:
        return cls(id=article_id, published=published, errors=[error])

    @property
    def failures(self) -> list[ErrorInfo]:
        """The errors that stopped the article (E codes); warnings (W codes) do not."""
        return [e for e in self.errors if not e.warning]

    @property
    def ok(self) -> bool:
        """No failure: the article's events count, even when a stage degraded (a W200 warning)."""
        return not self.failures

    @property
    def degraded(self) -> bool:
        return any(e.warning for e in self.errors)

    def asserted_events(self) -> list[Event]:
        return [e for e in self.events if e.modality == "asserted"]
