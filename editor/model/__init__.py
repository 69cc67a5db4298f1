"""The article as plain Python: its fields and photos, the dateline styles, the .article package
and its media, revisions, recovery files, file locks, counts and crop geometry. No Qt here, and
no import of the layers above (media, render, export): everyone may import the model."""
