"""Finding and making Actor rows: the loader's `resolve` (a name, perhaps with a country), the
editors' `by_ref` (an id or a slug), `add_alias` for a new spelling.

Names are compared by `spellings.same_person`, except across countries: a name known with another
country is another person, and one name given with two different countries is two actors.
"""
from .. import change_feed
from ..models import Actor, ActorAlias
from .spellings import norm, same_person, slugify


def by_ref(ref):
    """An actor by id, or by slug (slugs are lower case; a client's capitals do not matter)."""
    query = Actor.select().where((Actor.id == ref) if isinstance(ref, int) else (Actor.slug == ref.lower()))
    return query.first()


def _candidates(key):
    """Aliases that could be a variant of key: same last-token initial and a shared token start."""
    tokens = key.split()
    clauses = None
    for token in tokens:
        if len(token) < 2:
            continue
        clause = ActorAlias.norm.contains(token[:2])
        clauses = clause if clauses is None else clauses | clause
    if clauses is None:
        return []
    return list(
        ActorAlias.select(ActorAlias, Actor)
        .join(Actor)
        .where(clauses)
        .limit(500)
    )


def _namesake(key, country):
    """Another actor of this name with this country: "Jane Roe" of Chile beside "Jane Roe" of Peru
    (a spelling belongs to one actor's aliases, so the second keeps the name and its slug)."""
    base = slugify(key)
    query = Actor.select().where((Actor.slug == base) | Actor.slug.startswith(base + "-")) \
        .where(Actor.country == country)
    return next((actor for actor in query if norm(actor.name) == key), None)


def by_name(name, country=None):
    """The actor a name denotes; a name known with another country is another person."""
    key = norm(name)
    alias = ActorAlias.select(ActorAlias, Actor).join(Actor).where(ActorAlias.norm == key).first()
    if alias:
        actor = alias.actor
        if country and actor.country and actor.country != country:
            return _namesake(key, country)
        return actor
    if len(key.split()) < 2:
        return None
    for alias in _candidates(key):
        actor = alias.actor
        if country and actor.country and actor.country != country:
            continue
        if same_person(key, alias.norm):
            return actor
    return None


def _unique_slug(name):
    base = slugify(name)
    slug, n = base, 1
    while Actor.select().where(Actor.slug == slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def add_alias(actor, spelling):
    key = norm(spelling)
    if not key or ActorAlias.select().where(ActorAlias.norm == key).exists():
        return False
    ActorAlias.create(actor=actor, alias=spelling.strip(), norm=key)
    return True


def resolve(participant):
    """The Actor for an extracted Participant, created on first sight; new spellings become aliases."""
    actor = by_name(participant.name, participant.country)
    if actor is None:
        actor = Actor.create(
            name=participant.name.strip(),
            slug=_unique_slug(participant.name),
            kind=participant.kind or "person",
            country=participant.country,
        )
        change_feed.record("participant", actor.id, "created", via="extraction")
    elif participant.country and not actor.country:
        actor.country = participant.country
        actor.save()
        change_feed.record("participant", actor.id, "updated", via="extraction")
    # full spellings only: a bare surname ("Li") would be ambiguous across actors
    for spelling in [participant.name, *participant.aliases]:
        if len(norm(spelling).split()) >= 2 or spelling == participant.name:
            add_alias(actor, spelling)
    return actor
