"""`factlint serve`: a local page to paste a draft, see its findings and apply fixes."""
