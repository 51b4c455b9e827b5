"""The letter check knows every value a child's identifying fields ever held in the
inspection: earlier values, deleted children, and both sides of a conflict (the change log
keeps them all), not only the children on the list today."""

from __future__ import annotations

from datetime import date

import pytest

from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services import children
from jtai_desktop.services import report as report_service
from jtai_desktop.services.inspections import MemberInput, add_member, create_inspection
from jtai_desktop.services.workspace import Workspace
from jtai_desktop.store import oplog, projection
from jtai_desktop.store.database import write_transaction
from jtai_desktop.sync.merge import field_heads
from jtai_desktop.sync.ops import Op


@pytest.fixture
def inspection(ws):
    pack = load_pack(default_themes_dir() / "domestic-abuse.toml")
    return create_inspection(
        ws,
        pack,
        area="Northbridge",
        notification=date(2026, 10, 5),
        lead=MemberInput("Lead Inspector", "ofsted", "lead"),
    ).entity_id


def add_child(ws, inspection, **private) -> str:
    return children.add_child(
        ws, inspection, pseudonym="Child A", selection="tracked", private=private
    ).entity_id


def hits_for(ws, inspection, text: str) -> list[tuple[str, str]]:
    report_service.set_section(ws, inspection, "headline", text=text)
    result = report_service.check_letter(ws, inspection).result
    return [(h.kind, h.match) for h in result.hits if h.section == "headline"]


def test_a_deleted_childs_name_school_and_address_still_stop_the_letter(ws, inspection):
    child = add_child(
        ws,
        inspection,
        name="Lowenna Tregarthen",
        school="Polwheveral Academy",
        address="3 Quillet Mews, Northbridge NB7 2QQ",
    )
    ws.delete("child", child)
    assert ws.rows("child", inspection) == []
    found = hits_for(ws, inspection, "TREGARTHEN moved from Quillet Mews; Polwheveral noticed.")
    assert ("child_name", "TREGARTHEN") in found
    assert ("address", "Quillet Mews") in found
    assert ("school_or_setting", "Polwheveral") in found


def test_an_earlier_value_of_a_corrected_field_still_stops_the_letter(ws, inspection):
    child = add_child(ws, inspection, name="Zenobia Quartermaine", dob="2016-02-29")
    children.update_child(ws, child, private_name="Zenobia Hale", private_dob="2016-03-01")
    found = hits_for(ws, inspection, "Quartermaine's plan was reviewed on 29/02/2016.")
    assert ("child_name", "Quartermaine") in found
    assert ("date_of_birth", "29/02/2016") in found


def test_both_sides_of_a_conflict_are_known(ws, inspection):
    child = add_child(ws, inspection, name="Oriel Vantongeren")
    (seen,) = field_heads(oplog.ops_for_field(ws.db, child, "private_name"))
    children.update_child(ws, child, private_name="Oriel Vance")
    other = Workspace(ws.db, "other-device", ws.blobs)
    member = add_member(ws, inspection, MemberInput("Second Inspector", "cqc")).entity_id
    concurrent = Op(
        other.new_id(),
        inspection,
        "child",
        child,
        "private_name",
        "Oriel Fitzwarine",
        other.clock.tick(),
        "other-device",
        member,
        (seen.op_id,),
        1,
    )
    with write_transaction(ws.db):
        oplog.append(ws.db, [concurrent])
        projection.project_entities(ws.db, [child])
    # Settle it with a third spelling: neither side is a current value any more.
    ws.resolve(child, "private_name", "Oriel V.")
    assert ws.get("child", child)["private_name"] == "Oriel V."
    found = hits_for(ws, inspection, "Vance and Fitzwarine and Vantongeren were all seen.")
    assert {m for k, m in found if k == "child_name"} >= {"Vance", "Fitzwarine", "Vantongeren"}


def test_pseudonyms_and_agency_names_are_never_taken_for_a_persons_name(ws, inspection):
    child = add_child(ws, inspection, name="Ned Example")
    children.update_child(ws, child, pseudonym="Harriet")  # a team that uses name-like pseudonyms
    assert hits_for(ws, inspection, "Harriet was seen alone by the social worker.") == []
