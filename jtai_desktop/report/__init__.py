"""report layer (no Qt)."""
