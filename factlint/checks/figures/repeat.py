"""A figure the story gives again with a source: the lede's '4.2 percent' and the credited '4.2 percent' later."""

from __future__ import annotations

from factlint.checks.base import compile_words

# The digits of a figure: "4.2", "1,317", "16".
NUMBER = compile_words(r"\d[\d,]*(?:\.\d+)?")
# A round number ("$5 million", "38 percent", "100") recurs by chance: only a number with a decimal
# point or this many significant digits ("4.2 percent", "$43,100", "172") is a figure's signature.
SIGNIFICANT_DIGITS = 3


class Signatures:
    """The words that tell one figure's kind and size from another's: percent words, magnitudes."""

    def __init__(self, percent_words: tuple[str, ...], magnitudes: tuple[str, ...], currencies: tuple[str, ...]) -> None:
        """Keep the rule's percent words and magnitudes, lowercase, and its currencies' signs ('$' of 'US$')."""
        self.percent = frozenset(w.lower() for w in percent_words)
        self.magnitudes = frozenset(w.lower() for w in magnitudes)
        self.signs = frozenset(c.strip()[-1] for c in currencies if c.strip())

    def key(self, text: str) -> str:
        """Return a figure's signature ('%4.2', '$1.2 million', '172'), or '' when it is too round to tell."""
        number = NUMBER.search(text)
        if number is None:
            return ""
        digits = number.group().replace(",", "").rstrip(".")
        after = [w.strip(".,;:)").lower() for w in text[number.end():].split()[:2]]
        kind = "$" if self.signs.intersection(text[:number.start()]) else \
            "%" if text[number.end():number.end() + 1] == "%" or set(after) & self.percent else ""
        size = next((w for w in after[:1] if w in self.magnitudes), "")
        if "." not in digits and len(digits.rstrip("0")) < SIGNIFICANT_DIGITS:
            return ""
        return f"{kind}{digits} {size}".rstrip()
