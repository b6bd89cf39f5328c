"""Typed records passed from the loaders to the graph module.

A loader turns one document file into a :class:`LoadResult`: the document's
metadata, one :class:`TaskRecord` per task (工作标准 / numbered item) and the
warnings it raised while reading. Records hold names exactly as printed (after
rejoining broken lines and removing spaces inside a name); resolving aliases is
the graph module's job.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Fields of a task that can be inherited from the row above.
INHERITABLE = ("lead", "support", "leaders")

#: Flag set when the source's repeated lines were removed before we saw it.
DEDUPLICATED = "deduplicated"


@dataclass(slots=True)
class LoadWarning:
    """Something a loader was unsure about, with where it happened.

    Attributes:
        file: the document's file name.
        line: 1-based source line, or None when it concerns the whole document.
        message: what happened and what the loader did about it.
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


@dataclass(slots=True)
class DocumentMeta:
    """What the loader knows about the document as a whole.

    Attributes:
        file: file name (no directory), the ``doc`` of every task.
        path: the path the document was read from.
        title: the document's title, when one was found.
        region: district (钟楼区, 鼓楼区, …), or None when it could not be told.
        year: plan year, or None when it could not be told.
        issuer: issuing body (常州市钟楼区人民政府), or None.
        layout: name of the loader that read it.
        encoding: the text encoding detected.
        sha256: hex digest of the file's bytes.
        flags: facts about the source, e.g. ``"deduplicated"``.
        number: the document number (文号) as printed (鼓政〔2024〕2号), when one was found.
        date: the date it was issued (ISO), when one was found.
    """

    file: str
    path: str
    title: str | None = None
    region: str | None = None
    year: int | None = None
    issuer: str | None = None
    layout: str = ""
    encoding: str = "utf-8"
    sha256: str = ""
    flags: list[str] = field(default_factory=list)
    number: str | None = None
    date: str | None = None


@dataclass(slots=True)
class TaskRecord:
    """One task with the units and leaders responsible for it.

    Attributes:
        goal: the top-level goal (目标名称 / 一、section) the task belongs to.
        area: the sub-heading inside the goal, or None.
        task: the task number exactly as printed ("(1)", "（1）", "12"), or
            "M1", "M2", … for unnumbered items.
        text: the task's text (工作标准 / item body).
        lead: lead units (牵头单位 / 主办), as printed.
        support: supporting units (配合单位 / 协办), as printed.
        leaders: supervising leaders (分管领导), as printed.
        inherited: which of lead/support/leaders were not printed in the task's own
            row and were taken from the row above.
        line: 1-based line of the task in the source.
        lines: 1-based source line of each field value that was read, keyed by
            field name ("lead", "support", "leaders").
        goal_no: the goal's number as printed (一, 1), when there is one.
        deadline: the 完成时限 as printed (12月底前, 年底建成), when the document gives one.
        deadline_date: the last day that deadline allows (ISO), when it names a time.
        targets: the quantitative targets printed in the text (indicator, value,
            unit, direction, qualifier, text), see :mod:`dutygraph.loaders.targets`.
    """

    goal: str | None
    area: str | None
    task: str
    text: str
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    inherited: list[str] = field(default_factory=list)
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    goal_no: str | None = None
    deadline: str | None = None
    deadline_date: str | None = None
    targets: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class LoadResult:
    """A loaded document: metadata, tasks and warnings."""

    document: DocumentMeta
    tasks: list[TaskRecord]
    warnings: list[LoadWarning] = field(default_factory=list)

    def to_json_records(self) -> list[dict[str, Any]]:
        """Return the ``dutygraph extract --format jsonl`` objects, one per task.

        Keys follow the contract in DESIGN.md: doc, region, year, goal, area, task,
        text, lead, support, leaders, inherited, flags; then ``line`` and
        ``layout`` (fields may be added, never renamed).
        """
        doc = self.document
        out: list[dict[str, Any]] = []
        for t in self.tasks:
            out.append(
                {
                    "doc": doc.file,
                    "region": doc.region,
                    "year": doc.year,
                    "goal": t.goal,
                    "area": t.area,
                    "task": t.task,
                    "text": t.text,
                    "lead": list(t.lead),
                    "support": list(t.support),
                    "leaders": list(t.leaders),
                    "inherited": list(t.inherited),
                    "flags": list(doc.flags),
                    "goal_no": t.goal_no,
                    "line": t.line,
                    "lines": dict(t.lines),
                    "layout": doc.layout,
                    "deadline": t.deadline,
                    "deadline_date": t.deadline_date,
                    "targets": [dict(x) for x in t.targets],
                }
            )
        return out

    def as_dict(self) -> dict[str, Any]:
        """Everything as plain data (for tests and tools)."""
        return asdict(self)
