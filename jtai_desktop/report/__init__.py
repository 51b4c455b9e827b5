"""report layer (no Qt): the draft letter composed from plain inputs, scanned for
identifying details, and written to Word."""


class ExportCancelled(Exception):
    """The user cancelled the export before the document was put in place."""
