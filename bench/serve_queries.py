"""What bench_serve.py asks: the SQL Datasette runs, and the participants, range and cursor it uses."""
import sqlite3

from service.store import keyset

# The page of /v1/events?participant=X&from=&to=&limit=50, nested as the API nests it, in SQL
NESTED_SQL = """
with page as (
  select e.* from event e join event_actor ea on ea.event_id = e.id
  where ea.actor_id = :actor and e.date between :from and :to
  order by e.date, e.id limit 50
)
select json_object(
  'id', p.id, 'title', p.title, 'summary', p.summary, 'date', p.date, 'date_precision', p.date_precision,
  'date_basis', p.date_basis, 'channel', p.channel,
  'location', case when p.location_name is null then null
              else json_object('name', p.location_name, 'country', p.location_country) end,
  'confidence', p.confidence,
  'participants', (select json_group_array(json_object('id', a.id, 'slug', a.slug, 'name', a.name,
                                                       'country', a.country, 'title', x.title))
                   from (select * from event_actor where event_id = p.id order by position, id) x
                   join actor a on a.id = x.actor_id),
  'topics', (select json_group_array(json_object('slug', t.slug, 'label', t.label))
             from (select topic.* from event_topic join topic on topic.id = event_topic.topic_id
                   where event_topic.event_id = p.id order by topic.slug) t),
  'sources', (select json_group_array(json_object(
                'document', d.key, 'document_id', d.id, 'title', d.title, 'publisher', d.publisher, 'url', d.url,
                'published', d.published,
                'evidence', (select json_group_array(json_object('sentence', m.sentence, 'start', m.start,
                                                                 'end', m."end", 'date_text', m.date_text))
                             from (select * from mention where event_id = p.id and document_id = d.id
                                   order by start, id) m)))
              from (select document.* from document where id in
                      (select document_id from mention where event_id = p.id)
                    order by published, id) d),
  'conflicts', json(p.conflicts), 'created_at', p.created_at, 'updated_at', p.updated_at
) as event
from page p order by p.date, p.id
"""

# The same page as flat rows of the event table
FLAT_SQL = """
select e.* from event e join event_actor ea on ea.event_id = e.id
where ea.actor_id = :actor and e.date between :from and :to
order by e.date, e.id limit 50
"""

QUIET_AT_1M = 1064  # the participant: 1,064 events in a store of a million
DATE_FROM, DATE_TO = "2004-01-01", "2021-12-31"


def pick_targets(path):
    """Participants, range and deep cursor for the store at path (same ids on both engines)."""
    db = sqlite3.connect(path)
    events = db.execute("select count(*) from event").fetchone()[0]
    counts = db.execute("select actor_id, count(*) from event_actor group by actor_id order by 2 desc").fetchall()
    busy_id, busy_count = counts[0]
    wanted = QUIET_AT_1M * events / 1_000_000
    quiet_id, quiet_count = min(counts, key=lambda row: abs(row[1] - max(wanted, 120)))
    slug = dict(db.execute("select id, slug from actor"))
    dated = db.execute("select count(*) from event where date is not null").fetchone()[0]
    deep_page = min(10_000, dated // 50 - 1)
    offset = (deep_page - 1) * 50
    date, last_id = db.execute("select date, id from event where date is not null order by date, id limit 1 offset ?",
                               (offset - 1,)).fetchone()
    db.close()
    return {
        "path": path, "events": events, "busy_id": busy_id, "busy_slug": slug[busy_id], "busy_count": busy_count,
        "quiet_id": quiet_id, "quiet_slug": slug[quiet_id], "quiet_count": quiet_count,
        "from": DATE_FROM, "to": DATE_TO, "deep_page": deep_page, "deep_offset": offset,
        "deep_cursor": keyset.encode("eventsdate", date, last_id),
    }
