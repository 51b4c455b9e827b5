"""The item-data roles the models offer beyond Qt's own: one name and one meaning each.

Roles every kind of list shares are here; a model's own roles (a finding without evidence,
a conflict's values ...) are named in its module and numbered from ``MODEL_ROLES``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

_USER = Qt.ItemDataRole.UserRole

RecordIdRole = _USER  # the id of the record (or stored item) a row stands for
RecordRole = _USER + 1  # (record kind, record id) of a row: what opens it on its own page
RecordKindRole = _USER + 2  # the kind of record a row shows: "child", "note", "finding" ...
KindRole = _USER + 3  # the kind within its record kind: a note's or a finding's kind
SortRole = _USER + 4  # the value a column sorts by, where it differs from what it shows
MODEL_ROLES = _USER + 16  # a model's own roles number from here

# What Qt passes a model's data(), flags(), rowCount() ...: an index or a persistent one.
AnyIndex = QModelIndex | QPersistentModelIndex
