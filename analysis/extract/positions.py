"""Where each actor stands: stance on each topic it speaks to, from its own quoted and reported words."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from .quotes import Quote
from .sentences import sentence_at, text_of

# Topic → pattern. To add a topic, add a line; the first pattern found in a piece of evidence names its topic.
TOPICS = {
    "tariffs": r"\btariffs?\b|\blev(?:y|ies)\b|\bduties\b|\bimport tax",
    "negotiations": r"\bnegotiat\w*|\btalks\b|\bdiscussions?\b|\bdialogue\b|\bengagement\b|\bdeal\b|\bagreement\b",
    "countermeasures": r"\bcounter-?measures?\b|\bretaliat\w*|\bcounter-?tariffs?\b|\brespond in kind\b",
}
POSITIVE = r"\b(look forward|productive|constructive|welcome[sd]?|hope(?:ful)?|support(?:s|ed)?|agree[sd]?|priority|positive|progress|pleased|optimistic|confident|good|great|candid|important|fair|win|benefit|ready to|willing|success)\w*"
NEGATIVE = r"\b(regrettable|regret|reconsider|oppose[sd]?|unjustified|unjust|harm\w*|damag\w*|weaken\w*|hurt\w*|disappoint\w*|concern\w*|condemn\w*|reject\w*|unacceptable|violat\w*|protectionis\w*|bully\w*|blackmail|mistake|wrong|disastrous|devastating|threat\w*|uncertain\w*|costly|abandon|lift|scrap|remove|withdraw|deplor\w*|oppos\w*|firmly|strongly)"
JUSTIFY = r"\b(poorly|unfair\w*|cheat\w*|rip(?:ped|ping)? off|take advantage|taken advantage|abus\w*|non-tariff|trade barriers?|deficits?|don[’']t take|won[’']t take)"
TOPIC_RX = {t: re.compile(p, re.I) for t, p in TOPICS.items()}
POS_RX, NEG_RX, JUST_RX = (re.compile(p, re.I) for p in (POSITIVE, NEGATIVE, JUSTIFY))
VERB = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on", "mixed": "is mixed on"}


@dataclass
class Position:
    actor: str
    actor_name: str
    topic: str
    stance: str
    summary: str
    evidence: list[tuple[int, int]]

    def row(self) -> dict:
        return {"actor": self.actor, "topic": self.topic, "stance": self.stance, "summary": self.summary,
                "evidence": [list(s) for s in self.evidence]}  # fmt: skip


def find_positions(doc: Doc, quotes: list[Quote]) -> list[Position]:
    """Score each speaker's words per topic: positive words back talks, negative words oppose tariffs."""
    score: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    evidence: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    names: dict[str, str] = {}
    for q in quotes:
        if q.speaker is None or q.speaker.kind in ("media", "market_index", "place"):
            continue
        names[q.speaker.id] = q.speaker.name
        context = _sentence(doc, q.start, q.end)
        words = q.text
        topics = [t for t, rx in TOPIC_RX.items() if rx.search(words)] or [
            t for t, rx in TOPIC_RX.items() if rx.search(context)
        ]
        pos, neg, just = (len(rx.findall(words)) for rx in (POS_RX, NEG_RX, JUST_RX))
        if just:
            topics = topics if "tariffs" in topics else [*topics, "tariffs"]
        for topic in topics:
            key = (q.speaker.id, topic)
            evidence[key].append((q.start, q.end))
            if topic == "tariffs":
                score[key][0] += just + (pos if not any(t != "tariffs" for t in topics) else 0)
                score[key][1] += neg
            elif topic == "countermeasures":
                score[key][0] += pos + neg
            else:
                score[key][0] += pos
                score[key][1] += neg if "tariffs" not in topics else 0
    out = []
    for (actor, topic), (p, n) in score.items():
        stance = (
            "neutral"
            if p == n == 0
            else "mixed"
            if p and n and min(p, n) / max(p, n) > 0.5
            else "support"
            if p > n
            else "oppose"
        )
        spans = sorted(set(evidence[(actor, topic)]))
        sample = text_of(doc)[spans[0][0] : spans[0][1]]
        sample = sample if len(sample) <= 90 else sample[:87].rsplit(" ", 1)[0] + "…"
        summary = f"{names[actor]} {VERB[stance]} {topic}: “{sample}”"
        out.append(Position(actor, names[actor], topic, stance, summary, spans))
    return sorted(out, key=lambda p: (p.actor, p.topic))


def _sentence(doc: Doc, s: int, e: int) -> str:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return text_of(doc)[s:e]
    first, last = sentence_at(doc, s), sentence_at(doc, e - 1)
    return text_of(doc)[first.start_char : last.end_char]
