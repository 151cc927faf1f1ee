"""The people of one article and their mentions (plain dataclasses)."""
from dataclasses import dataclass, field

from .lexicon import lexicon
from .offices import is_counterpart, office


@dataclass
class Person:
    pid: int
    name: str
    tokens: tuple[str, ...]
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    counterpart_of: "Person | None" = None  # "X met his Ruritanian counterpart Y": Y's is X

    @property
    def office(self) -> str | None:
        """The first office the article gives, without the country ("Foreign Minister")."""
        return next((o for t in self.titles if not is_counterpart(t) and (o := office(t))), None)

    @property
    def title(self) -> str | None:
        """The office held; a counterpart holds the office of whom they are the counterpart of."""
        if self.office:
            return self.office
        other = self.counterpart_of
        return other.office if other is not None and other is not self else None

    @property
    def spokesperson(self) -> bool:
        return any(s in t.lower() for t in self.titles for s in lexicon().titles.spokesperson)


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
