"""Composition root: the one place where the store, the services and the window are wired.

``open_context`` opens a data folder for the command line and the tests; ``create_app``
unlocks one (asking if needed) and builds the main window on it; ``launch_desktop`` is what
``jtai-desktop`` without a command runs. The desktop (``ui``) is imported only by these.
"""

from __future__ import annotations

from pathlib import Path

from . import paths
from .crypto.kdf import KdfParams
from .services.data_folder import AppContext, open_context, open_unlocked

__all__ = ["AppContext", "create_app", "launch_desktop", "open_context", "open_unlocked"]


def launch_desktop(args) -> int:
    """Start the Qt application and open the desktop on the data folder ``args`` names."""
    from .ui.launch import launch

    return launch(args, create_app)


def create_app(
    data_dir: Path | str | None = None,
    *,
    passphrase: str | None = None,
    open_demo: bool = False,
    passphrase_file: str | None = None,
    kdf_params: KdfParams | None = None,
):
    """Unlock the data folder (asking if needed) and build the main window, or None if the
    user gave up unlocking. Needs a QApplication."""
    from .ui.assemble import build_main_window

    folder = paths.data_dir(data_dir)
    context = _open_for_desktop(folder, passphrase, open_demo, passphrase_file, kdf_params)
    if context is None:
        return None
    if context.is_thematic_workspace():  # a thematic workspace opens on its own screen
        from .ui.thematic_window import build_thematic_window

        return build_thematic_window(context)
    if open_demo:
        from .services.demo import build_demo

        build_demo(context.workspace, "small", 1)
    return build_main_window(context)


def _open_for_desktop(folder, passphrase, open_demo, passphrase_file, kdf_params):
    from .crypto.keyfile import is_demo_folder
    from .services.vault import needs_new_passphrase

    if open_demo or is_demo_folder(folder):
        return open_context(folder, create_demo=True)
    if passphrase is None and passphrase_file:
        from .cli_secrets import read_secret_file  # and the terminal's modules: only here

        passphrase = read_secret_file(passphrase_file)
    if passphrase is not None:
        return open_context(folder, passphrase, kdf_params=kdf_params)
    from .ui.dialogs.unlock import ask_to_unlock

    return ask_to_unlock(
        folder,
        needs_new_passphrase(folder),
        lambda secret: open_context(folder, secret, kdf_params=kdf_params),
        open_with_key=lambda key: open_unlocked(folder, key),
    )
