"""Write docs/checks.md from the registered checks' docstrings (``--check`` only compares)."""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

from deepdive.checks import CHECKS

DOC = Path(__file__).resolve().parent.parent / "docs" / "checks.md"
SECTIONS = ("What it flags", "Why interviewers care", "Weak example", "Stronger version")


def render() -> str:
    lines = [
        "# The rubric checks",
        "",
        "Generated from the check modules in `src/deepdive/checks/` by",
        "`python scripts/gen_checks_doc.py`; `deepdive checks ID` prints the same text.",
        "A `major` finding costs the overall score more than a `minor` one.",
        "",
    ]
    for c in CHECKS:
        doc = textwrap.dedent((c.__doc__ or "").strip().split("\n", 1)[1]).strip()
        summary = (c.__doc__ or "").strip().splitlines()[0].split(" — ", 1)[1]
        lines += [f"## `{c.ID}` — {summary}", "", f"Part: {c.PART} · severity: {c.SEVERITY}", ""]
        parts = re.split(r"^(" + "|".join(SECTIONS) + r"):\s*$", doc, flags=re.M)
        for title, body in zip(parts[1::2], parts[2::2], strict=True):
            lines.append(f"**{title}.** " + " ".join(body.split()))
            lines.append("")
        lines += [f"**Message.** {c.MESSAGE}", "", f"**Fix.** {c.FIX}", ""]
    return "\n".join(lines)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        ok = DOC.exists() and DOC.read_text(encoding="utf-8") == text
        print("docs/checks.md is up to date" if ok else "docs/checks.md is stale: regenerate it")
        return 0 if ok else 1
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
