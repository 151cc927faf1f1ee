"""One channel registry serves the schemas, the store, the extractor and the exports."""
from schemas import channels
from schemas.common import CHANNELS
from service.exports.text import channel_label
from service.models import CHANNELS as MODEL_CHANNELS
from service.nlp.lexicon import lexicon


def test_every_layer_reads_the_same_closed_list():
    names = list(channels.REGISTRY)
    assert names == ["phone_call", "video_call", "meeting", "multilateral_meeting", "speech",
                     "press_conference", "statement", "correspondence"]
    assert list(CHANNELS) == names == list(MODEL_CHANNELS)
    assert MODEL_CHANNELS["meeting"] == channels.REGISTRY["meeting"].description


def test_the_extractor_matches_only_registered_channels_and_generic_talks():
    assert set(lexicon().channels.patterns) == set(channels.CHANNELS) | {"generic"}
    assert set(lexicon().channels.priority) == set(channels.CHANNELS) | {"generic"}


def test_properties_are_consistent():
    assert channels.CALLS == {"phone_call", "video_call"}
    assert not channels.CALLS & channels.PLACED
    assert channels.SPEAKER_ONLY == {"speech", "press_conference", "statement"}
    assert channels.PLACED == {"meeting", "multilateral_meeting", "speech", "press_conference"}


def test_exports_label_channels_from_the_registry():
    assert channel_label("press_conference") == "Press conference"
    assert channel_label("multilateral_meeting") == "Multilateral meeting"
    assert channel_label(None) == ""
