"""Several checks of one kind run by one rule (`check: [a, b]`), offered to the engine as one check module."""

from collections.abc import Iterable, Iterator, Sequence
from types import ModuleType
from typing import NamedTuple

from factlint.checks.base import Check, Option
from factlint.document import Document
from factlint.facts import CrossCheck, FactSource, Story
from factlint.finding import Finding
from factlint.rule import Rule, RuleSetStore


class CheckGroup(NamedTuple):
    """The checks one rule runs (`check: [a, b]`), offered as one check module: the union of their keys."""

    names: tuple[str, ...]
    modules: tuple[ModuleType, ...]

    @property
    def OPTIONS(self) -> dict[str, Option]:
        """The keys of every check of the group."""
        return {key: option for module in self.modules for key, option in module.OPTIONS.items()}

    @property
    def PLACEHOLDERS(self) -> frozenset[str]:
        """The message fields any check of the group fills."""
        return frozenset().union(*(module.PLACEHOLDERS for module in self.modules))

    @property
    def DEFAULT_MESSAGE(self) -> str:
        """The first check's default message."""
        return self.modules[0].DEFAULT_MESSAGE

    def build(self, rule: Rule, store: RuleSetStore) -> Check:
        """Build every check of the group; what they share is built once through the store."""
        checks = [module.build(rule, store) for module in self.modules]

        def check(doc: Document) -> Iterator[Finding]:
            for one in checks:
                yield from one(doc)

        return check

    def build_cross(self, rule: Rule, store: RuleSetStore) -> CrossCheck | None:
        """Build the cross-story checks of the group, if any of its checks makes one."""
        crosses = [module.build_cross(rule, store) for module in self.modules if hasattr(module, "build_cross")]
        if not crosses:
            return None

        def cross(stories: Sequence[Story], sources: Sequence[FactSource]) -> Iterable[Finding]:
            for one in crosses:
                yield from one(stories, sources)

        return cross
