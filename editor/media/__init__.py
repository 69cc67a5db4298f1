"""Pillow work on photos: safe opening, thumbnails, renditions, metadata. No Qt here."""
