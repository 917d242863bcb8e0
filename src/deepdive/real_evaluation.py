"""Measure the analysis on text the project did not write (``make eval``).

* the real corpus (``deepdive.realcorpus``), leave-one-source-out: each source group is read by
  an analyser fitted without it, with reports by kind and by group and a count of major
  findings that fire on strong answers without a label;
* single sentences labelled blind (``deepdive.sentence_labels``): how the engine reads each
  sentence taken on its own, part by part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from deepdive.analysis import PARTS, Analysis
from deepdive.evaluation import (
    METHOD_FINDINGS,
    Counts,
    SplitReport,
    loud_findings,
    mismatches,
    table,
)
from deepdive.figures import figure_finder
from deepdive.parts import part_classifier
from deepdive.realcorpus import RealAnswer
from deepdive.sentence_labels import LabelledSentence
from deepdive.sentences import Sentence


def evaluate_real(
    answers: list[RealAnswer],
    analyzer_for: Callable[[list[RealAnswer]], Callable[[str], Analysis]],
    strong_rating: float = 3.0,
) -> dict[str, SplitReport]:
    """Leave-one-source-out evaluation on the real corpus.

    For each source group, ``analyzer_for(training answers)`` returns the analyser to use on
    that group — fitted on the other groups only when anything is learned from this corpus.
    Reports are keyed ``all``, by kind and by group; ``loud`` counts major method findings that
    fire on strong answers (rating >= ``strong_rating``) without the label.
    """
    reports: dict[str, SplitReport] = {"all": SplitReport("real (leave-one-source-out)")}
    for key in sorted({a.kind for a in answers} | {a.group for a in answers}):
        reports[key] = SplitReport(key)
    for r in reports.values():
        r.findings = {k: Counts() for k in METHOD_FINDINGS}
    for group in sorted({a.group for a in answers}):
        analyse = analyzer_for([a for a in answers if a.group != group])
        for answer in (a for a in answers if a.group == group):
            analysis = analyse(answer.text)
            predicted = set(analysis.finding_ids())
            for report in (reports["all"], reports[answer.kind], reports[group]):
                report.answers += 1
                for p in PARTS:
                    report.parts[p].add(answer.sections[p], analysis.part(p).present)
                for k in METHOD_FINDINGS:
                    report.findings[k].add(k in answer.mistakes, k in predicted)
                report.ownership_right += analysis.ownership.verdict == answer.ownership
                report.rated.append((float(analysis.score("overall")), answer.rating))
                if answer.rating >= strong_rating:
                    report.strong += 1
                    report.loud += len(loud_findings(analysis, answer.mistakes, METHOD_FINDINGS))
            errs = mismatches(
                answer.sections, answer.mistakes, answer.ownership, analysis, METHOD_FINDINGS
            )
            reports["all"].errors.extend(f"{answer.id}: {e}" for e in errs)
    return reports


def format_real_report(report: SplitReport) -> str:
    """The real-corpus summary: parts, the nine method findings, ownership, Spearman, loud."""
    lines = [f"== {report.name}: {report.answers} answers =="]
    lines += table("part", report.parts)
    lines.append(f"{'part macro-F1':<24}{report.part_macro_f1:>18.3f}")
    lines += table("finding", report.findings, seen_only=True)
    lines.append(f"{'finding macro-F1 (9)':<24}{report.finding_macro_f1(METHOD_FINDINGS):>18.3f}")
    lines.append(f"{'ownership accuracy':<24}{report.ownership_accuracy:>18.3f}")
    lines.append(f"{'Spearman(overall,rating)':<24}{report.rated_spearman:>18.3f}")
    lines.append(f"{'loud on strong answers':<24}{report.loud:>14d} / {report.strong}")
    return "\n".join(lines)


def format_real_summary(reports: dict[str, SplitReport]) -> str:
    """One line per kind and per group: part / finding macro-F1, ownership, Spearman."""
    lines = [f"{'slice':<26}{'n':>4}{'part':>7}{'find':>7}{'own':>7}{'rho':>7}"]
    for key, r in reports.items():
        if key == "all":
            continue
        lines.append(
            f"{key:<26}{r.answers:>4}{r.part_macro_f1:>7.3f}"
            f"{r.finding_macro_f1(METHOD_FINDINGS):>7.3f}{r.ownership_accuracy:>7.3f}"
            f"{r.rated_spearman:>7.3f}"
        )
    return "\n".join(lines)


def engine_sentence_parts(text: str) -> set[str]:
    """The parts the engine reads in one sentence taken on its own (no neighbours)."""
    sentence = [Sentence(text, 0, len(text))]
    classifier = part_classifier()
    labelled = classifier.classify(sentence, [figure_finder().find(text, 0, 0)])
    return {p for p in PARTS if classifier.is_present(labelled, p)}


def evaluate_sentences(
    sentences: Iterable[LabelledSentence], read: Callable[[str], set[str]] = engine_sentence_parts
) -> dict[str, Counts]:
    """Per part: how ``read`` tags each labelled sentence, against its label."""
    counts = {p: Counts() for p in PARTS}
    for s in sentences:
        found = read(s.text)
        for p in PARTS:
            counts[p].add(p in s.tags, p in found)
    return counts


def format_sentence_report(name: str, counts: dict[str, Counts]) -> str:
    total = sum(c.support for c in counts.values())
    lines = [f"== sentence reading, {name}: {total} part tags =="]
    lines += table("part", counts)
    macro = sum(c.f1 for c in counts.values()) / len(counts)
    lines.append(f"{'part macro-F1':<24}{macro:>18.3f}")
    return "\n".join(lines)
