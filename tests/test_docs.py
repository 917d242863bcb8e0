"""Documentation stays in step with the code: every command and check is documented."""

from __future__ import annotations

import argparse
from pathlib import Path

from deepdive.checks import CHECKS
from deepdive.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def _children(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    out = {}
    for name, sub in _children(build_parser()).items():
        out[name] = sub
        for child, nested in _children(sub).items():
            out[f"{name} {child}"] = nested
    assert out, "no subcommands"
    return out


def test_readme_shows_the_quickstart() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def test_every_command_is_in_the_readme_and_has_help() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, sub in _subcommands().items():
        assert f"deepdive {name}" in readme, f"README does not mention 'deepdive {name}'"
        assert sub.description, f"'deepdive {name}' has no description"
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"'deepdive {name}' option {action.dest} has no help"


def test_every_check_is_listed_in_the_checks_doc() -> None:
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for check in CHECKS:
        assert f"`{check.ID}`" in doc, f"docs/checks.md does not describe {check.ID}"


def test_changelog_has_unreleased_section() -> None:
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_score_formula_is_documented() -> None:
    import deepdive.scores as scores

    doc = scores.__doc__ or ""
    for key in (
        "impact",
        "technical_depth",
        "decision_quality",
        "ownership",
        "structure",
        "overall",
    ):
        assert f"**{key}**" in doc


def test_checks_doc_is_generated_from_the_modules() -> None:
    import subprocess
    import sys

    script = ROOT / "scripts" / "gen_checks_doc.py"
    r = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
