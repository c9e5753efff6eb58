"""`factlint serve`: parse its options, load the packs and serve the page until interrupted."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factlint.config import ConfigError
from factlint.engine import LoadError
from factlint.live import DEFAULT_MAX_BYTES
from factlint.serve.app import PageServer
from factlint.serve.packs import Packs


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    """Return the options of `factlint serve`."""
    parser = argparse.ArgumentParser(prog="factlint serve", description="Serve a local page that lints pasted drafts.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8765, help="port to listen on (default: 8765; 0 picks a free one)")
    parser.add_argument("--rules", type=Path, metavar="DIR", help="a rule-pack folder the page may offer (the page never names a path)")
    parser.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES, metavar="N",
                        help=f"largest request body accepted (default: {DEFAULT_MAX_BYTES})")
    return parser


def main(argv: list[str]) -> int:
    """Serve the page until interrupted; return the exit status."""
    args = build_parser().parse_args(argv)
    if args.rules is not None and not args.rules.is_dir():
        print(f"factlint: error: {args.rules}: no such rule-pack folder", file=sys.stderr)
        return 2
    try:
        packs = Packs(args.rules.resolve() if args.rules else None)
    except ConfigError as exc:
        print(f"factlint: error: {exc}", file=sys.stderr)
        return 2
    for key in packs.choices:  # a broken pack is reported now and on the page; the others still serve
        try:
            packs.load(key)
        except (ConfigError, LoadError) as exc:
            print(f"factlint: warning: rule pack '{key}': {exc}", file=sys.stderr)
    try:
        server = PageServer((args.host, args.port), packs, args.max_bytes)
    except OSError as exc:
        print(f"factlint: error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"factlint: serving {server.url} (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
