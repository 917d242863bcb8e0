"""What a new user sees: findings with titles and a link to their check, the score scale,
readable part legends, check pages, clear errors, a confirmed delete."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.test_web import client, csrf, submit  # noqa: F401  (fixture)

WEAK = (
    "I used XGBoost on the customer table and it worked really well. The team was happy and "
    "the model went live after a few weeks of work on the features and the pipeline."
)


def test_findings_have_titles_and_link_to_their_check(client: TestClient) -> None:  # noqa: F811
    status, location = submit(client, WEAK)
    assert status == 303
    page = client.get(location).text
    assert "No quantified outcome anywhere in the answer" in page
    assert 'href="/checks/vague_result"' in page and "<code>vague_result</code>" in page
    assert 'id="score-scale"' in page and "0 to 100" in page


def test_check_pages_explain_each_check(client: TestClient) -> None:  # noqa: F811
    listing = client.get("/checks").text
    assert 'href="/checks/late_hook"' in listing
    page = client.get("/checks/vague_result").text
    assert "Why interviewers care" in page and "How to fix it" in page
    assert client.get("/checks/nope").status_code == 404


def test_practise_page_mentions_the_shortcut(client: TestClient) -> None:  # noqa: F811
    assert "Ctrl+Enter" in client.get("/").text


def test_error_pages_say_what_to_do(client: TestClient) -> None:  # noqa: F811
    page = client.get("/").text
    r = client.post("/practise/audio", data={"csrf": csrf(page)}, files={"audio": ("", b"")})
    assert r.status_code == 400 and "Choose a recording" in r.text
    assert "That request was not right" not in r.text


def test_deleting_a_fact_sheet_needs_a_confirmation(client: TestClient) -> None:  # noqa: F811
    page = client.get("/story").text
    client.post("/story", data={"csrf": csrf(page), "name": "churn", "persona": "solo"})
    shown = client.get("/story/churn").text
    assert 'class="danger"' in shown and 'name="confirm"' in shown
    r = client.post("/story/churn/delete", data={"csrf": csrf(shown)})
    assert r.status_code == 400 and "Tick the box" in r.text
    assert client.get("/story/churn").status_code == 200
    r = client.post(
        "/story/churn/delete", data={"csrf": csrf(shown), "confirm": "yes"}, follow_redirects=False
    )
    assert r.status_code == 303 and client.get("/story/churn").status_code == 404
