"""The development corpus of real documents (tests/corpus/): its gold is sound, and the
loaders read it no worse than they do now.

Measured with `make accuracy` (268 documents, seventeen rounds): 1115 of 1187 tasks found (93.9 %),
role F1 0.967; rounds 9 to 17 when first read, before any tuning to them: 60 of 66 (F1 0.887),
65 of 73 (0.739), 70 of 72 (0.818), 13 of 24 (0.174), 20 of 22 (0.870), 24 of 28 (0.769), 37 of 67 (0.715),
63 of 94 (0.789), 53 of 56 (0.926, round 17a/c) and 23 of 43 (0.366, round 17b). The target is 95 % and 0.95; the floors below hold what is reached,
so a change that reads the corpus worse fails here."""

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
    # today 1249 of 1333 tasks (93.7 %), F1 0.964; rounds 10 to 19 brought layouts not yet read (matrix tables
    # of targets by district, progress tables of nested groups, an indicator table of value columns)
    assert overall.found / overall.gold_tasks >= 0.93, f"{overall.found} of {overall.gold_tasks} tasks found"
    assert overall.f1 >= 0.96, f"role F1 {overall.f1:.3f}"
    unread = [s.name for s in scores if s.error and s.gold_tasks > 1]
    # today six: a progress table whose cells lost every separator (西城 2020), two matrix tables of targets by
    # district (眉山 2019, 2021), an indicator table of value columns (三明 2008), an inspection-group table
    # (西安 2012) and a project table glued into one line (龙泉驿 2009); a seventh fails here
    assert len(unread) <= 6, unread


@pytest.mark.parametrize("variant", sorted(set(VARIANTS) - {"one-line"}))
def test_the_corpus_reads_as_well_printed_the_other_ways_of_the_genre(variant):
    """Labels in brackets or before a space, their synonyms, the other width of punctuation,
    traditional characters, a website's frame …: each variant is read as well as the corpus."""
    plain = total([score_document(doc, gold) for doc, gold in DOCUMENTS])
    overall = total(score_variant(CORPUS, variant))
    assert overall.found >= plain.found - 2, f"{variant}: {overall.found} of {overall.gold_tasks} tasks"
    assert overall.f1 >= plain.f1 - 0.01, f"{variant}: role F1 {overall.f1:.3f} (as printed {plain.f1:.3f})"


def test_the_corpus_printed_on_one_line_holds_what_is_reached():
    overall = total(score_variant(CORPUS, "one-line"))  # today 1196 of 1333 tasks (89.7 %), F1 0.917
    assert overall.found / overall.gold_tasks >= 0.89 and overall.f1 >= 0.91
