"""Qt desktop layer."""
