"""quotes checks."""
