"""The text `q` searches (Event.search_text): built here, read by store.search."""
from ..models import Mention


def index(event):
    """Set the event's search text: title, summary and every evidence sentence (not saved here)."""
    evidence = [m.sentence for m in Mention.select(Mention.sentence).where(Mention.event == event)]
    event.search_text = "\n".join([event.title or "", event.summary or "", *evidence])
