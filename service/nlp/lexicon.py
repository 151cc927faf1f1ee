"""The extractor's vocabularies: the files of data/<language>/, read once, checked and typed.

    from .lexicon import lexicon
    lexicon().titles.honorifics  # a frozenset of words

One model per file. Each file is validated when it is first read: a missing key, an empty list,
a value of the wrong type or an unknown key stops with a LexiconError naming the file and the key.
Keys starting with "_" are comments. Word lists tested for membership are frozensets; lists whose
order matters (regex alternations, scans in order) stay tuples, in the file's order.
README.md in data/ says what each file holds.
"""
import functools
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

DATA = Path(__file__).parent / "data"
LANGUAGE = "en"

Words = Annotated[frozenset[str], Field(min_length=1)]
Ordered = Annotated[tuple[str, ...], Field(min_length=1)]
Codes = Annotated[dict[str, str], Field(min_length=1)]  # word -> ISO 3166-1 alpha-2 (or a bloc's code)


class LexiconError(ValueError):
    """A data file that is missing, not JSON, or not of the shape its model says."""


class _File(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)
    comment: str = Field("", alias="_comment")


class Titles(_File):
    """titles.json: title words, honorifics, name particles, office and institution words."""
    titles: Words
    title_links: Words  # words between a title's words ("Minister of State"), never a title word themselves
    spokesperson: Ordered
    modifiers: Words
    person_nouns: Words
    honorifics: Words
    name_titles: Words
    institution_words: Words
    international_bodies: Words
    name_part_titles: Words
    name_particles: Words
    joining_particles: Words  # particles that may be capitalised inside a name ("Al", "Bin")
    father_particles: Words  # "X bin Y": Y is the father's name
    name_abbreviations: Words
    office_words: Words
    bloc_codes: Codes
    not_name_words: Words
    appointment_nouns: Words  # "on her appointment as <title>"
    style_nouns: Words  # "His Highness also met X": a style of address standing for the person so styled
    style_owners: Words  # "His", "Her" before a style noun
    lower_ranks: Words  # "Deputy Secretary-General": no holder of the office a bare title mention names

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every word of a title ("foreign", "minister"), the links left out."""
        return frozenset(w for title in self.titles for w in title.split()) - self.title_links

    @cached_property
    def title_or_modifier(self) -> frozenset[str]:
        return self.title_words | self.modifiers

    @cached_property
    def title_or_honorific(self) -> frozenset[str]:
        return self.title_words | self.honorifics

    @cached_property
    def title_modifier_honorific(self) -> frozenset[str]:
        return self.title_or_modifier | self.honorifics

    @cached_property
    def blocs(self) -> dict[str, str]:
        """bloc_codes with case-folded keys."""
        return {k.casefold(): v for k, v in self.bloc_codes.items()}


class Channels(_File):
    """channels.json: the channel ruler's token patterns and the words that decide a clause's people and modality."""
    priority: Ordered
    patterns: Annotated[dict[str, Annotated[list[list[dict[str, Any]]], Field(min_length=1)]], Field(min_length=1)]
    light_verbs: Words
    framing_preps: Words
    reporting_verbs: Words
    report_nouns: Words
    said_verbs: Words
    speaker_verbs: Words
    speech_verbs: Words
    intention_heads: Words
    hypothetical_aux: Words
    future_modifiers: Words
    quantity_nouns: Words
    attribution_preps: Words
    future_words: Words
    conditional_marks: Words
    negative_determiners: Words  # "no call took place", "held no talks": a denied contact
    habitual_modifiers: Words
    repetition_nouns: Words  # "met several times", "on many occasions": a history
    visit_words: Words
    background_adjectives: Words
    called_off_verbs: Words  # "the talks were postponed", "cancelled her call": no contact took place
    host_verbs: Words
    spoken_courtesies: Words
    summit_nouns: Words
    separate_words: Words
    list_markers: Words  # "received guests, including X and Y": a list of the guests follows
    plural_only: Words  # "held talks with A and B": one contact, though the noun is plural
    interview_nouns: Words  # "in an interview with X": X speaks, not who interviews
    part_nouns: Words  # "said at the start of a speech": the speech frames the verb
    calling_preps: Words  # "called on X": a courtesy call on X (not "called on X to act")
    joint_words: Words  # "a joint press conference": the pair of the talks just told speaks
    self_references: Words  # "the following readout was issued by X": the document itself, no statement
    receiving_verbs: Words  # "received a phone call from X": X, after a sender_prep, takes part
    sender_preps: Words
    credential_nouns: Words  # "received the credentials of the Ambassador, X": a meeting with X

    @cached_property
    def rank(self) -> dict[str, int]:
        """Channel -> its place in the priority (0 wins)."""
        return {c: i for i, c in enumerate(self.priority)}


class Participation(_File):
    """participation.json: roles of no state actor, and the phrases whose people only attend."""
    non_state_titles: Words
    non_state_bodies: Words  # "the president of the football federation, NAME": a sports or company body
    attendance_heads: Annotated[dict[str, Words], Field(min_length=1)]
    relation_words: Words  # "relations between A and B": a relationship of those states
    accompanying_verbs: Words  # "X accompanied Y on the visit": X only attends Y's contact
    issuer_words: Words  # "Ministry of Foreign Affairs, Republic of Korea" heading a readout


class Dates(_File):
    """dates.json: the date vocabulary."""
    byline_languages: Ordered
    publication_labels: Ordered
    update_labels: Ordered
    crawl_labels: Ordered
    byline_starts: Ordered
    header_filler: Words
    weekend_preps: Ordered  # "over the weekend": the weekend just past
    eve_words: Words  # "on the eve of the summit": the day before the occasion
    same_day: Ordered
    parts_of_day: Ordered
    counts: Annotated[dict[str, int], Field(min_length=1)]
    day_before: Ordered
    that_day: Ordered
    vague_past: Words
    afterwards: Words
    later_openers: Words  # "Later, X held talks with Y": after the reception just told, another contact
    before_openers: Words  # "Prior to the talks, X met Y": another contact of the day of the talks just told
    contact_nouns: Words
    same_occasion: Words  # "also met", "on the sidelines": the occasion just reported
    contact_verbs: Words  # "after meeting with X"
    definite: Words
    start_verbs: Words
    sequence_marks: Words  # "a week after they spoke": a clause of another time than its head's
    date_links: Ordered  # "3rd of February", "this 3rd day of February, 2027": words between a day and its month


class Demonyms(_File):
    """demonyms.json: nationality words -> ISO code."""
    demonyms: Codes


class Affiliations(_File):
    """affiliations.json: other names of states, and state institutions and movements -> ISO code."""
    country_aliases: Codes
    affiliations: Codes


class Topic(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)
    slug: str
    label: str
    iptc_code: str | None
    signals: Ordered
    not_followed_by: tuple[str, ...] = ()


class Topics(_File):
    """topics.json: the topic vocabulary, and the words that say which countries a sentence is about."""
    topics: Annotated[tuple[Topic, ...], Field(min_length=1)]
    about_nouns: Words
    about_preps: Words
    about_verbs: Words
    not_a_country: Words


class Places(_File):
    """places.json: words around place names."""
    location_preps: Words
    place_only_preps: Words
    venue_preps: Words  # "a meeting at Qasr Al Noor": a name only ever after them is a venue
    settlement_nouns: Words
    ambiguous_names: Words
    arrival_nouns: Words  # "told reporters on arrival in X": where it was, not a subject


class Grammar(_File):
    """grammar.json: closed-class words several passes share."""
    determiners: Words
    indefinite_articles: Words
    possessive: Words
    first_person: Words
    list_glue: Words
    pair_words: Words
    institution_possessives: Words  # "the ministry said its minister, NAME"
    visiting_words: Words  # "Visiting Minister X met Y" parsed as a clausal subject with X its object


class Lexicon(BaseModel):
    """Every vocabulary of one language."""
    model_config = ConfigDict(frozen=True)
    titles: Titles
    channels: Channels
    participation: Participation
    dates: Dates
    demonyms: Demonyms
    affiliations: Affiliations
    topics: Topics
    places: Places
    grammar: Grammar


FILES = {name: f"{name}.json" for name in Lexicon.model_fields}


def read(model: type[BaseModel], path: Path) -> Any:
    """One data file, validated against its model."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise LexiconError(f"{path}: cannot be read ({e.strerror})") from None
    try:
        return model.model_validate_json(text)
    except ValidationError as e:
        raise LexiconError(f"{path}: " + "; ".join(_problem(err) for err in e.errors())) from None


def _problem(err) -> str:
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}" if where else err["msg"]


def load(folder: Path) -> Lexicon:
    """The vocabularies of one folder (data/<language>/)."""
    return Lexicon(**{name: read(Lexicon.model_fields[name].annotation, folder / file) for name, file in FILES.items()})


@functools.cache
def lexicon(language: str = LANGUAGE) -> Lexicon:
    """The vocabularies of a language, read once per process."""
    return load(DATA / language)
