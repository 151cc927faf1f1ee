"""`timeline keys`: create, list and revoke API keys."""
import click

from . import auth


def _run(fn, *args):
    """Open the store as every `timeline` command does (DATABASE_URL), run fn, close."""
    from .cli import open_store
    from .db import database

    open_store()
    try:
        return fn(*args)
    except auth.KeyProblem as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        database.close()


@click.group("keys")
def keys():
    """API keys: every write to the API needs one (Authorization: Bearer <key>)."""


@keys.command("create")
@click.argument("name")
def create(name):
    """Create a key called NAME and print it once: it cannot be shown again."""
    try:
        auth.check_name(name)
    except auth.KeyProblem as exc:
        raise click.ClickException(str(exc)) from None
    secret = _run(auth.create_key, name)
    click.echo(f"created key {name!r}; store it now, it is not shown again:", err=True)
    click.echo(secret)


@keys.command("list")
def list_():
    """List keys: name, created, revoked."""
    rows = _run(auth.list_keys)
    if not rows:
        click.echo("no keys", err=True)
        return
    for row in rows:
        state = f"revoked {row['revoked_at']:%Y-%m-%dT%H:%M:%SZ}" if row["revoked_at"] else "active"
        click.echo(f"{row['name']}\tcreated {row['created_at']:%Y-%m-%dT%H:%M:%SZ}\t{state}")


@keys.command("revoke")
@click.argument("name")
def revoke(name):
    """Revoke the key called NAME: requests with it get 401 from now on."""
    _run(auth.revoke_key, name)
    click.echo(f"revoked key {name!r}")
