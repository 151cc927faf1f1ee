"""Full-text conditions over Event.search_text: FTS5 on SQLite, tsvector on PostgreSQL.

User text never reaches a query parser as syntax. On SQLite it is cut into words (letters and
digits), each quoted for FTS5; on PostgreSQL plainto_tsquery reads it with the parser that built
the index. Every word must appear; text without a word (a lone `"`) matches nothing.
"""
import re

from peewee import SQL, NodeList, fn

from ..db import is_postgres
from ..models import Event

WORD = re.compile(r"\w+", re.UNICODE)


def words(text):
    return [w for w in WORD.findall(text or "") if w.strip("_")]


def matches(text):
    """A WHERE condition on Event for the search text; false when the text has no words."""
    tokens = words(text)
    if not tokens:
        return SQL("1 = 0")
    if is_postgres():
        vector = fn.to_tsvector(SQL("'english'"), Event.search_text)
        # the same parser as the index reads the raw text ("covid-19" -> covid, -19); never raises
        query = fn.plainto_tsquery(SQL("'english'"), text)
        return NodeList((vector, SQL("@@"), query))
    # each word a quoted FTS5 string: no operator or column syntax can get through
    expression = " ".join('"' + token.replace('"', '""') + '"' for token in tokens)
    return Event.id.in_(SQL("(SELECT rowid FROM event_fts WHERE event_fts MATCH ?)", (expression,)))
