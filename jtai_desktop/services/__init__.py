"""services layer (no Qt)."""
