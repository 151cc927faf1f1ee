"""What the write side refuses, in its own words: no HTTP here, so the CLI and the API reuse it.

errors.py turns each into an application/problem+json answer, once.
"""


class DomainError(Exception):
    """A write refused for a reason the caller can act on."""


class NotFound(DomainError):
    """The thing a request names does not exist ("event", 12)."""

    def __init__(self, what, ref):
        super().__init__(f"There is no {what} {ref}.")
        self.what, self.ref = what, ref


class Invalid(DomainError):
    """One field of a request cannot be taken as it is (`location`: where the request carried it)."""

    def __init__(self, field, message, location="json"):
        super().__init__(f"{field}: {message}")
        self.field, self.message, self.location = field, message, location


class TooLarge(DomainError):
    """An article over the configured limit."""


class Conflict(DomainError):
    """The write was meant for another state of the store than the current one."""


class StaleVersion(Conflict):
    """The client's If-Match names a version of the event that is no longer the current one."""
