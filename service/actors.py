"""Actor resolution: every spelling of one person becomes one Actor with aliases.

"Dmitri Kovalenko" and "Dmitry Kovalenko" are one actor (tokens of four or more letters may
differ by one edit); "Li Na" and "Li Ne" never merge (short tokens must be equal); a two-token
name inside a longer one ("Omar Haddad" in "Karim Omar Haddad") is the same person unless
their countries differ; one name given with two different countries is two actors.
"""
import re
import unicodedata

from . import changes
from .models import Actor, ActorAlias

HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "he", "h e"}


def norm(name):
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w]+", " ", text).strip()
    return " ".join(t for t in text.split() if t not in HONORIFICS)


def slugify(name):
    return norm(name).replace(" ", "-")[:200] or "actor"


def _edit_distance_at_most_one(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def token_equal(a, b):
    return a == b or (min(len(a), len(b)) >= 4 and _edit_distance_at_most_one(a, b))


def same_person(a, b):
    """Two normalised names that denote the same person."""
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return False
    if len(ta) == len(tb):
        return all(token_equal(x, y) for x, y in zip(sorted(ta), sorted(tb), strict=True)) or all(
            token_equal(x, y) for x, y in zip(ta, tb, strict=True)
        )
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) < 2:
        return False
    it = iter(long_)
    return all(any(token_equal(s, t) for t in it) for s in short)


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


def find_actor(name, country=None):
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
    actor = find_actor(participant.name, participant.country)
    if actor is None:
        actor = Actor.create(
            name=participant.name.strip(),
            slug=_unique_slug(participant.name),
            kind=participant.kind or "person",
            country=participant.country,
        )
        changes.record("participant", actor.id, "created", via="extraction")
    elif participant.country and not actor.country:
        actor.country = participant.country
        actor.save()
        changes.record("participant", actor.id, "updated", via="extraction")
    # full spellings only: a bare surname ("Li") would be ambiguous across actors
    for spelling in [participant.name, *participant.aliases]:
        if len(norm(spelling).split()) >= 2 or spelling == participant.name:
            add_alias(actor, spelling)
    return actor
