"""Where the tests' own files are, for test modules in any folder below tests/."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"  # sample stories, images, schemas and payloads (see data/README.md)
REPO = TESTS.parent
