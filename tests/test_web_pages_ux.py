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


def test_history_filters_by_project_and_compare_shows_changes(client: TestClient) -> None:  # noqa: F811
    from tests.test_web import OVERVIEW

    submit(client, OVERVIEW, project="fraud")
    submit(client, WEAK, project="churn")
    submit(client, OVERVIEW, project="churn")
    page = client.get("/history", params={"project": "churn"}).text
    assert 'option value="churn" selected' in page and "on churn" in page
    assert page.count('href="/attempts/') == 2
    assert "<polyline" in page and page.count("<circle") >= 4  # markers on every point
    r = client.get("/compare", params={"a": 2, "b": 3}).text
    assert "What changed from 2 to 3" in r and 'class="up"' in r
    assert "Fixed:" in r and "No quantified outcome anywhere in the answer" in r


def test_an_attempt_can_be_deleted_after_confirming(client: TestClient) -> None:  # noqa: F811
    _, location = submit(client, WEAK)
    page = client.get(location).text
    assert 'id="try-again"' in page and 'id="attempt-delete"' in page
    attempt = location.rsplit("/", 1)[-1]
    r = client.post(f"/attempts/{attempt}/delete", data={"csrf": csrf(page)})
    assert r.status_code == 400
    r = client.post(
        f"/attempts/{attempt}/delete",
        data={"csrf": csrf(page), "confirm": "yes"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and client.get(location).status_code == 404


def test_try_again_keeps_the_project(client: TestClient) -> None:  # noqa: F811
    assert 'value="fraud model"' in client.get("/", params={"project": "fraud model"}).text


def test_the_drill_shows_the_reply_and_a_way_on(client: TestClient) -> None:  # noqa: F811
    from tests.test_web import OVERVIEW

    _, location = submit(client, OVERVIEW)
    page = client.get(location).text
    r = client.post(f"{location}/drill", data={"csrf": csrf(page)}, follow_redirects=False)
    drill = r.headers["location"]
    page = client.get(drill).text
    client.post(
        f"{drill}/reply",
        data={"csrf": csrf(page), "reply": "Because it beat logistic regression by 7 points."},
    )
    page = client.get(drill).text
    assert "Because it beat logistic regression by 7 points." in page
    while 'id="skip"' in page:
        client.post(f"{drill}/reply", data={"csrf": csrf(page), "action": "skip"})
        page = client.get(drill).text
    assert 'id="drill-next"' in page and 'id="drill-again"' in page
    assert "Prepare an answer to:" in page


def test_the_bank_pages_through_every_question(client: TestClient) -> None:  # noqa: F811
    page = client.get("/bank").text
    assert "page 1 of 4" in page and 'id="next-page"' in page
    last = client.get("/bank", params={"page": "4"}).text
    assert "showing 301–393" in last and 'id="prev-page"' in last
    medium = client.get("/bank", params={"difficulty": "2", "page": "2"}).text
    assert "page 2 of" in medium and "difficulty=2&amp;page=1" in medium  # filters kept


def test_add_your_own_question_in_the_web_app(client: TestClient) -> None:  # noqa: F811
    form = client.get("/bank/add").text
    r = client.post(
        "/bank/add",
        data={
            "csrf": csrf(form),
            "text": "How would you shard a 50 GB embedding table across GPUs?",
            "company": "Acme",
            "asked": "2026-11",
            "key_points": "- split rows by id hash across devices\n- all-to-all exchange per batch",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and "added=added" in r.headers["location"]
    page = client.get(r.headers["location"]).text
    assert "Added to your questions." in page and "split rows by id hash" in page
    r = client.post("/bank/add", data={"csrf": csrf(form), "text": "x", "asked": "2026-13"})
    assert r.status_code == 200 and 'id="form-error"' in r.text and "2026-13" in r.text
    assert "Question 1:" not in r.text  # one question per form: no numbering in the message
    # your own question can be deleted from its page, after ticking the box
    own = client.get("/bank/my-1").text
    assert 'id="question-delete"' in own
    assert 'id="question-delete"' not in client.get("/bank/depth-batchnorm").text
    r = client.post("/bank/my-1/delete", data={"csrf": csrf(own)})
    assert r.status_code == 400 and client.get("/bank/my-1").status_code == 200
    r = client.post(
        "/bank/my-1/delete", data={"csrf": csrf(own), "confirm": "yes"}, follow_redirects=False
    )
    assert r.status_code == 303 and client.get("/bank/my-1").status_code == 404
    r = client.post("/bank/depth-batchnorm/delete", data={"csrf": csrf(own), "confirm": "yes"})
    assert r.status_code == 404


def test_an_unknown_project_is_said_and_counts_agree_in_number(
    client: TestClient,  # noqa: F811
) -> None:
    submit(client, WEAK)
    page = client.get("/history?project=nosuch").text
    assert "No attempts are saved for the project “nosuch”; showing all projects." in page
    assert 'id="history-unknown"' not in client.get("/history").text
    from collections import Counter

    from deepdive.bank import shipped

    topics = Counter(t for q in shipped() for t in q.topics)
    single = next(t for t, n in sorted(topics.items()) if n == 1)
    assert 'role="status">1 question</p>' in client.get(f"/bank?topic={single}").text


def test_the_next_step_names_the_first_finding_in_a_sentence(
    client: TestClient,  # noqa: F811
) -> None:
    _, location = submit(client, WEAK)
    page = client.get(location).text
    assert "Try this answer again</a>; first fix this: " in page and " first first" not in page


def test_an_error_page_leads_back_to_the_page_it_came_from(
    client: TestClient,  # noqa: F811
) -> None:
    base = str(client.base_url)
    r = client.get("/compare", params={"a": 1}, headers={"referer": f"{base}/history?project=x"})
    assert r.status_code == 400
    assert '<a href="/history?project=x" id="error-back">' in r.text
    other = client.get("/compare", headers={"referer": "https://example.org/history"})
    assert 'id="error-back"' not in other.text  # another site is no way back
