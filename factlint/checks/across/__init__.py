"""The `across` kind: one story set, one set of facts — names, titles, figures and dates compared across stories."""
