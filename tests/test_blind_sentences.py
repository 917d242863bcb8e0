"""Single sentences written blind, read one at a time: regression floors on real-sounding text.

Each set was written by a helper session that never saw the rules, before the code ran on it,
and labelled as an ML interviewer would. The first measurement on each was held out; since then
they have been looked at and tuned on, so the floors below guard against regressions, and the
real corpus (``make eval``) stays the yardstick for generalisation.

* ``word_senses.jsonl`` — 160 sentences, half using "significant", "CV", "generalise", "in
  parallel", "pilot", "rollout", "a point", version numbers, "more than N" or "signed up" in
  their everyday sense: does a sentence say how a result was validated (``evaluation``), does it
  state a quantified outcome (``outcome``, read as the hook)? Held out: evaluation F1 0.72 ->
  0.79, outcome 0.80 -> 0.81.
* ``problem_sentences.jsonl`` — 193 sentences stating (or not) the business problem or the ML
  task, many the way people say it aloud (quoted asks, purposes, README "Task:" lines). Held
  out: problem F1 0.74 -> 0.75.
* ``reflection_sentences.jsonl`` — 196 sentences with (or without) a limitation, mistake,
  lesson, caveat or surprise, with hard negatives (denials, "failed" for machines, "learned" for
  models). Held out: reflection F1 0.59 -> 0.66.

* ``data_sentences.jsonl`` — 200 sentences saying (or not) where the data came from, how it
  was labelled, how much there was or what was wrong with it, with hard negatives (feature
  lists, pipelines, "data scientist"). Held out: data F1 0.75 -> 0.75.

* ``baseline_sentences.jsonl`` — 200 sentences naming (or not) a point of comparison: a
  baseline, an existing process, alternatives tried or ruled out; read through the whole
  analysis of the one sentence (``no_baseline`` stays quiet when it names one). Held out: F1
  0.65 -> 0.65.

* ``evaluation_reflection_sentences.jsonl`` — 240 sentences with (or without) a validation or
  measurement, a reflection, or an outcome stated as a result, with hard negatives (plans to
  evaluate, vendors compared, tracking down bugs, "later on the model would ...", goals and
  thresholds). Written 2026-12-06 (fourth sitting) and measured once held out, at the sitting's
  start against its changes so far: evaluation F1 0.683 -> 0.703, reflection 0.787 -> 0.800,
  outcome (hook) 0.771 -> 0.786. Planned evaluations were then read from it (0.732).

* ``modeling_sentences.jsonl`` — 212 sentences saying (or not) something about the modelling:
  a method built, tried or chosen, informally or without a model's name (ensembles, calibration,
  one model per group, a fallback, features built from windows), with hard negatives (the model
  in operations, in a requirement, in hindsight, in an evaluation). Written 2026-12-06 (fifth
  sitting) and measured once held out: modelling F1 0.746. Its even lines were then read, and
  modelling techniques said without a model's name were added to the cues: the odd (unread)
  half 0.695 -> 0.722 (figures on the 220 written; 8 that echoed the prompt were then removed,
  whole set 0.747 -> 0.822).

* ``figure_sentences.jsonl`` — 211 sentences with a number, stating (or not) a quantified
  outcome of the project, with hard negatives (sizes and spans of data, context about the
  world, settings, targets, the old system's level, operating points, questions). Written
  2026-12-07 and measured once held out on the 220 written, after this sitting's first three
  figure changes: result-figure F1 0.776 -> 0.782. Its even lines were then read (questions,
  targets and wishes, "right N% of the time", "used to ... now", "shrank by half"); on the
  rows kept, the odd (unread) half went 0.733 at the sitting's start -> 0.753.

* ``reflection_sentences_2.jsonl`` — 217 sentences with (or without) reflection said mostly
  without the obvious words (understatement, fragile or neglected systems, effort that went
  nowhere, a plain method beating the learned one, dependence on people), with hard negatives
  (facts learned about users, skills learned, other people's bugs fixed, plans). Written
  2026-12-07 and measured once held out: reflection F1 0.446 on the 220 written. On the rows
  kept, constructions read on its even lines left the odd (unread) half at 0.413 (recall
  unchanged); matching the cues with intensifiers and perfect-tense auxiliaries taken out
  ("never actually measured", "I've learned") moved it to 0.476.

* ``evaluation_sentences_2.jsonl`` — 218 sentences saying (or not) how the speaker knew the
  model worked, mostly in business or spoken words (success criteria, control groups, reading
  outputs by hand, failures catalogued, results checked against what really happened), with
  hard negatives (infrastructure monitoring, load tests, vendors or ideas "validated", plans,
  requirements). Written 2026-12-07 and measured once held out: evaluation F1 0.717 at the
  sitting's start, 0.732 after its first changes. Its even lines were then read: the odd
  (unread) half went 0.737 at the sitting's start -> 0.766.

The helpers' prompts named a few example constructions; the sentences that echoed those
examples closely were removed before the sets were kept (in the sets written 2026-12-07, a
removed line stays as a ``{"removed": ...}`` placeholder so that the halves keep their lines).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from deepdive import analyze
from deepdive.real_evaluation import engine_sentence_parts

DATA = Path(__file__).parent / "data"


def rows(name: str) -> list[dict[str, object]]:
    """The set's sentences; a line kept only as ``{"removed": why}`` holds the place of one
    taken out after writing, so the even (read) and odd (unread) halves keep their lines."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    found = [json.loads(line) for line in lines if line.strip()]
    return [r for r in found if "removed" not in r]


def f1(name: str, label: str, part: str) -> float:
    tp = fp = fn = 0
    for row in rows(name):
        predicted, gold = part in engine_sentence_parts(str(row["text"])), bool(row[label])
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
    return 2 * tp / (2 * tp + fp + fn)


SETS = [
    # these two sets' writers read an outcome with no measurement setting as no evaluation;
    # the real corpus's annotators (and our labels of its sentences, 28 of 42) read it as a
    # business result, which the engine follows since 2026-12-07 (0.815 -> 0.786, 0.732 -> 0.692)
    ("word_senses.jsonl", "evaluation", "evaluation", 0.78),
    ("word_senses.jsonl", "outcome", "hook", 0.81),
    ("problem_sentences.jsonl", "problem", "problem", 0.815),
    ("reflection_sentences.jsonl", "reflection", "reflection", 0.88),
    ("data_sentences.jsonl", "data", "data", 0.80),
    ("evaluation_reflection_sentences.jsonl", "evaluation", "evaluation", 0.68),
    ("evaluation_reflection_sentences.jsonl", "reflection", "reflection", 0.79),
    ("evaluation_reflection_sentences.jsonl", "hook", "hook", 0.78),
    ("modeling_sentences.jsonl", "modeling", "modeling", 0.80),
    ("figure_sentences.jsonl", "outcome", "hook", 0.85),
    ("reflection_sentences_2.jsonl", "reflection", "reflection", 0.70),
    ("evaluation_sentences_2.jsonl", "evaluation", "evaluation", 0.82),
]


@pytest.mark.parametrize("name", sorted({s[0] for s in SETS}))
def test_each_set_is_big_and_balanced_enough_to_measure(name: str) -> None:
    data = rows(name)
    assert len(data) >= 150
    for _, label, _, _ in (s for s in SETS if s[0] == name):
        share = sum(bool(r[label]) for r in data) / len(data)
        assert 0.15 < share < 0.85, (name, label, share)


@pytest.mark.parametrize(("name", "label", "part", "floor"), SETS)
def test_blind_sentences_are_read_at_least_this_well(
    name: str, label: str, part: str, floor: float
) -> None:
    assert f1(name, label, part) >= floor


def test_comparison_points_are_read_at_least_this_well() -> None:
    tp = fp = fn = 0
    for row in rows("baseline_sentences.jsonl"):
        named = "no_baseline" not in analyze(str(row["text"])).finding_ids()
        gold = bool(row["compared"])
        tp += named and gold
        fp += named and not gold
        fn += gold and not named
    assert 2 * tp / (2 * tp + fp + fn) >= 0.75
