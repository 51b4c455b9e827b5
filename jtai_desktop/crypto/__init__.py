"""Keys and encryption for data at rest. No Qt, no SQL."""
