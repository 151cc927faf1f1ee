"""Per-key write rate limits counted in the database, so every gunicorn worker (and every
machine on one PostgreSQL) shares one budget per key.

Counts are kept per fixed window of WRITE_RATE_WINDOW seconds; the previous window's count
weighs in for the part of it still inside the sliding window, which gives a sliding-window
estimate without storing a row per write (and no double burst at window edges).
"""
import math
import time

from .db import write_transaction
from .models import WriteQuota


class Limited(Exception):
    def __init__(self, wait):
        super().__init__(wait)
        self.wait = wait


def _wait(previous, current, limit, window, elapsed):
    """Seconds until one more write fits under the limit."""
    if current + 1 > limit or previous == 0:
        return max(1, math.ceil(window - elapsed))
    # previous * (1 - t / window) + current + 1 <= limit, solved for t
    t = window * (1 - (limit - current - 1) / previous)
    return max(1, math.ceil(t - elapsed))


def count_write(key_hash, limit, window, now=None):
    """Count one write for this key; returns 0 when it is allowed, else the seconds to wait.

    The increment and the check run in one transaction that holds the write lock, so two
    workers cannot both take the last slot; a refused write is not counted.
    """
    now = time.time() if now is None else now
    current_window = int(now // window)
    elapsed = now - current_window * window
    try:
        with write_transaction(events=False):
            (WriteQuota.insert(key_hash=key_hash, window=current_window, count=1)
             .on_conflict(conflict_target=[WriteQuota.key_hash, WriteQuota.window],
                          update={WriteQuota.count: WriteQuota.count + 1})
             .execute())
            counts = dict(
                WriteQuota.select(WriteQuota.window, WriteQuota.count)
                .where(WriteQuota.key_hash == key_hash)
                .where(WriteQuota.window.in_([current_window - 1, current_window]))
                .tuples()
            )
            previous, current = counts.get(current_window - 1, 0), counts[current_window]
            if previous * (1 - elapsed / window) + current > limit:
                raise Limited(_wait(previous, current - 1, limit, window, elapsed))
            (WriteQuota.delete()
             .where(WriteQuota.key_hash == key_hash)
             .where(WriteQuota.window < current_window - 1)
             .execute())
    except Limited as refused:  # the transaction rolled back: the refused write is not counted
        return refused.wait
    return 0


