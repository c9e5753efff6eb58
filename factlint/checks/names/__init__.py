"""names checks."""
