"""Markdown rendering and sanitizing of board posts."""

from __future__ import annotations

import pytest

from exportnet.board.markdown import render_markdown


def test_common_markdown_renders():
    html = str(
        render_markdown(
            "# Title\n\n## Part\n\n**bold** *em* `code`\n\n- a\n- b\n\n1. one\n\n> quote\n\n"
            "```\nx = 1 < 2\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        )
    )
    for fragment in (
        "<h2>Title</h2>",
        "<h2>Part</h2>",
        "<strong>bold</strong>",
        "<em>em</em>",
        "<code>code</code>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        "<pre><code>x = 1 &lt; 2",
        "<table>",
        "<td>1</td>",
    ):
        assert fragment in html, fragment


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.test/x.js></SCRIPT>",
        '<img src=x onerror="alert(1)">',
        "<iframe src=//evil.test></iframe>",
        "<style>body{display:none}</style>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<p onmouseover="alert(1)">x</p>',
        '<svg onload="alert(1)"></svg>',
        "<form action=//evil.test><input></form>",
    ],
)
def test_dangerous_input_is_removed(source):
    html = str(render_markdown(source)).lower()
    for bad in (
        "<script",
        "javascript:",
        "onerror",
        "onload",
        "onmouseover",
        "<iframe",
        "<style",
        "data:text",
        "<svg",
        "<form",
        "<input",
        "alert(1)</script",
    ):
        assert bad not in html, (source, html)


def test_links_get_nofollow_ugc():
    html = str(render_markdown("[a](https://a.test) <https://b.test> [m](mailto:x@y.test)"))
    assert '<a href="https://a.test" rel="nofollow ugc">a</a>' in html
    assert 'href="https://b.test" rel="nofollow ugc"' in html
    assert 'href="mailto:x@y.test" rel="nofollow ugc"' in html


def test_own_rel_and_target_are_replaced():
    html = str(render_markdown('<a href="https://a.test" rel="me" target="_blank">a</a>'))
    assert 'rel="nofollow ugc"' in html and 'rel="me"' not in html and "target" not in html


def test_empty_text():
    assert str(render_markdown("")) == ""
    assert str(render_markdown(None)) == ""
