"""The server stays safe on hostile input: host names, tokens and sessions, odd text, huge ids
and bodies, recordings served as audio with byte ranges. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from deepdive.engine import analyze
from deepdive.store import Store
from deepdive.web.app import WebConfig, create_app
from deepdive.web.audio import served_type
from deepdive.web.server import LOOPBACK_NAMES
from tests.test_web import client, csrf  # noqa: F401  (fixture)

TEXT = (
    "I built a churn model for a telecom; recall on the top decile rose from 0.41 to 0.55 "
    "against the old rules, measured on the following quarter."
)


def test_loopback_mode_answers_only_loopback_names(store_url: str) -> None:
    config = WebConfig(db_url=store_url, allowed_hosts=LOOPBACK_NAMES)
    with TestClient(create_app(config), base_url="http://127.0.0.1:8102") as c:
        assert c.get("/api/attempts").status_code == 200
        assert c.get("/api/attempts", headers={"host": "localhost:8102"}).status_code == 200
        r = c.get("/api/attempts", headers={"host": "attacker.example:8102"})
        assert r.status_code == 400 and "attacker" not in r.text


def test_a_session_does_not_outlive_its_token_and_logout_ends_it(store_url: str) -> None:
    with TestClient(create_app(WebConfig(db_url=store_url, token="token-a"))) as c:
        page = c.get("/login").text
        c.post("/login", data={"csrf": csrf(page), "token": "token-a"})
        home = c.get("/")
        assert home.status_code == 200 and 'action="/logout"' in home.text
        cookies = dict(c.cookies)
        r = c.post("/logout", data={"csrf": csrf(home.text)}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"
        assert c.get("/", follow_redirects=False).status_code == 303
    with TestClient(create_app(WebConfig(db_url=store_url, token="token-b"))) as c:
        c.cookies.update(cookies)
        assert c.get("/", follow_redirects=False).status_code == 303  # old cookie is void
        assert c.get("/api/attempts").status_code == 401


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/analyze", '{"text": "I built a model \\ud800 that users liked a lot."}'),
        ("/api/analyze", '{"text": "I built a model that users liked.", "question": "\\u0000"}'),
        ("/api/followups", '{"text": "I built a model \\ud800 that users liked a lot."}'),
        ("/api/bank/depth-dropout/practice", '{"text": "Dropout \\udfff zeroes units."}'),
        ("/api/drill", '{"attempt_id": 3932322986440424685568}'),
        ("/api/analyze", '{"text": "I built a model.", "question": "' + "q" * 1001 + '"}'),
    ],
)
def test_bad_text_and_ids_are_422_not_500(client: TestClient, path: str, body: str) -> None:  # noqa: F811
    r = client.post(path, content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "error" in r.json()


def test_huge_ids_are_404(client: TestClient) -> None:  # noqa: F811
    assert client.get("/api/attempts/3932322986440424685568").status_code == 422
    assert client.get("/attempts/3932322986440424685568").status_code == 404
    assert client.get("/attempts/3932322986440424685568/recording").status_code == 404


def test_drill_reply_with_a_lone_surrogate_is_422(client: TestClient) -> None:  # noqa: F811
    uid = client.post("/api/drill", json={"text": TEXT}).json()["uid"]
    r = client.post(
        f"/api/drill/{uid}/reply",
        content='{"reply": "Because \\ud800 it was faster."}',
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 422


def test_a_chunked_body_over_the_limit_is_413(client: TestClient) -> None:  # noqa: F811
    token = csrf(client.get("/").text)

    def chunks() -> Iterator[bytes]:
        yield b'--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n' + token.encode()
        yield b'\r\n--b\r\nContent-Disposition: form-data; name="audio"; filename="a.wav"\r\n\r\n'
        for _ in range(27):
            yield b"\0" * 1_000_000

    r = client.post(
        "/practise/audio",
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert r.status_code == 413


def test_recordings_are_served_as_audio_with_ranges(client: TestClient, store_url: str) -> None:  # noqa: F811
    store = Store(store_url)
    row = store.save_attempt(TEXT, analyze(TEXT), source="audio")
    store.save_recording(row.uid, b"RIFF" + bytes(range(96)), "text/html")
    r = client.get(f"/attempts/{row.id}/recording")
    assert r.status_code == 200 and r.headers["content-type"] == "application/octet-stream"
    assert r.headers["accept-ranges"] == "bytes"
    store.save_recording(row.uid, b"RIFF" + bytes(range(96)), "audio/x-wav")
    r = client.get(f"/attempts/{row.id}/recording", headers={"range": "bytes=4-9"})
    assert r.status_code == 206 and r.content == bytes(range(6))
    assert (
        r.headers["content-range"] == "bytes 4-9/100" and r.headers["content-type"] == "audio/wav"
    )
    assert client.get(
        f"/attempts/{row.id}/recording", headers={"range": "bytes=-3"}
    ).content == bytes([93, 94, 95])
    assert (
        client.get(f"/attempts/{row.id}/recording", headers={"range": "bytes=500-"}).status_code
        == 416
    )


@pytest.mark.parametrize(
    ("claimed", "served"),
    [
        ("audio/webm", "audio/webm"),
        ("audio/x-wav", "audio/wav"),
        ("text/html", "application/octet-stream"),
    ],
)
def test_served_type_is_always_audio_or_a_download(claimed: str, served: str) -> None:
    assert served_type(claimed) == served


def test_openapi_declares_errors_limits_and_field_help(client: TestClient) -> None:  # noqa: F811
    spec = client.get("/api/openapi.json").json()
    analyze_op = spec["paths"]["/api/analyze"]["post"]
    assert {"413", "422"} <= set(analyze_op["responses"])
    assert {"404", "409", "422"} <= set(
        spec["paths"]["/api/drill/{uid}/reply"]["post"]["responses"]
    )
    body = spec["components"]["schemas"]["AnalyzeRequest"]["properties"]
    assert body["text"]["minLength"] == 1 and body["text"]["maxLength"] == 100_000
    for name, schema in spec["components"]["schemas"].items():
        if name.endswith("Request"):
            for field, prop in schema["properties"].items():
                assert len(prop.get("description", "")) > len(field) + 5, (name, field)


def test_a_boolean_is_not_a_seed(client: TestClient) -> None:  # noqa: F811
    r = client.post("/api/followups", json={"text": TEXT, "seed": True})
    assert r.status_code == 422
    assert client.post("/api/followups", json={"text": TEXT, "seed": 3}).status_code == 200


def test_the_api_families_enum_is_the_drills_families() -> None:
    from typing import get_args

    from deepdive.drill import FAMILY_LABELS
    from deepdive.web.fields import FamilyName

    assert set(get_args(FamilyName)) == set(FAMILY_LABELS)


def test_a_405_says_which_methods_are_allowed(client: TestClient) -> None:  # noqa: F811
    r = client.request("TRACE", "/api/attempts")
    assert r.status_code == 405 and "GET" in r.headers["allow"]


def test_json_flags_and_enums_are_strict(client: TestClient) -> None:  # noqa: F811
    assert client.post("/api/analyze", json={"text": "x", "save": 0}).status_code == 422
    r = client.get("/api/bank", params={"round": "cooking"})
    assert r.status_code == 422 and "round" in r.json()["error"]
    assert client.get("/api/bank/plan", params={"days": 0}).status_code == 422


def test_a_recording_over_the_page_cap_is_taken_and_copied_whole(
    client: TestClient,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copied: list[bytes] = []

    def keep(store: object, job: str, path: object, mime: str, project: object) -> None:
        from pathlib import Path

        copied.append(Path(str(path)).read_bytes())

    monkeypatch.setattr("deepdive.web.audio._transcribe_job", keep)
    blob = bytes(range(256)) * 12_000  # about 3 MB: over the 2 MB cap of other bodies
    token = csrf(client.get("/").text)
    r = client.post(
        "/practise/audio",
        data={"csrf": token},
        files={"audio": ("talk.wav", blob, "audio/wav")},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    for _ in range(100):
        if copied:
            break
        import time

        time.sleep(0.05)
    assert copied == [blob]


def test_the_worst_case_escaped_answer_fits_under_the_body_cap(
    client: TestClient,  # noqa: F811
) -> None:
    # every character of a 100,000-character answer written as a JSON escape: 600 KB
    body = '{"text": "' + "\\u0041" * 100_000 + '", "save": false}'
    assert len(body) > 600_000
    r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert r.status_code != 413 or "request is too large" not in r.text


def test_a_story_with_nothing_written_is_not_compared(client: TestClient, store_url: str) -> None:  # noqa: F811
    from tests.test_web import OVERVIEW, submit

    Store(store_url).save_fact_sheet("blank", "team", {})
    _, location = submit(client, OVERVIEW, project="blank")
    page = client.get(location).text
    assert 'id="against-story"' not in page and 'id="to-story"' in page


def test_the_story_link_encodes_every_character_of_the_name(
    client: TestClient,  # noqa: F811
    store_url: str,
) -> None:
    from tests.test_web import OVERVIEW, submit

    Store(store_url).save_fact_sheet(
        "ml/edit", "team", {"impact": "Cut churn by 18% in the first quarter."}
    )
    _, location = submit(client, OVERVIEW, project="ml/edit")
    page = client.get(location).text
    assert 'href="/story/ml%2Fedit" id="open-story"' in page
