"""Article -> HTML: the one pipeline the preview and every exporter use. No Qt here."""
