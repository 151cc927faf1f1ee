"""The test factories write actors as the loader does: the same lookup keys and slugs, so a test
built on factories finds people the way the service finds them."""
from service.models import Actor, ActorAlias
from service.nlp.types import Participant
from service.resolving import lookup
from tests import factories

# invented spellings: accents, hyphens, an honorific, stray punctuation and spaces
SPELLINGS = ["Dr. Inés Maró-Velk", "  Tomasz  O'Bryne ", "Mr Ade Okonkwo-Lind"]


def _stored():
    return sorted((a.norm, a.actor.slug) for a in ActorAlias.select(ActorAlias, Actor).join(Actor))


def test_factories_and_the_loader_normalise_names_the_same_way(db):
    for spelling in SPELLINGS:
        factories.actor(spelling)
    built = _stored()
    ActorAlias.delete().execute()
    Actor.delete().execute()
    for spelling in SPELLINGS:
        lookup.resolve(Participant(spelling, None, None))
    assert _stored() == built
    assert built == [("ade okonkwo lind", "ade-okonkwo-lind"), ("ines maro velk", "ines-maro-velk"),
                     ("tomasz o bryne", "tomasz-o-bryne")]
