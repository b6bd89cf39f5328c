"""The collector is paused inside bulk building and restored after, also when nested or on an error."""

from __future__ import annotations

import gc

import pytest

from dutygraph.gcpause import paused_gc
from dutygraph.graph.analysis import analyze
from dutygraph.graph.build import build_graph
from tests.conftest import seed


def test_paused_inside_restored_after_even_nested_and_on_error():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost block turns it back on
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_building_and_analysing_a_graph_leave_the_collector_on():
    G = build_graph([seed("003")])
    assert gc.isenabled()
    assert analyze(G).units and gc.isenabled()
