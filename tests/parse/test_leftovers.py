"""Page leftovers after the body, in any UI language."""

import pytest

from statements.parse.leftovers import is_chrome, strip_trailing_chrome

BODY = [
    "Уважаемые дамы и господа,",
    "В целом я считаю, что переговоры были очень полезными.",
]


@pytest.mark.parametrize(
    ("leftovers", "lang"),
    [
        # The seed's Chinese UI block.
        (["补充资料", "• 视频", "• 图片", "相册", "1 из 1 照片专辑", "不正确的日期", "高级设置"], "ru"),
        # The Russian site's.
        (
            [
                "Дополнительные материалы",
                "• Видео",
                "• Фото",
                "1 из 1 фотографий в альбоме",
                "Некорректно указаны даты",
                "Расширенный поиск",
                "© Министерство иностранных дел Российской Федерации",
            ],
            "ru",
        ),
        # The English site's.
        (
            [
                "Additional materials",
                "Video",
                "Photos",
                "1 of 1 photos in album",
                "Incorrect dates",
                "Advanced settings",
            ],
            "ru",
        ),
        (["© Министерство иностранных дел Российской Федерации"], "ru"),
    ],
)
def test_leftovers_after_the_last_paragraph_of_prose_go(leftovers, lang):
    assert strip_trailing_chrome(BODY + leftovers, lang) == BODY


@pytest.mark.parametrize(
    ("paragraph", "lang", "chrome"),
    [
        ("В целом я считаю, что переговоры были очень полезными.", "ru", False),
        ("Уважаемые дамы и господа,", "ru", False),
        ("Question: What happened to the warship?", "en", False),
        ("I thank you Mr. President,", "en", False),
        ("1 из 1 фотографий в альбоме", "ru", True),
        ("高级设置", "ru", True),
        ("Share this page", "en", True),
    ],
)
def test_is_chrome(paragraph, lang, chrome):
    assert is_chrome(paragraph, lang) is chrome


def test_a_post_of_one_short_line_keeps_it():
    assert strip_trailing_chrome(["Russian MFA pinned a photo"], "en") == ["Russian MFA pinned a photo"]
