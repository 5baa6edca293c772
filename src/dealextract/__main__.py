"""``python -m dealextract``: the command line, for environments without the ``dealextract`` script."""

from __future__ import annotations

import sys

from dealextract.cli import main

if __name__ == "__main__":
    sys.exit(main())
