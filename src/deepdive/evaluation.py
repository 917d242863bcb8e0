"""Measure the analysis against the labelled corpus (``make eval``).

Reports, per split: part presence precision/recall/F1 per part and macro-F1; sentence label
accuracy; finding precision/recall/F1 per finding id and macro-F1 (over the nine method
findings, and over every id with support); ownership verdict accuracy; and the Spearman rank
correlation between ``scores.overall`` and the interviewer rating.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from deepdive.analysis import PARTS, Analysis
from deepdive.corpus import LabelledAnswer

METHOD_FINDINGS = (
    "vague_result",
    "jumps_to_model",
    "textbook_data",
    "no_baseline",
    "training_metric_only",
    "no_weakness",
    "overclaim",
    "underclaim",
    "too_long",
)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class SplitReport:
    name: str
    answers: int = 0
    parts: dict[str, Counts] = field(default_factory=lambda: {p: Counts() for p in PARTS})
    findings: dict[str, Counts] = field(default_factory=dict)
    sentences_total: int = 0
    sentences_right: int = 0
    ownership_right: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)
    rated: list[tuple[float, float]] = field(default_factory=list)  # real corpus: half ratings
    errors: list[str] = field(default_factory=list)
    strong: int = 0  # strong answers seen, and major findings fired on them without a label
    loud: int = 0

    @property
    def part_macro_f1(self) -> float:
        return sum(c.f1 for c in self.parts.values()) / len(self.parts)

    def finding_macro_f1(self, ids: Iterable[str] | None = None) -> float:
        chosen = [
            c
            for k, c in self.findings.items()
            if (ids is None or k in ids) and (c.tp + c.fp + c.fn) > 0
        ]
        return sum(c.f1 for c in chosen) / len(chosen) if chosen else 1.0

    @property
    def ownership_accuracy(self) -> float:
        return self.ownership_right / self.answers if self.answers else 0.0

    @property
    def sentence_accuracy(self) -> float:
        return self.sentences_right / self.sentences_total if self.sentences_total else 0.0

    @property
    def spearman(self) -> float:
        return spearman([float(a) for a, _ in self.pairs], [float(b) for _, b in self.pairs])

    @property
    def rated_spearman(self) -> float:
        return spearman([a for a, _ in self.rated], [b for _, b in self.rated])


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: list[float], y: list[float]) -> float:
    """Spearman rank correlation with average ranks for ties (0.0 when undefined)."""
    if len(x) < 2:
        return 0.0
    rx, ry = _ranks(x), _ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def _sentence_labels(
    answer: LabelledAnswer, analysis: Analysis
) -> list[tuple[tuple[str, ...], str]]:
    """(gold tags, predicted label) per gold segment, by largest character overlap."""
    out = []
    for seg in answer.segments:
        best, label = 0, "none"
        for s in analysis.sentences:
            overlap = min(seg.end, s.end) - max(seg.start, s.start)
            if overlap > best:
                best, label = overlap, s.part
        out.append((seg.tags, label))
    return out


def evaluate(
    answers: list[LabelledAnswer],
    analyze: Callable[[str], Analysis],
    finding_ids: Iterable[str],
) -> dict[str, SplitReport]:
    """Evaluate every answer; reports keyed by split name plus ``all``."""
    ids = list(finding_ids)
    reports = {name: SplitReport(name) for name in ("dev", "test", "all")}
    for r in reports.values():
        r.findings = {k: Counts() for k in ids}
    for answer in answers:
        analysis = analyze(answer.text)
        gold_present = answer.present()
        predicted = set(analysis.finding_ids())
        for report in (reports[answer.split], reports["all"]):
            report.answers += 1
            for p in PARTS:
                report.parts[p].add(gold_present[p], analysis.part(p).present)
            for k in ids:
                report.findings[k].add(k in answer.findings, k in predicted)
            for tags, label in _sentence_labels(answer, analysis):
                report.sentences_total += 1
                report.sentences_right += label in tags
            report.ownership_right += analysis.ownership.verdict == answer.ownership
            report.pairs.append((analysis.score("overall"), answer.rating))
            if answer.quality == "strong":
                report.strong += 1
                report.loud += len(loud_findings(analysis, answer.findings, ids))
        errs = mismatches(gold_present, answer.findings, answer.ownership, analysis, ids)
        for e in errs:
            reports[answer.split].errors.append(f"{answer.id}: {e}")
    return reports


def table(head: str, counts: dict[str, Counts], seen_only: bool = False) -> list[str]:
    """Precision / recall / F1 / support rows, one per key (only those seen, if asked)."""
    lines = [f"{head:<24}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}"]
    for k, c in counts.items():
        if not seen_only or c.tp + c.fp + c.fn:
            lines.append(f"{k:<24}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.support:>5}")
    return lines


def mismatches(
    present: dict[str, bool],
    findings: Iterable[str],
    ownership: str,
    analysis: Analysis,
    ids: Iterable[str],
) -> list[str]:
    """What the analysis got wrong against one answer's labels, one line each."""
    predicted, gold = set(analysis.finding_ids()), set(findings)
    out = [
        f"part {p}: gold {present[p]}, predicted {analysis.part(p).present}"
        for p in PARTS
        if present[p] != analysis.part(p).present
    ]
    out += [
        f"finding {k}: gold {k in gold}, predicted {k in predicted}"
        for k in ids
        if (k in gold) != (k in predicted)
    ]
    if analysis.ownership.verdict != ownership:
        out.append(f"ownership: gold {ownership}, predicted {analysis.ownership.verdict}")
    return out


def format_report(report: SplitReport) -> str:
    lines = [f"== {report.name}: {report.answers} answers =="]
    lines += table("part", report.parts)
    lines.append(f"{'part macro-F1':<24}{report.part_macro_f1:>18.3f}")
    lines.append(f"{'sentence label accuracy':<24}{report.sentence_accuracy:>18.3f}")
    lines.append("")
    lines += table("finding", report.findings, seen_only=True)
    lines.append(f"{'finding macro-F1 (9)':<24}{report.finding_macro_f1(METHOD_FINDINGS):>18.3f}")
    lines.append(f"{'finding macro-F1 (all)':<24}{report.finding_macro_f1():>18.3f}")
    lines.append(f"{'ownership accuracy':<24}{report.ownership_accuracy:>18.3f}")
    lines.append(f"{'Spearman(overall,rating)':<24}{report.spearman:>18.3f}")
    lines.append(f"{'loud on strong answers':<24}{report.loud:>14d} / {report.strong}")
    return "\n".join(lines)


def loud_findings(analysis: Analysis, gold: Iterable[str], ids: Iterable[str]) -> list[str]:
    """Major findings among ``ids`` that fired although the label does not have them."""
    wanted, labelled = set(ids), set(gold)
    return [
        f.id
        for f in analysis.findings
        if f.severity == "major" and f.id in wanted and f.id not in labelled
    ]
