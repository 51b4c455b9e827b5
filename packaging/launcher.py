"""The frozen app's entry point: the same `jtai_desktop.cli:main` as the `jtai-desktop` script.

A file given on the command line (an invitation or a bundle, double-clicked in the file
manager) is taken off the arguments by `main` itself and opened once the main window shows.
"""

import sys

from jtai_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
