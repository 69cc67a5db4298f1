"""Dateline's bundled files: templates, styles, samples and the house style.

This folder installs as the package ``editor.resources`` (pyproject.toml maps it), so an installed
Dateline reads these files through ``importlib.resources`` wherever pip put them. The module is
what makes the folder a package; it holds no code.
"""
