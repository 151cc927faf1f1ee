"""Rebuilding SQLite tables in place (schema 3: AUTOINCREMENT ids), inside the caller's transaction.

SQLite cannot add AUTOINCREMENT to a table: it is rebuilt, as https://sqlite.org/lang_altertable.html
("making other kinds of table schema changes") describes. The caller has switched foreign keys off
before its transaction (with them on, dropping the old table would first delete its rows and so
cascade into every table that references it); with legacy_alter_table on, renaming the old table
away leaves the references of other tables naming the table, which the new one then is. Foreign
keys are checked before the caller commits.
"""
from .db import database


def _has_autoincrement(table):
    sql = database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    return sql is not None and "AUTOINCREMENT" in sql[0].upper()


def _drop_indexes_and_triggers(table):
    rows = database.execute_sql(
        "SELECT type, name FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        (table,)).fetchall()
    for kind, name in rows:
        database.execute_sql(f'DROP {kind.upper()} "{name}"')


def rebuild_with_autoincrement(models, after=()):
    """Rebuild each model's table (unless it has AUTOINCREMENT already) keeping every row and id;
    then run the statements of `after` (triggers the rebuild dropped)."""
    todo = [m for m in models if not _has_autoincrement(m._meta.table_name)]
    if not todo:
        return
    if database.execute_sql("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("foreign keys must be off (before the transaction) to rebuild tables")
    database.execute_sql("PRAGMA legacy_alter_table = ON")
    try:
        for model in todo:
            table = model._meta.table_name
            old = f"_{table}_before_v3"
            database.execute_sql(f'ALTER TABLE "{table}" RENAME TO "{old}"')
            _drop_indexes_and_triggers(old)
            model.create_table(safe=False)  # the new DDL (StableIdField) and the model's indexes
            columns = ", ".join(f'"{f.column_name}"' for f in model._meta.sorted_fields)
            database.execute_sql(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "{old}"')
            database.execute_sql(f'DROP TABLE "{old}"')
    finally:
        database.execute_sql("PRAGMA legacy_alter_table = OFF")
    for sql in after:
        database.execute_sql(sql)
    problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise RuntimeError(f"rebuilding {[m.__name__ for m in todo]} broke foreign keys: {problems[:3]}")
