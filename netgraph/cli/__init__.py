"""The ``netgraph`` command line: a thin shell over the library.

Every command validates its inputs with click types, calls library functions and prints
what they rendered. A :class:`~netgraph.errors.NetgraphError` becomes one line
``Error: ...`` and exit status 1, in one place (:class:`_Group`); click's usage errors
exit with status 2.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
from pathlib import Path

import click

from netgraph import __version__
from netgraph.errors import NetgraphError

_FORMATS = ("markdown", "html", "json", "csv")


class _Group(click.Group):
    """A click group that turns netgraph's own errors into one-line messages."""

    def invoke(self, ctx: click.Context):
        # A command is one short batch job that builds millions of small objects and
        # frees them all at exit: Python's cycle collector would only re-scan them again
        # and again (about 15% of a large report's time), so it is off for the run.
        collecting = gc.isenabled()
        gc.disable()
        _show_warnings()
        try:
            return super().invoke(ctx)
        except NetgraphError as error:
            raise click.ClickException(_safe(str(error))) from None
        except OSError as error:  # a file vanished or a disk filled while we worked
            raise click.ClickException(_safe(f"{error.filename or ''}: {error.strerror}".lstrip(": "))) from None
        finally:
            if collecting:  # as it was (matters when the CLI runs inside another program),
                gc.freeze()  # without one last scan of everything the command made
                gc.enable()


def _safe(text: str) -> str:
    """Text from the user's data as the terminal may show it: no control characters."""
    from netgraph.output import terminal_safe

    return terminal_safe(text)


def _echo(text: str, *, nl: bool = True, err: bool = False) -> None:
    """Print data (names, companies, reasons) to the terminal, without control characters."""
    click.echo(_safe(text), nl=nl, err=err)


class _WarningLine(logging.Handler):
    """netgraph's warnings (e.g. unreadable ledger rows skipped) as ``Warning: ...`` on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        _echo(f"Warning: {record.getMessage()}", err=True)


def _show_warnings() -> None:
    logger = logging.getLogger("netgraph")
    if not any(isinstance(h, _WarningLine) for h in logger.handlers):
        handler = _WarningLine(logging.WARNING)
        logger.addHandler(handler)


def _date(ctx, param, value):
    if value is None:
        return None
    from netgraph.errors import NetgraphError
    from netgraph.load import parse_as_of

    try:
        return parse_as_of(value)
    except NetgraphError as error:
        raise click.BadParameter(str(error).removeprefix("--as-of ")) from None


_EXISTING = click.Path(exists=True, dir_okay=True, path_type=Path)
_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _max_file_size(ctx, param, value):
    """``--max-file-size``: the limit for one file, in force while the command runs (and in
    the worker processes that read friends' exports)."""
    if value is None:
        return
    from netgraph.io import parse_size, use_limits

    try:
        size = parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    ctx.with_resource(use_limits(max_file_size=size))


_SIZE_OPTION = click.option(
    "--max-file-size", callback=_max_file_size, expose_value=False, metavar="SIZE",
    help="The most one file of an export may hold, read or inflated (default 1GiB; e.g. 4GB).")


def _weights_file(ctx, param, value):
    """``--weights FILE.toml``: changed model numbers for this run (netgraph.Weights fields)."""
    if value is None:
        return
    from netgraph.weights import read_weights

    ctx.meta["netgraph.weights"] = read_weights(value)
    ctx.meta.setdefault("netgraph.inputs", []).append(Path(value))


_WEIGHTS_OPTION = click.option(
    "--weights", callback=_weights_file, expose_value=False, type=_FILE, metavar="FILE.toml",
    help="Change the model's numbers for this run: 'field = value' lines (fields: netgraph.describe_weights()).")


def _source_options(*, targets_required: bool):
    """The options every analysing command shares: targets and the SOURCES."""

    def decorate(f):
        options = [
            click.argument("export", type=_EXISTING),
            click.option("--targets", "-t", "targets", type=_FILE, multiple=True, required=targets_required,
                         help="Companies you want to work at (.csv or .txt); repeat to merge lists."),
            click.option("--network", "-n", "network", multiple=True, metavar="[OWNER=]PATH",
                         help="A friend's export shared with you; OWNER is their name or URL among "
                              "your connections (default: from their Profile.csv). Repeatable."),
            click.option("--known", type=_FILE, help="CSV of ties you know of without an export."),
            click.option("--contacts", type=_FILE, help="CSV of your own notes on your connections."),
            click.option("--as-of", "as_of", callback=_date, metavar="YYYY-MM-DD",
                         help="The day recency is measured from (default: today)."),
            click.option("--no-builtin-aliases", "no_aliases", is_flag=True,
                         help="Do not treat well-known other names (Facebook for Meta, ...) as matches."),
            click.option("--quiet", "-q", is_flag=True, help="No progress messages."),
            _SIZE_OPTION,
            _WEIGHTS_OPTION,
            click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
                         help="The give-and-ask ledger to use (default: $NETGRAPH_LEDGER or your data folder, "
                              "when it exists)."),
        ]
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def _load(export, targets, network, known, contacts, as_of, no_aliases, quiet, db=None):
    """Read every source and build the plan, with progress on stderr when it is a terminal.

    The give-and-ask ledger is used when ``--db`` names one or the default one exists.
    """
    from netgraph.load import load_plan

    ledger = _ledger_read(db)
    show = not quiet and sys.stderr.isatty()
    steps = 1 + len(network)
    with click.progressbar(length=steps, label="Reading exports", file=sys.stderr,
                           hidden=not show) as bar:
        plan = load_plan(export, targets=list(targets), network=network, known=known, contacts=contacts,
                         as_of=as_of, builtin_aliases=not no_aliases, ledger=ledger,
                         weights=click.get_current_context().meta.get("netgraph.weights"),
                         on_read=lambda _: bar.update(1))
    return plan


def _ledger_read(db: Path | None) -> Path | None:
    """The ledger a reading command uses: ``--db`` (it must exist), else the default one if it exists."""
    from netgraph.errors import LedgerError
    from netgraph.ledger import default_ledger_path

    if db is not None:
        if not Path(db).expanduser().exists():
            raise LedgerError(f"{db}: no ledger there; check the path (netgraph log give ... --db {db} starts one)")
        return Path(db)
    default = default_ledger_path()
    return default if default.exists() else None


def _inputs(export, targets=(), network=(), known=None, contacts=None, db=None) -> list[Path]:
    """Every file and folder a command reads (the ledger too): its output may not be one of them."""
    from netgraph.ledger import default_ledger_path, ledger_files
    from netgraph.load import parse_network_spec

    paths = [Path(export), *map(Path, targets)]
    paths += [Path(parse_network_spec(spec)[1]) for spec in network]
    paths += [Path(p) for p in (known, contacts) if p]
    paths += click.get_current_context().meta.get("netgraph.inputs", [])
    for ledger in (db, default_ledger_path()):
        if ledger:
            paths += ledger_files(ledger)
    return paths


def _emit(text: str | bytes, output: Path | None, inputs: list[Path]) -> None:
    from netgraph.output import write_output

    if output is None:
        assert isinstance(text, str), "bytes go to a file"  # a large JSON report, written as it is
        _echo(text, nl=not text.endswith("\n"))
    else:
        write_output(text, output, inputs=inputs)
        click.echo(f"Wrote {output}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="netgraph")
def main() -> None:
    """Find the warmest way into the companies you want, from your LinkedIn export.

    Start with `netgraph demo` to see it on an invented sample network, then point
    `netgraph report` at your own export (the zip LinkedIn e-mails you).
    """


@main.command()
@click.option("--output-dir", "-o", type=click.Path(file_okay=False, path_type=Path),
              default=Path("netgraph-demo"), show_default=True, help="Where to write the reports and the map.")
def demo(output_dir: Path) -> None:
    """Run the whole pipeline on the bundled sample network.

    Writes report.md, report.html, report.json, report.csv and map.png, then prints the
    top recommendations.

    \b
    Example:
      netgraph demo --output-dir ~/netgraph-demo
    """
    from netgraph.demo import run_demo

    _echo(run_demo(output_dir))


@main.command()
@click.argument("export", type=_EXISTING)
@_SIZE_OPTION
def inspect(export: Path) -> None:
    """Show what was found in an export: files, rows, dates, skipped rows and why.

    \b
    Example:
      netgraph inspect Basic_LinkedInDataExport_11-20-2026.zip
    """
    from netgraph.io import read_export, render_inspection

    _echo(render_inspection(read_export(export, need_names=False)), nl=False)


@main.command()
@click.argument("export", type=_EXISTING)
@click.option("--targets", "-t", "targets", type=_FILE, multiple=True, help="Mark the companies on these lists.")
@click.option("--top", type=click.IntRange(min=1), default=40, show_default=True, help="How many companies to list.")
@click.option("--no-builtin-aliases", "no_aliases", is_flag=True, help="Ignore well-known other names.")
@_SIZE_OPTION
def companies(export: Path, targets: tuple[Path, ...], top: int, no_aliases: bool) -> None:
    """List the companies in your network, spelling variants grouped, targets marked.

    Use it to write a good targets file: it shows which spellings match which target
    and by which rule, and which look close but do not (and why). The table fits the
    terminal's width; piped into a file, every name is written in full.

    \b
    Example:
      netgraph companies export.zip --targets targets.csv --top 30
    """
    import shutil

    from netgraph.companies import group_companies, read_targets, render_companies
    from netgraph.io import read_export

    mine = read_export(export, need_names=False)  # company counts need no names
    target_frame = read_targets(list(targets)) if targets else None
    table = group_companies(mine.connections["company"], target_frame, builtin_aliases=not no_aliases)
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    _echo(render_companies(table, top=top, width=width), nl=False)
    for note in mine.notes:
        _echo(f"Note: {note}")


@main.command()
@_source_options(targets_required=True)
@click.option("--format", "-f", "fmt", type=click.Choice(_FORMATS), default="markdown", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("--top", type=click.IntRange(min=1), help="Keep the best N of each list (Markdown/HTML default 10).")
@click.option("--redact", is_flag=True, help="Pseudonyms instead of names, no URLs: safe to share.")
def report(export, targets, network, known, contacts, as_of, no_aliases, quiet, db, fmt, output, top, redact) -> None:
    """Whom to ask at each target company, for what, and why.

    \b
    Example:
      netgraph report export.zip --targets targets.csv --network "Sam Lee=sam.zip" --format html -o report.html
    """
    from netgraph.output import check_output
    from netgraph.redact import redact_plan
    from netgraph.report import render
    from netgraph.report._data import render_json_bytes as json_bytes  # to a file: bytes, a quarter of the memory

    inputs = _inputs(export, targets, network, known, contacts, db)
    if output is not None:
        check_output(output, inputs=inputs, what="the report")  # refused before the work, not after
    plan = _load(export, targets, network, known, contacts, as_of, no_aliases, quiet, db)
    shown = redact_plan(plan) if redact else plan
    picture = None
    if fmt == "html":  # matplotlib is imported only when a picture is wanted
        from netgraph.plot import map_png

        picture = map_png(shown.G)
    text = json_bytes(shown, top=top) if fmt == "json" and output else render(shown, fmt=fmt, top=top, map_png=picture)
    _emit(text, output, inputs)


@main.command()
@_source_options(targets_required=True)
@click.option("--target", "target", help="A target company, or a person's name (not needed for share-request).")
@click.option("--via", help="The connector to ask for the introduction (the friend, for share-request).")
@click.option("--step", type=click.Choice(["ask", "follow-up", "thank-you", "to-them", "report-back",
                                           "share-request"]),
              help="Which message of the sequence (default: the next one the ledger implies).")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def draft(export, targets, network, known, contacts, as_of, no_aliases, quiet, db, target, via, step, fmt) -> None:
    """Draft the message to send: one clear ask, in words that fit the relationship.

    Without --step, the ledger decides: an ask pending a week gives a follow-up; a yes
    gives the thank-you and the first message to the person introduced; after you
    talked, the report-back.

    \b
    Example:
      netgraph draft export.zip --targets targets.csv --target Stripe --via "Sam Lee"
      netgraph draft export.zip --targets targets.csv --via "Sam Lee" --step share-request
    """
    from netgraph.report import draft_message, draft_record, render_draft

    if target is None and step != "share-request":
        raise click.UsageError("--target is needed (a target company or a person), except with --step share-request")
    plan = _load(export, targets, network, known, contacts, as_of, no_aliases, quiet, db)
    drafts = [draft_message(plan, target=target, via=via, step=step)]
    if step is None and drafts[0].step == "thank-you" and "introduce me" in drafts[0].body:
        # a yes to an introduction: thank them, then write to the person introduced
        drafts.append(draft_message(plan, target=target, via=via or drafts[0].recipient, step="to-them"))
    if fmt == "json":
        records = [draft_record(d) for d in drafts]
        _echo(json.dumps(records[0] if len(records) == 1 else records, ensure_ascii=False, indent=2))
    else:
        _echo("\n".join(render_draft(d) for d in drafts), nl=False)


@main.command(name="map")
@_source_options(targets_required=True)
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The PNG to write.")
@click.option("--company", "-c", help="Draw every route into this one target.")
@click.option("--top", type=click.IntRange(min=1),
              help="Routes drawn per company (default 5; every route with --company).")
@click.option("--redact", is_flag=True, help="Pseudonyms instead of names.")
@click.option("--dpi", type=click.IntRange(min=50, max=600), default=100, show_default=True)
def map_(export, targets, network, known, contacts, as_of, no_aliases, quiet, db, output, company, top, redact,
         dpi) -> None:
    """Draw your way in as a PNG network map.

    \b
    Example:
      netgraph map export.zip --targets targets.csv --output map.png --company Stripe
    """
    from netgraph.output import check_output
    from netgraph.plot import draw_plan_map

    inputs = _inputs(export, targets, network, known, contacts, db)
    check_output(output, inputs=inputs, what="the map")  # refused before the work, not after
    plan = _load(export, targets, network, known, contacts, as_of, no_aliases, quiet, db)
    draw_plan_map(plan, output, company=company, top=top or (None if company else 5), redact=redact, dpi=dpi,
                  inputs=inputs)
    click.echo(f"Wrote {output}", err=True)


# ---------------------------------------------------------------------------
# Over time: the nurture list and diff (the ledger's `netgraph log` is in cli/_log.py)


@main.command()
@click.argument("old", type=_EXISTING)
@click.argument("new", type=_EXISTING)
@_SIZE_OPTION
@click.option("--targets", "-t", "targets", type=_FILE, multiple=True, help="Put moves into these companies first.")
@click.option("--top", type=click.IntRange(min=1), help="Show only the first N changes.")
def diff(old, new, targets, top) -> None:
    """What changed between two of your exports: moves into target companies first.

    \b
    Example:
      netgraph diff Basic_LinkedInDataExport_03-02-2025.zip Complete_LinkedInDataExport_11-20-2026.zip -t targets.csv
    """
    from netgraph.diff import compare_exports, render_diff

    _echo(render_diff(compare_exports(old, new, targets=list(targets)), top=top), nl=False)


@main.command()
@_source_options(targets_required=True)
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True)
def nurture(export, targets, network, known, contacts, as_of, no_aliases, quiet, db, top) -> None:
    """Whom to get back in touch with before you need them, and what to offer.

    \b
    Example:
      netgraph nurture export.zip --targets targets.csv --network friend.zip
    """
    from netgraph.nurture import find_nurture, render_nurture

    plan = _load(export, targets, network, known, contacts, as_of, no_aliases, quiet, db)
    _echo(render_nurture(find_nurture(plan, weights=plan.weights), top=top), nl=False)


@main.command()
@click.argument("export", type=_EXISTING)
@_SIZE_OPTION
@click.option("--for", "asked", multiple=True, required=True, metavar="TARGETS",
              help="The asker's targets file (.csv or .txt), or company names separated by commas. Repeatable.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="The pack to write (a CSV).")
@click.option("--preview", is_flag=True, help="Print exactly what the pack would hold; write nothing.")
@click.option("--redact-names", is_flag=True,
              help="Describe people ('a Backend Engineer at Stripe') instead of naming them.")
@click.option("--min-warmth", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Keep only ties at least this warm (0-1; 0.6 = people you know well).")
@click.option("--exclude", type=_FILE,
              help="Names or profile URLs to leave out, one per line (or a CSV with name/url).")
@click.option("--as-of", "as_of", callback=_date, metavar="YYYY-MM-DD",
              help="The day the pack is made (default: today).")
@click.option("--no-builtin-aliases", "no_aliases", is_flag=True, help="Ignore well-known other names.")
def share(export, asked, output, preview, redact_names, min_warmth, exclude, as_of, no_aliases) -> None:
    """Make a share pack for a friend: your ties at their target companies, nothing else.

    Run it on your own export. The pack names your connections at the companies asked
    for, with how well you know each (in counts and dates), and never holds message text,
    e-mail addresses or anyone at other companies. Check it with --preview first.

    \b
    Example:
      netgraph share my_export.zip --for robin-targets.csv --output for-robin.csv --preview
    """
    from netgraph.io._pack import render_pack
    from netgraph.output import terminal_safe
    from netgraph.share import describe_share, make_share_pack, summarize_share

    if output is None and not preview:
        raise click.UsageError("give --output PACK.csv, or --preview to see what the pack would hold")
    result = make_share_pack(export, asked, as_of=as_of, min_warmth=min_warmth, exclude=exclude,
                             redact_names=redact_names, builtin_aliases=not no_aliases)
    if preview:
        click.echo(terminal_safe(describe_share(result)), nl=False)
        return
    inputs = [Path(export), *(Path(a) for a in asked if Path(a).exists()), *([Path(exclude)] if exclude else [])]
    _emit(render_pack(result.pack), output, inputs)
    click.echo(terminal_safe(f"{summarize_share(result)}\nOpen {output} in a spreadsheet to check it (delete any "
                             "row you like) before you send it."))


from netgraph.cli import _log  # noqa: E402,F401 - registers `netgraph log` on main (it needs the helpers above)
