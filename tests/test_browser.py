"""The web app in a real browser: Playwright driving Debian's Chromium (no browser download).

Covers practise -> feedback with highlights, two drill turns, the history chart after three
attempts, answers carrying <script> and onerror staying inert, the main flow by keyboard
alone, the question bank's filter, search and practice, and the story builder's Anki
download. Runs against SQLite and PostgreSQL.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_bank_cli import ANSWER as BATCHNORM_ANSWER
from tests.test_web import OVERVIEW, _free_port, _serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (apt-get install chromium)",
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def server(store_url: str) -> Iterator[str]:
    port = _free_port()
    proc = _serve(store_url, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        pg = context.new_page()
        pg.set_default_timeout(15000)
        pg.goto(server)
        yield pg
        browser.close()


def _practise(page: object, text: str) -> None:
    page.fill("#answer", text)  # type: ignore[attr-defined]
    page.click("#submit")  # type: ignore[attr-defined]
    page.wait_for_selector("#highlighted")  # type: ignore[attr-defined]


def test_practise_to_feedback_with_highlights(page: object) -> None:
    _practise(page, OVERVIEW)
    marks = page.locator("mark.s")  # type: ignore[attr-defined]
    assert marks.count() >= 10
    parts = set(page.eval_on_selector_all("mark.s", "els => els.map(e => e.dataset.part)"))  # type: ignore[attr-defined]
    assert {"hook", "problem", "data", "modeling", "evaluation", "reflection"} <= parts
    assert page.locator("mark.part-data .tag").first.text_content() == "[data]"  # type: ignore[attr-defined]
    assert page.locator(".timebar svg rect").count() >= 6  # type: ignore[attr-defined]


def test_two_drill_turns(page: object) -> None:
    _practise(page, OVERVIEW)
    page.click("#drill-these")  # type: ignore[attr-defined]
    first = page.inner_text("#drill-question")  # type: ignore[attr-defined]
    page.fill("#reply", "LightGBM, because it beat logistic regression by 7 points of precision.")  # type: ignore[attr-defined]
    page.click("#send-reply")  # type: ignore[attr-defined]
    page.wait_for_selector(".last-turn")  # type: ignore[attr-defined]
    assert page.locator(".checks li").count() >= 2  # type: ignore[attr-defined]
    second = page.inner_text("#drill-question")  # type: ignore[attr-defined]
    assert second != first
    page.click("#skip")  # type: ignore[attr-defined]
    page.wait_for_selector("text=(skipped)")  # type: ignore[attr-defined]


def test_history_chart_after_three_attempts(page: object, server: str) -> None:
    weak = (
        "We used XGBoost on the data and it worked really well. Everyone liked it. The team was "
        "happy with the model and it went live after a few weeks of work on the features."
    )
    for text in (OVERVIEW, weak, OVERVIEW):
        page.goto(server)  # type: ignore[attr-defined]
        _practise(page, text)
    page.goto(f"{server}/history")  # type: ignore[attr-defined]
    assert "Progress over 3 attempts" in page.inner_text("main")  # type: ignore[attr-defined]
    assert page.locator(".charts svg polyline").count() >= 6  # type: ignore[attr-defined]


def test_xss_answers_stay_inert(page: object) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    evil = (
        'I built <script>window.__pwned = 1; alert("x")</script> a model '
        '<img src=x onerror="window.__pwned = 2; alert(1)"> that cut fraud by 30%. It scored '
        "card payments for the risk team, who reviewed the top alerts each morning, and it "
        "replaced a set of hand-written rules."
    )
    _practise(page, evil)
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    assert dialogs == []
    assert page.evaluate("window.__pwned === undefined")  # type: ignore[attr-defined]
    assert "<script>" in page.inner_text("#highlighted")  # type: ignore[attr-defined]


def test_main_flow_by_keyboard_alone(page: object) -> None:
    keyboard = page.keyboard  # type: ignore[attr-defined]
    page.focus("body")  # type: ignore[attr-defined]
    for _ in range(30):
        keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "answer":  # type: ignore[attr-defined]
            break
    assert page.evaluate("document.activeElement.id") == "answer"  # type: ignore[attr-defined]
    keyboard.type(OVERVIEW[:600])
    keyboard.press("Control+Enter")
    page.wait_for_selector("#highlighted")  # type: ignore[attr-defined]
    for _ in range(60):
        keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "drill-these":  # type: ignore[attr-defined]
            break
    keyboard.press("Enter")
    page.wait_for_selector("#drill-question")  # type: ignore[attr-defined]
    page.focus("#reply")  # type: ignore[attr-defined]
    keyboard.type("Because it beat the baseline by 7 points.")
    keyboard.press("Control+Enter")
    page.wait_for_selector(".last-turn")  # type: ignore[attr-defined]


def test_bank_filter_search_and_practice(page: object, server: str) -> None:
    page.goto(f"{server}/bank")  # type: ignore[attr-defined]
    page.select_option("#bank-round", "ml_depth")  # type: ignore[attr-defined]
    page.fill("#bank-q", "batchnorm")  # type: ignore[attr-defined]
    page.click("#bank-go")  # type: ignore[attr-defined]
    page.wait_for_selector("table.bank")  # type: ignore[attr-defined]
    assert "best match" in page.inner_text("#bank-count")  # type: ignore[attr-defined]
    rounds = page.eval_on_selector_all(
        "table.bank tbody tr td:nth-child(2)", "els => els.map(e => e.textContent)"
    )  # type: ignore[attr-defined]
    assert rounds and set(rounds) == {"ML depth"}
    page.click("table.bank tbody tr:first-child a")  # type: ignore[attr-defined]
    assert "batch normalization" in page.inner_text("#question")  # type: ignore[attr-defined]
    page.fill("#answer", BATCHNORM_ANSWER)  # type: ignore[attr-defined]
    page.click("#submit")  # type: ignore[attr-defined]
    page.wait_for_selector("#coverage")  # type: ignore[attr-defined]
    assert "Key points covered: 2 of 6" in page.inner_text("#coverage")  # type: ignore[attr-defined]
    assert page.locator("#coverage blockquote").count() >= 2  # type: ignore[attr-defined]


def test_story_builder_exports_an_anki_deck(page: object, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/story")  # type: ignore[attr-defined]
    page.fill("#story-name", "fraud-model")  # type: ignore[attr-defined]
    page.click("#story-start")  # type: ignore[attr-defined]
    page.fill("#f-impact", "The team was happy with it.")  # type: ignore[attr-defined]
    page.click("#story-save")  # type: ignore[attr-defined]
    page.wait_for_selector("#n-impact")  # type: ignore[attr-defined]
    page.fill("#f-impact", "Cut confirmed fraud losses by a third in the first quarter.")  # type: ignore[attr-defined]
    page.click("#story-outline")  # type: ignore[attr-defined]
    page.wait_for_selector("#downloads")  # type: ignore[attr-defined]
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click("#download-anki")  # type: ignore[attr-defined]
    download = info.value
    assert download.suggested_filename == "fraud-model.apkg"
    target = tmp_path / "deck.apkg"
    download.save_as(str(target))
    import zipfile

    assert "collection.anki2" in zipfile.ZipFile(target).namelist()


@pytest.mark.parametrize("width", [1280, 390])
def test_practise_a_story_and_see_what_changed(page: object, server: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{server}/story")  # type: ignore[attr-defined]
    page.fill("#story-name", f"churn-{width}")  # type: ignore[attr-defined]
    page.click("#story-start")  # type: ignore[attr-defined]
    page.fill("#f-impact", "Cut monthly churn by 18% in the first quarter.")  # type: ignore[attr-defined]
    page.click("#story-outline")  # type: ignore[attr-defined]
    page.click("#practise-story")  # type: ignore[attr-defined]
    assert page.input_value("#project") == f"churn-{width}"  # type: ignore[attr-defined]
    _practise(page, OVERVIEW)
    assert "You told" in page.inner_text("#story-coverage")  # type: ignore[attr-defined]
    overflow = page.evaluate(  # type: ignore[attr-defined]
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"feedback against a story overflows by {overflow}px at {width}px"


@pytest.fixture
def speaking_page(server: str, tmp_path: Path) -> Iterator[object]:
    """A browser whose fake microphone plays a spoken answer made with espeak-ng."""
    pytest.importorskip("faster_whisper", reason="the speech extra is not installed")
    if not shutil.which("espeak-ng"):
        pytest.skip("espeak-ng is needed to make the fake microphone input")
    from playwright.sync_api import sync_playwright

    from tests.test_speech import CLIPS, speak

    clip = speak(" ".join(CLIPS), tmp_path / "mic.wav")
    args = [
        *ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={clip}",
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        context = browser.new_context()
        context.grant_permissions(["microphone"], origin=server)
        pg = context.new_page()
        pg.set_default_timeout(60000)
        pg.goto(server)
        yield pg
        browser.close()


def test_record_in_the_browser_then_play_from_a_sentence(speaking_page: object) -> None:
    page = speaking_page
    page.click("#record")  # type: ignore[attr-defined]
    page.wait_for_timeout(6000)  # type: ignore[attr-defined]
    assert page.inner_text("#record-timer") != "0:00"  # type: ignore[attr-defined]
    page.click("#record")  # type: ignore[attr-defined]
    page.wait_for_selector("#player")  # type: ignore[attr-defined]
    timed = page.locator("mark.s[data-t0]")  # type: ignore[attr-defined]
    assert timed.count() >= 1
    target = timed.nth(timed.count() - 1)
    t0 = float(target.get_attribute("data-t0"))
    target.click()
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    assert page.evaluate("document.getElementById('player').currentTime") >= t0 - 0.1  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [1280, 390])
def test_pages_fit_the_screen_and_parts_show_their_colours(
    page: object, server: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
    _practise(page, OVERVIEW)
    feedback = page.url  # type: ignore[attr-defined]
    colours = page.evaluate(  # type: ignore[attr-defined]
        "Array.from(document.querySelectorAll('mark.s[data-part]'))"
        ".map(m => getComputedStyle(m).borderBottomColor)"
    )
    assert len(set(colours)) >= 3, colours  # each part its own colour, not one black line
    page.goto(server)  # type: ignore[attr-defined]
    _practise(page, OVERVIEW)
    for path in (feedback, "/history", "/bank", "/compare?a=1&b=2", "/bank/plan", "/checks"):
        page.goto(path if path.startswith("http") else server + path)  # type: ignore[attr-defined]
        overflow = page.evaluate(  # type: ignore[attr-defined]
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} overflows by {overflow}px at {width}px"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_very_long_word_or_name_wraps_instead_of_widening_the_page(
    page: object, server: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
    long_name = "fraud" * 40
    page.goto(f"{server}/?project={long_name}")  # type: ignore[attr-defined]
    page.fill("#answer", OVERVIEW + " " + "x" * 400)  # type: ignore[attr-defined]
    project = page.locator("#project")  # type: ignore[attr-defined]
    if project.count():
        project.fill(long_name)
    page.click("#submit")  # type: ignore[attr-defined]
    page.wait_for_selector("#highlighted")  # type: ignore[attr-defined]
    for path in (page.url, f"{server}/history"):  # type: ignore[attr-defined]
        page.goto(path)  # type: ignore[attr-defined]
        overflow = page.evaluate(  # type: ignore[attr-defined]
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} overflows by {overflow}px at {width}px"


AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (make test runs npm ci)")
@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_accessibility_violations(server: str, width: int) -> None:
    from playwright.sync_api import sync_playwright

    source = AXE.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # axe is injected by the test, so the page's own script policy must let it run
        context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15000)
        pg.goto(server)
        _practise(pg, OVERVIEW)
        feedback = pg.url
        problems: list[str] = []
        for path in (
            "/",
            feedback,
            "/history",
            "/bank",
            "/bank/depth-dropout",
            "/bank/plan",
            "/bank/add",
            "/story",
            "/checks",
            "/checks/late_hook",
        ):
            pg.goto(path if path.startswith("http") else server + path)
            pg.evaluate(source)
            found = pg.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
            )
            problems += [f"{path}: {v}" for v in found]
        browser.close()
    assert problems == []
