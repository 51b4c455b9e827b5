"""Full-text search as an inspector uses it: ranked, highlighted, forgiving of what is typed,
and always in step with edits and deletions."""

from __future__ import annotations

from datetime import date

import pytest

from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services.inspections import MemberInput, create_inspection
from jtai_desktop.services.notes import add_note, update_note
from jtai_desktop.services.search import search

DAY = date(2026, 10, 19)


@pytest.fixture
def pack():
    return load_pack(default_themes_dir() / "domestic-abuse.toml")


def new_inspection(ws, pack, area: str) -> str:
    return create_inspection(
        ws,
        pack,
        area=area,
        notification=date(2026, 10, 5),
        lead=MemberInput("Lead Inspector", "ofsted", "lead"),
    ).entity_id


@pytest.fixture
def inspection(ws, pack):
    return new_inspection(ws, pack, "Northbridge")


def note(ws, inspection, title, text) -> str:
    return add_note(ws, inspection, kind="meeting", date=DAY, title=title, text=text).entity_id


def found(ws, inspection, query) -> list[str]:
    return [hit.entity_id for hit in search(ws, inspection, query)]


def test_a_title_match_ranks_above_a_body_only_match(ws, inspection):
    in_body = note(
        ws,
        inspection,
        "Weekly catch-up",
        "We discussed the strategy for the MARAC referrals this week.",
    )
    in_title = note(
        ws,
        inspection,
        "Strategy discussion",
        "We discussed the referrals from the front door this week.",
    )
    note(ws, inspection, "Unrelated", "Nothing about that here at all.")
    assert found(ws, inspection, "strategy") == [in_title, in_body]


def test_snippets_bracket_the_matching_words(ws, inspection):
    note(
        ws,
        inspection,
        "Visit",
        "The social worker saw the child alone and recorded the child's wishes clearly.",
    )
    (hit,) = search(ws, inspection, "wishes")
    assert "[wishes]" in hit.snippet
    assert hit.title == "Visit" and hit.entity == "note"


def test_snippets_bracket_stemmed_and_prefix_matches(ws, inspection):
    note(ws, inspection, "Visit", "Several referrals were made after the disclosure.")
    (hit,) = search(ws, inspection, "referral")
    assert "[referrals]" in hit.snippet
    (hit,) = search(ws, inspection, "disclos")
    assert "[disclosure]" in hit.snippet


@pytest.mark.parametrize(
    "query",
    [
        's.47 AND "',
        "NOT",
        "(",
        ")",
        '"',
        "*",
        "AND OR NOT",
        "NEAR(a b)",
        "title:x",
        "^start",
        "a - b",
        "'; DROP TABLE notes; --",
        "{}[]",
        "   ",
        "",
        "ü",
        "s.47*",
    ],
)
def test_operators_and_punctuation_never_raise(ws, inspection, query):
    note(ws, inspection, "Section 47 enquiry", "The s.47 enquiry was NOT started promptly.")
    hits = search(ws, inspection, query)
    assert isinstance(hits, list)
    assert ws.rows("note", inspection)  # nothing was dropped


def test_what_people_type_with_punctuation_still_finds_the_note(ws, inspection):
    wanted = note(
        ws,
        inspection,
        "Section 47 enquiry",
        "The s.47 enquiry was NOT started promptly (see chronology).",
    )
    note(ws, inspection, "Other", "A strategy discussion happened on time.")
    assert found(ws, inspection, "s.47") == [wanted]
    assert found(ws, inspection, 's.47 AND "') == []  # every word must appear: "and" does not
    assert found(ws, inspection, "NOT started") == [wanted]
    assert found(ws, inspection, "(chronology") == [wanted]


def test_the_last_word_is_a_prefix_and_earlier_words_are_whole(ws, inspection):
    wanted = note(
        ws,
        inspection,
        "Safeguarding partnership meeting",
        "Leaders described the safeguarding arrangements.",
    )
    assert found(ws, inspection, "safegu") == [wanted]
    assert found(ws, inspection, "partnership meet") == [wanted]
    assert found(ws, inspection, "partner meeting") == []  # only the last word is a prefix
    assert found(ws, inspection, "safegu meeting") == []


def test_deleted_notes_disappear_and_restored_ones_come_back(ws, inspection):
    kept = note(ws, inspection, "Police", "Domestic abuse notifications reached schools.")
    gone = note(ws, inspection, "Health", "Domestic abuse routine enquiry in maternity.")
    assert sorted(found(ws, inspection, "domestic abuse")) == sorted([kept, gone])
    ws.delete("note", gone)
    assert found(ws, inspection, "domestic abuse") == [kept]
    assert found(ws, inspection, "maternity") == []
    ws.restore("note", gone)
    assert found(ws, inspection, "maternity") == [gone]


def test_an_edited_note_is_found_by_its_new_text_not_its_old(ws, inspection):
    note_id = note(ws, inspection, "Early help", "The family declined the early help offer.")
    update_note(ws, note_id, text="The family accepted a parenting programme.")
    assert found(ws, inspection, "parenting programme") == [note_id]
    assert found(ws, inspection, "declined") == []
    update_note(ws, note_id, title="Parenting support")
    assert found(ws, inspection, "early help") == []
    (hit,) = search(ws, inspection, "accepted")
    assert hit.title == "Parenting support"


def test_undoing_an_edit_brings_back_the_old_text_in_search(ws, inspection):
    note_id = note(ws, inspection, "Early help", "The family declined the early help offer.")
    edit = update_note(ws, note_id, text="The family accepted a parenting programme.")
    ws.apply(edit.inverse())
    assert found(ws, inspection, "declined") == [note_id]
    assert found(ws, inspection, "parenting") == []


def test_results_come_only_from_the_given_inspection(ws, pack, inspection):
    other = new_inspection(ws, pack, "Southmere")
    here = note(ws, inspection, "Strategy", "Multi-agency strategy discussion held on time.")
    there = note(ws, other, "Strategy", "Multi-agency strategy discussion held late.")
    assert found(ws, inspection, "strategy") == [here]
    assert found(ws, other, "strategy") == [there]
    assert found(ws, other, "on time") == []


def test_the_limit_caps_the_number_of_results(ws, inspection):
    for n in range(8):
        note(ws, inspection, f"Visit {n}", "Home visit completed.")
    assert len(search(ws, inspection, "visit", limit=5)) == 5
    assert len(search(ws, inspection, "visit")) == 8


# --- the search index is brought up to date before every search --------------------------------
def pending(ws) -> int:
    return ws.db.execute("SELECT count(*) FROM search_pending").fetchone()[0]


def test_an_edit_is_found_by_the_next_search_even_after_a_restart(tmp_path, open_folder, pack):
    """An edit names its record for the search index in its own transaction; the index is
    written before the next search, whenever that is (after a crash or a restart too)."""
    ctx = open_folder(tmp_path / "data")
    inspection = new_inspection(ctx.workspace, pack, "Northbridge")
    note_id = note(ctx.workspace, inspection, "Visit", "The first account.")
    update_note(ctx.workspace, note_id, text="The account after the disclosure.")
    assert pending(ctx.workspace) >= 1  # saved, not indexed yet
    ctx.close()  # as if the app stopped here
    ws = open_folder(tmp_path / "data").workspace
    assert found(ws, inspection, "disclosure") == [note_id]
    assert found(ws, inspection, "first") == []
    assert pending(ws) == 0


def test_a_deleted_note_leaves_the_index_at_the_next_search(ws, inspection):
    from jtai_desktop.services.notes import delete_note

    note_id = note(ws, inspection, "Visit", "Words about the strategy discussion.")
    assert found(ws, inspection, "strategy") == [note_id]
    delete_note(ws, note_id)
    assert found(ws, inspection, "strategy") == []
