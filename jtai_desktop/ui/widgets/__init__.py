"""widgets of the desktop."""
