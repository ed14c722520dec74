"""Markdown and HTML drafts: only the prose is audited, and every position points
into the file as written.  Also --stdin-filename, --exclude and inline suppressions."""

import json

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from auditor.engine import Auditor
from auditor.formats import make_article
from auditor.formats.html import prose_view as html_prose
from auditor.formats.markdown import prose_view as markdown_prose

DRAFTS = "examples/drafts"
MARKDOWN = f"{DRAFTS}/harbour-strike.md"
HTML = f"{DRAFTS}/port-strike.html"


def run(*args, input=None):
    result = CliRunner().invoke(cli, ["audit", "--isolated", *args], input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def findings_of(*args, input=None):
    code, out, err = run(*args, "--format", "json", input=input)
    assert code in (0, 1), err
    return [dict(f, path=file["path"]) for file in json.loads(out)["files"] for f in file["findings"]]


def at_line_col(text, line, column):
    """The text from 1-based ``line``/``column`` on, counted the way an editor does."""
    return text.splitlines(keepends=True)[line - 1][column - 1 :]


# -- Markdown ------------------------------------------------------------------------------
def test_markdown_findings_land_on_the_flagged_characters_of_the_file():
    original = open(MARKDOWN, encoding="utf-8").read()
    found = findings_of(MARKDOWN)
    assert {(f["rule"], f["text"]) for f in found} >= {("unnamed-source", "local media"), ("unnamed-source", "It is understood")}
    for f in found:
        assert original[f["start"] : f["end"]] == f["text"]
        assert at_line_col(original, f["line"], f["column"]).startswith(f["text"].splitlines()[0])
    media = next(f for f in found if f["text"] == "local media")
    assert (media["line"], media["column"]) == (10, 14)  # "according to local media." wraps onto line 10


def test_markdown_front_matter_code_link_targets_and_urls_yield_nothing():
    original = open(MARKDOWN, encoding="utf-8").read()
    lines = original.splitlines()
    front_matter = range(1, lines.index("---", 1) + 2)
    fence = range(lines.index("```text") + 1, lines.index("```", lines.index("```text") + 1) + 2)
    indented = next(i + 1 for i, line in enumerate(lines) if line.startswith("    It is understood"))
    url_line = next(i + 1 for i, line in enumerate(lines) if line.startswith("Reporting notes"))
    found = findings_of(MARKDOWN)
    for f in found:
        assert f["line"] not in front_matter and f["line"] not in fence and f["line"] not in (indented, url_line), f
        assert "https://" not in f["text"].split("](")[0]  # never a finding that starts inside a link target
    # The same phrases, as plain text, are flagged: the Markdown reader is what skips them.
    as_text = Auditor().audit_text("\n".join(lines[22:24]))
    assert {f.rule for f in as_text.findings} >= {"unnamed-source"}


def test_markdown_prose_view_blanks_markup_and_keeps_offsets():
    source = "# Title\n\nSome *emphasis*, `code said`, [link text](http://x.org/a \"t\") and <http://y.org>.\n"
    prose = markdown_prose(source)
    assert len(prose) == len(source)
    assert "Title" in prose and "emphasis" in prose and "link text" in prose
    for hidden in ("*", "`", "code said", "http", "#", "(", "<"):
        assert hidden not in prose, hidden
    assert prose.index("link text") == source.index("link text")


def test_markdown_heading_and_list_items_stay_separate_sentences():
    source = "## Officials say\nThe talks failed\n\n## talks ##\nended\n\n- first item\n- second item\n> quoted line\n"
    article = make_article(source, "x.md", "markdown")
    Auditor(entry_points=False).analyze(article)
    sentences = [s.text for s in article.sentences]
    assert sentences == ["Officials say", "The talks failed", "talks", "ended", "first item", "second item", "quoted line"]


def test_markdown_entities_escapes_and_crlf_keep_exact_positions():
    source = "Intro line.\r\n\r\nAT&amp;T said \\*nothing\\* &ldquo;at all&rdquo;, according to local media.\r\n"
    article = make_article(source, "x.md", "markdown")
    assert len(article.text) == len(source)
    squeezed = article.text.replace(" ", "")
    assert "AT&Tsaid*nothing*“atall”,accordingtolocalmedia." in squeezed
    result = Auditor().check(article)
    media = next(f for f in result.findings if f.text == "local media")
    assert (media.line, media.column) == (3, source.splitlines()[2].index("local media") + 1)


def test_markdown_soft_line_breaks_join_and_a_table_cell_is_prose():
    source = "The report by\nReuters said so.\n\n| who | what |\n|---|---|\n| Officials | said it |\n"
    article = make_article(source, "x.md", "markdown")
    Auditor(entry_points=False).analyze(article)
    assert article.sentences[0].text.split() == ["The", "report", "by", "Reuters", "said", "so."]
    assert "Officials" in article.text and "|" not in article.text and "---" not in article.text


# -- HTML --------------------------------------------------------------------------------------
def test_html_audits_visible_article_text_only_with_exact_positions():
    original = open(HTML, encoding="utf-8").read()
    found = findings_of(HTML)
    assert {(f["rule"], f["text"]) for f in found} >= {("unnamed-source", "local media"), ("unnamed-source", "It is understood")}
    lines = original.splitlines()
    article_lines = range(lines.index("<article>") + 1, lines.index("</article>") + 1)
    for f in found:
        assert original[f["start"] : f["end"]] == f["text"]
        assert at_line_col(original, f["line"], f["column"]).startswith(f["text"].splitlines()[0])
        assert f["line"] in article_lines, f  # not head, title, style, script, nav or footer
        assert "<pre>" not in lines[f["line"] - 1]


def test_html_prose_view_keeps_text_blanks_tags_and_places_entities():
    source = "<p>AT&amp;T said &ldquo;no&rdquo;.</p><script>x = 'said'</script><h2>Next</h2><p>Body</p>"
    prose = html_prose(source)
    assert len(prose) == len(source)
    assert [block for block in prose.replace(" ", "").split("\n") if block] == ["AT&Tsaid“no”.", "Next", "Body"]
    assert "x =" not in prose and "<" not in prose
    assert prose.index("said") == source.index("said")


def test_html_line_breaks_inside_a_paragraph_do_not_split_sentences():
    source = "<p>The report by\r\n   Reuters said so.</p>\n<p>Second.</p>"
    article = make_article(source, "x.html", "html")
    Auditor(entry_points=False).analyze(article)
    assert [s.text.split() for s in article.sentences] == [["The", "report", "by", "Reuters", "said", "so."], ["Second."]]


# -- input options ----------------------------------------------------------------------------
def test_stdin_filename_sets_the_format_and_the_reported_path():
    draft = "```\nIt is understood that this is code.\n```\n\nIt is understood that talks failed.\n"
    found = findings_of("-", "--stdin-filename", "drafts/today.md", input=draft)
    assert {f["path"] for f in found} == {"drafts/today.md"}
    assert {f["line"] for f in found} == {5}
    as_text = findings_of("-", input=draft)
    assert {f["line"] for f in as_text} == {2, 5}


def test_folders_are_walked_for_every_format_and_exclude_skips_globs(tmp_path):
    (tmp_path / "a.md").write_text("It is understood that talks failed.\n")
    (tmp_path / "b.html").write_text("<p>It is understood that talks failed.</p>\n")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "c.txt").write_text("It is understood that talks failed.\n")
    (tmp_path / "d.json").write_text("{}")
    code, out, _ = run(str(tmp_path), "--format", "json")
    audited = sorted(p["path"].replace(str(tmp_path), "") for p in json.loads(out)["files"])
    assert audited == ["/a.md", "/archive/c.txt", "/b.html"]
    code, out, _ = run(str(tmp_path), "--format", "json", "--exclude", "archive", "--exclude", "*.html")
    assert [p["path"].replace(str(tmp_path), "") for p in json.loads(out)["files"]] == ["/a.md"]


# -- suppression -------------------------------------------------------------------------------
def test_markdown_and_html_suppression_silences_the_next_paragraph_only():
    for path in (MARKDOWN, HTML):
        original = open(path, encoding="utf-8").read()
        found = findings_of(path)
        comment_line = next(i for i, line in enumerate(original.splitlines(), 1) if "auditor: ignore" in line)
        silenced = [f for f in found if f["rule"] == "unnamed-source" and comment_line < f["line"] <= comment_line + 2]
        assert silenced == [], silenced
        assert any(f["rule"] == "paraphrased-quote" and f["line"] == comment_line + 1 for f in found)
    code, out, err = run(DRAFTS, "--select", "unnamed-source", "--isolated", "--format", "json")
    assert code == 1


def test_plain_text_line_comment_suppresses_and_is_not_audited(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "# auditor: ignore unnamed-source\nIt is understood that talks failed.\n\n"
        "It is understood that nobody won.\n\n"
        "# auditor: ignore named-researcher, unnamed-source\nThe minister said so.\n"
    )
    found = findings_of(str(draft), "--select", "unnamed-source")
    assert [(f["line"], f["text"]) for f in found] == [(4, "It is understood")]
    code, out, _ = run(str(draft), "--select", "unnamed-source", "--report-unused-suppressions", "--format", "json")
    unused = [f for f in json.loads(out)["files"][0]["findings"] if f["rule"] == "unused-suppression"]
    assert [(f["line"], f["column"], f["text"]) for f in unused] == [
        (6, 1, "# auditor: ignore named-researcher, unnamed-source")
    ]
    assert "named-researcher" in unused[0]["message"] and code == 1


def test_a_bare_ignore_silences_every_rule():
    text = "<!-- auditor: ignore -->\nIt is understood that talks failed.\n\nIt is understood that nobody won.\n"
    result = Auditor().audit_text(text, "x.md", format="markdown")
    assert {f.line for f in result.findings} == {4}
    assert result.unused_suppressions == []


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_prose_view_always_has_the_length_of_the_file(fmt):
    weird = "<p>&#x2014;&unknown; &amp</p>\r\n# x\r\n```\r\ncode\r\n> quote [a](b) ![i](j) `c` <!-- c -->\r\n\r\n---\r\n"
    assert len(make_article(weird, "x", fmt).text) == len(weird)


def test_a_directive_shown_as_an_example_in_code_does_not_suppress():
    text = (
        "Write `<!-- auditor: ignore -->` before a paragraph.\n"
        "It is understood that talks failed.\n\n"
        "```\n<!-- auditor: ignore -->\n```\n"
        "It is understood that nobody won.\n"
    )
    result = Auditor().audit_text(text, "README.md", format="markdown")
    assert [f.line for f in result.findings if f.rule == "unnamed-source"] == [2, 7]
    page = "<pre>&lt;!-- auditor: ignore --&gt;</pre><script>// <!-- auditor: ignore --></script><p>It is understood that talks failed.</p>"
    result = Auditor().audit_text(page, "page.html", format="html")
    assert [f.text for f in result.findings if f.rule == "unnamed-source"] == ["It is understood"]


MARKUP = "abc Said. \n\r\t#*_`[]()<>!&;-=|>~\\\"“”'/:@0 <p></p><!-- -->&amp;&#39;```    - 1."


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_any_text_gives_a_prose_view_aligned_with_the_file(fmt):
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    @hypothesis.settings(max_examples=60, deadline=None)
    @hypothesis.given(st.lists(st.sampled_from(list(MARKUP) + ["<p>", "](", "&ldquo;", "\r\n", "http://x.y "]), max_size=80))
    def check(pieces):
        text = "".join(pieces)
        article = make_article(text, "x", fmt)
        assert len(article.text) == len(text)
        for i, (kept, written) in enumerate(zip(article.text, text)):
            # Each character of the prose view is the file's own, a blank, a block break
            # (U+2029 after a heading),
            # or the character an entity stands for, inside that entity.
            if kept != written and kept not in " \n\u2029":
                assert "&" in text[max(0, i - 10) : i + 1], (text, i, kept)

    check()


def test_raw_html_in_markdown_is_read_as_html():
    source = "Intro.\n\n<figure><img src=x.png><figcaption>It is understood that talks failed.</figcaption></figure>\n\n<script>x = 'It is understood'</script>\n"
    result = Auditor().audit_text(source, "x.md", format="markdown")
    found = [(f.line, f.column, f.text) for f in result.findings if f.rule == "unnamed-source"]
    assert found == [(3, source.splitlines()[2].index("It is") + 1, "It is understood")]


def test_plain_text_directive_with_windows_line_ends():
    text = "# auditor: ignore unnamed-source\r\nIt is understood that talks failed.\r\n\r\nIt is understood that nobody won.\r\n"
    result = Auditor().audit_text(text, "draft.txt")
    assert [f.line for f in result.findings if f.rule == "unnamed-source"] == [4]
    assert "auditor" not in " ".join(s.text for s in result.article.sentences)


# -- unclosed markup ---------------------------------------------------------------------------
def test_an_unclosed_html_comment_or_tag_runs_to_the_end_of_the_page():
    # As in HTML's own tokenizer: what never closes swallows the rest, and nothing before it is lost.
    for opener in ("<!-- draft note", "<a href='x", "<a <b"):
        page = f"<p>Officials said the talks failed.</p>{opener} It is understood that it is over."
        prose = html_prose(page)
        assert prose[: page.index(opener)].split() == ["Officials", "said", "the", "talks", "failed."]
        assert not prose[page.index(opener) :].strip()
    page = "<p>One.</p><!-- auditor: ignore unnamed-source"
    assert make_article(page, "x.html", "html").metadata["comment_ranges"] == [(page.index("<!--"), len(page))]
    # A name after & that is no character reference is text, as a browser shows it.
    assert html_prose("<p>AT&T said &amp so</p>").split() == ["AT&T", "said", "&", "so"]


def test_an_unmatched_bracket_in_markdown_stays_text_and_links_still_work():
    source = "Officials [said ![it [failed](http://x.y) and [more] [ref].\n\n[ref]: http://r.s\n"
    prose = markdown_prose(source)
    assert prose.split() == ["Officials", "[said", "![it", "failed", "and", "[more]", "ref", "."]
    assert prose.index("failed") == source.index("failed") and "http" not in prose


FLOODS = ["<a ", "<!--", "<a href='x", "<?", "</a ", "<![CDATA[", "&amp", "<p>", "[link", "![", "](", "<", "<div>\n<a \n"]


@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize("flood", FLOODS)
def test_floods_of_unclosed_markup_are_read_in_bounded_time(flood, fmt):
    # Each once took from seconds to minutes (a search to the end from every opener); now
    # a 200 KB flood reads in well under a second.  The bound only catches a hang.
    import signal

    def too_slow(signum, frame):
        raise TimeoutError(f"{flood!r} as {fmt} was not read within 20 s")

    text = "Officials said it. " + flood * (200_000 // len(flood))
    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, 20)
    try:
        article = make_article(text, "x", fmt)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert len(article.text) == len(text) and article.text.split()[:3] == ["Officials", "said", "it."]


def test_a_heading_is_not_joined_to_a_lower_case_paragraph_right_under_it():
    for source in ("## Talks collapse\nofficials said the talks failed.\n", "Talks\r\n===\r\nofficials said the talks failed.\r\n"):
        result = Auditor().audit_text(source, "x.md", format="markdown")
        assert [s.text.split()[0] for s in result.article.sentences] == ["Talks", "officials"]
        assert [(f.line, f.column) for f in result.findings if f.rule == "unnamed-source"][0] == (source.count("\n"), 1)
