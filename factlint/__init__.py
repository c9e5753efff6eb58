"""factlint: an editorial fact-check linter for newsroom copy."""

__version__ = "0.1.0"
