"""One channel registry serves the schemas, the store, the extractor and the exports."""
import json
from pathlib import Path

from schemas import channels
from schemas.common import CHANNELS
from service.exports.text import channel_label
from service.models import CHANNELS as MODEL_CHANNELS

NLP_CHANNELS = Path(__file__).parents[1] / "service" / "nlp" / "data" / "channels.json"


def test_every_layer_reads_the_same_closed_list():
    names = list(channels.REGISTRY)
    assert names == ["phone_call", "video_call", "meeting", "multilateral_meeting", "speech",
                     "press_conference", "statement", "correspondence"]
    assert list(CHANNELS) == names == list(MODEL_CHANNELS)
    assert MODEL_CHANNELS["meeting"] == channels.REGISTRY["meeting"].description


def test_the_extractor_matches_only_registered_channels_and_generic_talks():
    patterns = json.loads(NLP_CHANNELS.read_text(encoding="utf-8"))["patterns"]
    assert set(patterns) == set(channels.CHANNELS) | {"generic"}


def test_properties_are_consistent():
    assert channels.CALLS == {"phone_call", "video_call"}
    assert not channels.CALLS & channels.PLACED
    assert channels.SPEAKER_ONLY == {"speech", "press_conference", "statement"}
    assert channels.PLACED == {"meeting", "multilateral_meeting", "speech", "press_conference"}


def test_exports_label_channels_from_the_registry():
    assert channel_label("press_conference") == "Press conference"
    assert channel_label("multilateral_meeting") == "Multilateral meeting"
    assert channel_label(None) == ""
