"""Text tools with no Qt: smart punctuation as you type, find and replace over an article."""
