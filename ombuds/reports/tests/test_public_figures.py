"""The public form of a dataset: no count of 1–4 is shown, and no hidden count can be worked out
from the total and the counts that are shown (datasets.public_figures)."""

from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ombuds.reports.datasets import SECONDARY_MARK, SMALL_MARK, public_figures
from ombuds.reports.statistics import SMALL, UNBOUNDED


def _measure(values: dict[str, int], *, additive: bool = True, total: int | None = None) -> dict:
    return {
        "unit": "appeal",
        "additive": additive,
        "values": values,
        "total": sum(values.values()) if total is None else total,
        "labels": {key: {"en": key} for key in values},
    }


def _public(measures: dict, entered: dict | None = None) -> dict:
    return public_figures(SimpleNamespace(data={"measures": measures, "entered": entered or {}}))


def _what_a_reader_knows(shown: dict) -> dict[str, tuple[int, int]]:
    """Each hidden cell's possible range, worked out as an attacker would: from the shown total,
    the shown cells, and what each mark says ("<5": 1–4; "*": 5 or more)."""
    bounds = {
        key: ((1, SMALL - 1) if mark == SMALL_MARK else (SMALL, UNBOUNDED)) for key, mark in shown["suppressed"].items()
    }
    rest = shown["total"] - sum(v for v in shown["values"].values() if v is not None)
    ranges = {}
    for key, (lo, hi) in bounds.items():
        others_lo = sum(b[0] for other, b in bounds.items() if other != key)
        others_hi = sum(b[1] for other, b in bounds.items() if other != key)
        ranges[key] = (max(lo, rest - others_hi), min(hi, rest - others_lo))
    return ranges


cells = st.dictionaries(
    st.sampled_from([f"c{i}" for i in range(8)]),
    st.one_of(st.integers(0, 6), st.integers(0, 40)),
    min_size=1,
    max_size=8,
)


# The first example pays for imports: not a slow strategy.
QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(cells)
def test_no_hidden_cell_of_an_additive_measure_can_be_worked_out(values):
    shown = _public({"m.x": _measure(values)})["measures"]["m.x"]
    for key, value in shown["values"].items():
        assert value is None or not 0 < value < SMALL, f"{key} shows a small count"
        assert (value is None) == (key in shown["suppressed"])
        if value is not None:
            assert value == values[key]
    assert shown["total"] is None or not 0 < shown["total"] < SMALL
    if shown["total"] is not None and shown["suppressed"]:
        for key, (lo, hi) in _what_a_reader_knows(shown).items():
            assert lo < hi, f"{key} can be worked out: {values}"


@QUICK
@given(cells, st.integers(0, 60))
def test_a_non_additive_measure_hides_its_small_cells_and_small_total(values, total):
    shown = _public({"m.x": _measure(values, additive=False, total=total)})["measures"]["m.x"]
    assert all(v is None or not 0 < v < SMALL for v in shown["values"].values())
    assert set(shown["suppressed"]) == {key for key, v in values.items() if 0 < v < SMALL}
    assert shown["total"] == (None if 0 < total < SMALL else total)


def test_the_marks_say_small_or_hidden_to_protect_a_small_one():
    shown = _public({"m.x": _measure({"a": 3, "b": 20, "c": 7, "d": 0})})["measures"]["m.x"]
    assert shown["values"] == {"a": None, "b": 20, "c": None, "d": 0}
    assert shown["suppressed"] == {"a": SMALL_MARK, "c": SECONDARY_MARK}
    assert shown["total"] == 30


def test_a_hidden_total_hides_the_same_total_of_the_same_records_elsewhere():
    """Five appeals, one of each type: every type and the types' total must be hidden; the headline
    total of the same five appeals would give it back, so it goes too."""
    measures = {
        "applications.by_type": _measure({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}),
        "applications.total": _measure({"total": 5}),
        "applications.by_channel": _measure({"post": 5, "email": 0}),
    }
    public = _public(measures)["measures"]
    assert public["applications.by_type"]["total"] is None
    assert public["applications.total"]["total"] is None
    assert public["applications.total"]["values"]["total"] is None
    # By channel: 5 posted, none by e-mail — its total hidden too, its cells are not small.
    assert public["applications.by_channel"]["total"] is None


def test_entered_figures_hide_small_values():
    entered = {"pardons": {"total": {"value": 3, "source": "Presidential Administration"}}}
    shown = _public({}, entered)["entered"]["pardons"]
    assert shown["values"] == {"total": None}
    assert shown["sources"] == {"total": "Presidential Administration"}
    big = _public({}, {"pardons": {"total": {"value": 30, "source": "x"}}})["entered"]["pardons"]
    assert big["values"] == {"total": 30}
