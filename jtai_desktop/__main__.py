"""python -m jtai_desktop"""

import sys

from .cli import main

sys.exit(main())
