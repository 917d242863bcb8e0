"""The story builder: templates, nudges, outline and prep sheet (golden), exports (the Anki
deck read back), the retelling check and drift detection on labelled pairs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from deepdive.factsheet import (
    FactSheet,
    FactSheetError,
    markdown_template,
    nudge,
    nudges,
    parse_template,
    spec,
)
from deepdive.story import (
    check_retelling,
    outline,
    prep_sheet,
    render_html,
    render_json,
    render_markdown,
    render_text,
    write_anki,
)
from tests.conftest import DEEPDIVE

HERE = Path(__file__).parent / "story"
GOLDEN = Path(__file__).parent / "golden"
SHEET = parse_template((HERE / "sheet.yaml").read_text(encoding="utf-8"), "sheet.yaml")


def test_yaml_template_parses() -> None:
    assert SHEET.name == "fraud-scoring" and SHEET.persona == "team"
    assert SHEET.get("chosen").startswith("LightGBM")


def test_markdown_template_round_trip() -> None:
    text = markdown_template("demo", "switcher").replace(
        "## impact\n", "## impact\nCut waste by a fifth.\n"
    )
    sheet = parse_template(text, "demo.md")
    assert (sheet.name, sheet.persona, sheet.get("impact")) == (
        "demo",
        "switcher",
        "Cut waste by a fifth.",
    )


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("# Project: x\n## impact\nok\n## bogus\n", r"x\.md:4: unknown section 'bogus'"),
        ("# Project: x\nPersona: pirate\n", r"x\.md:2: persona must be one of"),
        ("# Project: x\n## impact\na\n## impact\nb\n", r"x\.md:4: section 'impact' appears twice"),
        ("## impact\nfoo\n", r"x\.md:1: the first line must be"),
        ("# Project: x\nstray text\n", r"x\.md:2: text before the first"),
        ("name: x\nentries:\n  impact: [1, 2]\n", r"x\.md:3: entry 'impact' must be text"),
        ("name: x\nentries:\n  nope: hi\n", r"x\.md:3: unknown entry 'nope'"),
        ("name: x\npersona: [\n", r"x\.md:\d+: "),
        # an answer given where a fact sheet was expected
        ("I built a model: it was good.\nThen: we shipped it.\n", r"x\.md is not a fact sheet"),
        ("just some words\n", r"x\.md is not a fact sheet: fill in the Markdown"),
        # a fact sheet with a mistake in it is told where the mistake is
        ("name: x\nentries:\n  impact: cut losses: a third\n", r"^x\.md:3: "),
    ],
)
def test_malformed_templates_name_the_line(text: str, error: str) -> None:
    with pytest.raises(FactSheetError, match=error):
        parse_template(text, "x.md")


@pytest.mark.parametrize(
    ("key", "text", "nudged"),
    [
        ("impact", "The model worked really well.", True),
        ("impact", "Cut chargeback losses by a third.", False),
        ("chosen", "XGBoost.", True),
        ("chosen", "XGBoost, because it beat the linear model by five points.", False),
        ("hard_part", "The data was clean.", True),
        ("hard_part", "Labels arrived up to 90 days late.", False),
        ("limitations", "There were no real weaknesses.", True),
        ("mine", "We did everything together.", True),
        ("mine", "I designed the features.", False),
        ("metric", "Accuracy.", True),
        ("metric", "Recall on fraud cases, since a missed case costs far more.", False),
        ("metric", "Whatever the business wanted.", True),
        ("baseline", "Nothing, it was a new project.", True),
        ("baseline", "None.", True),
        ("baseline", "The old keyword rules the support team maintained.", False),
        ("baseline", "Analysts reading every claim by hand, plus a logistic regression.", False),
        ("baseline", "Nothing fancy: the keyword rules the support team already used.", False),
        ("baseline", "There was no model before, so we compared against manual review.", False),
        ("validation", "A time-based split on the last month.", False),
        ("validation", "Train/test split.", True),
        ("labels", "The data was labelled.", True),
        ("labels", "Two nurses labelled each scan and a third settled disagreements.", False),
        ("tried", "A bigger network, but it was too slow, so we dropped it.", False),
        # a drawback told after what it reached is the reason it lost
        ("tried", "Prophet per product reached 27% but was slow and meant 3,000 models.", False),
        ("tried", "Prophet and a few others.", True),
        # a concrete difficulty in other words than the listed ones
        ("hard_part", "Stockouts censored demand; I flagged those days and dropped them.", False),
        ("hard_part", "Duplicate orders inflated the positives until I removed them.", False),
        # what breaks at 10x and the change: a plan, with or without "because"
        (
            "scale_10x",
            "Feature joins over viewing logs; I would precompute daily aggregates.",
            False,
        ),
        ("scale_10x", "It would be fine.", True),
        ("scale_10x", "Probably the database would struggle a bit with it.", True),
    ],
)
def test_entries_are_checked_as_written(key: str, text: str, nudged: bool) -> None:
    assert (nudge(key, text) is not None) is nudged


def test_every_fields_own_examples_pass_and_fail_its_check() -> None:
    for f in spec().fields:
        if not f.weak.startswith("("):  # "(left empty ...)" is not an entry
            assert nudge(f.key, f.weak) is not None, f"{f.key}: its weak example passes"
        assert nudge(f.key, f.strong) is None, f"{f.key}: its strong example is nudged"


def test_empty_baseline_and_team_credit_are_nudged_once_the_sheet_has_begun() -> None:
    assert nudges(FactSheet("new", "team")) == {}
    begun = FactSheet("fraud", "team", {"impact": "Cut chargeback losses by a third."})
    found = nudges(begun)
    assert "baseline" in found and "team" in found
    assert "team" not in nudges(FactSheet("solo", "solo", {"impact": "Cut losses by a third."}))
    done = FactSheet(
        "fraud",
        "team",
        {"baseline": "The old rules engine.", "team": "Priya built the streaming pipeline."},
    )
    assert "baseline" not in nudges(done) and "team" not in nudges(done)


def test_outline_has_budget_and_running_total() -> None:
    sections = outline(SHEET)
    assert [s.part for s in sections] == [
        "hook",
        "problem",
        "data",
        "modeling",
        "evaluation",
        "reflection",
    ]
    assert sections[-1].total == sum(s.seconds for s in sections)
    assert 120 <= sections[-1].total <= 180
    assert any("Priya" in p for p in sections[0].points)


def test_prep_sheet_uses_the_projects_words_and_marks_gaps() -> None:
    items = prep_sheet(SHEET)
    assert {i.family for i in items} == {
        "why_model",
        "how_known",
        "hardest_bug",
        "scale_10x",
        "hindsight",
    }
    why = next(i for i in items if i.family == "why_model")
    assert "LightGBM" in why.question and "7 points" in why.answer
    assert next(i for i in items if i.family == "scale_10x").gap


GOLDEN_CASES = {
    "story_fraud.txt": lambda: render_text(SHEET),
    "story_fraud.md": lambda: render_markdown(SHEET),
    "story_fraud.html": lambda: render_html(SHEET),
    "story_fraud.json": lambda: render_json(SHEET),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_story_outputs(name: str) -> None:
    actual = GOLDEN_CASES[name]()
    path = GOLDEN / name
    if os.environ.get("DEEPDIVE_REGEN_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_html_export_escapes() -> None:
    sheet = FactSheet(
        "x<script>", "solo", {"impact": "<img src=x onerror=alert(1)> cut cost by 30%"}
    )
    html = render_html(sheet)
    assert "<script>" not in html and "<img src=x" not in html and "&lt;img" in html


def test_anki_deck_opens_and_cards_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    assert write_anki(SHEET, str(path)) == 5
    with zipfile.ZipFile(path) as z:
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    notes = [row[0].split("\x1f") for row in db.execute("select flds from notes")]
    db.close()
    assert len(notes) == 5
    questions = {n[0] for n in notes}
    assert any("LightGBM" in q for q in questions)
    answers = {n[1] for n in notes}
    assert any("Gap: no prepared answer yet." in a for a in answers)


def test_retelling_coverage_and_drift() -> None:
    retelling = (
        "I built the fraud model that halved chargeback losses. The risk team reviewed every "
        "flagged payment by hand. We used XGBoost in the end."
    )
    report = check_retelling(SHEET, retelling)
    covered = {k for k, _, _ in report.covered}
    assert "business" in covered
    assert "validation" in {k for k, _ in report.dropped}
    kinds = {c.kind for c in report.drift}
    assert {"figure", "model"} <= kinds
    assert all(c.overview_quote and c.reply_quote for c in report.drift)
    # a fact told with another number or model is drift, not also covered
    assert "impact" not in covered and "chosen" not in covered
    assert set(report.changed) & {"impact", "chosen"}


def test_a_fact_told_after_a_unit_keeps_its_own_quote() -> None:
    sheet = FactSheet(
        "q",
        "team",
        {
            "chosen": "LightGBM, because it serves in 50 ms",
            "validation": "Out-of-time split, tuned on a separate validation month",
        },
    )
    report = check_retelling(sheet, "I validated it on a random split of the rows.")
    assert [c.overview_quote for c in report.drift] == [
        "Out-of-time split, tuned on a separate validation month"
    ]
    assert report.changed == ("validation",)
    assert "validation" not in {k for k, _, _ in report.covered}


def test_drift_quotes_the_sheet_in_its_own_words() -> None:
    sheet = FactSheet(
        "q",
        "team",
        {"source": "Fourteen months of app events", "chosen": "LightGBM on 40 features"},
    )
    assert "from fourteen months of app events" in sheet.overview_text()
    report = check_retelling(sheet, "In the end we used a random forest on 40 features.")
    assert [c.overview_quote for c in report.drift] == ["LightGBM on 40 features"]
    assert report.changed == ("chosen",)


@pytest.mark.parametrize(
    ("retelling", "denied"),
    [
        ("Honestly the model had no real limitations once it shipped.", True),
        ("Night-time footage isn't really an issue for it anymore.", True),
        ("It still struggles with night-time footage, which we flag for review.", False),
        ("Latency isn't an issue: it scores in 20 ms.", False),  # another thing waved away
        # told plainly beside something else that works fine
        ("Daytime footage works fine; night-time footage still doubles the errors.", False),
        ("It copes with night-time footage fine now.", True),
        # one word of the limitation waved away is not enough: another kind of footage
        ("Daytime footage isn't a problem at all.", False),
        # the limitation's own words alone waved away are enough
        ("It's quick, and the footage isn't really an issue anymore.", True),
    ],
)
def test_a_limitation_denied_in_the_retelling_has_drifted(retelling: str, denied: bool) -> None:
    sheet = FactSheet(
        "q", "team", {"limitations": "Night-time footage still gets twice the error rate."}
    )
    report = check_retelling(sheet, retelling)
    assert ("limitations" in report.changed) is denied
    if denied:
        assert (
            report.drift[0].overview_quote == "Night-time footage still gets twice the error rate."
        )


def test_the_retelling_summary_counts_in_words() -> None:
    from deepdive.prep_cli import render_retelling

    sheet = FactSheet("q", "team", {"chosen": "LightGBM on 40 features", "metric": "Recall at 1%"})
    text = render_retelling(check_retelling(sheet, "In the end we used LightGBM on 40 features."))
    assert text.startswith("Retelling check: 1 fact covered, 1 dropped.")


def _drift_scores() -> tuple[float, float]:
    data = yaml.safe_load((HERE / "drift_pairs.yaml").read_text(encoding="utf-8"))
    sheets = {}
    for key, value in data["sheets"].items():
        if isinstance(value, str):
            sheets[key] = parse_template(Path(value).read_text(encoding="utf-8"), value)
        else:
            sheets[key] = FactSheet(value["name"], value["persona"], value["entries"])
    tp = fp = fn = 0
    for item in data["retellings"]:
        found = bool(check_retelling(sheets[item["sheet"]], item["text"]).drift)
        tp += found and item["drift"]
        fp += found and not item["drift"]
        fn += (not found) and item["drift"]
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_drift_detection_on_labelled_pairs() -> None:
    """Issue target: >= 30 pairs, precision >= 0.9, recall >= 0.8."""
    precision, recall = _drift_scores()
    assert precision >= 0.9, precision
    assert recall >= 0.8, recall


def _cli(env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run(*args)``: the CLI in a subprocess with ``env``."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*DEEPDIVE, *args], capture_output=True, text=True, env=env, timeout=60
        )

    return run


def test_prep_from_never_replaces_a_different_sheet_unasked(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    run = _cli(cli_env)

    sheet = HERE / "sheet.yaml"
    assert run("prep", "--from", str(sheet)).returncode == 0
    assert run("prep", "--from", str(sheet)).returncode == 0  # the same sheet again: no question
    changed = tmp_path / "changed.yaml"
    changed.write_text(sheet.read_text().replace("chargeback losses", "fraud and abuse losses"))
    before = run("story", "show", "fraud-scoring", "--json").stdout
    r = run("prep", "--from", str(changed))  # not a terminal: nobody said yes
    assert r.returncode == 1 and "was kept as it was" in r.stderr and "--yes" in r.stderr
    assert run("story", "show", "fraud-scoring", "--json").stdout == before
    assert run("prep", "--from", str(changed), "--yes").returncode == 0
    assert run("story", "show", "fraud-scoring", "--json").stdout != before
    blank = tmp_path / "blank.md"
    blank.write_text(run("prep", "--template", "fraud-scoring").stdout)
    r = run("prep", "--from", str(blank), "--yes")
    assert r.returncode == 2 and "fills in none of the fact sheet's entries" in r.stderr
    assert "fraud and abuse" in run("story", "show", "fraud-scoring").stdout
    for args in (("team/fraud", "--from", str(sheet)), ("a/b",)):
        r = run("prep", *args)
        assert r.returncode == 2 and "cannot contain a slash" in r.stderr
    assert "team/fraud" not in run("story").stdout


def test_story_cli(cli_env: dict[str, str], tmp_path: Path) -> None:
    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*DEEPDIVE, *args], input=stdin, capture_output=True, text=True, env=cli_env, timeout=60
        )

    r = run("prep", "--from", str(HERE / "sheet.yaml"))
    assert r.returncode == 0 and "2-3 minute outline" in r.stdout
    assert "fraud-scoring" in run("story").stdout
    assert (
        json.loads(run("story", "show", "fraud-scoring", "--json").stdout)["schema"]
        == "deepdive.story/1"
    )
    out = tmp_path / "deck.apkg"
    assert (
        run("story", "export", "fraud-scoring", "--format", "anki", "-o", str(out)).returncode == 0
    )
    assert out.exists()
    assert run("story", "export", "fraud-scoring", "--format", "anki").returncode == 2
    for fmt in ("anki", "md"):
        bad = run(
            "story", "export", "fraud-scoring", "--format", fmt, "-o", str(tmp_path / "no" / "x")
        )
        assert bad.returncode == 1 and "there is no folder" in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr
    html = tmp_path / "s.html"
    run("story", "export", "fraud-scoring", "--format", "html", "-o", str(html))
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")
    r = run(
        "retell",
        "-",
        "--project",
        "fraud-scoring",
        "--json",
        stdin="We halved chargeback losses with XGBoost.",
    )
    assert r.returncode == 0 and json.loads(r.stdout)["drift"]
    r = run(
        "analyze",
        "-",
        "--project",
        "fraud-scoring",
        "--width",
        "100",
        stdin=(
            "I worked on this for the payments team at my last company, and it was one of the "
            "projects I learned most from, mostly about working with the operations people. "
            "We halved chargeback losses with XGBoost."
        ),
    )
    assert "Retelling check" in r.stdout
    assert run("story", "show", "nope").returncode == 2
    r = run("retell", "-", "--project", "fraud-scorng", stdin="We halved losses.")
    assert r.returncode == 2 and "did you mean 'fraud-scoring'?" in r.stderr
    bad = tmp_path / "bad.md"
    bad.write_text("# Project: x\n## bogus\n", encoding="utf-8")
    r = run("prep", "--from", str(bad))
    assert r.returncode == 1 and "bad.md:2" in r.stderr and "Traceback" not in r.stderr
    # a script (no terminal) is asked nothing and deletes nothing without --yes
    r = run("story", "delete", "fraud-scoring")
    assert r.returncode == 1 and "confirm with --yes" in r.stderr
    assert "fraud-scoring" in run("story").stdout
    assert run("story", "delete", "fraud-scoring", "--yes").returncode == 0
    assert "No fact sheets" in run("story").stdout


def test_analyze_json_with_a_project_says_where_the_retelling_check_is(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    run = _cli(cli_env)

    assert run("prep", "--from", str(HERE / "sheet.yaml")).returncode == 0
    answer = tmp_path / "retold.txt"
    answer.write_text(
        "I built a fraud model for card payments that cut chargeback losses by about a third. "
        "The risk team reviewed every flagged payment by hand and had a two-day backlog. We "
        "trained on eighteen months of card transactions and compared with the rules engine.\n"
    )
    for fmt in ("--json", "--markdown"):
        r = run("analyze", str(answer), "--project", "fraud-scoring", fmt, "--no-save")
        assert (
            r.returncode == 0 and "deepdive retell FILE --project fraud-scoring --json" in r.stderr
        )
    r = run("analyze", str(answer), "--json", "--no-save")
    assert r.stderr == "" and json.loads(r.stdout)["schema"] == "deepdive.analysis/1"


@pytest.mark.parametrize(
    ("retelling", "undone"),
    [
        ("It has already been through a full credit cycle, so it is robust.", True),
        ("It hasn't been through a full credit cycle yet.", False),
        ("We only had fourteen months of data after COVID.", False),
        # still to come is not done
        ("We'll only trust it once it has been through a full credit cycle.", False),
        ("If it had been through a full credit cycle I'd trust the calibration more.", False),
    ],
)
def test_a_limitation_told_as_done_has_drifted(retelling: str, undone: bool) -> None:
    sheet = FactSheet(
        "q",
        "team",
        {"limitations": "Only 14 months of data; it has not been through a full credit cycle."},
    )
    assert ("limitations" in check_retelling(sheet, retelling).changed) is undone


def test_piped_prep_answers_land_one_per_prompt_and_nothing_empty_is_saved(
    private_database: str,
) -> None:
    """Answers piped in (not typed at a terminal) come one per prompt: a nudge advises, and
    does not take the next prompt's answer for a better version of this one."""
    import io

    from deepdive.prep_cli import interactive
    from deepdive.store import Store

    store = Store(private_database)
    keys = [f.key for f in spec().for_persona("team")]
    # weak answers that draw nudges, then a plain answer per prompt
    lines = ["team", "It worked really well.", "Accuracy."] + [f"answer {k}" for k in keys[2:]]
    out = io.StringIO()
    code = interactive(store, "piped", None, io.BytesIO("\n".join(lines).encode()), out)
    assert code == 0 and "! Add a number" in out.getvalue()
    _, entries = store.get_fact_sheet("piped")
    assert entries[keys[0]] == "It worked really well."
    assert entries[keys[1]] == "Accuracy."
    assert all(entries[k] == f"answer {k}" for k in keys[2:])
    # stopping at the first prompt of a new sheet saves nothing
    out = io.StringIO()
    assert interactive(store, "empty", "team", io.BytesIO(b"\n"), out) == 1
    assert "no fact sheet 'empty' was saved" in out.getvalue()
    assert "empty" not in [n for n, _, _ in store.list_fact_sheets()]


def test_what_a_limitation_is_said_of_is_no_part_of_it_waved_away() -> None:
    sheet = FactSheet(
        "q", "team", {"limitations": "The model struggles on new merchants with no history."}
    )
    told = (
        "The model handles returning customers fine, but it still struggles on new merchants "
        "with no history."
    )
    assert check_retelling(sheet, told).changed == ()
