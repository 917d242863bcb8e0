"""Question bank and story builder pages over HTTP: filters, search, practice with coverage,
the fact-sheet form with nudges, outline and downloads. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
import zipfile

from fastapi.testclient import TestClient

from deepdive.store import Store
from deepdive.user_questions import Draft, add_drafts
from tests.test_bank_cli import ANSWER
from tests.test_web import XSS, client, csrf, submit  # noqa: F401  (fixture)


def test_bank_filters_and_search(client: TestClient) -> None:  # noqa: F811
    page = client.get("/bank").text
    assert "393 questions" in page and "Question bank" in page
    page = client.get("/bank", params={"round": "ml_depth", "difficulty": "3"}).text
    assert "Why does batch normalization" not in page  # difficulty 2
    page = client.get("/bank", params={"q": "batchnorm"}).text
    first = page.index('href="/bank/', page.index("<table"))
    assert page[first:].startswith('href="/bank/depth-batchnorm"')
    assert "searched for" not in page
    fixed = client.get("/bank", params={"q": "kl divergance"}).text
    assert "(searched for “kl divergence”)" in fixed
    long_title = client.get("/bank/br-precision-recall").text
    title = long_title.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Define precision and recall") and "matte " not in title
    assert "…" in title or "matters more" in title
    empty = client.get("/bank", params={"q": "zzzz"}).text
    assert "No question matches" in empty and "0 best matches" not in empty
    assert "No questions match “zzzz”" in empty


def test_question_page_practice_shows_coverage_and_keeps_the_answer(
    client: TestClient,  # noqa: F811
) -> None:
    page = client.get("/bank/depth-batchnorm").text
    r = client.post("/bank/depth-batchnorm/practice", data={"csrf": csrf(page), "text": ANSWER})
    assert r.status_code == 200
    assert "Key points covered: 2 of 6" in r.text and "<blockquote>" in r.text
    assert "Batch norm standardises" in r.text
    r = client.post("/bank/depth-batchnorm/practice", data={"csrf": csrf(page), "text": "  "})
    assert "Cannot read this answer" in r.text
    assert client.get("/bank/nope").status_code == 404
    typo = client.get("/bank/depth-batchnrom")
    assert typo.status_code == 404 and "Did you mean depth-batchnorm?" in typo.text


def test_deep_dive_question_practice_goes_to_feedback(client: TestClient) -> None:  # noqa: F811
    page = client.get("/bank/pdd-overview").text
    r = client.post(
        "/bank/pdd-overview/practice",
        data={"csrf": csrf(page), "text": ANSWER},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"].startswith("/attempts/")
    page = client.get("/bank/pdd-class-imbalance").text
    r = client.post(
        "/bank/pdd-class-imbalance/practice",
        data={"csrf": csrf(page), "text": ANSWER},
        follow_redirects=False,
    )
    assert r.status_code == 200 and "Key points covered" in r.text


def test_user_questions_show_and_escape(client: TestClient, store_url: str) -> None:  # noqa: F811
    add_drafts(Store(store_url), [Draft(XSS + " How would you shard it?", company="<b>Acme</b>")])
    page = client.get("/bank", params={"q": "shard"}).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    detail = client.get("/bank/my-1").text
    assert "&lt;b&gt;Acme&lt;/b&gt;" in detail and "unverified" in detail


def test_story_builder_form_nudges_outline_and_downloads(
    client: TestClient,  # noqa: F811
    store_url: str,
) -> None:
    page = client.get("/story").text
    r = client.post(
        "/story",
        data={"csrf": csrf(page), "name": "fraud model", "persona": "team"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/story/fraud%20model/edit"
    form = client.get("/story/fraud%20model/edit").text
    assert "Strong:" in form and "Weak:" in form
    r = client.post(
        "/story/fraud%20model/edit",
        data={
            "csrf": csrf(form),
            "persona": "team",
            "impact": "It worked really well.",
            "baseline": XSS,
            "action": "save",
        },
    )
    assert r.status_code == 200 and 'class="nudge"' in r.text and "Saved." in r.text
    assert "<script>alert" not in r.text
    assert Store(store_url).get_fact_sheet("fraud model")[1]["impact"] == "It worked really well."
    outline = client.get("/story/fraud%20model").text
    assert "Follow-up prep sheet" in outline and "Missing:" in outline
    deck = client.get("/story/fraud%20model/download/apkg")
    assert deck.status_code == 200
    assert 'filename="fraud-model.apkg"' in deck.headers["content-disposition"]
    assert "collection.anki2" in zipfile.ZipFile(io.BytesIO(deck.content)).namelist()
    md = client.get("/story/fraud%20model/download/md")
    assert md.text.startswith("#") and "&lt;script&gt;" not in md.text
    assert client.get("/story/fraud%20model/download/pdf").status_code == 404


def test_story_errors_keep_the_user_informed(client: TestClient) -> None:  # noqa: F811
    page = client.get("/story").text
    r = client.post("/story", data={"csrf": csrf(page), "name": "a/b", "persona": "team"})
    assert "cannot contain a slash" in r.text
    r = client.post("/story", data={"csrf": "forged", "name": "x", "persona": "team"})
    assert r.status_code == 403
    assert client.get("/story/missing").status_code == 404
    form = client.get("/story").text
    client.post("/story", data={"csrf": csrf(form), "name": "x", "persona": "solo"})
    r = client.post(
        "/story/x/edit", data={"csrf": csrf(form), "persona": "solo", "impact": "y" * 6000}
    )
    assert r.status_code == 413


def test_a_question_without_key_points_offers_no_answer_box(client: TestClient) -> None:  # noqa: F811
    page = client.get("/bank/add").text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    text = "How would you explain gradient checkpointing to a new teammate?"
    r = client.post("/bank/add", data={"csrf": token, "text": text, "round": "ml_depth"})
    assert r.status_code == 200
    page = client.get("/bank/my-1").text
    assert 'id="no-key-points"' in page and "<textarea" not in page
    assert "<textarea" in client.get("/bank/depth-batchnorm").text


def test_an_unknown_bank_filter_is_said_and_not_applied(client: TestClient) -> None:  # noqa: F811
    page = client.get("/bank?round=bogus&topic=fundamentals").text
    assert 'id="bank-unknown"' in page and "round “bogus”" in page
    assert "topic" not in page.split('id="bank-unknown"')[1].split("</p>")[0]
    every = client.get("/bank").text
    assert 'id="bank-unknown"' not in every
    assert client.get("/bank?topic=nosuchtopic").text.count("<tr>") == every.count("<tr>")


def test_bank_api_matches_the_cli_records(client: TestClient) -> None:  # noqa: F811
    listing = client.get("/api/bank", params={"round": "ml_depth", "difficulty": 2}).json()
    assert listing and {(q["round"], q["difficulty"]) for q in listing} == {("ml_depth", 2)}
    hits = client.get("/api/bank", params={"q": "batchnorm", "limit": 3}).json()
    assert hits[0]["id"] == "depth-batchnorm" and "score" in hits[0]
    assert client.get("/api/bank/depth-batchnorm").json()["key_points"]
    r = client.post("/api/bank/depth-batchnorm/practice", json={"text": ANSWER})
    assert r.status_code == 200
    assert r.json()["schema"] == "deepdive.coverage/1" and r.json()["covered"] == 2
    assert client.post("/api/bank/depth-batchnorm/practice", json={"text": ""}).status_code == 422
    assert client.get("/api/bank/nope").status_code == 404
    assert client.get("/api/bank", params={"round": "cooking"}).status_code == 422
    assert "/api/bank/{ident}/practice" in client.get("/api/openapi.json").json()["paths"]


def test_practice_is_saved_and_the_plan_brings_weak_questions_back(
    client: TestClient,  # noqa: F811
) -> None:
    page = client.get("/bank").text
    assert 'href="/bank/plan"' in page
    plan = client.get("/bank/plan", params={"round": "ml_depth", "days": "2"}).text
    assert "Practice plan" in plan and "(today)" in plan and "— new" in plan
    question = client.get("/bank/depth-dropout").text
    r = client.post(
        "/bank/depth-dropout/practice",
        data={"csrf": csrf(question), "text": "Dropout is a regularizer for neural networks."},
    )
    assert r.status_code == 200
    by_name = client.get("/bank/plan", params={"round": "depth", "days": "1"}).text
    assert "depth-" in by_name and "beh-" not in by_name  # a round as people say it
    api = client.get("/api/bank/plan", params={"round": "ml_depth", "days": 3}).json()
    dropout = [i for i in api["items"] if i["question"] == "depth-dropout"]
    assert dropout and dropout[0]["focus"] and "key points on" in dropout[0]["reason"]
    r = client.post("/api/bank/depth-batchnorm/practice", json={"text": ANSWER, "save": False})
    assert r.status_code == 200
    api = client.get("/api/bank/plan", params={"days": 30}).json()
    assert all(i["reason"] == "new" for i in api["items"] if i["question"] == "depth-batchnorm")
    assert client.get("/api/bank/plan", params={"days": 0}).status_code == 422
    assert client.get("/bank/plan", params={"days": "abc"}).status_code == 200


def test_practising_a_story_shows_what_was_told_left_out_or_changed(
    client: TestClient,  # noqa: F811
) -> None:
    form = client.get("/story").text
    client.post("/story", data={"csrf": csrf(form), "name": "fraud alerts", "persona": "team"})
    entries = {
        "impact": "Cut confirmed fraud losses by 31% in the first quarter.",
        "chosen": "LightGBM, because it beat logistic regression by four points of recall.",
        "hardest_bug": "A join on the card id silently dropped every refunded transaction.",
    }
    client.post(
        "/story/fraud%20alerts/edit", data={"csrf": csrf(form), "persona": "team", **entries}
    )
    outline = client.get("/story/fraud%20alerts").text
    assert 'href="/?project=fraud%20alerts" id="practise-story"' in outline
    told = (
        "At a card issuer I cut confirmed fraud losses by 45% in the first quarter. "
        "I chose LightGBM because it beat logistic regression on recall. "
        * 3
        + "We checked it on the last month of transactions, held out from training. " * 4
    )
    status, location = submit(client, told, project="fraud alerts")
    assert status == 303
    page = client.get(location).text
    # the impact was told with another figure: changed, not told
    assert 'id="against-story"' in page
    assert "You told 1 of the 3 facts on your fact sheet as written; 1 told differently" in page
    assert "silently dropped every refunded transaction" in page  # left out
    drift = page[page.index('id="story-drift"') :]
    assert "31%" in drift and "45%" in drift  # the figure changed
    _, elsewhere = submit(client, told, project="no such story")
    assert 'id="against-story"' not in client.get(elsewhere).text
