"""Merging a record's ops: concurrent edits are all kept, deletions never swallow work."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from jtai_desktop.sync.merge import field_heads, resolve_entity
from jtai_desktop.sync.ops import DELETED, Op

T0 = 1_790_000_000_000


def stamp(n: int, device: str = "a") -> str:
    return f"{T0 + n:013d}.0000.{device}"


def op(
    op_id: str,
    field: str,
    value,
    at: int,
    *parents: str,
    device: str = "a",
    author: str | None = None,
) -> Op:
    return Op(
        op_id=op_id,
        inspection_id="insp",
        entity="note",
        entity_id="n1",
        field=field,
        value=value,
        hlc=stamp(at, device),
        device_id=device,
        author=author or f"member-{device}",
        parents=tuple(parents),
    )


# A note created on device a: its title and its text.
CREATE_TITLE = op("c-title", "title", "Strategy meeting", 1)
CREATE_TEXT = op("c-text", "text", "First draft", 1)
CREATED = [CREATE_TITLE, CREATE_TEXT]


def ids(ops) -> list[str]:
    return [o.op_id for o in ops]


def test_a_single_head_is_the_value_and_no_conflict():
    edit = op("e1", "text", "Second draft", 2, "c-text")
    state = resolve_entity([*CREATED, edit])
    assert state.values() == {"title": "Strategy meeting", "text": "Second draft"}
    assert ids(state.fields["text"].heads) == ["e1"]
    assert not state.fields["text"].conflicted
    assert state.conflicts() == {}
    assert not state.deleted


def test_two_concurrent_values_are_both_kept_and_shown_as_a_conflict():
    alice = op("ea", "text", "Alice's account", 5, "c-text", device="a")
    bob = op("eb", "text", "Bob's account", 3, "c-text", device="b")
    state = resolve_entity([*CREATED, alice, bob])
    text = state.fields["text"]
    assert text.conflicted
    assert ids(text.heads) == ["eb", "ea"]  # oldest first
    # The value displayed first is the newest by clock, but nothing is thrown away.
    assert state.values()["text"] == "Alice's account"
    assert {o.value for o in state.conflicts()["text"]} == {"Alice's account", "Bob's account"}
    assert ids(state.conflicts()["text"]) == ["eb", "ea"]
    assert "title" not in state.conflicts()


def test_equal_clocks_fall_back_to_op_id_for_the_displayed_value():
    x = op("x", "text", "from x", 4, "c-text", device="a")
    y = op("y", "text", "from y", 4, "c-text", device="a")
    state = resolve_entity([*CREATED, y, x])
    assert state.values()["text"] == "from y"
    assert ids(state.conflicts()["text"]) == ["x", "y"]


def test_the_same_value_written_concurrently_is_not_a_conflict():
    alice = op("ea", "text", "Agreed wording", 5, "c-text", device="a")
    bob = op("eb", "text", "Agreed wording", 4, "c-text", device="b")
    state = resolve_entity([*CREATED, alice, bob])
    assert len(state.fields["text"].heads) == 2
    assert not state.fields["text"].conflicted
    assert state.conflicts() == {}
    assert state.values()["text"] == "Agreed wording"


def test_json_values_equal_up_to_key_order_are_not_a_conflict():
    alice = op("ea", "attendees", [{"role": "social worker", "agency": "x"}], 5, device="a")
    bob = op("eb", "attendees", [{"agency": "x", "role": "social worker"}], 4, device="b")
    state = resolve_entity([*CREATED, alice, bob])
    assert state.conflicts() == {}


def test_a_resolving_op_naming_both_heads_settles_the_conflict():
    alice = op("ea", "text", "Alice's account", 5, "c-text", device="a")
    bob = op("eb", "text", "Bob's account", 3, "c-text", device="b")
    # The resolution is older by clock than Alice's edit (Bob's laptop is slow), yet it wins:
    # it names both values as seen.
    settled = op("r", "text", "Both accounts, reconciled", 4, "ea", "eb", device="b")
    state = resolve_entity([*CREATED, alice, bob, settled])
    assert ids(state.fields["text"].heads) == ["r"]
    assert state.values()["text"] == "Both accounts, reconciled"
    assert state.conflicts() == {}


def test_a_resolution_that_saw_only_one_value_leaves_the_conflict_open():
    alice = op("ea", "text", "Alice's account", 5, "c-text", device="a")
    bob = op("eb", "text", "Bob's account", 3, "c-text", device="b")
    partial = op("r", "text", "Bob's account, revised", 9, "eb", device="b")
    state = resolve_entity([*CREATED, alice, bob, partial])
    assert ids(state.conflicts()["text"]) == ["ea", "r"]


def _scenario() -> list[Op]:
    """A history with a conflict, a resolution, a second conflict and a tombstone race."""
    return [
        *CREATED,
        op("ea", "text", "Alice", 5, "c-text", device="a"),
        op("eb", "text", "Bob", 3, "c-text", device="b"),
        op("r", "text", "Reconciled", 6, "ea", "eb", device="b"),
        op("ta", "title", "Title A", 7, "c-title", device="a"),
        op("tb", "title", "Title B", 7, "c-title", device="b"),
        op("del", DELETED, True, 8, "r", "ta", device="a"),
    ]


def _summary(state):
    return (
        state.values(),
        state.deleted,
        {f: ids(heads) for f, heads in state.conflicts().items()},
    )


def test_the_order_ops_arrive_in_and_duplicates_do_not_change_the_result():
    ops = _scenario()
    expected = resolve_entity(ops)
    rng = random.Random(4)
    for _ in range(50):
        shuffled = ops + rng.sample(ops, 4)
        rng.shuffle(shuffled)
        got = resolve_entity(shuffled)
        assert got == expected
    assert _summary(expected) == (
        {"title": "Title B", "text": "Reconciled"},
        False,
        {"title": ["ta", "tb"], DELETED: ["tb", "del"]},
    )


@settings(max_examples=60, deadline=None)
@given(st.permutations(_scenario()), st.lists(st.integers(0, 7), max_size=6))
def test_any_delivery_order_with_duplicates_gives_the_same_state(ops, repeats):
    delivered = list(ops) + [ops[i] for i in repeats]
    assert resolve_entity(delivered) == resolve_entity(_scenario())


def test_field_heads_are_oldest_first_and_ignore_other_fields_parents():
    a = op("a", "text", "1", 3)
    b = op("b", "text", "2", 2)
    assert ids(field_heads([a, b])) == ["b", "a"]
    assert ids(field_heads([a, b, op("c", "text", "3", 4, "a")])) == ["b", "c"]


def test_a_tombstone_naming_every_head_deletes_the_record():
    edit = op("e1", "text", "Second draft", 2, "c-text")
    tomb = op("del", DELETED, True, 3, "c-title", "e1")
    state = resolve_entity([*CREATED, edit, tomb])
    assert state.deleted
    assert state.conflicts() == {}


def test_an_edit_concurrent_with_a_deletion_keeps_the_record_and_opens_a_conflict():
    # Alice deletes the note having seen the original text; Bob, offline, edits the text.
    tomb = op("del", DELETED, True, 5, "c-title", "c-text", device="a")
    bobs_edit = op("eb", "text", "Bob's important addition", 4, "c-text", device="b")
    state = resolve_entity([*CREATED, tomb, bobs_edit])
    assert not state.deleted
    assert state.values()["text"] == "Bob's important addition"
    assert ids(state.conflicts()[DELETED]) == ["eb", "del"]
    assert ids(state.unseen_edits) == ["eb"]


def test_a_second_deletion_that_saw_the_concurrent_edit_deletes_the_record():
    tomb = op("del", DELETED, True, 5, "c-title", "c-text", device="a")
    bobs_edit = op("eb", "text", "Bob's addition", 4, "c-text", device="b")
    confirm = op("del2", DELETED, True, 9, "del", "c-title", "eb", device="b")
    state = resolve_entity([*CREATED, tomb, bobs_edit, confirm])
    assert state.deleted
    assert state.conflicts() == {}


def test_a_deletion_made_after_seeing_the_edit_is_not_a_conflict():
    edit = op("e1", "text", "Edited", 4, "c-text", device="b")
    tomb = op("del", DELETED, True, 3, "c-title", "e1", device="a")  # slow clock, but saw e1
    state = resolve_entity([*CREATED, edit, tomb])
    assert state.deleted
    assert state.conflicts() == {}


def test_concurrent_delete_and_restore_keeps_the_record_visible_with_a_conflict():
    first_delete = op("del1", DELETED, True, 3, "c-title", "c-text", device="a")
    restore = op("res", DELETED, False, 4, "del1", device="b")
    delete_again = op("del2", DELETED, True, 5, "del1", "c-title", "c-text", device="a")
    state = resolve_entity([*CREATED, first_delete, restore, delete_again])
    assert not state.deleted
    assert state.values() == {"title": "Strategy meeting", "text": "First draft"}
    assert ids(state.conflicts()[DELETED]) == ["res", "del2"]


def test_restore_after_delete_makes_the_record_visible_without_conflict():
    tomb = op("del", DELETED, True, 3, "c-title", "c-text")
    restore = op("res", DELETED, False, 4, "del")
    state = resolve_entity([*CREATED, tomb, restore])
    assert not state.deleted
    assert state.values() == {"title": "Strategy meeting", "text": "First draft"}
    assert state.conflicts() == {}


def test_deleting_again_after_a_restore_deletes():
    tomb = op("del", DELETED, True, 3, "c-title", "c-text")
    restore = op("res", DELETED, False, 4, "del")
    again = op("del2", DELETED, True, 5, "res", "c-title", "c-text")
    assert resolve_entity([*CREATED, tomb, restore, again]).deleted


def test_first_and_last_ops_give_creation_and_last_change():
    edit = op("e1", "text", "Edited by b", 7, "c-text", device="b", author="bob")
    state = resolve_entity([edit, *CREATED])
    assert state.first.op_id == "c-text"  # same stamp: the op id breaks the tie
    assert state.first.author == "member-a"
    assert state.last.op_id == "e1"
    assert state.last.author == "bob"
