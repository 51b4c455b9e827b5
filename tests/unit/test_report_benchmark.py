"""benchmarks/export.py runs and returns numbers (never asserts on how fast: that depends on
the machine)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_export_benchmark():
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("jtai_export_benchmark", BENCHMARKS / "export.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_export_benchmark_runs_on_the_small_demo(tmp_path, capsys):
    bench = load_export_benchmark()
    assert (
        bench.main(
            ["--data-dir", str(tmp_path / "data"), "--size", "small", "--repeat", "1", "--json"]
        )
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    names = [b["name"] for b in result["benchmarks"]]
    assert names == ["export internal draft", "export draft for QA"]
    for figure in result["benchmarks"]:
        assert figure["subject"]["median_ms"] > 0 and figure["floor"]["median_ms"] > 0
        assert figure["target"] == "ratio <= 1.5" and isinstance(figure["met"], bool)
        assert "table rows" in figure["detail"]
    assert set(result["stages_ms"]) == {"read, compose and gate", "render .docx"}
