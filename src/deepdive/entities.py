"""The answer's own entities — its model, baseline, metric, data source, data difficulty,
headline figure and validation scheme — used to tailor follow-up questions."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from deepdive.datafiles import compile_patterns, load_data, require
from deepdive.figures import Figure
from deepdive.sentences import Sentence
from deepdive.vocab import Mention, vocab

SLOTS = ("model", "alternative", "metric", "source", "issue", "figure", "validation")
# facts a question can be skipped for (``unless`` in data/followups.yaml): "gap" — the answer
# gives a number for both the chosen model and its alternative, so how far apart they were
# is already said
# deep_model: the chosen model is deep learning already; batch: the answer's system scores in
# batches (a nightly run, a weekly list) and says nothing of serving requests live
FACTS = ("gap", "deep_model", "batch")
# "<slot>_as_said": a model as the answer names it, when that is a specific name ("LambdaMART")
# rather than its family ("learning to rank"); questions use it, checks keep the family name
AS_SAID = "_as_said"


def extract_entities(
    sentences: list[Sentence], figures: list[Figure], labels: list[str]
) -> dict[str, str]:
    """Slot values found in the answer (slots that were not found are absent).

    The chosen model is the one the answer says it used ("we went with X", "X beat Y");
    failing that, the family named most often, modeling sentences counting double and a family
    named next to "baseline" or "existing" counting against (first mention breaks ties); the
    alternative is another family named anywhere, not the chosen one told more or less
    specifically ("gradient boosting" for LightGBM), and one it names as compared against or
    ruled out (not another stage of the same system).
    """
    v = vocab()
    counts: dict[str, int] = {}
    order: list[str] = []
    said: dict[str, str] = {}
    for s, label in zip(sentences, labels, strict=True):
        for m in v.find("models", s.text):
            said.setdefault(m.name, _specific_name(m))
            weight = 2 if label == "modeling" else 1
            near = s.text[max(0, m.start - 25) : m.end + 25].lower()
            if "baseline" in near or "existing" in near or "old " in near:
                weight = -1
            if m.name not in counts:
                order.append(m.name)
                counts[m.name] = 0
            counts[m.name] += weight
    out: dict[str, str] = {}
    if order:
        from deepdive.consistency import consistency_reader

        reader = consistency_reader()
        # a model named right after the choice ("in the end we used LightGBM") before one in a
        # sentence that only has a choice word somewhere ("... GPS history we kept")
        stated = [n for n in reader.chosen_models(sentences, direct=True) if n in counts] or [
            n for n in reader.chosen_models(sentences) if n in counts
        ]
        chosen = stated[0] if stated else max(order, key=lambda n: (counts[n], -order.index(n)))
        out["model"] = chosen
        if v.is_deep(chosen):
            out["deep_model"] = "yes"
        # "gradient boosting" is no alternative to LightGBM: it names the same choice; nor are
        # the other stages of one system ("embeddings retrieve, then LambdaMART ranks"): an
        # alternative is a family the answer compares or rules out
        compared = reader.compared_models(sentences, chosen)
        feeding = _feeding(sentences)
        others = [
            n for n in compared if not v.same_family(n, chosen) and n in counts and n not in feeding
        ]
        if others:
            out["alternative"] = others[0]
        for slot in ("model", "alternative"):
            if slot in out and said.get(out[slot]) not in (None, out[slot]):
                out[slot + AS_SAID] = said[out[slot]]
        if "alternative" in out and _gap_stated(sentences, figures, out):
            out["gap"] = "stated"
    for slot, kind in (
        ("metric", "metrics"),
        ("source", "data_sources"),
        ("issue", "data_issues"),
        ("validation", "validation"),
    ):
        # a thing the answer names only to deny it ("nothing from the future leaked in", "no
        # missing values") is not something to ask about
        names = [
            _as_said(m)
            if slot == "metric"
            else _issue_as_said(m)
            if slot == "issue"
            else _source_as_said(m)
            if slot == "source"
            else m.name
            for s in sentences
            for m in v.find(kind, s.text)
            if not _DENIED.search(s.text[max(0, m.start - 60) : m.start])
            and not (slot == "issue" and _SUPPOSED.search(s.text[max(0, m.start - 60) : m.start]))
        ]
        if names:
            out[slot] = names[0]
    results = [f for f in figures if f.result]
    # the headline is the project's own result, not the old system's ("the rules scorecard
    # caught only 41%")
    own = [
        f
        for f in results
        if not f.baseline_level and not _OF_THE_OLD.search(_before(sentences[f.sentence], f))
    ]

    # and a change it made ("fell from 9.1% to 7.8%") before a level some model reached; a
    # figure setting two candidate models side by side ("half a point better and three times
    # slower than LightGBM") is how the choice was made, not what the project changed (one
    # against the old system is)
    def weighs_models(f: Figure) -> bool:
        text = sentences[f.sentence].text
        return len(set(v.names("models", text))) >= 2 and not _OF_THE_OLD.search(text)

    if results:
        fig = min(
            own or results,
            key=lambda f: (
                weighs_models(f),
                f.kind not in ("before_after", "relative", "multiplier"),
            ),
        )
        out["figure"] = _figure_phrase(sentences[fig.sentence], fig)
    if _scores_in_batches(" ".join(s.text for s in sentences)):
        out["batch"] = "yes"
    return out


def _scores_in_batches(text: str) -> bool:
    """Whether the answer's system scores in batches ("a nightly job", "a weekly list") and
    says nothing of serving requests live (``serving`` in ``data/followups.yaml``)."""
    return bool(_serving("batch").search(text)) and not _serving("live").search(text)


@cache
def _serving(kind: str) -> re.Pattern[str]:
    name = "followups.yaml"
    cfg = load_data(name)
    serving = require(name, cfg, "serving", dict)
    return compile_patterns(name, serving, require(name, serving, kind, list))


_FEEDS = re.compile(r"^\s*(?:\+|plus|features?(?:\s+(?:and|with|into|for|\+))?)?\s*$", re.I)


def _feeding(sentences: list[Sentence]) -> set[str]:
    """Models named right before another as its input ("a TF-IDF logistic regression",
    "TF-IDF features with logistic regression"): a way of making features, not the
    alternative."""
    out: set[str] = set()
    for s in sentences:
        mentions = vocab().find("models", s.text)
        for a, b in pairwise(mentions):
            if a.name != b.name and _FEEDS.match(s.text[a.end : b.start]):
                out.add(a.name)
    return out


def _gap_stated(sentences: list[Sentence], figures: list[Figure], out: dict[str, str]) -> bool:
    """The chosen model and its alternative both have a number on one named metric ("a
    logistic regression at 0.31 PR-AUC ... LightGBM scored 0.47 PR-AUC", or one sentence
    setting the two side by side): how far apart they were is already said. Read from the
    figures and the vocabulary's (cached) mentions, so it costs the analysis next to nothing."""
    v = vocab()
    scored: dict[str, set[str]] = {"model": set(), "alternative": set()}
    for i in {f.sentence for f in figures}:
        text = sentences[i].text
        metrics = {m.name for m in v.find("metrics", text)}
        for name in v.names("models", text):
            for slot in scored:
                if v.same_family(name, out[slot]):
                    scored[slot] |= metrics
    return bool(scored["model"] & scored["alternative"])


def as_asked(entities: dict[str, str]) -> dict[str, str]:
    """The slot values a question is filled with: a model by the name the candidate used
    ("LambdaMART", "BM25"), not the family it belongs to ("learning to rank", "TF-IDF")."""
    return {**entities, **{s: entities[s + AS_SAID] for s in SLOTS if s + AS_SAID in entities}}


def _specific_name(m: Mention) -> str:
    """A model mention as said when it is a proper name ("LambdaMART", "BM25", "XGBoost": a
    capital inside the word, or a digit) or a name of its own for the thing ("bi-encoder" for
    the family "two-tower model", "quantile regression", "re-ranker"); the vocabulary name when
    the words said are only a part or a form of it ("boosting", "neural networks",
    "gradient boosted", "rule-based") or carry a verb ("used deep learning")."""
    said = " ".join(m.text.split())
    if re.search(r"\d|[a-z][A-Z]|[A-Z]{2}", said) and len(said) <= 40:
        return said
    words = said.lower().replace("-", " ").split()
    if (
        1 <= len(words) <= 4
        and words[0] not in _NOT_A_NAME_START
        and not words[-1].endswith(("ed", "based"))
        and not _stems(words) <= _stems(m.name.lower().replace("-", " ").split())
    ):
        return said[0].lower() + said[1:] if said[1:2].islower() else said
    return m.name


# words a model mention can start with that make it a phrase about using it, not its name
_NOT_A_NAME_START = frozenset("with using used use uses applying apply applied a an the".split())


def _stems(words: list[str]) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words}


def _issue_as_said(m: Mention) -> str:
    """A data difficulty by the answer's own words when they name a kind of it — a bias or a
    drift named by its kind ("position bias", not the family "selection bias"; "covariate
    shift") — else by its vocabulary name ("messy data" for "cleaned the data")."""
    said = " ".join(m.text.lower().split())
    words, name = said.split(), m.name.lower()
    if (
        said != name
        and len(words) == 2
        and words[1] in _KINDED
        and words[1] == name.split()[-1]
        and words[0].isalpha()
    ):
        return said
    return m.name


# difficulties whose kind is worth naming in a question
_KINDED = frozenset({"bias", "drift", "shift"})


def _source_as_said(m: Mention) -> str:
    """A data source in the answer's own words when they name it ("billing records", "scan
    logs", "till data"), else its kind ("annotated" is "human annotations")."""
    said = " ".join(m.text.split())
    named = " " in said and (said[-1:].lower() == "s" or said.lower().endswith(" data"))
    return said.lower() if named else m.name


def _as_said(m: Mention) -> str:
    """A metric as the answer names it when that is more precise than its vocabulary name
    ("PR-AUC", not "AUC"; "macro-F1", not "F1")."""
    said = m.text.strip()
    if said.lower() != m.name.lower() and m.name.lower() in said.lower():
        first = said.split()[0]
        # capitalised only to open a sentence ("Recall at 5% FPR"), not a name ("Gini")
        if first[:1].isupper() and first[1:].islower() and m.name[:1].islower():
            said = said[0].lower() + said[1:]
        return said
    return m.name


_DENIED = re.compile(
    r"\b(?:no|not|nothing|never|without|zero|none|free\s+of|ruled\s+out|n[o']t\s+any)\b"
    r"(?:\s+[\w'’-]+){0,4}\s*$",  # within a few words, in the same clause
    re.I,
)

# a difficulty only supposed or kept away ("a random split would leak", "to avoid leakage")
# is no difficulty the project had: "tell me about the leakage" would ask about something
# that never happened
_SUPPOSED = re.compile(
    # a supposition: "would have leaked", or a modal after "if"/"otherwise" or after something
    # hypothetical ("a random split would leak"), not a habit ("the feed would duplicate rows")
    r"(?:\b(?:would|could|might)\s+have|"
    r"(?:\b(?:if|otherwise|unless)\b[^.;]{0,60}?|\b(?:an?|any)\s+(?:[\w-]+\s+){0,2}"
    r"(?:split|splitting|model|approach|method|baseline|setup|design|shuffle|join|feature|"
    r"pipeline|version)\s+)\b(?:would|could|might))(?:\s+(?:also|easily|just))?"
    r"(?:\s+(?:cause|create|introduce|mean|lead\s+to|add|be|have))?(?:\s+\w+ed)?\s*$|"
    # kept away: "to avoid leakage", "guarding against drift"
    r"\b(?:avoid\w*|prevent\w*|guard(?:ed|ing)?\s+against|protect(?:ed|ing)?\s+against)"
    r"(?:\s+[\w'’-]+){0,3}\s*$",
    re.I,
)

_LEAD_WORDS = {
    "we",
    "i",
    "it",
    "and",
    "so",
    "that",
    "which",
    "this",
    "our",
    "the",
    "they",
    "um",
    "uh",
}


_OF_THE_OLD = re.compile(
    r"\b(?:baseline|existing|old|previous|legacy|rules?\s+engine|heuristics?|scorecard|"
    r"(?:that|the|this|their)\s+rules?)\b",
    re.I,
)


def _before(sentence: Sentence, fig: Figure) -> str:
    """The words before a figure in its own clause ("the baseline was 0.71; ours reached
    0.80": "ours reached")."""
    before = sentence.text[max(0, fig.start - sentence.start - 60) : fig.start - sentence.start]
    return _CLAUSE_START.split(before)[-1]


_CLAUSE_START = re.compile(r"[;:]|\s[–—-]\s|,\s+(?:but|while|whereas|and)\b|\b(?:but|whereas)\b")


_CHANGED = frozenset(
    "cut cuts reduced reduces lowered raised increased improved boosted brought drove pushed "
    "shrank halved doubled".split()
)
# an aside between commas naming what came before ("…, the team's main complaint, …"), not
# a filler ("went down by, um, 12%")
_ASIDE = re.compile(r",\s+(?:the|a|an|our|my|their|its|his|her)\s+[^,]{1,50},\s+", re.I)
# a clause opening on a phrase before its subject: "Compared with BM25 alone, ..."
_LEAD_IN = re.compile(
    r"\s*(?:compared|against|relative|versus|vs\.?|unlike|in|on|at|after|over|across|with|"
    r"without|for|from|during|since|by|under|overall|offline|online|beyond|within)\b",
    re.I,
)
_DANGLING = frozenset("the a an of as than to for in on at".split())


def _figure_phrase(sentence: Sentence, fig: Figure) -> str:
    """The figure with the few words that say what moved ("cut false positives by a third")."""
    clause = _CLAUSE_START.split(sentence.text[: fig.start - sentence.start])[-1]
    words = clause.split()
    # not the tail of a lead-in ("Compared with BM25 alone, NDCG went ..."): after its comma;
    # not the aside between commas ("False alarms, the team's main complaint, fell by 40%")
    if _LEAD_IN.match(clause):
        comma = max((i for i, w in enumerate(words[:-2]) if w.endswith(",")), default=-1)
        words = words[comma + 1 :]
    else:
        words = _ASIDE.sub(" ", clause).split()
    # what a verb of change acted on, whole: "cut the median time for a pull request to
    # merge from 26 hours to 19", not "a pull request to merge from ..."
    acted = [i for i, w in enumerate(words[-15:-1]) if w.lower() in _CHANGED]
    before = words[-15:][acted[-1] :] if acted else words[-5:]
    while before and before[0].lower().strip(",") in _LEAD_WORDS:
        before = before[1:]
    phrase = " ".join([*before, fig.text]).strip(" ,;:")
    if phrase.split()[-1].lower() in _DANGLING:
        # "four times the" says nothing until its noun: "four times the p99 latency"
        after = re.split(r"[,;:.!?()]", sentence.text[fig.end - sentence.start :], maxsplit=1)[0]
        phrase = " ".join([phrase, *after.split()[:3]])
    if before and phrase[:1].isupper() and before[0][1:].islower():  # not "LightGBM"
        phrase = phrase[0].lower() + phrase[1:]
    return f"“{phrase}”"
