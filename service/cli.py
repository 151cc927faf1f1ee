"""The `timeline` command: serve, load, export, migrate, openapi (and keys)."""
import sys
import time

import click
import peewee

from . import config as config_module
from . import db as db_module

FORMATS = ("ndjson", "csv", "ics", "timelinejs", "atom")


def _fail(message):
    click.echo(f"timeline: {message}", err=True)
    sys.exit(1)


def open_store(settings=None):
    """The app as every server process builds it (create_app: DATABASE_URL bound, the schema
    brought up to date), and a connection for the command. Returns the app's config."""
    from . import create_app

    settings = settings or config_module.load()
    try:
        app = create_app(settings)
        db_module.database.connect(reuse_if_open=True)
    except Exception as exc:  # a bad URL or an unreachable server: one line, no traceback
        _fail(f"cannot open the database {db_module.redacted(settings['DATABASE_URL'])!r}: {exc}".splitlines()[0])
    return app.config


def _first_line(exc):
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class _Commands(click.Group):
    """Errors of the store met mid-command (a damaged SQLite file, a lost connection) and files
    that cannot be written end the command with one line, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except peewee.DatabaseError as exc:
            _fail(f"database error: {_first_line(exc)}")
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            _fail(f"cannot write{where}: {exc.strerror or _first_line(exc)}")


def _open_output(output):
    """click.open_file for writing, with a one-line error for a folder that is not there."""
    try:
        return click.open_file(output, "w", encoding="utf-8", atomic=output != "-")
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror or _first_line(exc)}")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="event-timeline", prog_name="timeline")
def main():
    """Event Timeline: extract diplomatic events from news articles and serve them over /v1.

    Every command uses DATABASE_URL when it is set (default: sqlite:///timeline.db).
    """


@main.command()
def migrate():
    """Create the store, or upgrade an older one in place."""
    from .migrate import current_version

    open_store()
    click.echo(f"schema version {current_version()}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 256),
              help="Articles per nlp.pipe batch.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-article lines.")
def load(paths, batch_size, quiet):
    """Extract events from articles and store them.

    PATHS are .txt or .json files, folders of them, or - for standard input. A JSON article is an
    object with `text` and optional `key`, `title`, `url`, `publisher`, `published` (or a list of them).
    Loading the same text again changes nothing. Exits non-zero when any article failed.
    """
    settings = open_store()
    summary = run_load(paths, settings, batch_size=batch_size, quiet=quiet)
    if summary["failed"]:
        sys.exit(1)


def run_load(paths, settings, *, batch_size=16, quiet=False):
    from .loading.ingest import ingest_articles
    from .loading.sources import collect

    started = time.monotonic()
    counts = {"articles": 0, "created": 0, "replaced": 0, "unchanged": 0, "failed": 0,
              "events_created": 0, "events_merged": 0}
    sources = list(collect(paths, settings["MAX_ARTICLE_BYTES"]))
    good = [s for s in sources if s.article]
    for source in sources:
        if source.error:
            counts["failed"] += 1
            click.echo(f"skipped {source.name}: {source.error}", err=True)
    show_bar = not quiet and sys.stderr.isatty()
    with click.progressbar(length=len(good), label="loading", file=sys.stderr) if show_bar else _NoBar() as bar:
        results = ingest_articles((s.article for s in good), batch_size=batch_size)
        for source, result in zip(good, results, strict=True):
            counts["articles"] += 1
            counts[result.status] += 1
            counts["events_created"] += len(result.events_created)
            counts["events_merged"] += len(result.events_merged)
            if result.status == "failed":
                click.echo(f"\nfailed {source.name}: {result.error}", err=True)
            bar.update(1)
    elapsed = time.monotonic() - started
    click.echo(
        f"{counts['articles']} articles: {counts['created']} new, {counts['replaced']} replaced, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed; events: "
        f"{counts['events_created']} created, {counts['events_merged']} merged ({elapsed:.1f}s)",
        err=True,
    )
    return counts


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        pass


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="ndjson", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write (default: standard output).")
def export(fmt, output):
    """Write every event, in the shape of GET /v1/events/{id} (ndjson) or another format."""
    open_store()
    stream = _open_output(output)
    with stream:
        if fmt == "ndjson":
            import json

            from .store import iter_event_payloads

            for payload in iter_event_payloads({}):
                stream.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
        else:
            from .exports import write_export

            write_export(fmt, {}, stream)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64), help="Threads per worker.")
@click.option("--load", "load_paths", multiple=True, metavar="PATH",
              help="Load these articles (idempotent) before serving; repeatable.")
@click.option("--seed", "seed_paths", multiple=True, metavar="PATH",
              help="Load these articles only if the store holds no document yet (a first start); repeatable.")
def serve(host, port, workers, threads, load_paths, seed_paths):
    """Run the API with gunicorn (threaded workers with read timeouts: service/gunicorn_conf.py).

    The store is migrated once, here, before any worker starts.
    """
    from .models import Document

    settings = open_store()
    if seed_paths and not Document.select().exists():
        load_paths = (*seed_paths, *load_paths)
    if load_paths:
        summary = run_load(load_paths, settings, quiet=True)
        if summary["failed"]:
            click.echo("timeline: some articles failed to load; serving the rest", err=True)
    db_module.close_all()  # the workers fork from here: they inherit no connection
    from gunicorn.app.wsgiapp import WSGIApplication

    sys.argv = ["gunicorn", "--config", "python:service.gunicorn_conf", "--bind", f"{host}:{port}",
                "--workers", str(workers), "--threads", str(threads), "service:create_app()"]
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", help="Default: standard output.")
def openapi(output):
    """Write the OpenAPI document (YAML) generated from the app."""
    from .api import openapi_yaml

    text = openapi_yaml()
    with _open_output(output) as stream:
        stream.write(text)


# commands kept in modules of their own
from .cli_deliver import deliver  # noqa: E402
from .cli_keys import keys  # noqa: E402

main.add_command(deliver)
main.add_command(keys)
