"""The rule packs the page may pick: the default pack, and the one folder chosen at start-up."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from factlint.config import Settings, build_rule_set, merge_command_line
from factlint.engine import RuleSet
from factlint.live import stamp_of
from factlint.runner import STDIN, Resolver


@dataclass(frozen=True)
class Choice:
    """One pack choice the page offers: its key, its label and how it changes the settings."""

    key: str
    label: str
    rules: tuple[Path, ...] = ()
    default_rules: bool = True


class Packs:
    """Settings and rule sets for each pack choice, built from the start-up configuration."""

    def __init__(self, folder: Path | None) -> None:
        # The page's drafts are linted as `factlint -` would lint them here: the configuration
        # found from the working directory, the chosen pack laid over it.
        self.base = Resolver(lambda settings: settings).settings(Path(STDIN))
        self.folder = folder
        self.choices = {"default": Choice("default", "factlint's default pack")}
        if folder is not None:
            self.choices["with"] = Choice("with", f"default pack + {folder.name}/", (folder,))
            self.choices["only"] = Choice("only", f"{folder.name}/ alone", (folder,), False)
        self._built: dict[str, tuple[object, Settings, RuleSet]] = {}
        self._lock = threading.Lock()

    def listing(self) -> list[dict[str, str]]:
        """Return the choices for the page's picker."""
        return [{"id": c.key, "label": c.label} for c in self.choices.values()]

    def load(self, key: str) -> tuple[Settings, RuleSet]:
        """Return a choice's settings and rule set; reload the start-up folder when its files change."""
        choice = self.choices[key]
        stamp = self._stamp(choice)
        with self._lock:
            built = self._built.get(key)
            if built is None or built[0] != stamp:
                settings = merge_command_line(self.base, rules=choice.rules, default_rules=choice.default_rules)
                built = (stamp, settings, build_rule_set(settings))
                self._built[key] = built
        return built[1], built[2]

    def _stamp(self, choice: Choice) -> object:
        """Return what changes when the chosen folder's rule files do (nothing for the default pack)."""
        return stamp_of(choice.rules) if choice.rules else None
