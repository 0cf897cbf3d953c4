"""Read an article file and the run's parameters, refusing bad input with one clear line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import BadInput
from .webpage import Page, looks_like_html, read_page

MAX_ARTICLE_BYTES = 50 * 1024 * 1024  # 50 MB: far beyond any article, small enough to parse in memory
TEXT_FIX = "pass a UTF-8 text file or a saved web page holding one news article"


@dataclass(frozen=True)
class RawArticle:
    """The article as read from disk: offsets in every extracted row index `text` (for a saved web page,
    the article text taken out of the page, which a report writes to article.txt)."""

    source: str
    text: str
    page: Page | None = None


def read_article(path: str | Path) -> RawArticle:
    """Read and decode an article, or raise BadInput saying what is wrong with the file."""
    path = Path(path)
    if not path.exists():
        raise BadInput("article file not found", "check the path", path=path)
    if path.is_dir():
        raise BadInput("article path is a directory", "pass one article file (for a folder use `corpus`)", path=path)
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise BadInput(f"article file is {size / 1e6:.0f} MB, over the 50 MB limit", TEXT_FIX, path=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"article file cannot be read ({exc.strerror})", "check its permissions", path=path) from exc
    if b"\x00" in data:
        raise BadInput("article file is binary (it contains NUL bytes)", TEXT_FIX, path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"article file is not UTF-8 (byte {exc.start} cannot be decoded)",
            "re-save it as UTF-8, e.g. `iconv -f cp1252 -t utf-8`",
            path=path,
        ) from exc
    if not text.strip():
        raise BadInput("article file is empty", TEXT_FIX, path=path)
    if looks_like_html(text, path.suffix):
        page = read_page(text, source=str(path))
        return RawArticle(source=str(path), text=page.text, page=page)
    return RawArticle(source=str(path), text=text)


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """`--published` as a date; impossible dates such as 2025-02-30 are refused, not rolled over."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise BadInput(f"--published is not a real date: {value!r}", "use YYYY-MM-DD, e.g. 2025-04-08") from exc


def check_timezone(value: str | None) -> str | None:
    """An IANA zone name, checked against the bundled tz database."""
    if value is None or value == "":
        return None
    try:
        ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInput(
            f"unknown timezone: {value!r}", "use an IANA name such as Asia/Tokyo or America/New_York"
        ) from exc
    return str(value)
