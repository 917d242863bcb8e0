"""Importing and exporting the user's questions: CSV, YAML, Markdown; bad rows name the line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deepdive.bank import Question
from deepdive.question_files import QuestionFileError, read_questions, write_questions

CSV = """text,company,asked,round,key_points
Why does batch norm help?,Acme,2026-05,ml_depth,stable scale; higher learning rates
"Design a feed ranker, end to end",Beta,,ml_system_design,
"""
YAML = """questions:
  - text: Why does batch norm help?
    company: Acme
    asked: 2026-05-14
    key_points: [stable scale, higher learning rates]
  - Design a feed ranker.
"""
MARKDOWN = """# My loop at Acme
## company: Acme
- Why does batch norm help? {asked: 2026-05; round: ml_depth}
1. Design a feed ranker.

Notes are not allowed here? No: this line is fine only inside a list.
"""


def test_csv() -> None:
    drafts = read_questions(CSV, "q.csv")
    assert [d.company for d in drafts] == ["Acme", "Beta"]
    assert drafts[0].key_points == ["stable scale", "higher learning rates"]
    assert drafts[1].text == "Design a feed ranker, end to end"


def test_yaml() -> None:
    drafts = read_questions(YAML, "q.yaml")
    assert drafts[0].asked_on == "2026-05-14" and drafts[1].text == "Design a feed ranker."


def test_markdown_defaults_and_details() -> None:
    with pytest.raises(QuestionFileError) as err:
        read_questions(MARKDOWN, "q.md")
    assert err.value.problems == ["q.md:6: expected a list item such as '- Why does ...?'"]
    drafts = read_questions(MARKDOWN.rsplit("\n\n", 1)[0], "q.md")
    assert [(d.company, d.round, d.asked_on) for d in drafts] == [
        ("Acme", "ml_depth", "2026-05"),
        ("Acme", None, None),
    ]


@pytest.mark.parametrize(
    ("name", "text", "problems"),
    [
        ("q.csv", "question,company\nWhy?,Acme\n", ["q.csv:1: the header row needs a 'text'"]),
        (
            "q.csv",
            "text,difficulty\nWhy?,9\nHow?,x\nOk?,2\n",
            ["q.csv:2: difficulty must be 1, 2 or 3", "q.csv:3: difficulty must be 1, 2 or 3"],
        ),
        ("q.csv", "text,company\nWhy?,Acme,extra\n", ["q.csv:2: more cells than header"]),
        ("q.yaml", "questions:\n  - text: Why?\n    colour: red\n", ["q.yaml:2: unknown field"]),
        ("q.yaml", "questions:\n  - text: [a\n", ["q.yaml:"]),
        ("q.yaml", "just a string\n", ["q.yaml:1: expected a list of questions"]),
        ("q.yaml", "- text: Why?\n  asked: someday\n", ["q.yaml:1: date asked 'someday'"]),
        ("q.md", "- Why? {company Acme}\n", ["q.md:1: detail 'company Acme' must look like"]),
        ("q.md", "- {company: Acme}\n", ["q.md:1: a question needs its text"]),
        ("q.md", "\n\n", ["q.md: no questions found"]),
        ("q.docx", "x", ["q.docx: unknown file type"]),
    ],
)
def test_bad_files_list_every_problem_with_its_line(
    name: str, text: str, problems: list[str]
) -> None:
    with pytest.raises(QuestionFileError) as err:
        read_questions(text, name)
    assert len(err.value.problems) == len(problems), err.value.problems
    for got, want in zip(err.value.problems, problems, strict=True):
        assert got.startswith(want), got


def _question(text: str, **kw: object) -> Question:
    base: dict[str, object] = dict(
        id="my-1", text=text, round="ml_depth", topics=("nlp",), difficulty=2, parts=(),
        key_points=("one", "two"), follow_ups=("why?",), source="reported by you",
        company="Acme", year=2026, verified=False, reported=1, origin="user",
        asked_on="2026-05",
    )  # fmt: skip
    base.update(kw)
    return Question(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_export_reads_back(fmt: str) -> None:
    questions = [_question("Why, and how?"), _question("Second: a {brace}", company=None)]
    drafts = read_questions(write_questions(questions, fmt), f"out.{fmt}")
    assert [d.text for d in drafts] == [q.text for q in questions]
    assert [d.company for d in drafts] == ["Acme", None]
    assert drafts[0].key_points == ["one", "two"] and drafts[0].topics == ["nlp"]


def test_markdown_export_reads_back_the_text_and_provenance() -> None:
    drafts = read_questions(write_questions([_question("Why?")], "markdown"), "out.md")
    assert [(d.text, d.company, d.asked_on, d.round) for d in drafts] == [
        ("Why?", "Acme", "2026-05", "ml_depth")
    ]
    # key points, follow-ups and topics come back too (they were lost in Markdown)
    assert (drafts[0].key_points, drafts[0].follow_ups, drafts[0].topics) == (
        ["one", "two"],
        ["why?"],
        ["nlp"],
    )


def test_markdown_sub_items_belong_to_the_question_above() -> None:
    text = (
        "- How do you choose k in k-means?\n"
        "  - key point: the elbow in within-cluster sum of squares\n"
        "  * Follow-up: What if clusters differ in size?\n"
        "  - an indented plain item is a question of its own\n"
        "- Second?\n"
        "    1. key points: silhouette per k\n"
    )
    drafts = read_questions(text, "q.md")
    assert [d.text for d in drafts] == [
        "How do you choose k in k-means?",
        "an indented plain item is a question of its own",
        "Second?",
    ]
    assert drafts[0].key_points == ["the elbow in within-cluster sum of squares"]
    assert drafts[0].follow_ups == ["What if clusters differ in size?"]
    assert drafts[2].key_points == ["silhouette per k"]
    with pytest.raises(QuestionFileError) as err:
        read_questions("  - key point: orphan\n- Q?\n", "q.md")
    assert err.value.problems == ["q.md:1: a key point needs a question above it"]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["q.csv", "q.yaml", "q.md"]))
def test_any_upload_gives_drafts_or_a_clear_error(text: str, name: str) -> None:
    try:
        drafts = read_questions(text, name)
    except QuestionFileError as exc:
        assert exc.problems and all(p.startswith(name) for p in exc.problems)
    else:
        assert drafts and all(d.text.strip() for d in drafts)
