"""The filter dict of /v1/events as conditions over Event.

Filters that follow a link (participant, country, topic, document) are correlated EXISTS tests,
so a page walks events in index order and stops at the page's end instead of first collecting
every event the filter matches.
"""
import datetime as dt
import re

from peewee import SQL, fn

from schemas.common import ID_MAX

from ..models import Actor, Document, Event, EventActor, EventTopic, Mention, Topic
from .search import matches

ID_PATTERN = re.compile(r"[0-9]{1,9}")


def _as_id(value):
    """The integer an id-or-name value stands for, or None when it can only be a name."""
    text = str(value)
    return int(text) if ID_PATTERN.fullmatch(text) and int(text) <= ID_MAX else None


def as_date(value):
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def actor_id(value):
    """The id of the actor named by id or slug, as a scalar subquery (NULL when there is none):
    compared with `=`, it lets a participant's links be read as one index range."""
    condition = Actor.slug == str(value).lower()
    if _as_id(value) is not None:
        condition = condition | (Actor.id == _as_id(value))
    return (
        Actor
        .select(fn.MIN(Actor.id))
        .where(condition)
    )


def actor_ref(value):
    """An id-or-slug participant value as the page statement takes it: an int is an id a caller
    has already looked up (/v1/participants/{id}/events), anything else a slug or id text that
    the statement itself resolves (actor_id), so a page named by slug is still one statement."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return str(value)


def actor_values(ref):
    """The parameters the statement carries for a participant reference, in their order."""
    if isinstance(ref, int):
        return (ref,)
    number = _as_id(ref)
    return (ref.lower(),) if number is None else (ref.lower(), number)


def actor_kind(ref):
    """What of a participant reference shapes the statement's SQL: an id, a slug, a slug or id."""
    return "id" if isinstance(ref, int) else "slug" if _as_id(ref) is None else "slug-or-id"


def actor_condition(ref):
    """The actor id ref names, for `EventActor.actor == ...`: the id, or its lookup as a subquery."""
    return ref if isinstance(ref, int) else actor_id(ref)


def _has_participant(value):
    return fn.EXISTS(
        EventActor
        .select(SQL("1"))
        .where(EventActor.event == Event.id)
        .where(EventActor.actor == actor_condition(value))
    )


def _linked(link, target, condition):
    """EXISTS a row linking this event (EventActor, EventTopic, Mention) to one that meets the condition;
    the same SQL the filters always sent (a correlated EXISTS: see the module's docstring)."""
    return fn.EXISTS(link.select(SQL("1")).join(target).where(link.event == Event.id).where(condition))


def _has_country(country):
    return _linked(EventActor, Actor, Actor.country == country.upper())


def _has_topic(slug):
    return _linked(EventTopic, Topic, Topic.slug == slug)


def _has_document(value):
    condition = Document.key == str(value)
    if _as_id(value) is not None:
        condition = condition | (Document.id == _as_id(value))
    return _linked(Mention, Document, condition)


def undated_mode(filters):
    """include | exclude | only; a date range excludes undated events unless asked otherwise."""
    if filters.get("undated"):
        return filters["undated"]
    has_range = filters.get("date_from") or filters.get("date_to")
    return "exclude" if has_range else "include"


def date_condition(filters):
    mode = undated_mode(filters)
    if mode == "only":
        return Event.date.is_null()
    dated = Event.date.is_null(False)
    if filters.get("date_from"):
        dated = dated & (Event.date >= as_date(filters["date_from"]))
    if filters.get("date_to"):
        dated = dated & (Event.date <= as_date(filters["date_to"]))
    return (dated | Event.date.is_null()) if mode == "include" else dated


def filter_by(query, filters, participants=None):
    """query (over Event) narrowed by every filter but the dates; participants (values, or ids as
    int) overrides the filter's list."""
    for value in filters.get("participant") or () if participants is None else participants:
        query = query.where(_has_participant(value))
    if filters.get("country"):
        query = query.where(_has_country(filters["country"]))
    if filters.get("channel"):
        query = query.where(Event.channel.in_(list(filters["channel"])))
    for slug in filters.get("topic") or ():
        query = query.where(_has_topic(slug))
    if filters.get("location"):
        query = query.where(fn.LOWER(Event.location_name) == filters["location"].lower())
    if filters.get("document"):
        query = query.where(_has_document(filters["document"]))
    if filters.get("q"):
        query = query.where(matches(filters["q"]))
    return query


def filter_shape(filters):
    """What filter_by adds to a query (participants aside), as a key whose queries all render to
    the same SQL text; None for the filters whose SQL varies with their value (document, q)."""
    if filters.get("document") or filters.get("q"):
        return None
    return (bool(filters.get("country")), len(filters.get("channel") or ()), len(filters.get("topic") or ()),
            bool(filters.get("location")))


def filter_values(filters):
    """The values filter_by passes as parameters (participants aside), as the query holds them."""
    return (
        filters["country"].upper() if filters.get("country") else None,
        filters["location"].lower() if filters.get("location") else None,
        *(filters.get("channel") or ()),
        *(filters.get("topic") or ()),
    )

