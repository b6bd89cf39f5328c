"""Loaders: a document file in, task records out.

One module per family of layouts, and a detector that picks one from the text::

    >>> from dutygraph.loaders import load
    >>> result = load("../shared/seeds/001_d657d27eca61cd1c.txt")
    >>> result.document.region, len(result.tasks)
    ('鼓楼区', 78)

Loaders know text, not graphs: nothing here imports a database driver.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from dutygraph.errors import DutygraphError, NoTasksError, UnknownLayoutError
from dutygraph.loaders.base import Context, Loader
from dutygraph.loaders.chrome import strip_chrome
from dutygraph.loaders.delimited_table import DelimitedTableLoader
from dutygraph.loaders.finish import finish_tasks
from dutygraph.loaders.flat_table import FlatTableLoader
from dutygraph.loaders.glued import unglue
from dutygraph.loaders.glued_rows import unglue_rows
from dutygraph.loaders.labels import colon_labels
from dutygraph.loaders.metadata import detect_metadata
from dutygraph.loaders.mojibake import number_garbled
from dutygraph.loaders.normalize import Simplifier, split_run_on, undouble, unpipe, unspin
from dutygraph.loaders.numbered_list import NumberedListLoader
from dutygraph.loaders.pipe_page import unflatten_pipe_page
from dutygraph.loaders.read import document_files, read_document, sniff
from dutygraph.loaders.records import DocumentMeta, LoadResult, LoadWarning, TaskRecord
from dutygraph.loaders.region_matrix import RegionMatrixLoader
from dutygraph.loaders.report import ReportLoader
from dutygraph.loaders.run_together_rows import unglue_pipe_rows
from dutygraph.loaders.sectioned import SectionedNoticeLoader
from dutygraph.loaders.spaced_table import spaced_table
from dutygraph.loaders.spam import scrub
from dutygraph.loaders.text import Line, SourceText, clean_line, read_source, strip_glosses
from dutygraph.loaders.unwrap import unwrap
from dutygraph.loaders.verdict import check_decomposition

__all__ = [
    "LOADERS",
    "DocumentMeta",
    "LoadResult",
    "LoadWarning",
    "TaskRecord",
    "detect_layout",
    "layout_names",
    "load",
    "load_many",
    "load_text",
]

log = logging.getLogger(__name__)

#: Every loader, in the order ties are broken.
LOADERS: tuple[Loader, ...] = (
    DelimitedTableLoader(),
    FlatTableLoader(),
    NumberedListLoader(),
    ReportLoader(),
    SectionedNoticeLoader(),
    RegionMatrixLoader(),
)
_HAS_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def layout_names() -> list[str]:
    """Names accepted by ``--layout``."""
    return [loader.name for loader in LOADERS]


def detect_layout(lines: list[Line], path: str | Path = "<text>") -> Loader:
    """Pick the loader whose layout the text looks most like.

    Args:
        lines: the document's cleaned lines.
        path: the file, for the error message.

    Returns:
        The best-scoring loader.

    Raises:
        UnknownLayoutError: no loader recognises the text.
    """
    return ranked_layouts(lines, path)[0]


def ranked_layouts(lines: list[Line], path: str | Path = "<text>") -> list[Loader]:
    """The loaders that recognise the text, best-scoring first (ties in ``LOADERS`` order).

    Raises:
        UnknownLayoutError: no loader recognises the text.
    """
    scored = sorted(((loader.score(lines), -i, loader) for i, loader in enumerate(LOADERS)), reverse=True)
    log.debug("layout scores for %s: %s", path, {ld.name: round(s, 1) for s, _, ld in scored})
    candidates = [loader for score, _, loader in scored if score > 0]
    if not candidates:
        raise UnknownLayoutError(
            path,
            "no recognisable tasks: not a decomposition table, numbered list, work report or sectioned notice "
            "(see --layout)",
        )
    return candidates


def _prepare(src: SourceText) -> tuple[list[Line], list[LoadWarning]]:
    """Clean every line and cut out injected spam, with a warning per line."""
    lines: list[Line] = []
    warnings: list[LoadWarning] = [LoadWarning(src.name, line, message) for line, message in src.notes]
    # before cleaning: a wrapped line's width and the next line's indent are as printed
    raw, unwrapped, wrapped_at = unwrap(src.lines)
    if unwrapped:
        warnings.append(
            LoadWarning(
                src.name,
                None,
                f"lines broken at a width of {wrapped_at} columns (a PDF copied as text): "
                f"{unwrapped} joined to the line before"
                if wrapped_at
                else f"{unwrapped} line(s) opening with 、，；。 or a closing bracket joined to the line before",
            )
        )
    glosses = 0
    for ln in raw:
        text, glossed = strip_glosses(clean_line(ln.text))
        glosses += glossed
        text, spam = scrub(text)
        for s in spam:
            warnings.append(LoadWarning(src.name, ln.no, f"removed text injected by spam: '{s}'"))
        # a line that held only spaces stays one space: in a table of cells set apart by blank lines it is a cell
        spaces_only = not text and not ln.text.strip() and bool(ln.text.strip("\r\n"))  # not spam, not a tab
        lines.append(Line(ln.no, " " if spaces_only else text))
    if glosses:
        warnings.append(
            LoadWarning(src.name, None, f"removed {glosses} pinyin glosses a mirror site put after characters")
        )
    return lines, warnings


def load(
    path: str | Path, *, layout: str | None = None, region: str | None = None, year: int | None = None
) -> LoadResult:
    """Read one document file into task records.

    The format is told from the file's bytes: plain text goes through the text
    layouts; .docx, .doc, .xlsx, .xls, .html, .pdf, .csv and .tsv are read into
    blocks by :mod:`dutygraph.loaders.read` and their tables by
    :mod:`dutygraph.loaders.grid_table`.

    Args:
        path: the document file (text in UTF-8, UTF-8 with BOM, UTF-16 with BOM, or
            GB18030/GBK; or a Word, Excel, HTML, PDF or CSV file).
        layout: a name from :func:`layout_names` to skip detection.
        region: the district, overriding what the text says.
        year: the plan year, overriding what the text says.

    Returns:
        A :class:`LoadResult` with the document's metadata, its tasks and warnings.

    Raises:
        UnreadableFileError: missing, a directory, empty, binary or undecodable.
        UnknownLayoutError: no loader recognises the text, or ``layout`` is unknown.
        NoTasksError: the layout was recognised but no task was found.

    Example:
        >>> r = load("../shared/seeds/003_8726cfd2ff1c199e.txt")
        >>> r.tasks[0].task, r.tasks[0].lead
        ('（1）', ['发改局'])
    """
    fmt = sniff(path)
    if fmt != "text":
        from dutygraph.loaders.grid_table import load_document

        return load_document(read_document(path, fmt), layout=layout, region=region, year=year)
    src = read_source(path)
    return load_text(src, layout=layout, region=region, year=year)


def load_many(
    paths: Iterable[str | Path],
    *,
    layout: str | None = None,
    region: str | None = None,
    year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[LoadResult], list[tuple[Path, DutygraphError]]]:
    """Load every file, keeping going past the ones that fail.

    Args:
        paths: document files, and directories whose documents (every format of
            :data:`dutygraph.loaders.read.DOCUMENT_SUFFIXES`) are read in name order.

    Returns:
        ``(results, failures)``: the loaded documents, and each file that could
        not be read with its error.
    """
    files, empty_dirs = document_files([Path(p) for p in paths])
    results: list[LoadResult] = []
    failures: list[tuple[Path, DutygraphError]] = list(empty_dirs)
    for i, path in enumerate(files, start=1):
        try:
            results.append(load(path, layout=layout, region=region, year=year))
        except DutygraphError as exc:
            failures.append((path, exc))
        if progress:
            progress(i, len(files))
    return results, failures


def _undo_damage(lines: list[Line], src: SourceText, warnings: list[LoadWarning]) -> list[Line]:
    """Undo what copying did to the text (lines doubled, pipes between cells, cells run
    together, a page on one line), with a warning for each; ``src`` holds the lines as printed (their indent)."""
    name = src.name
    lines, doubled = undouble(lines)
    if doubled:
        warnings.append(LoadWarning(name, None, "every line of this text is printed twice; read once"))
    lines, spun = unspin(lines)
    if spun:
        warnings.append(LoadWarning(name, None, f"{spun} role verb(s) reworded by a copying site (卖力) read as 负责"))
    lines, unflattened, page_rows = unflatten_pipe_page(lines)
    if unflattened:
        warnings.append(
            LoadWarning(name, None, "a page on one line holds a table of cells closed by pipes; one cell a line")
        )
    lines, celled = unpipe(lines)
    lines, rows = unglue_pipe_rows(lines)
    rows += page_rows
    if rows:
        warnings.append(
            LoadWarning(name, None, f"{rows} line(s) held a pipe table's rows run together; one row a line")
        )
    lines, spaced, guesses = spaced_table(lines, {ln.no: ln.text for ln in src.lines})
    if spaced:
        warnings.append(LoadWarning(name, None, f"{spaced} table(s) with cells set apart by spaces read as columns"))
    warnings += [LoadWarning(name, no, message) for no, message in guesses]
    lines, glued_rows = unglue_rows(lines)
    lines, glued = unglue(lines)
    warnings += [LoadWarning(name, no, message) for no, message in [*glued_rows, *glued]]
    # A table's cells one per line are cells, however long and numbered inside (1.已完成… 2.…).
    lines, broken = (lines, 0) if celled else split_run_on(lines)
    lines, renumbered = number_garbled(lines)
    warnings += [
        LoadWarning(name, no, f"an item number garbled by a wrong decoding (?。) read as {number}, by its place")
        for no, number in renumbered
    ]
    if broken:
        warnings.append(
            LoadWarning(
                name,
                None,
                f"{broken} line(s) held a whole page (line breaks lost); broken before each number and label",
            )
        )
    return lines


def load_text(
    src: SourceText, *, layout: str | None = None, region: str | None = None, year: int | None = None
) -> LoadResult:
    """Like :func:`load`, for a :class:`SourceText` already read."""
    lines, warnings = _prepare(src)
    lines, chrome = strip_chrome(lines)
    if not any(_HAS_WORDS.search(ln.text) for ln in lines):
        raise NoTasksError(src.path, "the file holds no words, so no tasks")
    simplifier = Simplifier.for_lines(lines)
    if simplifier is not None:  # the cues below are written in simplified characters
        lines = simplifier.convert_lines(lines)
    lines, within = strip_chrome(_undo_damage(lines, src, warnings))  # the frame of a page on one line
    lines = colon_labels(lines)
    if chrome := sorted({*chrome, *within}):
        warnings.append(
            LoadWarning(src.name, chrome[0], f"{len(chrome)} line(s) of the website around the document left out")
        )
    if layout is not None:
        chosen = next((ld for ld in LOADERS if ld.name == layout), None)
        if chosen is None:
            raise UnknownLayoutError(src.path, f"unknown layout '{layout}'; choose one of {', '.join(layout_names())}")
        ctx = Context(src.name, lines, warnings)
        tasks = chosen.parse(ctx)
    else:
        chosen, ctx, tasks = _parse_best(lines, src, warnings)
        tasks = _notice_items(lines, src, ctx, tasks) + tasks
    if not tasks:
        raise NoTasksError(src.path, f"no tasks found (read as {chosen.name}); try another --layout")
    check_decomposition(src.path, tasks)
    meta = detect_metadata(lines)
    region, year = finish_tasks(tasks, meta, region, year, ctx)
    if simplifier is not None:
        _as_printed(tasks, simplifier)
    document = DocumentMeta(
        file=src.name,
        path=str(src.path),
        title=simplifier.printed_form(meta.title) if simplifier else meta.title,
        region=region,
        year=year,
        issuer=meta.issuer,
        layout=chosen.name,
        encoding=src.encoding,
        sha256=src.sha256,
        flags=list(dict.fromkeys(ctx.flags)),
        number=meta.number,
        date=meta.date,
    )
    warnings = sorted(ctx.warnings, key=lambda w: (w.line is not None, w.line or 0))
    return LoadResult(document, tasks, warnings)


def _parse_best(
    lines: list[Line], src: SourceText, warnings: list[LoadWarning]
) -> tuple[Loader, Context, list[TaskRecord]]:
    """Parse with the best-scoring layout; when it finds no task, or no task with a
    unit while a lower-scoring layout gives most of its tasks units, take that one."""
    candidates = ranked_layouts(lines, src.path)
    fallback: tuple[Loader, Context, list[TaskRecord]] | None = None
    for rank, loader in enumerate(candidates):
        ctx = Context(src.name, lines, list(warnings))
        tasks = loader.parse(ctx)
        with_units = sum(1 for t in tasks if t.lead or t.support or t.leaders)
        if (rank == 0 and with_units) or (rank > 0 and tasks and with_units >= 0.5 * len(tasks)):
            return loader, ctx, tasks
        if fallback is None or (not fallback[2] and tasks):
            fallback = (loader, ctx, tasks)
    assert fallback is not None
    return fallback


#: 附件1： / 附件 2 on a line of its own: an attachment's body starts after it (not the notice's 附件：1.…表 list).
_ATTACHMENT = re.compile(r"^\s*附\s*件\s*\d{0,2}\s*[:：]?\s*$")


def _notice_items(lines: list[Line], src: SourceText, ctx: Context, tasks: list[TaskRecord]) -> list[TaskRecord]:
    """The tasks the notice itself numbers, with their units, when the layout read only its attachment: a
    notice whose items each name their 责任单位, then 附件1 and a table of more tasks. Empty for other texts."""
    at = next((i for i, ln in enumerate(lines) if _ATTACHMENT.match(ln.text)), None)
    if at is None or not tasks or min(t.line for t in tasks) <= lines[at].no:
        return []
    try:
        loader, before, found = _parse_best(lines[:at], src, [])
    except UnknownLayoutError:
        return []  # the notice numbers nothing
    if not found or any(not (t.lead or t.support or t.leaders) for t in found):
        return []  # a notice's own numbered points (一、高度重视 …) name no units: they are no tasks
    ctx.warnings.extend(w for w in before.warnings if w not in ctx.warnings)
    ctx.warn(lines[at].no, f"read {len(found)} tasks in the notice before its attachment ({loader.name}) too")
    return found


def _as_printed(tasks: list[TaskRecord], simplifier: Simplifier) -> None:
    """Give back the printed (traditional) characters of everything read from the simplified text."""
    for t in tasks:
        t.text = simplifier.printed_form(t.text) or t.text
        t.goal = simplifier.printed_form(t.goal)
        t.area = simplifier.printed_form(t.area)
        t.deadline = simplifier.printed_form(t.deadline)
        for target in t.targets:
            target["indicator"] = simplifier.printed_form(target["indicator"])
            target["text"] = simplifier.printed_form(target["text"])
        for role in ("lead", "support", "leaders"):
            setattr(t, role, [simplifier.printed_form(n) or n for n in getattr(t, role)])
