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
from deepdive.figures import figure_finder
from deepdive.parts import part_classifier
from deepdive.realcorpus import RealAnswer
from deepdive.sentence_labels import LabelledSentence
from deepdive.sentences import Sentence

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
        errs = []
        for p in PARTS:
            if gold_present[p] != analysis.part(p).present:
                errs.append(
                    f"part {p}: gold {gold_present[p]}, predicted {analysis.part(p).present}"
                )
        for k in ids:
            if (k in answer.findings) != (k in predicted):
                errs.append(f"finding {k}: gold {k in answer.findings}, predicted {k in predicted}")
        if analysis.ownership.verdict != answer.ownership:
            errs.append(
                f"ownership: gold {answer.ownership}, predicted {analysis.ownership.verdict}"
            )
        for e in errs:
            reports[answer.split].errors.append(f"{answer.id}: {e}")
    return reports


def format_report(report: SplitReport) -> str:
    lines = [f"== {report.name}: {report.answers} answers =="]
    lines.append(f"{'part':<24}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for p, c in report.parts.items():
        lines.append(f"{p:<24}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.support:>5}")
    lines.append(f"{'part macro-F1':<24}{report.part_macro_f1:>18.3f}")
    lines.append(f"{'sentence label accuracy':<24}{report.sentence_accuracy:>18.3f}")
    lines.append("")
    lines.append(f"{'finding':<24}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for k, c in report.findings.items():
        if c.tp + c.fp + c.fn:
            lines.append(f"{k:<24}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.support:>5}")
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
            errs = [
                f"part {p}: gold {answer.sections[p]}, predicted {analysis.part(p).present}"
                for p in PARTS
                if answer.sections[p] != analysis.part(p).present
            ]
            errs += [
                f"finding {k}: gold {k in answer.mistakes}, predicted {k in predicted}"
                for k in METHOD_FINDINGS
                if (k in answer.mistakes) != (k in predicted)
            ]
            if analysis.ownership.verdict != answer.ownership:
                errs.append(
                    f"ownership: gold {answer.ownership}, predicted {analysis.ownership.verdict}"
                )
            reports["all"].errors.extend(f"{answer.id}: {e}" for e in errs)
    return reports


def format_real_report(report: SplitReport) -> str:
    """The real-corpus summary: parts, the nine method findings, ownership, Spearman, loud."""
    lines = [f"== {report.name}: {report.answers} answers =="]
    lines.append(f"{'part':<24}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for p, c in report.parts.items():
        lines.append(f"{p:<24}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.support:>5}")
    lines.append(f"{'part macro-F1':<24}{report.part_macro_f1:>18.3f}")
    lines.append(f"{'finding':<24}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for k, c in report.findings.items():
        if c.tp + c.fp + c.fn:
            lines.append(f"{k:<24}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.support:>5}")
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
    lines.append(f"{'part':<24}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for p, c in counts.items():
        lines.append(f"{p:<24}{c.precision:>6.2f}{c.recall:>6.2f}{c.f1:>6.2f}{c.support:>5}")
    macro = sum(c.f1 for c in counts.values()) / len(counts)
    lines.append(f"{'part macro-F1':<24}{macro:>18.3f}")
    return "\n".join(lines)
