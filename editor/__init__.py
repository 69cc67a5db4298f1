"""Dateline: a desktop article editor for news reporters."""

from importlib.resources import files
from importlib.resources.abc import Traversable

__version__ = "0.1.0"

# Templates, styles, samples and the house style ship inside the package as `editor.resources`
# (pyproject.toml maps it from resources/ at the top of the repository) and are read only through
# importlib.resources, so an installed Dateline finds them wherever it was installed. Code that
# must hand a library a real file path asks editor.bundled.resource_file for one.
try:
    RESOURCES: Traversable = files("editor.resources")
except ModuleNotFoundError as error:  # a checkout put on sys.path by hand, never installed
    raise ModuleNotFoundError(
        "editor.resources is missing: install Dateline (`pip install -e .` in a checkout), "
        "which maps resources/ into the package",
        name="editor.resources",
    ) from error
