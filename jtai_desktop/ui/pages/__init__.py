"""pages of the desktop."""
