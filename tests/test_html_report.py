"""The HTML report as a reader sees it, in a real headless Chromium (Debian's package),
driven by Playwright.  Skipped only when no Chromium is installed.

Set UPDATE_SCREENSHOT=1 to refresh docs/report.png (shown in the README) from the
seed-style example.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import auditor
from auditor import Finding, Rule
from auditor.cli import cli
from auditor.engine import Auditor
from auditor.html_report import render_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed-style.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Offline and quiet: no updates, sync or background traffic of Chromium's own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_report(browser, tmp_path):
    """Write an HTML report to a file and open it in a fresh page; returns the page."""
    pages = []

    def open_(html: str, name: str = "report.html"):
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.errors = []
        page.on("pageerror", lambda exc: page.errors.append(str(exc)))
        page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
        page.goto(path.as_uri())
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.fixture(scope="module")
def seed_html():
    return run("audit", "--format", "html", str(SEED))


def finding_text(page, ident: str) -> str:
    return page.eval_on_selector_all(f'[data-finding="{ident}"]', "els => els.map(e => e.textContent).join('')")


# A plugin whose findings cross each other and nest, to check highlights that overlap.
class Overlapping:
    __name__ = "overlapping"

    @auditor.hookimpl
    def auditor_rules(self):
        return [Rule("wide", "A long stretch."), Rule("crossing", "Starts inside, ends outside."),
                Rule("inner", "Inside both.")]

    @auditor.hookimpl
    def auditor_check_article(self, article):
        text = article.text
        start = text.index("the council")
        yield Finding("wide", start, text.index("budget") + len("budget"), "wide message")
        inner = text.index("council")
        yield Finding("crossing", inner, text.index("tonight") + len("tonight"), "crossing message")
        yield Finding("inner", inner, inner + len("council"), "inner message")


OVERLAP_TEXT = "Officials said the council will vote on the budget tonight.\nNothing else happened.\n"


def test_every_finding_is_highlighted_over_exactly_its_text(open_report, tmp_path):
    article = tmp_path / "overlap.txt"
    article.write_text(OVERLAP_TEXT, encoding="utf-8")
    report = Auditor([Overlapping()]).audit_paths([SEED, article])
    page = open_report(render_html(report))
    assert not page.errors
    # What each highlight covers and how it looks, read from the page in one go.
    shown = page.evaluate("""() => Object.fromEntries(
        Array.from(document.querySelectorAll("mark.hl[id]"), first => {
            const pieces = document.querySelectorAll(`[data-finding="${first.id}"]`);
            const style = getComputedStyle(first), box = first.getBoundingClientRect();
            return [first.id, {text: Array.from(pieces, e => e.textContent).join(""),
                               background: style.backgroundColor, underline: style.borderBottomStyle,
                               visible: box.width > 0 && box.height > 0}];
        }))""")
    for n, result in enumerate(report.files, 1):
        text = page.locator(f"#a{n} .text")
        assert text.text_content() == Path(result.path).read_text(encoding="utf-8")
        assert result.findings
        for i, finding in enumerate(result.findings, 1):
            mark = shown.pop(f"a{n}-f{i}")
            assert mark["text"] == finding.text, (n, i, finding.rule)
            assert mark["visible"] and mark["underline"] != "none"
            assert mark["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert not shown  # no highlight without a finding
    rules = {f.rule for f in report.files[1].findings}
    assert {"wide", "crossing", "inner"} <= rules


def test_rules_differ_by_underline_style_not_only_colour(open_report, seed_html):
    page = open_report(seed_html)
    styles = page.eval_on_selector_all(
        "mark.hl[data-n]",
        "els => Object.fromEntries(els.map(e => [e.dataset.rule, getComputedStyle(e).borderBottomStyle]))",
    )
    assert len(styles) >= 2
    assert len(set(styles.values())) == len(styles)  # one underline pattern per rule
    page.emulate_media(media="print")
    assert page.locator("#a1-f1").evaluate("e => getComputedStyle(e).borderBottomStyle") != "none"
    assert page.locator("#a1 .panel").is_visible()


def test_side_panel_counts_match_the_json_output(open_report, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("Officials said the bridge would close. The mayor said, “We will reopen it.”\n", encoding="utf-8")
    audit = json.loads(run("audit", "--format", "json", str(SEED), str(second)))
    ledger = json.loads(run("sources", "--format", "json", str(SEED), str(second)))
    page = open_report(run("audit", "--format", "html", str(SEED), str(second)))
    assert page.locator("section.article").count() == 2
    for n, (audited, sourced) in enumerate(zip(audit["files"], ledger["files"]), 1):
        panel = page.locator(f"#a{n} .panel")
        assert page.locator(f"#a{n} h2").text_content() == audited["path"]

        def shown(key):
            return panel.locator(f'dd[data-key="{key}"]').text_content()

        assert shown("findings") == str(len(audited["findings"]))
        for rule in {f["rule"] for f in audited["findings"]}:
            expected = sum(f["rule"] == rule for f in audited["findings"])
            assert panel.locator(f'dd[data-rule="{rule}"]').text_content() == str(expected)
        summary = sourced["summary"]
        assert shown("attributions") == str(summary["attributions"])
        assert shown("distinct_sources") == str(summary["distinct_sources"])
        assert shown("unnamed").startswith(f"{summary['unnamed']} (")
        assert shown("paraphrased").startswith(f"{summary['paraphrased']} (")
        assert shown("direct_quotes") == str(summary["direct_quotes"])
        assert panel.locator("ol.findings li").count() == len(audited["findings"])
        names = panel.locator(".researchers .name").all_text_contents()
        assert names == [r["name"] for r in summary["researchers"]]
        # The ledger table under the text has one row per attribution.
        assert page.locator(f"#a{n} details.ledger tbody tr").count() == summary["attributions"]


def test_focusing_a_highlight_shows_its_message(open_report, seed_html):
    audit = json.loads(run("audit", "--format", "json", str(SEED)))
    findings = audit["files"][0]["findings"]
    page = open_report(seed_html)
    tip = page.locator("#tip")
    assert tip.is_hidden()
    page.keyboard.press("Tab")  # the first focusable thing on the page is the first highlight
    assert page.evaluate("document.activeElement.id") == "a1-f1"
    assert tip.is_visible()
    assert findings[0]["message"] in tip.text_content()
    assert findings[0]["rule"] in tip.text_content()
    # Screen readers get the message as the highlight's description.
    described = page.locator("#a1-f1").get_attribute("aria-describedby")
    assert page.locator(f"#{described}").text_content() == findings[0]["message"]
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    # The findings list jumps to a highlight and focuses it.
    last = len(findings)
    page.locator(f'#a1 ol.findings a[href="#a1-f{last}"]').click()
    assert page.evaluate("document.activeElement.id") == f"a1-f{last}"
    assert findings[-1]["message"] in tip.text_content()
    page.locator("#a1 h2").hover()
    page.locator("#a1-f2").hover()
    assert findings[1]["message"] in tip.text_content()


def test_overlapping_highlights_show_every_message_at_that_point(open_report):
    report = Auditor([Overlapping()], entry_points=False).audit_text(OVERLAP_TEXT, "overlap.txt")
    from auditor.engine import Report

    page = open_report(render_html(Report(files=[report])))
    inner = next(i for i, f in enumerate(report.findings, 1) if f.rule == "inner")
    page.locator(f"#a1-f{inner}").focus()
    shown = page.locator("#tip").text_content()
    assert "inner message" in shown and "wide message" in shown and "crossing message" in shown


HOSTILE = (
    "Officials said \"<script>window.pwned = 1</script>\" was typed here.\n"
    "According to <img src=x onerror=\"window.pwned = 2\"> media, it rained.\n"
    "A source said the tag </span></mark></div></section> closes nothing & \"quotes\" stay 'quoted'.\n"
)


class Hostile:
    """A plugin whose rule id and message are markup, to check attributes and messages are escaped too."""

    __name__ = "hostile"

    @auditor.hookimpl
    def auditor_rules(self):
        return [Rule('x"><script>window.pwned=3</script>', "hostile rule id")]

    @auditor.hookimpl
    def auditor_check_article(self, article):
        start = article.text.index("<script>")
        yield Finding('x"><script>window.pwned=3</script>', start, article.text.index("</script>") + 9,
                      "</span><img src=x onerror=\"window.pwned=4\"> ' \" &amp;")


def test_a_hostile_article_renders_as_text(open_report, tmp_path):
    article = tmp_path / "<b>draft\" onload=\"x.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    report = Auditor([Hostile()]).audit_paths([article])
    assert report.findings
    page = open_report(render_html(report))
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("script").count() == 1  # the report's own
    assert page.locator("img, b, span.name b").count() == 0
    assert page.locator("#a1 .text").text_content() == HOSTILE
    assert page.locator("#a1 h2").text_content() == str(article)
    hostile = next(i for i, f in enumerate(report.findings, 1) if f.rule.startswith("x"))
    assert finding_text(page, f"a1-f{hostile}") == "<script>window.pwned = 1</script>"
    message = page.locator(f"#a1-f{hostile}-msg").text_content()
    assert message == "</span><img src=x onerror=\"window.pwned=4\"> ' \" &amp;"
    page.locator(f"#a1-f{hostile}").focus()
    assert message in page.locator("#tip").text_content()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert not page.errors


def test_the_report_loads_nothing(open_report, tmp_path):
    requests = []
    written = tmp_path / "written.html"
    assert run("audit", "--format", "html", "--output", str(written), str(SEED)) == ""
    html = written.read_text(encoding="utf-8")
    page = open_report(html)
    page.on("request", lambda r: requests.append(r.url))
    page.reload()
    assert all(url.startswith("file:") for url in requests)
    assert "http:" not in html and "https:" not in html


def test_screenshot_of_the_seed_example(open_report, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the report names the file as the user typed it
    page = open_report(run("audit", "--format", "html", "examples/seed-style.txt"))
    page.set_viewport_size({"width": 1280, "height": 1100})  # the whole seed article
    page.locator("#a1-f2").focus()
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    if os.environ.get("UPDATE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(shot, ROOT / "docs" / "report.png")
