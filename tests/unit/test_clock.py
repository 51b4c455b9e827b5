"""The hybrid logical clock: the order of edits survives stopped and slightly skewed clocks,
and no clock, however wrong, drags a device's stamps more than the bound ahead of its own."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from jtai_desktop.sync.clock import MAX_AHEAD_MS, MAX_COUNTER, HybridClock, Stamp

DAY_MS = 24 * 3600 * 1000
T0 = 1_790_000_000_000  # 2026-09-21, a plausible fieldwork morning


class FakeWall:
    """A wall clock the test sets by hand (milliseconds since the epoch)."""

    def __init__(self, millis: int):
        self.millis = millis

    def __call__(self) -> int:
        return self.millis


def _ticks(clock: HybridClock, wall: FakeWall, walls: list[int]) -> list[str]:
    stamps = []
    for millis in walls:
        wall.millis = millis
        stamps.append(clock.tick())
    return stamps


def _strictly_increasing(stamps: list[str]) -> bool:
    parsed = [Stamp.parse(s) for s in stamps]
    as_text = all(a < b for a, b in zip(stamps, stamps[1:]))
    as_stamps = all(a < b for a, b in zip(parsed, parsed[1:]))
    return as_text and as_stamps


def test_stamps_follow_a_forward_moving_wall_clock():
    wall = FakeWall(T0)
    clock = HybridClock("laptop", now=wall)
    stamps = _ticks(clock, wall, [T0, T0 + 5, T0 + 1000])
    assert [Stamp.parse(s).millis for s in stamps] == [T0, T0 + 5, T0 + 1000]
    assert [Stamp.parse(s).counter for s in stamps] == [0, 0, 0]
    assert _strictly_increasing(stamps)


def test_stamps_increase_while_the_wall_clock_stands_still():
    wall = FakeWall(T0)
    clock = HybridClock("laptop", now=wall)
    stamps = _ticks(clock, wall, [T0] * 50)
    assert _strictly_increasing(stamps)
    assert {Stamp.parse(s).millis for s in stamps} == {T0}
    assert [Stamp.parse(s).counter for s in stamps] == list(range(50))


def test_stamps_increase_when_the_wall_clock_goes_back_a_little():
    # The laptop's clock is corrected by a few minutes in the middle of a day.
    wall = FakeWall(T0)
    clock = HybridClock("laptop", now=wall)
    back = T0 - MAX_AHEAD_MS + 60_000
    stamps = _ticks(clock, wall, [T0, T0 + 10, back, back + 1, T0 + 5, T0 + 11])
    assert _strictly_increasing(stamps)
    # Once the wall clock passes the last stamp again, stamps follow it again.
    assert Stamp.parse(stamps[-1]) == Stamp(T0 + 11, 0, "laptop")


@pytest.mark.parametrize("days_back", [1, 2, 6])
def test_a_clock_put_back_by_days_stamps_by_its_own_clock_again(days_back):
    # A laptop that ran fast (or jumps between two wrong dates) is put right: its stamps no
    # longer run ahead of its own clock by more than the bound, whatever it stamped before.
    wall = FakeWall(T0 + days_back * DAY_MS)
    clock = HybridClock("laptop", now=wall)
    clock.tick()
    wall.millis = T0
    later = [Stamp.parse(s) for s in _ticks(clock, wall, [T0, T0, T0 + 1, T0 + 50])]
    assert all(s.millis <= T0 + 50 + MAX_AHEAD_MS for s in later)
    assert later == sorted(later) and len(set(later)) == len(later)


def test_a_clock_resumed_from_the_last_stored_stamp_never_reissues_an_earlier_one():
    wall = FakeWall(T0 - 120_000)  # the machine restarted with a clock two minutes slow
    clock = HybridClock("laptop", last=f"{T0:013d}.0007.laptop", now=wall)
    first = clock.tick()
    assert first > f"{T0:013d}.0007.laptop"
    assert Stamp.parse(first) == Stamp(T0, 8, "laptop")


def test_observing_a_remote_stamp_a_little_ahead_orders_later_local_edits_after_it():
    # Bob's laptop runs five minutes fast; Alice receives his edit and then edits the record.
    bob_wall = FakeWall(T0 + 5 * 60_000)
    bob = HybridClock("bob", now=bob_wall)
    bobs_edit = bob.tick()

    alice_wall = FakeWall(T0)
    alice = HybridClock("alice", now=alice_wall)
    before = alice.tick()
    assert before < bobs_edit  # without observing, Alice's edit would sort before Bob's

    alice.observe(bobs_edit)
    alices_reply = alice.tick()
    assert alices_reply > bobs_edit
    assert Stamp.parse(alices_reply) > Stamp.parse(bobs_edit)
    assert Stamp.parse(alices_reply).device == "alice"
    # ... and so does everything after it, while Alice's wall clock is still behind.
    more = _ticks(alice, alice_wall, [T0 + 1, T0 + 2, T0 + 3])
    assert _strictly_increasing([bobs_edit, alices_reply, *more])


def test_a_remote_stamp_days_ahead_does_not_drag_the_clock_past_the_bound():
    # Bob's laptop runs four days fast: Alice's edits after his keep to her own clock.
    alice_wall = FakeWall(T0)
    alice = HybridClock("alice", now=alice_wall)
    alice.observe(f"{T0 + 4 * DAY_MS:013d}.0000.bob")
    stamps = [Stamp.parse(s) for s in _ticks(alice, alice_wall, [T0, T0 + 1, T0 + 2])]
    assert all(s.millis <= T0 + 2 + MAX_AHEAD_MS for s in stamps)
    assert stamps == sorted(stamps)


def test_observing_an_older_remote_stamp_does_not_move_the_clock_back():
    wall = FakeWall(T0)
    clock = HybridClock("alice", now=wall)
    latest = clock.tick()
    clock.observe(f"{T0 - DAY_MS:013d}.0000.bob")
    assert clock.last == Stamp.parse(latest)
    wall.millis = T0 - 1  # wall clock slips back too
    assert clock.tick() > latest


def test_observing_a_remote_stamp_in_the_same_millisecond_orders_after_its_counter():
    wall = FakeWall(T0)
    clock = HybridClock("alice", now=wall)
    clock.tick()
    clock.observe(f"{T0:013d}.0042.bob")
    assert Stamp.parse(clock.tick()) == Stamp(T0, 43, "alice")


@pytest.mark.parametrize(
    "stamp",
    [
        Stamp(0, 0, "d"),
        Stamp(T0, 17, "3f2a9c"),
        Stamp(T0, MAX_COUNTER, "device.with.dots"),
        Stamp(9_999_999_999_999, 1, "x"),
    ],
)
def test_stamp_text_round_trip(stamp):
    text = str(stamp)
    assert Stamp.parse(text) == stamp
    assert str(Stamp.parse(text)) == text


def test_stamp_text_is_fixed_width_so_text_order_is_time_order():
    assert str(Stamp(5, 3, "dev")) == "0000000000005.0003.dev"
    early, late = Stamp(999, 9999, "z"), Stamp(1000, 0, "a")
    assert str(early) < str(late)
    assert early < late


def test_stamp_iso_is_utc_with_milliseconds():
    assert Stamp(0, 0, "d").iso() == "1970-01-01T00:00:00.000Z"
    moment = datetime(2026, 10, 5, 9, 30, 15, 42_000, tzinfo=UTC)
    millis = int(moment.timestamp() * 1000)
    assert Stamp(millis, 12, "d").iso() == "2026-10-05T09:30:15.042Z"
    # The counter and the device do not change the displayed time.
    assert Stamp(millis, 0, "other").iso() == Stamp(millis, 9999, "d").iso()


def test_a_full_counter_borrows_the_next_millisecond():
    wall = FakeWall(T0)
    clock = HybridClock("laptop", last=f"{T0:013d}.{MAX_COUNTER - 1:04d}.laptop", now=wall)
    full = clock.tick()
    borrowed = clock.tick()
    after = clock.tick()
    assert Stamp.parse(full) == Stamp(T0, MAX_COUNTER, "laptop")
    assert Stamp.parse(borrowed) == Stamp(T0 + 1, 0, "laptop")
    assert Stamp.parse(after) == Stamp(T0 + 1, 1, "laptop")
    assert _strictly_increasing([full, borrowed, after])
    assert all(len(s) == len(full) for s in (borrowed, after))  # the format never overflows


def test_many_edits_in_one_millisecond_stay_ordered_across_the_borrow():
    wall = FakeWall(T0)
    clock = HybridClock("laptop", now=wall)
    # Counters 0..MAX_COUNTER fill the millisecond, then two more edits borrow the next one.
    stamps = _ticks(clock, wall, [T0] * (MAX_COUNTER + 3))
    assert _strictly_increasing(stamps)
    assert Stamp.parse(stamps[-1]) == Stamp(T0 + 1, 1, "laptop")
