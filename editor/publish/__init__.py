"""Publishing a story to a newsroom's site (WordPress, over its REST API); no Qt here.

Empty on purpose: import the module you need (``rest``, ``wordpress``, ``verify``, ``ledger``,
``queue``), so that loading one, such as the small publish queue, never loads the others.
"""
