"""Text with marks: the search words in an evidence sentence, the evidence spans in an article.

Everything is escaped here and the result is Markup, so templates never mark text up themselves.
"""
import re

from markupsafe import Markup, escape

from ..store.search import words

WORD = re.compile(r"\w+", re.UNICODE)


def mark_words(text, query):
    """text with every word that starts with a search word in <mark> (the index also stems, so
    "talk" finds "talks"; a word the index matched by a stem further off is left unmarked)."""
    wanted = [word.casefold() for word in words(query)]
    if not text or not wanted:
        return escape(text or "")
    out, position = [], 0
    for match in WORD.finditer(text):
        if any(match.group().casefold().startswith(word) for word in wanted):
            out.append(escape(text[position:match.start()]))
            out.append(Markup('<mark class="hit">%s</mark>') % match.group())
            position = match.end()
    out.append(escape(text[position:]))
    return Markup("").join(out)


def span_segments(length, spans):
    """Cut [0, length) at every span edge: [(start, end, event ids covering it)], spans clipped."""
    edges = {0, length}
    for start, end, _ in spans:
        edges.update((max(0, min(start, length)), max(0, min(end, length))))
    cuts = sorted(edges)
    segments = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = sorted({event for s, e, event in spans if s <= start and end <= e})
        segments.append((start, end, covering))
    return segments


def mark_spans(text, spans, event_url):
    """The article with each evidence span in <mark> (data-start/data-end: its offsets), and after
    the span's last character a link (event_url(id)) to each event it is evidence for."""
    endings = {}
    for _start, end, event in spans:
        endings.setdefault(min(end, len(text)), set()).add(event)
    out = []
    for start, end, covering in span_segments(len(text), spans):
        piece = text[start:end]
        if covering:
            events = " ".join(str(event) for event in covering)
            out.append(Markup('<mark class="span" id="span-%d" data-start="%d" data-end="%d" data-events="%s">'
                              '%s</mark>') % (start, start, end, events, piece))
        else:
            out.append(escape(piece))
        for event in sorted(endings.get(end, ())):
            out.append(Markup('<a class="span-link" href="%s"><span class="visually-hidden">'
                              'evidence for </span>event&nbsp;%d</a>') % (event_url(event), event))
    return Markup("").join(out)
