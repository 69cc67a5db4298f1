"""Dateline: a desktop article editor for news reporters."""

from pathlib import Path

__version__ = "0.1.0"

# Templates, styles and the sample story live beside the package in the source tree
# (installed in development mode by `make`).
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
