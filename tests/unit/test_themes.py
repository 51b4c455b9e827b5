"""Theme packs: the shipped files, the strict loader and the round trip through to_toml."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jtai_desktop.domain.errors import ThemePackError
from jtai_desktop.domain.themes import (
    AGENCY_KINDS,
    AREA,
    FORMAT_VERSION,
    INSPECTORATES,
    PER_CHILD,
    Criterion,
    RatingScale,
    Strand,
    ThemePack,
    default_themes_dir,
    load_catalogue,
    load_pack,
    load_packs,
    parse_pack,
    user_themes_dir,
)

SHIPPED = load_packs(default_themes_dir())

SHIPPED_IDS = [
    "child-criminal-exploitation",
    "child-criminal-exploitation-2018",
    "child-sexual-abuse-family",
    "child-sexual-abuse-family-2018",
    "childrens-mental-health",
    "cse-missing",
    "domestic-abuse",
    "domestic-abuse-2016",
    "early-help",
    "front-door",
    "neglect",
    "serious-youth-violence",
]

BASE = """\
format = 2
id = "sample"
version = "2024-09-12"
title = "Sample theme"
kind = "thematic"
guidance = "Guidance for a sample theme"
sources = ["https://www.gov.uk/sample"]
description = "A pack for tests."
notice_days = 9
inspectorates = ["ofsted", "cqc", "hmicfrs"]
agencies = ["children_social_care", "police", "health"]

[rating_scale]
name = "Internal"
levels = ["Good", "Poor"]

[[strands]]
id = "cases"
title = "In children's cases"
judged = "per_child"
description = "Judged in each child's case."

[[strands]]
id = "leadership"
title = "Leadership"
judged = "area"
description = "Judged once for the area."

[[criteria]]
id = "SA-01"
strand = "cases"
title = "First"
description = "First criterion."
evidence = "Case records."
agencies = ["children_social_care", "police"]

[[criteria]]
id = "SA-02"
strand = "cases"
title = "Second"
description = "Second criterion."
evidence = "Health records."
agencies = ["health"]
services = ["maternity", "health_visiting"]

[[criteria]]
id = "SA-03"
strand = "leadership"
title = "Third"
description = "Third criterion."
evidence = "Minutes of the partnership."
agencies = ["police", "health"]
"""

# A pack as release 0.1 wrote it (format 1): still read, because inspections carry it.
LEGACY = """\
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


def test_the_front_door_and_every_deep_dive_the_inspectorates_have_run_are_shipped():
    assert list(SHIPPED) == SHIPPED_IDS  # sorted by id
    assert SHIPPED["front-door"].kind == "front_door"
    # 2016 to 2020: every inspection evaluated the front door as well as its deep dive.
    combined = sorted(p.id for p in SHIPPED.values() if p.kind == "combined")
    assert combined == [
        "child-criminal-exploitation-2018",
        "child-sexual-abuse-family-2018",
        "childrens-mental-health",
        "cse-missing",
        "domestic-abuse-2016",
        "neglect",
    ]
    assert all(SHIPPED[p].strands[0].id == "front_door" for p in combined)


@pytest.mark.parametrize("pack_id", SHIPPED_IDS)
def test_shipped_pack_is_well_formed(pack_id):
    pack = SHIPPED[pack_id]
    assert pack.source == f"{pack_id}.toml"
    assert pack.format == FORMAT_VERSION
    assert pack.version and pack.guidance and pack.sources
    assert 15 <= len(pack.criteria) <= 21
    assert all(c.evidence for c in pack.criteria)
    # Every agency in scope has something to be reviewed against in children's cases.
    for agency in pack.agencies:
        assert pack.criteria_for(agency), f"{pack_id}: no criteria for {agency}"
    # Criteria ids share the pack's prefix so they read well in evidence links.
    assert len({c.id.split("-")[0] for c in pack.criteria}) == 1


@pytest.mark.parametrize("pack_id", SHIPPED_IDS)
def test_every_pack_judges_leadership_once_for_the_area(pack_id):
    pack = SHIPPED[pack_id]
    area = [s for s in pack.strands if s.judged == AREA]
    assert "leadership" in {s.id for s in area}
    assert any(s.id in ("arrangements", "lscb") for s in area)
    area_ids = {c.id for c in pack.criteria_in(AREA)}
    for agency in pack.agencies:
        asked_per_child = {c.id for c in pack.criteria_for(agency)}
        assert not asked_per_child & area_ids


@pytest.mark.parametrize("pack_id", SHIPPED_IDS)
def test_agency_kinds_match_inspectorates(pack_id):
    pack = SHIPPED[pack_id]
    needs_probation = {"youth_justice", "probation"} & set(pack.agencies)
    assert bool(needs_probation) == ("hmi_probation" in pack.inspectorates)
    assert ("police" in pack.agencies) == ("hmicfrs" in pack.inspectorates)
    assert ("health" in pack.agencies) == ("cqc" in pack.inspectorates)


def test_inspectorates_and_agencies_follow_the_published_frameworks():
    """The corrections of issue 13, as the research found them (docs/method/frameworks.md)."""
    four = ("ofsted", "cqc", "hmicfrs", "hmi_probation")
    three = ("ofsted", "cqc", "hmicfrs")
    assert SHIPPED["front-door"].inspectorates == three
    assert SHIPPED["child-criminal-exploitation"].inspectorates == three  # 2022: no HMIP
    assert SHIPPED["child-criminal-exploitation-2018"].inspectorates == four
    assert SHIPPED["early-help"].inspectorates == three
    for pack_id in ("childrens-mental-health", "neglect"):
        assert SHIPPED[pack_id].inspectorates == four
        assert "youth_justice" in SHIPPED[pack_id].agencies
    assert "probation" in SHIPPED["neglect"].agencies
    syv = SHIPPED["serious-youth-violence"]
    assert set(syv.agencies) == {
        "police",
        "children_social_care",
        "education",
        "youth_justice",
        "health",
    }
    assert len(syv.criteria) == 21  # the published count
    da = SHIPPED["domestic-abuse"]
    assert {"probation", "voluntary", "education"} <= set(da.agencies)
    services = {s for c in da.criteria for s in c.services}
    assert {"maternity", "health_visiting", "adult_mental_health"} <= services
    assert SHIPPED["domestic-abuse-2016"].version == "2016-08"


def test_exactly_one_shipped_pack_has_no_rating_scale():
    without = [p.id for p in SHIPPED.values() if p.rating_scale is None]
    assert without == ["childrens-mental-health"]


@pytest.mark.parametrize("pack_id", SHIPPED_IDS)
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
    assert (pack.id, pack.version, pack.title, pack.kind, pack.notice_days) == (
        "sample",
        "2024-09-12",
        "Sample theme",
        "thematic",
        9,
    )
    assert pack.guidance == "Guidance for a sample theme"
    assert pack.sources == ("https://www.gov.uk/sample",)
    assert pack.inspectorates == ("ofsted", "cqc", "hmicfrs")
    assert pack.rating_scale == RatingScale("Internal", ("Good", "Poor"))
    assert pack.strands[1] == Strand("leadership", "Leadership", AREA, "Judged once for the area.")
    assert pack.criteria[1] == Criterion(
        "SA-02",
        "Second",
        "Second criterion.",
        ("health",),
        strand="cases",
        evidence="Health records.",
        services=("maternity", "health_visiting"),
    )
    assert pack.label == "Sample theme (2024-09-12)"


def test_a_release_0_1_pack_is_still_read_with_its_criteria_judged_per_child():
    pack = parse_pack(LEGACY, "embedded")
    assert pack.format == 1 and pack.version == ""
    assert [s.judged for s in pack.strands] == [PER_CHILD]
    assert [c.id for c in pack.criteria_for("police")] == ["SA-01"]
    assert pack.criteria_in(AREA) == ()
    # It is written back as it was, so an older inspection keeps its pack's text.
    assert parse_pack(pack.to_toml(), "again") == pack
    assert pack.to_toml().startswith("format = 1\n")


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
    assert pack.judged("SA-03") == AREA and pack.judged("sa 01") == PER_CHILD
    with pytest.raises(ThemePackError, match='sample.toml: no criterion "SA-09"'):
        pack.criterion("SA-09")


def test_criteria_for_an_organisation_are_those_judged_per_child():
    pack = parse_pack(BASE, "sample.toml")
    assert [c.id for c in pack.criteria_for("police")] == ["SA-01"]
    assert [c.id for c in pack.criteria_for("police", judged=AREA)] == ["SA-03"]
    assert pack.criteria_for("education") == ()
    with pytest.raises(ThemePackError, match='"polce" is not an agency kind'):
        pack.criteria_for("polce")


def test_services_narrow_a_criterion_within_its_own_kinds_only():
    pack = parse_pack(BASE, "sample.toml")
    assert [c.id for c in pack.criteria_for("health", "maternity")] == ["SA-02"]
    assert pack.criteria_for("health", "emergency_department") == ()
    # An organisation with no service type (every release 0.1 agency) is asked everything.
    assert [c.id for c in pack.criteria_for("health")] == ["SA-02"]
    both = edited('agencies = ["health"]', 'agencies = ["health", "police"]')
    police_too = parse_pack(both, "s.toml")
    assert [c.id for c in police_too.criteria_for("police", "force")] == ["SA-01", "SA-02"]


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
        inspectorates=("ofsted", "hmicfrs"),
        agencies=("police",),
        criteria=(
            Criterion("SA-01", criterion_title, description, ("police",), "a", description),
            Criterion("SA-02", title, criterion_title, ("police",), "b", level),
        ),
        rating_scale=RatingScale(level, (level, level + " (worse)")),
        source="memory",
        format=FORMAT_VERSION,
        version="2022-03-28",
        guidance=title,
        sources=("https://example.org/" + "x",),
        strands=(Strand("a", title, PER_CHILD, level), Strand("b", level, AREA, title)),
    )
    assert parse_pack(pack.to_toml(), "again") == pack


# --- refusals: each names the file and the key at fault --------------------------------

REFUSALS = [
    # (old, new, expected fragment after "sample.toml: ")
    ('title = "Sample theme"\n', "", 'missing key "title"'),
    ("format = 2\n", "", 'missing key "format"'),
    ("format = 2", "format = 3", "format: unsupported version 3 (this app reads 1 and 2)"),
    ("format = 2", 'format = "2"', "format: expected integer, got string"),
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
        'inspectorates = ["ofsted", "cqc", "hmicfrs"]',
        'inspectorates = ["cqc", "hmicfrs"]',
        'inspectorates: must include "ofsted"',
    ),
    (
        'inspectorates = ["ofsted", "cqc", "hmicfrs"]',
        'inspectorates = ["ofsted", "cqc", "hmic"]',
        'inspectorates: "hmic" is not an inspectorate',
    ),
    (
        'inspectorates = ["ofsted", "cqc", "hmicfrs"]',
        'inspectorates = ["ofsted", "ofsted"]',
        'inspectorates: "ofsted" is listed twice',
    ),
    (
        'inspectorates = ["ofsted", "cqc", "hmicfrs"]',
        'inspectorates = ["ofsted", "cqc"]',
        'inspectorates: "police" is in scope, so "hmicfrs" (which inspects it) must take part',
    ),
    (
        'inspectorates = ["ofsted", "cqc", "hmicfrs"]',
        'inspectorates = ["ofsted", "cqc", "hmicfrs", "HMI Probation"]',
        'inspectorates: "hmi_probation" takes part but nothing it inspects is in scope '
        "(add one of: youth_justice, probation to agencies, or remove it)",
    ),
    ('version = "2024-09-12"\n', "", 'missing key "version"'),
    ('version = "2024-09-12"', 'version = "2024"', 'version: "2024" is not the publication date'),
    ('version = "2024-09-12"', 'version = "2024-13"', 'version: "2024-13" is not the'),
    ('guidance = "Guidance for a sample theme"', 'guidance = ""', "guidance: must not be empty"),
    ('sources = ["https://www.gov.uk/sample"]', "sources = []", "sources: must list at least one"),
    (
        'sources = ["https://www.gov.uk/sample"]',
        'sources = ["gov.uk"]',
        'sources[1]: "gov.uk" is not a web address',
    ),
    ('judged = "area"', 'judged = "per_place"', 'strands[2].judged: "per_place" is not a way'),
    (
        'judged = "area"',
        'judged = "per_child"',
        'strands: needs a strand judged "area" (every JTAI judges leadership and the '
        "safeguarding arrangements once for the area)",
    ),
    ('id = "leadership"', 'id = "cases"', 'strands: "cases" is listed twice'),
    ('id = "leadership"', 'id = "Lead ership"', 'strands[2].id: "Lead ership" is not a lowercase'),
    ('strand = "leadership"', 'strand = "leader"', 'criteria[3].strand: "leader" is not a strand'),
    (
        'strand = "leadership"',
        'strand = "cases"',
        'strands[2]: no criterion is in strand "leadership"',
    ),
    ('evidence = "Health records."\n', "", 'criteria[2]: missing key "evidence"'),
    ('evidence = "Health records."', 'evidence = " "', "criteria[2].evidence: must not be empty"),
    (
        'services = ["maternity", "health_visiting"]',
        'services = ["maternity", "school"]',
        'criteria[2].services: "school" is not a service type of its agencies',
    ),
    (
        'agencies = ["children_social_care", "police"]\n',
        'agencies = ["children_social_care", "police"]\nservices = ["icb"]\n',
        'criteria[1].services: "icb" is not a service type of its agencies (expected one of: '
        "front_door, early_help,",
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
        parse_pack(NO_CRITERIA.replace("format = 2", "criteria = []\nformat = 2"), "s.toml")


def test_missing_criteria_is_refused():
    with pytest.raises(ThemePackError, match=r'^s\.toml: missing key "criteria"'):
        parse_pack(NO_CRITERIA, "s.toml")


def test_criteria_as_single_table_is_refused():
    text = NO_CRITERIA + '[criteria]\nid = "SA-01"\n'
    with pytest.raises(ThemePackError, match=r"^s\.toml: criteria: expected array, got table"):
        parse_pack(text, "s.toml")


def test_criterion_that_is_not_a_table_is_refused():
    text = NO_CRITERIA.replace("format = 2", 'criteria = ["SA-01"]\nformat = 2')
    with pytest.raises(ThemePackError, match=r"^s\.toml: criteria\[1\]: expected table"):
        parse_pack(text, "s.toml")


def test_unsupported_format_is_reported_before_other_problems():
    # A newer file may use keys this version does not know; the version is the real story.
    text = edited("format = 2", "format = 3\nnew_feature = true")
    with pytest.raises(ThemePackError, match="format: unsupported version 3"):
        parse_pack(text, "s.toml")


def test_toml_syntax_error_gives_file_line_and_column(tmp_path):
    path = write(tmp_path, "sample.toml", edited('"Sample theme"', '"Sample theme'))
    with pytest.raises(ThemePackError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert message.startswith("sample.toml: not valid TOML:")
    assert "line 4, column" in message


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


def test_file_without_read_permission_is_named(tmp_path, monkeypatch):
    path = write(tmp_path, "sample.toml", BASE)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root, or Windows: refuse the read as the system would
        read_bytes = Path.read_bytes

        def refused(self):
            if self == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", refused)
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
    write(tmp_path, "sample.toml", edited("format = 2", "format = 3"))
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
        (
            'inspectorates = ["ofsted", "cqc", "hmicfrs"]',
            'inspectorates = ["Ofsted", "CQC", "HMICFRS"]',
        ),
        (
            'services = ["maternity", "health_visiting"]',
            'services = ["Maternity", "health visiting"]',
        ),
        ('judged = "area"', 'judged = "Once for the area"'),
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
            edited(
                'inspectorates = ["ofsted", "cqc", "hmicfrs"]',
                'inspectorates = ["ofsted", "Ofsted", "cqc", "hmicfrs"]',
            ),
            "s.toml",
        )


# --- the team's own packs in the data folder -------------------------------------------


def test_a_team_pack_in_the_data_folder_joins_the_shipped_ones(tmp_path):
    mine = user_themes_dir(tmp_path)
    mine.mkdir()
    write(mine, "sample.toml", BASE)
    catalogue = load_catalogue(mine)
    assert catalogue.problems == ()
    assert catalogue.pack("Sample").source == "sample.toml"
    assert set(SHIPPED) < set(catalogue.packs)
    assert list(catalogue.packs) == sorted(catalogue.packs)


def test_a_team_pack_is_checked_like_a_shipped_one_and_left_out_if_it_fails(tmp_path):
    mine = tmp_path / "themes"
    mine.mkdir()
    write(mine, "sample.toml", edited('strand = "leadership"', 'strand = "leader"'))
    write(mine, "good.toml", edited('id = "sample"', 'id = "good"'))
    write(mine, "old.toml", LEGACY.replace('id = "sample"', 'id = "old"'))
    write(mine, "neglect.toml", edited('id = "sample"', 'id = "neglect"'))
    catalogue = load_catalogue(mine)
    assert "good" in catalogue.packs and "sample" not in catalogue.packs
    assert catalogue.packs["neglect"] == SHIPPED["neglect"]
    problems = sorted(catalogue.problems)
    assert problems[0].startswith('neglect.toml: id: "neglect" is already a shipped pack')
    assert problems[1].startswith("old.toml: format: a new pack needs format 2")
    assert problems[2].startswith('sample.toml: criteria[3].strand: "leader" is not a strand')
    with pytest.raises(ThemePackError, match=r"^sample\.toml: criteria\[3\]\.strand"):
        catalogue.pack("sample")
    with pytest.raises(ThemePackError, match='There is no theme pack "nothing"'):
        catalogue.pack("nothing")


def test_no_team_folder_is_no_problem(tmp_path):
    catalogue = load_catalogue(tmp_path / "themes")
    assert catalogue.packs == SHIPPED and catalogue.problems == ()


def test_the_method_notes_name_every_pack_and_its_first_source():
    """docs/method/frameworks.md is where the sources travel with the packs."""
    notes = (Path(__file__).resolve().parents[2] / "docs" / "method" / "frameworks.md").read_text(
        encoding="utf-8"
    )
    for pack in SHIPPED.values():
        assert f"`{pack.id}`" in notes, pack.id
        assert pack.sources[0] in notes, pack.id
