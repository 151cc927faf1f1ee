"""What one document reports about an event: the typed value of Mention.reported.

The loader keeps each document's own account (date, channel, place, people, topics, title,
summary, confidence) beside its evidence, so an event can always be recomputed from its
reports (reconciling.refresh) and conflicts between sources shown. Built here, from an
extraction or from an editor's event, and read everywhere as a Report, never as JSON.
"""
import dataclasses
import datetime as dt
import json

from peewee import TextField


@dataclasses.dataclass
class Report:
    channel: str | None = None
    date: dt.date | None = None
    date_precision: str | None = None
    date_basis: str = "unknown"
    location_name: str | None = None
    location_country: str | None = None
    # (actor id, the title the actor held in this report), in the report's order
    participants: list[tuple[int, str | None]] = dataclasses.field(default_factory=list)
    topics: list[str] = dataclasses.field(default_factory=list)  # slugs, most relevant first
    title: str | None = None
    summary: str | None = None
    confidence: float = 0.5

    @classmethod
    def from_extraction(cls, extracted, participants):
        """An extracted event (nlp.types) with its participants resolved to actor ids."""
        dated = extracted.date is not None
        return cls(
            channel=extracted.channel,
            date=extracted.date,
            date_precision=extracted.date_precision if dated else None,
            date_basis=extracted.date_basis if dated else "unknown",
            location_name=extracted.location_name,
            location_country=extracted.location_country,
            participants=list(participants),
            topics=list(extracted.topics),
            title=extracted.title,
            summary=extracted.summary,
            confidence=extracted.confidence,
        )

    @classmethod
    def from_event(cls, event, participants, topics):
        """What an editor says of an event they added by hand."""
        return cls(
            channel=event.channel,
            date=event.date,
            date_precision=event.date_precision,
            date_basis=event.date_basis,
            location_name=event.location_name,
            location_country=event.location_country,
            participants=list(participants),
            topics=list(topics),
            title=event.title,
            summary=event.summary,
            confidence=event.confidence,
        )

    def with_actor_replaced(self, old_id, new_id):
        """The same report with one actor folded into another (each actor listed once)."""
        kept, seen = [], set()
        for actor_id, title in self.participants:
            actor_id = new_id if actor_id == old_id else actor_id
            if actor_id not in seen:
                seen.add(actor_id)
                kept.append((actor_id, title))
        return dataclasses.replace(self, participants=kept)

    def names_actor(self, actor_id):
        return any(row[0] == actor_id for row in self.participants)

    def to_json(self):
        data = dataclasses.asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["participants"] = [list(row) for row in self.participants]
        return json.dumps(data)

    @classmethod
    def from_json(cls, raw):
        data = json.loads(raw or "{}")
        known = {f.name for f in dataclasses.fields(cls)}
        data = {name: value for name, value in data.items() if name in known}
        if data.get("date"):
            data["date"] = dt.date.fromisoformat(data["date"])
        data["participants"] = [tuple(row) for row in data.get("participants") or []]
        return cls(**data)


class ReportField(TextField):
    """A Report stored as JSON text (the column is the TextField it always was)."""

    def db_value(self, value):
        return None if value is None else value.to_json()

    def python_value(self, value):
        return None if value is None else Report.from_json(value)
