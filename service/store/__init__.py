"""Queries over the event store. Views, the CLI and exports read the store only through here.

Filters
    A filter dict, as /v1/events parses it (schemas.events.EventFilterSchema); every key optional:
    ``date_from``, ``date_to`` (datetime.date or "YYYY-MM-DD", inclusive), ``participant`` (list of
    actor ids or slugs: every one must take part), ``country`` (ISO alpha-2 of any participant),
    ``channel`` (list: any of), ``topic`` (list of slugs: every one), ``location`` (name,
    case-insensitive), ``document`` (id or key), ``q`` (full text: every word must appear),
    ``undated`` ("include" | "exclude" | "only"; default "include", or "exclude" when a date
    bound is given) and ``sort`` ("date" | "-date"; undated events come last either way).

Events
    ``filter_events(filters)``: the peewee query of matching Event rows, in sort order.
    ``events_page(filters, limit, cursor=None) -> (payloads, next_cursor)``: one keyset page;
        raises ``BadCursor`` for a cursor this listing did not issue.
    ``iter_event_payloads(filters, batch=500)``: every matching event as an API dict, in sort
        order, fetched page by page with keyset (memory stays flat), for exports.
    ``event_payloads(events) -> list[dict]``: Event rows or ids -> the API shape of
        GET /v1/events/{id} (what `timeline export --format ndjson` writes), in the given order,
        in a fixed number of queries (four from ids, three from rows) however many events.
    ``get_event(event_id) -> dict | None``.
    ``export_version(filters) -> (version, last_modified)``: the validators of an export.

Catalog
    ``participants_page``, ``get_actor``, ``participant_detail``, ``counterparts_page``,
    ``topics``, ``channels``, ``documents_page``, ``document_detail``; ``timeline(filters, interval)``.

The desk's pages (service/desk) also read
    ``channel_counts(filters, interval=None)`` (counts per bucket and channel, for the time axis),
    ``participant_titles(actor_id)`` and ``document_text(document_id)``.
"""
from .buckets import timeline
from .catalog import (
    channels,
    counterparts_page,
    document_detail,
    documents_page,
    get_actor,
    participant_detail,
    participants_page,
    topics,
)
from .desk import channel_counts, document_text, participant_titles
from .event_queries import events_page, export_version, filter_events, get_event, iter_event_payloads
from .keyset import BadCursor
from .payloads import event_payloads

__all__ = [
    "BadCursor",
    "channel_counts",
    "channels",
    "counterparts_page",
    "document_detail",
    "document_text",
    "documents_page",
    "event_payloads",
    "events_page",
    "export_version",
    "filter_events",
    "get_actor",
    "get_event",
    "iter_event_payloads",
    "participant_detail",
    "participant_titles",
    "participants_page",
    "timeline",
    "topics",
]
