"""The window's dialogs: history, export, publishing, sites, find and replace, crash recovery."""
