"""The development corpus of real documents (tests/corpus/): its gold is sound, and the
loaders read it no worse than they do now.

Measured with `make accuracy` (207 documents, fourteen rounds): 908 of 925 tasks found (98.2 %),
role F1 0.976; rounds 9 to 14 when first read, before any tuning to them: 60 of 66 (F1 0.887),
65 of 73 (0.739), 70 of 72 (0.818), 13 of 24 (0.174), 20 of 22 (0.870) and 24 of 28 (0.769). The target is 95 % and
0.95; the floors below hold what is reached, so a change that reads the corpus worse fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import check_gold, corpus_documents, score_document, total
from bench.variants import VARIANTS, score_variant

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
    # today 908 of 925 tasks (98.2 %), F1 0.976; rounds 10 to 13 brought layouts not yet read (a progress table
    # of nested groups, a two-row header over sub-rows, a progress report run together on one line)
    assert overall.found / overall.gold_tasks >= 0.98, f"{overall.found} of {overall.gold_tasks} tasks found"
    assert overall.f1 >= 0.97, f"role F1 {overall.f1:.3f}"
    unread = [s.name for s in scores if s.error and s.gold_tasks > 1]
    assert len(unread) <= 1, unread  # today: none


@pytest.mark.parametrize("variant", sorted(set(VARIANTS) - {"one-line"}))
def test_the_corpus_reads_as_well_printed_the_other_ways_of_the_genre(variant):
    """Labels in brackets or before a space, their synonyms, the other width of punctuation,
    traditional characters, a website's frame …: each variant is read as well as the corpus."""
    plain = total([score_document(doc, gold) for doc, gold in DOCUMENTS])
    overall = total(score_variant(CORPUS, variant))
    assert overall.found >= plain.found - 2, f"{variant}: {overall.found} of {overall.gold_tasks} tasks"
    assert overall.f1 >= plain.f1 - 0.01, f"{variant}: role F1 {overall.f1:.3f} (as printed {plain.f1:.3f})"


def test_the_corpus_printed_on_one_line_holds_what_is_reached():
    overall = total(score_variant(CORPUS, "one-line"))  # today 884 of 925 tasks (95.6 %), F1 0.935
    assert overall.found / overall.gold_tasks >= 0.95 and overall.f1 >= 0.93
