"""The identifying-details gate on a corpus of details it must catch and look-alikes it must
let through, plus locations, overrides and readability warnings."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jtai_desktop.report import nhs
from jtai_desktop.report.gate import (
    ADDRESS,
    CASE_REF,
    CHILD_NAME,
    DOB,
    EMAIL,
    NHS,
    PHONE,
    POSTCODE,
    SCHOOL,
    SMALL_COUNT,
    ChildDetails,
    Override,
    SensitiveDetails,
    check,
    scan,
)
from jtai_desktop.report.letter import Figure, Letter, Paragraph, Section, Table

JORDAN = ChildDetails(
    "Jordan Blake",
    "NB-123456",
    date(2015, 3, 7),
    "14 Canal Row, Northbridge NB3 4XY",
    "Riverside Academy",
)
WILL = ChildDetails("Will White", "NB-654321", date(2012, 11, 30), "", "Northbridge High School")


@pytest.fixture(scope="module")
def details():
    return SensitiveDetails([JORDAN, WILL], area="Northbridge")


IDENTIFYING = [
    ("Jordan said he felt safe at home.", CHILD_NAME, "Jordan"),
    ("We spoke to jordan blake's mother.", CHILD_NAME, "jordan blake"),
    ("BLAKE was not seen alone.", CHILD_NAME, "BLAKE"),
    ("Will said he was frightened.", CHILD_NAME, "Will"),
    ("The file NB-123456 shows a delay.", CASE_REF, "NB-123456"),
    ("Case nb 123456 was closed.", CASE_REF, "nb 123456"),
    ("See NB123456.", CASE_REF, "NB123456"),
    ("She was born 7.3.15 in hospital.", DOB, "7.3.15"),
    ("DOB: 07/03/2015.", DOB, "07/03/2015"),
    ("On 7th March 2015 the family moved.", DOB, "7th March 2015"),  # recorded DOB, any context
    ("Records dated 2015-03-07 show it.", DOB, "2015-03-07"),
    ("Seen on March 7, 2015.", DOB, "March 7, 2015"),
    ("Listed as 03/07/2015 (month first).", DOB, "03/07/2015"),
    ("The baby was born on 12 June 2016.", DOB, "12 June 2016"),  # after 'born', any date
    ("Date of birth 01/02/2014.", DOB, "01/02/2014"),
    ("A girl born in March 2015.", DOB, "March 2015"),
    ("The family lives at 14 Canal Row.", ADDRESS, "14 Canal Row"),
    ("Police were called to Canal Row.", ADDRESS, "Canal Row"),
    ("A flat at 22 Foundry Street.", ADDRESS, "22 Foundry Street"),  # not recorded: shape
    ("Postcode nb3 4xy.", POSTCODE, "nb3 4xy"),  # recorded, any case
    ("Postcode SW1A 1AA.", POSTCODE, "SW1A 1AA"),
    ("NHS number 943 476 5919.", NHS, "943 476 5919"),
    ("NHS 9434765919.", NHS, "9434765919"),
    ("NHS 943-476-5919.", NHS, "943-476-5919"),
    ("Call 01632 960123.", PHONE, "01632 960123"),
    ("Call (01632) 960 123.", PHONE, "(01632) 960 123"),
    ("Mobile 07700 900123.", PHONE, "07700 900123"),
    ("Mobile +44 7700 900123.", PHONE, "+44 7700 900123"),
    ("Office +44 (0)20 7946 0000.", PHONE, "+44 (0)20 7946 0000"),
    ("Write to a.worker@northbridge.gov.uk today.", EMAIL, "a.worker@northbridge.gov.uk"),
    ("Staff at Riverside Academy noticed.", SCHOOL, "Riverside Academy"),
    ("staff at riverside academy noticed.", SCHOOL, "riverside academy"),
    ("Northbridge High acted quickly.", SCHOOL, "Northbridge High"),
    ("In one child's case the plan lapsed.", SMALL_COUNT, "one child's"),
    ("2 children in the family were not seen.", SMALL_COUNT, "2 children"),
    ("Three young people were missing.", SMALL_COUNT, "Three young people"),
    ("Five families waited.", SMALL_COUNT, "Five families"),
    ("Two of the children were siblings.", SMALL_COUNT, "Two of the children"),
    ("Only a single family was referred.", SMALL_COUNT, "a single family"),
    ("Their 4 older siblings were known.", SMALL_COUNT, "4 older siblings"),
]

LOOK_ALIKES = [
    "NHS number 943 476 5918.",  # fails the Modulus 11 check
    "Fieldwork took place from 19 to 23 October 2026.",  # a date, but not a birth date
    "The strategy discussion on 7 March 2016 was prompt.",  # not the recorded DOB
    "The MASH received 12,345 contacts and 1 234 567 calls.",  # statistics
    "Referrals rose by 4012 on 2025 figures, to 10 500.",
    "Child A and Child B were seen alone; Child AB was not.",  # pseudonyms
    "A Jordanian interpreter joined the Blakeley review.",  # names inside other words
    "The partnership will act on the white paper.",  # everyday words, lower case
    "Most children, 15 children in all, and a child's views.",
    "Evidence E-1001 supports criterion DA-05.",
    "Children aged 6 to 10 and unborn babies.",
    "Northbridge partners agree.",  # the area's own name is not an address
    "Page 3 of 10.",
]


@pytest.mark.parametrize("text, kind, match", IDENTIFYING)
def test_the_gate_catches_identifying_details(details, text, kind, match):
    assert (kind, match) in details.find(text)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_flagged(details, text):
    assert details.find(text) == []


# --- NHS numbers -----------------------------------------------------------------------------
nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


@given(nine_digits, st.sampled_from(["{}{}{}", "{} {} {}", "{}-{}-{}"]))
def test_a_valid_nhs_number_is_flagged_in_any_layout(first_nine, layout):
    digit = nhs.check_digit(first_nine)
    if digit is None:  # no NHS number starts with these nine digits
        return
    digits = first_nine + str(digit)
    text = "Her NHS number is " + layout.format(digits[:3], digits[3:6], digits[6:]) + "."
    assert (NHS, layout.format(digits[:3], digits[3:6], digits[6:])) in SensitiveDetails([]).find(
        text
    )


@given(nine_digits, st.integers(0, 9))
def test_an_invalid_check_digit_is_not_an_nhs_number(first_nine, last):
    if nhs.check_digit(first_nine) == last:
        return
    text = f"Reference {first_nine[:3]} {first_nine[3:6]} {first_nine[6:]}{last}."
    assert not [hit for hit in SensitiveDetails([]).find(text) if hit[0] == NHS]


def test_the_check_digit_of_known_numbers():
    assert nhs.is_valid("943 476 5919") and nhs.is_valid("4010232137")
    assert not nhs.is_valid("943 476 5910") and not nhs.is_valid("94347659190")


# --- where a hit is, and overrides -----------------------------------------------------------
def letter_with(text: str, finding_id: str | None = "f1") -> Letter:
    return Letter(
        "Joint targeted area inspection of Northbridge",
        (
            Section(
                "headline",
                "Headline findings",
                1,
                (
                    Paragraph("Leaders know their services well."),
                    Paragraph(text, finding_id=finding_id),
                ),
            ),
            Section(
                "annex_reviews",
                "Annex A",
                1,
                (
                    Table(
                        ("Agency", "Note"),
                        (("Police", "fine"), ("Health", "Riverside Academy")),
                        (5, 5),
                    ),
                ),
            ),
            Section(
                "annex_chart",
                "Annex B",
                1,
                (Figure(b"", "Chart of findings for Jordan", "Figure 1", 10.0),),
            ),
        ),
    )


def test_a_hit_says_where_it_is_and_what_matched(details):
    hits = scan(letter_with("Jordan was not seen."), details)
    by_section = {(h.section, h.paragraph, h.part): h for h in hits}
    para = by_section[("headline", 1, "")]
    assert (para.kind, para.match, para.finding_id) == (CHILD_NAME, "Jordan", "f1")
    assert para.location == "headline/1" and "paragraph 2" in para.describe()
    assert by_section[("annex_reviews", 0, "row 2, column 2")].kind == SCHOOL
    assert by_section[("annex_chart", 0, "alt text")].match == "Jordan"


def test_an_override_lets_one_hit_through_and_is_keyed_by_its_location(details):
    letter = letter_with("Jordan was not seen.")
    result = check(letter, details)
    assert result.blocked and len(result.hits) == 3
    hit = next(h for h in result.hits if h.section == "headline")
    reason = Override(hit.kind, hit.match, hit.location, "Placeholder in a test letter")
    after = check(letter, details, [reason])
    assert len(after.hits) == 2 and after.overridden == ((hit, reason),)
    # The same words moved to another paragraph are checked afresh ...
    moved = Letter(
        letter.title,
        (Section("headline", "Headline findings", 1, (Paragraph("Jordan was not seen."),)),),
    )
    assert check(moved, details, [reason]).blocked
    # ... and so is a changed match in the same place.
    changed = letter_with("Jordan Blake was not seen.")
    assert any(h.match == "Jordan Blake" for h in check(changed, details, [reason]).hits)


def test_long_sentences_are_warnings_not_hits(details):
    long = " ".join(["word"] * 30) + ". Short one."
    result = check(letter_with(long, None), SensitiveDetails([]))
    assert [w.kind for w in result.warnings] == ["long_sentence"]
    assert "paragraph 2" in result.warnings[0].message and "30 words" in result.warnings[0].message
    assert not check(letter_with("Short. Also short."), SensitiveDetails([])).warnings


# --- override files and plain English ---------------------------------------------------------
def test_override_files_in_toml_and_json(tmp_path):
    from jtai_desktop.report import overrides

    toml = tmp_path / "o.toml"
    toml.write_text(
        '[[override]]\nkind = "small_count"\nmatch = "two children"\n'
        'location = "headline/2"\nreason = "A published figure"\n'
    )
    (loaded,) = overrides.load(toml, by="Helen Marsh", at="2026-11-01T10:00:00+00:00")
    assert loaded.key == ("small_count", "two children", "headline/2")
    assert (loaded.by, loaded.reason) == ("Helen Marsh", "A published figure")
    json_file = tmp_path / "o.json"
    json_file.write_text(
        '{"overrides": [{"kind": "email_address", "match": "a@b.uk", '
        '"location": "cover/1", "reason": "The area\'s public inbox"}]}'
    )
    assert overrides.load(json_file)[0].kind == "email_address"


@pytest.mark.parametrize(
    "content, message",
    [
        ('[{"kind": "child_name", "match": "x", "location": "headline/0"}]', "has no reason"),
        ('[{"kind": "nickname", "match": "x", "location": "a/0", "reason": "r"}]', "unknown kind"),
        ('{"kind": "child_name"}', "must hold a list"),
        ("not json", "is not valid JSON"),
    ],
)
def test_a_bad_override_file_is_explained(tmp_path, content, message):
    from jtai_desktop.domain.errors import ValidationError
    from jtai_desktop.report import overrides

    path = tmp_path / "o.json"
    path.write_text(content)
    with pytest.raises(ValidationError, match=message):
        overrides.load(path)


def test_sentences_are_counted_as_a_reader_sees_them():
    from jtai_desktop.report.readability import long_sentences, sentences, word_count

    assert sentences("Plans were clear, e.g. in the MASH. Staff were 3.5 per cent fewer.") == [
        "Plans were clear, e.g. in the MASH.",
        "Staff were 3.5 per cent fewer.",
    ]
    assert word_count("The child's plan was well-made and up-to-date.") == 7
    long = " ".join(["word"] * 26) + "."
    (found,) = long_sentences([(0, "Short."), (3, long)])
    assert (found.paragraph, found.words, found.opening) == (3, 26, "word word word word word word")


def test_an_override_is_keyed_by_the_words_as_written():
    details = SensitiveDetails([ChildDetails("Kayleigh O'Brien")])
    curly = letter_with("The O\u2019Brien plan was late.")
    hit = next(h for h in check(curly, details).hits if h.section == "headline")
    assert hit.match == "O\u2019Brien" and "of a child held" in hit.why
    reason = Override(hit.kind, hit.match, hit.location, "Placeholder in a test letter")
    assert not [h for h in check(curly, details, [reason]).hits if h.section == "headline"]
    # The same name retyped with a straight apostrophe is changed text: it stops again.
    straight = letter_with("The O'Brien plan was late.")
    again = [h.match for h in check(straight, details, [reason]).hits if h.section == "headline"]
    assert again == ["O'Brien"]
