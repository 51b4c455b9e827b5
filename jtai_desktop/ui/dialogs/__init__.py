"""dialogs of the desktop."""
