import pytest

from service.nlp.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline, loaded once for the whole test session."""
    return load_nlp()


@pytest.fixture(scope="session")
def extract(nlp):
    """Run the extractor on one invented article and return its ArticleExtraction."""
    from service.nlp.extract import extract_articles
    from service.nlp.types import ArticleInput

    def run(text, published=None):
        return next(extract_articles([ArticleInput(key="t.txt", text=text, published=published)]))

    return run


def brief(event, text):
    """An event as a plain tuple, after checking its evidence offsets point into the text."""
    for ev in event.evidence:
        assert text[ev.start:ev.end] == ev.sentence
    return {
        "channel": event.channel,
        "people": [(p.name, p.country) for p in event.participants],
        "date": event.date.isoformat() if event.date else None,
        "precision": event.date_precision,
        "basis": event.date_basis,
        "location": (event.location_name, event.location_country) if event.location_name else None,
    }
