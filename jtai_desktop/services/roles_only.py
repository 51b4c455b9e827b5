"""Staff are recorded by job title and organisation, never by name, and a sample's label
names no one: text that reads like a person's name ("Mrs Smith", "PC Jones") is refused
before it is saved, with the same name finder the letter's check uses."""

from __future__ import annotations

from ..domain.errors import ValidationError
from ..report.names import person_names


def require_role(value: str | None, what: str) -> str | None:
    """The role as written (trimmed), None when blank; refused when it holds a name."""
    text = (value or "").strip()
    if not text:
        return None
    refuse_names(text, what, "Record the job title and organisation only, e.g. 'class teacher'.")
    return text


def refuse_names(text: str, what: str, instead: str) -> None:
    """Raise ValidationError when ``text`` seems to hold a person's name; the message says
    why without repeating the name."""
    found = next(person_names(text), None)
    if found is not None:
        why = found[2].split(":")[0]
        raise ValidationError(f"{what} seems to hold a person's name ({why}). {instead}")
