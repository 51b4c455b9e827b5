"""store layer (no Qt)."""
