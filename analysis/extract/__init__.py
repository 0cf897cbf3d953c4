"""Turn one article into the contract's six sections (see ../shared/CONTRACT.md).

The recipe: read → blank the clutter (offsets stay those of the file) → parse once with spaCy →
actors → quotes → positions → figures → events. Each step is a module of this package.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

from ..ingest import check_timezone, parse_published, read_article
from . import gazetteer as gz
from .actors import Actors, add_governments_of_officials, find_actors
from .clean import Cleaned, clean_article
from .events import find_events
from .nlp import load_nlp
from .numbers import find_figures
from .positions import find_positions
from .quotes import find_quotes, quote_spans
from .timex import find_times

SECTIONS = ("article", "actors", "quotes", "positions", "figures", "events")


def extract_article(path: str | Path, *, published: str | dt.date | None = None, timezone: str | None = None) -> dict:
    """The extraction of one article file as a JSON-ready dict; raises BadInput on unusable input."""
    day = parse_published(published)
    zone = check_timezone(timezone)
    raw = read_article(path)
    if raw.page is None:
        return extract_text(raw.text, source=raw.source, published=day, timezone=zone)
    page = raw.page
    data = extract_text(raw.text, source=raw.source, published=day or page.published, timezone=zone)
    article = data["article"]
    article["title"] = page.title or article["title"]
    article["removed"] = page.removed + article["removed"]
    article.update(url=page.url, author=page.author, site=page.site, language=page.language,
                   published_time=page.published_time, format="html")  # fmt: skip
    article["text"] = raw.text  # what the offsets index: the page's article text, not its markup
    return data


def extract_text(
    text: str, *, source: str = "<text>", published: dt.date | None = None, timezone: str | None = None
) -> dict:
    """The extraction of an article given as a string (offsets index `text`)."""
    cleaned = clean_article(text)
    day = published or cleaned.stated_date
    doc = load_nlp()(cleaned.text)
    hits = gz.find_known(cleaned.text)
    actors = find_actors(doc, hits, home=_home_country(cleaned, text, hits))
    zone = timezone or _default_zone(cleaned, actors)
    quotes = find_quotes(doc, actors)
    positions = find_positions(doc, quotes, actors, cleaned.title, raw=text)
    in_quotes = [(s + 1, e) for s, e in quote_spans(cleaned.text)]
    events, time_spans = find_events(doc, actors, day, zone, skip=in_quotes)
    index_spans = [sp for a in actors.by_id.values() if a.kind == "market_index" for sp in a.spans]
    figures = find_figures(doc, actors, skip=time_spans + index_spans)
    add_governments_of_officials(actors)
    return {
        "article": {
            "source": source,
            "title": cleaned.title,
            "published": day.isoformat() if day else None,
            "timezone": zone,
            "body_chars": _body_chars(cleaned.text),
            "removed": cleaned.removed,
            "dateline": cleaned.dateline_place,
            "format": "text",
        },
        "actors": actors.rows(),
        "quotes": [q.row() for q in quotes],
        "positions": [p.row() for p in positions],
        "figures": [f.row() for f in figures],
        "events": [e.row() for e in events],
    }


def _default_zone(cleaned: Cleaned, actors: Actors) -> str | None:
    """The zone of the place the story is told from: its dateline; else the zone its clock times are written
    in ("4 p.m. ET" in a New York market story); else where its people and places are."""
    if cleaned.dateline_place is None:
        zones = Counter(t.zone for t in find_times(cleaned.text) if t.zone)
        if zones:
            return zones.most_common(1)[0][0]
    return gz.timezone_for(actors.home)


def _home_country(cleaned: Cleaned, raw: str, hits: list[gz.Hit]) -> str | None:
    """Where the story is told from: its dateline (a country, its capital, or a city or province the tables
    know), else a country its outlet is named after ("The Korea Times"), else the country whose zone its clock
    times are written in (the page's stamp "19.05 BST", "11:00am AEST")."""
    place = cleaned.dateline_place
    outlet = _outlet_home(cleaned, raw, hits)
    if place:
        home = (
            gz.country_of_text(place)
            or gz.country_of_text(place.upper())
            or gz.affiliation_country(place)
            or gz.city_country(place.title() if place.isupper() else place)
        )
        if home and outlet and outlet != home:
            # a national paper's correspondent abroad ("WASHINGTON" in the Manila Bulletin, following the
            # president) writes for home, its unqualified "President" its own, when home is as much the story
            qualified = _qualified_posts(cleaned.text, hits)
            return outlet if qualified[home] > qualified[outlet] else home
        if home:
            return home
    if cleaned.masthead and gz.country_of_text(cleaned.masthead):
        return gz.country_of_text(cleaned.masthead)
    if outlet:
        return outlet
    zones = Counter(gz.zone_countries(raw)).most_common(2)
    if zones and (len(zones) == 1 or zones[0][1] > zones[1][1]):
        return zones[0][0]
    return _most_told(cleaned.text, hits)


UNIONS = {"EUU"}  # a bloc has no prime minister or chief adviser of its own to give the unqualified posts
MOST_TOLD = 3  # how often a country must be named to be taken for the readers' own


def _most_told(text: str, hits: list[gz.Hit]) -> str | None:
    """With no dateline, outlet or clock to go by, in a story that qualifies some side's posts: the country named
    most often whose posts it never qualifies ("Chief Adviser Muhammad Yunus" beside "US President Donald Trump"
    in a Dhaka paper)."""
    qualified = _qualified_posts(text, hits)
    named = Counter(h.known.country for h in hits if h.known.kind == "country" and not qualified[h.known.country])
    top = named.most_common(2)
    if any(qualified.values()) and top and top[0][1] >= MOST_TOLD and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0] if top[0][0] not in UNIONS else None
    return None


def _qualified_posts(text: str, hits: list[gz.Hit]) -> Counter[str]:
    """How often each country is named before a post ("US President Donald Trump", "Philippine Ambassador"):
    a writer qualifies the posts of the side that is not their readers'."""
    heads = gz.title_heads()
    out: Counter[str] = Counter()
    for h in hits:
        after = text[h.end : h.end + 40].split()[:3]
        if h.known.kind == "country" and after and after[0][:1].isupper():
            out[h.known.country] += any(w.lower().strip(",.") in heads for w in after)
    return out


TOLD_OUTLET = re.compile(r"\b(?:told|said in an interview with|in an interview with) (?:the )?$")


def _outlet_home(cleaned: Cleaned, raw: str, hits: list[gz.Hit]) -> str | None:
    """The country of the outlet the page names in its header ("The Yomiuri Shimbun", "(Bernama)", "By X |
    Euractiv") or that people talk to ("told Arab News"); international wires and TV networks say nothing."""
    header = raw[:800] + "\n" + "\n".join(cleaned.removed)
    for hit in gz.find_known(header):
        country = gz.outlet_country(header[hit.start : hit.end]) if hit.known.kind == "media" else None
        if country:
            return country
    for hit in hits:  # the body's own names, found once for the whole extraction
        told = TOLD_OUTLET.search(raw[max(0, hit.start - 40) : hit.start])
        named = raw[hit.start : hit.end]
        country = gz.outlet_country(named, ("newspaper", "agency")) if hit.known.kind == "media" else None
        if told and country:
            return country
    return None


def _body_chars(text: str) -> int:
    return sum(len(m.group(0)) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip())
