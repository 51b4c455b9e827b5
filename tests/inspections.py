"""A new inspection for a test that needs one and nothing particular about it."""

from __future__ import annotations

from datetime import date

from jtai_desktop.domain.themes import default_themes_dir, load_pack
from jtai_desktop.services.inspections import MemberInput, create_inspection


def new_inspection(ws) -> str:
    """A domestic-abuse inspection of Northbridge led by this workspace's member; its id."""
    return create_inspection(
        ws,
        load_pack(default_themes_dir() / "domestic-abuse.toml"),
        area="Northbridge",
        notification=date(2026, 10, 5),
        lead=MemberInput("Lead Inspector", "ofsted", "lead"),
    ).entity_id
