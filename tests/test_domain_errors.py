"""The write side refuses in its own words, outside any request (the CLI can reuse it);
over HTTP each refusal is the problem+json the API always answered (tests/integration)."""
import pytest

from service.curation import event_edits, participant_merge
from service.domain_errors import Invalid, NotFound
from tests import factories


def test_a_correction_of_a_missing_event_is_not_found(db):
    with pytest.raises(NotFound) as caught:
        event_edits.update_event(404, {"title": "Nothing"}, "desk")
    assert (caught.value.what, caught.value.ref, str(caught.value)) == ("event", 404, "There is no event 404.")


def test_a_participant_merged_into_itself_is_invalid(db):
    quintel = factories.actor("Mara Quintel")
    with pytest.raises(Invalid) as caught:
        participant_merge.merge_actors(quintel.id, quintel.slug, "desk")
    assert (caught.value.field, caught.value.message) == ("duplicate", "A participant cannot be merged into itself.")
