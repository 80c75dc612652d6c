"""`exportnet mail ...`: sending what the outbox holds."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from exportnet.mail.services import pending_count, send_pending

mail_cli = AppGroup("mail", help="Outgoing mail.")


@mail_cli.command("send-pending")
@click.option("--limit", default=1000, show_default=True, type=int, help="At most this many.")
@click.option(
    "--due-only",
    is_flag=True,
    help="Skip mail still waiting out its back-off after a failure (use this from cron).",
)
def send_pending_command(limit: int, due_only: bool) -> None:
    """Send unsent mail from the outbox now, including mail that failed before."""
    sent = send_pending(limit=limit, due_only=due_only)
    click.echo(f"Sent {sent} mail(s); {pending_count()} still unsent.")
