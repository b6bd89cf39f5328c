"""How well the loaders read real documents: tasks found and role precision/recall/F1.

The development corpus (``tests/corpus/``) holds real documents of the genre, each
as ``NAME.<ext>`` (the document as published: .txt, .html, .docx, …) beside
``NAME.json``, written by hand before the loaders were tuned to it::

    {"source": "http://…", "province": "辽宁", "level": "district", "year": 2023,
     "tasks": [{"task": "1", "text": "努力实现地区生产总值增长6.2%左右",
                "lead": ["区发改局"], "support": ["立山经济开发区"], "leaders": []}, …]}

A gold task is found when an extracted task's text starts with the gold text's
first characters (spaces, punctuation and the number removed; traditional
characters compared in simplified form), in document order. Roles are compared
as (task, role, name) triples over lead, support and leaders: a name in the wrong
role is a miss and a false alarm; names of extracted tasks that match no gold
task are false alarms too.

    python -m bench.accuracy [tests/corpus] [--only NAME] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from dutygraph.loaders.text import strip_glosses

ROLES = ("lead", "support", "leaders")
_KEY_CHARS = 8
_NOISE = re.compile(r"[\s\u3000\u00a0，,。.、；;：:“”\"'‘’《》〈〉()（）\[\]【】—\-－…!！?？·•*#|★☆]")
_NUMBER = re.compile(
    r"^\s*(?:[（(]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[）)]|\d{1,3}\s*[.．、﹒]|[一二三四五六七八九十]{1,3}\s*、)\s*"
)


@cache
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover
        return None
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    conv = _t2s()
    return conv.convert(text) if conv else text


def text_key(text: str) -> str:
    """The characters a task is recognised by: its text's start, without number or punctuation."""
    return _NOISE.sub("", simplified(strip_glosses(_NUMBER.sub("", text or ""))[0]))


def name_key(name: str) -> str:
    """A name as compared: no spaces, one width of brackets, simplified characters."""
    name = re.sub(r"[\s\u3000\u00a0]", "", simplified(strip_glosses(name)[0]))
    return name.replace("（", "(").replace("）", ")").strip("。.，,、；;")


@dataclass
class DocScore:
    name: str
    gold_tasks: int
    found: int = 0
    extracted: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    error: str | None = None
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _triples(task: dict, index: int) -> set[tuple[int, str, str]]:
    return {(index, role, name_key(n)) for role in ROLES for n in task.get(role) or [] if name_key(n)}


def score_document(doc: Path, gold: dict) -> DocScore:
    """Load ``doc`` with the loaders and compare it with its gold records."""
    from dutygraph.errors import DutygraphError
    from dutygraph.loaders import load

    score = DocScore(doc.stem, len(gold["tasks"]))
    try:
        records = load(doc).to_json_records()
    except DutygraphError as exc:
        records = []
        score.error = str(exc)
    score.extracted = len(records)
    keys = [text_key(r["text"]) for r in records]
    used: set[int] = set()
    cursor = 0
    for gi, g in enumerate(gold["tasks"]):
        want = text_key(g["text"])[:_KEY_CHARS]
        match = None
        for order in (range(cursor, len(records)), range(0, cursor)):
            match = next((i for i in order if i not in used and want and keys[i].startswith(want)), None)
            if match is not None:
                break
        gold_set = _triples(g, gi)
        if match is None:
            score.fn += len(gold_set)
            score.misses.append(f"task {g.get('task')} not found: {g['text'][:30]}")
            continue
        used.add(match)
        cursor = match + 1
        score.found += 1
        got = _triples(records[match], gi)
        score.tp += len(gold_set & got)
        score.fp += len(got - gold_set)
        score.fn += len(gold_set - got)
        for _, role, name in sorted(gold_set - got, key=lambda t: t[1:]):
            score.misses.append(f"task {g.get('task')}: {role} {name} missing (got {_roles(records[match])})")
        for _, role, name in sorted(got - gold_set, key=lambda t: t[1:]):
            score.misses.append(f"task {g.get('task')}: {role} {name} extra")
    for i, r in enumerate(records):
        if i not in used:
            extra = _triples(r, -1)
            score.fp += len(extra)
            if extra:
                score.misses.append(f"extra task {r['task']} ({len(extra)} names): {r['text'][:30]}")
    return score


def _roles(record: dict) -> str:
    return "; ".join(f"{role}={','.join(record.get(role) or [])}" for role in ROLES if record.get(role))


def corpus_documents(folder: Path) -> list[tuple[Path, dict]]:
    """Every document of the corpus with its gold, in name order."""
    out = []
    for gold_file in sorted(folder.glob("*.json")):
        docs = [p for p in gold_file.parent.glob(gold_file.stem + ".*") if p.suffix != ".json"]
        if len(docs) != 1:
            raise SystemExit(f"{gold_file}: expected one document beside it, found {len(docs)}")
        out.append((docs[0], json.loads(gold_file.read_text(encoding="utf-8"))))
    return out


def check_gold(doc: Path, gold: dict) -> list[str]:
    """Problems with a gold file: a task text or a name its document does not print."""
    problems = []
    if doc.suffix not in (".txt", ".md", ".tsv", ".csv", ".html", ".htm"):
        return problems
    raw = doc.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    flat = re.sub(r"[\s\u3000\u00a0]", "", text)
    keys = text_key(text)
    for k in ("source", "province", "level", "tasks"):
        if k not in gold:
            problems.append(f"{doc.name}: gold lacks '{k}'")
    for g in gold.get("tasks", []):
        if text_key(g["text"])[:_KEY_CHARS] not in keys:
            problems.append(f"{doc.name}: task {g.get('task')}: text not in the document: {g['text'][:30]}")
        for role in ROLES:
            for n in g.get(role) or []:
                if re.sub(r"[\s\u3000\u00a0]", "", n) not in flat:
                    problems.append(f"{doc.name}: task {g.get('task')}: {role} '{n}' not printed in the document")
    return problems


def total(scores: list[DocScore]) -> DocScore:
    t = DocScore("overall", sum(s.gold_tasks for s in scores))
    for s in scores:
        t.found += s.found
        t.extracted += s.extracted
        t.tp += s.tp
        t.fp += s.fp
        t.fn += s.fn
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tasks found and role precision/recall/F1 on the development corpus.")
    parser.add_argument("corpus", nargs="?", default="tests/corpus", type=Path)
    parser.add_argument("--only", help="score only documents whose name contains this")
    parser.add_argument("--show-misses", action="store_true", help="list every missed or extra task and name")
    parser.add_argument(
        "--check-gold", action="store_true", help="check that every gold text and name is printed in its document"
    )
    args = parser.parse_args(argv)
    if args.check_gold:
        problems = [p for doc, gold in corpus_documents(args.corpus) for p in check_gold(doc, gold)]
        print("\n".join(problems) or "every gold text and name is printed in its document")
        return 1 if problems else 0
    import logging

    logging.disable(logging.WARNING)
    scores = []
    for doc, gold in corpus_documents(args.corpus):
        if args.only and args.only not in doc.name:
            continue
        scores.append(score_document(doc, gold))
    width = max((len(s.name) for s in scores), default=10)
    print(f"{'document':<{width}}  tasks found   extracted  precision  recall     F1")
    for s in [*scores, total(scores)]:
        if s.name == "overall":
            print("-" * (width + 56))
        pct = f"{s.found}/{s.gold_tasks}"
        line = f"{s.name:<{width}}  {pct:>11}  {s.extracted:>10}  {s.precision:>9.3f}  {s.recall:>6.3f}  {s.f1:>5.3f}"
        print(line + (f"  ({s.error})" if s.error else ""))
        if args.show_misses and s.misses:
            for m in s.misses:
                print(f"    {m}")
    t = total(scores)
    if t.gold_tasks:
        print(
            f"\n{len(scores)} documents: {t.found} of {t.gold_tasks} tasks found ({t.found / t.gold_tasks:.1%}), "
            f"role precision {t.precision:.3f}, recall {t.recall:.3f}, F1 {t.f1:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
