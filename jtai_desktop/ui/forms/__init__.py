"""Generated from ../../../forms/*.ui by pyside6-uic. Never edit by hand."""
