"""Printing through Qt WebEngine: the Qt side of the PDF export.

Kept apart from ``editor.export`` (which never loads Qt) and imported only when a PDF is made.
"""
