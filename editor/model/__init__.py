"""The article as plain Python: data, package file, import, checks. No Qt here."""
