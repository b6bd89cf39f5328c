"""The development corpus of real documents (tests/corpus/): its gold is sound, and the
loaders keep reading it at least as well as the targets (95 % of tasks, role F1 0.95)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import check_gold, corpus_documents, score_document, total

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCUMENTS = corpus_documents(CORPUS)


def test_the_corpus_covers_the_genre_broadly():
    provinces = {gold["province"] for _, gold in DOCUMENTS}
    levels = {gold["level"] for _, gold in DOCUMENTS}
    assert len(DOCUMENTS) >= 30
    assert len(provinces) >= 8
    assert {"province", "city", "county", "district"} <= levels


@pytest.mark.parametrize(("doc", "gold"), DOCUMENTS, ids=[d.stem for d, _ in DOCUMENTS])
def test_every_gold_text_and_name_is_printed_in_its_document(doc, gold):
    assert check_gold(doc, gold) == []
    assert gold["source"].startswith("http")


def test_overall_tasks_found_and_role_f1_meet_the_targets():
    scores = [score_document(doc, gold) for doc, gold in DOCUMENTS]
    overall = total(scores)
    assert overall.found / overall.gold_tasks >= 0.95, f"{overall.found} of {overall.gold_tasks} tasks found"
    assert overall.f1 >= 0.95, f"role F1 {overall.f1:.3f}"
    assert all(s.error is None for s in scores if s.gold_tasks > 1), [s.name for s in scores if s.error]
