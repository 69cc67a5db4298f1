"""The widths every export publishes its photos at, gathered in one place so that the window can
have each photo's copies made (``editor.media.rendition_store``) before any export asks for
them. An export whose widths are missing here still works: its first run makes its copies.
"""

from __future__ import annotations

from editor.export.docx import DOCX_PHOTO_WIDTH
from editor.export.html import STANDALONE_WIDTH
from editor.export.markdown import BUNDLE_PHOTO_WIDTH
from editor.export.ninjs import PHOTO_WIDTHS as NINJS_PHOTO_WIDTHS
from editor.export.story_folder import PHOTO_WIDTH as STORY_FOLDER_PHOTO_WIDTH
from editor.export.wordpress import UPLOAD_WIDTH
from editor.media.renditions import RENDITION_WIDTHS


def _distinct(*ladders: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    return tuple(dict.fromkeys(ladders))


# Widest first: the narrower ladders then mostly find their copies made (a copy's pixels depend
# on the widest width it was scaled from, so the web's 1,024 serves ninjs too).
EXPORT_LADDERS: tuple[tuple[int, ...], ...] = _distinct(
    RENDITION_WIDTHS,  # web
    NINJS_PHOTO_WIDTHS,
    (STORY_FOLDER_PHOTO_WIDTH,),  # story folder, NewsML, NITF
    (BUNDLE_PHOTO_WIDTH,),  # Markdown bundle
    (UPLOAD_WIDTH,),  # WordPress export and publish
    (DOCX_PHOTO_WIDTH,),
    (STANDALONE_WIDTH,),  # standalone HTML, PDF proof
)
