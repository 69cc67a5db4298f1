"""`python -m editor ...` runs the command line."""

import sys

from editor.cli import main

# Guarded: worker processes (spawned for photo renditions) import this module again.
if __name__ == "__main__":
    sys.exit(main())
