"""Every test, and every factlint process a test starts, uses a scratch cache folder, not the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def _scratch_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("factlint-cache")
    saved = os.environ.get("FACTLINT_CACHE_DIR")
    os.environ["FACTLINT_CACHE_DIR"] = str(folder)
    yield folder
    if saved is None:
        os.environ.pop("FACTLINT_CACHE_DIR", None)
    else:
        os.environ["FACTLINT_CACHE_DIR"] = saved
