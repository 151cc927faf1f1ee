"""What extraction hands to the loader: plain dataclasses, no database, no HTTP."""
import datetime as dt
from dataclasses import dataclass, field


@dataclass
class ArticleInput:
    key: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None  # given by the client; wins over what the text shows


@dataclass
class Participant:
    name: str  # full name as the article gives it ("Marta Ruiz Silva")
    country: str | None = None  # ISO 3166-1 alpha-2
    title: str | None = None  # title held in this report ("Foreign Minister")
    kind: str = "person"  # person | organization | state
    aliases: list[str] = field(default_factory=list)  # other spellings in this article


@dataclass
class EvidenceSpan:
    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    date_text: str | None = None  # the raw date expression ("on Monday night")


@dataclass
class ExtractedEvent:
    channel: str
    participants: list[Participant]
    evidence: list[EvidenceSpan]
    date: dt.date | None = None  # first day of the period when precision is month/year
    date_precision: str | None = None  # day | month | year
    date_basis: str = "unknown"  # explicit | relative | unknown
    location_name: str | None = None
    location_country: str | None = None
    topics: list[str] = field(default_factory=list)  # slugs of the topic vocabulary
    title: str = ""
    summary: str | None = None
    confidence: float = 0.5


@dataclass
class ArticleExtraction:
    published: dt.date | None
    published_basis: str  # client | header | publication_line | dateline | post | masthead | none
    title: str | None
    events: list[ExtractedEvent] = field(default_factory=list)
