"""Read an article file and the run's parameters, refusing bad input with one clear line."""

from __future__ import annotations

import datetime as dt
import functools
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import available_timezones

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
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise BadInput("article file not found", "check the path", path=path) from exc
    except OSError as exc:  # a name too long, a loop of links, a folder we may not enter
        raise BadInput(f"article file cannot be opened ({exc.strerror})", "check the path", path=path) from exc
    if stat.S_ISDIR(info.st_mode):
        raise BadInput("article path is a directory", "pass one article file (for a folder use `corpus`)", path=path)
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device would block or never end
        raise BadInput("article path is not a regular file", TEXT_FIX, path=path)
    if info.st_size > MAX_ARTICLE_BYTES:
        raise BadInput(f"article file is {info.st_size / 1e6:.0f} MB, over the 50 MB limit", TEXT_FIX, path=path)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_ARTICLE_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise BadInput(f"article file cannot be read ({exc.strerror})", "check its permissions", path=path) from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise BadInput("article file is over the 50 MB limit", TEXT_FIX, path=path)
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


def parse_published(value: str | dt.date | None, *, name: str = "--published") -> dt.date | None:
    """`--published` as a date, written YYYY-MM-DD; impossible dates such as 2025-02-30 are refused, not rolled
    over, and so are the other ISO spellings (20250408, 2025-W15-2) a reader would not recognise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BadInput(f"{name} is not a real date: {value!r}", "use YYYY-MM-DD, e.g. 2025-04-08") from exc


def check_timezone(value: str | None) -> str | None:
    """An IANA zone name, one of the bundled tz database's (a folder such as "America" or a stray file is not)."""
    if value is None or value == "":
        return None
    if str(value) not in _zones():
        raise BadInput(f"unknown timezone: {value!r}", "use an IANA name such as Asia/Tokyo or America/New_York")
    return str(value)


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())
