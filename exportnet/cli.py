"""The `exportnet` command: serve, seed-demo, create-user, create-token, db ..."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext
from flask_migrate import upgrade
from waitress import serve as waitress_serve

from exportnet import create_app
from exportnet.accounts.models import Role
from exportnet.accounts.services import (
    AccountError,
    create_api_token,
    create_user,
    find_user_by_email,
)
from exportnet.demo.generated import rebuild_search_index, seed_generated_products
from exportnet.demo.seed import database_is_empty, seed_demo
from exportnet.demo.users import DEMO_LOGINS
from exportnet.i18n.catalog_cli import translations_cli
from exportnet.mail.cli import mail_cli
from exportnet.search.cli import search_cli
from exportnet.search.concepts import load_vocabulary
from exportnet.search.sync import drain_all, read_position, rebuild
from exportnet.search.wiring import search_index
from exportnet.taxonomy.economies import is_valid_economy


def _cli_app() -> Flask:
    # Maintenance commands may run before a secret is configured; they issue no cookies.
    return create_app({"CLI": True})


@click.group(cls=FlaskGroup, create_app=_cli_app, add_default_commands=True, load_dotenv=False)
def main() -> None:
    """ExportNet: the multilingual export catalog."""


main.add_command(mail_cli)
main.add_command(translations_cli)
main.add_command(search_cli)


def prepare_database(app: Flask, demo: bool) -> None:
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory)
        if demo and database_is_empty():
            click.echo("Seeding demo data ...")
            seed_demo()
        index = search_index(app)
        if not index.schema_is_current():
            click.echo("Rebuilding the search index for this release ...")
            rebuild(index)
        elif index.doc_count() == 0 and read_position(index) == 0:
            click.echo("Building the search index ...")
            rebuild(index)
        else:
            drain_all(index)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="Seed demo data into an empty database.")
def serve(host: str, port: int, threads: int, demo: bool) -> None:
    """Upgrade the database, optionally seed demo data, and serve with waitress."""
    app = create_app({"DEMO": True} if demo else None)
    prepare_database(app, demo)
    load_vocabulary()
    url = f"http://{host}:{port}/"
    click.echo(f"ExportNet is serving at {url}")
    if demo:
        click.echo(f"Demo logins (password for all: {DEMO_LOGINS[0].password}):")
        for login in DEMO_LOGINS:
            click.echo(f"  {login.role.value:<9} {login.email}")
    waitress_serve(app, host=host, port=port, threads=threads, ident="ExportNet")


@main.command("seed-demo")
@click.option(
    "--products",
    default=0,
    type=click.IntRange(min=0),
    help="Also add this many generated listings (for benchmarks), then rebuild the index.",
)
@with_appcontext
def seed_demo_command(products: int) -> None:
    """Add the demo logins and catalog."""
    seed_demo()
    click.echo("Demo data seeded.")
    if products:
        click.echo(f"Added {seed_generated_products(products)} generated listings.")
        # Bulk inserts bypass the search outbox, so the index is rebuilt from the database.
        click.echo(f"Search index rebuilt with {rebuild_search_index()} documents.")


@main.command("create-user")
@click.argument("email")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--company", "company_name", help="Company name (exporters)")
@click.option("--economy", help="ISO 3166-1 alpha-2 code of the company (exporters)")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def create_user_command(
    email: str, role: str, company_name: str | None, economy: str | None, password_stdin: bool
) -> None:
    """Create a verified user."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if economy and not is_valid_economy(economy.upper()):
        raise click.UsageError(f"Unknown economy code: {economy}")
    try:
        user = create_user(
            email,
            password,
            Role(role),
            company_name=company_name,
            economy=economy.upper() if economy else None,
            verified=True,
            join_existing_company=True,
        )
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {user.role} {user.email}")


@main.command("create-token")
@click.argument("email")
@click.option("--name", default="cli", help="A label for the token.")
@with_appcontext
def create_token_command(email: str, name: str) -> None:
    """Create an API token; it is printed once, as the last line."""
    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No user with email {email}")
    click.echo(create_api_token(user, name))
