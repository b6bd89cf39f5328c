"""The verdict on a text read as a decomposition: is it one at all?

A plan is written in everyday characters: in the documents read so far, over 97 %
of the Chinese characters of their tasks are among the 6,763 of GB2312 or the
5,401 common ones of Big5 (traditional texts). Random characters are not: of all
20,902 in the basic CJK block, 42 % are. A text whose "tasks" fall far below is
random text that happened to be numbered, and is refused instead of being stored
as thousands of tasks. Short texts are left alone: too few characters to judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from dutygraph.errors import NotADecompositionError
from dutygraph.loaders.records import TaskRecord

#: Below this share of everyday characters, the tasks read as random text.
MIN_EVERYDAY = 0.8
#: Fewer Chinese characters than this in all the tasks: too short to judge.
MIN_CHARACTERS = 300
#: The verdict reads at most this many characters (a 50 MB text is judged as fast as a page).
SAMPLE = 20_000


@cache
def everyday_characters() -> frozenset[str]:
    """The characters of GB2312 and the common (level 1) ones of Big5.

    >>> {"发", "展", "發", "龘"} & everyday_characters() == {"发", "展", "發"}
    True
    """
    out = set()
    for code in range(0x4E00, 0x9FA6):
        ch = chr(code)
        try:
            ch.encode("gb2312")
            out.add(ch)
            continue
        except UnicodeEncodeError:
            pass
        try:
            if 0xA4 <= ch.encode("big5")[0] <= 0xC6:
                out.add(ch)
        except UnicodeEncodeError:
            pass
    return frozenset(out)


def everyday_share(texts: Sequence[str]) -> tuple[float, int]:
    """The share of everyday characters among the Chinese characters of ``texts``, and how many were read.

    >>> everyday_share(["推进产业发展", "龘靐齉"])
    (0.6666666666666666, 9)
    """
    han: list[str] = []
    for text in texts:
        han.extend(c for c in text if "\u4e00" <= c <= "\u9fff")
        if len(han) >= SAMPLE:
            break
    if not han:
        return 1.0, 0
    common = everyday_characters()
    return sum(c in common for c in han) / len(han), len(han)


def check_decomposition(path: str | Path, tasks: Sequence[TaskRecord]) -> None:
    """Refuse tasks that read as random text.

    Raises:
        NotADecompositionError: the tasks have enough characters to judge, and
            too few of them are everyday characters.

    >>> from dutygraph.loaders import load
    >>> check_decomposition("000.txt", load("../shared/seeds/000_654dc59a8ba40907.txt").tasks)
    >>> try:
    ...     check_decomposition("noise.txt", [TaskRecord(None, None, "1", "龘靐齉爩" * 100)])
    ... except NotADecompositionError as exc:
    ...     print(exc.message[:60])
    not a decomposition: only 0% of the characters of its 1 'tas
    """
    share, read = everyday_share([t.text for t in tasks])
    if read >= MIN_CHARACTERS and share < MIN_EVERYDAY:
        raise NotADecompositionError(
            path,
            f"not a decomposition: only {share:.0%} of the characters of its {len(tasks)} 'tasks' are in everyday "
            "use (a plan has over 97%); it reads as random text",
        )
