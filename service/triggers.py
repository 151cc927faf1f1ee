"""Creating and dropping the triggers that keep the database's own copies (link_dates, payload_lists)."""
from .db import database, is_postgres


def install(sqlite_triggers, postgres_functions, postgres_triggers):
    """Create the engine's triggers, {name: body after the name}, and PostgreSQL's functions (idempotent)."""
    if is_postgres():
        for sql in postgres_functions:
            database.execute_sql(sql)
        for name, body in postgres_triggers.items():
            database.execute_sql(f"CREATE OR REPLACE TRIGGER {name} {body}")
    else:
        for name, body in sqlite_triggers.items():
            database.execute_sql(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")


def drop(sqlite_triggers, postgres_triggers, table_of):
    """Drop the engine's triggers; table_of(name) is the table a PostgreSQL trigger is on."""
    for name in postgres_triggers if is_postgres() else sqlite_triggers:
        database.execute_sql(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table_of(name)}" if is_postgres() else ""))
