"""`factlint lsp`: a language server over standard input and output, built on pygls."""
