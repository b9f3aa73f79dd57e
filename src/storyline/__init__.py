"""Storyline: turn a pile of news articles into stories you can trust."""

import logging

from .model import SCHEMA_VERSION, Article, ArticleAnalysis, FileError

__all__ = ["SCHEMA_VERSION", "Article", "ArticleAnalysis", "FileError", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
