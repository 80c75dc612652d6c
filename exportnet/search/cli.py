"""`exportnet search sync|rebuild|check|prune`."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from exportnet.search import sync
from exportnet.search.wiring import search_index


@click.group("search")
def search_cli() -> None:
    """Keep this node's search index in step with the database."""


@search_cli.command("sync")
@with_appcontext
def sync_command() -> None:
    """Apply the outbox to the index."""
    count = sync.drain_all(search_index())
    click.echo(f"Applied {count} outbox rows.")


@search_cli.command("rebuild")
@with_appcontext
def rebuild_command() -> None:
    """Build a fresh index from the database and swap it in."""
    count = sync.rebuild(search_index())
    click.echo(f"Indexed {count} documents.")


@search_cli.command("check")
@with_appcontext
def check_command() -> None:
    """Report every difference between the index and the database."""
    report = sync.check(search_index())
    if not report.schema_current:
        click.echo("the index was written with an older schema: run exportnet search rebuild")
    for label, keys in (
        ("missing from the index", report.missing),
        ("in the index but not public", report.stale),
        ("indexed before their last change", report.outdated),
    ):
        for key in keys:
            click.echo(f"{label}: {key}")
    if not report.ok:
        raise click.ClickException("the index differs from the database")
    click.echo("The index matches the database.")


@search_cli.command("prune")
@with_appcontext
def prune_command() -> None:
    """Delete outbox rows older than a week."""
    click.echo(f"Deleted {sync.prune_outbox()} outbox rows.")
