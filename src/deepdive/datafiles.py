"""Load the package's data files (YAML) with validation and line-numbered errors.

Rubric content — cue phrases, vocabularies, thresholds, follow-up templates — lives in
``deepdive/data/*.yaml``. Every mapping loaded here remembers the line it started on, so a
validation error can name the file and the line: ``parts.yaml:42: 'weight' must be a number``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from deepdive.first_chars import lookahead


class DataFileError(Exception):
    """A data file is malformed; the message names the file and the line."""


# libyaml's C parser when the wheel has it (several times faster at start-up), else pure Python
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc]
    """A safe loader whose mappings record their 1-based start line under ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__keylines__"] = {
        key.value: key.start_mark.line + 1 for key, _ in node.value if hasattr(key, "value")
    }
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_yaml(text: str, name: str) -> Any:
    """Parse YAML text; syntax errors become :class:`DataFileError` naming ``name`` and the line."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataFileError(f"{name}:{line}: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: {exc}") from None


def fail(name: str, node: Any, message: str) -> DataFileError:
    """Build an error for ``node`` (a mapping carrying ``__line__``) in file ``name``."""
    line = node.get("__line__", 0) if isinstance(node, dict) else 0
    return DataFileError(f"{name}:{line}: {message}")


def require(name: str, node: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    """Return ``node[key]``, raising a named, line-numbered error if missing or mistyped."""
    if not isinstance(node, dict):
        raise DataFileError(f"{name}: expected a mapping, found {type(node).__name__}")
    if key not in node:
        raise fail(name, node, f"missing key '{key}'")
    value = node[key]
    line = node.get("__keylines__", {}).get(key, node.get("__line__", 0))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise DataFileError(f"{name}:{line}: '{key}' must be {names}, found {type(value).__name__}")
    return value


def compile_patterns(name: str, node: Any, patterns: list[Any]) -> re.Pattern[str]:
    """Compile a list of regex fragments into one case-insensitive, word-bounded alternation."""
    parts: list[str] = []
    for p in patterns:
        if not isinstance(p, str) or not p.strip():
            raise fail(name, node, f"pattern {p!r} must be a non-empty string")
        parts.append(lookahead(f"(?:{p})"))
    # Word-bounded: a match starts at a word start and never ends inside a word, though a
    # fragment ending in a space ("data\s+from\s+") may run up to the next word. A
    # contraction is matched from its word ("\w+'d do it differently").
    right = r"(?!(?<=\w)\w)"
    try:
        return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")" + right, re.IGNORECASE)
    except re.error:
        pass
    for p in patterns:  # only on failure: find the fragment to name
        try:
            re.compile(p)
        except re.error as exc:
            raise fail(name, node, f"bad pattern {p!r}: {exc}") from None
    raise fail(name, node, "the patterns do not combine into one expression")


@cache
def phrase_list(key: str) -> re.Pattern[str]:
    """A phrase list from ``data/checks.yaml`` compiled into one pattern (shared by the checks
    and the part classifier, compiled once)."""
    cfg = load_data("checks.yaml")
    return compile_patterns("checks.yaml", cfg, require("checks.yaml", cfg, key, list))


def keys(node: dict[str, Any]) -> list[str]:
    """The real keys of a loaded mapping (without the line bookkeeping)."""
    return [k for k in node if k not in ("__line__", "__keylines__")]


def strip_lines(value: Any) -> Any:
    """Return ``value`` with the ``__line__`` bookkeeping keys removed (recursively)."""
    if isinstance(value, dict):
        return {
            k: strip_lines(v) for k, v in value.items() if k not in ("__line__", "__keylines__")
        }
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


@cache
def load_data(filename: str) -> Any:
    """Load ``deepdive/data/<filename>`` (cached). Mappings keep their ``__line__``."""
    ref = resources.files("deepdive") / "data" / filename
    try:
        text = ref.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"{filename}: data file is missing from the package") from None
    return parse_yaml(text, filename)


def data_path(filename: str) -> Path:
    """Filesystem path of a packaged data file (for error messages and tools)."""
    return Path(str(resources.files("deepdive") / "data" / filename))
