"""The editor's eye: pre-publish checks of a story, as findings a reporter can act on.

Plain Python, no Qt: the window runs the checks off the GUI thread, and ``dateline check`` runs
the same ones. Every check is a function ``(article, context) -> Iterable[Finding]``, listed in
``editor.checks.registry``; a finding says how bad it is, what it is (a stable ``code`` that
scripts may rely on), where it is (a field, a photo, a body line and a span in it) and, when
one exists, the fix.
"""
