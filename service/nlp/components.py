"""The extractor's spaCy components: registered factories, each writing its findings on the Doc.

In pipeline order (see pipeline.load_nlp):

    timeline_publication  before the parser   doc._.publication: the date the article shows, its
                                              basis, where the header ends, the day relative
                                              dates count from (doc._.article: the client's input)
    timeline_line_breaks  before the parser   sentence starts at line breaks and after the header
    timeline_channels     after the lemmatizer doc.spans["channels"]: channel expressions, the
                                              token patterns of data/en/channels.json (anchored.py)
    timeline_zones        after the NER       doc._.zones: header, captions, quoted posts, opinion
    timeline_people       after the NER       doc._.people: persons, mentions, titles, countries;
                                              doc.spans["people"]: every mention, labelled by name
    timeline_dates        after the NER       doc._.dates: date expressions resolved to days or months
    timeline_contacts     last                doc._.contacts: one Group per real-world contact
                                              (and the briefing or speech a heading names)

extract.extract_doc only reads these annotations and builds the dataclasses of types.py.
"""
import bisect
import datetime as dt
from dataclasses import dataclass

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import find_people
from .candidates import find_candidates
from .dates import DateExpr, find_dates, find_post_dates, publication
from .header_dates import dateline_day, entry_starts, full_dates
from .lexicon import lexicon
from .merge import merge
from .pipeline import sentences, text_of
from .titled import titled_occasion
from .zones import find_zones

# a publication date a relative date may count from (a masthead is the day a page was seen)
ANCHORS = {"client", "header", "publication_line", "dateline", "dateline_year", "post"}

for _name in ("article", "publication", "zones", "people", "dates", "contacts"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class PublicationInfo:
    date: dt.date | None  # the publication date: the client's, else the one the text shows
    basis: str  # client | header | publication_line | dateline | dateline_year (year from the story) | post
    #             | masthead | none
    header_end: int  # character offset where the story begins
    anchor: dt.date | None  # the day relative dates count from (None: they stay unresolved)
    report: DateExpr | None  # the report's own day, as an expression events may take
    lead: int | None  # token index of the lead sentence when no dated dateline gives the day
    dateline_start: int | None  # where a dateline begins (the lead keeps it in its evidence)
    entries: frozenset[int] = frozenset()  # token index of each live-page entry's first sentence: leads too


@Language.component("timeline_publication")
def publication_component(doc: Doc) -> Doc:
    text = text_of(doc)
    shown = publication(text)
    given = doc._.article.published if doc._.article is not None else None
    published, basis = (given, "client") if given else (shown.date, shown.basis)
    day = shown.report
    if day is None and given and shown.dateline_start is not None:  # "MINSK, Aug. 25 (Wire) --"
        day = dateline_day(text, shown.dateline_start, given)
    elif day is None and published is None and shown.dateline_start is not None:
        day = _dateline_near_dates(text, shown.dateline_start)
        if day is not None:
            published, basis = day, "dateline_year"
    # relative dates count from the report's dateline day, else from a publication date the text shows
    anchor = (day or published) if basis in ANCHORS else None
    report = None
    if day is not None and anchor is not None:
        s, e = shown.report_span
        report = DateExpr(s, e, text[s:e], day, "day", "relative")
    doc._.publication = PublicationInfo(published, basis, shown.header_end, anchor, report, None,
                                        shown.dateline_start)
    return doc


def _dateline_near_dates(text: str, start: int) -> dt.date | None:
    """A yearless dateline ("MINSK, Aug. 25 (Wire) --") in an article that shows no year of its own:
    the year that puts that day nearest the full dates the story gives ("talks on December 7, 2021",
    "his inauguration on Jan 1, 2025"), recounted or ahead."""
    fulls = [d for _, d in full_dates(text)]
    years = {d.year + k for d in fulls for k in (-1, 0, 1)}
    days = [d for y in sorted(years) if (d := dateline_day(text, start, dt.date(y, 12, 31))) is not None]
    return min(days, key=lambda day: min(abs((day - f).days) for f in fulls), default=None)


@Language.component("timeline_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions stand on lines of their own;
    so does the end of a header or dateline ("date 2021-08-17 City, August 17 (Agency): ...")."""
    spaces = doc.to_array(IS_SPACE).nonzero()[0].tolist() if len(doc) else []  # a few tokens, not every one
    for i in spaces:
        if i + 1 < len(doc) and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    header_end = doc._.publication.header_end
    if 0 < header_end < len(text_of(doc)):
        for tok in doc:
            if tok.idx >= header_end and not tok.is_space:
                if tok.i > 0:
                    tok.is_sent_start = True
                break
    _inside_names(doc)
    return doc


def _inside_names(doc: Doc) -> None:
    """No sentence starts between two proper nouns on one line ("... received Camila | Rojas Fuentes"):
    the parser sometimes cuts a long name there, and the name's sentence loses its verb."""
    tags = doc.to_array("TAG").tolist()
    proper = {doc.vocab.strings[t] for t in ("NNP", "NNPS")}
    for i in range(1, len(doc)):
        if tags[i] in proper and tags[i - 1] in proper and doc[i - 1].whitespace_ == " " \
                and doc[i].is_sent_start is None and doc[i].is_title and doc[i - 1].is_title \
                and doc[i].is_alpha and doc[i - 1].is_alpha:
            doc[i].is_sent_start = False


@Language.component("timeline_zones")
def zones_component(doc: Doc) -> Doc:
    doc._.zones = find_zones(doc, doc._.publication.header_end)
    return doc


@Language.component("timeline_people")
def people_component(doc: Doc) -> Doc:
    people = find_people(doc)
    doc._.people = people
    doc.spans["people"] = [Span(doc, m.start, m.end, label=people.persons[m.pid].name) for m in people.mentions]
    return doc


@Language.component("timeline_dates")
def dates_component(doc: Doc) -> Doc:
    pub, zones = doc._.publication, doc._.zones
    text = text_of(doc)
    found = [d for d in find_dates(text, pub.anchor, pub.header_end) if not zones.skip(d.start)]
    doc._.dates = sorted(found + find_post_dates(text), key=lambda d: d.start)
    if pub.report is None and pub.anchor is not None:  # no dated dateline: the lead is the report of the day
        # the first sentence with a verb: not a heading ("Readout of the meeting with X") nor a
        # dateline fragment the parser cut off ("NUR-SULTAN.")
        pub.lead = next((s.start for s in sentences(doc) if s.start_char >= pub.header_end
                         and not zones.skip(s.start_char) and any(t.pos_ == "VERB" for t in s)), None)
        pub.entries = _entry_sentences(doc, text, pub.header_end)
        if pub.lead is not None:
            pub.report = DateExpr(pub.header_end, pub.header_end, "", pub.anchor, "day", "relative")
    return doc


def _entry_sentences(doc: Doc, text: str, start: int) -> frozenset[int]:
    """The first sentence of each time-stamped entry of a live page ("10:32 GMT"): each is a
    report of the page's day, as a lead is."""
    offsets = entry_starts(text, start, lexicon().dates.header_filler)
    if not offsets:
        return frozenset()
    sents = sentences(doc)
    ends = [s.end_char for s in sents]
    out = set()
    for o in offsets:
        k = bisect.bisect_right(ends, o)
        # the entry's first sentence with a verb: not a fragment the parser cut off ("EU.")
        while k + 1 < len(sents) and k < bisect.bisect_right(ends, o) + 2 and not _has_verb(sents[k]):
            k += 1
        if k < len(sents):
            out.add(sents[k].start)
    return frozenset(out)


def _has_verb(sent: Span) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in sent)


@Language.component("timeline_contacts")
def contacts_component(doc: Doc) -> Doc:
    """Channel expressions with the people of their clause, grouped into one contact per event."""
    pub, zones, people = doc._.publication, doc._.zones, doc._.people
    doc._.contacts = []
    if zones.opinion:
        return doc
    cands = find_candidates(doc, people, zones.skip)
    if cands:
        doc._.contacts = merge(doc, cands, doc._.dates, people, pub.date, pub.anchor, pub.report, pub.lead)
    titled = titled_occasion(doc, people, doc._.contacts, pub.report)
    if titled is not None:  # "Spokesperson X's Press Conference on <date>" over a transcript
        doc._.contacts.insert(0, titled)
    return doc
