"""The inspection method as plain Python: dataclasses, enums, rules, typed errors. No Qt, no SQL."""
