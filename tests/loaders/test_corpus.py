"""The development corpus of real documents (tests/corpus/): its gold is sound, and the
loaders read it no worse than they do now.

Measured with `make accuracy` (411 documents, thirty-five rounds): 1977 of 2051 tasks found (96.4 %),
role F1 0.971. Each round is measured before any tuning to it (README.md lists them); rounds 20 to 26,
55 documents, read so: 259 of 318 tasks (81.4 %), F1 0.803; round 28, 49 of 61 (80.3 %), F1 0.862;
round 29, 30 of 67 (44.8 %), F1 0.593; round 30, 11 of 13, F1 0.642; round 31, 15 of 25, F1 0.276;
round 32, 86 of 92, F1 0.840; round 33, 12 of 14, F1 0.750; round 34, 4 of 6, F1 0.615; round 35, 40 of 58,
F1 0.748; round 36, 19 of 30, F1 0.794 and 30 of 30, F1 0.889 (its two parts). The target is 95 % and 0.95; the floors below hold what is
reached, so a change that reads the corpus worse fails here."""

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
    # today 1977 of 2051 tasks (96.4 %), F1 0.971; rounds 10 to 36 brought layouts not yet read (progress
    # tables of nested groups, an indicator table of value columns, news paragraphs naming 主要责任单位为X,
    # a gazette page whose two columns are interleaved)
    assert overall.found / overall.gold_tasks >= 0.96, f"{overall.found} of {overall.gold_tasks} tasks found"
    assert overall.f1 >= 0.968, f"role F1 {overall.f1:.3f}"
    unread = [s.name for s in scores if s.error and s.gold_tasks > 1]
    # today three: a progress table whose cells lost every separator (西城 2020), an indicator table of value
    # columns (三明 2008) and a table glued into one line (龙泉驿 2009); a fourth fails here
    assert len(unread) <= 3, unread


@pytest.mark.parametrize("variant", sorted(set(VARIANTS) - {"one-line", "html-table", "wrapped"}))
def test_the_corpus_reads_as_well_printed_the_other_ways_of_the_genre(variant):
    """Labels in brackets or before a space, their synonyms, the other width of punctuation,
    traditional characters, a website's frame …: each variant is read as well as the corpus."""
    plain = total([score_document(doc, gold) for doc, gold in DOCUMENTS])
    overall = total(score_variant(CORPUS, variant))
    assert overall.found >= plain.found - 2, f"{variant}: {overall.found} of {overall.gold_tasks} tasks"
    assert overall.f1 >= plain.f1 - 0.01, f"{variant}: role F1 {overall.f1:.3f} (as printed {plain.f1:.3f})"


def test_the_corpus_printed_on_one_line_holds_what_is_reached():
    overall = total(score_variant(CORPUS, "one-line"))  # today 1881 of 2051 tasks (91.7 %), F1 0.932
    assert overall.found / overall.gold_tasks >= 0.91 and overall.f1 >= 0.93


def test_the_corpus_with_its_pipe_tables_served_as_real_html_tables_holds_what_is_reached():
    """The table reader of Word, Excel and HTML files on the corpus's tables. A pipe row that lost a merged
    cell is served short (a real page would span the cell), so a few documents read worse than printed."""
    overall = total(score_variant(CORPUS, "html-table"))  # today 1964 of 2051 tasks (95.8 %), F1 0.960
    assert overall.found / overall.gold_tasks >= 0.95 and overall.f1 >= 0.955


def test_the_corpus_wrapped_at_a_pdf_pages_width_holds_what_is_reached():
    """Every line broken at 76 columns, as a PDF copied as text prints it: the loaders join the lines again."""
    overall = total(score_variant(CORPUS, "wrapped"))  # today 1970 of 2051 tasks (96.1 %), F1 0.961
    assert overall.found / overall.gold_tasks >= 0.95 and overall.f1 >= 0.955
