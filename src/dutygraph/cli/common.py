"""What every command shares: consoles, option decorators, opening a store, the command group.

Nothing heavy is imported here: rich when a console is made, the loaders when
``--layout`` is parsed or described, so that ``dutygraph --version`` and a
``dutygraph query`` load only what they use.
"""

from __future__ import annotations

import functools
import logging
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dutygraph import __version__
from dutygraph.errors import DutygraphError, EmptyStoreError, Interrupted, UsageError
from dutygraph.gcpause import paused_gc

if TYPE_CHECKING:
    from rich.console import Console

type Command = Callable[..., Any]


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


class LayoutChoice(click.Choice):  # type: ignore[type-arg]
    """``--layout``'s choices, the loaders' names, read from the loaders the first time they are needed."""

    def __init__(self) -> None:
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        from dutygraph.loaders import layout_names

        return layout_names()

    @choices.setter
    def choices(self, _value: Sequence[str]) -> None:
        """click sets the choices it is given; these come from the loaders."""


def verbosity_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``-v`` (more detail) and ``-q`` (errors only) to a command."""
    f = click.option("-q", "--quiet", is_flag=True, help="Print errors only, no warnings or summary.")(f)
    f = click.option("-v", "--verbose", count=True, help="Print more detail (repeat for debug output).")(f)
    return f


def bundled(name: str, make: Callable[..., Any], keys: tuple[str, ...]) -> Callable[[Command], Command]:
    """Hand a command the options ``keys`` as one argument ``name``, made by ``make(**those options)``.

    The options stay click parameters (their names are what dutygraph.toml sets);
    only the command's signature gets the one value.
    """

    def wrap(f: Command) -> Command:
        @functools.wraps(f)
        def command(*args: Any, **kwargs: Any) -> Any:
            parts = {k: kwargs.pop(k) for k in keys}
            return f(*args, **{name: make(**parts)}, **kwargs)

        return command

    return wrap


@dataclass(frozen=True, slots=True)
class Reading:
    """How documents are read, from --layout, --region, --year, --force-region and --force-year."""

    layout: str | None = None
    region: str | None = None
    year: int | None = None
    force_region: str | None = None
    force_year: int | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """What is analysed, from --region, --year and --include-inferred."""

    region: str | None = None
    year: int | None = None
    include_inferred: bool = False


def document_options(f: Command) -> Command:
    """Add the options that say how to read documents; the command gets them as one ``reading`` (:class:`Reading`)."""
    f = bundled("reading", Reading, ("layout", "region", "year", "force_region", "force_year"))(f)
    f = click.option(
        "--force-year",
        type=int,
        default=None,
        help="Plan year of every document, replacing the year the text gives (each replacement is noted).",
    )(f)
    f = click.option(
        "--force-region",
        default=None,
        help="District of every document, replacing the region the text gives (each replacement is noted).",
    )(f)
    f = click.option(
        "--year",
        type=int,
        default=None,
        help="Plan year of a document whose text does not give one (e.g. 2024); a printed year is kept.",
    )(f)
    f = click.option(
        "--region",
        default=None,
        help="District of a document whose text does not give one (e.g. 钟楼区); a printed region is kept.",
    )(f)
    f = click.option(
        "--layout",
        type=LayoutChoice(),
        default=None,
        help="Read every file with this layout instead of detecting it.",
    )(f)
    return f


def store_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --db and --neo4j: which store to use (the embedded one by default)."""
    f = click.option(
        "--neo4j",
        "neo4j_uri",
        metavar="URI",
        default=None,
        envvar="NEO4J_URI",
        help="Use the Neo4j server at URI (bolt:// or neo4j://); NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and "
        "NEO4J_DATABASE also apply.",
    )(f)
    f = click.option(
        "--db",
        metavar="PATH",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        envvar="DUTYGRAPH_DB",
        help="Data directory of the embedded store (default ./.dutygraph, or DUTYGRAPH_DB).",
    )(f)
    return f


def include_inferred_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --include-inferred: whether guesses filled into deduplicated texts are counted."""
    return click.option(
        "--include-inferred",
        is_flag=True,
        help="Count guesses filled into deduplicated texts (otherwise they are shown beside the counts, not counted).",
    )(f)


def scope_options(f: Command) -> Command:
    """Add --region, --year and --include-inferred; the command gets them as one ``scope`` (:class:`Scope`)."""
    f = bundled("scope", Scope, ("region", "year", "include_inferred"))(f)
    f = include_inferred_option(f)
    f = click.option(
        "--year",
        type=int,
        default=None,
        help="One plan year (e.g. 2024); default every plan (a region's documents of one year), each on its own.",
    )(f)
    f = click.option(
        "--region",
        default=None,
        help="One district (e.g. 钟楼区); default every region, each unit compared within its own plan.",
    )(f)
    return f


def pool_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --pool-years: a region's years added together instead of one plan at a time."""
    return click.option(
        "--pool-years",
        is_flag=True,
        help="Add each region's years together instead of analysing each plan (region and year) on its own; "
        "the output says so.",
    )(f)


def _weights(lead_weight: float, co_lead_weight: float, support_weight: float) -> Any:
    from dutygraph.graph.analysis.scope import LoadWeights

    return LoadWeights(lead=lead_weight, co_lead=co_lead_weight, support=support_weight)


def weight_options(f: Command) -> Command:
    """Add --lead-weight, --co-lead-weight and --support-weight; the command gets them as one ``weights``.

    The defaults are :data:`~dutygraph.graph.analysis.DEFAULT_WEIGHTS`.
    """
    from dutygraph.graph.analysis.scope import DEFAULT_WEIGHTS

    f = bundled("weights", _weights, ("lead_weight", "co_lead_weight", "support_weight"))(f)
    options = (
        ("--support-weight", DEFAULT_WEIGHTS.support, "Weight of a support (配合) in a unit's load."),
        (
            "--co-lead-weight",
            DEFAULT_WEIGHTS.co_lead,
            "Weight of a co-lead (a lead listed after the first, 共同牵头) in a unit's load.",
        ),
        (
            "--lead-weight",
            DEFAULT_WEIGHTS.lead,
            "Weight of a task's first-listed lead (牵头: the unit that answers for it) in a unit's load.",
        ),
    )
    for name, default, text in options:
        f = click.option(name, type=float, default=default, show_default=True, help=text)(f)
    return f


def format_option(choices: tuple[str, ...], default: str, text: str) -> Callable[[Command], Command]:
    """Add --format (the command's ``fmt``): one of ``choices``, ``default`` unless given, with its help ``text``."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help=text)


def output_option(default: Path | None, text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add -o/--output: the file a command writes (``default``; None for standard output), with its help ``text``."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, dir_okay=False),
        default=default,
        show_default=default is not None,
        help=text,
    )


_SOURCE_RANK: dict[click.core.ParameterSource | None, int] = {
    click.core.ParameterSource.COMMANDLINE: 3,
    click.core.ParameterSource.ENVIRONMENT: 2,
    click.core.ParameterSource.DEFAULT_MAP: 1,
}


def open_store(
    db: Path | None, neo4j_uri: str | None, *, write: bool = False, lock_timeout: float | None = None
) -> Any:
    """Open the store the options name: a flag wins over the environment, which wins over the file.

    A command that writes waits for another writer of the embedded store (saying
    so on stderr); one that only reads refuses a store that does not exist.
    """
    from dutygraph.graph.stores import open_store
    from dutygraph.graph.stores.falkor import DEFAULT_LOCK_TIMEOUT

    if db is not None and neo4j_uri is not None:
        ctx = click.get_current_context(silent=True)
        ranks = [_SOURCE_RANK.get(ctx.get_parameter_source(p), 0) if ctx else 3 for p in ("db", "neo4j_uri")]
        if ranks[0] == ranks[1]:
            if ranks[0] == 2:
                raise UsageError("DUTYGRAPH_DB and NEO4J_URI are both set: give --db or --neo4j to choose")
            raise UsageError("give --db or --neo4j, not both")
        if ranks[0] > ranks[1]:
            neo4j_uri = None
        else:
            db = None
    return open_store(
        db=db,
        neo4j=neo4j_uri,
        write=write,
        lock_timeout=DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout,
        on_wait=lambda message: stderr().print(message, markup=False, highlight=False),
    )


def lock_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --lock-timeout: how long a writer waits for another one on the embedded store."""
    return click.option(
        "--lock-timeout",
        type=float,
        default=600.0,
        show_default=True,
        metavar="SECONDS",
        envvar="DUTYGRAPH_LOCK_TIMEOUT",
        help="How long to wait while another process writes the embedded store, then fail (exit code 3).",
    )(f)


def setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


class _Group(click.Group):
    """A group that turns dutygraph's errors into one line on stderr and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with paused_gc():  # a command builds large graphs and exits; see dutygraph.gcpause
                return super().invoke(ctx)
        except (DutygraphError, Interrupted) as exc:
            stderr().print(f"error: {exc}", markup=False, highlight=False)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            interrupted = Interrupted(signal.SIGINT, "Ctrl-C")
            stderr().print(f"error: {interrupted}", markup=False, highlight=False)
            ctx.exit(interrupted.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Settings file (default ./dutygraph.toml if present, or DUTYGRAPH_CONFIG); flags and environment win over it.",
)
@click.pass_context
def cli(ctx: click.Context, config_file: Path | None) -> None:
    """dutygraph (责任图谱): see who is responsible for what in a government plan.

    Reads district work reports and their decompositions (责任分解表) into
    goals, tasks, lead units (牵头单位), supporting units (配合单位) and leaders
    (分管领导).

    Start with 'dutygraph run DIR' (read, store, analyse and draw in one go).
    Settings come from flags, then environment variables (DUTYGRAPH_DB,
    NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), then dutygraph.toml.

    Exit codes: 0 success, 1 unexpected failure, 2 bad input or usage,
    3 the store failed or cannot be reached.
    """
    from dutygraph.config import config_path, load_config

    commands = {name: {p.name for p in cmd.params if p.name} for name, cmd in cli.commands.items()}
    try:
        ctx.default_map = load_config(config_path(config_file), commands)
    except DutygraphError as exc:
        stderr().print(f"error: {exc}", markup=False, highlight=False)
        ctx.exit(exc.exit_code)


def read_stored_graph(db: Path | None, neo4j_uri: str | None) -> Any:
    """The whole stored graph as networkx; an empty store is an error with a hint."""
    with open_store(db, neo4j_uri) as store:
        G = store.read_graph()
        if G.number_of_nodes() == 0:
            raise EmptyStoreError(
                f"the {store.kind} store at {store.location} is empty: run 'dutygraph build FILE...' first"
            )
    return G
