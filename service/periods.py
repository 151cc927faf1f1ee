"""Calendar periods: a day, a week (Monday first), a month, a year. An event's date is known to one
of day, month or year (its precision; the date is then the period's first day); a timeline or an
axis groups events by any of the four. Every computation over them is here."""
import datetime as dt

from schemas.common import DATE_PRECISIONS as PRECISIONS  # day, month, year: finest first


def start(day, period):
    """The first day of the period holding `day`."""
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    return day


def after(day, period):
    """The first day of the period after the one holding `day`."""
    if period == "week":
        return start(day, period) + dt.timedelta(days=7)
    if period == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    if period == "year":
        return dt.date(day.year + 1, 1, 1)
    return day + dt.timedelta(days=1)


def rank(precision):
    """Finer first: day 0, month 1, year 2, anything else (no precision) after them."""
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


def same_period(a, a_precision, b, b_precision):
    """Equal at the coarser of two precisions ("2021-08" holds "2021-08-25"); no precision is a day."""
    coarser = max(a_precision if a_precision in PRECISIONS else "day",
                  b_precision if b_precision in PRECISIONS else "day", key=rank)
    return start(a, coarser) == start(b, coarser)
