"""The channel registry (schemas/channels.json), read once: the closed list every layer uses."""
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Channel:
    name: str
    label: str
    description: str
    placed: bool  # the event happens somewhere: it can have a location
    call: bool  # the parties are apart: a call has no location
    speaker_only: bool  # the speaker takes part, the audience does not


def _load() -> dict[str, Channel]:
    raw = json.loads((Path(__file__).parent / "channels.json").read_text(encoding="utf-8"))
    return {c["name"]: Channel(**c) for c in raw["channels"]}


REGISTRY: dict[str, Channel] = _load()
CHANNELS: tuple[str, ...] = tuple(REGISTRY)
PLACED: frozenset[str] = frozenset(c.name for c in REGISTRY.values() if c.placed)
CALLS: frozenset[str] = frozenset(c.name for c in REGISTRY.values() if c.call)
SPEAKER_ONLY: frozenset[str] = frozenset(c.name for c in REGISTRY.values() if c.speaker_only)


def label(name: str | None) -> str:
    """The human label of a channel ("Phone call"); an unknown name is shown as it is."""
    channel = REGISTRY.get(name or "")
    return channel.label if channel else (name or "").replace("_", " ").capitalize()
