"""The people of one article and their mentions (plain dataclasses)."""
from dataclasses import dataclass, field

from .vocab import vocab


@dataclass
class Person:
    pid: int
    name: str
    tokens: tuple[str, ...]
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def title(self) -> str | None:
        """The first office the article gives ("his Russian counterpart" only when it gives none)."""
        offices = [t for t in self.titles if "counterpart" not in t.lower()]
        return (offices or self.titles or [None])[0]

    @property
    def spokesperson(self) -> bool:
        return any(s in t.lower() for t in self.titles for s in vocab()["spokes"])


@dataclass
class Mention:
    start: int  # token span
    end: int
    pid: int
    kind: str  # full | short | title


@dataclass
class People:
    persons: list[Person]
    mentions: list[Mention]
    by_token: dict[int, int]  # token index -> pid

    def pid_at(self, i: int) -> int | None:
        return self.by_token.get(i)
