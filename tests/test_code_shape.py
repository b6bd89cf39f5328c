"""The library stays readable: modules under 400 lines, functions under 60 lines of code."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dutygraph"
MAX_MODULE_LINES = 400
MAX_FUNCTION_CODE_LINES = 60


def code_lines(source: str, first: int, last: int) -> int:
    """Lines between first and last (1-based, inclusive) holding code, not blank, comment or docstring."""
    lines: set[int] = set()
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    previous = tokenize.NEWLINE
    for tok in tokens:
        kind = tok.type
        if kind in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            if kind != tokenize.NL:
                previous = kind
            continue
        if kind == tokenize.STRING and previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            previous = kind  # a statement that is only a string: a docstring
            continue
        previous = kind
        lines.update(range(tok.start[0], tok.end[0] + 1))
    return sum(1 for n in lines if first <= n <= last)


def long_functions(path: Path) -> list[str]:
    """Functions of the module whose body holds more than the limit of code lines."""
    source = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            n = code_lines(source, node.lineno, node.end_lineno or node.lineno)
            if n > MAX_FUNCTION_CODE_LINES:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({n} lines of code)")
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_code_lines_skips_docstrings_comments_and_blanks() -> None:
    source = 'def f():\n    """Doc.\n\n    More."""\n    # why\n\n    return 1\n'
    assert code_lines(source, 1, 7) == 2


def test_no_module_of_the_library_is_over_400_lines() -> None:
    long = [f"{p.relative_to(PACKAGE)} ({n})" for p in modules() if (n := len(p.read_text("utf-8").splitlines())) > 400]
    assert not long, "modules over 400 lines: " + ", ".join(long)


def test_no_function_of_the_library_is_over_60_lines_of_code() -> None:
    long = [f for p in modules() for f in long_functions(p)]
    assert not long, "functions over 60 lines of code: " + "; ".join(long)
