"""The main job in one call: read documents, store the graph, analyse it, write the pages.

``dutygraph run`` is a thin layer over :func:`run`; a notebook or a script can
call it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dutygraph.errors import DutygraphError, InputError
from dutygraph.gcpause import paused_gc
from dutygraph.graph.analysis import Analysis, LoadWeights, combine
from dutygraph.graph.build import build_graph, summary
from dutygraph.graph.report import PlanPages, write_plan_pages
from dutygraph.graph.stores import GraphStore
from dutygraph.loaders import LoadResult, load_many
from dutygraph.loaders.read import DOCUMENT_SUFFIXES  # every format a reader knows

#: Called as ``progress(step, done, total)`` while the job runs.
Progress = Callable[[str, int, int], None]


@dataclass
class RunResult:
    """What the job did: documents read and failed, what was stored, the analysis and the pages."""

    results: list[LoadResult] = field(default_factory=list)
    failures: list[tuple[Path, DutygraphError]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    analysis: Analysis | None = None
    index_page: Path | None = None
    pages: list[PlanPages] = field(default_factory=list)
    note: str = ""
    notices: list[str] = field(default_factory=list)
    #: What this run wrote: nodes per label and relationships per type (documents given twice count once).
    stored: dict[str, int] = field(default_factory=dict)


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """The document files named, with directories expanded to the documents in them (sorted).

    Raises:
        InputError: a path does not exist, or a directory holds no document.
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
            if not found:
                raise InputError(p, f"the directory holds no document ({', '.join(DOCUMENT_SUFFIXES)})")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(p, "no such file or directory")
    return out


def settle_region_year(
    results: list[LoadResult],
    *,
    region: str | None = None,
    year: int | None = None,
    force_region: str | None = None,
    force_year: int | None = None,
) -> list[str]:
    """Give documents the region and year the user passed: ``region``/``year`` only
    where the text does not tell them, ``force_region``/``force_year`` everywhere.

    A default never replaces a printed value (following a "pass --year" warning
    must not merge the 2021 and 2024 plans of a run); a forced value does, and
    each replacement is reported. The loader's "pass --year" warning goes from a
    document the default or the force filled.

    Args:
        results: loaded documents (changed in place).

    Returns:
        One notice per document whose printed region or year was replaced.

    Example:
        >>> settle_region_year([], year=2024)
        []
    """
    notices: list[str] = []
    for r in results:
        doc = r.document
        for what, default, forced in (("region", region, force_region), ("year", year, force_year)):
            printed = getattr(doc, what)
            value = forced if forced is not None else printed if printed is not None else default
            if value is None:
                continue
            if forced is not None and printed is not None and printed != forced:
                notices.append(f"{doc.file}: --force-{what} {forced} replaces the {what} the text gives ({printed})")
            setattr(doc, what, value)
            r.warnings[:] = [w for w in r.warnings if f"pass --{what} to set it" not in w.message]
    return notices


def run(
    paths: Iterable[str | Path],
    store: GraphStore,
    out_dir: str | Path = ".",
    *,
    layout: str | None = None,
    region: str | None = None,
    year: int | None = None,
    force_region: str | None = None,
    force_year: int | None = None,
    weights: LoadWeights | None = None,
    include_inferred: bool = False,
    pool_years: bool = False,
    progress: Progress | None = None,
) -> RunResult:
    """Extract, build, store, analyse and draw.

    Args:
        paths: document files and directories of them.
        store: where the graph goes (it is replaced document by document).
        out_dir: where ``index.html`` and each plan's graph and review pages are written.
        layout: as for :func:`dutygraph.loaders.load`.
        region, year, force_region, force_year: as for :func:`settle_region_year`
            (its notices are in ``notices``).
        weights, include_inferred: as for :func:`dutygraph.graph.analysis.analyze` (None: its default weights).
        pool_years: one page pair per region with its years added together,
            instead of one per plan (a region's document(s) of one year).
        progress: called with (step, done, total) as the job advances.

    Returns:
        A :class:`RunResult`. Documents that cannot be read are listed in
        ``failures``; the others are stored and analysed.

    Raises:
        InputError: no path names a document, or none could be read.
        StoreError: the store failed.
    """
    with paused_gc():  # see dutygraph.gcpause
        tick = progress or (lambda step, done, total: None)
        files = find_documents(paths)
        outcome = RunResult()
        outcome.results, outcome.failures = load_many(
            files, layout=layout, progress=lambda done, total: tick("read", done, total)
        )
        outcome.notices = settle_region_year(
            outcome.results, region=region, year=year, force_region=force_region, force_year=force_year
        )
        if not outcome.results:
            raise InputError(
                files[0] if len(files) == 1 else Path(", ".join(map(str, files))), "no document could be read"
            )
        G = build_graph(outcome.results)
        outcome.stored = summary(G)
        documents = sum(1 for _, d in G.nodes(data=True) if d["label"] == "Document")
        written = 0

        def stored(_: str) -> None:
            nonlocal written
            written += 1
            tick("store", written, documents)

        outcome.counts = store.write(G, progress=stored).counts
        G = store.read_graph()
        tick("draw", 0, 1)
        outcome.index_page, outcome.pages = write_plan_pages(
            G,
            out_dir,
            weights=weights or LoadWeights(),
            include_inferred=include_inferred,
            pool_years=pool_years,
            progress=lambda done, total: tick("draw", done, total),
        )
        outcome.analysis = combine(p.analysis for p in outcome.pages)
        outcome.note = "\n".join(f"{p.label}: {p.note}" for p in outcome.pages if p.note)
        return outcome
