"""Who said what: quoted passages (direct and partial) and reported speech, with speaker, cue verb and channel."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, islice

from spacy.tokens import Doc, Span, Token

from . import gazetteer as gz
from .actors import Actor, Actors
from .sentences import sentence_after, sentence_at, sentence_before, text_of

SPEECH_VERBS = {
    "say", "tell", "write", "post", "add", "note", "state", "warn", "announce", "insist", "argue", "explain",
    "declare", "tweet", "claim", "allege", "stress", "emphasize", "emphasise", "underscore", "convey", "ask",
    "urge", "call", "describe", "reiterate", "acknowledge", "confirm", "deny", "vow", "pledge", "promise",
    "suggest", "signal", "respond", "reply", "comment", "remark", "predict", "caution", "complain", "criticize",
    "criticise", "accuse", "threaten", "speak", "conclude", "indicate", "express", "welcome", "lament", "admit",
    "concede", "contend", "maintain", "repeat", "assert", "hint", "brand", "dub", "label", "blast", "slam",
    "counter", "retort", "agree", "report", "testify", "quip", "recall", "mock", "deride", "ridicule",
    "hail", "praise", "tout", "laud", "applaud", "condemn", "denounce", "decry", "dismiss",
}  # fmt: skip
PARAPHRASE_VERBS = {
    "say",
    "tell",
    "add",
    "warn",
    "insist",
    "argue",
    "claim",
    "announce",
    "state",
    "note",
    "explain",
    "stress",
    "predict",
    "signal",
    "indicate",
    "acknowledge",
    "confirm",
    "allege",
}
CHANNEL_REACH = 400  # characters either side of a quote where its outlet or occasion is named
SPEAKER_REACH = 12  # parse-tree steps from a quote up to its speech verb; real sentences need a few
PRONOUNS = {"he", "she", "him", "her", "they", "it", "we", "i"}
CHANNEL_PHRASES = [
    (r"\bpress conference\b|\bnews conference\b", "press conference"),
    (r"\bpress briefing\b|\bbriefing\b", "briefing"),
    (r"\btold reporters\b|\bto reporters\b", "told reporters"),
    (r"\b(?:phone|telephone|video) call\b|\b(?:during|in|on) (?:the|a) call\b", "phone call"),
    (r"\bstatement\b", "statement"),
    (r"\binterview\b", "interview"),
    (r"\bspeech\b|\baddress(?:ed)? (?:to )?(?:parliament|lawmakers|the nation)\b", "speech"),
    (r"\bsocial media\b|\bpost(?:ed)?\b", "social media post"),
    (r"\bletter\b", "letter"),
    (r"\bhearing\b|\btestimony\b", "hearing"),
]
CHANNEL_RX = [(re.compile(p, re.I), label) for p, label in CHANNEL_PHRASES]
# Words that may follow a closing quote mark but never a plural possessive ("Brazilians’ after ...").
CLAUSE_WORDS = {
    "and",
    "or",
    "but",
    "after",
    "before",
    "as",
    "while",
    "when",
    "which",
    "who",
    "said",
    "says",
    "told",
    "he",
    "she",
    "they",
    "it",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "if",
    "than",
    "then",
}
FUNCTION_AFTER = {"of", "about", "into", "over", "under", "across", "through", "against", "up", "down", "out", "off",
                  "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "could", "can", "that", "so"}  # fmt: skip
OPEN_CLOSE = {"“": "”", "‘": "’", "«": "»"}


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str
    speaker: Actor | None = None
    cue: str | None = None
    channel: str | None = None

    def row(self) -> dict:
        return {
            "speaker": self.speaker.id if self.speaker else None, "text": self.text, "kind": self.kind,
            "cue": self.cue, "channel": self.channel, "start": self.start, "end": self.end,
        }  # fmt: skip


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) index pairs of quotation marks; an unclosed quote runs to the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        s0, p = para.start(), para.group(0)
        i = 0
        while i < len(p):
            ch = p[i]
            if ch == "“" or (ch == '"' and _opens(p, i)):
                closer = "”" if ch == "“" else '"'
                j = _find_close(p, i + 1, closer)
                spans.append((s0 + i, s0 + j))
                i = j + 1
                continue
            if ch in "‘'" and _opens(p, i) and p[i + 1 : i + 2].isalnum():
                j = _find_single_close(p, i + 1, "’" if ch == "‘" else "'")
                if j is not None and len(p[i + 1 : j].split()) >= 2:
                    spans.append((s0 + i, s0 + j))
                    i = j + 1
                    continue
            i += 1
    return spans


def _opens(p: str, i: int) -> bool:
    before = p[i - 1] if i else " "
    after = p[i + 1] if i + 1 < len(p) else " "
    return (before.isspace() or before in "([{—–-:/,") and not after.isspace()


def _find_close(p: str, k: int, closer: str) -> int:
    for j in range(k, len(p)):
        if p[j] == closer or (closer == "”" and p[j] == '"' and not _opens(p, j)):
            return j
        if p[j] == "“" and closer == "”":
            return j  # a new opening before any closing: the earlier quote was left unclosed
    return len(p)


def _find_single_close(p: str, k: int, closer: str) -> int | None:
    """The closing single mark: not an apostrophe inside a word (don't) nor a plural possessive (leaders' talks)."""
    for j in range(k, len(p)):
        if p[j] == closer and (j + 1 == len(p) or not p[j + 1].isalnum()) and not p[j - 1].isspace():
            word = re.match(r"\s(\w+)", p[j + 1 : j + 16])
            if p[j - 1] in "sS" and word and word.group(1).islower() and word.group(1) not in CLAUSE_WORDS:
                continue  # "the leaders’ talks": a plural possessive, not the end of the quote
            return j
        if p[j] in '“”"' or (p[j] in "‘'" and _opens(p, j) and p[j + 1 : j + 2].isalnum()):
            return None
    return None


def find_quotes(doc: Doc, actors: Actors) -> list[Quote]:
    """Quoted passages with their speakers, then reported speech (paraphrase) outside any quote."""
    text = text_of(doc)
    spans = QuoteSpans(quote_spans(text))
    quotes: list[Quote] = []
    said: dict[int, Actor | None] = {}  # the subject each speech verb resolves to, asked once per verb
    for open_i, close_i in spans:
        s, e = open_i + 1, close_i
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        if e - s < 2 or not re.search(r"[A-Za-z]", text[s:e]):
            continue
        kind = _kind(text, open_i, s, e)
        if kind == "partial":
            while e > s and text[e - 1] in ".,;:":
                e -= 1
        q = Quote(text=text[s:e], start=s, end=e, kind=kind)
        if not _reopens(text, open_i, spans):  # a reopened quote is the previous speaker's: see _carry_over
            q.speaker, q.cue = _speaker(doc, actors, open_i, close_i + 1, spans, said)
        quotes.append(q)
    _carry_over(quotes, text, actors)
    quotes = [q for q in quotes if not _scare_quote(text, q) and not _names_medium(actors, q)]
    quotes = [q for q in quotes if not _echo(q, quotes)]
    for q in quotes:
        q.channel = _channel(doc, actors, q.start, q.end, q.speaker)
    quotes += _paraphrases(doc, actors, spans)
    return sorted(quotes, key=lambda q: q.start)


def _echo(q: Quote, quotes: list[Quote]) -> bool:
    """A few quoted words that a longer quote by the same voice holds again ('warns of "serious risk"' in a
    standfirst, then "a serious risk to future investment" in the body) are the same words, quoted once. Another
    person's words are their own, even when they are the same."""
    if q.kind != "partial":
        return False
    words = q.text.lower()
    return any(
        o is not q
        and len(o.text) > len(q.text)
        and words in o.text.lower()
        and o.speaker is not None
        and (q.speaker is None or q.speaker.kind != "person" or q.speaker is o.speaker)
        for o in quotes
    )


def _reopens(text: str, open_i: int, spans: list[tuple[int, int]]) -> bool:
    """A paragraph opening with a quote mark right after a paragraph whose quote was left open continues it."""
    before = [b for a, b in spans if b < open_i]
    if not before:
        return False
    b = before[-1]
    unclosed = b >= len(text) or text[b] == "\n"
    return unclosed and text[b:open_i].strip() == "" and "\n" in text[b:open_i]


def _kind(text: str, open_i: int, s: int, e: int) -> str:
    words = text[s:e].split()
    before = text[max(0, open_i - 3) : open_i].strip()
    starts_sentence = not before or before[-1] in ".!?:\n" or before[-1] in '”"'
    if len(words) >= 5 and text[s].isupper() and (starts_sentence or before.endswith(",")):
        return "direct"
    if len(words) >= 8 and text[s].isupper():
        return "direct"
    return "partial"


SENTENCE_REACH = 60  # tokens either side of a quote in which its sentence's speech verb is looked for
NEARBY_CHARS = 600  # how far after a quote standing alone its speaker may be named


class QuoteSpans(list):
    """Quote spans sorted by start, with the furthest end reached so far: a membership test in log time (a
    run-on sentence thick with quotes asks it for every speech verb of every quote)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        super().__init__(sorted(spans))
        self.starts = [a for a, _ in self]
        self.reach = list(accumulate((b for _, b in self), max))


def _in_spans(i: int, spans: list[tuple[int, int]]) -> bool:
    if isinstance(spans, QuoteSpans):
        k = bisect_right(spans.starts, i) - 1
        return k >= 0 and spans.reach[k] >= i
    return any(a <= i <= b for a, b in spans)


def _speaker(
    doc: Doc,
    actors: Actors,
    qs: int,
    qe: int,
    spans: list[tuple[int, int]],
    said: dict[int, Actor | None] | None = None,
) -> tuple[Actor | None, str | None]:
    """The subject of the speech verb governing the quote, or of a speech verb in its sentence."""
    whole = doc.char_span(qs, qe, alignment_mode="expand")
    inside = [t for t in whole if qs <= t.idx < qe] if whole is not None else []
    p_lo = text_of(doc).rfind("\n", 0, qs) + 1
    p_hi = text_of(doc).find("\n", qe) % (len(text_of(doc)) + 1)
    p_hi = p_hi if p_hi >= qe else len(text_of(doc))

    def outside(t: Token) -> bool:
        """Outside the quote but inside its paragraph: a speaker is never a paragraph away."""
        return not (qs <= t.idx < qe) and p_lo <= t.idx < p_hi

    fallback: tuple[Actor | None, str | None] = (None, None)
    for root in [t for t in inside if outside(t.head) or t.head.i == t.i]:
        cue, after_cue = None, None
        for anc in islice(root.ancestors, SPEAKER_REACH):
            if not outside(anc):
                continue
            if anc.pos_ in ("VERB", "AUX") and not _rubric_verb(anc):
                speech = anc.lemma_.lower() in SPEECH_VERBS
                cue = cue or (anc.text if speech else None)
                who = _resolve_subject(doc, actors, anc, spans)
                if who and speech:
                    # "X said the Commission should respond '...'": the quoted words are the reporter's
                    return _outer_speaker(doc, actors, anc, spans) or (who, cue)
                if speech and who is None and _named_subject(anc, spans):
                    break  # "... while Conservatives call it a 'damp squib'": a speaker we do not know, no one else
                # "He said the government would scrutinize it, adding: '...'": the subject of a verb between
                # the cue and the next speech verb is only a fallback.
                if who and cue and after_cue is None:
                    after_cue = (who, cue)
                if who and fallback[0] is None and anc.dep_ == "ROOT":
                    fallback = (who, cue)
        if after_cue is not None:
            return after_cue
    sents = {sentence_at(doc, t.idx) for t in inside} or ({sentence_at(doc, qs)} if whole is not None else set())
    first = min(sents, key=lambda s: s.start, default=None)
    before = sentence_before(doc, first) if first is not None else None
    if before is not None and not re.search(r"[.!?][\"'”’)]*\s*$", before.text):
        sents.add(before)  # the parser split a sentence at the opening quote mark
    near = (whole.start - SENTENCE_REACH, whole.end + SENTENCE_REACH) if whole is not None else (0, len(doc))
    for sent in sorted(sents, key=lambda s: s.start):
        for tok in doc[max(sent.start, near[0]) : min(sent.end, near[1])]:  # a run-on "sentence" is no one clause
            if not outside(tok):
                continue
            if _rubric_verb(tok):
                continue
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") and not _in_spans(tok.idx, spans):
                said = {} if said is None else said
                if tok.i not in said:
                    said[tok.i] = _resolve_subject(doc, actors, tok, spans)
                who = said[tok.i]
                if who:
                    return who, tok.text
    if fallback[0] is None:
        fallback = _speaker_nearby(doc, actors, qs, qe, spans)
    return fallback


def _rubric_verb(verb: Token) -> bool:
    """ "What they're saying:" (a section label) names what is said, not who says the quote under it."""
    return any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj") for c in verb.children)


def _named_subject(verb: Token, spans: list[tuple[int, int]]) -> bool:
    """The verb has a subject of its own outside the quote, a noun (not a pronoun or a relative "who")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and not _in_spans(c.idx, spans)
        for c in verb.children
    )


def _outer_speaker(doc: Doc, actors: Actors, verb: Token, spans: list[tuple[int, int]]) -> tuple[Actor, str] | None:
    """The speaker of a speech verb that reports the clause holding `verb`."""
    while verb.dep_ in ("ccomp", "conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in PARAPHRASE_VERBS and verb.pos_ in ("VERB", "AUX") and not _in_spans(verb.idx, spans):
            who = _resolve_subject(doc, actors, verb, spans)
            if who is not None and who.kind in ("person", "organization", "government"):
                return who, verb.text
    return None


COMMENT_NOUNS = {"comment", "comments", "remark", "remarks", "statement", "message", "words", "post"}


def _speaker_nearby(
    doc: Doc, actors: Actors, qs: int, qe: int, spans: list[tuple[int, int]]
) -> tuple[Actor | None, str | None]:
    """A quote standing alone: the speaker is named in the next sentence ("The prime minister made the
    comments to reporters") or at the end of the previous paragraph ("Carney said:")."""
    text = text_of(doc)
    para_end = text.find("\n", qe)
    para_end = len(text) if para_end < 0 else para_end
    after = sentence_at(doc, qe)
    stop = min(para_end, after.end_char if after is not None and after.end_char > qe + 2 else para_end)
    if after is not None and after.end_char <= qe + 2:
        nxt = sentence_after(doc, after)
        stop = min(para_end, nxt.end_char) if nxt is not None else stop
    stop = min(stop, qe + NEARBY_CHARS)  # a run-on paragraph: the speaker is named close by, or not at all
    para_end = min(para_end, stop + NEARBY_CHARS)
    who = _introduced_by(doc, actors, qs, spans)  # "X has just posted on X:" before the quote
    if who[0] is not None:
        return who
    heading = _heading_speaker(text, actors, qs, qe)
    if heading is not None:
        return heading, None
    tail = doc.char_span(qe, stop, alignment_mode="contract") if stop > qe else None
    if tail is not None:  # a sentence with its own quote speaks for that one, unless it names the words' owner
        who = _said_in(doc, actors, tail, spans, qe, verbs=not re.search(r"[“\"‘]", tail.text))
        if who[0] is not None:
            return who
    later = doc.char_span(stop, para_end, alignment_mode="contract") if para_end > stop else None
    for tok in later if later is not None else []:
        # "... good for the world." Another sentence. "Chief Executive John Lee made the remarks on Thursday."
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and c.lower_ in COMMENT_NOUNS for c in tok.children):
            who = _resolve_subject(doc, actors, tok, spans)
            if who is not None and who.kind == "person":
                return who, tok.text
    alone = text[text.rfind("\n", 0, qs) + 1 : qs].strip() == "" and text[qe:para_end].strip() == ""
    if alone:  # a paragraph that is only a quote: "Those were the words of X" may follow
        nxt_start = len(text) - len(text[para_end:].lstrip())
        first = sentence_at(doc, nxt_start) if nxt_start < len(text) else None
        if first is not None and not re.search(r"[“\"‘]", first.text):
            who = _said_in(doc, actors, first, spans, first.start_char)
            if who[0] is not None:
                return who
    return None, None


HEADING_LEAD = re.compile(r"\s*(?P<who>[^:\n]{2,40}):\s")


def _heading_speaker(text: str, actors: Actors, qs: int, qe: int) -> Actor | None:
    """A live-blog heading "Irish tánaiste: 'no change' for exports": the person the entry below names
    with that post (or name)."""
    lo = text.rfind("\n", 0, qs) + 1
    hi = text.find("\n", qe)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi].strip()
    m = HEADING_LEAD.match(text[lo:hi])
    if not m or lo + m.end() > qs or len(line) > 120 or re.search(r"[.!?]$", line):
        return None
    lead = m.group("who")
    head = lead.split()[-1].lower()
    below = []
    for a in actors.people():
        first = next((s for s, _ in a.spans if hi < s < hi + 800), None)
        if first is not None:
            below.append((first, a))
    for _, a in sorted(below, key=lambda x: x[0]):
        if (a.title and head in a.title.lower().split()) or any(f in lead for f in a.forms if len(f) > 2):
            return a
    return None


def _introduced_by(doc: Doc, actors: Actors, qs: int, spans: list[tuple[int, int]]) -> tuple[Actor | None, str | None]:
    """The speaker of a sentence ending in a colon right before the quote, in its paragraph or the one before."""
    text = text_of(doc)
    lead = text[max(0, qs - 3) : qs]
    prev_end = text.rfind("\n", 0, qs)
    colon = len(text[:qs].rstrip()) - 1  # "Šefčovič has just posted on X:" then the quote, here or a paragraph on
    if colon > 0 and text[colon] == ":" and text[colon:qs].count("\n") <= 2:
        prev = sentence_at(doc, colon)
    elif prev_end > 0 and not lead.strip():
        prev = sentence_at(doc, max(0, prev_end - 2))
    else:
        prev = None
    if prev is not None:
        if prev.text.rstrip().endswith(":"):
            for tok in prev:
                if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") and not _rubric_verb(tok):
                    who = _resolve_subject(doc, actors, tok, spans)
                    if who:
                        return who, tok.text
    return None, None


def _said_in(
    doc: Doc, actors: Actors, span: Span, spans: list[tuple[int, int]], after: int, *, verbs: bool = True
) -> tuple[Actor | None, str | None]:
    """Who a sentence says spoke: the subject of a speech verb ("Ishiba told reporters"), or the holder of
    the words ("The warning from Stefan Brupbacher", "Those were the words of Lars Rasmussen")."""
    for tok in span:
        if tok.idx < after:
            continue
        if verbs and tok.pos_ in ("VERB", "AUX") and (tok.dep_ == "ROOT" or tok.head.idx < after):
            said = tok.lemma_.lower() in SPEECH_VERBS or any(c.lower_ in COMMENT_NOUNS for c in tok.children)
            who = _resolve_subject(doc, actors, tok, spans) if said else None
            if who:
                return who, tok.text
        if tok.lower_ in COMMENT_NOUNS | {"warning", "words", "remark", "message", "plea", "appeal"}:
            for prep in (c for c in tok.children if c.lower_ in ("from", "of", "by")):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    who = resolve_mention(doc, actors, obj, spans)
                    if who is not None and who.kind in ("person", "organization", "government"):
                        return who, tok.text
    return None, None


def _resolve_subject(doc: Doc, actors: Actors, verb: Token, spans: list[tuple[int, int]]) -> Actor | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _in_spans(c.idx, spans)]
    # two subjects are a misparse ("X Inc. (X) president Jane Doe said"): the one next to the verb speaks
    subj = max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0] if subjects else None)
    if subj is None:
        # "ExportNZ said ...": a coined name the parser could not place, right before the verb, is its subject
        subj = next((c for c in verb.children if c.dep_ == "dep" and c.pos_ == "PROPN" and c.i == verb.i - 1), None)
    if subj is None and verb.tag_ in ("VBD", "VBZ", "NN", "NNS"):
        # '..., and ZERO Tariffs," Trump wrote.': the parser read the verb as a noun the name modifies
        subj = next(
            (c for c in verb.children if c.dep_ == "compound" and c.ent_type_ == "PERSON" and c.i == verb.i - 1), None
        )
    if subj is None and verb.tag_ in ("VBD", "VBZ") and verb.left_edge.i > 0:
        # "a result Trade Minister Ömer Bolat on Thursday said leaves ...": a name right before the finite verb's
        # phrase, hung elsewhere by the parser, is its subject
        name = doc[verb.left_edge.i - 1]
        subj = name if name.ent_type_ == "PERSON" and not _in_spans(name.idx, spans) else None
    shares = (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")) and (
        verb.lemma_.lower() in PARAPHRASE_VERBS and _main_clause(verb.head)
    )
    if subj is None and shares and verb.head.pos_ in ("VERB", "AUX") and not _in_spans(verb.head.idx, spans):
        # "called the rate regrettable but said Tokyo would ...", "said X, adding that Y": the same speaker
        return _resolve_subject(doc, actors, verb.head, spans)
    if subj is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _noun_clause(verb.head):
        # "He dismissed criticism that Tokyo had ceded control, calling it ...": the participle after the noun's
        # clause goes with the main clause, whose subject speaks
        main = verb.head.head
        while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i:
            main = main.head
        if main.pos_ in ("VERB", "AUX") and not _in_spans(main.idx, spans):
            return _resolve_subject(doc, actors, main, spans)
    if subj is None and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return None
    if subj is None:
        return None
    if _the_document(subj):
        # '"The ministry will stand with ...," the statement said.': the statement of the body just named
        prev = sentence_before(doc, sentence_at(doc, verb.idx))
        while prev is not None and _in_spans(prev.root.idx, spans):
            prev = sentence_before(doc, prev)  # past the statement's own quoted sentences
        issuer = next((c for c in prev.root.children if c.dep_ == "nsubj"), None) if prev is not None else None
        return resolve_mention(doc, actors, issuer, spans) if issuer is not None else None
    who = resolve_mention(doc, actors, subj, spans)
    if (who is None or who.kind != "person") and subj.pos_ in ("NOUN", "PROPN"):
        who = _title_holder(actors, subj) or _epithet(doc, actors, subj, spans) or who
    return who


DOCUMENTS = {"statement", "release", "communique", "communiqué", "readout", "notice", "filing", "letter"}


def _the_document(tok: Token) -> bool:
    """ "the statement said", "its release said": a document of someone named before, not a speaker."""
    return (
        tok.lower_ in DOCUMENTS
        and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in tok.children)
        and not any(c.dep_ == "prep" for c in tok.children)
    )


def _noun_clause(verb: Token) -> bool:
    """A clause with its own subject that tells a noun's content ("criticism that Tokyo had ceded control")."""
    return verb.dep_ in ("acl", "relcl") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children
    )


def _main_clause(verb: Token) -> bool:
    """Is the verb the sentence's own (not a clause reported inside another verb)?"""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def resolve_mention(doc: Doc, actors: Actors, tok: Token, spans: list[tuple[int, int]]) -> Actor | None:
    """The actor a subject token stands for: a named mention, a pronoun's antecedent, or a named body."""
    if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        # "a call with Sheinbaum, who has said ...": the relative pronoun stands for the noun the clause describes
        return resolve_mention(doc, actors, tok.head.head, spans)
    family = _family_name_he(actors, tok)
    if family is not None:
        if (tok.idx, tok.idx + 2) not in family.spans:
            family.spans.append((tok.idx, tok.idx + 2))
        return family
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not list(tok.rights)
    if tok.lower_ in PRONOUNS or (tok.lower_ in BODY_NOUNS and definite and tok.dep_ in ("nsubj", "nsubjpass")):
        who = _antecedent(actors, tok, spans)
        if who is not None and (tok.idx, tok.idx + len(tok.text)) not in who.spans:
            who.spans.append((tok.idx, tok.idx + len(tok.text)))  # a resolved pronoun is a mention too
        return who
    if tok.lower_ in OFFICE_NOUNS and definite and tok.dep_ in ("nsubj", "nsubjpass"):
        named = _named_office(actors, tok)  # "China's Commerce Ministry said ... The ministry warned"
        if named is not None:
            named.spans.append((tok.idx, tok.idx + len(tok.text)))
            return named
    lo = min(t.idx for t in tok.subtree)
    hi = max(t.idx + len(t.text) for t in tok.subtree)
    anonymous = _anonymous_source(doc, actors, tok)
    if anonymous is not None:
        return anonymous
    found = actors.at(tok.idx, tok.idx + len(tok.text)) or actors.at(lo, hi, kinds=("person",)) or actors.at(lo, hi)
    last = max(t.i for t in tok.subtree)
    if found is None and tok.lower_ in gz.title_heads() and last + 1 < len(doc):
        # "Secretary for Commerce and Economic Development Algernon Yau said": the parser made the post the
        # subject; the name right after it is who speaks
        nxt = doc[last + 1]
        found = actors.at(nxt.idx, nxt.idx + len(nxt.text), kinds=("person",))
    if found is not None and found.kind != "person":
        # "the Foreign Ministry spokesperson Lin Jian said": the person named with the body speaks
        for c in (c for c in tok.children if c.dep_ == "appos"):
            sub = list(c.subtree)
            person = actors.at(sub[0].idx, sub[-1].idx + len(sub[-1].text), kinds=("person",))
            if person is not None:
                return person
    if found:
        return found
    bare = tok.pos_ == "PROPN" and (tok.text.islower() or (tok.i > 0 and tok.nbor(-1).lower_ == "the"))
    if (tok.pos_ == "NOUN" or bare) and tok.lower_ in {  # "the ministry", "the Presidency"
        "ministry",
        "department",
        "commission",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "office",
        "government",
        "administration",
        "embassy",
        "presidency",
    }:
        return _body(doc, actors, tok)
    return None


RELATIVE_PRONOUNS = {"who", "that", "which"}
# "the company said in an emailed response": a body named before, spoken of by its kind
BODY_NOUNS = {"company", "firm", "carrier", "group", "association", "federation", "lobby", "automaker", "carmaker",
              "producer", "smelter", "exporter", "retailer", "bank", "lender", "insurer", "manufacturer"}  # fmt: skip
# "The ministry warned": a body of the state named in full just before, called again by its kind
OFFICE_NOUNS = {"ministry", "commission", "department", "agency", "council", "chamber", "union", "office", "bureau"}


def _named_office(actors: Actors, tok: Token) -> Actor | None:
    """The organisation whose name holds the noun ("Commerce Ministry"), last named in this sentence or the one
    before."""
    here = sentence_at(tok.doc, tok.idx)
    window = sentence_before(tok.doc, here) if here is not None else None
    lo = window.start_char if window is not None else 0
    named = [
        (s, a)
        for a in actors.by_id.values()
        if a.kind == "organization" and tok.lower_ in a.name.lower().split()
        for s, _ in a.spans
        if lo <= s < tok.idx
    ]
    return max(named, key=lambda m: m[0])[1] if named else None


# Who an article quotes without a name: "an EU diplomat", "a senior official", "one source familiar with ...".
ANONYMOUS_HEADS = {"diplomat", "official", "source", "insider", "aide", "negotiator", "person", "executive", "banker"}
INDEFINITE = {"a", "an", "one", "another"}


def _anonymous_source(doc: Doc, actors: Actors, tok: Token) -> Actor | None:
    """An unnamed source ("One EU diplomat said") is a speaker of its own, not the country or body named in its
    description; kept as a group (not a person), since the article gives no one's name."""
    if tok.pos_ != "NOUN" or tok.lower_ not in ANONYMOUS_HEADS:
        return None
    det = [c for c in tok.children if c.dep_ in ("det", "nummod") and c.i < tok.i]
    if not det or det[0].lower_ not in INDEFINITE:
        return None
    sub = list(tok.subtree)
    if actors.at(sub[0].idx, sub[-1].idx + len(sub[-1].text), kinds=("person",)) is not None:
        return None  # "an official, Jane Doe, said": the named person speaks
    words = [t for t in doc[det[0].i + 1 : tok.i + 1] if not t.is_punct]
    # "a person familiar with the matter", "an official briefed on the talks": what little the article says
    tail = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("amod", "acl") and c.i == tok.i + 1), None)
    if tail is not None and tail.right_edge.i - tok.i <= 6:
        words += [t for t in doc[tok.i + 1 : tail.right_edge.i + 1] if not t.is_punct]
    name = " ".join(t.text for t in words)
    country = gz.country_of_text(name)
    aid = gz.slug(f"{name} (unnamed)")
    actor = actors.by_id.get(aid) or actors.add(Actor(id=aid, name=name, kind="organization", country=country))
    span = (words[0].idx, words[-1].idx + len(words[-1].text))
    if span not in actor.spans:
        actor.spans.append(span)
    return actor


HEADS_OF = {"state": {"president", "king", "queen", "emperor"},
            "government": {"minister", "premier", "chancellor", "taoiseach"}}  # fmt: skip


def _title_holder(actors: Actors, tok: Token) -> Actor | None:
    """A post without a name ("Business secretary insists ..."): the one person whose title has the same head
    and every word of the post ("business and trade secretary")."""
    of = next((g.lower_ for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
    if tok.lower_ == "head" and of in HEADS_OF:
        # "the head of state told reporters": the one president (or prime minister) the story names
        holders = [p for p in actors.people() if p.title and p.title.lower().split()[-1] in HEADS_OF[of]]
        leaders = [p for p in holders if gz.leader_office(p.name)]  # a country's, not a union's president
        holders = leaders if len(holders) > 1 and leaders else holders
        home = [p for p in holders if actors.home and p.country == actors.home]  # Le Monde's head of state
        holders = home if len(holders) > 1 and home else holders
        return holders[0] if len(holders) == 1 else None
    words = [t.lower_ for t in tok.subtree if t.i <= tok.i and t.pos_ in ("NOUN", "PROPN", "ADJ")]
    if not words or words[-1] not in gz.title_heads():
        return None
    holders = [
        p
        for p in actors.people()
        if p.title and p.title.lower().split()[-1] == words[-1] and set(words) <= set(p.title.lower().split())
    ]
    return holders[0] if len(holders) == 1 else None


def _epithet(doc: Doc, actors: Actors, tok: Token, spans: list[tuple[int, int]]) -> Actor | None:
    """ "the Swedish MEP said", "the economist added": a definite post with no name is the person the
    paragraph last named (not a country the post's adjective names)."""
    if tok.lower_ not in gz.title_heads() or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    text = text_of(doc)
    lo = text.rfind("\n", 0, tok.idx) + 1
    named = [(s, p) for p in actors.people() for s, _ in p.spans if lo <= s < tok.idx and not _in_spans(s, spans)]
    if not named:
        return None
    person = max(named, key=lambda x: x[0])[1]
    adjective = gz.country_of_text(" ".join(t.text for t in tok.subtree if t.i < tok.i))
    if adjective and person.country and not person.guessed and adjective != person.country:
        return None  # "the Swedish MEP" is not the Frenchwoman named before
    if adjective and (person.country is None or person.guessed):
        person.country, person.guessed = adjective, False  # the epithet tells what the home-country guess did not
    return person


def _family_name_he(actors: Actors, tok: Token) -> Actor | None:
    """The Chinese family name He, not the pronoun: a capitalised "He" inside a sentence ('"...," He said'),
    or opening a paragraph, in a story with a person of that name who has already spoken."""
    if tok.text != "He":
        return None
    people = [p for p in actors.people() if p.name.split()[0] == "He" and len(p.name.split()) > 1]
    if not people:
        return None
    text = text_of(tok.doc)
    line = text[text.rfind("\n", 0, tok.idx) + 1 : tok.idx].strip()
    mid_sentence = bool(line) and not re.search(r"[.!?][\"'”’)]*$", line)
    if not mid_sentence and line:
        return None  # "... said. He added": the pronoun
    spoke: list[tuple[int, Actor]] = []
    for p in people:
        for s, e in p.spans:
            m = tok.doc.char_span(s, e, alignment_mode="expand")
            if s < tok.idx and m is not None and m.root.dep_ == "nsubj" and m.root.head.lemma_ in SPEECH_VERBS:
                spoke.append((s, p))
    if spoke:
        return max(spoke, key=lambda x: x[0])[1]
    return people[0] if mid_sentence and len(people) == 1 else None


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
ADDRESS_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
                  "madame": "f", "dame": "f", "lady": "f"}  # fmt: skip


def _gender(doc: Doc, person: Actor) -> str | None:
    """What the article's forms of address say of a person ("Mrs Ofosu-Adjare", "Mr Edun"), when they agree."""
    if person.kind != "person":
        return None
    text = text_of(doc)
    said = {
        ADDRESS_GENDER.get(m.group(1).lower())
        for s, _ in person.spans
        if (m := re.search(r"\b([A-Z][a-z]{1,5})\.?\s+$", text[max(0, s - 9) : s]))
    } - {None}
    if re.search(r"woman\b", person.title or ""):
        said.add("f")  # "chairwoman", "spokeswoman"
    return said.pop() if len(said) == 1 else None


def _antecedent(actors: Actors, tok: Token, spans: list[tuple[int, int]]) -> Actor | None:
    kinds = ("person",) if tok.lower_ in ("he", "she", "him", "her", "i") else ("person", "government", "organization")
    if tok.lower_ in ("it", "they", "them"):
        kinds = ("government", "organization", "country")  # "they" is a side or a body, seldom one person
    if tok.lower_ in BODY_NOUNS:
        kinds = ("organization",)  # "the company said": the firm just named
    doc = tok.doc
    here = sentence_at(doc, tok.idx)
    window = sentence_before(doc, here) if here is not None else None
    lo = window.start_char if window is not None else 0
    best: tuple[tuple[bool, int], Actor] | None = None
    wanted = PRONOUN_GENDER.get(tok.lower_)
    for a in actors.by_id.values():
        if a.kind not in kinds or (wanted and _gender(doc, a) not in (None, wanted)):
            continue  # "she said" is never the man just named ("Mrs Ofosu-Adjare said President Mahama had ...")
        for s, e in a.spans:
            if s >= tok.idx or _in_spans(s, spans) or (tok.lower_ in BODY_NOUNS and s < lo):
                continue  # "the company" is a firm named in this sentence or the one before
            m = doc.char_span(s, e, alignment_mode="expand")
            # Prefer a recent grammatical subject ("Xi told Sanchez ... he added" is Xi), then the latest mention.
            subject = m is not None and s >= lo and m.root.dep_ in ("nsubj", "nsubjpass")
            # of two subjects in the sentence before, the main clause's: "Leavitt said ... Trump was committed"
            main = subject and m.root.head.dep_ == "ROOT"
            key = (subject, main, s)
            if best is None or key > best[0]:
                best = (key, a)
    return best[1] if best else None


def _body(doc: Doc, actors: Actors, tok: Token) -> Actor:
    """An unnamed body speaking ("the commerce ministry said"): a new organisation actor."""
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "punct") and not t.is_space]
    owner = next((t for t in words if t.pos_ == "PRON" and t.dep_ == "poss"), None)
    words = [t for t in words if t.pos_ != "PRON"] or [tok]
    name = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s")
    country = gz.country_of_text(name)
    if owner is not None and country is None:
        holder = _antecedent(actors, owner, [])
        country = holder.country if holder else None
    country = country or actors.home  # an unnamed ministry in a Beijing story is China's
    bare = re.sub(r"^.*?(?:'s|’s)\s+", "", name)
    aid = gz.slug(f"{country or ''} {bare}" if country else name)
    if len(words) == 1:  # "the spokesperson" is the spokesperson already met ("a commerce ministry spokesperson")
        met = [a for a in actors.by_id.values() if a.kind == "organization" and a.name.lower().endswith(tok.lower_)]
        aid = met[-1].id if met else aid
    actor = actors.by_id.get(aid) or actors.add(
        Actor(id=aid, name=bare[:1].upper() + bare[1:], kind="organization", country=country)
    )
    actor.spans.append((words[0].idx, tok.idx + len(tok.text)))
    return actor


def _carry_over(quotes: list[Quote], text: str, actors: Actors) -> None:
    """A quote with no speaker of its own continues the previous quote when nothing but a sentence break lies between."""
    prev = None
    for q in quotes:
        if q.speaker is None and prev is not None and prev.speaker is not None:
            gap = text[prev.end : q.start]
            other = actors.at(prev.end + 1, max(prev.end + 1, q.start - 1), kinds=("person",))
            # A quote running over paragraphs leaves each one open and reopens the next: “...\n\n“...
            continued = bool(re.fullmatch(r"[.,;:!?]*\s*\n\s*[“\"‘']", gap))
            # A paragraph that is nothing but a quote, right after the paragraph where the speaker spoke, goes on
            # in the same voice: “...,” X told reporters.\n\n“Now we will ...”
            next_para = gap.count("\n") <= 2 and "\n" in gap and _whole_paragraph(text, q)
            if (gap.count("\n") <= 1 or continued or next_para) and len(gap) < 200 and other in (None, prev.speaker):
                q.speaker, q.cue = prev.speaker, q.cue or prev.cue
        prev = q


POSSESSIVE_DETERMINERS = {"its", "their", "his", "her", "our", "your", "my"}
LABEL_CUE = re.compile(r"\b(?:so-called|dubbed|nicknamed|known as)\s*[“\"‘']$", re.I)


def _scare_quote(text: str, q: Quote) -> bool:
    """A word or two in quotation marks that nobody is said to have said, used as a label: the "reciprocal"
    rates, the 10pc "baseline" tariff, the cost of 'Liberation Day'."""
    if q.kind != "partial" or len(q.text.split()) > 3:
        return False
    after = re.match(r"[”\"’']?\s*([A-Za-z]+)", text[q.end : q.end + 20])
    before = re.search(r"(\w+)(?:'s|’s)?\s*[“\"‘']$", text[max(0, q.start - 20) : q.start])
    labels = after is not None and after.group(1).islower() and after.group(1) not in CLAUSE_WORDS | FUNCTION_AFTER
    owned = before is not None and (
        before.group(1).lower() in POSSESSIVE_DETERMINERS or re.search(r"(?:'s|’s)\s*[“\"‘']$", before.group(0))
    )
    closes = re.match(r"[”\"’']?\s*[,;)]", text[q.end : q.end + 4]) is not None
    if owned and q.text[:1].islower() and (labels or (closes and len(q.text.split()) == 1)):
        return True  # "its "reciprocal" tariff", "the bloc's "bazooka",": a label on someone's measure
    if LABEL_CUE.search(text[max(0, q.start - 20) : q.start]):
        return True  # "its so-called "bazooka"", "nicknamed 'Liberation Day'": a name for a thing, not speech
    if q.speaker is not None and q.cue is not None:
        return False
    lo = text.rfind("\n", 0, q.start) + 1
    if re.search(rf"(?<![“\"‘'\w]){re.escape(q.text)}\b", text[lo : q.start], re.I):
        return False  # the words were used in the paragraph before: an echo of what someone said, not a label
    before = re.search(r"(\w+)\s*[“\"‘']$", text[max(0, q.start - 20) : q.start])
    return labels or (
        before is not None
        and before.group(1).lower() in ("the", "a", "an", "of", "its", "their", "so-called", "dubbed")
    )


def _names_medium(actors: Actors, q: Quote) -> bool:
    """Quoted words that are only the title of a show or outlet (told CNBC's "Squawk Box.") are no quote."""
    medium = actors.at(q.start, q.end, kinds=("media",))
    return medium is not None and q.text.strip(" .,!?") in medium.forms | {medium.name}


def _whole_paragraph(text: str, q: Quote) -> bool:
    """Is the quote the whole of its paragraph (bar its quotation marks and closing punctuation)?"""
    lo = text.rfind("\n", 0, q.start) + 1
    hi = text.find("\n", q.end)
    hi = len(text) if hi < 0 else hi
    return (
        text[lo : q.start].strip() in ("“", '"', "‘", "'")
        and re.fullmatch(r"[.,;:!?…]*[”\"’']?[.,]?\s*", text[q.end : hi]) is not None
    )


def _channel(doc: Doc, actors: Actors, s: int, e: int, speaker: Actor | None = None) -> str | None:
    """Where the words were said: an outlet or platform named in the sentence, else a kind of occasion."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    here = sentence_at(doc, s)
    sents = [here]
    prev = sentence_before(doc, here)
    if prev is not None:
        same = speaker is not None and any(prev.start_char <= a < prev.end_char for a, _ in speaker.spans)
        if same and "\n" not in text_of(doc)[prev.end_char : here.start_char]:
            sents.insert(0, prev)
    for sent in reversed(sents):
        lo, hi = max(sent.start_char, s - CHANNEL_REACH), min(sent.end_char, e + CHANNEL_REACH)
        media = actors.at(lo, hi, kinds=("media",))
        if media:
            return media.name
        outside = text_of(doc)[lo:s] + " " + text_of(doc)[e:hi]
        for rx, label in CHANNEL_RX:
            if rx.search(outside):
                return label
    return None


def _report_end(doc: Doc, comp: Token) -> Token:
    """The last word of a reported clause: before any report nested in it with a speaker of its own ("X said A
    while Y said B" gives X only A), so run-on sentences do not make every report run to their end."""
    for tok in doc[comp.left_edge.i + 1 : comp.right_edge.i + 1]:
        nested = tok.i != comp.i and tok.pos_ == "VERB" and tok.lemma_.lower() in PARAPHRASE_VERBS
        if nested and any(c.dep_ == "nsubj" for c in tok.children) and tok.left_edge.i > comp.left_edge.i:
            return doc[tok.left_edge.i - 1]
    return comp.right_edge


def _paraphrases(doc: Doc, actors: Actors, spans: list[tuple[int, int]]) -> list[Quote]:
    """Reported speech with no quotation marks: "Bessent said he expects Japan to get priority"."""
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in PARAPHRASE_VERBS or tok.pos_ != "VERB" or _in_spans(tok.idx, spans):
            continue
        comp = next((c for c in tok.children if c.dep_ in ("ccomp",)), None)
        if comp is None:
            continue
        first, last = comp.left_edge, _report_end(doc, comp)
        s, e = first.idx, last.idx + len(last.text)
        if any(a < e and s < b for a, b in spans) or last.i - first.i < 3:
            continue
        who = _resolve_subject(doc, actors, tok, spans)
        if who is None:
            continue
        while e > s and text_of(doc)[e - 1] in ",.;":
            e -= 1
        lead = re.match(r"\s*(?:that\s+)?", text_of(doc)[s:e])
        s += lead.end() if lead else 0
        out.append(Quote(text=text_of(doc)[s:e], start=s, end=e, kind="paraphrase", speaker=who, cue=tok.text,
                         channel=_channel(doc, actors, s, e, who)))  # fmt: skip
    return out
