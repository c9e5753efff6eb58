"""`factlint lsp`: parse its options and run the language server on standard input and output."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str]) -> int:
    """Run the language server until the client says exit; return the exit status."""
    parser = argparse.ArgumentParser(prog="factlint lsp", description="Run factlint as a language server on stdio.")
    parser.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    parser.parse_args(argv)
    try:
        from factlint.lsp.features import build_server
    except ImportError as exc:
        print(f"factlint: error: the language server needs pygls 2 ({exc}): pip install 'factlint[lsp]'",
              file=sys.stderr)
        return 2
    build_server().start_io()
    return 0
