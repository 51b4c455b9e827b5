"""The log file turns over at start once it has grown too big, keeping three older files."""

from __future__ import annotations

import logging

from jtai_desktop import logs


def write(path, size: int, mark: str) -> None:
    path.write_text(mark * size, encoding="utf-8")


def test_a_small_log_is_left_as_it_is(tmp_path):
    path = tmp_path / logs.LOG_NAME
    write(path, 10, "a")
    logs.rotate(path, max_bytes=100)
    assert path.read_text() == "a" * 10
    assert sorted(p.name for p in tmp_path.iterdir()) == [logs.LOG_NAME]


def test_a_big_log_turns_over_and_the_oldest_goes(tmp_path):
    path = tmp_path / logs.LOG_NAME
    for n, mark in ((3, "d"), (2, "c"), (1, "b")):
        write(path.with_name(f"{path.name}.{n}"), 5, mark)
    write(path, 200, "a")
    logs.rotate(path, max_bytes=100, keep=3)
    assert not path.exists()
    kept = {p.name: p.read_text()[0] for p in tmp_path.iterdir()}
    assert kept == {f"{path.name}.1": "a", f"{path.name}.2": "b", f"{path.name}.3": "c"}


def test_configure_logging_writes_to_the_log_folder_once(tmp_path, monkeypatch):
    logger = logging.getLogger("jtai_desktop.test_logs")  # not the app's: other tests set it up
    monkeypatch.setattr(logs, "log", logger)
    monkeypatch.setattr(logs.paths, "log_dir", lambda: tmp_path)
    monkeypatch.setattr(logs, "MAX_BYTES", 10)
    write(tmp_path / logs.LOG_NAME, 50, "x")
    try:
        logs.configure_logging()
        logs.configure_logging()
        assert len(logger.handlers) == 1
        logger.warning("a refusal")
        logger.handlers[0].flush()
        assert "a refusal" in (tmp_path / logs.LOG_NAME).read_text()
        assert (tmp_path / f"{logs.LOG_NAME}.1").read_text() == "x" * 50
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
