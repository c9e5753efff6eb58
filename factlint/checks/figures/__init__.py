"""figures checks."""
