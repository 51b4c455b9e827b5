"""Theme packs: the shipped files, the strict loader and the round trip through to_toml."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jtai_desktop.domain.errors import ThemePackError
from jtai_desktop.domain.themes import (
    AGENCY_KINDS,
    INSPECTORATES,
    Criterion,
    RatingScale,
    ThemePack,
    default_themes_dir,
    load_pack,
    load_packs,
    parse_pack,
)

SHIPPED = load_packs(default_themes_dir())

THEMATIC_IDS = [
    "domestic-abuse",
    "neglect",
    "child-sexual-abuse-family",
    "child-criminal-exploitation",
    "childrens-mental-health",
    "serious-youth-violence",
]

BASE = """\
format = 1
id = "sample"
title = "Sample theme"
kind = "thematic"
description = "A pack for tests."
notice_days = 9
inspectorates = ["ofsted", "cqc"]
agencies = ["children_social_care", "police", "health"]

[rating_scale]
name = "Internal"
levels = ["Good", "Poor"]

[[criteria]]
id = "SA-01"
title = "First"
description = "First criterion."
agencies = ["children_social_care", "police"]

[[criteria]]
id = "SA-02"
title = "Second"
description = "Second criterion."
agencies = ["health"]

[[criteria]]
id = "SA-03"
title = "Third"
description = "Third criterion."
agencies = ["police", "health"]
"""

NO_CRITERIA = BASE.split("[[criteria]]")[0]


def edited(old: str, new: str, text: str = BASE) -> str:
    # Guard against a silent no-op edit, which would make a refusal test pass for nothing.
    assert old in text, f"test fixture does not contain {old!r}"
    return text.replace(old, new, 1)


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped packs -----------------------------------------------------------------


def test_shipped_folder_is_the_repo_resources_folder(monkeypatch):
    monkeypatch.delenv("JTAI_RESOURCES", raising=False)
    assert default_themes_dir() == Path(__file__).resolve().parents[2] / "resources" / "themes"


def test_front_door_and_thematic_packs_are_shipped():
    assert SHIPPED["front-door"].kind == "front_door"
    for pack_id in THEMATIC_IDS:
        assert SHIPPED[pack_id].kind == "thematic"
    assert sum(p.kind == "thematic" for p in SHIPPED.values()) >= 4


def test_shipped_packs_are_sorted_by_id():
    assert list(SHIPPED) == sorted(SHIPPED)


@pytest.mark.parametrize("pack_id", sorted(SHIPPED))
def test_shipped_pack_is_well_formed(pack_id):
    pack = SHIPPED[pack_id]
    assert pack.source == f"{pack_id}.toml"
    assert 8 <= len(pack.criteria) <= 14
    assert "ofsted" in pack.inspectorates
    # Every agency in scope has something to be reviewed against.
    for agency in pack.agencies:
        assert pack.criteria_for(agency), f"{pack_id}: no criteria for {agency}"
    # Criteria ids share the pack's prefix so they read well in evidence links.
    assert len({c.id.split("-")[0] for c in pack.criteria}) == 1


@pytest.mark.parametrize("pack_id", sorted(SHIPPED))
def test_agency_kinds_match_inspectorates(pack_id):
    pack = SHIPPED[pack_id]
    needs_probation = {"youth_justice", "probation"} & set(pack.agencies)
    assert bool(needs_probation) == ("hmi_probation" in pack.inspectorates)
    assert ("police" in pack.agencies) == ("hmicfrs" in pack.inspectorates)
    assert ("health" in pack.agencies) == ("cqc" in pack.inspectorates)


def test_exploitation_and_violence_packs_include_youth_justice_and_probation():
    for pack_id in ("child-criminal-exploitation", "serious-youth-violence"):
        pack = SHIPPED[pack_id]
        assert {"youth_justice", "probation"} <= set(pack.agencies)
        assert "hmi_probation" in pack.inspectorates


def test_exactly_one_shipped_pack_has_no_rating_scale():
    without = [p.id for p in SHIPPED.values() if p.rating_scale is None]
    assert without == ["childrens-mental-health"]


def test_theme_specific_criteria_are_present():
    titles = {p: " ".join(c.title.lower() for c in SHIPPED[p].criteria) for p in SHIPPED}
    assert "person who causes harm" in titles["domestic-abuse"]
    assert "return-home interviews" in titles["child-criminal-exploitation"]
    assert "disrupting" in titles["child-criminal-exploitation"]
    assert "strategy discussions" in titles["front-door"]


@pytest.mark.parametrize("pack_id", sorted(SHIPPED))
def test_shipped_pack_round_trips_through_toml(pack_id):
    pack = SHIPPED[pack_id]
    again = parse_pack(pack.to_toml(), "embedded")
    assert again == pack
    assert again.source == "embedded"
    assert again.to_toml() == pack.to_toml()


# --- the API ---------------------------------------------------------------------------


def test_labels_cover_every_kind_in_display_order():
    assert list(AGENCY_KINDS)[:4] == ["children_social_care", "police", "health", "education"]
    assert AGENCY_KINDS["youth_justice"] == "Youth justice service"
    assert INSPECTORATES == {
        "ofsted": "Ofsted",
        "cqc": "CQC",
        "hmicfrs": "HMICFRS",
        "hmi_probation": "HMI Probation",
    }


def test_parse_reads_every_field():
    pack = parse_pack(BASE, "sample.toml")
    assert (pack.id, pack.title, pack.kind, pack.notice_days) == (
        "sample",
        "Sample theme",
        "thematic",
        9,
    )
    assert pack.inspectorates == ("ofsted", "cqc")
    assert pack.rating_scale == RatingScale("Internal", ("Good", "Poor"))
    assert pack.criteria[1] == Criterion("SA-02", "Second", "Second criterion.", ("health",))


def test_notice_days_defaults_to_ten_and_rating_scale_is_optional():
    text = edited("notice_days = 9\n", "")
    text = edited('[rating_scale]\nname = "Internal"\nlevels = ["Good", "Poor"]\n', "", text)
    pack = parse_pack(text, "sample.toml")
    assert pack.notice_days == 10
    assert pack.rating_scale is None
    assert parse_pack(pack.to_toml(), "again") == pack


def test_criterion_lookup():
    pack = parse_pack(BASE, "sample.toml")
    assert pack.criterion("SA-03").title == "Third"
    with pytest.raises(ThemePackError, match='sample.toml: no criterion "SA-09"'):
        pack.criterion("SA-09")


def test_criteria_for_an_agency():
    pack = parse_pack(BASE, "sample.toml")
    assert [c.id for c in pack.criteria_for("police")] == ["SA-01", "SA-03"]
    assert pack.criteria_for("education") == ()
    with pytest.raises(ThemePackError, match='"polce" is not an agency kind'):
        pack.criteria_for("polce")


def test_text_is_trimmed():
    pack = parse_pack(edited('title = "First"', 'title = """\n  First  \n"""'), "s.toml")
    assert pack.criteria[0].title == "First"


_words = st.text(min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=75, deadline=None)
@given(title=_words, description=_words, criterion_title=_words, level=_words)
def test_any_text_survives_the_round_trip(title, description, criterion_title, level):
    pack = ThemePack(
        id="sample",
        title=title,
        kind="thematic",
        description=description,
        notice_days=10,
        inspectorates=("ofsted",),
        agencies=("police",),
        criteria=(Criterion("SA-01", criterion_title, description, ("police",)),),
        rating_scale=RatingScale(level, (level, level + " (worse)")),
        source="memory",
    )
    assert parse_pack(pack.to_toml(), "again") == pack


# --- refusals: each names the file and the key at fault --------------------------------

REFUSALS = [
    # (old, new, expected fragment after "sample.toml: ")
    ('title = "Sample theme"\n', "", 'missing key "title"'),
    ("format = 1\n", "", 'missing key "format"'),
    ("format = 1", "format = 2", "format: unsupported version 2 (this app reads 1)"),
    ("format = 1", 'format = "1"', "format: expected integer, got string"),
    ('title = "Sample theme"', 'titel = "Sample theme"', 'unknown key "titel"'),
    (
        'description = "Second criterion."',
        'descripton = "Second criterion."',
        'criteria[2]: unknown key "descripton"',
    ),
    ('title = "Second"\n', "", 'criteria[2]: missing key "title"'),
    (
        'agencies = ["police", "health"]',
        'agencies = ["polce", "health"]',
        'criteria[3].agencies: "polce" is not an agency kind (expected one of: '
        "children_social_care, police,",
    ),
    (
        'agencies = ["health"]',
        'agencies = ["education"]',
        'criteria[2].agencies: "education" is not among the pack\'s agencies',
    ),
    ('agencies = ["health"]', "agencies = []", "criteria[2].agencies: must list at least one"),
    (
        'agencies = ["health"]',
        'agencies = ["health", "health"]',
        'criteria[2].agencies: "health" is listed twice',
    ),
    (
        'agencies = ["health"]',
        'agencies = "health"',
        "criteria[2].agencies: expected array, got string",
    ),
    (
        '"children_social_care", "police", "health"]',
        '"children_social_care", "nhs"]',
        'agencies: "nhs" is not an agency kind',
    ),
    (
        'id = "SA-03"',
        'id = "SA-01"',
        'criteria[3].id: duplicate criterion id "SA-01" (also criteria[1])',
    ),
    ('id = "SA-02"', 'id = "SA-2"', 'criteria[2].id: "SA-2" does not look like'),
    ('id = "SA-02"', 'id = "S-02"', 'criteria[2].id: "S-02" does not look like'),
    ('title = "Third"', "title = 3", "criteria[3].title: expected string, got integer"),
    ('title = "Third"', 'title = "   "', "criteria[3].title: must not be empty"),
    ('title = "Sample theme"', "title = 5", "title: expected string, got integer"),
    ('description = "A pack for tests."', 'description = ""', "description: must not be empty"),
    ('id = "sample"', 'id = "--"', 'id: "--" is not a lowercase slug'),
    ('kind = "thematic"', 'kind = "deep_dive"', 'kind: "deep_dive" is not a theme kind'),
    ("notice_days = 9", 'notice_days = "ten"', "notice_days: expected integer, got string"),
    ("notice_days = 9", "notice_days = true", "notice_days: expected integer, got boolean"),
    ("notice_days = 9", "notice_days = 9.5", "notice_days: expected integer, got float"),
    ("notice_days = 9", "notice_days = 0", "notice_days: 0 is outside 1..30"),
    (
        'inspectorates = ["ofsted", "cqc"]',
        'inspectorates = ["cqc"]',
        'inspectorates: must include "ofsted"',
    ),
    (
        'inspectorates = ["ofsted", "cqc"]',
        'inspectorates = ["ofsted", "hmic"]',
        'inspectorates: "hmic" is not an inspectorate',
    ),
    (
        'inspectorates = ["ofsted", "cqc"]',
        'inspectorates = ["ofsted", "ofsted"]',
        'inspectorates: "ofsted" is listed twice',
    ),
    (
        'levels = ["Good", "Poor"]',
        'levels = ["Good"]',
        "rating_scale.levels: needs 2 to 7 levels, found 1",
    ),
    (
        'levels = ["Good", "Poor"]',
        'levels = ["A", "B", "C", "D", "E", "F", "G", "H"]',
        "rating_scale.levels: needs 2 to 7 levels, found 8",
    ),
    (
        'levels = ["Good", "Poor"]',
        'levels = ["Good", " Good "]',
        'rating_scale.levels: "Good" is listed twice',
    ),
    (
        'levels = ["Good", "Poor"]',
        'levels = ["Good", ""]',
        "rating_scale.levels[2]: must not be empty",
    ),
    (
        'levels = ["Good", "Poor"]',
        'levels = ["Good", 2]',
        "rating_scale.levels[2]: expected string, got integer",
    ),
    (
        'levels = ["Good", "Poor"]',
        'levels = "Good, Poor"',
        "rating_scale.levels: expected array, got string",
    ),
    ('name = "Internal"', 'nmae = "Internal"', 'rating_scale: unknown key "nmae"'),
    ('name = "Internal"\n', "", 'rating_scale: missing key "name"'),
    (
        '[rating_scale]\nname = "Internal"\nlevels = ["Good", "Poor"]\n',
        'rating_scale = "four point"\n',
        "rating_scale: expected table, got string",
    ),
]


@pytest.mark.parametrize("old, new, expected", REFUSALS)
def test_malformed_pack_is_refused_naming_file_and_key(tmp_path, old, new, expected):
    path = write(tmp_path, "sample.toml", edited(old, new))
    with pytest.raises(ThemePackError) as caught:
        load_pack(path)
    assert str(caught.value).startswith(f"sample.toml: {expected}")


def test_empty_criteria_list_is_refused():
    with pytest.raises(ThemePackError, match=r"^s\.toml: criteria: no criteria"):
        parse_pack(NO_CRITERIA.replace("format = 1", "criteria = []\nformat = 1"), "s.toml")


def test_missing_criteria_is_refused():
    with pytest.raises(ThemePackError, match=r'^s\.toml: missing key "criteria"'):
        parse_pack(NO_CRITERIA, "s.toml")


def test_criteria_as_single_table_is_refused():
    text = NO_CRITERIA + '[criteria]\nid = "SA-01"\n'
    with pytest.raises(ThemePackError, match=r"^s\.toml: criteria: expected array, got table"):
        parse_pack(text, "s.toml")


def test_criterion_that_is_not_a_table_is_refused():
    text = NO_CRITERIA.replace("format = 1", 'criteria = ["SA-01"]\nformat = 1')
    with pytest.raises(ThemePackError, match=r"^s\.toml: criteria\[1\]: expected table"):
        parse_pack(text, "s.toml")


def test_unsupported_format_is_reported_before_other_problems():
    # A newer file may use keys this version does not know; the version is the real story.
    text = edited("format = 1", "format = 2\nnew_feature = true")
    with pytest.raises(ThemePackError, match="format: unsupported version 2"):
        parse_pack(text, "s.toml")


def test_toml_syntax_error_gives_file_line_and_column(tmp_path):
    path = write(tmp_path, "sample.toml", edited('"Sample theme"', '"Sample theme'))
    with pytest.raises(ThemePackError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert message.startswith("sample.toml: not valid TOML:")
    assert "line 3, column" in message


def test_id_must_match_file_name_in_load_pack_only(tmp_path):
    path = write(tmp_path, "other.toml", BASE)
    with pytest.raises(ThemePackError, match=r'^other\.toml: id: "sample" does not match'):
        load_pack(path)
    assert parse_pack(BASE, "other.toml").id == "sample"


# --- file-level problems ---------------------------------------------------------------


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ThemePackError, match=r"^nowhere\.toml: file not found"):
        load_pack(tmp_path / "nowhere.toml")


def test_unreadable_path_is_named(tmp_path):
    (tmp_path / "folder.toml").mkdir()
    with pytest.raises(ThemePackError, match=r"^folder\.toml: cannot read the file"):
        load_pack(tmp_path / "folder.toml")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_file_without_read_permission_is_named(tmp_path):
    path = write(tmp_path, "sample.toml", BASE)
    path.chmod(0)
    with pytest.raises(ThemePackError, match=r"^sample\.toml: cannot read the file"):
        load_pack(path)


def test_non_utf8_file_is_named(tmp_path):
    path = tmp_path / "sample.toml"
    path.write_bytes(BASE.replace("Sample theme", "Caf\u00e9").encode("latin-1"))
    with pytest.raises(ThemePackError, match=r"^sample\.toml: not UTF-8 text"):
        load_pack(path)


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "sample.toml"
    path.write_bytes(BASE.encode("utf-8-sig"))
    assert load_pack(path).title == "Sample theme"


# --- folders ---------------------------------------------------------------------------


def test_load_packs_reads_only_toml_files_sorted_by_id(tmp_path):
    write(tmp_path, "zeta.toml", edited('id = "sample"', 'id = "zeta"'))
    write(tmp_path, "alpha.toml", edited('id = "sample"', 'id = "alpha"'))
    write(tmp_path, "notes.txt", "not a pack")
    packs = load_packs(tmp_path)
    assert list(packs) == ["alpha", "zeta"]
    assert packs["zeta"].source == "zeta.toml"


def test_duplicate_id_across_folders_names_both_files(tmp_path):
    shipped, mine = tmp_path / "shipped", tmp_path / "mine"
    shipped.mkdir()
    mine.mkdir()
    first = write(shipped, "sample.toml", BASE)
    second = write(mine, "sample.toml", BASE)
    with pytest.raises(ThemePackError) as caught:
        load_packs(shipped, mine)
    message = str(caught.value)
    assert 'duplicate theme id "sample"' in message
    assert str(first) in message and str(second) in message


def test_bad_file_in_folder_stops_the_load(tmp_path):
    write(tmp_path, "sample.toml", edited("format = 1", "format = 3"))
    with pytest.raises(ThemePackError, match=r"^sample\.toml: format"):
        load_packs(tmp_path)


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(ThemePackError, match="theme folder not found"):
        load_packs(tmp_path / "absent")


# --- where the shipped folder is found -------------------------------------------------


def test_env_var_overrides_the_resources_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("JTAI_RESOURCES", str(tmp_path))
    assert default_themes_dir() == tmp_path / "themes"


def test_frozen_app_uses_the_bundle(tmp_path, monkeypatch):
    monkeypatch.delenv("JTAI_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert default_themes_dir() == tmp_path / "resources" / "themes"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('id = "sample"', 'id = "Sample"'),
        ('id = "SA-02"', 'id = "sa 02"'),
        ('inspectorates = ["ofsted", "cqc"]', 'inspectorates = ["Ofsted", "CQC"]'),
        (
            'agencies = ["health"]',
            'agencies = ["Health"]',
        ),
        (
            'agencies = ["children_social_care", "police", "health"]',
            'agencies = ["Children\'s social care", "POLICE", "health"]',
        ),
        ('kind = "thematic"', 'kind = "Thematic"'),
    ],
)
def test_names_and_ids_are_taken_in_any_case_and_punctuation(old, new):
    """Forgiving where nothing is ambiguous: the pack reads as if written canonically."""
    assert parse_pack(edited(old, new), "s.toml") == parse_pack(BASE, "s.toml")


def test_a_theme_and_a_criterion_are_found_by_a_loose_id():
    pack = parse_pack(BASE.replace('id = "sample"', 'id = "Sample Theme"'), "s.toml")
    assert pack.id == "sample-theme"
    assert pack.criterion("sa02").id == pack.criterion("SA-02").id == "SA-02"


def test_the_same_inspectorate_twice_in_two_spellings_is_refused():
    with pytest.raises(ThemePackError, match='"ofsted" is listed twice'):
        parse_pack(
            edited('inspectorates = ["ofsted", "cqc"]', 'inspectorates = ["ofsted", "Ofsted"]'),
            "s.toml",
        )
