"""HTML publication dates: htmldate's answer (the fallback) stands when the page supports it,
and the page's own statements win, by precedence, when nothing on the page names it."""

from __future__ import annotations

import pytest

from claimledger.ingest.html_dates import page_date
from claimledger.ingest.html_stamps import shows

ARTICLE = """<p>The ferry service between the two islands resumes next month after repairs to
the northern pier, the operator said on its website.</p>"""


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Ferry</title>{head}</head>'
        f"<body><article><h1>Ferry service resumes</h1>{body}{ARTICLE}</article></body></html>"
    )


def jsonld(item: str) -> str:
    return f'<script type="application/ld+json">{item}</script>'


NEWS_2024_03_05 = jsonld('{"@type": "NewsArticle", "datePublished": "2024-03-05T09:30:00+01:00"}')


def test_html_dates_declared_publication_beats_a_url_date_a_day_earlier():
    html = page(NEWS_2024_03_05)
    found = page_date(html, "2024-03-04", "https://news.example.com/2024/03/04/ferry-resumes")
    assert found.iso == "2024-03-05"
    assert found.evidence.startswith("jsonld NewsArticle.datePublished 2024-03-05T09:30")
    assert "URL 2024/03/04" in found.evidence and "htmldate 2024-03-04" in found.evidence


def test_html_dates_a_url_date_long_before_the_declared_one_dates_the_original():
    # a site moved to a new system re-stamps its old stories; the address keeps the day
    html = page(jsonld('{"@type": "Article", "datePublished": "2021-06-17T10:00:00+02:00"}'))
    found = page_date(html, "2016-07-12", "https://blog.example.org/home/2016/7/12/ferries")
    assert found.iso == "2016-07-12"
    assert found.evidence.startswith("URL 2016-07-12")
    assert "2021-06-17" in found.evidence


def test_html_dates_htmldate_stands_when_the_page_shows_its_day():
    # the page shows the reader its update day only; htmldate took it, and so do readers
    html = page(NEWS_2024_03_05, "<p class='byline'>By Jane Roe, 8 March 2024</p>")
    assert page_date(html, "2024-03-08").iso == "2024-03-08"


def test_html_dates_a_hidden_modification_date_gives_way_to_the_first_time_element():
    head = '<meta property="og:updated_time" content="2024-06-02T11:57:06+02:00">'
    body = '<div class="meta"><time class="created">31.03.2024</time></div>'
    found = page_date(page(head, body), "2024-06-02")
    assert found.iso == "2024-03-31"
    assert "updated: meta og:updated_time" in found.evidence


def test_html_dates_a_labelled_line_beats_a_date_from_reader_comments():
    body = (
        "<p>Veröffentlicht am 16.08.2023 · Dauer: 64 Minuten</p>"
        "<div class='comment-list'><p>Anna sagt: 24. August 2023 um 03:36 Uhr</p></div>"
    )
    found = page_date(page(body=body, lang="de"), "2023-08-24")
    assert found.iso == "2023-08-16"
    assert found.evidence.startswith("label Veröffentlicht am 16.08.2023")


def test_html_dates_an_updated_label_never_dates_the_publication():
    body = "<p>Aktualisiert am 20.08.2023</p>"
    assert page_date(page(body=body, lang="de"), None).iso is None


def test_html_dates_a_utc_moment_takes_the_day_the_page_states_with_its_offset():
    head = jsonld('{"@type": "NewsArticle", "datePublished": "2023-11-09T02:11:03+00:00"}')
    body = (
        '<time itemprop="datePublished" datetime="2023-11-08T21:11:03-05:00">'
        "November 8, 2023</time>"
    )
    found = page_date(page(head, body), "2023-11-09")
    assert found.iso == "2023-11-08"
    assert found.evidence.startswith("itemprop datePublished 2023-11-08T21:11:03-05:00")


def test_html_dates_a_late_utc_moment_takes_the_next_day_the_page_shows():
    head = jsonld('{"@type": "NewsArticle", "datePublished": "2020-12-05T23:15:00Z"}')
    body = '<span itemprop="datePublished">06 dicembre 2020</span>'
    assert page_date(page(head, body, lang="it"), "2020-12-05").iso == "2020-12-06"


def test_html_dates_a_morning_utc_moment_is_not_moved_to_the_next_day():
    head = jsonld('{"@type": "NewsArticle", "datePublished": "2020-12-05T06:15:00Z"}')
    body = '<span itemprop="datePublished">6 December 2020</span>'
    assert page_date(page(head, body), "2020-12-05").iso == "2020-12-05"


def test_html_dates_a_written_json_ld_date_is_read():
    head = jsonld('{"@type": "Article", "datePublished": "Wed, Apr 17 2024 08:02:11 EDT"}')
    assert page_date(page(head), "2023-01-09").iso == "2024-04-17"


def test_html_dates_nested_items_and_other_types_are_not_the_page():
    head = jsonld(
        '{"@type": "LiveBlogPosting", "liveBlogUpdate": [{"@type": "BlogPosting",'
        ' "datePublished": "2024-03-09T10:00:00Z"}],'
        ' "image": {"@type": "ImageObject", "datePublished": "2019-01-01"}}'
    )
    assert page_date(page(head), "2024-03-07").iso == "2024-03-07"


def test_html_dates_graph_members_and_itemprop_order():
    head = jsonld(
        '{"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "X"},'
        ' {"@type": "WebPage", "datePublished": "2024-02-01T08:00:00+01:00"}]}'
    )
    body = '<span itemprop="datePublished" content="2024-02-03"></span>'
    found = page_date(page(head, body), "2024-01-20")
    assert found.iso == "2024-02-01"
    assert "itemprop datePublished 2024-02-03" in found.evidence


def test_html_dates_an_itemprop_publication_beats_a_generic_date_meta():
    head = '<meta name="date" content="2022-01-21T15:38:44+01:00">'
    body = '<time itemprop="datePublished" datetime="2022-01-27">27.01.2022</time>'
    assert page_date(page(head, body), "2022-01-21").iso == "2022-01-27"


def test_html_dates_no_statement_keeps_htmldate_and_no_date_is_none():
    assert page_date(page(), "2024-05-01").evidence == "htmldate 2024-05-01"
    assert page_date(page(), None).iso is None
    assert page_date("", "2024-05-01").iso == "2024-05-01"


def test_html_dates_a_declared_encoding_in_the_text_is_read():
    html = "<?xml version='1.0' encoding='utf-8'?>" + page(NEWS_2024_03_05)
    assert page_date(html, "2024-03-01").iso == "2024-03-05"


@pytest.mark.parametrize(
    ("text", "iso", "lang", "expected"),
    [
        ("Posted 05.03.2024 by the desk", "2024-03-05", "de", True),
        ("on 3/5/2024", "2024-03-05", "en", True),
        ("Tuesday, 5 March 2024", "2024-03-05", "en", True),
        ("March 5, 2024 at noon", "2024-03-05", "en", True),
        ("5. März 2024", "2024-03-05", "de", True),
        ("15.03.2024", "2024-03-05", "de", False),
        ("5 March 2023", "2024-03-05", "en", False),
        ("5 apples in 2024", "2024-03-05", "en", False),
    ],
)
def test_html_dates_shows_finds_a_day_written_in_the_text(text, iso, lang, expected):
    assert shows(text, iso, (lang, "en")) is expected


def test_html_dates_evidence_reaches_the_metadata(tmp_path, settings):
    from claimledger.ingest import ingest, inspect
    from claimledger.models import Document

    path = tmp_path / "ferry.html"
    path.write_text(page(NEWS_2024_03_05), encoding="utf-8")
    [doc] = list(ingest([str(path)], settings))
    assert isinstance(doc, Document)
    meta = inspect(doc, settings)
    assert meta.published == "2024-03-05"
    assert meta.published_evidence.startswith("jsonld NewsArticle.datePublished")


def test_html_dates_the_site_headers_today_is_not_the_articles_date():
    header = (
        '<header class="site"><h1>Ferry service resumes</h1><nav><a href="/">Home</a></nav>'
        "<time>Saturday, 9 March 2024</time></header>"
    )
    html = page(NEWS_2024_03_05).replace("<body>", "<body>" + header)
    found = page_date(html, "2024-03-09")
    assert found.iso == "2024-03-05"
    assert "htmldate 2024-03-09" in found.evidence


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("[" * 5000 + "]" * 5000, None),  # nested past Python's recursion limit
        ('{"@type": {"name": "Article"}, "datePublished": "2024-03-05"}', None),  # not a name
        ('{"@type": "Article", "datePublished": "2024-03-05T10:00:00+99:00"}', "2024-03-05"),
        ('{"@type": "Article", "datePublished": "2024-02-30"}', None),  # no such day
        ("{not json", None),
    ],
)
def test_html_dates_odd_json_ld_is_read_or_ignored_never_raised(block, expected):
    # an impossible offset keeps the day, without a moment
    assert page_date(page(jsonld(block)), None).iso == expected
