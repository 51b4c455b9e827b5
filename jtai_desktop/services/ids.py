"""Ids derived from what a record is about, identical on every device."""

from __future__ import annotations

import uuid

_NAMESPACE = uuid.UUID("6f1d3c0e-8a4b-4d55-9a3e-2b7c1f0e9d41")


def derived_id(kind: str, *parts: str) -> str:
    return uuid.uuid5(_NAMESPACE, "/".join((kind, *parts))).hex


def review_id(child_id: str, criterion_id: str, agency_id: str) -> str:
    return derived_id("review", child_id, criterion_id, agency_id)


def audit_eval_id(child_id: str) -> str:
    return derived_id("audit_eval", child_id)


def link_id(evidence_id: str, target_kind: str, target_id: str) -> str:
    return derived_id("link", evidence_id, target_kind, target_id)


def organisation_audit_id(child_id: str, agency_id: str) -> str:
    """The evaluation of one organisation's own audit of a child's case (the multi-agency
    audit, and every audit evaluation release 0.1 made, is ``audit_eval_id(child_id)``)."""
    return derived_id("audit_eval", child_id, agency_id)


def area_review_id(inspection_id: str, criterion_id: str, agency_id: str) -> str:
    return derived_id("area_review", inspection_id, criterion_id, agency_id)
