"""The development corpus of real documents (tests/corpus/): its gold is sound, and the
loaders read it no worse than they do now.

Measured with `make accuracy` (70 documents, three rounds): 349 of 358 tasks found (97.5 %),
role F1 0.984. The target is
95 % and 0.95; the floors below hold what is reached, so a change that reads the corpus
worse fails here."""

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


def test_overall_tasks_found_and_role_f1_hold_what_is_reached():
    scores = [score_document(doc, gold) for doc, gold in DOCUMENTS]
    overall = total(scores)
    assert overall.found / overall.gold_tasks >= 0.97, f"{overall.found} of {overall.gold_tasks} tasks found"
    assert overall.f1 >= 0.975, f"role F1 {overall.f1:.3f}"
    unread = [s.name for s in scores if s.error and s.gold_tasks > 1]
    assert len(unread) <= 1, unread  # today: 长沙 2012, a layout not read yet (see README)
