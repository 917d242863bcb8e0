"""Label consistency rules for the corpus: findings that follow mechanically from the part
labels (DESIGN.md's definitions) must agree with them. Used by tests/test_corpus.py."""

from __future__ import annotations

from deepdive.corpus import LabelledAnswer

LEAD_WORDS = 37  # ~15 seconds at 150 words per minute
MAX_WORDS = 480


def expected_mechanical(answer: LabelledAnswer) -> dict[str, bool]:
    """Findings whose presence the part labels decide."""
    present = answer.present()
    words = len(answer.text.split())
    first_hook = next((s for s in answer.segments if "hook" in s.tags), None)
    hook_offset = len(answer.text[: first_hook.start].split()) if first_hook else 0
    out = {
        "vague_result": not present["hook"],
        "textbook_data": not present["data"],
        "training_metric_only": not present["evaluation"],
        "too_long": words > MAX_WORDS,
        "late_hook": present["hook"] and hook_offset > LEAD_WORDS,
    }
    return out


def problems(answer: LabelledAnswer) -> list[str]:
    out = []
    for finding, expected in expected_mechanical(answer).items():
        if (finding in answer.findings) != expected:
            out.append(f"{answer.id}: {finding} should be {'set' if expected else 'absent'}")
    present = answer.present()
    if not present["reflection"] and "no_weakness" not in answer.findings:
        out.append(f"{answer.id}: no reflection, so no_weakness should be set")
    if not present["problem"] and "jumps_to_model" not in answer.findings:
        out.append(f"{answer.id}: no problem, so jumps_to_model should be set")
    if answer.ownership == "overclaim" and "overclaim" not in answer.findings:
        out.append(f"{answer.id}: ownership overclaim needs the overclaim finding")
    if answer.ownership == "underclaim" and "underclaim" not in answer.findings:
        out.append(f"{answer.id}: ownership underclaim needs the underclaim finding")
    for f in ("overclaim", "underclaim"):
        if f in answer.findings and answer.ownership != f:
            out.append(f"{answer.id}: {f} finding needs ownership {f}")
    return out
