"""``netgraph log``: the give-and-ask ledger from the command line (give, ask, reply, list, export, check)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from netgraph.cli import _EXISTING, _SIZE_OPTION, _date, _echo, _Group, main


def _ledger_options(f):
    f = click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
                     help="The ledger file (default: $NETGRAPH_LEDGER or your data folder).")(f)
    return f


def _entry_day(ctx, param, value):
    """``--on``: a YYYY-MM-DD date (the ledger checks that it is a plausible day)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD, e.g. 2026-11-20") from None


def _who_options(f):
    f = click.option("--on", "on", callback=_entry_day, metavar="YYYY-MM-DD", help="When (default: today).")(f)
    f = click.option("--what", default="", help="What you gave or asked, in a few words.")(f)
    f = _SIZE_OPTION(f)
    f = click.option("--export", "export", type=_EXISTING,
                     help="Your export, to find PERSON among your connections (else: people in the ledger).")(f)
    f = click.argument("person")(f)
    return _ledger_options(f)


def _write_entry(db, export, person, kind, what, on, outcome="", target="", about=""):
    """Find PERSON (in the export, else in the ledger), check the day, then write: nothing is created on an error."""
    from contextlib import closing

    from netgraph.ledger import add_entry, default_ledger_path, entry_time, open_ledger, read_ledger, resolve_person

    path = db or default_ledger_path()
    person_id, name = resolve_person(person, _people(export)) if export else _in_ledger(person, read_ledger(path))
    at = entry_time(dt.datetime.combine(on, dt.time()) if on else dt.datetime.now())
    with closing(open_ledger(path)) as conn:
        entry = add_entry(conn, person_id=person_id, name=name, kind=kind, what=what, outcome=outcome, at=at,
                          target=target, about=about)
        return entry, name, at


def _in_ledger(person, entries, hint="pass --export YOUR_EXPORT.zip to find them among your connections"):
    """The person PERSON means among the people already in the ledger."""
    from netgraph.errors import LedgerError
    from netgraph.ledger import known_people, resolve_person

    people = known_people(entries)
    if people.empty:
        raise LedgerError(f"the ledger has nobody in it yet, so {person!r} cannot be found there; {hint}")
    return resolve_person(person, people, among="in the ledger", hint=hint)


def _people(export):
    from netgraph.io import read_export

    return read_export(export).connections


@main.group(cls=_Group)
def log() -> None:
    """Keep a ledger of what you gave and asked, so you give before you ask.

    \b
    Example:
      netgraph log give "Sam Lee" --what "sent a talk on API design" --export export.zip
    """


@log.command()
@_who_options
def give(person, export, what, on, db) -> None:
    """Record something you gave PERSON: a link, an intro, feedback, a coffee.

    \b
    Example:
      netgraph log give "Sam Lee" --what "shared a meetup link"
    """
    entry, name, at = _write_entry(db, export, person, "give", what, on)
    _echo(f"Logged give #{entry}: you helped {name} on {at.date()}" + (f" ({what})." if what else "."))


@log.command()
@_who_options
@click.option("--target", "target", default="", help="The target company the ask serves (for the tracker).")
@click.option("--about", "about", default="", help="The person you asked to be introduced to.")
def ask(person, export, what, on, db, target, about) -> None:
    """Record something you asked PERSON for: an intro, a referral, a call.

    \b
    Example:
      netgraph log ask "Sam Lee" --what "intro to Dana" --target Stripe --about "Dana Cohen"
    """
    entry, name, at = _write_entry(db, export, person, "ask", what, on, target=target, about=about)
    _echo(f"Logged ask #{entry} to {name} on {at.date()}" + (f" ({what})." if what else "."))


@log.command()
@_who_options
@click.option("--outcome", required=True,
              type=click.Choice(["yes", "no", "no-answer", "introduced", "talked", "referred", "applied"]),
              help="Their answer (yes, no, no-answer), or how far the thread got since.")
def reply(person, export, what, on, db, outcome) -> None:
    """Record PERSON's answer to your latest open ask, or a later step of that thread.

    \b
    Example:
      netgraph log reply "Sam Lee" --outcome yes
      netgraph log reply "Sam Lee" --outcome talked
    """
    entry, name, at = _write_entry(db, export, person, "reply", what, on, outcome)
    _echo(f"Logged reply #{entry} from {name} ({outcome}).")


@log.command(name="list")
@click.argument("person", required=False)
@click.option("--as-of", "as_of", callback=_date, metavar="YYYY-MM-DD", help="Measure ages from this day.")
@_ledger_options
def list_(person, as_of, db) -> None:
    """Show the ledger: where each ask stands per target, then one line per person (or every
    entry for PERSON).

    \b
    Example:
      netgraph log list "Sam Lee"
    """
    from netgraph.ledger import default_ledger_path, ledger_threads, read_ledger, render_ledger, render_threads

    entries = read_ledger(db or default_ledger_path())  # a read: creates nothing
    if person and not entries.empty:
        found = _in_ledger(person, entries, hint="`netgraph log list` shows everyone in it")
        entries = entries[entries["person_id"] == found[0]]
    day = as_of or dt.date.today()
    threads = ledger_threads(entries, as_of=day)
    if len(threads):
        _echo(render_threads(threads))
    _echo(render_ledger(entries, as_of=day, person=bool(person)))


@log.command(name="export")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path))
@_ledger_options
def export_(output, db) -> None:
    """Write every ledger entry to a CSV file.

    \b
    Example:
      netgraph log export --output ledger.csv
    """
    from contextlib import closing

    from netgraph.errors import LedgerError
    from netgraph.ledger import default_ledger_path, export_entries, open_ledger

    path = db or default_ledger_path()
    if not Path(path).expanduser().exists():
        raise LedgerError(f"no ledger at {path} yet, so nothing to export")
    with closing(open_ledger(path)) as conn:
        count = export_entries(conn, output)
    click.echo(f"Wrote {count} entries to {output}")


@log.command()
@click.option("--repair", is_flag=True, help="Fix or remove the bad rows, after saying what will be done.")
@click.option("--yes", "-y", is_flag=True, help="With --repair: go ahead without asking.")
@_ledger_options
def check(repair, yes, db) -> None:
    """Find ledger rows netgraph cannot use (bad dates, unknown kinds); --repair fixes them.

    Changes nothing without --repair. With it, says what it will fix or remove, asks, then
    does it all in one transaction.

    \b
    Example:
      netgraph log check --repair
    """
    from netgraph.ledger import check_ledger, default_ledger_path, render_check, repair_ledger

    found = check_ledger(db or default_ledger_path())
    _echo(render_check(found, repair=repair))
    if not found.problems:
        return
    if not repair:
        raise click.ClickException("run `netgraph log check --repair` to fix or remove these rows")
    if not yes and not click.confirm("Change the ledger as listed?", default=False):
        raise click.ClickException("nothing changed")
    fixed, removed = repair_ledger(found.path, found.problems)
    click.echo(f"Repaired {found.path}: {fixed} fixed, {removed} removed.")


