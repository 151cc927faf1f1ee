"""A small world of events built with the factories, shared by the API tests."""
from types import SimpleNamespace

import pytest

from tests import factories as f

D1_TEXT = (
    "MOSCOW, Aug 26. Chinese President Xu Jinhai and Russian President Vladislav Petrin "
    "spoke by phone on Wednesday about Afghanistan."
)
D2_TEXT = (
    "Xu and Petrin discussed Afghanistan in a call on August 25. "
    "Sergey Larin met Wei Lan in Beijing on October 5 to talk about trade after COVID-19."
)
D3_TEXT = 'Petrin sent Xu a message of congratulations, the "warmest" he wrote.'


@pytest.fixture
def world(db):
    xi = f.actor("Xu Jinhai", "CN", aliases=["Xu"])
    putin = f.actor("Vladislav Petrin", "RU", aliases=["Vladislav Olegovich Petrin"])
    lavrov = f.actor("Sergei Larin", "RU", aliases=["Sergey Larin"])
    wang = f.actor("Wei Lan", "CN")
    blinken = f.actor("Antony Blinken", "US")
    afghanistan = f.topic("afghanistan", "Afghanistan", "medtop:20000621")
    trade = f.topic("trade", "Trade")
    covid = f.topic("covid-19", "COVID-19")
    d1 = f.document("000_a.txt", text=D1_TEXT, published="2021-08-26", title="Xu and Petrin talk")
    d2 = f.document("001_b.txt", text=D2_TEXT, published="2021-08-27", title="Diplomacy roundup")
    d3 = f.document("002_c.txt", text=D3_TEXT, title=None, publisher=None, url=None)
    call = f.event(
        "Xu Jinhai and Vladislav Petrin speak by phone",
        date="2021-08-25",
        channel="phone_call",
        participants=[(xi, "President"), (putin, "President")],
        topics=[afghanistan],
        sources=[
            (d1, "Chinese President Xu Jinhai and Russian President Vladislav Petrin spoke by phone on Wednesday "
                 "about Afghanistan."),
            (d2, "Xu and Petrin discussed Afghanistan in a call on August 25."),
        ],
        summary="The two presidents discussed Afghanistan.",
        conflicts=[{"field": "date", "values": [{"value": "2021-08-25", "documents": ["000_a.txt"]},
                                                    {"value": "2021-08-24", "documents": ["001_b.txt"]}]}],
    )
    meeting = f.event(
        "Sergei Larin meets Wei Lan",
        date="2022-10-05",
        channel="meeting",
        participants=[(lavrov, "Foreign Minister"), wang],
        topics=[trade, covid],
        sources=[(d2, "Sergey Larin met Wei Lan in Beijing on October 5 to talk about trade after COVID-19.")],
        location=("Beijing", "CN"),
    )
    statement = f.event("Antony Blinken statement", date="2021-08-25", channel="statement", participants=[blinken])
    letter = f.event(
        "Petrin writes to Xu",
        channel="correspondence",
        participants=[putin, xi],
        sources=[(d3, 'Petrin sent Xu a message of congratulations, the "warmest" he wrote.')],
    )
    speech = f.event("Sergei Larin speech", channel="speech", participants=[lavrov])
    return SimpleNamespace(**locals())
