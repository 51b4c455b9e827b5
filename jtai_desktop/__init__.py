"""jtai-desktop: an offline workspace for joint targeted area inspections."""

__version__ = "0.1.0"
