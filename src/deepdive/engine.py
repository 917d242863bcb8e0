"""The analysis engine: answer text in, one immutable :class:`Analysis` out."""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate

from deepdive.analysis import (
    PARTS,
    Analysis,
    AudioRecord,
    FigureRecord,
    OwnershipRecord,
    PartRecord,
    SentenceRecord,
)
from deepdive.checks import run_checks
from deepdive.context import Context
from deepdive.domain_probes import domain_followups
from deepdive.entities import extract_entities
from deepdive.figures import Figure, figure_finder
from deepdive.followups import plan_followups
from deepdive.inputs import InputError, validate
from deepdive.ownership import read_ownership
from deepdive.parts import part_classifier
from deepdive.scores import compute_scores
from deepdive.sentences import Sentence, split_sentences
from deepdive.settings import settings
from deepdive.speech import Transcript, read_delivery
from deepdive.turns import read_dialogue


def analyze(text: str, transcript: Transcript | None = None) -> Analysis:
    """Analyse one answer. Raises :class:`deepdive.inputs.InputError` for unusable input.

    With a ``transcript`` (a spoken answer, ``text`` being its words), sentences get real
    start and end times, parts get real seconds and the delivery is measured.
    """
    validate(text)
    cfg = settings()
    dialogue = read_dialogue(text)
    every = split_sentences(dialogue.text, dialogue.breaks())
    judged = [dialogue.role_at(s.start) == "candidate" for s in every]
    # only the candidate's words are read; an interviewer's lines come back as context
    sentences = [s for s, j in zip(every, judged, strict=True) if j]
    if not any(not s.heading and s.text.strip() for s in sentences):
        if any(t.role == "interviewer" for t in dialogue.turns):
            raise InputError("only the interviewer's lines were found; paste the answer too")
        raise InputError("the answer has no words to analyse")
    original, text = text, dialogue.text
    at = [k for k, j in enumerate(judged) if j]  # record index of each judged sentence
    finder = figure_finder()
    figures_by_sentence: list[list[Figure]] = [
        finder.find(s.text, s.start, i) if not s.heading else [] for i, s in enumerate(sentences)
    ]
    figures = [f for fs in figures_by_sentence for f in fs]
    classifier = part_classifier()
    # the interviewer's question before a candidate's sentence, as the transcript gives it
    prompts = {n: every[k - 1].text for n, k in enumerate(at) if k > 0 and not judged[k - 1]}
    labelled = classifier.classify(sentences, figures_by_sentence, prompts)

    word_counts = [0 if s.heading else len(s.text.split()) for s in sentences]
    words = sum(word_counts)
    seconds_per_word = 60.0 / cfg.words_per_minute
    first_body = next((i for i, s in enumerate(sentences) if not s.heading), -1)

    # times of every sentence (the interviewer's too, for the record), read once
    whole: list[tuple[float, float] | None] = (
        times_of(every, transcript) if transcript is not None else [None] * len(every)
    )
    times = [whole[k] for k in at]
    audio_read = read_delivery(transcript) if transcript is not None else None
    starts = [0, *accumulate(word_counts)]  # words before each sentence

    def said_at(f: Figure) -> float:
        """Seconds into the answer when figure ``f`` is said: its sentence's start plus its
        share of the sentence (spoken), or the words before it at the usual pace (written)."""
        s, t = sentences[f.sentence], times[f.sentence]
        before = len(text[s.start : f.start].split())
        if t is None:
            return (starts[f.sentence] + before) * seconds_per_word
        return t[0] + before / max(1, word_counts[f.sentence]) * (t[1] - t[0])

    # the opening sentence states the result, even when it runs a little long
    leads = any(
        f.result
        and said_at(f)
        <= cfg.lead_seconds * (cfg.opening_stretch if f.sentence == first_body else 1.0)
        for f in figures
    )

    def seconds_of(i: int) -> float:
        t = times[i]
        return (t[1] - t[0]) if t is not None else word_counts[i] * seconds_per_word

    part_sentences = {p: tuple(classifier.sentences_for(labelled, p)) for p in PARTS}
    present = {p: classifier.is_present(labelled, p) for p in PARTS}
    strengths = {p: classifier.strength(labelled, p) if present[p] else 0.0 for p in PARTS}
    first_seen = {p: min(part_sentences[p]) for p in PARTS if present[p]}
    order = sorted(first_seen, key=lambda p: (first_seen[p], PARTS.index(p)))
    ownership = read_ownership(sentences)

    ctx = Context(
        text=text,
        sentences=tuple(sentences),
        labels=tuple(labelled),
        figures=tuple(figures),
        ownership=ownership,
        present=present,
        weakly_present={p: present[p] or classifier.weakly_present(labelled, p) for p in PARTS},
        part_sentences=part_sentences,
        words=words,
        leads_with_result=leads,
        audio=audio_read,
        prompts=prompts,
    )
    findings = run_checks(ctx)
    entities = extract_entities(sentences, figures, [sp.label for sp in labelled])
    domain = domain_followups((s.text for s in sentences), entities)
    followups = plan_followups(findings, entities, domain)
    scores = compute_scores(ctx, findings, strengths, order)

    own = dict(zip(at, labelled, strict=True))
    records: list[SentenceRecord] = []
    for k, s in enumerate(every):
        t0, t1 = whole[k] or (None, None)
        records.append(
            SentenceRecord(
                i=k,
                text=original[s.start : s.end],
                start=s.start,
                end=s.end,
                part=own[k].label if k in own else "none",
                confidence=own[k].confidence if k in own else 1.0,
                t0=t0,
                t1=t1,
                speaker="candidate" if k in own else "interviewer",
            )
        )

    def remap(indices: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(at[i] for i in indices)

    findings = [replace(f, sentences=remap(f.sentences)) for f in findings]
    parts = tuple(
        (
            p,
            PartRecord(
                present=present[p],
                strength=strengths[p],
                sentences=remap(part_sentences[p]) if present[p] else (),
                seconds=round(
                    float(sum(seconds_of(i) for i, sp in enumerate(labelled) if sp.label == p)), 1
                ),
            ),
        )
        for p in PARTS
    )
    spoken = transcript.duration if transcript is not None else words * seconds_per_word
    audio = None
    if audio_read is not None:
        audio = AudioRecord(
            audio_read.duration, audio_read.wpm, audio_read.fillers, audio_read.pauses
        )
    return Analysis(
        words=words,
        spoken_seconds=round(spoken, 1),
        sentences=tuple(records),
        parts=parts,
        order=tuple(order),
        figures=tuple(FigureRecord(f.text, at[f.sentence], f.kind, f.result) for f in figures),
        leads_with_result=leads,
        ownership=OwnershipRecord(ownership.verdict, ownership.i, ownership.we),
        scores=tuple(scores.items()),
        findings=tuple(findings),
        followups=tuple(followups),
        audio=audio,
    )


def times_of(sentences: list[Sentence], transcript: Transcript) -> list[tuple[float, float] | None]:
    """Start and end time of each sentence, from the words its span covers."""
    out: list[tuple[float, float] | None] = []
    for s in sentences:
        inside = [
            w
            for w, (a, b) in zip(transcript.words, transcript.spans, strict=True)
            if a < s.end and b > s.start
        ]
        out.append((round(inside[0].start, 2), round(inside[-1].end, 2)) if inside else None)
    return out
