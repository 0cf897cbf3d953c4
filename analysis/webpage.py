"""Read a saved news web page: the article's text, when and where it appeared, and the clutter left out.

The recipe: parse (lxml) → unwrap layout tables → cut the page furniture (navigation, cookie, paywall,
newsletter, share, related, comment and footer blocks) → trafilatura extracts the article from what is
left, and its metadata from the whole page → mend quotes split across paragraphs → check the page holds an
English article. Nothing is fetched: trafilatura only ever sees the parsed tree.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from .errors import BadInput

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MIN_ARTICLE_WORDS = 50  # fewer than any news brief: what a home, error or teaser page leaves behind
NO_ARTICLE = ("no article text found in the page", "save the article page itself, not a home or error page")
RESAVE_FIX = "save the page again once it has fully loaded, or paste the article into a .txt file"

SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "title", "meta"}
BLOCK_TAGS = set(
    "p div section article aside nav header footer main form ul ol li dl dt dd table tr td th "
    "h1 h2 h3 h4 h5 h6 blockquote figure figcaption pre address center".split()
)
BREAK_TAGS = BLOCK_TAGS | {"br", "button", "label", "hr"}
CLUTTER_TAGS = {"nav", "footer", "form"}  # a page's menus, footer and forms are never the article
# Furniture by name: a class, id, role, aria-label or data-* name holding one of these stems. To add a kind
# of clutter, add its stem.
CLUTTER_NAMES = re.compile(
    r"cookie|consent|onetrust|gdpr|paywall|subscri|newsletter|signup|comment|discussion|disqus|share|social|"
    r"related|read-?next|more-on|onward|most-?(read|viewed|popular)|ranking|trending|recommend|promo|advert|"
    r"ad-?slot|sponsor|breadcrumb|nav|menu|masthead|top-bar|site-header|header-wrap|footer|contentinfo|banner|"
    r"submeta|article-tags"
)
NAME_ATTRS = ("class", "id", "role", "aria-label", "data-component", "data-testid")
# A whole line that is certainly furniture: dropped from the extracted text, and a block headed by such a
# line is a link list, notice or comment thread. Kept strict, so that no line of a story matches.
CLUTTER_LINE = re.compile(
    r"advertisement|sponsored( content)?|story continues below( advertisement)?|(\d+ )?comments?( \(\d+\))?|"
    r"comments are (now )?closed( on this (story|article))?\.?|(leave|post|add) a comment|"
    r"share this (story|article)\b.*|share on (facebook|x|twitter|linkedin|whatsapp)|copy link|newsletters?|"
    r"(sign up|subscribe) (for|to) (our|the) .*newsletter.*|already a subscriber\?.*|"
    r"subscribe (now|today|to (read|continue))\b.*|you[’']ve read \d+ of (your )?\d+ free articles.*|"
    r"(related( coverage| stories| articles| topics)?|read more|read next|more (on|from) [\w ]{2,30}|"
    r"most (read|viewed|popular|shared)|trending( now)?|recommended( for you)?|you may also like|"
    r"explore more[\w ]*)( ?:.*)?|(©|copyright ©?) ?\d{4}\b.*|.{0,80}\ball rights reserved\.?",
    re.IGNORECASE,
)
# A short block, not in the article, that reads like furniture: listed in `removed`, never cut from the text.
CLUTTER_TEXT = re.compile(
    r"\bcookies?\b.*\b(accept|consent|polic|settings|preferences|use|manage|reject)|\b(accept|reject)\b.*\bcookies\b|"
    r"\bsubscri(be|ber|ption)\b|\bfree articles?\b|\bunlimited access\b|\bpaywall\b|\bnewsletters?\b|"
    r"\bsign ?up\b|\b(sign|log) ?in\b|\bin your inbox\b|^comments?\b|\bcomments (are|is) (now )?(closed|open)\b|"
    r"\bjoin the (conversation|discussion)\b|^(share|copy link|print|email)\b|^(related|read more|most read)\b|"
    r"^(advertisement|sponsored( content)?|ad)$|^(skip to|menu$|search$)|©|\bcopyright\b|\ball rights reserved\b|"
    r"\bprivacy (policy|notice)\b|\bterms (of use|of service|(&|and) conditions)\b",
    re.IGNORECASE,
)
# A byline or date stamp above the story: "By Ruth Ann Kessler, staff", "Posted April 16, 2025".
STAMP = re.compile(r"(?i:by|von|par|por)\s+[A-Z]|(?i:published|posted|updated|first published|last updated)\b")
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report"}
DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date")  # fmt: skip
LANGUAGES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
             "nl": "Dutch", "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ru": "Russian", "ar": "Arabic"}  # fmt: skip
_STOP = {
    "en": "the and of to that is was for with on are be by this have from has had but not said would will its",
    "de": "der die das und ist nicht mit sich auf dem den des von zu ein eine für wird werden auch im bei nach",
    "fr": "le la les et est une des du pour qui dans pas sur avec au ce aux sont été il elle",
    "es": "el los las y es una del para por con se al lo como más pero sus fue",
    "it": "il gli della che è per non sono anche alla nel dei",
    "pt": "os e é um uma do da dos das com não em foi ao mais",
    "nl": "het een van dat niet met op voor zijn wordt ook bij als er",
}
_SHARED = {w for w, n in Counter(w for s in _STOP.values() for w in set(s.split())).items() if n > 1}
STOP_WORDS = {lang: set(s.split()) - _SHARED for lang, s in _STOP.items()}  # each word points to one language
SCRIPTS = {"ja": r"[\u3040-\u30ff]", "ko": r"[\uac00-\ud7af]", "zh": r"[\u4e00-\u9fff]", "ru": r"[\u0400-\u04ff]",
           "ar": r"[\u0600-\u06ff]"}  # fmt: skip


@dataclass(frozen=True)
class Page:
    """A saved article page. `text` is what the extractor reads, so every span indexes it."""

    text: str  # the story's paragraphs, one a line; no headline, byline or furniture
    title: str | None
    published: dt.date | None  # as the page states it (local date of publication)
    published_time: str | None  # ISO 8601 with the page's offset, when the page gives a time
    author: str | None
    site: str | None
    url: str | None  # canonical
    language: str | None  # ISO 639-1
    removed: list[str]  # each block of furniture left out, in page order, once


def looks_like_html(data: str, suffix: str) -> bool:
    """True for `.html`/`.htm` files, and for markup saved under any other name (a `.txt` that is a page)."""
    if suffix.lower() in HTML_SUFFIXES:
        return True
    head = data[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or (head.startswith("<?xml") and "<html" in head):
        return True
    return len(re.findall(r"</?(html|head|body|meta|title|div|p|span|a|br|ul|li|script|h[1-6])\b[^>]*>", head)) >= 8


def read_page(html: str, *, source: str) -> Page:
    """The article on a saved page, with its metadata; BadInput when the page holds no English article."""
    tree = _parse(html, source)
    work = copy.deepcopy(tree)
    body = _unwrap_layout_tables(work.find("body") if work.find("body") is not None else work)
    cut = _cut_furniture(body)
    doc = trafilatura.bare_extraction(
        work, favor_precision=True, include_comments=False, include_tables=True, include_images=False,
        include_links=False, include_formatting=False, deduplicate=False, with_metadata=False,
    )  # fmt: skip
    meta = trafilatura.extract_metadata(copy.deepcopy(tree))
    ld, metas, h1 = _json_ld(tree), _metas(tree), _first_h1(tree)
    title = meta.title or ld.get("headline") or h1
    lines, dropped = _article_lines(doc.text if doc is not None else "", {title, h1, metas.get("og:title")})
    text = "\n".join(lines)
    if (guessed := _guess_language(text)) not in (None, "en"):  # before counting words: CJK has no spaces
        raise _not_english(guessed, source)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        broken = _why_broken(html, tree)
        raise BadInput(broken, RESAVE_FIX, path=source) if broken else BadInput(*NO_ARTICLE, path=source)
    if (language := guessed or _declared_language(tree, metas, ld)) not in (None, "en"):
        raise _not_english(language, source)
    published, published_time = _published(tree, metas, ld, meta.date)
    return Page(
        text=text,
        title=title,
        published=published,
        published_time=published_time,
        author=_clean_author(ld.get("author") or meta.author),
        site=meta.sitename or ld.get("publisher"),
        url=_canonical(tree, metas) or meta.url,
        language=language,
        removed=list(dict.fromkeys(cut + _leftover_clutter(body, lines, dropped))),
    )


def _not_english(language: str, source: str) -> BadInput:
    name = LANGUAGES.get(language, "a language other than English")
    return BadInput(f"page is in {name} ({language}); Tariff Desk reads English articles",
                    "save the article's English edition", path=source)  # fmt: skip


def _parse(html: str, source: str) -> lxml.html.HtmlElement:
    if not html.strip():
        raise BadInput("page is empty", RESAVE_FIX, path=source)
    try:  # bytes + explicit encoding: a <meta charset> in the saved file cannot re-decode text already decoded
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise BadInput(f"page cannot be parsed as HTML ({exc})", RESAVE_FIX, path=source) from exc


def _lines(el: etree._Element) -> list[str]:
    """The visible lines of an element as a browser breaks them (each block and <br> starts a line)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else None  # comments and processing instructions: tail only
        if tag is not None and tag not in SKIP_TAGS:
            brk = "\n" if tag in BREAK_TAGS else ""
            parts.extend((brk, node.text or ""))
            for child in node:
                walk(child)
            parts.append(brk)
        parts.append((node.tail or "") if node is not el else "")

    walk(el)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _unwrap_layout_tables(body: etree._Element) -> etree._Element:
    """Old sites lay pages out with tables: make those divs, so the story reads as paragraphs, not cells."""
    for table in list(body.iter("table")):
        own = [el for el in table.iter("tbody", "thead", "tr", "td", "th") if next(el.iterancestors("table")) is table]
        if any(el.find(".//p") is not None or len(" ".join(_lines(el)).split()) > 60 for el in own if el.tag == "td"):
            for el in [table, *own]:
                el.tag = "div"
    return body


def _cut_furniture(body: etree._Element) -> list[str]:
    """Remove menus, notices, share bars, link lists and comments from the tree; return each one's text."""
    prose, cut = _prose_words(body), []

    def visit(el: etree._Element) -> None:
        for child in [c for c in el if isinstance(c.tag, str) and c.tag not in SKIP_TAGS]:
            if _is_furniture(child) and _prose_words(child) * 2 <= prose:  # never the block holding the story
                cut.append(" | ".join(_lines(child)))
                child.drop_tree()  # keeps the text that follows it
            else:
                visit(child)

    visit(body)
    return [c for c in cut if c]


def _is_furniture(el: etree._Element) -> bool:
    """Furniture by a heading such as "Most read", by being mostly links, or by tag or name.

    A block named like furniture that holds more than two sentences must also read like it: a story split
    into parts by a badly named wrapper is left for trafilatura to judge.
    """
    lines = _lines(el)
    if el.tag in BLOCK_TAGS and len(lines) >= 2 and CLUTTER_LINE.fullmatch(lines[0]):
        return True
    links, chars = [" ".join(_lines(a)) for a in el.iter("a")], sum(len(line.replace(" ", "")) for line in lines)
    if len(links) >= 3 and chars > 0 and sum(len(a.replace(" ", "")) for a in links) >= 0.5 * chars:
        return True
    names = " ".join(el.get(a, "") for a in NAME_ATTRS).lower()
    if el.tag in CLUTTER_TAGS or (names.strip() and CLUTTER_NAMES.search(names)):
        sentences = sum(len(line.split()) >= 15 for line in lines)
        return sentences <= 2 or any(len(line) <= 300 and CLUTTER_TEXT.search(line) for line in lines)
    return False


def _prose_words(el: etree._Element) -> int:
    """Words in sentence-length lines: a story has many, page furniture few."""
    return sum(n for n in (len(line.split()) for line in _lines(el)) if n >= 15)


def _article_lines(text: str, titles: set[str | None]) -> tuple[list[str], list[str]]:
    """Trafilatura's paragraphs without headline, byline, date stamp and stray furniture; split quotes mended."""
    heads = {" ".join(t.split()).casefold() for t in titles if t}
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    while lines and (lines[0].casefold() in heads or (len(lines[0].split()) <= 12 and STAMP.match(lines[0]))):
        lines.pop(0)
    dropped = [line for line in lines if len(line) <= 160 and CLUTTER_LINE.fullmatch(line)]
    return _mend_split_quotes([line for line in lines if line not in dropped]), dropped


def _mend_split_quotes(lines: list[str]) -> list[str]:
    """Join a paragraph that breaks off inside a quotation to the next one, which finishes it.

    A quote that really runs over paragraphs reopens with a quotation mark (news style), so it is left alone.
    """
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        unclosed = prev.count("“") > prev.count("”") or prev.count('"') % 2 == 1
        broken_off = not re.search(r"[.!?…:]$", prev) or line[:1].islower()
        if unclosed and broken_off and not line.startswith(("“", '"')):
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return out


def _leftover_clutter(body: etree._Element, lines: list[str], dropped: list[str]) -> list[str]:
    """Short blocks still on the page that are not in the article and read like furniture, in page order."""
    text, kept, found = "\n".join(lines), set(lines), []
    for el in body.iter(*BLOCK_TAGS):
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants()):
            continue  # not a leaf block: its lines are visited through its children
        for line in _lines(el):
            in_text = line in kept or (len(line) >= 40 and line in text)
            if line in dropped or (not in_text and len(line) <= 300 and CLUTTER_TEXT.search(line)):
                found.append(line)
    return found + [d for d in dropped if d not in found]


def _why_broken(html: str, tree: lxml.html.HtmlElement) -> str | None:
    """Why a page that yields no article is damaged, if it is: then the fix is to save it again."""
    low = html.lower()
    if low.count("<script") > low.count("</script"):
        return "page markup is broken: a <script> is never closed, so no article text can be read"
    if "</body" not in low and "</html" not in low:
        return "page is cut off (it has no closing </body> or </html>), so no article text can be read"
    written = len(re.findall(r"<p[\s>]", low))
    if written >= 3 and len(tree.findall(".//p")) * 2 < written:
        return "page markup is broken: its paragraphs cannot be parsed"
    return None


def _metas(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Every <meta> by its lower-cased property, name, itemprop or http-equiv; the first one wins."""
    found: dict[str, str] = {}
    for m in tree.iter("meta"):
        for key in filter(None, (m.get(a) for a in ("property", "name", "itemprop", "http-equiv"))):
            if m.get("content", "").strip():
                found.setdefault(key.strip().lower(), m.get("content").strip())
    return found


def _json_ld(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """headline, datePublished, inLanguage, author and publisher of the page's JSON-LD article, as strings."""
    found: dict[str, str] = {}
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type") if isinstance(obj.get("@type"), list) else [obj.get("@type")]
            if not any(isinstance(t, str) and t in ARTICLE_TYPES for t in types):
                continue
            found.update({k: obj[k].strip() for k in ("headline", "datePublished", "inLanguage")
                          if isinstance(obj.get(k), str) and k not in found})  # fmt: skip
            authors = obj.get("author") if isinstance(obj.get("author"), list) else [obj.get("author")]
            names = [a.get("name") if isinstance(a, dict) else a for a in authors]
            if (names := [n for n in names if isinstance(n, str)]) and "author" not in found:
                found["author"] = "; ".join(names)
            if isinstance(pub := obj.get("publisher"), dict) and isinstance(pub.get("name"), str):
                found.setdefault("publisher", pub["name"])
    return found


def _ld_objects(data: object) -> list[dict]:
    if isinstance(data, list):
        return [o for item in data for o in _ld_objects(item)]
    return [data, *_ld_objects(data.get("@graph", []))] if isinstance(data, dict) else []


def _published(tree, metas: dict[str, str], ld: dict[str, str], found: str | None) -> tuple[dt.date | None, str | None]:
    """When the page says it was published: JSON-LD, then meta tags, then <time datetime>, then trafilatura."""
    times = tree.xpath("//time[@datetime]")
    in_story = [t for t in times if any(a.tag in ("article", "main") for a in t.iterancestors())]
    candidates = [ld.get("datePublished"), *(metas.get(name) for name in DATE_METAS)]
    candidates += tree.xpath("//*[@itemprop='datePublished']/@datetime") + [t.get("datetime") for t in in_story + times]
    for value in [*candidates, found]:
        if value and (parsed := _parse_when(value)):
            return parsed
    return None, None


def _parse_when(value: str) -> tuple[dt.date, str | None] | None:
    """An ISO date or date-time; the time is kept (as ISO, with its offset) only when the page gives one."""
    value = value.strip()
    try:
        when = dt.datetime.fromisoformat(value)
        return when.date(), when.isoformat() if re.search(r"\d[T ]\d{1,2}:\d{2}", value) else None
    except ValueError:
        try:
            m = re.match(r"\d{4}-\d{2}-\d{2}(?!\d)", value)
            return (dt.date.fromisoformat(m.group(0)), None) if m else None
        except ValueError:
            return None


def _clean_author(value: str | None) -> str | None:
    """'KENJI MORIMOTO; staff writer' → 'Kenji Morimoto': names only, written as a reader would."""
    names = [n.strip() for n in re.split(r"[;|]", value or "") if n.strip()]
    names = [n for n in names if not re.search(r"\b(staff|writer|correspondent|reporter|editor)\b", n, re.I)]
    return "; ".join(dict.fromkeys(n.title() if n.isupper() else n for n in names)) or None


def _canonical(tree: lxml.html.HtmlElement, metas: dict[str, str]) -> str | None:
    hrefs = [h.strip() for h in tree.xpath("//link[@rel='canonical']/@href") if h.strip()]
    return hrefs[0] if hrefs else metas.get("og:url")


def _first_h1(tree: lxml.html.HtmlElement) -> str | None:
    return next((" ".join(_lines(h)) for h in tree.iter("h1") if _lines(h)), None)


def _declared_language(tree: lxml.html.HtmlElement, metas: dict[str, str], ld: dict[str, str]) -> str | None:
    """The language the page says it is in: <html lang>, content-language, og:locale or JSON-LD."""
    root = tree.getroottree().getroot()
    declared = [root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang"),
                metas.get("content-language"), metas.get("og:locale"), ld.get("inLanguage")]  # fmt: skip
    codes = [m.group(0).lower() for v in declared if v and (m := re.match(r"[a-zA-Z]{2,3}(?![a-zA-Z])", v.strip()))]
    return codes[0] if codes else None


def _guess_language(text: str) -> str | None:
    """The language of the text itself, from its script or its commonest small words; None when unsure."""
    letters = sum(c.isalpha() for c in text) or 1
    counts = {lang: len(re.findall(rx, text)) for lang, rx in SCRIPTS.items()}
    counts["ja"] += counts["zh"] if counts["ja"] else 0  # Japanese is kanji and kana; Chinese has no kana
    for lang, n in counts.items():
        if n > 0.3 * letters:
            return lang
    words = re.findall(r"[^\W\d_]+", text.lower())
    (best, n), (_, runner_up) = Counter({k: sum(w in s for w in words) for k, s in STOP_WORDS.items()}).most_common(2)
    return best if n >= 8 and n >= 2 * runner_up else None
