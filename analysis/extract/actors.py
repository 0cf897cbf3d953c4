"""Who acts in the article: people with titles and countries, governments, organisations, media, indexes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import gazetteer as gz
from .sentences import clause_bounds, sentence_at, sentence_before, text_of

POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
NOT_NAMES = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "god", "congress", "parliament", "cabinet", "senate", "house",
    "plan", "operation", "project", "programme", "program", "initiative", "photo", "credit",  # "Plan México"
}  # fmt: skip
# Lower-case words that may sit inside a title before a name ("EU trade commissioner Maros Sefcovic").
TITLE_MODIFIERS = {
    "trade", "foreign", "finance", "economy", "economic", "commerce", "industry", "chief", "deputy", "vice",
    "top", "senior", "former", "acting", "prime", "press", "defense", "defence", "treasury", "state",
    "cabinet", "interior", "agriculture", "energy", "security", "policy", "general", "executive", "assistant",
    "lead", "special", "national", "federal", "central", "bank", "council", "director", "market", "investment",
    "ranking", "managing", "founding",
}  # fmt: skip
GOVERNMENT_NOUNS = {"government", "administration", "officials", "authorities", "cabinet", "leaders", "side"}
PLACE_PREPOSITIONS = {"in", "to", "at", "from", "into", "near", "visit", "visiting", "outside", "across"}
# A country after these is what a person acts on ("talks with the U.S."); "for Mexico" names a beneficiary,
# often the speaker's own country, so "for" is not here.
OBJECT_PREPOSITIONS = {"with", "to", "against", "on", "from", "toward", "towards", "by", "into", "over"}
SPEAKING = {"say", "tell", "write", "post", "add", "warn", "announce", "tweet", "insist", "argue"}
SPEAKING_EVENTS = {"briefing", "conference", "meeting", "speech", "interview", "summit", "event", "forum", "ceremony"}
GOVERNMENT_HEADS = {"chief", "adviser", "advisor", "director", "head", "staff", "president", "minister", "secretary", "premier", "chancellor", "commissioner", "ambassador",
                    "governor", "representative", "spokesperson", "spokesman", "spokeswoman", "negotiator", "envoy",
                    "official", "lawmaker", "senator", "leader", "king", "queen", "taoiseach", "mayor"}  # fmt: skip
NON_US_HEADS = {
    "minister",
    "premier",
    "chancellor",
    "taoiseach",
}  # the US cabinet has secretaries, not ministers


@dataclass
class Actor:
    """One real-world actor with every mention merged."""

    id: str
    name: str
    kind: str
    title: str | None = None
    country: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    guessed: bool = False  # the country is the story's home by default, not evidence about the person

    def row(self) -> dict:
        spans = sorted(set(self.spans))
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "title": self.title,
            "country": self.country, "mentions": len(spans), "spans": [list(s) for s in spans],
        }  # fmt: skip


class Actors:
    """The article's actors and a lookup from any character span to the actor mentioned there."""

    def __init__(self, home: str | None = None) -> None:
        self.by_id: dict[str, Actor] = {}
        self.home = home  # ISO3 of the country the story is told from (dateline, else most present)
        self._index_key: tuple | None = None  # what _mention_index() was built from
        self.home_given = home is not None  # by the dateline or the outlet, not guessed from the text

    def add(self, actor: Actor) -> Actor:
        base, n = actor.id, 2
        while actor.id in self.by_id:
            actor.id, n = f"{base}-{n}", n + 1
        self.by_id[actor.id] = actor
        return actor

    def at(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> Actor | None:
        """The actor with a mention overlapping [start, end), innermost (shortest) first, earliest actor on ties."""
        starts, mentions, longest = self._mention_index()
        best = None
        for s, e, order, a in mentions[bisect_left(starts, start - longest) : bisect_left(starts, end)]:
            if start < e and (not kinds or a.kind in kinds) and (best is None or (e - s, order) < best[0]):
                best = ((e - s, order), a)
        return best[1] if best else None

    def _mention_index(self) -> tuple[list[int], list[tuple[int, int, int, Actor]], int]:
        """Mentions sorted by start, rebuilt only when a mention was added: lookups stay fast in long articles."""
        key = tuple((id(a.spans), len(a.spans), a.spans[-1] if a.spans else None) for a in self.by_id.values())
        if self._index_key != key:
            mentions = sorted(
                ((s, e, order, a) for order, a in enumerate(self.by_id.values()) for s, e in a.spans),
                key=lambda m: m[:3],
            )
            longest = max((e - s for s, e, _, _ in mentions), default=0)
            self._index_key, self._index = key, ([m[0] for m in mentions], mentions, longest)
        return self._index

    def people(self) -> list[Actor]:
        return [a for a in self.by_id.values() if a.kind == "person"]

    def rows(self) -> list[dict]:
        order = {
            "person": 0,
            "government": 1,
            "country": 2,
            "organization": 3,
            "market_index": 4,
            "media": 5,
            "currency": 6,
        }
        return [a.row() for a in sorted(self.by_id.values(), key=lambda a: (order.get(a.kind, 9), a.spans[:1]))]


def find_actors(doc: Doc, hits: list[gz.Hit], home: str | None = None) -> Actors:
    """All actors of the article; `doc` is parsed from the cleaned text, so offsets match the raw text."""
    text = text_of(doc)
    actors = Actors(home)
    named_indexes = _named_indexes(text)
    hits = [h for h in hits if not _ends_a_company(doc, h) and not _inside_named_index(h, named_indexes)]
    _add_known(actors, doc, hits)
    taken = [(h.start, h.end) for h in hits]
    _add_programmes(actors, text, hits, taken)
    _add_named_indexes(actors, named_indexes, taken)
    for name, forms in _cluster_people(_person_candidates(doc, taken), text).items():
        person = actors.add(Actor(id=gz.slug(name), name=name, kind="person", forms=forms))
        person.spans = _mentions_of(text, forms, taken)
        taken += person.spans
    if actors.home is None:
        actors.home = next(iter(c for c, _ in _where_told(actors, text).most_common()), None)
        provisional = True
    else:
        provisional = False
    _add_titles_and_countries(actors, doc, hits)
    if provisional:
        first = actors.home
        actors.home = next(iter(c for c, _ in _where_told(actors, text).most_common()), None)
        if actors.home != first:
            _add_titles_and_countries(actors, doc, hits)  # the countries that leaned on the first guess
    _add_title_only_mentions(actors, text)
    _add_described_leaders(actors, text)
    _add_organizations(actors, doc, taken)
    _indexes_as_written(actors, text)
    return actors


INDEX_FILLER = {"the", "index", "stock", "stocks", "share", "average", "benchmark", "broader", "tech", "heavy", "pan",
                "european", "blue", "chip", "key", "main"}  # fmt: skip


def _indexes_as_written(actors: Actors, text: str) -> None:
    """An index keeps its provider's name and adds the one the story calls it by when that is another ("QE Index
    (Qatar Index)"), and the letters the story defines for it ("IDX Composite (Jakarta Composite Index, JCI)"), so
    the table reads as the article does."""
    for index in actors.by_id.values():
        if index.kind != "market_index":
            continue
        named = set(re.findall(r"[a-z0-9]+", index.name.lower()))
        # each mention and the letters it gives in brackets: "Tadawul All Share Index (TASI)"
        written = [
            re.sub(r"^[Tt]he ", "", w.strip()) for s, e in sorted(index.spans) for w in re.findall(r"[^()]+", text[s:e])
        ]
        extra: list[str] = []
        for w in written:
            core = set(re.findall(r"[a-z0-9]+", w.lower())) - INDEX_FILLER
            if core and not core <= named and w not in extra:
                extra.append(w)
        if extra:
            index.name = f"{index.name} ({', '.join(extra[:2])})"


def add_governments_of_officials(actors: Actors) -> None:
    """A minister acts for a government: "In Mexico City, Economy Minister Marcelo Ebrard said his government
    would seek an exemption" brings Mexico's government into the story though the text never names Mexico. The
    row has no mentions of its own; added last, once nothing reads mention spans any more."""
    present = {a.country for a in actors.by_id.values() if a.kind in ("country", "government")}
    for person in actors.people():
        if (
            not person.country
            or person.country in present
            or not (title_head(person.title) in NON_US_HEADS or gz.leader_office(person.name))  # ministers, premiers
        ):
            continue
        row = gz.countries().get(person.country)
        if row is not None and person.country.lower() not in actors.by_id:
            actors.add(Actor(id=person.country.lower(), name=row["name"], kind="government", country=person.country))
            present.add(person.country)


def _ends_a_company(doc: Doc, h: gz.Hit) -> bool:
    """ "GM Canada", "Honda Canada": a country name closing a company's name is the name of a subsidiary."""
    if h.known.kind != "country" or h.known.role not in ("name", "alias"):
        return False
    span = doc.char_span(h.start, h.end, alignment_mode="expand")
    if span is None or span[-1].ent_type_ != "ORG" or span.start == 0:
        return False
    before = doc[span.start - 1]
    ends = span.end == len(doc) or doc[span.end].ent_iob_ != "I"
    return (
        ends
        and before.ent_type_ == "ORG"
        and span[0].ent_iob_ == "I"
        and before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.lower_ not in REGION_WORDS
        and gz.country_of_text(before.text) is None
    )


REGION_WORDS = {"greater", "mainland", "northern", "southern", "eastern", "western", "central", "north", "south",
                "east", "west", "new", "upper", "lower", "inner", "outer"}  # fmt: skip


def _add_known(actors: Actors, doc: Doc, hits: list[gz.Hit]) -> None:
    """Countries (or their governments), media and indexes named in the text."""
    text = text_of(doc)
    for h in hits:
        k = h.known
        if k.kind == "country" and k.role == "metonym" and _used_as_place(text, h.start):
            aid = gz.slug(h.text)
            actor = actors.by_id.get(aid) or actors.add(
                Actor(id=aid, name=h.text, kind="place", country=k.country, forms={h.text})
            )
        else:
            actor = actors.by_id.get(k.id) or actors.add(
                Actor(id=k.id, name=k.name, kind=k.kind, country=k.country, forms={k.name})
            )
            if k.kind == "country" and _acts_as_government(doc, h):
                actor.kind = "government"
        actor.spans.append((h.start, h.end))


# A programme named after its outlet: CNBC's "Squawk Box", the BBC's 'Today' programme.
PROGRAMME_AFTER = re.compile(
    r"(?:'s|’s)\s+[“\"‘'](?P<show>[A-Z][\w'’&-]*(?:\s+(?:[A-Z&][\w'’&-]*|of|the|and|in|on)){0,5})[,.!?]?[”\"’']"
)


# A programme someone appears on: 'in an interview on "Mornings with Maria."', 'speaking later on "Varney & Co.,"'.
PROGRAMME_ON = re.compile(
    r"\b(?:interview|appearance|speaking|appearing|spoke|speaks|said)\s+(?:\w+\s+)?on\s+[“\"‘']"
    r"(?P<show>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z&][\w'’&.-]*|of|the|and|with|in|on|for|to|a)){1,5}?)[,.!?]?[”\"’']"
)
NOT_SHOW_START = {"I", "We", "You", "It", "This", "That", "They", "He", "She", "Our", "There", "The"}


# A stock index the tables do not list, named in full: "the Dubai Financial Market General Index", "VN-Index".
NAMED_INDEX = re.compile(
    r"\b(?:(?:[A-Z][\w&/'’-]*|of|and) ){0,6}?[A-Z][\w&/'’-]* (?:General |Composite |All[- ]Share |"
    r"Stock |Share |Benchmark )?Index\b|\b[A-Z][A-Za-z]{1,5}-Index\b"
)
NOT_MARKETS = re.compile(r"\b(?:Price|Managers|Consumer|Producer|Development|Confidence|Sentiment|Pressure|Freedom|"
                         r"Perception|Performance|Competitiveness|Happiness|Peace|Trade Policy|Uncertainty)\b")  # fmt: skip


def _named_indexes(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in NAMED_INDEX.finditer(text):
        name = re.sub(r"^(?:The|A)\s+|^.*['’]s\s+", "", m.group(0))  # "Hong Kong's Hang Seng Index"
        if (len(name.split()) > 1 or "-" in name) and not NOT_MARKETS.search(name):
            out.append((m.end() - len(name), m.end(), name))
    return out


def _inside_named_index(h: gz.Hit, named: list[tuple[int, int, str]]) -> bool:
    """ "FTSE" inside "the FTSE ADX General Index" names another index than the FTSE 100."""
    return h.known.kind == "market_index" and any(
        s <= h.start and h.end <= e and (s < h.start or e - h.end > len(" Index")) for s, e, _ in named
    )  # but "Hang Seng Index" is the Hang Seng


def _add_named_indexes(actors: Actors, named: list[tuple[int, int, str]], taken: list[tuple[int, int]]) -> None:
    """Stock indexes named in full that the bundled table does not know are market indexes, with the country a
    place in their name gives ("Dubai ..." → ARE); each name is one actor."""
    for start, end, name in named:
        if any(a < end and start < b for a, b in taken):
            continue
        first = name.split()[0].split("-")[0]
        country = gz.country_of_text(name) or gz.city_country(first)
        aid = gz.slug(name)
        actor = actors.by_id.get(aid) or actors.add(
            Actor(id=aid, name=name, kind="market_index", country=country, forms={name})
        )
        actor.spans.append((start, end))
        taken.append((start, end))


def _add_programmes(actors: Actors, text: str, hits: list[gz.Hit], taken: list[tuple[int, int]]) -> None:
    """A quoted title after a known outlet's possessive, or the quoted title of a programme someone appeared on,
    is a show, a medium (never a person): every mention of the title, quoted or not, is that show's."""
    found = [m for h in hits if h.known.kind == "media" and (m := PROGRAMME_AFTER.match(text, h.end))]
    found += [m for m in PROGRAMME_ON.finditer(text) if m.group("show").split()[0] not in NOT_SHOW_START]
    for m in found:
        show = m.group("show").rstrip(".")
        aid = gz.slug(show)
        actor = actors.by_id.get(aid) or actors.add(Actor(id=aid, name=show, kind="media", forms={show}))
        actor.spans += [sp for sp in _mentions_of(text, {show}, taken) if sp not in actor.spans]
        taken += actor.spans


def _used_as_place(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].lower() in PLACE_PREPOSITIONS


def _acts_as_government(doc: Doc, hit: gz.Hit) -> bool:
    """A country is a government when its capital stands for it, or it is said to act ("Japan asked ...")."""
    if hit.known.role == "metonym":
        return True
    after = text_of(doc)[hit.end : hit.end + 20].lower().split()
    if after and after[0].strip("’'s") in GOVERNMENT_NOUNS:
        return True
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.pos_ == "VERB"


def _headline_case(tok: Token) -> bool:
    """Is the sentence of `tok` written in title case, as headlines are (most longer words capitalised)?"""
    words = [t for t in tok.sent if t.is_alpha and len(t.text) > 3]
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


AMOUNT_AFTER = re.compile(r"\s+(?:about\s+|nearly\s+|almost\s+)?[\d.,]+\s?(?:%|percent|per cent|points?)")


def _person_candidates(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[str, int, bool]]:
    """Names (text, start, confirmed): spaCy's PERSON entities, unconfirmed, and names a title or a
    pronoun vouches for: after a title, before an appositive title, or a speaker later called "he"."""
    out = [
        (n, i, False)
        for ent in _person_entities(doc)
        if not _listed_with_bodies(ent)
        for n, i in _clean_name(ent, taken)
    ]
    text = text_of(doc)
    for m in SURNAMED.finditer(text):  # "an industry insider surnamed Zhang": a person known by a surname only
        span = doc.char_span(m.start(1), m.end(1))
        out += [(n, i, True) for n, i in (_clean_name(span, taken) if span is not None else [])]
    for tok in doc:
        if (
            tok.pos_ == "PROPN"
            and tok.dep_ == "nsubj"
            and tok.head.lemma_ in SPEAKING
            and not AMOUNT_AFTER.match(text, tok.head.idx + len(tok.head.text))  # "Lukoil added 4.8%": a move
            and _referred_to_as_person(doc, tok)
        ):
            first = min(
                [tok, *(c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN")], key=lambda t: t.i
            )
            out += [(n, i, True) for n, i in _clean_name(doc[first.i : tok.i + 1], taken)]
        if tok.text.lower().rstrip(".") in gz.title_heads() and tok.text[:1].isupper() and not _in_named_body(tok):
            k = tok.i  # the last word of the title
            if k + 2 < len(doc) and doc[k + 1].lower_ in ("of", "for") and doc[k + 2].lower_ in PORTFOLIOS:
                # "Minister of Industry and Trade Nguyen Hong Dien": past the portfolio to the name
                k += 2
                while k + 1 < len(doc) and (
                    doc[k + 1].lower_ in PORTFOLIOS
                    and doc[k + 1].text[:1].isupper()
                    or doc[k + 1].lower_ in ("and", "&")
                ):
                    k += 1
            j = k + 1
            while (
                j < len(doc)
                and j - k <= 3
                and (
                    (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
                    or (  # "General Secretary To Lam": a given name that reads as a preposition
                        j == k + 1
                        and _titlecase(doc[j])
                        and j + 1 < len(doc)
                        and doc[j + 1].pos_ == "PROPN"
                        and _titlecase(doc[j + 1])
                        and doc[j].lower_ not in gz.title_heads()
                    )
                )
            ):
                j += 1
            if j - k >= 2 and not (j - k == 2 and _headline_case(doc[k])):
                # (in a headline every word is capitalised: "Demands Its CEO Quit" names no one)
                out += [(n, i, True) for n, i in _clean_name(doc[k + 1 : j], taken)]
        elif tok.text.lower() in gz.title_heads() and tok.text.islower():
            # "Communist Party chief To Lam": a short capitalised name after a lower-case post, even one whose
            # first word reads as a preposition
            j = tok.i + 1
            while j < len(doc) and j - tok.i <= 3 and _titlecase(doc[j]):
                j += 1
            run = doc[tok.i + 1 : j]
            if (
                len(run) >= 2
                and run[-1].pos_ == "PROPN"
                and not (j < len(doc) and doc[j].text[:1].isupper())
                and not any(t.lower_ in gz.title_heads() or t.lower_ in TITLE_MODIFIERS for t in run)
            ):
                out += [(n, i, True) for n, i in _clean_name(run, taken)]
        if tok.text == "," and tok.i >= 2:
            j = tok.i
            while j > 0 and tok.i - j < 5 and _name_part(doc[j - 1]):
                j -= 1
            while j < tok.i and doc[j].lower_ in NAME_PARTICLES and j > 0 and _name_part(doc[j - 1]):
                j += 1
            if tok.i - j == 1 and j > 0 and doc[j - 1].text == "He" and doc[j].pos_ == "PROPN" and _titlecase(doc[j]):
                j -= 1  # "He Yongqian, a spokesperson for the ministry,": the family name He, not the pronoun
            if (tok.i - j >= 2 or doc[j].lower_ in NAME_PARTICLES) and (
                _title_after(text, tok.idx)[0]
                or _title_before_comma(text, doc[j].idx)[0]
                or re.match(
                    r",\s+who\s+(?!(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?:company|firm|group)\b)",
                    text[tok.idx : tok.idx + 40],
                )
                or _affiliation_after(text, tok.idx)
            ):  # "X, minister of ..., said", "Its president, K M Subramanian, said", "Robb Ewoldt, who farms"
                out += [(n, i, True) for n, i in _clean_name(doc[j : tok.i], taken)]
    return out


def _person_entities(doc: Doc) -> list[Span]:
    """The parser's PERSON entities, with a short abbreviated given name joined to the name it starts ("Ma.
    Cristina Roque", "Md. Abdul Karim"): the parser stops at the full stop."""
    out: list[Span] = []
    for ent in (e for e in doc.ents if e.label_ == "PERSON"):
        prev = out[-1] if out else None
        if (
            prev is not None
            and ent.start - prev.end == 1
            and doc[prev.end].text == "."
            and len(prev) == 1
            and re.fullmatch(r"[A-Z][a-z]{0,3}", prev.text)
        ):
            out[-1] = doc[prev.start : ent.end]
        else:
            out.append(ent)
    return out


SURNAMED = re.compile(
    r"\b(?:surnamed|identified (?:only )?as|who gave (?:only )?(?:his|her) (?:sur)?name as)\s+([A-Z][a-z]+)\b(?![ -][A-Z])"
)


def _in_named_body(tok: Token) -> bool:
    """ "the Executive Yuan": a title word inside a body's name the text introduces with "the" (not the parser's
    "Trade Representative Greer", a post and a name)."""
    if tok.ent_type_ not in ("ORG", "FAC"):
        return False
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1  # the entity's first word (read off the tags: `doc.ents` is rebuilt on each access)
    return tok.doc[start].lower_ == "the" or (start > 0 and tok.doc[start - 1].lower_ == "the")


def _listed_with_bodies(ent: Span) -> bool:
    """ "Alcoa, Rio Tinto and Alouette employ ...": a name coordinated with organisations, and with no full
    name of a person (a lone word tagged PERSON, "Alcoa", is no evidence), is one more organisation."""
    others = [t for t in ent.root.conjuncts if not (ent.start <= t.i < ent.end)]

    def full_name(t: Token) -> bool:
        return t.ent_type_ == "PERSON" and any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in t.children)

    return (
        bool(others)
        and any(t.ent_type_ == "ORG" or gz.known_body(t.text) for t in others)
        and not any(full_name(t) for t in others)
    )


def _korean_given_name(doc: Doc, i: int) -> bool:
    """ "In-hwa", "Nam-hoon" from token i: a capitalised syllable, a hyphen and a lower-case syllable, unspaced."""
    return (
        i + 2 < len(doc)
        and doc[i - 1].whitespace_ != ""
        and _titlecase(doc[i])
        and len(doc[i].text) <= 4
        and doc[i + 1].text in "-‐"
        and not doc[i].whitespace_
        and not doc[i + 1].whitespace_
        and doc[i + 2].text.isalpha()
        and doc[i + 2].text.islower()
        and len(doc[i + 2].text) <= 5
    )


def _titlecase(tok: Token) -> bool:
    return tok.text.isalpha() and tok.text[:1].isupper() and tok.text[1:].islower()


def _name_part(tok: Token) -> bool:
    """A token that can sit inside a name: a capitalised proper noun, a hyphen, or a particle ("von der")."""
    capitalised = tok.text[:1].isupper() and tok.text[1:2].islower() and not tok.is_stop
    initial = bool(re.fullmatch(r"(?:[A-Z]\.?){1,3}", tok.text)) and tok.pos_ == "PROPN"  # "K M Subramanian", "S.C."
    syllable = tok.i >= 2 and tok.text.isalpha() and tok.text.islower() and _korean_given_name(tok.doc, tok.i - 2)
    return (
        ((capitalised or initial) and tok.pos_ in ("PROPN", "NOUN"))
        or tok.text == "-"
        or tok.lower_ in NAME_PARTICLES
        or syllable
        or (_titlecase(tok) and tok.i + 2 < len(tok.doc) and _korean_given_name(tok.doc, tok.i))
    )


def _referred_to_as_person(doc: Doc, tok: Token) -> bool:
    """A lone name that speaks is a person when what follows calls it "he" or "she", not "it"."""
    after = text_of(doc)[tok.idx : tok.idx + 300]
    person = re.search(r"\b(he|she|his|her|him)\b", after, re.I)
    thing = re.search(r"\b(it|its|the company|the firm|the group)\b", after, re.I)
    return bool(person) and (thing is None or person.start() < thing.start())


# Forms of address before a name ("Dr Chua", "Datuk Seri Anwar"); never part of the name itself.
HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "datuk", "dato", "datin",
    "seri", "tan", "sri", "tun", "mx", "monsieur", "madame", "herr", "frau",
    "his", "her", "highness", "excellency", "sheikh", "sheikha", "hon", "honourable", "honorable", "alhaji",
    "hajia", "engr", "barr",
}  # fmt: skip
ROYAL_STYLES = {"tengku", "tunku", "raja"}  # part of a Malay name ("Tengku Zafrul"), never a name alone
FORMS_OF_ADDRESS = HONORIFICS - {"tan"}  # "Tan" alone is also a surname ("Tan Hui Yee")
ADDRESS_ONLY = FORMS_OF_ADDRESS | ROYAL_STYLES  # words that alone name no one
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "la",
    "le",
    "du",
    "da",
    "di",
    "bin",
    "al",
    "el",
    "ibn",
    "dos",
    "del",
}


def _clean_name(span: Span, taken: list[tuple[int, int]]) -> list[tuple[str, int]]:
    doc = span.doc
    end = span.end
    while end > span.start and doc[end - 1].lower_ in NAME_PARTICLES and end < len(doc) and doc[end].text[:1].isupper():
        end += 1  # NER stopped at "Ursula von der": take "Leyen" too
    while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].text.islower():
        j = end
        while j < len(doc) and doc[j].lower_ in NAME_PARTICLES:
            j += 1
        if j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN":
            end = j + 1
        else:
            break
    while end + 1 < len(doc) and doc[end].text in "-‐" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2  # "Han Duck-soo": a hyphenated given name is one word
    if end - span.start == 1 and _korean_given_name(doc, end):
        end += 3  # NER stopped at "Chang" of "Chang In-hwa"
    span = doc[span.start : end]
    toks = [t for t in span if not t.is_space]
    while toks and (
        toks[0].text.lower().rstrip(".") in gz.title_heads()
        or toks[0].lower_ in TITLE_MODIFIERS
        or (len(toks) > 1 and _capitalised_function_word(toks[0]))
    ):
        toks = toks[1:]  # "Without Agoa" at a sentence start: a capitalised preposition is no part of a name
    if (
        span.start >= 2
        and doc[span.start - 1].lower_ in ("of", "for")
        and doc[span.start - 2].lower_ in gz.title_heads()
    ):
        # "Minister of Industry and Trade Nguyen Hong Dien": the portfolio is the title's, not the name's
        while len(toks) > 1 and (toks[0].lower_ in PORTFOLIOS or toks[0].lower_ in ("and", "&", ",")):
            toks = toks[1:]
    stripped = False
    while len(toks) > 1 and toks[0].text[:1].isupper() and toks[0].text.lower().rstrip(".’'") in HONORIFICS:
        word = toks[0].text.lower().rstrip(".’'")
        if (word == "tan" and toks[1].lower_ != "sri") or (word in ("seri", "sri") and not stripped):
            break  # "Tan" alone is a surname ("Tan Hui Yee") and "Sri" a given name; "Tan Sri", "Datuk Seri" address
        toks, stripped = toks[1:], True
    while toks and (toks[-1].text in ("'s", "’s", "'", "’") or toks[-1].is_punct):
        toks = toks[:-1]
    if not toks or all(t.text.lower().rstrip(".’'") in ADDRESS_ONLY for t in toks):
        return []  # "His Highness Sheikh", "Tengku Datuk Seri" name no one
    last = toks[-1]
    if (
        len(toks) > 1
        and last.text.lower().rstrip(".’'") in FORMS_OF_ADDRESS
        and last.i + 1 < len(doc)
        and _titlecase(doc[last.i + 1])
    ):
        return []  # "the Amir Sheikh Tamim": the form of address opens the name after it; "Amir" is the post
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    name = POSSESSIVE.sub("", text_of(span.doc)[start:end]).strip()
    words = name.split()
    if (
        any(s < end and start < e for s, e in taken)
        or not words
        or len([w for w in words if w not in NAME_PARTICLES]) > 4
    ):
        return []
    if any(ch.isdigit() for ch in name) or not (name[0].isupper() or words[0] in NAME_PARTICLES) or "\n" in name:
        return []
    if POLICY_AFTER.match(text_of(doc), end):
        return []  # "the Brasil Soberano plan": a plan or a law named like a person
    if any(w.lower().endswith("-based") for w in words) or re.match(r"-based\b", text_of(doc)[end : end + 7]):
        return []  # "Kwai Chung-based": where a firm is, not who
    if any(s == 0 and e == len(name) for s, e, _ in gz.province_spans(name)):
        return []  # "Tamil Nadu": a state or province, not a person
    if any(t.tag_ == "NNPS" for t in toks) and (
        len(toks) == 1
        or (toks[0].i > 0 and doc[toks[0].i - 1].lower_ == "the")
        or any(t.tag_ == "NNPS" and re.search(rf"\b{re.escape(t.lower_)}\b", text_of(doc)) for t in toks)
    ):
        # "the Conservatives", "Puddlejump Toys" (the text says "toys" too): a group or a firm; "Drew Dilkens"
        return []
    if any(len(w) > 2 and w.isupper() and "." not in w for w in words):
        return []  # shouting ("MILLIONS") or acronyms are not names
    if any(w.lower() in NOT_NAMES or w.lower().rstrip(".") in gz.title_heads() for w in words if w[:1].isupper()):
        return []
    if name.lower() in gz.titles():
        return []  # "Crown Prince": a post, whoever holds it
    if re.search(
        r"\b(St|Ste|Sainte|Saint|San|Santa|Fort|Port|Mount|Lake)\.?\s*$", text_of(doc)[max(0, start - 8) : start]
    ):
        return []  # "Sault Ste. Marie" is a place
    text = text_of(doc)
    if ORG_WORDS.search(name) or gz.known_body(name) or gz.inside_known_body(text, start, end):
        return []  # "Commerce Ministry", "Ibec", "the Legislative Yuan" are bodies, not persons
    if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body) for _, _, body, _ in defined_bodies(text)):
        return []  # "Kisan Morcha" of "the Samyukt Kisan Morcha (SKM)": a body's name, not a person's
    if name in gz.trade_programmes() or any(w in gz.trade_programmes() for w in words) or _defined_acronym(text, name):
        return []  # "Agoa", "USMCA": a programme, an agreement or a law
    if BODY_BEFORE.search(text[max(0, start - 30) : start]):
        return []  # "the national steel chamber Canacero said": a name in apposition to a body is the body's
    if BYLINE_BEFORE.search(text[text.rfind("\n", 0, start) + 1 : start]):
        return []  # "Written by Jane Doe": the writer, not an actor of the story
    if _named_as_place(doc, toks):
        return []  # "In Baie-Comeau, the mayor said", "the town of X"
    if all(CALENDAR.fullmatch(w) for w in words):
        return []  # "Fri Sep" of a dateline
    if re.fullmatch(r"[RDI]-[A-Z][A-Za-z]{1,3}\.?", name):
        return []  # "Sen. Josh Hawley, R-Mo.,": a party and a state
    if len(words) == 1 and re.match(r"\s+of\s+[A-Z]", text[end : end + 6]):
        return []  # "Port of Los Angeles", "Bank of Canada": the first word of a body's name
    if re.search(
        r"\b(?:owner|maker|makers|producer|brewer|distiller|brand)s? of\s+$", text[max(0, start - 20) : start]
    ):
        return []  # "Diageo, the owner of Johnnie Walker": a brand
    if PARTY_PORTFOLIO_AFTER.match(text, end):
        return []  # "Sinn Féin's finance spokesperson": a party names a portfolio's spokesperson, a person does not
    return [(name, start)]


# A party's portfolio holder after its name: "Labour's shadow chancellor", "the NDP's trade critic".
PARTY_PORTFOLIO_AFTER = re.compile(
    r"['’]s\s+(?:shadow\b|(?:[a-z]+\s+){1,3}(?:spokesperson|spokesman|spokeswoman|critic)\b)"
)


POLICY_AFTER = re.compile(
    r"(?:\s+\([^()\n]{1,40}\))?"  # "the Brasil Soberano (Sovereign Brazil) plan"
    r"\s+(?:plan|programme|program|scheme|package|initiative|act|law|bill|fund|framework|accord|project|policy|"
    r"doctrine)\b"
)
# The words ministries' portfolios are named with ("Minister of Industry and Trade", "of Foreign Affairs").
PORTFOLIOS = {
    "industry", "industries", "trade", "commerce", "finance", "economy", "economic", "affairs", "foreign", "home",
    "agriculture", "energy", "planning", "investment", "development", "labour", "labor", "health", "defence",
    "defense", "justice", "interior", "transport", "environment", "fisheries", "mines", "resources", "treasury",
    "budget", "enterprise", "innovation", "science", "technology", "communications", "education", "tourism",
    "culture", "infrastructure", "housing", "public", "works", "rural", "cooperation", "international",
    "relations", "external", "national", "business", "employment", "customs", "revenue", "digital", "food",
    "forestry", "petroleum", "mining", "manufacturing", "security", "state", "natural", "mineral", "minerals",
}  # fmt: skip
# A lower-case noun for a body right before a name: the name is that body's ("the farm lobby Agrifood said").
BODY_BEFORE = re.compile(
    r"\b(?-i:chamber|association|federation|confederation|council|union|institute|lobby|group|agency|committee|"
    r"coalition|alliance|organi[sz]ation|society|league|ministry|party|think tank|consultancy|broadcaster|"
    r"newspaper|channel|programme|program|show)\s+$"
)
BYLINE_BEFORE = re.compile(r"^\s*(?:(?:written|reported|edited|compiled|words|text)\s+)?by:?\s*$", re.I)
PLACE_NOUNS = {"town", "city", "village", "port", "region", "province", "state", "county", "district", "municipality"}


def _defined_acronym(text: str, name: str) -> bool:
    """A lone word the text defines as the acronym of a longer name: "the African Growth and Opportunity Act
    (Agoa)", "Federation of Indian Export Organisations (FIEO)"."""
    if " " in name or len(name) < 2:
        return False
    for m in re.finditer(rf"\(\s*{re.escape(name)}\s*\)", text):
        words = re.findall(r"[A-Za-z][\w'’]*", text[max(0, m.start() - 120) : m.start()])
        initials = [w[0].upper() for w in words if w[0].isupper()]
        acronym = name.upper()
        if len(initials) >= len(acronym) >= 2 and "".join(initials[-len(acronym) :]) == acronym:
            return True
    return False


ACRONYM_AFTER = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")
NAME_LINKS = {"of", "for", "and", "the", "de", "du", "des", "on", "in", "&", "to"}


@lru_cache(maxsize=8)
def defined_bodies(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, name, acronym) of each name the text spells out before its acronym: "the Samyukt Kisan
    Morcha (SKM)", "Federation of Indian Export Organisations (FIEO)". People are not introduced that way."""
    out = []
    for m in ACRONYM_AFTER.finditer(text):
        letters = [c for c in m.group(1) if c.isupper()]
        if len(letters) < 2:
            continue
        base = max(0, m.start() - 160)
        words = list(re.finditer(r"[\w’'&.-]+", text[base : m.start()]))
        need, start = letters[::-1], None
        for w in reversed(words):
            word = w.group()
            if word in NAME_LINKS and start is not None:
                continue
            if not word[:1].isupper() or word[0] != need[0]:
                break
            need, start = need[1:], base + w.start()
            if not need:
                break
        if not need and start is not None:
            end = base + words[-1].end()
            out.append((start, end, text[start:end], m.group(1)))
    return tuple(out)


def _capitalised_function_word(tok: Token) -> bool:
    """ "Without" opening a sentence or a quotation; not "To" of "Communist Party chief To Lam"."""
    opens = tok.i == 0 or tok.is_sent_start or tok.doc[tok.i - 1].is_punct or tok.doc[tok.i - 1].is_space
    return opens and tok.is_stop and tok.pos_ in ("ADP", "SCONJ", "DET", "CCONJ", "ADV")


def _named_as_place(doc: Doc, toks: list[Token]) -> bool:
    """A name set where places go: right after "in" or "near" (not "in Trump's view"), or after "the town of"."""
    first, last = toks[0], toks[-1]
    if last.i + 1 < len(doc) and doc[last.i + 1].text in ("'s", "’s", "'", "’"):
        return False
    if first.i >= 1 and doc[first.i - 1].lower_ in ("in", "near") and doc[first.i - 1].dep_ == "prep":
        return True
    if last.i + 3 < len(doc) and doc[last.i + 1].text == "," and doc[last.i + 3].text not in ("'s", "’s"):
        region = doc[last.i + 2].text  # "Nusa Dua, Bali": a place, then the region it is in
        if (
            region[:1].isupper()
            and doc[last.i + 2].pos_ == "PROPN"
            and (
                gz.country_of_text(region)
                or gz.city_country(region)
                or (gz.affiliation_country(region) and not gz.known_body(region))  # a province, not "PIIE"
            )
        ):
            return True
    return first.i >= 2 and doc[first.i - 1].lower_ == "of" and doc[first.i - 2].lower_ in PLACE_NOUNS


CALENDAR = re.compile(
    r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|June|July|August|September|"
    r"October|November|December"
)


NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}


def _without_suffix(words: list[str]) -> list[str]:
    """ "Ferdinand R. Marcos Jr." is "Marcos" on second mention: a generational suffix is no surname."""
    return words[:-1] if len(words) > 1 and words[-1] in NAME_SUFFIXES else words


def _cluster_people(cands: list[tuple[str, int, bool]], text: str) -> dict[str, set[str]]:
    """Full name → surface forms; a lone surname joins the full name that ends (or starts) with it.
    A name nothing vouches for is dropped when it is a lone word or reads as a company ("shares of X")."""
    full: dict[str, set[str]] = {}
    vouched: dict[str, bool] = {}
    for name, start, confirmed in sorted(cands, key=lambda c: (-len(c[0].split()), c[1])):
        words = _without_suffix(name.split())
        owner = next(
            (
                f
                for f in full
                if words[-1] == _without_suffix(f.split())[-1]
                or (len(words) == 1 and words[0] in [w.rstrip(".") for w in f.split()])  # "Ma" of "Ma. Cristina"
                or (len(words) > 1 and f.split()[: len(words)] == words)  # "Tengku Zafrul" of "Tengku Zafrul Aziz"
            ),
            None,
        )
        if owner is None:
            owner = name
            full[name] = {name}
            vouched[name] = False
        full[owner].add(name)
        solid = (
            confirmed
            or (len(words) > 1 and not _company_context(text, start, start + len(name)))
            or bool(re.match(r"[A-Z]\.\s+[A-Z][a-z]+\s+[A-Z][a-z]+$", name))  # "exporter R. Senthil Kumar": an initial
        )
        vouched[owner] = vouched[owner] or solid
    for name, forms in full.items():
        words = _without_suffix(name.split())
        if len(words) > 1:
            forms.add(words[-1])
            if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]{0,3}-[a-z]{1,5}", words[1]):
                forms.add(words[0])  # "Chang In-hwa" is "Chang" on second mention: the family name comes first
            kin = [n for n in full if n != name and n.split()[0] == words[0]]  # "He Lifeng" and "He Yadong"
            if (
                len(words) in (2, 3)
                and words[0] in gz.chinese_surnames() - {"He"}  # the pronoun: see _family_name_he
                and all(w.isalpha() for w in words[1:])
                and not kin
            ):
                forms.add(words[0])  # "Wang Wentao" is "Wang": a Chinese name in Chinese order
            if len(words) == 3 and re.fullmatch(r"[A-Z][a-z]{0,4}-[a-z]{1,5}", words[2]):
                forms.add(words[1])  # "Cheryl Kwok Hoi-ling" is "Kwok": an English name before the family name
            first_particle = next((i for i, w in enumerate(words) if i and w.lower() in NAME_PARTICLES), None)
            if first_particle is not None:  # "von der Leyen", and "Von der Leyen" at a sentence start
                tail = " ".join(words[first_particle:])
                forms |= {tail, tail[:1].upper() + tail[1:]}
    return {n: f for n, f in full.items() if vouched[n]}


COMPANY_BEFORE = re.compile(
    r"\b(?i:shares|stocks?|makers?|company|companies|firms?|group|brands?|carmakers?|automakers?|retailers?|lenders?|"
    r"banks?|insurers?|giants?|chipmakers?|producers?|exporters?|brewers?|distillers?|manufacturers?|conglomerates?|[\w.]+-based)"
    r"\b(?:\s+(?:in|of|such as|like|including|[A-Z][\w.&'’-]*|and|,))*\s*$"
)
COMPANY_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(shares|stock|Inc\b|Corp\b|Ltd\b|Co\b|Group\b|Holdings\b|AG\b|SA\b|plc\b|"
    r"(?:distillery|brewery|winery|vineyards?|mills?|plant|factory|refinery|smelter|shipyard|brand|label|chain)\b|"
    # "Delta Galil, which makes underwear": "which" is for things; "Lukoil added 4.8%": a share price moves
    r",\s+which\b|"
    r"(?:rose|fell|added|gained|jumped|dropped|slipped|climbed|tumbled|surged|lost|shed|declined|sank|soared|plunged|"
    r"advanced|retreated|slumped|rallied|edged (?:up|down|higher|lower))\s+(?:about\s+|nearly\s+|almost\s+)?"
    r"[\d.]+\s?(?:%|percent|per cent))"
)  # "the family-owned Glen Torran distillery": a firm named like a person


def _company_context(text: str, start: int, end: int) -> bool:
    return bool(COMPANY_BEFORE.search(text[max(0, start - 60) : start]) or COMPANY_AFTER.search(text[end : end + 40]))


def _mentions_of(text: str, forms: set[str], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            s, e = m.span()
            if not any(a < e and s < b for a, b in spans + taken):
                spans.append((s, e))
    return sorted(spans)


def _add_titles_and_countries(actors: Actors, doc: Doc, hits: list[gz.Hit]) -> None:
    """Each person's title (the longest the article gives) and country, from the strongest evidence:
    a country written with the title, the table of leaders, the table of titles, then the sentences."""
    text = text_of(doc)
    main = _main_countries(actors)
    owners: dict[str, str] = {}
    from .quotes import quote_spans  # here: quotes builds on actors

    # A country inside someone's quoted words ("Every week without China ...") says nothing of who they are.
    quoted = quote_spans(text)
    spoken = [h for h in hits if not any(a < h.start < b for a, b in quoted)]
    named = {s for p in actors.people() for s, _ in p.spans}  # where each person's name starts
    for person in actors.people():
        person.guessed = False
        titles: list[tuple[str, str | None, int]] = []  # (title, country named with it, priority)
        votes: Counter[str] = Counter()
        for s, e in person.spans:
            for (t, c), rank in (
                (_title_before(doc, s), 2),
                (_title_after(text, e), 3),
                (_title_before_comma(text, s), 3),
            ):
                if t:
                    titles.append((t, c, rank))
            for iso3, w in _sentence_countries(doc, spoken, s, e, named).items():
                votes[iso3] += w
        if titles:
            title, _, _ = max(titles, key=lambda x: (x[2] if len(x[0].split()) > 1 else 1, len(x[0])))
            person.title = title
        explicit = next((c for _, c, _ in titles if c and len(c) == 3), None)
        owner = next((c[1:] for _, c, _ in titles if c and c.startswith("@")), None)
        if person.title is None and gz.leader_office(person.name):
            # A leader the text names without a post ("Ramaphosa said"): the post the leaders table gives.
            person.title = re.split(r"\s+(?:of|and)\s+|\s*\(", gz.leader_office(person.name))[0]
        person.country = (
            explicit
            or _leading_demonym(doc, hits, person)
            or gz.leader_country(person.name)
            or _affiliation(person.title, titles)
            or next((c for s, e in person.spans if (c := _affiliation_after(text, e))), None)
        )
        by_table = (
            gz.titles().get(person.title.lower().replace("-", " ")) if person.title else None
        ) or _title_country(titles)
        shared = {title_head(person.title)} | {title_head(t) for t, _, _ in titles if gz.titles().get(t.lower())}
        if by_table == "USA" and title_head(person.title) in NON_US_HEADS:
            by_table = None  # "Trade Minister ... Senator Farrell": the US cabinet has no ministers
        if by_table and shared & SHARED_TITLES and actors.home_given and actors.home != by_table:
            by_table = by_table if votes.get(by_table, 0) > 0 else None  # Manila's senators are not the US Senate
        if by_table and votes.get(by_table, 0) < 0:
            by_table = None  # India's "Commerce Secretary" in talks "with Washington" is not the US one
        if by_table:
            own = _own_phrase_country(doc, hits, person, named)
            if own and own != by_table and votes.get(by_table, 0) <= 0:
                by_table = own  # "Vice Premier X, who leads Taipei's team": the country in the person's own phrase
        person.country = (
            person.country or by_table or _anaphoric_institution(doc, person) or _named_body(actors, person)
        )
        if person.country is None and owner:
            owners[person.id] = owner
            continue
        if person.country is None:
            # one passing "calls on Ottawa" is not a veto, and the home country needs two
            against = {c for c, w in votes.items() if w < (-0.9 if c == actors.home else -0.4)}
            votes = Counter({c: w for c, w in votes.items() if w > 0})
            government = title_head(person.title) in GOVERNMENT_HEADS | {None}
            if title_head(person.title) in NON_US_HEADS:
                against.add("USA")
                votes.pop("USA", None)
            evidence = bool(votes)
            if actors.home and actors.home not in against:
                votes[actors.home] += (0.5 if government else 0.3) * (
                    1.6 if actors.home_given else 1.0
                )  # in a story told from Seoul, absent other signs, Korean; more so when the page says so
            if not votes and government:
                votes = Counter({c: w for c, w in main.items() if c not in against})
            person.country = votes.most_common(1)[0][0] if votes else None
            person.guessed = not evidence
    for pid, owner in owners.items():  # "Sefcovic's spokesman, Olof Gill": the spokesman shares his principal's country
        boss = next((p for p in actors.people() if owner in p.forms or p.name.endswith(owner)), None)
        # "the Commission's spokesperson": a body the text names in full elsewhere ("the European Commission")
        full = re.search(rf"\b(?:[A-Z][\w.'’-]+ ){{1,4}}{re.escape(owner)}\b", text) if boss is None else None
        body = (gz.country_of_text(full.group(0)) or gz.affiliation_country(full.group(0))) if full else None
        actors.by_id[pid].country = boss.country if boss else body or actors.home


# Posts the titles table gives one country but that many countries have (the Philippines, Canada, Australia,
# Mexico, Brazil and Argentina all have senators): in a story told from elsewhere, the table is no evidence.
SHARED_TITLES = {"senator", "sen."}

ANAPHORIC_BODY = re.compile(r"\b[Tt]he (?:central )?(?:bank|commission|fund|organi[sz]ation|lender|agency)\b")
BARE_HEADS = {"president", "governor", "chair", "chairman", "chairwoman", "chief", "head", "director"}


def _anaphoric_institution(doc: Doc, person: Actor) -> str | None:
    """ "The ECB has resisted. The bank held rates, and president Christine Lagarde said ...": a bare post in a
    sentence about "the bank" belongs to the institution named just before."""
    if not person.title or person.title.lower() not in BARE_HEADS or not person.spans:
        return None
    s = person.spans[0][0]
    sent = sentence_at(doc, s)
    if sent is None or not ANAPHORIC_BODY.search(text_of(doc)[sent.start_char : s]):
        return None
    prev = sentence_before(doc, sent)
    lo = prev.start_char if prev is not None else sent.start_char
    return gz.affiliation_country(text_of(doc)[lo:s])


# "(Kimberly Clausing, PIIE)": a name set off with the known institution it belongs to, nothing more.
AFFILIATION_AFTER = re.compile(r",\s*(?:the\s+)?(?P<body>[A-Z][\w.&' -]{1,60}?)\s*(?:\)|$)", re.M)


def _affiliation_after(text: str, end: int) -> str | None:
    """The country of a known institution written just after a name, as in a credit or a panel's list."""
    m = AFFILIATION_AFTER.match(text, end)
    return gz.affiliation_country(m.group("body")) if m and gz.known_body(m.group("body").strip()) else None


def _named_body(actors: Actors, person: Actor) -> str | None:
    """ "The US Lumber Coalition ... welcomed it, coalition chairman Andrew Miller said": a post whose first word
    is the last word of exactly one organisation's name in the story is a post in that organisation."""
    head = (person.title or "").split()[0].lower() if person.title else ""
    if not head or head in gz.title_heads():
        return None
    bodies = {
        a.country
        for a in actors.by_id.values()
        if a.kind == "organization" and a.country and a.name.lower().split()[-1] == head
    }
    return bodies.pop() if len(bodies) == 1 else None


def _affiliation(title: str | None, titles: list[tuple[str, str | None, int]]) -> str | None:
    """The country of the institution or province a title names: "chief economist at Berenberg" (DEU),
    "Quebec Premier" (CAN)."""
    for t in [title] + [t for t, _, _ in titles]:
        country = gz.affiliation_country(t)
        if country:
            return country
    return None


PRE_APPOSITION = re.compile(
    r"(?:(?P<owner>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*)(?:'s|’s)\s+)?"
    r"(?<![\w’'-])(?P<title>(?:(?:[A-Z]\.){2,}\s+|[^\W\d_][\w-]*\s+){0,3}?[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"(?P<post>\s+(?:to|at|for|in)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?,\s*$"  # "ambassador to the UK"
)


def _before_forms_of_address(text: str, start: int) -> int:
    """Where a name starts with its "Dr", "Mr" or "Alhaji": "the Governor of the Central Bank, Mr Olayemi Cardoso"."""
    while m := re.search(r"\b([A-Z][a-z]{1,9})\.?\s+$", text[max(0, start - 14) : start]):
        if m.group(1).lower() not in FORMS_OF_ADDRESS:
            break
        start = max(0, start - 14) + m.start()
    return start


def _title_before_comma(text: str, start: int) -> tuple[str | None, str | None]:
    """A title set off before a name: "Sefcovic's spokesman, Olof Gill, said"; the country may be the owner's
    (returned as "@Owner" when the owner is a person)."""
    start = _before_forms_of_address(text, start)
    base = max(0, start - 80)
    ends = list(re.finditer(r"(?<=[a-z]{2}[.!?])\s+", text[base:start]))
    base += ends[-1].end() if ends else 0  # "... in April. Its CEO, Mikel Mabasa": this sentence only
    window = text[base:start]
    m = PRE_APPOSITION.search(window)
    if not m or not _ends_in_title(m.group("title")):
        return _post_of_body_before(text, start), None
    words = m.group("title").split()
    while words and words[0].lower() in ("the", "a", "an", "and", "but", "while", "said", "says", "its", "their"):
        words = words[1:]
    if not words:
        return None, None
    owner = m.group("owner")
    country = (gz.country_of_text(owner) or gz.affiliation_country(owner)) if owner else None
    if not owner and m.group("title").split()[0].lower() == "its":
        country = _previous_subject_country(text, base + m.start("title"))
    if country is None and len(words) > 1 and gz.country_of_text(words[0]):
        country = gz.country_of_text(words[0])  # "The US Trade Representative, Jamieson Greer,"
    if not owner and ANAPHORIC_OWNER.search(window[: m.start("title")]):
        # "The kingdom’s trade minister, Mokhethi Shelile": the country last named (as a noun, not "American")
        found = gz.find_known(text[max(0, start - 600) : start])
        prior = [h for h in found if h.known.kind == "country" and h.known.role in ("name", "alias")]
        country = prior[-1].known.country if prior else None
    title = " ".join(words) + (m.group("post") or "")
    longer = _post_of_body_before(text, start)
    if longer and longer.endswith(title):
        title = longer  # "the Minister of Finance and Coordinating Minister of the Economy, Wale Edun": both posts
    return title, country or (f"@{owner}" if owner else None)


# "The Minister of Industry, Trade and Investment, Jumoke Oduwole, said", "said the Director-General of the
# Manufacturers Association of Nigeria (MAN), Segun Ajayi-Kadir": a post of a ministry or a body, set off before
# the name.
POST_OF_BODY = re.compile(
    r"\b[Tt]he\s+(?P<title>(?:[A-Z][\w-]*\s+){0,2}(?P<head>[A-Z][\w-]*)\s+of\s+(?:the\s+)?[A-Z][^.;:“”\"\n]{1,100}?"
    r"(?:\s\([A-Z][A-Za-z]{1,8}\))?),\s*$"
)


# "Chairperson of the Indonesian Employers Association (Apindo) Shinta W. Kamdani said": the same post opening
# the sentence, with no comma before the name
BARE_POST_OF_BODY = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n)(?P<title>(?:[A-Z][\w-]*\s+){0,2}(?P<head>[A-Z][\w-]*)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|the|for|&))*(?:\s\([A-Z][A-Za-z]{1,8}\))?)\s+$"
)


def _post_of_body_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 140) : start]
    m = POST_OF_BODY.search(window) or BARE_POST_OF_BODY.search(window)
    return m.group("title") if m and m.group("head").lower() in gz.title_heads() else None


LEADING_NAME = re.compile(
    r"\s*(?:The\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:(?:of|in|for|and|the)\s+)*[A-Z][\w.&'’()-]*)*)"
)


def _previous_subject_country(text: str, at: int) -> str | None:
    """ "The Brazilian Coffee Exporters Council said ... Its general director, X": the country of the body
    that opens the sentence before "Its"."""
    end = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    if end <= 0:
        return None
    lo = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end)) + 1
    # the first name of two words or more: "Meanwhile, the American Chamber of Commerce in China said ..."
    m = next((m for m in LEADING_NAME.finditer(text, lo, end) if len(m.group("name").split()) >= 2), None)
    if m is None:
        return None
    return gz.country_of_text(m.group("name")) or gz.affiliation_country(m.group("name"))


ANAPHORIC_OWNER = re.compile(
    r"\b(?:the|its)\s+(?:country|kingdom|nation|island|republic|emirate|state)(?:'s|’s)\s*$", re.I
)


def _ends_in_title(phrase: str) -> bool:
    """ "the trade minister", "its director general": the phrase's last word is a title's head."""
    words = phrase.lower().split()
    if any(w in gz.title_heads() and nxt in ("of", "for") for w, nxt in zip(words, words[1:], strict=False)):
        return True  # "Quebec's Minister of Finance": a head governing its field
    return title_head(" ".join(words[-2:] if words[-1] == "general" else words[-1:])) is not None


POST_GENERAL = {"attorney", "surgeon", "solicitor", "inspector", "auditor", "consul"}  # "solicitor general"


def title_head(title: str | None) -> str | None:
    """The word that makes a phrase a title: "minister" in "minister in charge of economic policy"."""
    words = [POSSESSIVE.sub("", w.lower()).strip(".,") for w in (title or "").split()]
    words = [w if w in gz.title_heads() else w.split("-")[-1] for w in words]  # "secretary-general", "vice-president"
    if len(words) > 1 and words[-1] == "general" and words[-2] in gz.title_heads() | POST_GENERAL:
        words[-1] = words[-2]  # "director general", "attorney general": "general" alone is no title head
    heads = [w for w in words if w in gz.title_heads()]
    return heads[-1] if heads and words and words[-1] in gz.title_heads() else (heads[0] if heads else None)


def _title_country(titles: list[tuple[str, str | None, int]]) -> str | None:
    for t, _, _ in titles:
        c = gz.titles().get(t.lower())
        if c:
            return c
    return None


def _title_before(doc: Doc, start: int) -> tuple[str | None, str | None]:
    """A title written before a name: "Treasury Secretary Scott Bessent", "EU trade commissioner X"."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None, None
    i = span.start - 1
    words: list[Token] = []
    country = None
    while i >= 0 and doc[i].text[:1].isupper() and doc[i].text.lower().rstrip(".") in FORMS_OF_ADDRESS:
        i -= 1  # "President His Highness Sheikh Mohamed", "Prime Minister Sir Keir Starmer": forms of address
    lo = clause_bounds(doc, start, start + 1)[0]  # the parser's own .sent walks the document each time
    provinces = gz.province_spans(text_of(doc)[lo : span.start_char])
    while i >= 0:
        tok = doc[i]
        low = tok.text.lower().rstrip(".")
        if words and any(s <= tok.idx - lo < e for s, e, _ in provinces):
            words.insert(0, tok)  # "British Columbia Premier": the province is part of the title, "British" no country
            i -= 1
            continue
        if tok.text in ("'s", "’s"):
            country = gz.country_of_text(doc[max(0, i - 3) : i].text.split()[-1] if i else "")
            break
        c = next(
            (
                gz.country_of_text(doc[j : i + 1].text)
                for j in (i, i - 1, i - 2)
                if j >= 0
                and gz.country_of_text(doc[j : i + 1].text)
                and gz.find_known(doc[j : i + 1].text)[0].end == len(doc[j : i + 1].text)
            ),
            None,
        )
        if c and INSTITUTION.search(tok.text) and words:
            country = country or c
            words.insert(0, tok)  # "European Commission President": the institution is part of the title
            i -= 1
            continue
        the = int(i >= 3 and doc[i - 1].lower_ == "the")  # "Philippine Ambassador to the US Jose Romualdez"
        if c and i >= 2 + the and doc[i - 1 - the].lower_ == "to" and doc[i - 2 - the].lower_ in ENVOYS:
            words[:0] = list(doc[i - 2 - the : i + 1])  # "U.S. Ambassador to Canada Pete Hoekstra": the post's place
            i -= 3 + the
            continue
        if low == "the" and words and i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ in AIDES:
            words[:0] = [doc[i - 2], doc[i - 1], tok]  # "Special Assistant to the President for ..."
            i -= 3
            continue
        if c and not (tok.text[:1].isupper() and low in gz.title_heads()):
            country = country or c
            break
        if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") and low not in NOT_NAMES:
            words.insert(0, tok)
        elif low in gz.title_heads() or low in TITLE_MODIFIERS:
            words.insert(0, tok)
        elif tok.dep_ == "compound" and tok.pos_ == "NOUN" and words and tok.head in words:
            words.insert(0, tok)  # "Japan's chief tariff negotiator"
        elif (
            low in ("and", "&")
            and words
            and i > 0
            and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in PORTFOLIOS)
            and (
                doc[i - 1].ent_type_ != "PERSON"
                or doc[i - 1].lower_ in gz.title_heads()
                or doc[max(0, i - 2) : i].text.lower() in gz.titles()  # "Crown Prince and Prime Minister"
            )
        ):
            words.insert(0, tok)  # "Commerce and Industry Minister", "Tánaiste and Minister for Trade"
        elif low in PORTFOLIOS and words and words[0].lower_ in ("and", "&"):
            words.insert(0, tok)  # "shadow business and trade secretary"
        elif (
            tok.text == ","
            and any(w.lower_ in ("and", "&") for w in words)
            and i > 0
            and doc[i - 1].text[:1].isupper()
            and doc[i - 1].ent_type_ != "PERSON"
            and low not in gz.title_heads()
        ):
            words.insert(0, tok)  # "Investment, Trade and Industry Minister"
        elif low in ("of", "for") and words and i > 0 and doc[i - 1].text.lower() in gz.title_heads():
            words.insert(0, tok)  # "Minister of Industry and Trade Nguyen Hong Dien"
        elif tok.text == "-" and words and i > 0 and not tok.whitespace_ and not doc[i - 1].whitespace_:
            words.insert(0, tok)  # "Vice-Premier"
            if doc[i - 1].text.isalpha() and doc[i - 1].text.islower():
                i -= 1
                words.insert(0, doc[i])  # "co-anchor": a lower-case prefix is part of the post
        else:
            break
        i -= 1
    while words and words[0].text.lower() in ("and", "&", ","):
        words.pop(0)
    # "Minister of Industry and Trade" ends in its field, "Ambassador to Canada" in its posting
    governed = any(
        w.lower_ in ("of", "for") or w.lower_ == "to" and w.i and w.doc[w.i - 1].lower_ in ENVOYS for w in words
    )
    while words and not governed and words[-1].text.lower().rstrip(".") not in gz.title_heads():
        if (
            len(words) > 1
            and words[-1].lower_ == "general"
            and words[-2].lower_.rstrip(".") in gz.title_heads() | POST_GENERAL
        ):
            break  # a post-positive "general" ends the title: "director general", "attorney general"
        words.pop()
    if not words:
        return None, country
    return doc[words[0].i : words[-1].i + 1].text, country


ENVOYS = {"ambassador", "envoy", "representative", "emissary", "delegate"}
AIDES = {"assistant", "adviser", "advisor", "counselor", "counsellor", "aide"}  # "... to the President"
INSTITUTION = re.compile(r"^(Commission|House|Street|Kremlin|Council|Parliament|Congress)$")
APPOSITION = re.compile(
    r"^,\s+(?:the |a |an )?(?P<title>[^,;:()“”\"\n]{3,100}?)(?:\s*\([A-Za-z&.]{2,12}\))?"
    r"\s*(?:,|;|(?<![A-Z])\.(?:\s|$)|\.(?=[ \t]*(?:\n|$|[“\"]))|\s+(?:said|says|told))"
)
# An apposition too long to reach its closing comma, cut at its relative clause: "X, the vice-president who
# also serves as trade minister and has led ..., said".
LONG_APPOSITION = re.compile(r"^,\s+(?:the |a |an )?(?P<title>[^,;:()“”\"\n]{3,60}?)(?=\s+(?:who|which|whose)\b)")
# Words ending in -ing that open a title rather than a participle phrase ("managing director", "acting head").
TITLE_ING = r"(?!(?:acting|managing|outgoing|incoming|presiding|ranking|founding|visiting|governing|sitting)\b)"
NOT_TITLE_START = re.compile(
    rf"^(who|which|whose|said|says|told|adding|according|and|but|while|in|on|at|as|{TITLE_ING}\w+ing|"
    # a clause, not a post: "X, held the third round of talks with the Office of the US Trade Representative"
    r"(?:held|met|led|made|took|gave|sent|spoke|went|came|\w+ed)\s+(?:the|a|an|its|his|her|their|talks|on|with|to)"
    r")\b",
    re.I,
)


# Where someone stands, not a post: "a frequent critic of the president's trade policies", "a close ally of"
STANDING = re.compile(
    r"^(?:[\w-]+\s+){0,2}(?:critic|ally|opponent|supporter|proponent|advocate|champion|skeptic|sceptic|fan)s?\s+"
    r"(?:of|to)\b",
    re.I,
)


def _title_after(text: str, end: int) -> tuple[str | None, str | None]:
    """A title in apposition: "Ryosei Akazawa, minister in charge of economic and fiscal policy, will ..."."""
    window = text[end : end + 200]
    native = NATIVE_SCRIPT.match(window)  # "Chen Wen-hsiung (陳文雄), general manager of ...": past the characters
    window = window[native.end() :] if native else window
    m = APPOSITION.match(window) or LONG_APPOSITION.match(window)
    if not m:
        return None, None
    t = m.group("title").strip()
    rest = window[m.end("title") :]
    cont = LIST_CONTINUATION.match(rest)
    if cont and re.search(r"\bof\s+\w+$", t):
        t += cont.group(0).rstrip(",")  # "minister of economy, trade and industry"
    t = RELATIVE_CLAUSE.split(t, maxsplit=1)[0].strip(" ,")
    if NOT_TITLE_START.match(t) or title_head(t) is None or ATTRIBUTION_END.search(t) or STANDING.match(t):
        return None, None
    country = None
    pm = re.match(r"^(?P<who>[\w. ]+?)(?:'s|’s)\s+(?P<rest>.+)$", t)
    if pm and len(pm.group("who").split()) <= 3 and gz.country_of_text(pm.group("who")):
        country, t = gz.country_of_text(pm.group("who")), pm.group("rest")
    else:
        first = t.split()[0]
        if gz.country_of_text(first) and len(t.split()) > 1:
            country, t = gz.country_of_text(first), t.split(None, 1)[1]
        else:
            # "senior vice president for U.S. business", "ambassador to Canada": a country the post deals with
            # is not the one the person serves
            country = gz.country_of_text(re.split(r"\s(?:for|to|on|with)\s", t, maxsplit=1)[0])
    return (t, country) if title_head(t) else (None, None)


# "X, state news agency Wam reported.": a source's attribution after the name, no post
ATTRIBUTION_END = re.compile(r"\b(?:reported|reports|said|says|told|added|wrote|announced)$")
NATIVE_SCRIPT = re.compile(r"\s*\((?![A-Za-z])[^()\n]{1,12}\)")
LIST_CONTINUATION = re.compile(r"^,\s*[a-z][a-z ]{0,30}\band\s+[a-z]+(?:\s+[a-z]+)?(?=\s*,)")
# Where a title ends: a relative clause or a participle phrase ("the supreme court justice overseeing the case").
# A word in -ing after a possessive or an article is a noun ("the company's accounting group"), no participle.
RELATIVE_CLAUSE = re.compile(
    rf"(?<!'s)(?<!’s)(?<!\bthe)(?<!\ban)(?<!\ba)\s+(?:who|which|that|whose|where|since|after|before|{TITLE_ING}[a-z]+ing)\b"
)


def _sentence_countries(doc: Doc, hits: list[gz.Hit], s: int, e: int, named: set[int]) -> Counter[str]:
    """Votes for a person's country from its sentence: near and in the same phrase counts; a country the
    person acts on ("tariffs on Chinese goods", "talks with the U.S.") or the subject of another clause counts against."""
    span = doc.char_span(s, e, alignment_mode="expand")
    votes: Counter[str] = Counter()
    if span is None:
        return votes
    sent, me = sentence_at(doc, s), span.root
    lo, hi = clause_bounds(doc, s, e)
    for h in hits:
        if h.known.kind != "country" or not (lo <= h.start < hi):
            continue
        if _post_of_another(doc, h, s, e, named):
            continue
        prev = text_of(doc)[max(sent.start_char, h.start - 12) : h.start].split()
        if prev and prev[-1].lower() == "the" and len(prev) > 1:
            prev = prev[:-1]
        cspan = doc.char_span(h.start, h.end, alignment_mode="expand")
        possessor = text_of(doc)[h.end : h.end + 2] in ("'s", "’s")
        if prev and prev[-1].lower() in OBJECT_PREPOSITIONS and not possessor:
            acts_on = me.dep_ in ("nsubj", "nsubjpass") and cspan is not None and _acts_on(me.head, cspan.root)
            votes[h.known.country] -= 0.5 if acts_on else 0.0
            continue
        if cspan is not None:
            c = cspan.root
            if h.known.role == "metonym" and c.dep_ in ("compound", "nmod") and c.head.pos_ == "NOUN":
                continue  # "the London meeting", "the Geneva talks": a venue, no side
            if c.dep_ in ("nsubj", "nsubjpass") and not (me == c or c.is_ancestor(me)) and c.head != me.head:
                if _reports_on(me, c):
                    votes[h.known.country] += 1.0  # "X said that Malaysia had not given up ...": X's own side
                continue
            aside = any(t.dep_ == "relcl" and me.is_ancestor(t) for t in c.ancestors)
            if (c.head == me or me.is_ancestor(c.head) or me.head == c) and not aside:
                votes[h.known.country] += 3.0  # "X of Japan", "Japan's X"; not "X, of a firm which sells to Americans"
                continue
            said_in = c.head.lower_ == "in" and me.dep_ == "nsubj" and me.head.lemma_.lower() in SPEAKING | {"speak"}
            at = c.head.head
            if said_in and (at == me.head or (at.lower_ in SPEAKING_EVENTS and at.head == me.head)):
                votes[h.known.country] += 1.5  # "X told a briefing in Beijing": where the person speaks
                continue
        dist = abs(h.start - s)
        weight = 1.0 / (1 + dist / 40)
        if cspan is not None and cspan.root.dep_ in ("compound", "amod", "nmod") and cspan.root.head.pos_ == "NOUN":
            if cspan.root.head.lower_ not in gz.title_heads():
                weight *= 0.3  # "the EU pact", "US tariffs": a country naming a thing, not the speaker's side
        votes[h.known.country] += weight
    return votes


def _post_of_another(doc: Doc, h: gz.Hit, s: int, e: int, named: set[int]) -> bool:
    """ "India's Commerce Minister Piyush Goyal", "US President Donald Trump": a country written before another
    person's post and name is that person's, no evidence for anyone else in the sentence."""
    country = doc.char_span(h.start, h.end, alignment_mode="expand")
    i = country.end if country is not None else len(doc)
    i += i < len(doc) and doc[i].text in ("'s", "’s")
    posted = False
    for tok in doc[i : i + 8]:
        person = tok.ent_type_ == "PERSON" or tok.idx in named
        if person and not posted and tok.text.lower() not in gz.title_heads():
            return False
        if person and posted:
            return not (s <= tok.idx < e)
        low = tok.text.lower().rstrip(".")
        lower_post = low in gz.title_heads() or low in TITLE_MODIFIERS or low in PORTFOLIOS  # "commerce minister"
        if not (tok.text[:1].isupper() or lower_post or low in ("and", "&", ",", "of", "for")):
            return False
        posted = posted or low in gz.title_heads()
    return False


def _own_phrase_country(doc: Doc, hits: list[gz.Hit], person: Actor, named: set[int]) -> str | None:
    """A country the person's own phrase (apposition, relative clause) names as owner or adjective."""
    text = text_of(doc)
    for s, e in person.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        me = span.root
        inside = [t for t in me.subtree if t.i >= span.end]
        if not inside:
            continue
        lo, hi = inside[0].idx, inside[-1].idx + len(inside[-1].text)
        for h in hits:
            if h.known.kind == "country" and lo <= h.start < hi and not _post_of_another(doc, h, s, e, named):
                if text[h.end : h.end + 2] in ("'s", "’s") or h.known.role == "demonym":
                    return h.known.country
    return None


def _leading_demonym(doc: Doc, hits: list[gz.Hit], person: Actor) -> str | None:
    """A nationality in the name's own phrase before it: "French centrist Valérie Hayer", "Swedish MEP X"."""
    for s, e in person.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        before = [t for t in span.root.subtree if t.i < span.start]
        if not before:
            continue
        lo = before[0].idx
        for h in hits:
            if h.known.kind == "country" and h.known.role == "demonym" and lo <= h.start < s:
                return h.known.country
    return None


def _acts_on(verb: Token, target: Token) -> bool:
    """Whether the person's verb acts on `target`: "imposed tariffs on Chinese goods" does; "in response to
    U.S. threats to impose tariffs on Chinese goods" is an act a noun's own clause describes, someone else's."""
    if target != verb and not verb.is_ancestor(target):
        return False
    tok = target
    while tok != verb and tok.head.i != tok.i:
        if tok.dep_ in ("acl", "relcl") and tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEAKING:
            return False  # "defended the deal, saying the tariff on Philippine goods ...": words, not an act
        tok = tok.head
    return True


def _reports_on(me: Token, subject: Token) -> bool:
    """Whether `subject` opens the clause `me` reports with a speech verb ("Dien told state media that Hanoi
    would ..."): speakers report on their own side far more often than on the other."""
    verb = me.head
    if me.dep_ != "nsubj" or verb.lemma_.lower() not in SPEAKING:
        return False
    clause = subject.head
    while clause.dep_ == "conj" and clause.head != verb:
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head == verb


def _where_told(actors: Actors, text: str) -> Counter[str]:
    """Votes for the country a story is told from: its people, the places where things happen ("in Tokyo"
    counts more than "to Washington"), and, lightly, every country it names."""
    votes: Counter[str] = Counter()
    for a in actors.by_id.values():
        if not a.country:
            continue
        if a.kind == "person":
            votes[a.country] += 0 if a.guessed else 1  # a guess from the first pass is no evidence
        elif a.kind == "place":
            votes[a.country] += sum(3 if text[max(0, s - 4) : s].strip().lower() == "in" else 1 for s, _ in a.spans)
        elif a.kind in ("country", "government"):
            votes[a.country] += 0.2 * len(a.spans)
        elif a.kind == "market_index":
            votes[a.country] += len(a.spans)  # a market report covers its own exchange first
    for iso3, n in Counter(m.lastgroup for m in LOCAL_MONEY.finditer(text) if m.lastgroup).items():
        votes[iso3] += min(n, 3)  # prices in pounds or A$ are written for readers who count in them
    for iso3, n in Counter(m.lastgroup for m in MONEY_WORDS.finditer(text) if m.lastgroup).items():
        votes[iso3] += min(0.5 * n, 1.5)
    return votes


# Currency marks that belong to one country ("£360m", "A$4.4 billion", "₹500 crore"); a bare "$" does not.
LOCAL_MONEY = re.compile(
    r"(?<![\w$])(?:(?P<GBR>£)|(?P<AUS>A\$|AU\$)|(?P<CAN>C\$|CA\$)|(?P<NZL>NZ\$)|(?P<BRA>R\$)|(?P<IND>₹|Rs\.?\s?)"
    r"|(?P<HKG>HK\$)|(?P<SGP>S\$)|(?P<TWN>NT\$)|(?P<KOR>₩))(?=\s?\d)"
)


# Sums in a currency's own word ("1,457.8 won", "146 yen", "Rs 500 crore"): lighter evidence than a symbol.
MONEY_WORDS = re.compile(
    r"\d[\d,.]*\s?(?:(?:billion|million|trillion|bn|mn)\s)?(?:(?P<KOR>won)|(?P<JPN>yen)|(?P<CHN>yuan)|"
    r"(?P<IND>rupees|crore)|(?P<MYS>ringgit)|(?P<THA>baht))\b"
)


def _main_countries(actors: Actors) -> Counter[str]:
    counts: Counter[str] = Counter()
    for a in actors.by_id.values():
        if a.kind in ("country", "government") and a.country:
            counts[a.country] += len(a.spans)
    return counts


LOWER_RANKS = {"vice", "deputy", "assistant", "associate", "former", "ex", "acting", "under", "co", "junior"}
TITLE_ONLY = re.compile(
    r"\b(?:the|The)\s+(?:(?P<adj>[A-Z][\w.]*|U\.S\.)\s+)?(?P<title>(?:[A-Za-z]+\s+){0,2}[A-Za-z]+)\b"
)


def _add_title_only_mentions(actors: Actors, text: str) -> None:
    """ "the prime minister" refers to the one person the article gives that title."""
    by_title: dict[str, list[Actor]] = defaultdict(list)
    for p in actors.people():
        if p.title:
            by_title[p.title.lower()].append(p)
    if not by_title:
        return
    for m in TITLE_ONLY.finditer(text):
        words = m.group("title").split()
        adj_word, t0 = m.group("adj"), m.start("title")
        if (
            adj_word
            and not gz.country_of_text(adj_word)
            and (adj_word.lower() in gz.title_heads() or adj_word.lower() in by_title)
        ):
            words, adj_word, t0 = [adj_word, *words], None, m.start("adj")  # "the President recalled"
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).lower()
            exact = [o for t, o in by_title.items() if phrase == t]
            # "the president" is never the vice president; the post's own holders first
            holders = exact or [
                o
                for t, o in by_title.items()
                if t.endswith(" " + phrase) and phrase in TITLE_ALONE and t.split()[-2] not in LOWER_RANKS
            ]
            owner = next((o[0] for o in holders if len(o) == 1), None)
            if owner is None and holders and "\n" not in text[max(0, m.start() - 1) : m.start()]:
                # Two presidents: "the President" mid-paragraph is the one this paragraph has named, if only one
                lo = text.rfind("\n", 0, m.start()) + 1
                named = {p.id: p for o in holders for p in o if any(lo <= a < m.start() for a, _ in p.spans)}
                owner = next(iter(named.values())) if len(named) == 1 else None
                home = {p.id: p for o in holders for p in o if actors.home and p.country == actors.home}
                if owner is None and not named and actors.home_given and len(home) == 1:
                    owner = next(iter(home.values()))  # a paper's unqualified "the president" is its own country's
            if owner is None:
                continue
            adj = gz.country_of_text(adj_word or "")
            if adj and owner.country and adj != owner.country:
                break
            if re.match(r",\s+[A-Z][a-z]+\s+[A-Z]", text[t0 + len(" ".join(words[:n])) :][:40]):
                break  # "the shadow business secretary, Andrew Griffith": the phrase names someone else
            start = m.start("adj") if adj_word else t0
            end = t0 + len(" ".join(words[:n]))
            if not any(a < end and start < b for a, b in owner.spans):
                owner.spans.append((start, end))
            break


DESCRIPTION = re.compile(
    r"\b(?:the|The)\s+(?P<adj>U\.S\.|[A-Z][\w.]*)\s+(?P<head>president|prime minister|chancellor|premier|leader)(?:'s|’s)?\b",
    re.I,
)


def _add_described_leaders(actors: Actors, text: str) -> None:
    """A leader named without a title but described ("at the US president's golf resort") takes that
    description as title, when the leaders table says the person holds that office in that country."""
    for m in DESCRIPTION.finditer(text):
        iso3 = gz.country_of_text(m.group("adj"))
        head = m.group("head").lower()
        owners = [p for p in actors.people() if p.country == iso3 and head in (gz.leader_office(p.name) or "").lower()]
        if len(owners) != 1:
            continue
        owner = owners[0]
        owner.title = owner.title or f"{m.group('adj')} {m.group('head')}"
        span = (m.start("adj"), m.end("head"))
        if not any(a < span[1] and span[0] < b for a, b in owner.spans):
            owner.spans.append(span)


# A bare head noun may stand for a longer title ("the commissioner" for "trade commissioner").
TITLE_ALONE = {"commissioner", "president", "prime minister", "minister", "secretary", "chancellor", "premier",
               "governor", "ambassador", "representative", "chairman", "chair", "spokesperson", "spokesman"}  # fmt: skip


# A lone name a company's words surround: "Hapag-Lloyd CEO ...", "Diageo's chief executive", "shares in Diageo".
COMPANY_CUE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:CEO|chief executive|chairman|shares|stock)\b")
COMPANY_CUE_BEFORE = re.compile(r"\b(?:[Ss]hares|[Ss]tock) (?:of|in)\s+$")


ORG_WORDS = re.compile(
    r"\b(Ministry|Department|Commission|Council|Bank|Office|Agency|Association|Federation|Chamber|Institute|"
    r"Organization|Organisation|Party|Fund|Reserve|Group|Inc|Corp|Co|Motor|Motors|Board|Union|Exchange|"
    r"Pharma|Pharmaceuticals?|Airlines|Electronics|Industries|Technologies|Securities|Economics|Holdings|Partners|University|College|Committee|"
    r"Automotive|Analytics|Logistics|Consulting|Advisors|Advisory|Associates|Investments|Laboratories|Airways|"
    r"Sdn|Bhd|Berhad|Tbk|Pte|GmbH|LLC|Ltd|Limited|PLC|SpA|"
    r"Works|Steelworks|Refinery|Smelter|Shipyard|"  # a plant: "U.S. Steel's Irvin Works"
    # bodies named in their own language: "Consejo Minero", "Svenskt Näringsliv", "Confederação Nacional"
    r"Consejo|Cámara|Confederación|Asociación|Sociedad|Federación|Ministerio|Conselho|Confederação|Associação|"
    r"Verband|Bundesverband|Kammer|Näringsliv|Förbund|Fédération|Chambre|Conseil|Confindustria)\b"
)


def _joined_bodies(doc: Doc) -> list[Span]:
    """The parser's entities, with a body's name it cut at "and" joined again ("The Vietnam Textile and" +
    "Apparel Association")."""
    ents = list(doc.ents)
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == "ORG"
            and ent.label_ == "ORG"
            and prev[-1].lower_ in ("and", "&")
            and ent.start == prev.end
        ):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
        else:
            out.append(ent)
    inside = {t.i for ent in ents for t in ent}
    for tok in doc:
        if tok.i not in inside and CAMEL_BODY.fullmatch(tok.text) and tok.pos_ not in ("VERB", "AUX"):
            out.append(Span(doc, tok.i, tok.i + 1, label="ORG"))  # "ExportNZ", "BusinessNZ": a body's coined name
    return sorted(out, key=lambda e: e.start)


CAMEL_BODY = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z]{2,}|[A-Z][a-z]+[A-Z]+)")


def _add_organizations(actors: Actors, doc: Doc, taken: list[tuple[int, int]]) -> None:
    blocking = [(s, e) for a in actors.by_id.values() if a.kind not in ("country", "government") for s, e in a.spans]
    countries = [(s, e) for a in actors.by_id.values() if a.kind in ("country", "government") for s, e in a.spans]
    for ent in _joined_bodies(doc):
        if ent.label_ != "ORG" and not _lone_body(ent):
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in blocking):
            continue
        if any(s <= ent.start_char and ent.end_char <= e + 4 for s, e in countries):
            continue  # "the European Union" is the country actor already
        name = POSSESSIVE.sub("", re.sub(r"^(the|The)\s+", "", ent.text)).strip()
        if not name or name.lower() in NOT_NAMES or len(name) < 2 or "\n" in name:
            continue
        if name.lower().rstrip(".") in gz.title_heads() or (name.isupper() and len(name) > 6):
            continue
        if name in gz.ZONE_ABBREVIATIONS:
            continue  # "11:00am AEST": a time zone, not a body
        lead = text_of(doc)[max(0, ent.start_char - 30) : ent.start_char]
        named_body = bool(
            BODY_BEFORE.search(lead)
            or COMPANY_CUE_BEFORE.search(lead)
            or COMPANY_CUE_AFTER.match(text_of(doc)[ent.end_char : ent.end_char + 20])
        )
        if len(name.split()) == 1 and not (name.isupper() and len(name) <= 6) and not ORG_WORDS.search(name):
            if not named_body and not _lone_body(ent) and not CAMEL_BODY.fullmatch(name):
                continue  # a lone capitalised word ("Trade") is too often not an organisation
        before = text_of(doc)[max(0, ent.start_char - 25) : ent.start_char]
        country = gz.country_of_text(name) or (gz.country_of_text(before.split()[-1]) if before.split() else None)
        aid = gz.slug(name)
        org = actors.by_id.get(aid) or actors.add(
            Actor(id=aid, name=name, kind="organization", country=country, forms={name})
        )
        org.spans.append((ent.start_char, ent.end_char))
        taken.append((ent.start_char, ent.end_char))
        abbr = re.match(r"\s*\(([A-Z][A-Za-z&]{1,9})\)", text_of(doc)[ent.end_char : ent.end_char + 14])
        if abbr:
            org.forms.add(abbr.group(1))
    for start, end, name, acronym in defined_bodies(text_of(doc)):
        index = actors.at(start, end, kinds=("market_index",))
        if index is not None and acronym not in index.forms:
            # "The Jakarta Composite Index (JCI)": the index by its letters, which the parser may have read as a body
            index.forms.add(acronym)
            for body in [a for a in actors.by_id.values() if a.kind == "organization" and a.name == acronym]:
                index.spans += body.spans
                del actors.by_id[body.id]
            index.spans += _mentions_of(text_of(doc), {acronym}, [sp for a in actors.by_id.values() for sp in a.spans])
            continue
        known = next((a for a in actors.by_id.values() if acronym in a.forms), None)
        # "Pharmaceutical Research" and "Manufacturers of America (PhRMA)": the parser's pieces of one name
        pieces = [
            a
            for a in actors.by_id.values()
            if a.kind == "organization"
            and a.name != name
            and a.name in name
            and any(s < end and start < e for s, e in a.spans)
        ]
        if (
            any(s < end and start < e for s, e in blocking)
            or any(s < end and start < e and 2 * (min(e, end) - max(s, start)) > end - start for s, e in countries)
            or (known and known.name != acronym and known not in pieces)
        ):
            continue  # a country's own name ("the European Union (EU)"), not one that only ends a body's
        merged = list({id(a): a for a in [known, *pieces] if a is not None}.values())
        for a in merged:  # "SKM" found alone first: the body under its full name
            del actors.by_id[a.id]
        # known by both: the acronym gives the id ("vasep"), the spelled-out name the name
        org = next((a for a in actors.by_id.values() if a.kind == "organization" and name in a.forms), None)
        org = org or actors.add(
            Actor(id=gz.slug(acronym), name=name, kind="organization", country=gz.country_of_text(name), forms={name})
        )
        org.forms.add(acronym)
        org.spans += [(s, e) for a in merged for s, e in a.spans if not (s < end and start < e)]
        if merged:
            org.spans.append((start, end))  # the pieces' mention is the whole name
        taken.append((start, end))
    _merge_short_names(actors)
    others = [sp for a in actors.by_id.values() for sp in a.spans]
    for org in [a for a in actors.by_id.values() if a.kind == "organization"]:
        org.spans += _mentions_of(text_of(doc), org.forms, others)


def _lone_body(ent: Span) -> bool:
    """ "Fonterra said in a statement the tariff was ...": a lone word tagged as a person or a body that speaks
    through a statement, or is called "it", is a body (a lone "Trump said" is not)."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent) != 1 or not _body_speaks(ent):
        return False
    after = text_of(ent.doc)[ent.end_char : ent.end_char + 160]
    return bool(re.match(r"\s+said in a (?:written )?statement\b", after) or re.search(r"\b(?:its|it)\b", after))


def _body_speaks(ent: Span) -> bool:
    """ "Fonterra said in a statement ...": a lone name the parser calls an organisation that says something."""
    root = ent.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in ("say", "tell", "warn", "add", "state", "announce")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper()) if len(name.split()) > 1 else ""


def _merge_short_names(actors: Actors) -> None:
    """ "The Commission said" after "the European Commission": a one-word organisation that is the head of
    exactly one longer organisation's name, or its initials ("GM" of "General Motors"), is that organisation."""
    orgs = [a for a in actors.by_id.values() if a.kind == "organization"]
    for short in [a for a in orgs if len(a.name.split()) == 1]:
        if short.name.isupper():  # "GM" after "General Motors": the initials of exactly one longer name
            longer = [a for a in orgs if a is not short and _initials(a.name) == short.name]
        else:
            longer = [a for a in orgs if a is not short and a.name.lower().endswith(" " + short.name.lower())]
        if len(longer) == 1:
            longer[0].spans += short.spans
            longer[0].forms |= short.forms
            del actors.by_id[short.id]
            if short.name.isupper():  # known by both: the initials give the id ("tsmc"), the full name the name
                del actors.by_id[longer[0].id]
                longer[0].id = short.id
                actors.by_id[short.id] = longer[0]
