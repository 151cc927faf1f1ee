"""`timeline deliver`: the webhook delivery worker (service/delivery/worker.py), beside `timeline serve`."""
import logging
import signal

import click


@click.command("deliver")
@click.option("--max-seconds", type=click.FloatRange(min=0.1), default=None,
              help="Stop after this long (default: run until SIGTERM or Ctrl-C).")
@click.option("--once", is_flag=True, help="Deliver what is due now, then exit.")
def deliver(max_seconds, once):
    """Send webhook deliveries: tails the change feed in the database (no broker needed).

    Run one or more beside `timeline serve`, on one machine or several sharing DATABASE_URL:
    they share the hooks without sending one delivery twice (PostgreSQL: SKIP LOCKED; SQLite: leases).
    """
    from .cli import open_store
    from .delivery import worker

    settings = open_store()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    stopping = []

    def stop(signum, frame):
        stopping.append(signum)  # finish the delivery in flight, then leave

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        config = worker.Settings.from_config(settings)
    except ValueError as exc:  # a bad network list, or a lease shorter than the timeout
        raise click.ClickException(f"configuration: {exc}") from None
    passes = worker.run(config, max_seconds=max_seconds, once=once, stop=lambda: bool(stopping))
    click.echo(f"deliver: stopped after {passes} passes", err=True)
