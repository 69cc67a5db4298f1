"""Publishing a story to a newsroom's site (WordPress, over its REST API); no Qt here."""

from editor.publish.rest import PublishCancelled, PublishError, RestClient, Site
from editor.publish.wordpress import PublishResult, publish

__all__ = ["PublishCancelled", "PublishError", "PublishResult", "RestClient", "Site", "publish"]
