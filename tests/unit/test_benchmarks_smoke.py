"""The benchmark runner works: on the small demo with tiny repeat counts, every benchmark
returns numbers in the expected structure. A behaviour check only: nothing here asserts on
timings, which depend on the machine."""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def runner():
    return _load("jtai_benchmarks_run", BENCHMARKS / "run.py")


@pytest.fixture(scope="module")
def timing(runner):
    return sys.modules["timing"]  # run.py imports benchmarks/timing.py under this name


@pytest.fixture(scope="module")
def small_folder(tmp_path_factory, runner):
    folder = tmp_path_factory.mktemp("bench") / "data"
    runner.build_demo_in_subprocess(folder, "small")
    return folder


@pytest.fixture
def prepared(runner, small_folder):
    opened = runner.prepare(small_folder, "small")
    yield opened
    opened.context.close()


def _check_stats(stats: dict, n: int) -> None:
    assert stats["n"] == n
    for key in ("median_ms", "min_ms", "max_ms", "p10_ms", "p90_ms"):
        assert isinstance(stats[key], float) and math.isfinite(stats[key]) and stats[key] >= 0
    assert stats["min_ms"] <= stats["median_ms"] <= stats["max_ms"]


def _check_comparison(comparison, n: int, *, has_target: bool) -> dict:
    data = comparison.as_dict()
    assert set(data) >= {
        "name",
        "detail",
        "subject",
        "floor",
        "ratio",
        "target",
        "met",
        "other_floors",
    }
    _check_stats(data["subject"], n)
    _check_stats(data["floor"], n)
    assert isinstance(data["ratio"], float) and data["ratio"] > 0
    if has_target:
        assert data["target"] and isinstance(data["met"], bool)
    else:
        assert data["target"] == "" and data["met"] is None
    for other in data["other_floors"].values():
        _check_stats(other, n)
        assert other["ratio"] > 0
    json.dumps(data)
    return data


def _floor_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("bench-floor-*"))


def test_percentiles_and_median(timing):
    assert timing.median([3.0, 1.0, 2.0]) == 2.0
    assert timing.median([1.0, 2.0, 3.0, 4.0]) == 2.5
    assert timing.percentile([0.0, 10.0], 10) == 1.0
    assert timing.percentile([5.0], 90) == 5.0
    with pytest.raises(ValueError):
        timing.percentile([], 50)


def test_interleaved_alternates_and_warms_up(timing):
    calls = []
    times = timing.interleaved(
        [lambda i: calls.append(("a", i)), lambda i: calls.append(("b", i))], repeat=2, warmup=1
    )
    assert calls == [("a", -1), ("b", -1), ("a", 0), ("b", 0), ("a", 1), ("b", 1)]
    assert [len(series) for series in times] == [2, 2]


def test_save_benchmark(runner, prepared):
    ws = prepared.context.workspace
    ops_before = runner.oplog.count(ws.db, prepared.inspection_id)
    comparison = runner.bench_save(prepared, repeat=3, note_count=2)
    _check_comparison(comparison, 3, has_target=True)
    # Every save (2 warm-up + 3 timed) was a real, committed edit of a note's text.
    assert runner.oplog.count(ws.db, prepared.inspection_id) == ops_before + 5
    assert _floor_files(prepared.folder) == []


def test_search_benchmark(runner, prepared):
    results = runner.bench_search(prepared, repeat=2, queries=("school", "health visitor"))
    assert [r.name for r in results] == ["search 'school'", "search 'health visitor'"]
    for comparison in results:
        data = _check_comparison(comparison, 2, has_target=True)
        assert "hits shown" in data["detail"]
    assert _floor_files(prepared.folder) == []


def test_dump_benchmark(runner, prepared):
    data = _check_comparison(runner.bench_dump(prepared, repeat=1), 1, has_target=False)
    assert set(data["other_floors"]) == {"indent=1"}


def test_whole_run_as_table_and_json(runner, small_folder, capsys):
    result = runner.run(small_folder, repeat=1, size="small", queries=("school",))
    assert result["built"] is False and result["size"] == "small"
    assert [b["name"] for b in result["benchmarks"]] == [
        "save one edit (note text)",
        "search 'school'",
        "dump inspection (dump_json)",
    ]
    memory = result["memory"]
    for key in ("peak_rss_mb_before_open", "peak_rss_mb_after_open", "peak_rss_mb_after_runs"):
        assert memory[key] > 0
    assert memory["peak_rss_mb_after_runs"] >= memory["peak_rss_mb_after_open"]
    assert result["store_after"]["ops"] > result["store_before"]["ops"] > 0
    assert result["store_after"]["database_mb"] > 0
    table = runner.format_table(result)
    for name in ("save one edit", "search 'school'", "dump inspection", "peak RSS", "ops"):
        assert name in table

    assert (
        runner.main(["--data-dir", str(small_folder), "--repeat", "1", "--size", "small", "--json"])
        == 0
    )
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["benchmarks"]) == 1 + len(runner.QUERIES) + 1
    assert printed["repeats"] == {"save": 1, "search": 1, "dump": 1}


def test_startup_benchmark_starts_the_real_app_beside_a_bare_window(small_folder, tmp_path):
    startup = _load("jtai_benchmarks_startup", BENCHMARKS / "startup.py")
    app_runs, bare_runs = startup.measure_pairs(small_folder, 1)
    assert len(app_runs) == len(bare_runs) == 1
    assert all(seconds > 0 for seconds in app_runs + bare_runs)
    # A start that does not reach a window with the inspection open is not counted as one.
    from jtai_desktop.app import open_context

    empty = tmp_path / "no-inspection"
    open_context(empty, create_demo=True).close()  # a demo folder: no passphrase to ask for
    with pytest.raises(RuntimeError, match="start failed"):
        startup.run_once(startup.APP, str(empty))


def test_autosave_benchmark_measures_the_log_and_an_autosave(capsys):
    autosave = _load("jtai_benchmarks_autosave", BENCHMARKS / "autosave.py")
    assert autosave.main(["--saves", "20", "--size", "1000", "--repeat", "2", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    desktop, no_drafts = printed["growth"]
    assert desktop["drafts"] is True and no_drafts["drafts"] is False
    assert desktop["text_chars_held"] <= 5 * 1000 < no_drafts["text_chars_held"]
    assert no_drafts["ops_added"] == 20 and desktop["ops_added"] < 20
    timed = printed["autosave"]
    _check_stats(timed["subject"], 2)
    _check_stats(timed["floor"], 2)
    assert timed["ratio"] > 0


def test_merge_benchmark_merges_every_members_work(runner, small_folder):
    merge = _load("jtai_benchmarks_merge", BENCHMARKS / "merge.py")
    prepared = runner.prepare(small_folder, "small")
    prepared.context.close()
    result = merge.run(prepared.folder, prepared.inspection_id, repeat=1, log=lambda m: None)
    assert result["members"] == 7 and result["ops"] > 1000 and result["files"] == 30  # 8 in all
    assert result["merge_s"] > 0 and result["floor_s"] > 0 and result["ratio"] > 0
    assert set(result["phases_s"]) == {*merge.PHASES, "other"}
    assert "Where the time goes:" in merge.format_result(result)


def test_sync_memory_benchmark_reports_both_peaks(tmp_path):
    memory = _load("jtai_benchmarks_sync_memory", BENCHMARKS / "sync_memory.py")
    results = memory.measure(tmp_path, size_mb=2)
    for role in ("sender", "receiver"):
        peaks = results[role]
        assert peaks["floor (1 KB file)"] > 10 and peaks["with a 2 MB file"] > 10
        assert isinstance(peaks["added_mb"], float) and isinstance(peaks["within_target"], bool)


def test_gate_benchmark_prints_recall_false_alarms_and_check_time(small_folder, capsys):
    gate_bench = _load("jtai_benchmarks_gate", BENCHMARKS / "gate_corpus.py")
    assert (
        gate_bench.main(["--data-dir", str(small_folder), "--size", "small", "--repeat", "1"]) == 0
    )
    printed = capsys.readouterr().out
    for kind in ("person_name", "nhs_number", "combination", "vehicle_registration"):
        assert re.search(rf"^{kind} +\d+/\d+ +\d+\.\d%$", printed, re.MULTILINE), kind
    assert "false alarms" in printed and "per 100 look-alikes" in printed
    assert "check the internal letter" in printed and "one-regex floor" in printed
    assert gate_bench.main(["--data-dir", str(small_folder), "--size", "small", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["corpus"]["overall_recall"] >= 0.98
    assert result["corpus"]["false_alarms_per_100"] <= 2
    assert [c["name"] for c in result["checks"]] == [
        "check the internal letter",
        "check the QA letter",
    ]


def test_journey_benchmark_times_a_tracked_childs_journey_beside_its_floor(runner, small_folder):
    journey = _load("jtai_benchmarks_journey", BENCHMARKS / "journey.py")
    result = journey.run(small_folder, repeat=2, log=lambda m: None, size="small")
    assert result["children"] >= 1 and result["entries_first_child"] > 10
    assert result["journey"]["n"] == result["floor"]["n"] == 2 and result["ratio"] > 0


def test_matrix_benchmark_times_opening_and_recomputing_beside_the_bare_aggregate(
    runner, small_folder
):
    matrix = _load("jtai_benchmarks_matrix", BENCHMARKS / "matrix.py")
    result = matrix.run(small_folder, repeat=2, log=lambda m: None, size="small")
    assert result["codes"] > 0 and result["cells"] > 0
    for name in ("open", "recompute"):
        _check_stats(result[name]["matrix"], 2)
        _check_stats(result[name]["floor"], 2)
        assert result[name]["ratio"] > 0 and result[name]["ratio_target"] == 3.0


def test_thematic_benchmark_times_the_summary_beside_its_floor(tmp_path):
    thematic = _load("jtai_benchmarks_thematic", BENCHMARKS / "thematic.py")
    result = thematic.run(tmp_path, repeat=2, size="small", log=lambda _m: None, count=2)
    assert result["areas"] == 2 and result["findings"] > 0 and result["matrix_cells"] > 0
    assert result["coded_areas"] == 2  # Eastmoor and Westhaven keep the demo's coded passages
    assert result["summary"]["n"] == 2 and result["floor"]["median_ms"] > 0
    assert isinstance(result["met"], bool)


def test_save_anatomy_splits_a_save_into_statements_python_and_pages(small_folder):
    anatomy = _load("jtai_benchmarks_save_anatomy", BENCHMARKS / "save_anatomy.py")
    result = anatomy.measure(small_folder, "small", 5, with_pages=True)
    new_op, autosave = result["modes"]
    assert (new_op["mode"], autosave["mode"]) == ("new op", "autosave")
    for mode in (new_op, autosave):
        for part in ("commit_ms", "other_sql_ms", "python_ms"):
            assert 0 < mode[part] < 10 * mode["median_ms"]
        assert mode["statements"]["COMMIT"]["per_save"] == 1
        assert mode["wal_frames_per_save"] >= 1
        assert mode["pages"]["notes"] >= 1  # every save rewrites the note's row
    # A save that adds an op also appends to the change log and moves the field's head;
    # an autosave writes over its draft instead.
    assert {"ops", "field_heads"} <= set(new_op["pages"])
    assert "field_heads" not in autosave["pages"]
    assert new_op["wal_frames_per_save"] > autosave["wal_frames_per_save"]
    assert set(result["raw_commit_ms"]) >= {"sqlite3"}
    report = anatomy.format_report(result)
    assert "new op: median" in report and "pages per save by b-tree" in report
    # The save is timed beside its write set run straight, and beside the raw inserts.
    write_set = result["write_set"]
    assert list(write_set)[:2] == ["save (notes.update_note)", "its write set, straight"]
    assert {"raw INSERT + COMMIT (sqlite3)"} <= set(write_set)
    assert all(figures["median_ms"] > 0 for figures in write_set.values())
    assert "its write set, straight" in report


def test_the_straight_write_set_writes_what_a_save_writes(prepared):
    """The floor of the data model runs the app's own statements: a note it edited reads
    back from its ops as the row the projection holds, with one current value."""
    from jtai_desktop.store import oplog
    from jtai_desktop.sync.merge import resolve_entity

    anatomy = _load("jtai_benchmarks_save_anatomy", BENCHMARKS / "save_anatomy.py")
    ws = prepared.context.workspace
    save = anatomy.write_set_saver(ws, prepared.inspection_id)
    for i in range(3):
        save(i)
    edited = ws.db.execute("SELECT id, text FROM notes WHERE text LIKE '%Revised straight%'")
    rows = edited.fetchall()
    assert rows
    for note_id, text in rows:
        state = resolve_entity(oplog.ops_for_entity(ws.db, note_id))
        assert state.values()["text"] == text
        assert "text" not in state.conflicts()


def test_startup_anatomy_counts_the_classes_each_start_makes(small_folder):
    anatomy = _load("jtai_benchmarks_startup_anatomy", BENCHMARKS / "startup_anatomy.py")
    result = anatomy.measure(small_folder, 1)
    app, bare = result["app"], result["bare"]
    assert bare["dataclass_count"] == 0 < app["dataclass_count"]  # the core's domain types
    assert 0 < bare["enum_count"] < app["enum_count"]  # Qt's enums, made at first use
    assert app["ready_ms"] > 0 and bare["ready_ms"] > 0
    assert "making classes is" in anatomy.format_report(result)


def test_page_autosave_times_saves_with_their_page_shown_and_hidden(qapp, small_folder):
    bench = _load("jtai_benchmarks_page_autosave", BENCHMARKS / "page_autosave.py")
    results = bench.measure(small_folder, 2, size="small")
    assert set(results) == {"notes", "evidence", "area"}
    for figures in results.values():
        assert figures["list_shown_ms"] > 0 and figures["list_hidden_ms"] > 0
        assert figures["saves"] >= 2
    assert "autosave with its page shown" in bench.format_report(results)
