"""Typed errors. Each carries a message a person can act on; no child details in it."""


class JtaiError(Exception):
    """Base of every error the app expects and explains to the user."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(JtaiError):
    """Input that breaks a rule of the inspection method (consent, evidence, dates...)."""


class NotFoundError(JtaiError):
    """A record, inspection or file that the user named does not exist."""


class AmbiguousError(JtaiError):
    """A prefix or name that matches more than one record."""


class ThemePackError(JtaiError):
    """A theme pack that cannot be used; the message names the file and the key at fault."""


class StoreError(JtaiError):
    """The database cannot be opened or used (newer version, corrupt, locked, full disk)."""


class FolderBusyError(StoreError):
    """Work that needs the data folder to itself, while another window or command has it."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class DiskFullError(StoreError):
    """No space left: the change in hand was not saved; everything before it was."""


class IncompleteFolderError(StoreError):
    """A data folder that lacks a part it cannot work without (its database beside its key
    file and evidence): refused untouched, never silently started again empty."""

    exit_code = 8
