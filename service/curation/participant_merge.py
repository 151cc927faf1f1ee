"""Folding a duplicate actor into another: aliases, event links and the loader's reports move over.

The loader keeps what each document said (Mention.reported, with actor ids) and recomputes
participants from it, so those ids are rewritten too: otherwise re-deriving an event would
bring back the duplicate's id.
"""
from .. import change_feed, history
from ..db import is_postgres, lock_store_writes, retrying
from ..domain_errors import Invalid, NotFound
from ..models import Actor, ActorAlias, Event, EventActor, Mention, utcnow
from ..resolving import lookup


def _find(ref, field):
    actor = lookup.by_ref(ref)
    if actor is None:
        if field == "path":
            raise NotFound("participant", ref)
        raise Invalid(field, f"No such participant: {ref}.")
    return actor


def _rewrite_reports(event_ids, duplicate_id, target_id):
    for mention in Mention.select().where(Mention.event.in_(event_ids)):
        if mention.reported.names_actor(duplicate_id):
            mention.reported = mention.reported.with_actor_replaced(duplicate_id, target_id)
            mention.save()


def _lock_in_order(*found):
    """Row locks on both actors, lowest id first: two merges of one pair (A into B, B into A) then
    queue instead of deadlocking; the second finds the participant the first removed gone."""
    if is_postgres():
        ids = sorted(actor.id for actor in found)
        list(Actor.select(Actor.id).where(Actor.id.in_(ids)).order_by(Actor.id).for_update())


def merge_actors(target_ref, duplicate_ref, key_name):
    """Fold the duplicate into the target, in one transaction; returns (target, aliases, duplicate id,
    moved event ids)."""
    return retrying(lambda: _merge_actors(target_ref, duplicate_ref, key_name))


def _merge_actors(target_ref, duplicate_ref, key_name):
    lock_store_writes()  # after every other writer of actors
    target = _find(target_ref, "path")
    duplicate = _find(duplicate_ref, "duplicate")
    if target.id == duplicate.id:
        raise Invalid("duplicate", "A participant cannot be merged into itself.")
    _lock_in_order(target, duplicate)
    theirs = {link.event_id: link for link in EventActor.select().where(EventActor.actor == duplicate)}
    before = {event.id: change_feed.event_facets(event) for event in Event.select().where(Event.id.in_(list(theirs)))}
    ours = {link.event_id: link for link in EventActor.select().where(EventActor.actor == target)}
    for event_id, link in theirs.items():
        if event_id in ours:
            if link.title and not ours[event_id].title:
                ours[event_id].title = link.title
                ours[event_id].save()
            link.delete_instance()
        else:
            link.actor = target
            link.save()
    moved = sorted(theirs)
    _rewrite_reports(moved, duplicate.id, target.id)
    ActorAlias.update(actor=target).where(ActorAlias.actor == duplicate).execute()
    lookup.add_alias(target, duplicate.name)
    if duplicate.country and not target.country:
        target.country = duplicate.country
        target.save()
    duplicate_id, duplicate_slug = duplicate.id, duplicate.slug
    duplicate.delete_instance()
    if moved:
        Event.update(updated_at=utcnow()).where(Event.id.in_(moved)).execute()
    change_feed.record("participant", duplicate_id, "merged", via="editor", survivor=target.id)
    change_feed.record("participant", target.id, "updated", via="editor")
    for event in Event.select().where(Event.id.in_(moved)).order_by(Event.id):
        change_feed.record_event(event, "updated", before[event.id], "editor")
    for event_id in moved:
        history.record(event_id, key_name, "merge", {"participants": {
            "merged": {"id": duplicate_id, "slug": duplicate_slug}, "into": {"id": target.id, "slug": target.slug}}})
    aliases = [a.alias for a in ActorAlias.select().where(ActorAlias.actor == target).order_by(ActorAlias.alias)]
    return target, aliases, duplicate_id, moved
