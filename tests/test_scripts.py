"""No script loses a whole article: pages in uncased scripts (CJK, Thai, Arabic, Hebrew,
Devanagari) and in scripts no stop-word list covers (Cyrillic) keep their paragraphs.

The pages, in tests/scripts.toml, are invented for these tests; each has a menu, a login
link and a headline above the article and share, related and copyright lines below it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean
from tests.invariants import PROFILES


class Page(NamedTuple):
    above: tuple[str, ...]
    paragraphs: tuple[str, ...]
    below: tuple[str, ...]


PAGES = {
    script: Page(*(tuple(page[part]) for part in Page._fields))
    for script, page in tomllib.loads((Path(__file__).parent / "scripts.toml").read_text(encoding="utf-8")).items()
}


def _page(above, paragraphs, below) -> str:
    return "\n".join([*above, "", *"\n\n".join(paragraphs).split("\n"), "", *below]) + "\n"


@pytest.mark.parametrize("script", sorted(PAGES))
def test_article_survives(script: str):
    page = PAGES[script]
    kept = clean(_page(page.above, page.paragraphs, page.below), profiles=PROFILES).text
    assert [p for p in page.paragraphs if p not in kept] == []
    assert page.above[0] not in kept  # and the page is cleaned: the menu goes


@pytest.mark.parametrize("script", sorted(PAGES))
def test_single_line_article_survives(script: str):
    """The issue's shape: one line of prose, nothing else."""
    line = PAGES[script].paragraphs[0]
    assert clean(line + "\n", profiles=PROFILES).text.strip() == line


@st.composite
def pages(draw):
    page = PAGES[draw(st.sampled_from(sorted(PAGES)))]
    count = draw(st.integers(2, len(page.paragraphs)))
    start = draw(st.integers(0, len(page.paragraphs) - count))
    above = draw(st.lists(st.sampled_from(page.above), max_size=4))
    below = draw(st.lists(st.sampled_from(page.below), max_size=4))
    return above, page.paragraphs[start : start + count], below


@settings(max_examples=150, deadline=None)
@given(pages())
def test_multi_paragraph_article_never_comes_out_empty(parts):
    above, paragraphs, below = parts
    kept = clean(_page(above, paragraphs, below), profiles=PROFILES).text
    assert kept.strip()
    assert any(p in kept for p in paragraphs)


# Headline, byline and date as pages in these scripts print them (a new-user trial's pages
# lost the headline and kept the byline): each comes out as metadata, the body alone as text.
HEADED = {
    "japanese": (
        [
            "ホーム | 地域 | 経済 | 文化",
            "ハーバー・レジャーを購読する",
            "",
            "小樽の港で朝市が再開",
            "文：田中 愛子",
            "2024年6月1日",
            "",
        ],
        "小樽の港で朝市が再開",
        "田中 愛子",
    ),
    "chinese": (
        [
            "首页 | 新闻 | 财经 | 文化",
            "订阅我们的新闻",
            "",
            "杭州西湖景区游客量创新高",
            "记者：王小明 2024年5月3日",
            "",
        ],
        "杭州西湖景区游客量创新高",
        "王小明",
    ),
    "russian": (
        [
            "Главная | Новости | Экономика",
            "Подпишитесь на нашу рассылку",
            "",
            "В Казани открылся новый вокзал",
            "Автор: Иван Петров | 1 июня 2024",
            "",
        ],
        "В Казани открылся новый вокзал",
        "Иван Петров",
    ),
}
BODY = {
    "japanese": [
        "小樽の港で毎週土曜日の朝市が三年ぶりに再開した。地元の漁師や農家が新鮮な魚介類と野菜を販売し、早朝から多くの客でにぎわった。",
        "2024年6月1日、市の担当者によると、初日には約二千人が訪れたという。主催者は今後、観光客向けの案内も用意する予定だ。",
    ],
    "chinese": [
        "今年五一假期期间，杭州西湖景区共接待游客超过三百万人次，比去年同期增长百分之二十。景区周边的酒店和民宿几乎全部客满，许多游客选择在清晨或傍晚前往断桥和苏堤游览。",
        "2024年5月3日，景区管理部门表示，将继续增加公共交通班次，并在主要路口安排志愿者引导游客。管理部门还提醒游客提前预约，错峰出行，并注意保管好随身物品。",
    ],
    "russian": [
        "В субботу в Казани после трёх лет реконструкции открылся речной вокзал. Первые теплоходы ушли рано утром.",
        "По словам представителей города, в первый день вокзал посетили около двух тысяч человек.",
    ],
}


@pytest.mark.parametrize("script", sorted(HEADED))
def test_headline_byline_and_date_are_metadata(script: str):
    above, title, author = HEADED[script]
    page = "\n".join([*above, BODY[script][0], "", BODY[script][1], "", "Share", "© 2024"]) + "\n"
    doc = clean(page, profiles=PROFILES)
    assert (doc.metadata.title, doc.metadata.author) == (title, author)
    assert doc.metadata.date is not None and doc.metadata.date.startswith("2024-0")
    # a paragraph that starts with a date is prose, not a date line
    assert doc.text == "\n\n".join(BODY[script]) + "\n"


# Paragraphs of 20-40 characters, as Japanese and Chinese news often prints them: counted as
# Latin characters they were "short" lines, the page had no body, and its date line and
# reporter's line stayed in the text, author and date null (new-user trials of stops 49, 50)
SHORT_PARAGRAPHS = {
    "japanese": (
        ["駅前に新しい公園が完成", "2024年4月12日", "記者 山本花子"],
        [
            "駅前の再開発地区に新しい公園が完成し、12日に式典が開かれた。",
            "公園には遊具と芝生広場があり、夜は照明もつく。",
        ],
        "山本花子",
    ),
    "chinese": (
        ["市区新公园正式开放", "2024年4月12日", "记者 李华"],
        ["位于火车站附近的新公园于12日正式开放，市民纷纷前来参观。", "公园设有儿童游乐区和草坪广场，晚上还有照明。"],
        "李华",
    ),
}


@pytest.mark.parametrize("script", sorted(SHORT_PARAGRAPHS))
def test_a_page_of_short_paragraphs_gives_its_date_and_reporter(script: str):
    head, paragraphs, author = SHORT_PARAGRAPHS[script]
    doc = clean("\n".join([*head, "", paragraphs[0], "", paragraphs[1]]) + "\n", profiles=PROFILES)
    assert (doc.metadata.title, doc.metadata.author, doc.metadata.date) == (head[0], author, "2024-04-12")
    assert doc.text == "\n\n".join(paragraphs) + "\n"
