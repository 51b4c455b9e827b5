"""The demo's letter as a lead would write it: headline and main findings as narrative, and
two practice studies, in the register of published JTAI letters (fictional, and naming no
child: "one child", no exact ages, no dates)."""

from __future__ import annotations

from ..report import inputs as li
from . import report
from .workspace import Workspace

HEADLINE = """\
Most babies and young children in {area} who are victims of domestic abuse are recognised \
quickly and receive help that makes them safer. Leaders of the partnership know their \
services well, and the multi-agency safeguarding hub (MASH) makes timely, well-reasoned \
decisions.

However, strategy discussions do not always include health, so decisions are sometimes made \
without what midwives and health visitors know, and news of incidents reaches health \
visitors late. Work with the person who causes harm is not yet a \
consistent part of children's plans. Children's views do not always shape what happens \
next. This means that for some children, risk is reduced for a time. The cause of it is not \
tackled."""

MAIN = """\
Leaders of the {area} Local Safeguarding Partnership have a shared and accurate understanding \
of the strengths and weaknesses of the response to domestic abuse. Their audit programme is \
well established, and findings from audits lead to changes in practice.

Police notifications of domestic abuse incidents reach the MASH promptly. Decisions are timely \
and proportionate, and managers record clear reasons for them. As a result, children at \
immediate risk are seen and protected the same day.

Schools are told about incidents before the next school day. Designated safeguarding leads \
described how this lets them notice and support children in the morning, and inspectors saw \
this making a difference to children's days.

Strategy discussions are held when they should be, but health and education are not always \
invited. When they are not, what a health visitor or school knows about a child is missing \
from the decision. This means that some decisions rest on an incomplete picture of the \
child's life.

Assessments describe the impact of domestic abuse on children well when they are completed \
promptly. After a second incident, the timeliness of assessments varies, and for a small \
number of children the response to repeated incidents was slow.

Specialist domestic abuse advisers give practical and persistent support to adult victims, \
who told inspectors that they felt believed. Work with the person who causes harm is less \
well developed. Probation and children's social care do not routinely plan together. As a \
result, children's plans rarely say what will change in the behaviour of the adult who harms \
them.

Practitioners know the children they work with well and speak about them with care. \
Children's views are gathered, but they are not always recorded in a way that shapes the \
plan. Management oversight is regular, but it does not always give practitioners clear \
direction about what should happen next.

The area's own audits of the children inspectors tracked were thorough and largely matched \
what inspectors found. Parents who spoke to inspectors valued the help they received. A parent \
said that the school "noticed before I had said anything"."""

STUDY_GOOD = """\
For a young child, the MASH, the police and the child's nursery worked together quickly \
after an incident at home. The nursery knew about the incident the next morning and shared \
what it had seen of the child over several weeks. A strategy discussion that included health \
led to a plan that the family understood. The child's parent was supported by a specialist \
adviser, and the child is now safer and settled at nursery."""

STUDY_IMPROVE = """\
For a primary school-aged child, several police notifications over a number of months were \
each responded to on their own. No strategy discussion considered the pattern, and the \
school's knowledge of the child's worsening attendance was not sought. The work with the \
adult who caused the harm was not part of the child's plan. When inspectors raised this, \
leaders took immediate action to review the child's circumstances."""


def write_demo_letter(ws: Workspace, inspection_id: str) -> None:
    """Write the narrative sections and practice studies as the lead."""
    area = (ws.require("inspection", inspection_id)["area"] or "").strip()
    for key, text in ((li.HEADLINE, HEADLINE), (li.MAIN, MAIN)):
        report.set_section(ws, inspection_id, key, text=text.format(area=area))
    tracked = [o.id for o in report.section_options(ws, inspection_id, li.STUDY_GOOD)]
    for key, text, child in (
        (li.STUDY_GOOD, STUDY_GOOD, tracked[:1]),
        (li.STUDY_IMPROVE, STUDY_IMPROVE, tracked[1:2]),
    ):
        report.set_section(ws, inspection_id, key, text=text, items=child)
