"""sync layer (no Qt)."""
