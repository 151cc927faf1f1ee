"""An invented newsroom for the desk's page tests (factories), and the seeds through the loader."""
from pathlib import Path
from types import SimpleNamespace

import pytest

from service import auth
from service.loading import ingest
from service.loading.sources import collect
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]
CALL_TEXT = (
    "LISBOA, April 9. Foreign Minister Ines Varela of Portugal and Norwegian Foreign Minister Arne Lyngstad "
    "spoke by telephone on Tuesday about fishing quotas in the North Atlantic."
)
TALKS_TEXT = (
    "Arne Lyngstad met Chilean Foreign Minister Rocio Pardo in Oslo on June 3 to discuss fishing quotas. "
    "Lyngstad later wrote to Varela about the same quotas."
)


@pytest.fixture
def newsroom(db):
    varela = f.actor("Ines Varela", "PT", aliases=["Inês Varela"])
    lyngstad = f.actor("Arne Lyngstad", "NO", aliases=["Lyngstad"])
    pardo = f.actor("Rocio Pardo", "CL")
    quotas = f.topic("fisheries", "Fisheries")
    d1 = f.document("varela-call.txt", text=CALL_TEXT, published="2025-04-09", title="Varela and Lyngstad talk",
                    publisher="Tagus Daily", url="https://tagus.example/varela")
    d2 = f.document("lyngstad-oslo.txt", text=TALKS_TEXT, published="2025-06-04", title="Lyngstad in Oslo",
                    publisher="Fjord Wire", url="javascript:alert(1)")
    call = f.event(
        "Ines Varela and Arne Lyngstad speak by phone", date="2025-04-08", channel="phone_call",
        participants=[(varela, "Foreign Minister"), (lyngstad, "Foreign Minister")], topics=[quotas],
        sources=[(d1, "Foreign Minister Ines Varela of Portugal and Norwegian Foreign Minister Arne Lyngstad "
                      "spoke by telephone on Tuesday about fishing quotas in the North Atlantic.")],
        conflicts=[{"field": "date", "values": [{"value": "2025-04-08", "documents": ["varela-call.txt"]},
                                                {"value": "2025-04-09", "documents": ["lyngstad-oslo.txt"]}]}],
    )
    talks = f.event(
        "Arne Lyngstad meets Rocio Pardo", date="2025-06-03", channel="meeting",
        participants=[(lyngstad, "Foreign Minister"), (pardo, "Foreign Minister")], topics=[quotas],
        sources=[(d2, "Arne Lyngstad met Chilean Foreign Minister Rocio Pardo in Oslo on June 3 to discuss "
                      "fishing quotas.")],
        location=("Oslo", "NO"),
    )
    letter = f.event(
        "Arne Lyngstad writes to Ines Varela <b>again</b>", channel="correspondence",
        participants=[lyngstad, varela],
        sources=[(d2, "Lyngstad later wrote to Varela about the same quotas.")],
    )
    return SimpleNamespace(**locals())


@pytest.fixture
def seeds(db):
    """The seed articles, loaded by the real loader (spaCy and all)."""
    sources = list(collect([str(ROOT / "seeds")], 1024 * 1024))
    results = list(ingest.ingest_articles(s.article for s in sources if s.article))
    assert results and all(r.status != "failed" for r in results), results
    return results


@pytest.fixture
def key(db):
    """A valid API key's secret."""
    return auth.create_key("desk-editor")


@pytest.fixture
def headers(key):
    return {"Authorization": f"Bearer {key}"}
