"""One date format everywhere: only ``ui/time_text.py`` turns dates into text for the
screens (UK conventions), and date boxes take their format from it."""

import re
from datetime import date
from pathlib import Path

import jtai_desktop.ui
from jtai_desktop.ui.time_text import DATE_EDIT_FORMAT, local_date, local_time, long_date

UI = Path(jtai_desktop.ui.__file__).parent
FORMATTING_MODULE = UI / "time_text.py"
# Ways code turns a date or time into text (or reads one back) by itself.
FORBIDDEN = re.compile(
    r"strftime\(|\.isoformat\(\)|toString\(|fromString\(|format_date\(|setDisplayFormat\("
    r"|:%[a-zA-Z]|%[dmyYbBHMS][-/ :.]%"
)
# Key sequences are written out by the shortcut registry, not as dates.
KEY_TEXT_MODULE = UI / "shortcuts.py"


def offenders() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path in (FORMATTING_MODULE, KEY_TEXT_MODULE) or "forms" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if FORBIDDEN.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    return found


def test_no_screen_formats_a_date_outside_the_formatting_module():
    assert offenders() == []


def test_the_grep_finds_a_date_formatted_by_hand(tmp_path):
    """The pattern catches each way a date was written by hand before."""
    for line in (
        'label.setText(day.strftime("%d %b %Y"))',
        'text = when.toString("dd/MM/yyyy")',
        "shown = f'{day:%d %b}'",
        "row = day.isoformat()",
        "edit.setDisplayFormat('dd/MM/yyyy')",
    ):
        assert FORBIDDEN.search(line), line


def test_uk_conventions():
    day = date(2026, 10, 5)
    assert local_date(day) == "5 Oct 2026"
    assert local_date("2026-10-05") == "5 Oct 2026"
    assert long_date(day) == "Monday 5 October 2026"
    assert local_time("2026-10-05T13:05:00", now=__import__("datetime").datetime(2026, 10, 5))
    assert DATE_EDIT_FORMAT == "d MMM yyyy"
