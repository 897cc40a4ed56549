"""Fixed-width text layout for receipts: wrap at word boundaries, label/value rows, bullet lists."""

from __future__ import annotations


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken only between words.

    A single word longer than a whole line (a URL, say) is the one thing that has to be split.
    """
    if width < 1:
        raise ValueError("width must be at least 1")
    lines: list[str] = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def row(label: str, value: str, width: int, label_width: int) -> list[str]:
    """``label`` padded to ``label_width``, then ``value`` wrapped in the rest, continued under it."""
    value_lines = wrap(value, max(1, width - label_width)) or [""]
    pad = " " * label_width
    first = f"{label:<{label_width}}{value_lines[0]}".rstrip()
    return [first] + [f"{pad}{line}" for line in value_lines[1:]]


def label_width(labels: list[str], width: int) -> int:
    """Column where values start: one space after the longest label, at most half the line."""
    longest = max((len(label) for label in labels), default=0)
    return min(longest + 1, width // 2)


def bullets(items: list[str], width: int, mark: str = "- ") -> list[str]:
    """Each item after ``mark``, wrapped with a hanging indent."""
    pad = " " * len(mark)
    lines: list[str] = []
    for item in items:
        wrapped = wrap(item, max(1, width - len(mark))) or [""]
        lines.append(mark + wrapped[0])
        lines.extend(pad + line for line in wrapped[1:])
    return lines


def big_multiplier(text: str, columns: int, largest: int = 8) -> int:
    """The largest character magnification (1–``largest``) at which ``text`` fits on one line."""
    if not text:
        return 1
    return max(1, min(largest, columns // len(text)))
