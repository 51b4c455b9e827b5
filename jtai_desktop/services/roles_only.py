"""Staff are recorded by job title and organisation, never by name: a role that reads like a
person's name ("Mrs Smith", "PC Jones") is refused before it is saved, with the same name
finder the letter's check uses."""

from __future__ import annotations

from ..domain.errors import ValidationError
from ..report.names import person_names


def require_role(value: str | None, what: str) -> str | None:
    """The role as written (trimmed), None when blank; refused when it holds a name."""
    text = (value or "").strip()
    if not text:
        return None
    found = next(person_names(text), None)
    if found is not None:
        raise ValidationError(
            f"{what} seems to hold a person's name ({found[2].split(':')[0]}). Record the job "
            "title and organisation only, e.g. 'class teacher' or 'MASH team manager'."
        )
    return text
