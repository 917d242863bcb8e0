"""The web app through its HTTP interface: pages, safety, the JSON API, tokens, and a drill
moved between two server processes. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from deepdive.store import Store
from deepdive.web.app import WebConfig, create_app

OVERVIEW = (Path(__file__).parent / "drill" / "overview.txt").read_text(encoding="utf-8")
XSS = (
    'I built <script>alert("x")</script> a model <img src=x onerror=alert(1)> '
    "that cut fraud by 30%. It scored card payments for the risk team, who reviewed the top "
    "alerts each morning, and it replaced a set of hand-written rules."
)
WEAK = (
    "We used XGBoost on the data and it worked really well. Everyone liked it. The team was "
    "happy with the model and it went live after a few weeks of work on the features."
)


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(WebConfig(db_url=store_url))) as c:
        yield c


def csrf(page: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match, "no CSRF token in the page"
    return match.group(1)


def submit(client: TestClient, text: str, project: str = "") -> tuple[int, str]:
    token = csrf(client.get("/").text)
    r = client.post(
        "/practise", data={"csrf": token, "text": text, "project": project}, follow_redirects=False
    )
    return r.status_code, r.headers.get("location", "") or r.text


def count(store_url: str) -> int:
    return Store(store_url).count_attempts()


def test_practise_page(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "Tell me about an ML project" in r.text
    assert 'id="timer"' in r.text and "2:00–3:00" in r.text and "<textarea" in r.text


def test_feedback_page_shows_everything(client: TestClient) -> None:
    status, location = submit(client, OVERVIEW, "fraud")
    assert status == 303 and location.startswith("/attempts/")
    page = client.get(location).text
    for part in ("hook", "problem", "data", "modeling", "evaluation", "reflection"):
        assert f'class="s part-{part}"' in page and f"[{part}]" in page
    assert "<svg" in page and "time per part" in page
    assert "Overall" in page and "Follow-ups to prepare" in page and "Drill these" in page


def test_findings_show_evidence_and_fix(client: TestClient) -> None:
    _, location = submit(client, WEAK)
    page = client.get(location).text
    assert "vague_result" in page and "Fix:" in page and "<blockquote>" in page


def test_a_one_word_answer_is_refused_and_kept(client: TestClient, store_url: str) -> None:
    status, page = submit(client, "hello")
    assert status == 200 and "Too short to practise on" in page and ">hello</textarea>" in page
    assert Store(store_url).count_attempts() == 0
    r = client.post("/api/analyze", json={"text": "hello there model"})
    assert r.status_code == 422 and "not saved" in r.json()["error"]
    r = client.post("/api/analyze", json={"text": "hello there model", "save": False})
    assert r.status_code == 200


def test_answer_is_escaped(client: TestClient) -> None:
    _, location = submit(client, XSS)
    page = client.get(location).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_post_without_csrf_is_refused_and_saves_nothing(client: TestClient, store_url: str) -> None:
    client.get("/")
    r = client.post("/practise", data={"text": OVERVIEW})
    assert r.status_code == 403 and "Reload the page" in r.text
    r = client.post("/practise", data={"text": OVERVIEW, "csrf": "forged"})
    assert r.status_code == 403
    assert count(store_url) == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [("   ", "the answer is empty"), ("x" * 100_001, "the limit is 100 KB")],
)
def test_refused_answer_keeps_the_text(
    client: TestClient, store_url: str, text: str, message: str
) -> None:
    status, page = submit(client, text)
    assert status == 200 and message in page
    if text.strip():
        assert text[:50] in page
    assert count(store_url) == 0


def test_oversized_body_gets_a_clear_413(client: TestClient) -> None:
    # only the recording upload takes 25 MB; every other body is capped at 2 MB
    r = client.post(
        "/api/analyze", content=b"x" * 2_000_001, headers={"content-type": "application/json"}
    )
    assert r.status_code == 413 and "2 MB" in r.json()["error"]
    r = client.post("/practise", content=b"x" * 3_000_000)
    assert r.status_code == 413 and "2 MB" in r.text


def test_attempts_come_a_page_at_a_time(client: TestClient) -> None:
    ids = [
        int(
            client.post(
                "/api/analyze", json={"text": f"{OVERVIEW} Take {n}.", "project": "p"}
            ).headers["x-deepdive-attempt"]
        )
        for n in range(5)
    ]
    first = client.get("/api/attempts?limit=2")
    assert [a["id"] for a in first.json()] == ids[::-1][:2]
    assert first.headers["x-total-count"] == "5"
    following = first.headers["link"].split(";")[0].strip("<>")
    second = client.get(following)
    assert [a["id"] for a in second.json()] == ids[::-1][2:4]
    last = client.get("/api/attempts?limit=2&offset=4")
    assert [a["id"] for a in last.json()] == ids[:1] and "link" not in last.headers
    assert client.get("/api/attempts?project=other").headers["x-total-count"] == "0"
    assert client.get("/api/attempts?limit=0").status_code == 422
    assert client.get("/api/attempts?limit=1001").status_code == 422
    assert client.get("/api/attempts?offset=-1").status_code == 422


def test_errors_are_friendly_pages(
    client: TestClient, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = client.get("/attempts/999")
    assert (
        r.status_code == 404 and "There is no attempt 999" in r.text and "Traceback" not in r.text
    )
    assert client.get("/api/attempts/999").json() == {"error": "no attempt 999"}

    def boom(text: str) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("deepdive.web.pages.analyze", boom)
    with TestClient(client.app, raise_server_exceptions=False) as quiet:
        status, page = submit(quiet, OVERVIEW)
    assert status == 500 and "nothing was saved" in page and "kaboom" not in page
    assert count(store_url) == 0


def test_api_analyze_and_attempts(client: TestClient, store_url: str) -> None:
    r = client.post("/api/analyze", json={"text": OVERVIEW, "project": "fraud"})
    assert r.status_code == 200 and r.json()["schema"] == "deepdive.analysis/1"
    attempt = int(r.headers["x-deepdive-attempt"])
    assert client.post("/api/analyze", json={"text": OVERVIEW, "save": False}).status_code == 200
    assert count(store_url) == 1
    listing = client.get("/api/attempts?project=fraud").json()
    assert [a["id"] for a in listing] == [attempt]
    assert client.get(f"/api/attempts/{attempt}").json() == r.json()
    bad = client.post("/api/analyze", json={"text": ""})
    assert bad.status_code == 422 and "empty" in bad.json()["error"]
    assert client.post("/api/analyze", json={"nothing": 1}).status_code == 422


def test_api_followups_and_trend(client: TestClient) -> None:
    r = client.post("/api/followups", json={"text": OVERVIEW, "max": 3, "seed": 1})
    assert len(r.json()["questions"]) == 3
    client.post("/api/analyze", json={"text": OVERVIEW})
    trend = client.get("/api/history/trend").json()
    assert trend["attempts"] == 1 and set(trend["scores"]) >= {"overall", "impact"}


def test_api_drill(client: TestClient) -> None:
    start = client.post("/api/drill", json={"text": OVERVIEW, "max": 2, "seed": 1}).json()
    uid = start["uid"]
    assert start["question"]["question"]
    r = client.post(
        f"/api/drill/{uid}/reply", json={"reply": "Because it beat the baseline by 7 points."}
    ).json()
    assert r["turn"]["checks"] and not r["done"]
    r = client.post(f"/api/drill/{uid}/reply", json={"skip": True}).json()
    assert r["done"] and r["summary"]["skipped"] == 1
    payload = client.get(f"/api/drill/{uid}").json()
    assert payload["schema"] == "deepdive.drill/1" and len(payload["turns"]) == 2
    assert client.post(f"/api/drill/{uid}/reply", json={"reply": "x"}).status_code == 409


def test_api_a_misnamed_field_is_refused_not_dropped(client: TestClient) -> None:
    start = client.post("/api/drill", json={"text": OVERVIEW, "max": 2, "seed": 1}).json()
    uid = start["uid"]
    # "text" is the analyze endpoint's field; a reply sent under it must not count as a skip
    r = client.post(f"/api/drill/{uid}/reply", json={"text": "Because it beat the baseline."})
    assert r.status_code == 422 and r.json()["error"] == "Invalid request: unknown field 'text'"
    payload = client.get(f"/api/drill/{uid}").json()
    assert payload["turns"] == []  # nothing recorded, the same question still waits
    r = client.post("/api/analyze", json={"text": OVERVIEW, "answer": OVERVIEW})
    assert r.status_code == 422 and "unknown field 'answer'" in r.json()["error"]


@pytest.mark.parametrize(
    ("body", "headers", "status", "said"),
    [
        # the codes the API documents: 400 for a body that is no JSON object, 422 for a field
        # that is invalid (a text longer than its schema allows too)
        (b"not json", {"content-type": "application/json"}, 400, "the body is not valid JSON"),
        (b"hello", {"content-type": "text/plain"}, 400, "the body is not a JSON object"),
        (b'["a"]', {"content-type": "application/json"}, 400, "the body is not a JSON object"),
        (b"", {"content-type": "application/json"}, 400, "the body is not a JSON object"),
        (b"{}", {"content-type": "application/json"}, 422, "Invalid request: 'text' is missing"),
        (
            b'{"text": "' + b"word " * 30000 + b'", "save": false}',
            {"content-type": "application/json"},
            422,
            "text is longer than 100,000 characters",
        ),
    ],
)
def test_api_bad_bodies_say_what_to_send(
    client: TestClient, body: bytes, headers: dict[str, str], status: int, said: str
) -> None:
    r = client.post("/api/analyze", content=body, headers=headers)
    assert r.status_code == status and said in r.json()["error"], r.json()
    if "JSON" in said:
        assert "Content-Type: application/json" in r.json()["error"]


def test_drill_pages(client: TestClient) -> None:
    _, location = submit(client, OVERVIEW)
    page = client.get(location).text
    r = client.post(f"{location}/drill", data={"csrf": csrf(page)}, follow_redirects=False)
    drill_url = r.headers["location"]
    page = client.get(drill_url).text
    assert "Question 1 of" in page
    # an empty "Check my reply" asks again and records nothing
    r = client.post(
        f"{drill_url}/reply", data={"csrf": csrf(page), "reply": " ", "action": "answer"}
    )
    assert 'id="form-error"' in r.text and "Question 1 of" in r.text
    r = client.post(
        f"{drill_url}/reply",
        data={
            "csrf": csrf(page),
            "reply": "Because it was 7 points better than logistic regression.",
            "action": "answer",
        },
    )
    assert "Question 2 of" in r.text and "Your last reply" in r.text
    for _ in range(10):
        if "Summary" in r.text:
            break
        r = client.post(f"{drill_url}/reply", data={"csrf": csrf(r.text), "action": "skip"})
    assert "Summary" in r.text and "Rehearse next" in r.text
    # the finished drill is listed on its answer's page, and opens again
    page = client.get(location).text
    assert 'id="drills"' in page and f'href="{drill_url}"' in page
    assert "1 of " in page and "questions answered" in page
    assert "Summary" in client.get(drill_url).text


def test_everything_saved_downloads_as_the_cli_export(client: TestClient, tmp_path: Path) -> None:
    from deepdive.transfer import import_data, parse_export

    assert 'href="/export"' in client.get("/history").text  # offered before any attempt too
    assert submit(client, OVERVIEW, "fraud")[0] == 303
    assert 'href="/export"' in client.get("/history").text
    r = client.get("/export")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.headers["cache-control"] == "no-store"
    disposition = r.headers["content-disposition"]
    assert re.match(r'attachment; filename="deepdive-export-\d{4}-\d\d-\d\d\.json"', disposition)
    data = parse_export(r.text)
    assert [a["text"].strip() for a in data["attempts"]] == [OVERVIEW.strip()]
    # the file restores into an empty store
    other = Store(f"sqlite:///{tmp_path / 'other.db'}")
    import_data(other, data)
    assert other.count_attempts() == 1


def test_a_malformed_id_in_an_address_is_a_plain_404(client: TestClient) -> None:
    r = client.get("/attempts/abc")
    assert r.status_code == 404 and "There is no attempt “abc”." in r.text
    assert "Input should be" not in r.text
    assert client.get("/api/attempts/abc").status_code == 422  # the API's contract


def test_history_and_compare(client: TestClient) -> None:
    submit(client, OVERVIEW)
    submit(client, WEAK)
    page = client.get("/history").text
    assert page.count("<polyline") >= 2
    # two attempts on one day: the axis gives their times, not the same date twice
    assert re.search(r">\d\d \w\w\w \d\d:\d\d<", page), "no time on the axis"
    r = client.get("/compare?a=1&b=2")
    assert r.status_code == 200 and "Attempt 1" in r.text and "Attempt 2" in r.text
    assert client.get("/compare").status_code == 400


def test_openapi_and_docs_are_offline(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/analyze" in spec["paths"]
    page = client.get("/api/docs").text
    assert "POST /api/analyze" in page
    assert not re.search(r'(src|href)="https?://', page)


def test_token_mode(store_url: str) -> None:
    with TestClient(create_app(WebConfig(db_url=store_url, token="s3cret"))) as c:
        r = c.get("/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        r = c.post("/api/analyze", json={"text": OVERVIEW})
        assert r.status_code == 401 and "a token is required" in r.json()["error"]
        wrong = {"Authorization": "Bearer guess"}
        r = c.post("/api/analyze", json={"text": OVERVIEW}, headers=wrong)
        assert r.status_code == 401 and "not the server's" in r.json()["error"]
        ok = c.post(
            "/api/analyze", json={"text": OVERVIEW}, headers={"Authorization": "Bearer s3cret"}
        )
        assert ok.status_code == 200
        page = c.get("/login").text
        assert "wrong" not in c.post("/login", data={"csrf": csrf(page), "token": "s3cret"}).text
        assert c.get("/").status_code == 200
    with TestClient(create_app(WebConfig(db_url=store_url, token="s3cret"))) as c:
        page = c.get("/login").text
        r = c.post("/login", data={"csrf": csrf(page), "token": "nope"})
        assert "not right" in r.text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(url: str, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "deepdive", "--db", url, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise AssertionError(proc.stderr.read().decode() if proc.stderr else "server did not start")


def _post(port: int, path: str, body: dict[str, object]) -> dict[str, object]:
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())  # type: ignore[no-any-return]


def test_a_drill_moves_between_two_server_processes(store_url: str) -> None:
    ports = [_free_port(), _free_port()]
    servers = [_serve(store_url, p) for p in ports]
    try:
        start = _post(ports[0], "/api/drill", {"text": OVERVIEW, "max": 3, "seed": 4})
        uid = start["uid"]
        first = _post(
            ports[1], f"/api/drill/{uid}/reply", {"reply": "Because it beat the baseline."}
        )
        assert first["done"] is False
        second = _post(ports[0], f"/api/drill/{uid}/reply", {"skip": True})
        with urllib.request.urlopen(
            f"http://127.0.0.1:{ports[1]}/api/drill/{uid}", timeout=10
        ) as r:
            payload = json.loads(r.read())
        assert [t["skipped"] for t in payload["turns"]] == [False, True]
        assert second["next"] is not None
    finally:
        for s in servers:
            s.terminate()
            s.wait(timeout=10)


def test_feedback_page_marks_the_interviewers_lines(client: TestClient) -> None:
    text = (Path(__file__).parent / "data" / "transcript_answer.txt").read_text(encoding="utf-8")
    status, location = submit(client, text)
    assert status == 303
    page = client.get(location).text
    assert 'class="s part-interviewer"' in page and "[interviewer]" in page
    assert "So what did you actually build there?" in page
