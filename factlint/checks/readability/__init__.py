"""readability checks."""
