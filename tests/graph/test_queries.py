"""Saved queries' typed parameters: converted by the declared type, refused when they do not convert."""

from __future__ import annotations

import pytest

from dutygraph.errors import QueryError
from dutygraph.graph.queries import parse, saved_queries, used_params


def test_every_saved_query_declares_a_type_for_each_parameter_its_text_uses():
    for name, q in saved_queries().items():
        assert set(q.params) == used_params(q.text), name
        assert all(q.types[p] in ("string", "int", "float", "bool", "list") for p in q.params), name


def test_a_number_given_to_a_string_parameter_stays_a_string():
    q = saved_queries()["unit_partners"]
    assert q.bind_text({"unit": "2"})["unit"] == "2"


def test_an_int_parameter_is_converted_and_null_leaves_it_out():
    q = saved_queries()["units_by_tasks_led"]
    assert q.bind_text({"year": "2024", "region": "null"}) == {"region": None, "year": 2024, "limit": 20}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("year", "2024.5", "--param year=2024.5: year is an int, and '2024.5' is not one"),
        ("limit", "二十", "--param limit=二十: limit is an int, and '二十' is not one"),
    ],
)
def test_a_value_that_does_not_convert_is_refused_in_one_line_naming_the_parameter_and_type(name, value, message):
    with pytest.raises(QueryError) as refused:
        saved_queries()["units_by_tasks_led"].bind_text({name: value})
    assert str(refused.value) == message


def test_a_bool_parameter_takes_true_or_false_only():
    q = saved_queries()["unit_load_by_year"]
    assert q.bind_text({"include_inferred": "true"})["include_inferred"] is True
    with pytest.raises(QueryError, match="include_inferred is a bool"):
        q.bind_text({"include_inferred": "yes"})


def test_an_unknown_parameter_of_a_saved_query_is_an_error():
    with pytest.raises(QueryError, match="takes no parameter regoin"):
        saved_queries()["units_by_tasks_led"].bind_text({"regoin": "钟楼区"})


def test_an_unknown_parameter_of_an_e_query_is_an_error_found_from_its_text():
    q = parse("-e", "MATCH (u:Unit) WHERE u.region = $region RETURN u.name // $regoin is only a comment")
    assert q.bind_text({"region": "钟楼区"}) == {"region": "钟楼区"}
    with pytest.raises(QueryError, match=r"uses no parameter \$regoin \(it uses \$region\)"):
        q.bind_text({"regoin": "钟楼区"})


def test_a_parameter_an_e_query_uses_but_is_not_given_is_an_error():
    with pytest.raises(QueryError, match=r"uses \$region: give it with --param region="):
        parse("-e", "MATCH (u:Unit) WHERE u.region = $region RETURN u.name").bind_text({})


def test_the_old_header_form_is_still_read_with_the_type_of_its_default():
    q = parse("old", "// x\n// @param year 2024  Plan year.\nRETURN $year AS y")
    assert q.types == {"year": "int"} and q.bind_text({"year": "2021"}) == {"year": 2021}


def test_saved_queries_keep_their_file_names():
    assert {"units_by_tasks_led", "unit_partners", "goal_responsibility_path"} <= set(saved_queries())
    assert all(q.name == name for name, q in saved_queries().items())
