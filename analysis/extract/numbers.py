"""Every number that means something: its value with scale words applied, its unit, what it measures, and of what."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Doc, Span, Token

from . import gazetteer as gz
from .actors import Actor, Actors
from .sentences import clause_bounds, sentence_at, sentence_before, text_of
from .timex import SMALL_NUMBERS
from .topics import NOT_TARIFF_RATE

WORD_NUMBERS = SMALL_NUMBERS | {
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}  # fmt: skip
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12, "trn": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
          "lakh crore": 1e12}  # fmt: skip
CURRENCY_SYMBOLS = {"US$": "USD", "$": "USD", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD",
                    "NZ$": "NZD", "€": "EUR",
                    "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "Rs": "INR", "Rs.": "INR", "RM": "MYR",
                    "Rp": "IDR", "Rp.": "IDR", "R": "ZAR", "R$": "BRL",
                    "Sh": "KES", "KSh": "KES", "Ksh": "KES", "₦": "NGN", "N": "NGN", "₱": "PHP", "P": "PHP",
                    "Dh": "AED", "Dhs": "AED", "SR": "SAR", "QR": "QAR", "NIS": "ILS", "₪": "ILS", "Tk": "BDT",
                    "Tk.": "BDT", "৳": "BDT"}  # fmt: skip
# A bare "$" in a story told from a dollar country is that country's dollar: Canadian, Australian or
# Singapore papers write "US$" for American money (CP, ABC and Straits Times style).
# Taiwanese money is always written "NT$"; a bare "$" there is American. A story that writes "C$" itself
# marks its local dollars, so its bare "$" is the US dollar.
LOCAL_DOLLARS = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD", "SGP": "SGD", "HKG": "HKD"}
LOCAL_DOLLAR_MARK = re.compile(r"(?<![A-Za-z])(?:C|A|S|HK|NZ)\$\s?\d")
# "Rs" and "rupees" are the rupee of the country the story is told from.
LOCAL_RUPEES = {"PAK": "PKR", "LKA": "LKR", "NPL": "NPR"}
LETTER_SYMBOLS = {"N": re.compile(r"\b(naira|Nigeria)", re.I), "P": re.compile(r"\b(peso|Philippin)", re.I)}
# "Sh" is the shilling of the country the story is told from; Kenyan by default.
LOCAL_SHILLINGS = {"UGA": "UGX", "TZA": "TZS", "SOM": "SOS"}
# Wire services write "$" for the US dollar wherever the dateline is, and mark local dollars (S$, C$).
WIRE_MARK = re.compile(r"\((?:Reuters|AP|AFP|Bloomberg|Dow Jones)\)")
# Commodities and the euro are quoted in US dollars: "$4,163 an ounce", "$61.80 a barrel".
# What is priced in US dollars the world over: crude, gold, the euro against the dollar.
USD_PRICED = re.compile(
    r"\b(crude|Brent|West Texas Intermediate|WTI|gold|silver|copper|soybean futures|the euro|sterling|bitcoin)\b"
    r"(?:[^.;$]|(?<=\d)\.(?=\d)){0,60}$",  # a decimal point ends no sentence: "gold rose 2.2% to"
    re.I,
)
# A company's shares: how far they moved, and the price they moved to
SHARE_MOVE = "shares (price change)"
SHARE_PRICE = "shares (price)"
SHARE_PRICED = re.compile(
    r"\b(?:shares|stock)\b(?:[^.;$]|(?<=\d)\.(?=\d)){0,70}\b(?:to|at)\s+(?:about\s+|around\s+)?$", re.I
)
COMMODITY = re.compile(
    r"crude|Brent|West Texas Intermediate|WTI|gold|silver|copper|soybean futures|bitcoin", re.I
)  # priced goods, not the euro or sterling
USD_QUOTE = re.compile(r"^\s*(?:an?|per)\s+(?:ounce|barrel|bushel|tonne|ton|pound|troy ounce|metric ton)\b", re.I)
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "yen": "JPY", "euros": "EUR", "euro": "EUR", "yuan": "CNY",
                  "renminbi": "CNY", "pounds": "GBP", "won": "KRW", "rupees": "INR", "pesos": "MXN",
                  "rupiah": "IDR", "rand": "ZAR", "francs": "CHF", "swiss francs": "CHF", "reais": "BRL", "dirhams": "AED", "riyals": "SAR",
                  "naira": "NGN", "shillings": "KES", "cedis": "GHS", "ringgit": "MYR", "baht": "THB", "dong": "VND"}  # fmt: skip
DOLLAR_ADJECTIVES = {"Canadian": "CAD", "Australian": "AUD", "Hong Kong": "HKD", "U.S.": "USD", "US": "USD",
                     "Singapore": "SGD", "New Zealand": "NZD", "Taiwan": "TWD"}  # fmt: skip
DURATIONS = {
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
}
NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(WORD_NUMBERS) + r")"
SCALE = r"(?:[\s-]*(?P<scale>trillion|billion|million|thousand|lakh crore|crores?|lakhs?|bn|mn|tn|trn|k|m|b)\b)?"
SIZE_UNITS = {"acre": "acres", "hectare": "hectares", "tonne": "tonnes", "ton": "tons", "mile": "miles",
              "kilometre": "kilometres", "kilometer": "kilometers", "foot": "feet", "metre": "metres",
              "meter": "meters", "megawatt": "megawatts", "gigawatt": "gigawatts", "square-foot": "square feet",
              "square-metre": "square metres"}  # fmt: skip
# Money written with its ISO 4217 code, as Swiss, Nordic and financial papers do: "CHF4.4 billion", "SEK 12bn".
ISO_CODES = (
    "USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|NZD|HKD|SGD|TWD|KRW|INR|IDR|MYR|THB|VND|PHP|PKR|BRL|MXN|ZAR|NGN|KES|SEK|NOK|"
    "DKK|PLN|CZK|HUF|TRY|RUB|AED|SAR|ILS|EGP|CLP|COP|ARS|PEN|BDT|KHR|UAH|QAR|JMD|LKR|NPR"
)
PATTERNS = [
    (
        "currency",
        re.compile(
            r"(?P<sym>US\$|R\$|NT\$|NZ\$|C\$|A\$|HK\$|S\$|\$|€|£|¥|₩|₹|₦|₱|(?-i:\bRs\.?|\bRp\.?|\bRM|\bK?[Ss]h(?=\s?\d)|\bDhs?(?=\s?\d)|\b[SQ]R(?=\s?\d)|\b[RNP](?=\d)|\bNIS(?=\s?\d)|\bTk\.?(?=\s?\d))|₪|৳)\s?"
            + NUM
            + SCALE,
            re.I,
        ),
    ),
    ("currency", re.compile(r"\b(?P<code>" + ISO_CODES + r")\s?" + NUM + SCALE)),  # "CHF4.4 billion"
    ("currency", re.compile(r"(?<![\w.])" + NUM + SCALE + r"\s(?P<code>" + ISO_CODES + r")\b")),  # "5 million EUR"
    (
        "currency",
        re.compile(
            r"\b"
            + NUM
            + SCALE
            + r"\s+(?P<word>dollars?|yen|euros?|yuan|renminbi|pounds|won|rupees|pesos|rupiah|rand|(?:Swiss\s+)?francs|reais|naira|shillings|cedis|ringgit|baht|dong|dirhams|riyals)\b",
            re.I,
        ),
    ),
    (
        "percent",
        re.compile(
            r"(?<![\w.])" + NUM + r"(?:\s*|-)(?P<pct>%|percent\b|per[\s-]cent\b|percentage points?\b|pct\b|pc\b)", re.I
        ),
    ),
    ("basis", re.compile(r"(?<![\w.])" + NUM + r"\s+(?P<bp>basis points?|bps?)\b", re.I)),
    ("points", re.compile(r"(?<![\w.])" + NUM + r"\s+(?P<pts>points?)\b", re.I)),
    (
        "duration",
        re.compile(r"(?<![\w.])" + NUM + r"[\s-]+(?P<dur>minute|hour|day|week|month|year)s?\b(?![\s-]+old)", re.I),
    ),
    (
        "currency",
        re.compile(
            r"\b"
            + NUM
            + SCALE
            + r"\s+(?P<adj>Canadian|Australian|Hong Kong|U\.S\.|US|Singapore|New Zealand|Taiwan)\s+dollars?\b"
        ),
    ),
    (
        "scaled",
        re.compile(
            r"(?<![\w.$€£¥])"
            + NUM
            + r"(?:\s+|(?=(?:mn|bn|tn|trn)\b))(?P<scale>trillion|billion|million|lakh crore|crores?|mn|bn|tn|trn)\b",
            re.I,
        ),  # "18.3mn tonnes": a scale glued to the number
    ),
    # "a 1,400-acre farm", "a 300-megawatt plant": a size written as an adjective.
    (
        "size",
        re.compile(r"(?<![\w.])" + NUM + r"-(?P<size>" + "|".join(SIZE_UNITS) + r")\b", re.I),
    ),  # Hundredths of a currency: "72.3 U.S. cents", "73.3 cents US", "12 paise", "40 pence".
    (
        "subunit",
        re.compile(r"(?<![\w.])" + NUM + r"\s+(?:US\s+|U\.S\.\s+)?(?P<sub>cents?|paise|pence)\b(?:\s+US\b)?", re.I),
    ),  # A bare level an index or a currency closed at: "to 23,887", "at 7.17 per dollar".
    (
        "level",
        re.compile(
            r"(?:(?<=\bto |\bat |\bof )|(?<=\bfrom |\bnear )|(?<=\baround |\bnearly )|(?<=\babout ))"
            r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{2,4}(?=\s+(?:per|to the|against the)\s+(?:US\s+)?dollar\b))"
            r"(?!(?:[\d.,]*\d)?\s*(?:%|[a-z]+\b(?<!by)(?<!on)(?<!in)(?<!as)"
            r"(?<!and)(?<!from)(?<!after)(?<!before)(?<!per)(?<!a)(?<!against)(?<!to)(?<!the)(?<!at)(?<!while)(?<!for)"
            r"(?<!late)(?<!earlier)(?<!versus)))"
        ),
    ),
]
TARIFF_WORDS = re.compile(
    r"\b(tariffs?|levy|levies|duty|duties|import tax(?:es)?|tax(?:es)? on (?:all )?imports|reciprocal)\b", re.I
)
RATE_FOR = re.compile(r"^[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)\s+(?:for|on|against)\s+(?:the\s+)?[A-Z]")
INDEX_WORDS = re.compile(r"\b(index|indexes|indices|stocks?|shares|benchmark|average|futures)\b", re.I)
FX_WORDS = re.compile(
    r"\b(yen|dollar|euro|yuan|won|peso|pound|sterling|loonie|rupee|currency|baht|rand|ringgit|rupiah|franc|lira|"
    r"ruble|rouble|krona|krone|zloty|forint|shekel|renminbi|taka|naira|riel|hryvnia|dirham|riyal|rial|cedi|tenge|"
    r"kwacha|shilling|dong|(?:Brazil['’]s|Brazilian) real)\b",
    re.I,
)
MEASURE_NOUNS = re.compile(
    r"\b(trade deficit|trade surplus|deficit|surplus|exports?|imports?|investments?|revenue|sales|goods|trade|"
    r"spending|stimulus|package|profits?|losses|output|growth|inflation|gdp|market value|worth|jobs|subsid(?:y|ies)|"
    r"margins?|debt|swap|loans?|dividends?|rebates?|net loss|loss|earnings)\b",
    re.I,
)


# A figure is what the noun of the verb that moves it measures: "China's exports rose 8.3%", "income will rise 7%",
# "cut its profit forecast by 16%", "shave 0.4 percentage point off China's growth".
CHANGE_VERBS = {
    "rise", "fall", "grow", "drop", "decline", "climb", "jump", "slump", "slide", "increase", "decrease", "shrink",
    "contract", "expand", "surge", "plunge", "tumble", "soar", "ease", "dip", "gain", "run", "be", "reach", "hit",
    "total", "account", "stand", "come", "remain", "slip", "sink", "edge", "rebound", "recover", "advance",
    "retreat", "lose", "shed", "weaken", "strengthen", "firm", "sag", "spike", "swell", "widen", "narrow",
}  # fmt: skip
CAUSE_VERBS = {"cut", "raise", "reduce", "lower", "lift", "boost", "shave", "trim", "slash", "knock", "push", "drive"}
GOVERNED_NOUNS = re.compile(
    r"\b(trade deficit|trade surplus|deficit|surplus|exports?|imports?|shipments|investments?|revenue|sales|spending|"
    r"profits?|losses|output|production|growth|inflation|gdp|prices?|income|earnings|yields?|orders|jobs|"
    r"unemployment|market value|margins?)\b",
    re.I,
)
NOUN_MEASURE = {
    "shipments": "exports",
    "export": "exports",
    "import": "imports",
    "price": "prices",
    "margins": "margin",
}
PERCENT_AT = re.compile(r"[\d.,]+\s?(?:%|percent|per cent)")
VERB_MEASURE = {"invest": "investment", "export": "exports", "import": "imports", "spend": "spending", "sell": "sales",
                "ship": "exports"}  # fmt: skip
# Money a tariff brings in or costs: "$195bn in tariffs", "a tariff bill of up to $5bn", "Customs duties brought in".
TARIFF_MONEY_AFTER = re.compile(
    r"^\s*(?:a (?:month|year)\s+)?in\s+(?:new\s+)?(tariffs|duties|customs duties|tariff(?:-related)? (?:costs|expenses))\b",
    re.I,
)
TARIFF_MONEY_BEFORE = re.compile(
    r"\b(customs|tariff|duty)\s+(duties|revenues?|receipts|income|bill|costs?|payments?|collections?|brought in)\b"
    r"[^.;]{0,30}$"
    r"|\b(?:tariffs?|duties|levies)\s+(?:\w+\s+){0,2}?(?:cost|carved|shaved|knocked|wiped)\s+(?:\w+\s+){0,3}?"
    r"(?:about\s+|around\s+|nearly\s+)?$",
    re.I,
)  # "tariffs had cost it $1.1 billion", "tariffs will cost the automaker $2 billion"
# "50% on most goods", "a 15% ceiling on most goods", "a 25% penalty": a rate on goods in a tariff story.
RATE_ON_GOODS = re.compile(
    r"^[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)(?:\s+(?:ceiling|cap|rate|baseline|penalty|surcharge))?\s+on\s+"
    r"(?:most\s+|all\s+|its\s+|their\s+|other\s+|some\s+)?(?:[\w-]+\s+){0,2}?"
    r"(goods|imports|products|exports|items|shipments)\b",
    re.I,
)
# "99% of US goods", "a third of its exports": a share of the goods, not a rate charged on them.
SHARE_OF_GOODS = re.compile(
    r"^[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w.'’-]+\s+){0,2}?"
    r"(goods|imports|products|items|shipments|tariff lines)\b",
    re.I,
)
# A surcharge is a tariff only on goods: one on electricity, fuel or flights is a charge of its own.
SURCHARGE_ON = re.compile(
    r"^[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)\s+surcharges?\s+on\s+(?:the\s+|all\s+)?(\w+)", re.I
)
GOODS = re.compile(
    r"goods|imports?|products|exports?|items|shipments|steel|aluminium|aluminum|cars|autos|vehicles|(?-i:[A-Z]\w+)",
    re.I,
)
RATE_NOUN_AFTER = re.compile(r"^[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)\s+(penalty|surcharge|ceiling|baseline)\b", re.I)
IMPOSING_VERBS = {"impose", "add", "slap", "levy", "announce", "set", "threaten", "put", "place", "order"}


def _modified_noun(doc: Doc, pos: int) -> str | None:
    """The measure noun an amount qualifies ("the $38 trillion national debt"), before any noun nearer by."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    for _ in range(3):
        if tok is None or tok.dep_ not in ("nummod", "compound", "quantmod", "amod") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "NOUN" and MEASURE_NOUNS.fullmatch(tok.text):
            named = " ".join([c.text for c in tok.lefts if c.dep_ == "compound"] + [tok.text])
            return named if MEASURE_NOUNS.fullmatch(named) else tok.text  # "a $4.5 billion trade surplus"
    return None


def _taxed_goods(participle: Token) -> bool:
    """Whether the goods a participle describes are what a tariff word before it taxes ("reduced the duty on
    parcels shipped from China")."""
    verb = next((a for a in participle.ancestors if a.pos_ in ("VERB", "AUX")), None)
    before = list(participle.ancestors) + ([w for w in verb.subtree if w.i < participle.i] if verb else [])
    return any(TARIFF_WORDS.fullmatch(w.text) for w in before)


def _governed_measure(doc: Doc, actors: Actors, pos: int) -> tuple[str, Actor | None] | None:
    """The measure named by the noun that a number's verb moves, and the country in that noun phrase."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    inside = tok
    for _ in range(5):
        if tok is None or tok.head.i == tok.i:
            return None
        inside, tok = tok, tok.head
        if TARIFF_WORDS.fullmatch(tok.text) or RATE_WORD.fullmatch(tok.text):
            return None  # "subject to a baseline 10 per cent tariff": the number is the tariff's
        if tok.pos_ == "NOUN" and inside.lower_ == "of" and GOVERNED_NOUNS.fullmatch(tok.text):
            owner = [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.dep_ == "dobj" else []
            words = list(tok.subtree) + [w for c in owner for w in c.subtree]
            return _measure_name(tok.text), _phrase_country(actors, words)  # "Kenya's bank expects growth of 5.2%"
        if tok.lower_ == "worth" and GOVERNED_NOUNS.fullmatch(tok.head.text):  # "exports worth R3.6 billion"
            return _measure_name(tok.head.text), _phrase_country(actors, list(tok.head.subtree))
        if tok.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.dep_ == "acl" and PERCENT_AT.match(text_of(doc)[pos:]) and _taxed_goods(tok):
        return None  # "the duty on parcels shipped from China to 54%": the rate the parse hung on the goods' verb
    lemma = tok.lemma_.lower()
    phrases = []
    verb = tok
    while verb.dep_ in ("xcomp", "conj", "ccomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    if lemma in VERB_MEASURE:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        who = _phrase_country(actors, list(subj[0].subtree)) if subj else None
        if who is None and lemma == "invest" and actors is not None:
            who = _investor(actors, verb)
        return VERB_MEASURE[lemma], who
    if lemma in CHANGE_VERBS:
        phrases = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif lemma in CAUSE_VERBS:
        phrases = [c for c in tok.children if c.dep_ == "dobj" and c is not inside]
        phrases += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("off", "from") and c is not inside
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for head in phrases:
        words = _core(head)
        if TARIFF_WORDS.fullmatch(head.text) or RATE_WORD.fullmatch(head.text):
            return None
        if GOVERNED_NOUNS.fullmatch(head.text):
            return _measure_name(head.text), _phrase_country(actors, words)
        if any(TARIFF_WORDS.fullmatch(w.text) for w in words):
            return None
        hit = next((w for w in words if GOVERNED_NOUNS.fullmatch(w.text) and w.pos_ != "PROPN"), None)
        if hit is not None:
            return _measure_name(hit.text), _phrase_country(actors, words)
    return None


FLOW = r"(?:(?:[\w-]+\s+){0,3}?(imports|exports|shipments|purchases)\s+)?"
QUOTA_BEFORE = re.compile(
    r"(?:\b(?:limit(?:s|ed|ing)?|restrict(?:s|ed|ing)?)\s+" + FLOW + r"to"
    r"|(?<!market )\bcap(?:s|ped|ping)?\s+" + FLOW + r"at"
    r"|\bquotas?\s+of"
    r"|\bquotas?\b[^.;]{0,60}?\b(?:from|to|at)(?:\s+[\d.,]+\s+\w+\s+to)?)\s+(?:about\s+|around\s+|some\s+|roughly\s+)?$",
    re.I,
)


def _quota(text: str, s: int) -> str | None:
    """ "limiting duty-free imports to 18.3mn tonnes", "capped exports at 12,000 tonnes", "a quota of 500,000
    cars": the amount is a quota on the flow, not the flow itself."""
    m = QUOTA_BEFORE.search(text[max(0, s - 80) : s])
    if m is None:
        return None
    flow = (m.group(1) or m.group(2) or "").lower()
    return {"imports": "import quota", "exports": "export quota", "shipments": "export quota"}.get(flow, "quota")


def _investor(actors: Actors, verb) -> Actor | None:
    """Who invests when the verb's own subject names nobody: "Roche said its plan to invest $50 billion in the US"
    is Roche's money, found as the subject of the verbs above; the US it goes into is not the investor."""
    tok = verb
    for _ in range(4):
        for subj in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            words = _core(subj)
            for kinds in (("organization",), ("country", "government")):
                hit = next((a for w in words if (a := actors.at(w.idx, w.idx + len(w.text), kinds=kinds))), None)
                if hit is not None:
                    return hit
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# "steel exports, worth roughly £1.9bn": the noun just before "worth" is what the money measures.
WORTH_BEFORE = re.compile(
    r"\b(?P<noun>[a-z]+)(?:\s+(?:last|this|a|per|each|the previous)\s+(?:year|month|quarter))?\W{0,2}\s+worth\s+"
    r"(?:(?:about|around|roughly|nearly|some|almost|over|more than|up to|close to|an estimated|at least)\s+)?$",
    re.I,
)
BOUGHT = re.compile(
    r"\b(?:bought|buys?|buying|purchased|purchases?|purchasing)\s+(?P<goods>(?:[\w'’.-]+\s+){1,3})$", re.I
)


TRADED = re.compile(r"\b(exported|imported|shipped|sold)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+$", re.I)
TRADED_MEASURE = {"exported": "exports", "shipped": "exports", "imported": "imports", "sold": "sales"}
# "RM198.65 billion worth of Malaysian exports": what the sum is worth of, after it
WORTH_OF = re.compile(
    r"^\s+worth\s+of\s+(?:[\w'’.-]+\s+){0,3}?(?P<noun>exports|imports|goods|shipments|trade|investments?|sales|"
    r"purchases|products)\b",
    re.I,
)


def _worth_measure(doc: Doc, actors: Actors, s: int) -> tuple[str, Actor | None] | None:
    """The measure of money written as what something is worth: the noun before "worth" when it is one
    ("exports, worth £1.9bn"), or the exports of the country whose goods were bought ("the United States bought
    Swiss watches worth CHF4.4 billion" is Swiss exports)."""
    text = text_of(doc)
    lo = max(0, s - 100)
    m = WORTH_BEFORE.search(text[lo:s])
    if m is None:
        return None
    noun = m.group("noun")
    if GOVERNED_NOUNS.fullmatch(noun):
        span = doc.char_span(lo + m.start("noun"), lo + m.end("noun"), alignment_mode="expand")
        words = list(span.root.subtree) if span is not None else []
        return _measure_name(noun), _phrase_country(actors, words)
    traded = TRADED.search(text[lo : lo + m.end("noun")])
    if traded:  # "a knitwear hub that exported garments worth about ₹40,000 crore"
        return TRADED_MEASURE[traded.group(1).lower()], None
    bought = BOUGHT.search(text[lo : lo + m.end("noun")] + " ")
    if bought is None:
        span = doc.char_span(lo + m.start("noun"), lo + m.end("noun"), alignment_mode="expand")
        if span is not None and span.root.pos_ == "NOUN":
            # "an economic exchange worth at least $1.2tn", "deals worth $243.5bn": the thing the sum is the worth of
            return _measure_name(noun), _phrase_country(actors, list(span.root.subtree))
        return None
    g0 = lo + bought.start("goods")
    for i in range(g0, lo + m.end("noun")):
        hit = actors.at(i, i + 1, kinds=("country", "government"))
        if hit is not None:
            return "exports", hit
    return None


def _borne_rate(doc: Doc, pos: int) -> bool:
    """ "India is paying 50%", "Brazil faces 50%": a bare rate a country pays or faces."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    if tok is None:
        return False
    if tok.dep_ == "nummod":
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("pay", "face", "incur", "attract")


def _sentence_before(doc: Doc, pos: int) -> str:
    sent = sentence_at(doc, pos)
    return text_of(doc)[sent.start_char : pos] if sent is not None else ""


def _measure_name(word: str) -> str:
    w = word.lower()
    return NOUN_MEASURE.get(w, w)


def _phrase_country(actors: Actors, words: list) -> Actor | None:
    """The country a noun phrase is about: "China's exports", "Japan's exports of cars to America" → the first
    one not after to/into."""
    if not words or actors is None:
        return None
    for w in words:
        if w.i > 0 and w.doc[w.i - 1].lower_ in ("to", "into", "from", "than", "with"):
            continue
        hit = actors.at(w.idx, w.idx + len(w.text), kinds=("country", "government"))
        if hit is not None:
            return hit
    return None


@dataclass
class Figure:
    text: str
    value: float
    unit: str | None
    measure: str | None
    subject: Actor | None
    start: int
    end: int

    def row(self) -> dict:
        v = int(self.value) if float(self.value).is_integer() else self.value
        return {"text": self.text, "value": v, "unit": self.unit, "measure": self.measure,
                "subject": self.subject.id if self.subject else None, "start": self.start, "end": self.end}  # fmt: skip


def _value(num: str, scale: str | None) -> float:
    n = num.lower()
    v = float(WORD_NUMBERS[n]) if n in WORD_NUMBERS else float(num.replace(",", ""))
    return scaled(v, SCALES.get((scale or "").lower(), 1.0))


def scaled(value: float, scale: float) -> float:
    """`value` times `scale` in decimal, as written: "$16.4 billion" is 16,400,000,000, not 16,399,999,999.999998."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


NUMBER_REACH = 600  # characters either side of a number that can explain it


def find_figures(doc: Doc, actors: Actors, skip: list[tuple[int, int]]) -> list[Figure]:
    """Numbers outside `skip` (dates, times, index names) with unit, measure and subject from their clause."""
    text = text_of(doc)
    taken = list(skip)
    out: list[Figure] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            if (
                kind in ("scaled", "count", "duration")
                and m.group("num").isdigit()
                and 1900 <= int(m.group("num")) <= 2100
                and kind != "duration"
            ):
                continue
            fig = _figure(kind, m, doc, actors)
            if fig:
                out.append(fig)
                taken.append((s, e))
    out += _range_starts(doc, out, taken)
    out += _sibling_rates(doc, out, taken)
    out += _counts(doc, taken)
    out += _bare_thousands(doc, taken)
    _rates_in_tariff_story(doc, actors, out)
    _respectively(doc, actors, out)
    _range_partners(doc, out)
    _fill_tariff_subjects(out)
    _per_share(doc, out)
    _its_own(doc, out)
    _company_subjects(doc, actors, out)
    _named_movers(doc, actors, out)
    _share_levels(doc, out)
    _currency_subjects(doc, actors, out)
    _index_countries(doc, actors, out)
    _employers(doc, actors, out)
    _trade_sides(doc, actors, out)
    _name_the_instrument(text, out)
    return sorted(out, key=lambda f: f.start)


TRADE_FLOW = re.compile(r"(?:trade )?(?:exports?|imports?|surplus|deficit)")


def _trade_sides(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    """A share of exports ("about 18% of total exports") or a quota ("the quota for Ukrainian sugar will rise to
    100,000 tons") belongs to the side that trades, as sums of exports do: not to the partner they go to."""
    text = text_of(doc)
    sums = tuple((g.start, g.end) for g in figures if _is_money(g.unit))
    for f in figures:
        quota = bool(re.fullmatch(r"quotas?", f.measure or ""))
        if not (quota or TRADE_FLOW.fullmatch(f.measure or "")) or _is_money(f.unit):
            continue
        sent = sentence_at(doc, f.start)
        if sent is None or (f.subject is not None and quota):
            continue
        word = "exports" if quota else f.measure
        side = _trader(actors, text, sent.start_char, sent.end_char, (f.start, f.end), word, sums)
        f.subject = side or f.subject


# "Unifor, which represents some 320,000 workers": the body a head count belongs to
EMPLOYER_BEFORE = re.compile(
    r"(?P<name>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?:(?-i:[A-Z])[\w&'’.-]*|of|and|the|&))*),\s+which\s+"
    r"(?:represents|employs|has|counts|supports|speaks for)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:about\s+|around\s+|some\s+|more than\s+|nearly\s+|over\s+|roughly\s+)?$",
    re.I,
)
PLACE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?", re.I)  # "45,000 people in Belgium"


def _employers(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    """Whose head count a count of workers is: the body whose which-clause gives it, else the country it is
    in ("employs around 45,000 people in Belgium"), else the one country its sentence names."""
    text = text_of(doc)
    for f in figures:
        if f.subject is not None or not (f.measure or "").startswith("employment"):
            continue
        sent = sentence_at(doc, f.start)
        lo = sent.start_char if sent is not None else max(0, f.start - 160)
        hi = sent.end_char if sent is not None else f.end + 80
        body = EMPLOYER_BEFORE.search(text, lo, f.start)
        if body is not None and not gz.country_of_text(body.group("name")):
            named = actors.at(body.start("name"), body.end("name"))
            f.subject = named or _company_at(actors, text, body.start("name"), body.end("name"))
            continue
        place = PLACE_AFTER.match(text, f.end, hi)
        if place is not None and (there := actors.at(place.end(), hi, kinds=("country", "government"))):
            f.subject = there
            continue
        sides = {
            a.country: a
            for a in actors.by_id.values()
            if a.kind in ("country", "government") and any(lo <= s < hi for s, _ in a.spans)
        }
        if len(sides) == 1:
            f.subject = next(iter(sides.values()))


def _name_the_instrument(text: str, figures: list[Figure]) -> None:
    """ "anti-dumping duties of 4.9%", "a 10% levy": a tariff rate the article calls a duty or a levy says so
    ("tariff rate (duty)"), as an analyst would write it; the nearest tariff word decides."""
    for f in figures:
        if f.measure != "tariff rate":
            continue
        stop = re.search(r"[.;!?](?:\s|$)", text[f.end : f.end + 40])  # within the figure's own sentence
        lo = max((m.end() for m in re.finditer(r"[.;!?]\s", text[max(0, f.start - 50) : f.start])), default=0)
        after = TARIFF_WORDS.search(text, f.end, f.end + (stop.start() if stop else 40))
        before = list(TARIFF_WORDS.finditer(text, max(0, f.start - 50) + lo, f.start))
        near = [m for m in (after, before[-1] if before else None) if m is not None]
        if not near:
            continue
        word = min(near, key=lambda m: m.start() - f.end if m.start() >= f.end else f.start - m.end()).group(0).lower()
        if word.startswith(("dut", "lev")):
            f.measure = f"tariff rate ({'duty' if word.startswith('dut') else 'levy'})"


def _counts(doc: Doc, taken: list[tuple[int, int]]) -> list[Figure]:
    """A number before a plural noun ("75 countries", "500,000 families") counts that noun."""
    out = []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        proper = _proper_run(doc, tok.i + 1)
        if tok.like_num and proper and _plural(doc[tok.i + 1 + proper]):
            # "50 Boeing jets", "1,800 South African products": a name or nationality between number and noun
            nxt = doc[tok.i + 1 + proper]
        elif (  # "35,000 farm jobs": a lower-case noun before the counted noun
            tok.like_num
            and tok.i + 2 < len(doc)
            and nxt.tag_ == "NN"
            and nxt.dep_ == "compound"
            and nxt.lower_ not in COUNT_SCALES
            and nxt.text.isalpha()
            and nxt.text.islower()
            and _plural(doc[tok.i + 2])
        ):
            nxt = doc[tok.i + 2]
        scale = 1.0
        people = nxt.tag_ == "NNPS" and nxt.text.isalpha() and gz.country_of_text(nxt.text) is not None
        if tok.like_num and not people and not _plural(nxt):
            nxt, scale = _counted_noun(tok)
        if not (tok.like_num and (people or _plural(nxt))):
            continue  # counts plural nouns and a nation's people ("66,000 Kenyans")
        s, e = tok.idx, nxt.idx + len(nxt.text)
        if (
            tok.i > 0
            and doc[tok.i - 1].lower_ in ("the", "both", "these", "those", "all")
            and not (tok.text[:1].isdigit() and _value(tok.text, None) >= 100)
            or tok.lower_ in ("one", "two")
        ):
            continue  # "the two leaders" points back to people already named; "the 23,000 workers" counts them
        if any(a < e and s < b for a, b in taken) or (tok.text.isdigit() and 1900 <= int(tok.text) <= 2100):
            continue
        try:
            value = scaled(_value(tok.text, None), scale)
        except (KeyError, ValueError):
            continue
        fx = _currency_quoted(text_of(doc), tok.sent.start_char, s) if nxt.lower_ == "units" else None
        if fx and PER_CURRENCY.match(text_of(doc)[e : e + 30]):  # "the shilling held at 129.24 units to the dollar"
            out.append(Figure(text_of(doc)[s:e], value, None, fx_measure(fx.group(0)), None, s, e))
            taken.append((s, e))
            continue
        governed = _governed_measure(doc, None, s)  # "sales rose 14% to 666,470 units"
        measure = governed[0] if governed else "jobs" if nxt.lower_ == "jobs" else "count"  # "35,000 farm jobs"
        if measure in ("jobs", "count") and _employed(doc, tok, nxt):
            measure = f"employment ({nxt.lower_})"  # "employs 4,200 workers", "66,000 EPZ jobs"
        measure = _quota(text_of(doc), s) or measure
        out.append(Figure(text_of(doc)[s:e], value, nxt.text, measure, None, s, e))
        taken.append((s, e))
    return out


STAFF_NOUNS = {"jobs", "workers", "employees", "staff", "people", "positions", "personnel", "employers"}
EMPLOY_WORDS = re.compile(r"\b(?:employ\w*|hir\w+|jobs?|work(?:s|ing)? for|lay(?:s|ing)? off|laid off|payroll)\b", re.I)


def _employed(doc: Doc, number: Token, noun: Token) -> bool:
    """Whether a count is of people in work: jobs and workers always, people when the clause speaks of employing."""
    if noun.lower_ not in STAFF_NOUNS:
        return False
    if noun.lower_ in ("jobs", "workers", "employees", "staff", "personnel", "positions"):
        return True
    return _says(doc, number.sent, EMPLOY_WORDS)


BARE_THOUSANDS = re.compile(r"(?<![\w.,$€£¥/-])\d{1,3}(?:,\d{3})+(?![\d,]*\d|\.\d|\w|\s*(?:%|-))")


def _bare_thousands(doc: Doc, taken: list[tuple[int, int]]) -> list[Figure]:
    """A number written with thousands separators means something even with no unit after it: "payrolls were
    revised down by a combined 258,000". Its measure is the noun its verb moves, if any."""
    text = text_of(doc)
    out = []
    for m in BARE_THOUSANDS.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        governed = _governed_measure(doc, None, s)
        out.append(Figure(m.group(0), _value(m.group(0), None), None, governed[0] if governed else None, None, s, e))
        taken.append((s, e))
    return out


# Nouns whose plural is the singular: "50 Boeing aircraft", "2,000 head of cattle".
SAME_PLURAL = {"aircraft", "cattle", "sheep", "livestock", "personnel", "fish", "swine", "poultry", "staff", "deer"}


def _plural(tok) -> bool:
    """A lower-case plural noun a number can count; the tagger calls "aircraft" singular, so those are listed."""
    return tok.text.isalpha() and tok.text.islower() and (tok.tag_ == "NNS" or tok.lower_ in SAME_PLURAL)


def _counted_after(doc: Doc, end: int) -> str | None:
    """The plural noun right after a scaled number, past a name or nationality: "2.2 million American jobs"."""
    after = doc.char_span(end, min(len(text_of(doc)), end + 40), alignment_mode="expand")
    if after is None or not len(after) or after[0].idx < end:
        return None
    i = after.start + (after[0].is_space)
    i += _proper_run(doc, i) if i < len(doc) else 0
    return doc[i].text if i < len(doc) and _plural(doc[i]) else None


def _proper_run(doc: Doc, i: int) -> int:
    """How many capitalised names or nationalities (at most two) start at token `i`: "Boeing", "South African"."""
    n = 0
    while n < 2 and i + n < len(doc) - 1:
        w = doc[i + n]
        if not (w.text[:1].isupper() and w.text.isalpha() and w.pos_ in ("PROPN", "ADJ")):
            break
        n += 1
    return n


SIBLING_LEVEL = re.compile(
    r"(?<=\b(?:of|at|to) )\d{2,4}(?:\.\d+)?\b"
    r"(?!\s*(?:%|per ?cent\b|percent\b|(?!(?:in|on|at|by|and|for|as|while|from|to|a|the)\b)[a-z]))"
)


def _sibling_rates(doc: Doc, figures: list[Figure], taken: list[tuple[int, int]]) -> list[Figure]:
    """A bare number near a currency's level in the same sentence, and close to it in size, is the same rate:
    "around 150 to the dollar, compared with assumptions of 145"."""
    text = text_of(doc)
    out = []
    for f in figures:
        if f.unit is not None or not (f.measure or "").startswith(FX_MEASURE):
            continue
        sent = sentence_at(doc, f.start)
        for m in SIBLING_LEVEL.finditer(text, sent.start_char, sent.end_char):
            s, e = m.span()
            value = float(m.group(0))
            if any(a < e and s < b for a, b in taken) or not 0.8 * f.value <= value <= 1.25 * f.value:
                continue
            out.append(Figure(text[s:e], value, None, f.measure, None, s, e))
            taken.append((s, e))
    return out


RANGE_START = re.compile(
    r"(?:(?<=\bbetween )|(?<![\w.,]))(?P<num>\d+(?:\.\d+)?)\s*(?P<sep>-|–|\bto\b|\band\b)\s*$", re.I
)
RANGE_UNITS = ("percent", "percentage points", "basis points", *DURATIONS.values())


def _range_starts(doc: Doc, figures: list[Figure], taken: list[tuple[int, int]]) -> list[Figure]:
    """The first number of a range shares the unit written once after the second: "8-10%", "0.2 to 0.3 percentage
    points", "between 15 and 41 per cent", "rates of 37 and 49 per cent". It means what its partner means."""
    text = text_of(doc)
    out = []
    for f in figures:
        if f.unit not in RANGE_UNITS:
            continue
        m = RANGE_START.search(text, max(0, f.start - 24), f.start)
        if m is None or m.end() != f.start:
            continue
        if m.group("sep").lower() == "and" and not re.search(
            r"\b(?:between|of|at)\s$", text[max(0, m.start() - 8) : m.start()], re.I
        ):
            continue  # "between 15 and 41 per cent", "rates of 37 and 49 per cent"; not "Section 232 and 25%"
        s, e = m.start("num"), m.end("num")
        if any(a < e and s < b for a, b in taken) or (m.group("num").isdigit() and 1900 <= int(m.group("num")) <= 2100):
            continue
        out.append(Figure(text[s:e], _value(m.group("num"), None), f.unit, f.measure, f.subject, s, e))
        taken.append((s, e))
    return out


COUNT_SCALES = {"thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
BETWEEN_DEPS = {"amod", "cc", "conj", "compound", "nummod", "advmod"}


def _counted_noun(tok):
    """The plural noun a number counts across a scale word and modifiers: "2.5 lakh families", "150,000 medium
    and heavy trucks", "3 thousand skilled workers". Returns the number itself when it counts nothing."""
    doc, scale = tok.doc, 1.0
    j = tok.i + 1
    if j < len(doc) and doc[j].lower_ in COUNT_SCALES:
        scale, j = COUNT_SCALES[doc[j].lower_], j + 1
    end = min(len(doc), j + 4)
    while j < end and doc[j].tag_ != "NNS" and doc[j].dep_ in BETWEEN_DEPS and doc[j].text.isalpha():
        if not doc[j].text.islower() or doc[j].like_num:
            return tok, 1.0
        j += 1
    if j >= len(doc) or doc[j].tag_ != "NNS" or j == tok.i + 1:
        return tok, 1.0
    noun = doc[j]
    owner = tok.head if tok.head.lower_ not in COUNT_SCALES else tok.head.head
    if owner.i != noun.i and not (tok.dep_ == "compound" and tok.head.head.i == noun.i):
        return tok, 1.0  # the number belongs to something else: "rose 3 percent, and new orders ..."
    return noun, scale


RATE_WORD = re.compile(NOT_TARIFF_RATE + r"\b(rates?|baseline|ceiling)\b", re.I)


# What a country is charged, in a story whose rates are tariffs: "would face 25%", "will pay 15 per cent",
# "was hit with 39 per cent".
CHARGED = re.compile(
    r"\b(?:fac(?:e|es|ed|ing)|pa(?:y|ys|id|ying)|(?:hit|slapped|saddled) with|charged|subject(?:ed)? to)\s+"
    r"(?:a |an |the |rates? of |tariffs? of |duties of |levies of )?(?:about |around |up to |as much as )?$",
    re.I,
)


def _rates_in_tariff_story(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    """In a story whose rates are tariff rates, "a rate of 27.5 per cent", "the baseline 10 per cent" and "after
    facing 36 per cent" (a sentence on from the rates) are tariff rates too."""
    if sum(f.measure == "tariff rate" for f in figures) < 2:
        return
    text = text_of(doc)
    for f in figures:
        if f.unit != "percent" or f.measure is not None:
            continue
        sent = sentence_at(doc, f.start)
        lo, hi = max(sent.start_char, f.start - 40), min(sent.end_char, f.end + 30)
        prev = _previous_sentence(doc, sent.start_char)
        listed = _listed_before(doc, actors, f.start)
        if (
            RATE_WORD.search(text[lo:hi])
            or listed is not None
            or CHARGED.search(text[lo : f.start])
            or (RATE_WORD.search(prev) and re.search(r"\b(fac\w+|got|get|pay\w*)\b", text[lo : f.start]))
        ):
            clause = text[sent.start_char : sent.end_char]
            f.measure = "tariff rate"
            f.subject = listed or _tariff_target(doc, actors, clause, f.start - sent.start_char, sent.start_char)


def _respectively(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    """ "Thailand and Cambodia ... 36 per cent and 49 per cent respectively": each rate to its country, in order."""
    text = text_of(doc)
    for m in re.finditer(r"\brespectively\b", text):
        sent = sentence_at(doc, m.start())
        if sent is None:
            continue
        rates = [f for f in figures if sent.start_char <= f.start < m.start() and f.unit == "percent"]
        countries = sorted(
            (s, a)
            for a in actors.by_id.values()
            if a.kind in ("country", "government")
            for s, _ in a.spans
            if sent.start_char <= s < sent.end_char
        )
        for k in range(len(rates), 1, -1):  # the last k rates answer the last k countries named before them
            tail = rates[-k:]
            before = [a for s, a in countries if s < tail[0].start][-k:]
            if len(before) == k and len({a.id for a in before}) == k:
                for f, a in zip(tail, before, strict=True):
                    f.subject = a
                    if f.measure is None and any(g.measure == "tariff rate" for g in figures):
                        f.measure = "tariff rate"
                break


RANGE_BETWEEN = re.compile(r"^\s*(?:to|and|-|–)\s*$", re.I)
RANGE_OPENER = re.compile(r"\b(?:from|between|ranging from|range of)\s+(?:about\s+|around\s+)?$", re.I)


def _is_money(unit: str | None) -> bool:
    """Units of money are ISO 4217 codes ("USD", "BDT"); counts, points and percent are not."""
    return bool(unit and len(unit) == 3 and unit.isupper())


def _range_partners(doc: Doc, figures: list[Figure]) -> None:
    """ "rates ranging from 10% to 41% on goods": both ends of a range measure the same thing, so a tariff rate
    read at one end is the other's too."""
    text = text_of(doc)
    ordered = sorted(figures, key=lambda f: f.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if (
            a.unit == b.unit and _is_money(a.unit) and RANGE_BETWEEN.match(text[a.end : b.start])
        ):  # "tariffs to cost it $4 billion to $5 billion"
            known = a if a.measure not in ("value", None) else b
            for end in (a, b):
                if end.measure in ("value", None):
                    end.measure, end.subject = known.measure, end.subject or known.subject
            continue
        if a.unit != b.unit or a.unit not in RANGE_UNITS or not RANGE_BETWEEN.match(text[a.end : b.start]):
            continue
        if not RANGE_OPENER.search(text[max(0, a.start - 30) : a.start]):
            continue
        if a.measure == "tariff rate" and b.measure != "tariff rate":
            b.measure, b.subject = a.measure, b.subject or a.subject
        elif b.measure == "tariff rate" and a.measure != "tariff rate":
            a.measure, a.subject = b.measure, a.subject or b.subject


# The same measure again: "Ford puts its own at $2bn", "up from an earlier $1.5 billion estimate".
ITS_OWN = re.compile(
    r"\b(?:(?:its|their|his|her) own\b[^.;$€£¥\d]{0,20}|(?:up|down) from (?:an? |the |its )?(?:earlier|previous|prior|"
    r"initial) (?:estimate of |forecast of )?)$",
    re.I,
)


def _its_own(doc: Doc, figures: list[Figure]) -> None:
    """ "GM expects a tariff bill of $5bn; Ford puts its own at $2bn": "its own" names the measure just given."""
    text = text_of(doc)
    for f in figures:
        if not ITS_OWN.search(text[max(0, f.start - 40) : f.start]):
            continue
        sent = sentence_at(doc, f.start)
        prev = sorted(
            (g for g in figures if g.unit == f.unit and g.measure and sent.start_char <= g.start < f.start),
            key=lambda g: g.start,
        )
        if prev:
            f.measure = prev[-1].measure
            f.subject = f.subject or prev[-1].subject


# A market named by its country: "Kuwait's premier index dropped 5.7%", "the Saudi benchmark", "Qatar's bourse".
MARKET_NOUN = re.compile(r"\b(?:index|indexes|indices|benchmark|bourse|stock market|stock exchange|shares)\b", re.I)

THE_INDEX = re.compile(r"[Tt]he (?:index|benchmark)", re.S)
INDEX_REACH = 600  # characters back to the index that "the index" stands for

# Who owns the noun that follows: "Kuwait's premier (index)", "the Canadian (dollar)", "Egypt's (pound)".
OWNER_BEFORE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}$")


def _index_countries(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    """An index move whose index the tables do not know is the country's market that names it just before
    ("Qatar's benchmark lost 4.2%"), so it is not left about nothing."""
    text = text_of(doc)
    ordered = sorted(figures, key=lambda f: f.start)
    for before, f in zip([None, *ordered], ordered, strict=False):
        if f.subject is not None or f.measure not in ("index change", "index level"):
            continue
        if (
            before is not None
            and before.measure == f.measure
            and re.fullmatch(r",?\s+or\s+", text[before.end : f.start])
        ):
            f.subject = before.subject  # "down 514.48 points, or 7.90 percent": one move in two units
            continue
        sent = sentence_at(doc, f.start)
        lo = sent.start_char if sent is not None else max(0, f.start - 120)
        lo = max([lo, *(g.end for g in figures if lo <= g.end <= f.start)])  # not past the figure before
        nouns = list(MARKET_NOUN.finditer(text, lo, f.start))
        if not nouns:
            continue
        noun = nouns[-1]
        owner = OWNER_BEFORE.search(text, max(lo, noun.start() - 40), noun.start())
        named = actors.at(owner.start(1), owner.end(1), kinds=("country", "government")) if owner else None
        if named is None and THE_INDEX.fullmatch(text, noun.start() - 4 if noun.start() >= 4 else 0, noun.end()):
            # "The index closed down 514.48 points": the index named last before, in the lines just above
            named = _nearest_actor(actors, max(0, f.start - INDEX_REACH), noun.start(), noun.start(), ("market_index",))
        if named is not None:
            f.subject = named


def _currency_subjects(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    """An exchange rate or its move is about a currency, so its subject is that currency (an actor of kind
    `currency`, ISO 4217 id): "the loonie rose to 72.3 U.S. cents" is the Canadian dollar's, "the dollar" in a
    Canadian story too; "Tk 122.3 per dollar" is the taka's."""
    text = text_of(doc)
    by_country = Counter(
        a.country for a in actors.by_id.values() if a.kind in ("country", "government") for _ in a.spans
    )
    for f in figures:
        word = re.search(r"\(([^()]+)\)$", f.measure or "") if (f.measure or "").startswith(FX_MEASURE) else None
        if word is None:
            continue
        sent = sentence_at(doc, f.start)
        lo, hi = (sent.start_char, sent.end_char) if sent is not None else (f.start, f.end)
        lo, hi = max(lo, f.start - FX_REACH), min(hi, f.end + FX_REACH)  # near the figure, however long the sentence
        said = list(re.finditer(rf"\b{re.escape(word.group(1))}s?\b", text[lo:hi], re.I))
        before = [m for m in said if lo + m.end() <= f.start]
        mention = before[-1] if before else (said[0] if said else None)
        code = f.unit if f.unit in gz.currencies() and f.unit != "USD" else None
        if code is not None and word.group(1).lower() not in gz.currency_words(code) | {"currency"}:
            code = None  # "the euro at $1.1587": the unit is the money it is quoted in
        if code is None:
            at = lo + mention.start() if mention else lo
            owner = OWNER_BEFORE.search(text, max(lo, at - 30), at) if mention else None
            named = gz.country_of_text(owner.group(1)) if owner else None
            code = gz.currency_code(word.group(1), [named, actors.home, *(c for c, _ in by_country.most_common())])
        if code == "USD" and f.unit in gz.currencies() and f.unit != "USD":
            code = f.unit  # "the dollar fell against the real, to R$5.3962": the real's rate, as dollar rates go
        if code is None:
            continue
        f.subject = _currency_actor(actors, code)
        if f.unit is None and code != "USD" and not f.measure.startswith(f"{FX_MEASURE} change"):
            f.unit = code  # "the rupee closed at 282.81 against the US dollar": 282.81 rupees a dollar
        if mention is not None:
            f.subject.spans.append((lo + mention.start(), lo + mention.end()))


def _currency_actor(actors: Actors, code: str) -> Actor:
    found = actors.by_id.get(code.lower())
    if found is not None and found.kind == "currency":
        return found
    row = gz.currencies()[code]
    return actors.add(Actor(id=code.lower(), name=row["name"], kind="currency", country=row["issuer"] or None))


# A firm's own money: what it earns, loses, pays in tariffs or is worth.
COMPANY_MEASURES = re.compile(
    r"value|revenue|sales|profits?|losses|loss|net loss|earnings|income|net income|tariff cost|margins?|dividends?|"
    r"investments?|employment \(\w+\)|"
    r"market value|shares \(price(?: change)?\)|earnings per share"
)
FIRM_RESULTS = re.compile(r"revenue|sales|profits?|income|net income|earnings|margins?|losses|loss|net loss")
# A company named again by what it is, or by "it": "The Detroit automaker reported ...", "tariffs had cost it".
COMPANY_ANAPHOR = re.compile(
    r"\b(?:[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:company|automaker|carmaker|firm|group|maker|retailer|manufacturer|lender|"
    r"bank|airline|chipmaker|brewer|exporter|producer|conglomerate|giant|stock|shares)|[Ii]ts?)\b"
)
# Bodies of the state are not the firm a sum belongs to ("the White House", "the Federal Reserve").
PUBLIC_BODY = re.compile(
    r"\b(House|Ministry|Department|Commission|Council|Office|Agency|Reserve|Parliament|Congress|Senate|Court|"
    r"Government|Administration|Bureau|Authority|Union|Committee|Federation|Association|Chamber|Institute|"
    r"University|Party|Organi[sz]ation|Fund|Customs|Treasury|Bank of|Central Bank|Workers)\b"
)


def _companies(actors: Actors) -> list[Actor]:
    return [
        a
        for a in actors.by_id.values()
        if a.kind == "organization"
        and not PUBLIC_BODY.search(a.name)
        and (gz.known_company(a.name) or not gz.known_body(a.name))
    ]


# A company's move written without a verb in a market report: "with Kerry Group down 2.1pc and Glanbia 1.8pc lower".
MOVER_BEFORE = re.compile(
    r"(?:\bwith|\band|\bwhile|,)\s+(?P<name>(?-i:[A-Z][\w&.'’-]*)(?:\s+(?-i:[A-Z][\w&.'’-]*)){0,3})\s+"
    r"(?:(?:was|were|closed|ended|finished)\s+)?(?P<dir>down|up)?\s*(?:about\s+|nearly\s+|almost\s+)?$"
)
MOVE_AFTER = re.compile(r"\s*(?:lower|higher|down|up)\b")


def _named_movers(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    text = text_of(doc)
    for f in figures:
        if f.unit != "percent" or f.measure not in (None, "index change"):
            continue
        sent = sentence_at(doc, f.start)
        if sent is None or not (
            _market_talk(doc, sent) or actors.at(sent.start_char, sent.end_char, kinds=("market_index",))
        ):
            continue
        m = MOVER_BEFORE.search(text, max(sent.start_char, f.start - 60), f.start)
        if m is None or not (m.group("dir") or MOVE_AFTER.match(text, f.end)):
            continue
        start, end = m.span("name")
        name = m.group("name")
        if name.split()[0] in ("The", "A", "An") or actors.at(start, end, kinds=NOT_FIRMS):
            continue
        closing = re.search(r"\b(?:closed|ended|finished)\b", m.group(0))
        if gz.country_of_text(name) or INDEX_WORDS.search(name) or (closing and gz.city_country(name)):
            continue  # "while Muscat closed 2.6 percent lower": a city's market; but "with Toyota up 3%": a firm
        f.measure, f.subject = SHARE_MOVE, _company_at(actors, text, start, end)


NOT_FIRMS = ("person", "country", "government", "market_index", "currency", "media", "place")


def _share_levels(doc: Doc, figures: list[Figure]) -> None:
    """ "Canfor lost 3.4 per cent to $14.26": the money a share move ends at is the share's price."""
    text = text_of(doc)
    ordered = sorted(figures, key=lambda f: f.start)
    for move, level in zip(ordered, ordered[1:], strict=False):
        if move.measure != SHARE_MOVE or level.measure not in ("value", SHARE_PRICE, None):
            continue
        if _is_money(level.unit) and re.fullmatch(r"\s+(?:to|at)\s+(?:about\s+)?", text[move.end : level.start]):
            level.measure, level.subject = SHARE_PRICE, move.subject


def _company_subjects(doc: Doc, actors: Actors, figures: list[Figure]) -> None:
    """A firm's money or share price with no country to it belongs to the firm the sentence names, or, when the
    sentence calls it "the automaker" or "it", to the firm named last before ("The Detroit automaker reported
    revenue of $50.2 billion")."""
    companies = _companies(actors)
    text = text_of(doc)
    for f in figures:
        if not f.measure or not COMPANY_MEASURES.fullmatch(f.measure):
            continue
        if not (
            _is_money(f.unit)
            or f.measure.startswith(("shares", "employment"))
            or (f.unit == "percent" and FIRM_RESULTS.fullmatch(f.measure))
        ):
            continue  # a firm's sums are money; in percent, only its share price and its results move
        sent = sentence_at(doc, f.start)
        if sent is None:
            continue
        paren = re.search(r"\S(\s*)\(\s*$", text[max(0, f.start - 4) : f.start])
        if paren:  # "including Johnson & Johnson ($55 billion), AstraZeneca ($50 billion)": each firm's own sum
            end = f.start - len(paren.group(0)) + 1
            listed = actors.at(end - 1, end)
            span = doc.char_span(end - 1, end, alignment_mode="expand")
            if listed is None and span is not None and span.root.pos_ == "PROPN":
                listed = _listed_company(doc, actors, span.root)
            if listed is not None and listed.kind == "organization":
                f.subject = listed
                continue
        pledged = f.measure.startswith("investment") and any(
            sent.start_char <= s < f.start for a in companies for s, _ in a.spans
        )  # "Apple pledged an additional $100 billion in U.S. investment": the firm's money, the US's gain
        if f.subject is not None and not pledged:
            continue
        firm = _nearest_actor(actors, sent.start_char, sent.end_char, f.start, ("organization",))
        if firm is not None and firm not in companies:
            continue
        if firm is None and COMPANY_ANAPHOR.search(text, sent.start_char, f.start):
            before = [
                (s, a) for a in companies for s, _ in a.spans if max(0, sent.start_char - 600) <= s < sent.start_char
            ]
            firm = max(before, key=lambda m: m[0])[1] if before else None
        if firm is not None:
            f.subject = firm


PER_SHARE = re.compile(r"\b(?:a|per)\s+(?:diluted\s+)?share\b", re.I)
EARNINGS = re.compile(r"\b(earnings|profits?|EPS|income)\b", re.I)


def _per_share(doc: Doc, figures: list[Figure]) -> None:
    """Money in a sentence that quotes amounts "a share" is a company's per-share figure ("cut its forecast to
    between $2.10 and $2.30 a share, from $2.65"): no country's, whichever is named nearby."""
    text = text_of(doc)
    for f in figures:
        if not _is_money(f.unit) or f.value >= 1e4:
            continue  # only small amounts of money are per share
        sent = sentence_at(doc, f.start)
        if sent is None or not PER_SHARE.search(text[sent.start_char : sent.end_char]):
            continue
        f.subject = None
        if EARNINGS.search(text[sent.start_char : sent.end_char]):
            f.measure = "earnings per share"


def _fill_tariff_subjects(figures: list[Figure]) -> None:
    """A tariff rate whose sentence names no country is about the country the article's tariffs mostly target."""
    targets = Counter(f.subject.id for f in figures if f.measure == "tariff rate" and f.subject is not None)
    if not targets:
        return
    main = targets.most_common(1)[0][0]
    subject = next(f.subject for f in figures if f.subject is not None and f.subject.id == main)
    for f in figures:
        if f.measure == "tariff rate" and f.subject is None:
            f.subject = subject


def _figure(kind: str, m: re.Match, doc: Doc, actors: Actors) -> Figure | None:
    g = m.groupdict()
    s, e = m.span()
    value = _value(g["num"], g.get("scale"))
    unit, measure = None, None
    if kind == "currency":
        if g.get("sym") in LETTER_SYMBOLS and not LETTER_SYMBOLS[g["sym"]].search(text_of(doc)):
            return None  # "N95", "P500": a letter is the naira or the peso only in a Nigerian or Philippine story
        unit = CURRENCY_SYMBOLS.get(g.get("sym") or "", None) or CURRENCY_WORDS.get(
            re.sub(r"\s+", " ", g.get("word") or "").lower()
        )
        unit = DOLLAR_ADJECTIVES.get(g.get("adj") or "", unit)
        unit = g.get("code") or unit
        if (
            g.get("sym") == "$"
            and actors.home in LOCAL_DOLLARS
            and not LOCAL_DOLLAR_MARK.search(text_of(doc))
            and not WIRE_MARK.search(text_of(doc)[:600])
            and not USD_QUOTE.match(text_of(doc)[e : e + 24])
        ):
            unit = LOCAL_DOLLARS[actors.home]
        if g.get("sym") == "$" and (
            USD_QUOTE.match(text_of(doc)[e : e + 24]) or USD_PRICED.search(_sentence_before(doc, s))
        ):
            unit = "USD"
        if unit == "KES" and actors.home in LOCAL_SHILLINGS:
            unit = LOCAL_SHILLINGS[actors.home]
        if unit == "INR" and actors.home in LOCAL_RUPEES:
            unit = LOCAL_RUPEES[actors.home]
        if (g.get("sym") == "¥") and "yuan" in text_of(doc)[e : e + 12].lower():
            unit = "CNY"
    elif kind == "percent":
        unit = "percentage points" if "point" in g["pct"].lower() else "percent"
    elif kind == "points":
        unit = "points"
    elif kind == "basis":
        unit, measure = (
            "basis points",
            "yield change" if re.search(r"yield|bond|treasur", text_of(doc)[max(0, s - 80) : e], re.I) else None,
        )
    elif kind == "size":
        unit, measure = SIZE_UNITS[g["size"].lower()], "size"
    elif kind == "duration":
        unit = DURATIONS[g["dur"].lower()]
        measure = "duration"
    elif kind == "level":
        return _level(m, doc, actors)
    elif kind == "subunit":
        return _subunit(m, doc)
    sent = doc.char_span(s, e, alignment_mode="expand")
    if sent is None:
        return None
    sent = sentence_at(doc, s)
    lo, hi = clause_bounds(doc, s, e, reach=NUMBER_REACH)
    clause = text_of(doc)[lo:hi]
    rel = s - lo
    subject = None
    if kind in ("percent", "points"):
        measure, subject = _rate_meaning(doc, actors, clause, rel, lo, unit)
        if kind == "points" and measure == "index change" and AT_LEVEL.search(text_of(doc)[max(0, s - 24) : s]):
            measure = "index level"  # "rose 0.6 per cent to 8,712 points": where it stands, not how far it moved
    elif kind in ("currency", "scaled"):
        noun = _modified_noun(doc, s) or _nearest(MEASURE_NOUNS, clause, rel)
        measure = noun.lower() if noun else ("value" if unit else None)
        governed = _governed_measure(doc, actors, s)
        if governed is None and measure in ("worth", "value", None):
            governed = _worth_measure(doc, actors, s)
        worth_of = WORTH_OF.match(text_of(doc)[e : e + 80]) if governed is None else None
        if worth_of and measure in ("worth", "value", None):
            measure = _measure_name(worth_of.group("noun"))
        if governed is not None:
            measure = governed[0]
        measure = _quota(text_of(doc), s) or measure
        quoted = value < 10_000 or PER_CURRENCY.match(text_of(doc)[e : e + 30])  # "Rp 16,690 per US dollar"
        fx = _currency_quoted(text_of(doc), sent.start_char, s) if kind == "currency" and quoted else None
        if kind == "currency" and unit != "USD" and EXCHANGE_RATE_BEFORE.search(text_of(doc)[max(0, s - 40) : s]):
            # "the exchange rate of N1,500/$": the rate of the money it is written in
            measure = fx_measure(gz.currencies()[unit]["name"] if unit in gz.currencies() else "currency")
        elif fx and (measure in ("value", None) or PER_CURRENCY.match(text_of(doc)[e : e + 30])):
            # "the pound was little changed at $1.357", "the rand firmed to R19.24": a currency's rate in money
            measure = fx_measure(fx.group(0), change=not LEVEL_BEFORE.search(text_of(doc)[max(0, s - 16) : s]))
        money = TARIFF_MONEY_AFTER.match(text_of(doc)[e : e + 40]) or TARIFF_MONEY_BEFORE.search(
            text_of(doc)[max(0, s - 80) : s]
        )
        if money:
            word = money.group(0).lower()
            measure = "tariff cost" if re.search(r"bill|cost|carved|shaved|knocked|wiped", word) else "tariff revenue"
            if "customs" in word:
                measure = "customs revenue"
        if USD_QUOTE.match(text_of(doc)[e : e + 24]) or (
            measure in ("value", None) and unit == "USD" and USD_PRICED.search(_sentence_before(doc, s))
        ):
            measure = "price"  # "$4,163 an ounce", "WTI crude dropped 2% to $58.30"
            good = USD_PRICED.search(_sentence_before(doc, s))
            if good and COMMODITY.fullmatch(good.group(1)):
                measure = f"{good.group(1).lower()} price"  # "gold climbed 2.2% to $3,362.50 an ounce"
        if measure in ("value", None) and SHARE_PRICED.search(_sentence_before(doc, s)):
            measure = SHARE_PRICE  # "Ford shares fell about 3% to $11.09"
        cover = COVERED_BY.search(text_of(doc)[max(0, s - 60) : s])
        if cover:  # "counter-tariffs on C$29.8 billion worth of goods": the goods the measure covers
            measure = f"goods covered by {cover.group(1).lower()}"
        # the "US" of "US$16.8 billion" is the currency's, not a side
        subject = _nearest_actor(actors, lo, hi, s, ("country", "government"), skip=lambda m: s <= m < e)
        if governed is not None and governed[1] is not None:
            subject = governed[1]
        if kind == "scaled" and unit is None:
            unit = _counted_after(doc, e)  # "2.2 million American jobs" counts jobs
            sent = sentence_at(doc, s)
            if measure is None and unit in STAFF_NOUNS and sent is not None and _says(doc, sent, EMPLOY_WORDS):
                measure = f"employment ({unit})"  # "the sector employs around 3.2 million people"
    if measure and TRADE_FLOW.fullmatch(measure):
        subject = _trader(actors, text_of(doc), lo, hi, (s, e), measure)
    return Figure(text=text_of(doc)[s:e], value=value, unit=unit, measure=measure, subject=subject, start=s, end=e)


PARTNER_BEFORE = {
    "export": re.compile(r"\b(?:to|into)\s+(?:the\s+)?$", re.I),  # "exports to the US": the buyer
    "import": re.compile(r"\bfrom\s+(?:the\s+)?$", re.I),  # "imports from China": the seller
    "balance": re.compile(r"\b(?:with|to|against)\s+(?:the\s+)?$", re.I),  # "a surplus with the US": the other side
}


def _trader(
    actors: Actors, text: str, lo: int, hi: int, span: tuple[int, int], measure: str, sums: tuple = ()
) -> Actor | None:
    """Whose exports, imports or trade balance a number is: the nearest country in the clause that is not the
    trade's partner ("exports to the US" are not American); with none, the country the story is told from
    ("Merchandise exports to the US fell 11.93%" in an Indian paper)."""
    word = measure.split()[-1].rstrip("s")
    partner = PARTNER_BEFORE.get(word, PARTNER_BEFORE["balance"])
    sides = ("country", "government")
    pos, end = span
    trader = _nearest_actor(
        actors,
        lo,
        hi,
        pos,
        sides,
        skip=lambda s: (
            pos <= s < end
            or any(a <= s < b for a, b in sums)  # the "US" of another figure's "US$"
            or bool(partner.search(text[max(0, s - 12) : s]))
        ),
    )
    return trader or next(
        (a for a in actors.by_id.values() if a.kind in ("country", "government") and a.country == actors.home), None
    )


COVERED_BY = re.compile(
    r"\b(counter-?tariffs?|tariffs?|levies|duties|countermeasures|retaliation)\s+(?:[\w-]+\s+){0,2}?on\s+"
    r"(?:about\s+|some\s+|nearly\s+|roughly\s+|more than\s+|up to\s+)?$",
    re.I,
)
TRADE_REMEDY = re.compile(r"\b(anti-?dumping|countervailing|anti-?subsidy|safeguard)\s+(dut(?:y|ies)|tariffs?)\b", re.I)
PER_UNIT = re.compile(
    r"^\s*(?:per|to the|a|against the|versus the)\s+(?:US\s+|U\.S\.\s+)?(dollar|euro|yen|yuan|ounce|barrel)\b", re.I
)
# "the dollar rose and the 10-year yield climbed to 4.31": a level named after the currency is its own.
OTHER_LEVELS = re.compile(
    r"\b(yields?|bonds?|notes?|treasur\w*|(?<!exchange )rates?|inflation|unemployment|growth|prices?|index|indexes|stocks?|shares|"
    r"gold|oil|crude|brent|futures)\b",
    re.I,
)
FX_REACH = 120  # how far before a bare level the currency it quotes may be named
# "against the US dollar", "per dollar": the currency a rate is quoted in, not the one it prices.
QUOTE_CURRENCY = re.compile(r"\b(?:against|versus|per|to)\s+(?:the\s+)?(?:US\s+|U\.S\.\s+)?$", re.I)
PER_CURRENCY = re.compile(
    r"^\s*(?:(?:per|to the|a|against the)\s+(?:US\s+|U\.S\.\s+)?(?:dollar|euro)\b|/\s*(?:US)?\$)", re.I
)  # "129.24 to the dollar", "R17.94/$"
EXCHANGE_RATE_BEFORE = re.compile(
    r"\bexchange rate(?: benchmark| assumption| target)?\s+(?:of|at)\s+(?:about\s+)?$", re.I
)
ZONE_AFTER = re.compile(r"^\s+[A-Z]{3,4}\b")  # "at 11.26 BST" is a clock time, not a level


FX_MEASURE = "currency exchange rate"


def fx_measure(word: str, change: bool = False) -> str:
    """Exchange rates share one leading name whatever the currency, so a table groups them: "currency exchange
    rate (yen)", "currency exchange rate change (rupee)"."""
    return f"{FX_MEASURE}{' change' if change else ''} ({word.split()[-1].lower()})"  # "Brazil's real": real


def _currency_quoted(text: str, lo: int, s: int) -> re.Match | None:
    """The currency a number at `s` is the rate of: the last currency word shortly before it in the sentence that
    is not the one it is quoted against ("against the dollar") and with no other level named in between ("the
    dollar rose and the 10-year yield climbed to 4.31"). Match offsets index `text`."""
    start = max(lo, s - FX_REACH)
    fx = [w for w in FX_WORDS.finditer(text, start, s) if not QUOTE_CURRENCY.search(text[start : w.start()])]
    if not fx or OTHER_LEVELS.search(text, fx[-1].end(), s):
        return None
    return fx[-1]


AT_LEVEL = re.compile(r"\b(?:to|at|from)\s+(?:about\s+|around\s+|nearly\s+)?$", re.I)
LEVEL_BEFORE = re.compile(r"\b(?:to|at|buying|around|about|near|from)\s+$", re.I)


def _subunit(m: re.Match, doc: Doc) -> Figure:
    """Cents, paise or pence: in a sentence about a currency, the rate it trades at ("the loonie rose to 72.3 U.S.
    cents") or its move ("the rupee weakened 12 paise"); otherwise a price ("70 cents a pound")."""
    s, e = m.span()
    text = text_of(doc)
    unit = {"cent": "cents"}.get(m.group("sub").lower(), m.group("sub").lower())
    before = text[sentence_at(doc, s).start_char : s][-FX_REACH:]
    fx = [w for w in FX_WORDS.finditer(before) if not QUOTE_CURRENCY.search(before[: w.start()])]
    measure = "price"
    if fx:
        level = LEVEL_BEFORE.search(before)
        measure = fx_measure(fx[-1].group(0), change=not level)
    return Figure(text[s:e], _value(m.group("num"), None), unit, measure, None, s, e)


def _level(m: re.Match, doc: Doc, actors: Actors) -> Figure | None:
    """A level an index closed at or a currency traded at; other bare numbers after "to"/"at" mean too little.
    Exchange rates are quoted with no unit ("the yen slipped 0.5% to 146.2"), so a level whose nearest
    preceding anchor in the sentence is a currency word is that currency's rate."""
    s, e = m.span()
    text = text_of(doc)
    value = _value(m.group("num"), None)
    per = PER_UNIT.match(text[e : e + 30])
    sent = sentence_at(doc, s)
    if per:
        fx = _nearest(FX_WORDS, text[sent.start_char : e], s - sent.start_char)
        measure = fx_measure(fx) if fx and per.group(1).lower() == "dollar" else "price"
        return Figure(text[s:e], value, None, measure, None, s, e)
    index = _nearest_actor(actors, sent.start_char, s, s, ("market_index",))
    fx = _currency_quoted(text, sent.start_char, s)
    if fx and not ZONE_AFTER.match(text[e : e + 6]):
        if index is None or max(st for st, _ in index.spans if st < s) < fx.start():
            return Figure(text[s:e], value, None, fx_measure(fx.group(0)), None, s, e)
    if index is None or value < 100:
        return None
    return Figure(text[s:e], value, "points", "index level", index, s, e)


OTHER_NOUN_AFTER = re.compile(
    r"^[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)\s+(?!(?:tariffs?|rate|levy|levies|duty|duties|on|for|in|and|or)\b)[a-z]"
)  # "Vietnam's 20 percent growth" is no rate
OWNED_RATE = re.compile(r"\b([A-Z][\w.]+(?: [A-Z][\w.]+)?)(?:'s|’s)\s+$")
CURRENCY_INDEX = re.compile(r"\b(dollar|yen|euro|yuan|sterling|pound)\s+index\b", re.I)


MOVE_VERBS = {"rise", "fall", "drop", "slip", "jump", "gain", "climb", "lose", "slide", "tumble", "surge", "sink",
              "plunge", "rally", "edge", "advance", "decline", "shed", "soar", "dip", "ease", "be", "end", "close",
              "finish", "trade", "add"}  # fmt: skip
SHARE_WORDS = {"share", "shares", "stock", "stocks"}
# Goods whose price moves the market pages report: "May corn fell 3.8%", "lean hog futures dropped 2.4%".
COMMODITY_WORDS = {"corn", "soybean", "soybeans", "wheat", "hog", "hogs", "cattle", "coffee", "cocoa", "sugar",
                   "cotton", "canola", "aluminium", "aluminum", "copper", "nickel", "zinc", "gold", "silver", "oil",
                   "crude", "brent", "wti", "gas", "iron", "steel", "rice", "palm", "beef", "pork"}  # fmt: skip


def _mover(doc: Doc, actors: Actors, pos: int) -> tuple[str, Actor | None] | None:
    """What moved by a percentage, read off the subject of the verb the number hangs on: a company's shares
    ("Hapag-Lloyd shares rose 4.1%", "Shares in Diageo rose 1.4%") or a traded good ("aluminium on the LME was 0.8
    per cent higher"). Indexes and currencies are read elsewhere."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return None
    verb = span[0]
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in MOVE_VERBS:
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("advcl", "conj", "xcomp"):  # "Ryanair bucked the trend, gaining 1.4pc"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head  # "Shares of Nucor, which jumped more than 10 percent on Monday"
    if subject is None:
        return None
    words = list(subject.subtree)
    lowered = {t.lower_ for t in words}
    if lowered & {"index", "indexes", "indices", "average"} or (
        "benchmark" in lowered and not lowered & COMMODITY_WORDS
    ):
        return None
    lo, hi = words[0].idx, words[-1].idx + len(words[-1].text)
    if subject.lower_ in SHARE_WORDS:
        # "Shares of garment maker TNG Investment jumped 6.8%", "West Fraser shares fell 2.1 per cent"
        company = actors.at(lo, hi, kinds=("organization",))
        proper = [w for w in words if w.pos_ == "PROPN"] or [
            c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
        ]  # the parser may hang "Shares of exporter Interloop rose" on two subjects
        if company is None and proper and actors.at(lo, hi) is None:
            run = [
                w
                for w in proper
                if w.i > proper[-1].i - 4 and all(doc[k].pos_ == "PROPN" for k in range(w.i, proper[-1].i + 1))
            ]
            company = _listed_company(doc, actors, run[-1], run[0])
        return SHARE_MOVE, company
    if subject.pos_ == "PROPN" and (
        company := actors.at(subject.idx, subject.idx + len(subject.text), kinds=("organization",))
    ):
        return SHARE_MOVE, company  # "ZIM Integrated Shipping Services gained 6.3%": a listed company
    named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subject)
    if (
        named.pos_ == "PROPN"
        and actors.at(lo, hi) is None
        and named.lower_ not in COMMODITY_WORDS
        and not (gz.city_country(named.text) or gz.country_of_text(named.text))  # "Muscat closed lower": a market
    ):
        sent = sentence_at(doc, pos)
        before = sentence_before(doc, sent) if sent is not None else None
        if sent is not None and (_market_talk(doc, sent) or (before is not None and _market_talk(doc, before))):
            # "Oil major Rosneft rose 5.9%, ... and national carrier Aeroflot jumped 8.2%" in a market report:
            # companies nobody else named
            return SHARE_MOVE, _listed_company(doc, actors, named)
    if lowered & COMMODITY_WORDS and not lowered & SHARE_WORDS:
        return "price change", None
    return None


MARKET_TALK = re.compile(
    r"\b(?:shares|stocks?|index|indexes|benchmark|bourse|exchange|trading|listed|investors|traders|market)\b", re.I
)


def _says(doc: Doc, sent: Span, rx: re.Pattern) -> bool:
    """Whether a sentence has words of `rx`; asked for every figure in it, so answered once per sentence (a page
    with no full stops is one long sentence)."""
    seen = doc.user_data.setdefault("sentence_says", {})
    key = (rx.pattern, sent.start_char)
    if key not in seen:
        seen[key] = bool(rx.search(sent.text))
    return seen[key]


def _market_talk(doc: Doc, sent: Span) -> bool:
    return _says(doc, sent, MARKET_TALK)


def _listed_company(doc: Doc, actors: Actors, head: Token, first: Token | None = None) -> Actor:
    """The company a market report names as the subject of a share move, as an organisation actor."""
    first = first or min(
        [head, *(c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN")], key=lambda t: t.i
    )
    return _company_at(actors, text_of(doc), first.idx, head.idx + len(head.text))


def _company_at(actors: Actors, text: str, start: int, end: int) -> Actor:
    """The organisation actor named text[start:end], made if the article has none yet."""
    name = text[start:end]
    found = actors.by_id.get(gz.slug(name))
    company = found if found is not None and found.kind == "organization" else None
    company = company or actors.add(Actor(id=gz.slug(name), name=name, kind="organization", forms={name}))
    company.spans.append((start, end))
    return company


def _rate_meaning(
    doc: Doc, actors: Actors, clause: str, rel: int, base: int, unit: str
) -> tuple[str | None, Actor | None]:
    """A percent or point move is an index change near an index, a tariff rate near a tariff word, else its noun."""
    index = _nearest_actor(actors, base, base + len(clause), base + rel, ("market_index",))
    far = 10**6
    near = {
        "tariff": _distance(TARIFF_WORDS, clause, rel),
        "index": min(_distance(INDEX_WORDS, clause, rel), _actor_distance(index, base + rel) if index else far),
        "fx": _distance(FX_WORDS, clause, rel),
    }
    governing = _index_subject(doc, actors, base + rel)
    if governing is UNNAMED_INDEX:  # "the FTSE 250 index slipped 64 points", with no FTSE 250 among the actors
        return "index change", None
    if governing is not None:  # "the Dow fell 1,000 points, or 2.4%": the index whose verb governs the number
        return "index change", governing
    if unit == "points" and index:
        return "index change", index
    target = POLICY_TARGET.match(clause[rel:])
    if target:  # "the Federal Reserve's 2% target": a policy goal, whatever tariff is in the sentence
        return ("inflation target" if target.group(1) or re.search(r"\binflation\b", clause, re.I) else "target"), None
    governed = _governed_measure(doc, actors, base + rel)
    if governed is not None:
        return governed
    mover = _mover(doc, actors, base + rel)
    if mover is not None:  # "BlueScope shares rose 2.7 per cent", "May corn fell 18 cents, or 3.8%"
        return mover
    if SHARE_OF_GOODS.match(clause[rel:]):  # "remove tariffs on 99% of US goods": how much is covered, no rate
        return "share of goods", None
    if _borne_rate(doc, base + rel) and TARIFF_WORDS.search(text_of(doc)):
        return "tariff rate", _tariff_target(doc, actors, clause, rel, base)  # "India is paying 50%"
    charge = SURCHARGE_ON.match(clause[rel:])
    if charge and not GOODS.fullmatch(charge.group(1)):  # "a 25 per cent surcharge on power sent to Michigan"
        return "surcharge", None
    if TARIFF_WORDS.search(text_of(doc)) and (RATE_ON_GOODS.match(clause[rel:]) or RATE_NOUN_AFTER.match(clause[rel:])):
        return "tariff rate", _tariff_target(doc, actors, clause, rel, base)  # "pays 50% on most goods"
    owner = OWNED_RATE.search(clause[:rel])
    if unit == "percent" and owner and TARIFF_WORDS.search(text_of(doc)) and not OTHER_NOUN_AFTER.match(clause[rel:]):
        # "just below Vietnam's 20 percent", in a tariff story: that country's rate
        country = actors.at(base + owner.start(1), base + owner.end(1), kinds=("country", "government"))
        if country is not None:
            return "tariff rate", country
    if index is None and near["tariff"] < far and (_nearest(INDEX_WORDS, clause, rel) or "").lower() == "average":
        near["index"] = far  # "an average of about 1.5 per cent" in a tariff clause is no index move
    kind, dist = min(near.items(), key=lambda kv: kv[1])
    if (
        dist == far
        and RATE_FOR.match(clause[rel:])
        and TARIFF_WORDS.search(_previous_sentence(doc, base) + " " + clause)
    ):
        return "tariff rate", _tariff_target(doc, actors, clause, rel, base)  # "34% for China, 20% for the EU"
    if dist == far and TARIFF_WORDS.search(_previous_sentence(doc, base)):
        # "Trump raised the tariffs from 25%. Britain ... was left at 25%." continues the tariff story
        return "tariff rate", (
            _listed_before(doc, actors, base + rel)
            or _subject_country(doc, actors, base + rel)
            or _tariff_target(doc, actors, clause, rel, base)
        )
    if dist < far and kind == "tariff":
        window = clause[max(0, rel - 10) : rel + 60]
        remedy = TRADE_REMEDY.search(window)
        if remedy and re.search(r"\b(including|plus|on top of|as well as)\b", window[: remedy.start()], re.I):
            remedy = None  # "a total duty of 60% including anti-dumping duties": the remedy is only part of it
        if remedy:  # "a 17.09% anti-dumping duty": a trade remedy, not a tariff schedule
            return f"{remedy.group(1).lower()} duty rate", _tariff_target(doc, actors, clause, rel, base)
        return "tariff rate", _tariff_target(doc, actors, clause, rel, base)
    if dist < far and kind == "index" and index:
        return "index change", index
    if dist < 40 and kind == "index" and re.search(r"\b(index|indexes|indices|benchmark)\b", clause, re.I):
        currency = [m for m in CURRENCY_INDEX.finditer(clause) if abs(m.end() - rel) < 40]
        if currency:  # "the dollar index slid 1.4%": the currency's index, not a stock market's
            return f"{currency[-1].group(1).lower()} index change", None
        return "index change", None  # "MSCI's broadest index of Asia-Pacific shares outside Japan fell 1.2%"
    if dist < 60 and kind == "fx":
        return fx_measure(_nearest(FX_WORDS, clause, rel) or "currency", change=True), None
    rate_word = [m for m in RATE_WORD.finditer(clause[max(0, rel - 40) : rel]) if m.end() >= min(rel, 40) - 12]
    if rate_word and TARIFF_WORDS.search(text_of(doc)):
        # "Singapore ... remains at the baseline 10 per cent": a rate word right before it in a tariff story
        holder = _subject_country(doc, actors, base + rel) if _state_verb(doc, base + rel) else None
        return "tariff rate", holder or _tariff_target(doc, actors, clause, rel, base)
    noun = _nearest(MEASURE_NOUNS, clause, rel)
    if noun:
        return noun.lower(), _nearest_actor(actors, base, base + len(clause), base + rel, ("country", "government"))
    return None, None


POLICY_TARGET = re.compile(
    r"^[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)\s+(?:(inflation|price)\s+)?(?:target|goal|objective)\b", re.I
)
TARGET_BEFORE = re.compile(r"\b(on|for|against|from)\s+(?:the\s+|all\s+)?$", re.I)
IMPOSER_AFTER = re.compile(
    r"^\W*\s*(tariffs?|rate|levy|levies|duties|reciprocal|president|administration|government|officials?|"
    r"treasury|commerce|customs|trade representative|secretary)\b",
    re.I,
)
# "its exports to the United States": where the goods go is who taxes them.
IMPOSER_BEFORE = re.compile(
    r"\b(exports?|shipments?|sales|exported|shipped)\s+(?:\w+\s+)?(?:to|into)\s+(?:the\s+)?$", re.I
)
TARGET_AFTER = re.compile(r"^\W*\s*(goods|imports|exports|products|steel|cars|autos|vehicles|shipments)\b", re.I)


def _tariff_target(doc: Doc, actors: Actors, clause: str, rel: int, base: int) -> Actor | None:
    """The country a tariff applies to: named after on/for/against/from, or as the adjective of the goods."""
    best: tuple[float, Actor] | None = None
    bearer = _subject_of_verb(doc, base + rel, BEARING_VERBS, steps=4, through_subjects=False)
    imposer = _subject_of_verb(doc, base + rel, IMPOSING_VERBS, steps=3, through_subjects=True)
    here = PERCENT_AHEAD.match(clause, rel)
    own = here.end() - rel if here else 1
    own_rate: Actor | None = None  # the country named as imposer before the number
    for a in actors.by_id.values():
        if a.kind not in ("country", "government"):
            continue
        for s, e in a.spans:
            if not (base <= s < base + len(clause)):
                continue
            score = abs(s - (base + rel))
            if bearer is not None and bearer[0] <= s < bearer[1]:
                score -= 150  # "China now faces a 30% U.S. tariff": who faces, pays or gets the rate bears it
            if s > base + rel and PERCENT_AHEAD.search(clause[rel + own : s - base]):
                score += 80  # "30% ..., against 20% for Vietnam": Vietnam goes with the rate just before it
            if TARGET_BEFORE.search(clause[max(0, s - base - 12) : s - base]) or TARGET_AFTER.search(
                clause[e - base : e - base + 20]
            ):
                score -= 60
            if text_of(doc)[e : e + 2] in ("'s", "’s"):
                score -= 20
            if 0 <= s - (base + rel) <= 22 and TARGET_BEFORE.search(clause[max(0, s - base - 12) : s - base]):
                score -= 100  # "20% for the European Union": the country right after the number is its own
            if 0 <= base + rel - e <= 2 and LISTED_RATE.match(clause, rel):
                score -= 200  # "Switzerland 39% and Canada 35%": a country written right before its own rate
            if IMPOSER_AFTER.search(clause[e - base : e - base + 24]) or IMPOSER_BEFORE.search(
                clause[max(0, s - base - 30) : s - base]
            ):
                score += 1000  # "the 30% US rate", "signed by the US president": who imposes it, not whom it hits
                if s < base + rel:
                    own_rate = own_rate or a
            if imposer is not None and imposer[0] <= s < imposer[1]:
                score += 1000  # "Washington added a 25% penalty": who adds or imposes the rate
            if BOUGHT_FROM.search(clause[max(0, s - base - 30) : s - base]):
                score += 300  # "a 25% penalty over its purchases of Russian oil": the buyer pays, not the seller
            if best is None or score < best[0]:
                best = (score, a)
    if (
        (best is None or best[0] >= 500)
        and own_rate is not None
        and AVERAGE_RATE.search(clause[max(0, rel - 60) : rel])
    ):
        return own_rate  # "the average effective U.S. tariff rate has climbed to 17%" falls on no one country
    return best[1] if best and best[0] < 500 else None  # only the imposer named: left to the article's main target


AVERAGE_RATE = re.compile(
    r"\b(?:average|effective|overall|weighted)\s+(?:[\w.]+\s+){0,3}?(?:tariff|duty)\s+(?:rate|level)\b", re.I
)


BOUGHT_FROM = re.compile(r"\b(?:purchases?|buying|buys|purchasing)\s+(?:of\s+)?(?:the\s+)?$", re.I)
LISTED_RATE = re.compile(r"[\d.,]+[\s-]?(?:%|percent|per[\s-]cent)\s*(?:,|;|\.|\)|and\b|on\b|each\b|$)", re.I)


def _listed_before(doc: Doc, actors: Actors, pos: int) -> Actor | None:
    """ "Indonesia 32%, Sri Lanka 30%": the country written right before its own rate in a list."""
    text = text_of(doc)
    if pos < 2 or text[pos - 1] != " " or not LISTED_RATE.match(text, pos):
        return None
    return actors.at(pos - 2, pos - 1, kinds=("country", "government"))


PERCENT_AHEAD = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?:\s*|-)(?:%|percent\b|per[\s-]cent\b)", re.I)
BEARING_VERBS = {"face", "pay", "get", "receive", "incur", "suffer", "attract", "confront"}


def _subject_of_verb(
    doc: Doc, pos: int, verbs: set[str], *, steps: int, through_subjects: bool
) -> tuple[int, int] | None:
    """The span of the subject of the verb (one of `verbs`, within `steps` heads) whose object holds the number at
    `pos`: "China now faces a 30% U.S. tariff" → "China" (bearer); "Washington imposed 25%" → "Washington"
    (imposer). Without `through_subjects`, a number inside a subject is nobody's object."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    for _ in range(steps):
        if tok is None or tok.head.i == tok.i:
            return None
        if not through_subjects and tok.dep_ in ("nsubj", "nsubjpass"):
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            break
    if tok is None or tok.lemma_.lower() not in verbs:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    sub = _core(subj)  # "Vietnam, Indonesia's main rival, faces 20%": the aside names no bearer
    end = next((i for i, w in enumerate(sub) if i and w.i != sub[i - 1].i + 1), len(sub))
    return sub[0].idx, sub[end - 1].idx + len(sub[end - 1].text)


UNNAMED_INDEX = Actor(id="", name="", kind="market_index")  # an index the actors do not know


def _index_subject(doc: Doc, actors: Actors, pos: int) -> Actor | None:
    """The index whose verb governs the number: "the Dow lost 1,679 points, or 4%" is the Dow's move."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            for subj in subjects:
                sub = list(subj.subtree)
                hit = actors.at(sub[0].idx, sub[-1].idx + len(sub[-1].text), kinds=("market_index",))
                if hit is not None:
                    return hit
                if subj.lower_ in ("index", "indexes", "indices") and any(
                    w.i < subj.i and (w.like_num or w.pos_ == "PROPN") for w in subj.subtree
                ):
                    return UNNAMED_INDEX  # "the FTSE 250 index": a named index that is not another one nearby
            if subjects or tok.dep_ not in ("conj", "advcl", "xcomp"):
                return None  # a verb with a subject of its own ("the dollar weakened 0.5%") speaks for its number
    return None


def _subject_country(doc: Doc, actors: Actors, pos: int) -> Actor | None:
    """The country subject of the verb over the number; none when the number sits inside that subject ("the rate,
    down from the 32% threatened by US President Trump, was ..." says nothing of who the subject bears)."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return None
        tok = tok.head
    for subj in (c for c in (tok.children if tok is not None else []) if c.dep_ in ("nsubj", "nsubjpass")):
        for w in _core(subj):
            hit = actors.at(w.idx, w.idx + len(w.text), kinds=("country", "government"))
            if hit is not None:
                return hit
    return None


def _state_verb(doc: Doc, pos: int) -> bool:
    """Whether the number says where its subject stands: "Singapore remains at 10%", "Britain was left at 25%"."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.lemma_.lower() in ("remain", "stay", "be", "sit", "stand", "leave", "keep")


ASIDE_DEPS = ("relcl", "appos", "acl", "advcl", "parataxis")


def _core(head) -> list:
    """A phrase without its asides: "Britain, which reached a deal with the U.S. last month," is Britain, and
    "Singapore, which runs a trade deficit with the US," is no deficit."""
    asides = {w.i for c in head.children if c.dep_ in ASIDE_DEPS for w in c.subtree}
    return [w for w in head.subtree if w.i not in asides]


def _previous_sentence(doc: Doc, start: int) -> str:
    here = sentence_at(doc, start)
    prev = sentence_before(doc, here) if here is not None else None
    return prev.text if prev is not None and "\n\n" not in text_of(doc)[prev.end_char : here.start_char] else ""


def _distance(rx: re.Pattern, clause: str, rel: int) -> int:
    ds = [min(abs(m.start() - rel), abs(m.end() - rel)) for m in rx.finditer(clause)]
    return min(ds) if ds else 10**6


def _nearest(rx: re.Pattern, clause: str, rel: int) -> str | None:
    ms = sorted(rx.finditer(clause), key=lambda m: min(abs(m.start() - rel), abs(m.end() - rel)))
    return ms[0].group(0) if ms else None


def _actor_distance(actor: Actor, pos: int) -> int:
    return min(min(abs(s - pos), abs(e - pos)) for s, e in actor.spans)


def _nearest_actor(
    actors: Actors, lo: int, hi: int, pos: int, kinds: tuple[str, ...], skip: Callable[[int], bool] | None = None
) -> Actor | None:
    """The actor of `kinds` with a mention starting in [lo, hi) nearest `pos`, leaving out mentions `skip` says."""
    best: tuple[int, Actor] | None = None
    for a in actors.by_id.values():
        if a.kind not in kinds:
            continue
        for s, e in a.spans:
            if lo <= s < hi and not (skip and skip(s)):
                d = min(abs(s - pos), abs(e - pos))
                if best is None or d < best[0]:
                    best = (d, a)
    return best[1] if best else None
