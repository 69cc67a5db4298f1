"""Text tools with no Qt: the one scan of a story's body (its prose masks, code, links, photo
placements and lines) that checks, spelling and the renderer share, smart punctuation as you
type, find and replace over an article."""
