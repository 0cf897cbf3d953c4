"""Where each actor stands: a stance on each topic it speaks to or acts on, with the spans that show it.

Evidence is of two kinds: the actor's own words (quotes and reported speech, weighted 2) and what the
article says it did ("Trump raised tariffs", "Ottawa announced counter-tariffs", weighted 1). Each piece
names topics by keyword family; its polarity comes from the verb governing the topic word (negation flips
it), the adjectives on it, and, failing those, the positive or negative words of the whole quote.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import gazetteer as gz
from .actors import Actor, Actors, title_head
from .quotes import PARAPHRASE_VERBS, Quote, quote_spans, resolve_mention
from .sentences import clause_bounds, sentence_at, sentences, text_of
from .topics import (
    COSTS,
    HELPS,
    HURTS,
    NOT_TARIFF_RATE,
    REJECT,
    REMOVAL,
    REMOVE,
    advocated,
    conditional,
    named,
    noun_phrase,
    open_topics,
    speaks_for,
)

REMOVE_VERBS = REMOVE | {"ease", "reduce", "cut", "lower"}
RAISE_VERBS = {"raise", "increase", "push", "drive", "add", "lift", "boost"}
GOES_ON = {"continue", "resume", "proceed", "progress", "advance", "succeed", "work"}  # "talks were continuing"
SHRINK = {"cut", "reduce", "slash", "erode", "wipe", "shave", "lower", "dent", "squeeze", "halve", "shrink"}
EARNINGS = {"profit", "earnings", "margin", "sales", "export", "growth", "revenue", "income", "output", "demand",
            "order", "job"}  # fmt: skip
PROVOKES = {"invite", "provoke", "trigger", "spark", "prompt", "fuel", "risk", "draw", "court"}  # "... retaliation"
BAD_THINGS = {"uncertainty", "barrier", "risk", "doubt", "obstacle", "threat", "tension", "cost"}

# Topic family → keyword pattern. To add a topic, add a line; the keywords found are shown with the topic.
FAMILIES = {
    "countermeasures": r"retaliatory (?:tariffs?|dut(?:y|ies)|lev(?:y|ies)|measures?|action)|counter-?measures?|"
    r"retaliat\w*|counter[- ]?tariffs?|reciprocal measures|reciprocity|anti-coercion (?:instrument|tool|mechanism)",
    # other trade measures a story can be about, each its own topic
    "export controls": r"export (?:controls?|restrictions?|curbs?|bans?|licen[cs](?:es?|ing))|"
    r"controls on (?:\w+ ){0,2}exports|(?:chip|technology|tech) controls",
    "sanctions": r"sanctions?",
    "quotas": r"(?:tariff-rate |import )?quotas?|safeguards?(?: measures?| duties)?",
    "tariffs": r"(?<!counter )(?<!counter-)(?:(?:tariff|trade) wars?|tariffs?|surcharges?|lev(?:y|ies)|duty|duties|import tax(?:es)?|trade war|(?<=U\.S\. )measures|"
    r"tax(?:ing|ed|es)? (?:\w+ ){0,3}at [\d.]+ ?(?:%|percent|per cent)|"
    # a story's "rate" is its tariff rate, unless another rate is named
    + NOT_TARIFF_RATE
    + r"(?<!birth )(?<!death )(?<!crime )(?<!success )"
    r"(?<!cut )(?<!cuts )(?<!cutting )(?<!raise )(?<!raising )(?<!hike )(?<!hiking )(?<!key )(?<!benchmark )"
    r"(?<!cash )(?<!base )(?<!funds )(?<!lower )(?<!reduced )rates?(?! (?:cuts?|hikes?|decisions?|path|outlook)))",
    "negotiations": r"negotiat\w*|talks|talking(?! to (?:reporters|journalists|the press))|dialogue|discussions?|"
    r"engagement|consultations?",
    "deal": r"deals?|agreements?|accords?|frameworks?|truces?|arrangements?",
    "pause": r"pause|suspension|suspend\w*|reprieve|delay",
    "exemptions": r"exemptions?|exempt\w*|carve-?outs?|(?:tariff|duty) relief|relief from|waivers?",
    "threats": r"threats?|threaten\w*|(?<!anti-)coercion|blackmail|bullying|intimidation",
    # help for those a measure hurts: farm aid, a support package, wage support, loan guarantees
    "aid": r"(?<!foreign )aid(?! (?:workers?|agenc\w+|groups?))|bail-?outs?|(?:relief|support|rescue|aid|stimulus) "
    r"(?:packages?|funds?|programmes?|programs?|payments?)|financial (?:assistance|support|help)|"
    r"(?:wage|income) support|loan guarantees?|round of (?:help|support|assistance)",
}
FAMILY_RX = {f: re.compile(rf"\b(?:{p})\b", re.I) for f, p in FAMILIES.items()}
POSITIVE = re.compile(
    r"\b(look(?:ing)? forward|productive|constructive|welcome\w*|hope\w*|support\w*|agree[sd]?|priority|positive|"
    r"progress|pleased|optimistic|confident|good|great|candid|important|fair|benefit\w*|willing\w*|"
    r"success\w*|stability|predictab\w*|historic|breakthrough|open|encourag\w*|best|biggest|strong|substantial|excellent|respectful|step forward|important step|achiev\w*|accomplish\w*|mission complete|"
    r"fighting chance|fair shot|level playing field|nothing to worry about|not (?:against|opposed)|validat\w*|"
    r"(?<!lost )(?<!no )confidence|clear(?:ed|s)? (?:a |the )?(?:\w+ )?hurdle|(?:equal|better) footing)\b",
    re.I,
)
NEGATIVE = re.compile(
    r"\b(regrettable|regret\w*|reconsider|(?<!not )oppos\w*|unjustified|unjustifiabl\w*|irrational\w*|arbitrary|"
    r"baseless|groundless|unjust|unreasonable|unacceptable|harm\w*|damag\w*|"
    r"weaken\w*|hurt\w*|disappoint\w*|concern\w*|condemn\w*|reject\w*|violat\w*|protectionis\w*|bully\w*|"
    r"blackmail|mistake|wrong|disastrous|devastating|uncertain\w*|costly|deplor\w*|shocking|unfortunate|"
    r"punish\w*|attack\w*|unfair\w*(?! (?:competition|trade|trading|practices))|illegal|absurd|capitulat\w*|humiliat\w*|dark day|surrender|submission|"
    r"not (?:give in|back down|accept)|never (?:accept|compromise)|fight(?!ing chance)\w*|resist|at risk|risks?|no winners|"
    r"isolation|assault\w*|shut\w* out|ignore|meaningless|numbers game|no practical significance|infring\w*|"
    r"weigh(?:s|ed|ing)? on|penali[sz]\w*|on the line|(?:at|to|put at) a (?:\w+ )?disadvantage|"
    r"dark day|betray\w*|blow|(?<!short-term )(?<!short term )pain\w*|heavy price|suffer\w*|unthinkable|abuse of|(?:could|can)(?:not|n[’']t) afford|"
    r"escalation|tit-for-tat|incomprehensible|reckless|chaos|chaotic|setbacks?|inadequate|insufficient|fatal|"
    r"too weak|lopsided|one-sided|make (?:the|things|it|matters|life) (?:\w+ )?(?:worse|bigger|harder|tougher|more difficult)|struggl\w*|"
    # the harm a measure does to the speaker's side, in the words business and ministers use for it
    r"burden\w*|uncompetitive|cancel(?:l?ed|l?ing|s)?|cancellations?|(?:job |heavy )?loss(?:es)?|lost (?:\w+ )?orders|"
    r"lay-?offs?|wipe\w* out|catastroph\w*|shut(?:s|ting)? the door|(?:can ?not|can[’']t|won[’']t) accept|"
    r"squeez\w*|headwinds?|hit hard(?:est)?|hard-hit|unpaid leave|furlough\w*|"
    r"(?:nobody|no one|no company|no firm|no exporter)\b[^.]{0,30}\bcan absorb|(?:is|are) paying for (?:it|this|that)|caught (?:napping|flat-footed|off guard|asleep)|"
    r"(?:some|a lot of) explaining to do|dropped the ball|asleep at the wheel|rais\w* (?:the |our |their )?costs?\b|insult\w*|worse off|not the right way|"
    r"cost(?:s|ing)? (?:\w+ ){0,2}(?:jobs|orders|growth|money|dollars|millions|billions|customers|sales|business)|"
    r"a tax on|"
    r"regressive|suicid\w*|unviable|not viable|overreach\w*|pay(?:s|ing)? (?:the|a) (?:\w+ )?(?:bill|price)|"
    r"clos(?:e|es|ed|ing) (?:the|our|a) market|(?:can ?not|can[’']t) absorb|self-defeating|not convinced|"
    # a measure that fails its purpose, or a deal that is a token: the idioms for it
    r"(?:not|\w+n[’']t|unable) (?:be )?(?:able )?to absorb|impossible|(?:did|does|do|done) nothing (?:for|to)|"
    r"nothing in return|damp squib|sticking[- ]plaster|fig leaf|drop in the (?:ocean|bucket)|window[- ]dressing|"
    r"tax(?:es)? (?:paid by|on) (?:\w+ )?(?:consumers|households|families|shoppers)|never (?:work\w*|worked out)|"
    # a measure called a tax on one's own people, a weapon, or a price that shuts people out
    r"tax (?:increase|hike|rise)s?|tariffs are taxes|as a weapon|weaponi[sz]\w*|self-inflicted|"
    r"(?:can ?not|can[’']t|won[’']t|unable to) survive|pric(?:e|es|ed|ing) (?:\w+ ){0,3}out of|"
    r"(?:too|still very|prohibitively) high|prohibitive|"
    # worry, and the harm a business says it suffers: lost ground, orders, customers; prices passed on
    r"fear(?:s|ed|ful)?|(?<!nothing to )(?<!no need to )worr(?:y|ied|ies|ying)|nobody knows|no one knows|"
    r"out of the (?:race|market|game|business)|los(?:e|es|ing|t) (?:\w+ ){0,3}(?:ground|jobs|orders|customers|"
    r"market share|business|sales)|(?:can ?not|can[’']t) go on|higher prices|price (?:increases|hikes|rises)|"
    r"(?:will|would|to|must|who|we|they) (?:pay|paid) for (?:this|it|that|them)|"
    r"(?:are|is|were|was|be|keep|end up) paying (?:for )?(?:these|the|those|this|that|his|their) (?:\w+ )?"
    r"(?:tariffs?|duties|levies|tax(?:es)?)|"
    r"not a (?:strategy|solution|plan|policy|answer)|strung along|fiction|on top of|export ban|embargo|disrupt\w*|"
    r"(?:bill|costs?|expenses?) (?:had |has |have )?(?:\w+ )?(?:jumped|soared|surged|doubled|tripled|ballooned|"
    r"spiked|skyrocketed)|pa(?:y|ys|ying|id) (?:a|the) (?:[\w-]+ ){0,2}tax|postpon\w* (?:[\w,.]+ ){0,4}orders|price cuts|"
    r"(?:find|finds|found|finding|turn to|turning to|switch to|switching to) other (?:suppliers|buyers|markets)|"
    r"(?:is|are|amounts? to|acts? as) (?:just |simply |really |effectively |essentially )?an? (?:\w+ )?tax\b|"
    r"not (?:\w+ ){1,3}(?:we|they|I|you) can absorb|"
    # orders frozen, staff sent home, costs that cannot be carried any longer: a business's harm
    r"(?:orders|shipments|contracts|investments?|hiring|expansion|plans) (?:[\w,.$₹€£¥-]+ ){0,6}on hold|"
    r"send(?:s|ing)? (?:\w+ ){0,3}home|(?:could|can)(?: ?not|n[’']t) (?:continue|keep (?:up|going))|"
    r"price(?: tag)?s?,? (?:\w+ ){0,3}increase|"
    r"makes? no sense|(?:does|do)(?: not|n[’']t) make (?:any )?sense|senseless|pointless|counter-?productive|"
    r"losers|(?:gets?|got|getting) worse|death (?:warrant|knell|blow|sentence)|(?:through|by) the back ?door|"
    r"(?:will|would|shall) not (?:let|allow|permit)|"
    r"(?:moving|moved|shifting|shifted|taking|took) (?:their |our |the )?(?:\w+ )?orders to|selling at (?:a )?(?:cost|loss)|"
    r"over-?sold|over-?hyped|over-?promised|still waiting|(?:is|was|are|were|be) (?:all )?gone\b(?! (?:up|down))|"
    r"orders (?:had |have |has )?(?:fallen|fell|dropped|plunged|slumped|dried up|collapsed)|"
    r"switch(?:ed|ing)? to (?:\w+ ){0,2}(?:suppliers|rivals|competitors)|too (?:big|wide|steep|expensive|costly)|"
    r"(?:not|n[’']t) (?:\w+ ){0,2}(?:justified|justifiable|warranted|reasonable|acceptable)|"
    r"not (?:the|what) (?:\w+ )?(?:outcome|result|deal|rate) (?:we|they|I|he|she) (?:wanted|hoped|sought|expected)|"
    r"kick in the (?:guts|teeth)|paying more|stuck (?:paying|with)|more expensive|costlier|hold(?:ing)? off on|wobbl\w*|(?:did|does|do|would)(?: not|n[’']t) want|won[’']t (?:re)?open|(?:clos|shut)\w* (?:their|our|its|the) doors)\b",
    re.I,
)
JUSTIFY = re.compile(
    r"\b(poorly|cheat\w*|rip(?:ped|ping|s)?(?: \w+)? off|take advantage|taken advantage|abusive|non-tariff|trade barriers?|"
    r"deficits?|don[’']t take|won[’']t take|screw\w*|hostile|lack of respect|unfair trade|unfairly traded|"
    r"overcapacity|over-capacity|dumping|dumped|subsidi[sz]ed (?:foreign|imports?|steel|metal|goods)|"
    r"unfair competition|(?:sold |prices )?below (?:cost|what it costs))",
    re.I,
)
BUT = re.compile(r"[,;]? \bbut\b(?!.*\bbut\b)", re.I | re.S)
# The cost a speaker says others bear ("the burden is falling on the foreign exporters") is no complaint of
# theirs, and a bad name denied ("this is not a tax on Americans") is a defence.
OTHERS_BEAR = re.compile(
    r"\b(?:burden|cost|price|pain)s? (?:\w+ ){0,3}(?:on|by) (?:the )?(?:foreign|overseas|exporting)\b[^.;]*", re.I
)
NEGATED_BEFORE = re.compile(r"\b(?:not|never|n[’']t|no longer) (?:\w+ )?(?:an? |the )?$", re.I)
NO_PLANS = re.compile(r"\b(?:no (?:plans?|intention|desire|wish)|not|never|n[’']t|refus\w+|declin\w+) (?:\w+ )?to $|"
                      r"\bruled? out (?:\w+ )?$|\bno intention of $", re.I)  # fmt: skip
NOT_SO = re.compile(r"\bnot (?:an? |the |about )?(?:\w+ )?$", re.I)
# "the deal stopped it getting worse": harm prevented is praise
PREVENTED = re.compile(r"\b(?:stop\w*|prevent\w*|kept|keeps?) (?:it|them|things|this|that|matters) (?:from )?$", re.I)
DENIED = re.compile(r"\b(?:is|are|was|were)(?: not|n[’']t) (?:an? |the )?$", re.I)
# A measure said to do its job: "the tariffs are working", "leverage", "paying off".
WORKS = re.compile(
    r"\b(?:(?:is|are|was|were|been) (?:\w+ )?working|it worked|leverage|paying off|paid off|(?:is|are) a fair|"
    r"doing (?:exactly )?what (?:they|it) (?:was|were) (?:meant|designed|intended|supposed) to do|"
    r"(?:is|are) coming (?:back )?home|(?:can|could) be a (?:\w+ )?tool|(?:is|are) a (?:useful|powerful|legitimate|"
    r"necessary|effective|important) tool)\b",
    re.I,
)
GRUDGING = re.compile(
    r"\b(?:I|we) (?:can )?understand why\b|\b(?:somebody|someone) had to\b|\bhad to be done\b|"
    r"\bshort[- ]term pain\b",  # "the tariffs will be a short-term pain": worth it
    re.I,
)
BYSTANDER = re.compile(r"\b(?:companies|firms|parties|countries|people|sectors|those|businesses) concerned\b", re.I)
ANNOUNCING = re.compile(r"announc\w*|proclaim\w*|decree[sd]?|order(?:s|ed)?|declar\w*", re.I)
# Words that condemn a bargain rather than a measure: a side that gave in, a one-sided result.
GAVE_IN = re.compile(
    r"\b(capitulat\w*|surrender\w*|submission|submit\w*|humiliat\w*|betray\w*|dark day|lopsided|one-sided|"
    r"too weak|sell-?out|sold out|caved?|caving|kowtow\w*|gave in|giv(?:e|ing) in|hand(?:s|ed|ing)? over|"
    r"walk(?:s|ed)? away with nothing|give-?aways?|ced(?:e|ed|ing)|(?:given|gave|giving) away too much|"
    r"got too little|(?<!not )bad (?:deal|agreement|bargain))\b",
    re.I,
)
# Retaliating as something the speaker does (a verb), not "retaliation" talked about as a thing.
RETALIATION = re.compile(
    r"\b(hit(?:ting)? back|fight(?:ing)? back|retaliat(?:e|es|ed|ing)\b|respond in kind|strike back|"
    r"respond,? (?:firmly|forcefully|robustly|proportionately|decisively|strongly))\b",
    re.I,
)
SUPPORT_VERBS = {
    "support", "back", "welcome", "praise", "hail", "want", "seek", "favor", "favour", "defend", "protect",
    "push", "urge", "call", "agree", "sign", "reach", "strike", "secure", "hold", "begin", "resume",
    "continue", "pursue", "need", "prefer", "embrace", "endorse", "keep", "extend", "approve", "adopt", "work",
    "press",
}  # fmt: skip
OPPOSE_VERBS = {
    "oppose", "reject", "condemn", "criticize", "criticise", "slam", "denounce", "protest", "challenge",
    "sue", "fight", "resist", "blast", "decry", "regret", "object", "lament", "scrap", "remove", "lift",
    "withdraw", "end", "drop", "abandon", "counter", "refuse", "deplore", "dismiss", "deride", "lambast", "pan",
}  # fmt: skip
# What an actor does (subject of the verb) with a topic word in the verb's phrase.
ACTION_TOPICS = {
    ("impose", "raise", "hike", "slap", "levy", "threaten", "announce", "order", "sign", "double", "set",
     "unveil", "escalate", "expand", "extend", "increase", "defend", "tout", "keep", "maintain", "proclaim",
     "tighten", "broaden", "widen", "introduce", "enforce", "justify"): +1,
    ("criticize", "criticise", "condemn", "oppose", "slam", "reject", "denounce", "protest", "challenge", "sue",
     "blast", "decry", "fight", "resist", "attack", "warn", "dismiss", "deride", "lambast"): -1,
}  # fmt: skip
IMPOSING = {"impose", "introduce", "levy", "slap", "apply", "adopt", "raise", "take", "announce", "match"}
SET_ASIDE = re.compile(r"\b(?:rather than|instead of)\s+(?:\w+\s+){0,2}$", re.I)
MEASURES = {"tariffs", "export controls", "sanctions", "quotas"}  # what a story's harm words are about
RELIEF_VERBS = {"pause", "suspend", "delay", "lower", "cut", "reduce", "exempt", "spare", "grant", "postpone"}
# "decided not to retaliate": the verb "retaliate" is a deed of its own, read with its own negation
RETALIATE_VERB_FORM = re.compile(r"retaliat(?:e|es|ed|ing)", re.I)
RETALIATE_VERBS = {"retaliate", "respond", "hit"}
AID_VERBS = {"announce", "unveil", "prepare", "approve", "offer", "provide", "extend", "pledge", "promise", "launch",
             "seek", "request", "want", "welcome", "call", "propose", "expand", "deliver", "need", "urge"}  # fmt: skip
DEAL_VERBS = {"agree", "reach", "strike", "sign", "seal", "clinch", "finalize", "finalise", "conclude", "announce"}
MEANS = 1.0001  # the polarity of a topic word the speaker wields ("with a levy"): support, and marked
DEAL_BACKERS = {"welcome", "hail", "praise", "back", "support", "call", "tout", "push", "press", "seek", "want", "urge",
                "need", "secure", "defend"}  # fmt: skip
# How a family is named in the table: by the two names analysts use for it.
LABELS = {"countermeasures": "countermeasures/retaliation", "negotiations": "negotiations/talks",
          "deal": "deal/agreement", "tariffs": "tariffs/duties", "aid": "aid/relief"}  # fmt: skip
VERB = {"support": "supports", "oppose": "opposes", "neutral": "is neutral on", "mixed": "is mixed on"}


@dataclass
class Position:
    actor: str
    topic: str
    stance: str
    summary: str
    evidence: list[tuple[int, int]]

    def row(self) -> dict:
        return {"actor": self.actor, "topic": self.topic, "stance": self.stance, "summary": self.summary,
                "evidence": [list(s) for s in self.evidence]}  # fmt: skip


@dataclass
class _Tally:
    score: float = 0.0
    weight: float = 0.0
    strong_pos: int = 0
    strong_neg: int = 0
    keywords: set[str] = field(default_factory=set)
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def absorb(self, other: _Tally) -> None:
        self.score, self.weight = self.score + other.score, self.weight + other.weight
        self.strong_pos, self.strong_neg = self.strong_pos + other.strong_pos, self.strong_neg + other.strong_neg
        self.keywords |= other.keywords
        self.evidence += other.evidence


def find_positions(
    doc: Doc, quotes: list[Quote], actors: Actors, title: str | None = None, raw: str | None = None
) -> list[Position]:
    """Positions per (actor, topic), from the actor's words and deeds."""
    tally: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    main = main_topic(doc, title)
    agents = [sp for a in actors.by_id.values() for sp in a.spans]
    parties = [sp for a in actors.by_id.values() if a.kind in ("person", "government", "country") for sp in a.spans]
    for q in quotes + _reported_around(doc, quotes):
        if q.speaker is None or q.speaker.kind in ("media", "market_index", "place"):
            continue
        for topic, word, polarity in _refusals(q.text, _stances_in_words(doc, q, main, agents, parties)):
            _add(tally, q.speaker.id, topic, word, 2 * polarity, (q.start, q.end), raw=polarity)
    owned_rows = _owned_measures(doc, actors, quote_spans(text_of(doc)))
    for actor_id, topic, word, polarity, span in _stances_in_deeds(doc, actors, main) + owned_rows:
        _add(tally, actor_id, topic, word, polarity, span)
    for actor_id, topic, word, polarity, span in _owned_in_headline(actors, title, raw):
        _add(tally, actor_id, topic, word, polarity, span)
    for follower, leader, span in _endorsements(doc, actors):
        for (actor_id, family), t in list(tally.items()):
            if actor_id == leader and t.score:
                _add(tally, follower, family, family, 1.0 if t.score > 0 else -1.0, span)
    measure, backers = _imposers(actors, tally, main)
    for actor_id, span in _imposers_voices(quotes, tally, measure, backers):
        _add(tally, actor_id, measure, measure, 1.0, span)
    for actor_id, span in _relief_seekers(actors, tally, measure, backers):
        _add(tally, actor_id, "tariffs", "tariffs", -1.0, span)
    for actor_id, span in _hit_businesses(quotes, tally, measure, backers):
        _add(tally, actor_id, "tariffs", "tariffs", -1.0, span)
    for actor_id, span in _observers(quotes, tally, main):
        _add(tally, actor_id, main, main, 0.0, span)
    for actor_id, span in _opposition_voices(quotes):
        _add(tally, actor_id, "government", "government", -1.0, span)
    for actor_id, span in _deal_welcomers(doc, tally):
        _add(tally, actor_id, "deal", "deal", 1.0, span)
    # "Trump's tariffs": an owner's bad words are about what threatens the measure ("losing the tariffs would be a
    # disaster"), not about the measure
    owned = {(aid, family) for aid, family, *_ in owned_rows}
    deal = named_deal(f"{title or ''}\n{text_of(doc)}")
    out = []
    for (actor_id, family), t in _named_in_full(doc, tally).items():
        actor = actors.by_id[actor_id]
        stance = _stance(t)
        stance = "support" if stance == "mixed" and (actor_id, family) in owned and actor.kind == "person" else stance
        if stance == "oppose" and family in MEASURES and _describes(actor, t, text_of(doc)):
            stance = "neutral"
        label = LABELS.get(family, family)
        words = sorted(t.keywords - {family, family.lower(), *label.split("/")})
        if family == "deal" and deal and not any(deal.lower() in w.lower() for w in words):
            words.append(deal)  # "deal/agreement (EU-Mercosur)": which deal, when the story names one
        topic = f"{label} ({', '.join(words)})" if words else label
        first = sorted(t.evidence)[0]
        sample = text_of(doc)[first[0] : first[1]]
        sample = sample if len(sample) <= 90 else sample[:87].rsplit(" ", 1)[0] + "…"
        out.append(
            Position(
                actor_id, topic, stance, f"{actor.name} {VERB[stance]} {family}: “{sample}”", sorted(set(t.evidence))
            )
        )
    return sorted(out, key=lambda p: (p.actor, p.topic))


# "the EU-Mercosur partnership agreement", "the US-Japan trade deal", "the AfCFTA agreement": a deal by its name.
NAMED_DEAL = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][\w&.’'-]*\s+){0,2}[A-Z][a-z&.-]*[A-Z][\w&.-]*|[A-Z][a-z]+(?:-[A-Z][\w]+)+)"
    r"\s+(?i:(?:free|trade|partnership|economic|association|comprehensive|framework|reciprocal|bilateral)[- ]){0,3}"
    r"(?i:deal|agreement|pact|accord|treaty)\b"
)
NOT_DEAL_NAMES = {"US", "U.S.", "EU", "UK", "The", "This", "That", "A", "An"}


def named_deal(text: str) -> str | None:
    """The name of the deal a story names most often before a deal word; None when it names none."""
    names = Counter(
        m.group("name")
        for m in NAMED_DEAL.finditer(text)
        if m.group("name") not in NOT_DEAL_NAMES and not m.group("name").startswith(("The ", "This "))
    )
    return names.most_common(1)[0][0] if names else None


OBSERVER = re.compile(r"\b(?:economists?|analysts?|strategists?|researchers?|research|fellow|professor)\b", re.I)


def _observers(
    quotes: list[Quote], tally: dict[tuple[str, str], _Tally], main: str | None
) -> list[tuple[str, tuple[int, int]]]:
    """An economist, analyst or strategist quoted on the story without a stance of their own on its main topic
    describes it: neutral on it, by their first words."""
    if main is None:
        return []
    return _voices(
        quotes,
        lambda who, q: who.kind == "person" and bool(OBSERVER.search(who.title or "")) and (who.id, main) not in tally,
    )


def _voices(quotes: list[Quote], keep: Callable[[Actor, Quote], bool]) -> list[tuple[str, tuple[int, int]]]:
    """Each speaker `keep` accepts once, by their first words."""
    out: dict[str, tuple[int, int]] = {}
    for q in quotes:
        who = q.speaker
        if who is not None and who.id not in out and keep(who, q):
            out[who.id] = (q.start, q.end)
    return list(out.items())


# a deal struck, not one sought: "agreed a trade deal", "the agreement was signed"
DEAL_STRUCK = re.compile(
    r"\b(?:agreed|reached|struck|signed|sealed|clinched|finali[sz]ed|concluded|secured)\b[^.;]{0,60}?"
    r"\b(?:deal|agreement|accord|pact|framework)s?\b|"
    r"\b(?:deal|agreement|accord|pact|framework)\s+(?:was|has been|had been|is)\s+(?:reached|struck|signed|sealed|"
    r"agreed|finali[sz]ed|concluded)\b",
    re.I,
)


def _deal_welcomers(doc: Doc, tally: dict[tuple[str, str], _Tally]) -> list[tuple[str, tuple[int, int]]]:
    """In a story of a deal struck, whoever speaks well of the rate it set ("a 15% rate is a good outcome") or of
    the talks that won it ("our negotiators safeguarded our interests") backs the deal, unless they said otherwise."""
    if not DEAL_STRUCK.search(text_of(doc)):
        return []
    out: dict[str, tuple[int, int]] = {}
    for (aid, family), t in tally.items():
        if family in ("tariffs", "negotiations") and t.score > 0 and t.strong_pos and (aid, "deal") not in tally:
            out.setdefault(aid, sorted(t.evidence)[0])
    return list(out.items())


OPPOSITION = re.compile(r"\b(?:opposition|shadow)\b", re.I)


POLITICIAN = re.compile(r"\b(?:leader|MP|lawmaker|senator|critic|spokesperson|member of parliament)\b", re.I)
BLAMES_GOVERNMENT = re.compile(r"\b(?:the|our|this) (?:[Gg]overnment|[Aa]dministration)\b")


def _opposition_voices(quotes: list[Quote]) -> list[tuple[str, tuple[int, int]]]:
    """An opposition leader or shadow minister quoted in a policy story speaks against the government: that is
    the office's job, and what an analyst files their words under. So does another politician out of office
    whose words blame the government ("the Government had been caught flat-footed")."""

    def against(who: Actor, q: Quote) -> bool:
        title = who.title or ""
        blames = bool(BLAMES_GOVERNMENT.search(q.text) and NEGATIVE.search(q.text))
        return who.kind == "person" and (
            bool(OPPOSITION.search(title)) or (bool(POLITICIAN.search(title)) and not _official(who) and blames)
        )

    return _voices(quotes, against)


# what an economist says when they judge a measure, not when they size its cost ("knocks $500m off exports")
VERDICT = re.compile(
    r"\b(?:regressive|mistake|misguided|bad (?:policy|idea|economics)|self-(?:defeating|inflicted)|counter-?productive|"
    r"never (?:work\w*|worked out)|backfir\w*|wrong|(?:a|the) tax\b|tax(?:es)? on|tariffs are taxes|heavy blow|"
    r"devastating|disastrous|(?<!not )(?<!not a )catastroph\w*|unjustified|illegal|unlawful|damag\w*|harm\w*|"
    r"as a weapon|weaponi[sz]\w*|not a (?:solution|strategy)|(?:too|very|prohibitively) high|(?:can ?not|can[’']t) survive|"
    r"rais\w* (?:\w+ ){0,3}(?:prices?|costs?)\b)",
    re.I,
)


def _describes(actor: Actor, t: _Tally, text: str) -> bool:
    """An economist or analyst who sizes a measure's cost describes it; only a verdict on it is opposition."""
    if actor.kind != "person" or not OBSERVER.search(actor.title or "") or TRADE_BODY.search(actor.title or ""):
        return False  # the chief economist of a farm chamber speaks for the chamber
    return not any(VERDICT.search(text[s:e]) for s, e in t.evidence)


def _imposers_voices(
    quotes: list[Quote], tally: dict[tuple[str, str], _Tally], main: str | None, backers: set[str]
) -> list[tuple[str, tuple[int, int]]]:
    """An official of the government that imposes the story's measure, speaking in a story about it, speaks for
    it unless their words say otherwise (a press secretary explaining the order, a minister setting the rates).
    The imposer is the country of an official who backs the measure by deed or word."""
    if main is None:
        return []

    def official(who: Actor, q: Quote) -> bool:
        said = tally.get((who.id, main))
        return who.kind == "person" and who.country in backers and _official(who) and (said is None or said.score == 0)

    return _voices(quotes, official)


def _imposers(actors: Actors, tally: dict[tuple[str, str], _Tally], main: str | None) -> tuple[str | None, set[str]]:
    """The story's measure and the countries whose officials back it by deed or word."""
    if main not in MEASURES:
        # a story about exemptions from, or talks on, a measure is still about the measure it names most
        named = [f for f in MEASURES if any(family == f for _, family in tally)]
        main = max(named, key=lambda f: sum(t.weight for (_, g), t in tally.items() if g == f), default=None)
        if main is None:
            return None, set()

    def sides(sign: int) -> set[str]:
        return {
            actors.by_id[a].country
            for (a, family), t in tally.items()
            if family == main and t.score * sign > 0 and _official(actors.by_id[a])
        } - {None}

    # a government whose officials speak both for and against the measure is answering someone else's with its own
    backers = sides(1) - sides(-1)
    if not backers and main == "tariffs" and any(a.country == "USA" and _official(a) for a in actors.people()):
        backers = {"USA"}  # a 2025 tariff story whose imposer goes unsaid: Washington's, when its officials speak
    return main, backers


RELIEF = ("exemptions", "pause")


def _relief_seekers(
    actors: Actors, tally: dict[tuple[str, str], _Tally], measure: str | None, backers: set[str]
) -> list[tuple[str, tuple[int, int]]]:
    """A side the tariffs hit that wants or welcomes relief from them (an exemption, a pause) is against the
    tariffs themselves, unless it said otherwise; the side that imposes them grants the relief."""
    if measure != "tariffs" or not backers:
        return []
    out: dict[str, tuple[int, int]] = {}
    for (aid, family), t in tally.items():
        actor = actors.by_id[aid]
        if family not in RELIEF or t.score <= 0 or actor.country in backers | {None} or aid in out:
            continue
        if OBSERVER.search(actor.title or ""):
            continue  # an analyst who expects or welcomes a pause describes it; they are no side
        said = tally.get((aid, "tariffs"))
        if said is None or said.score == 0:
            out[aid] = sorted(t.evidence)[0]
    return list(out.items())


BUSINESS_TITLE = re.compile(
    r"\b(?:managing director|chief executive|ceo|owner|founder|chair(?:man|woman|person)?|(?:vice[- ])?president of|"
    r"director|farmer|grower|exporter|manufacturer|executive|general manager|co-owner|proprietor|rancher|fisher\w*)\b",
    re.I,
)
NOT_BUSINESS = re.compile(
    r"\b(?:senator|congress\w*|parliament\w*|MP|minister|governor|mayor|ambassador|party|committee|lawmaker|"
    r"representative|council(?:lor|man|woman)|union|government|ministry|department|agency|bank|university|institute)\b",
    re.I,
)
TRADE_BODY = re.compile(
    r"\b(?:association|federation|chamber|confederation|alliance|manufacturers|exporters|producers|growers|farmers|"
    r"industries|inc|ltd|corp|company|co)\b",
    re.I,
)


def _business(actor: Actor) -> bool:
    """A firm, a trade body, or someone who speaks for one: the side a tariff's cost lands on."""
    if actor.kind == "person":
        title = actor.title or ""
        return bool(BUSINESS_TITLE.search(title)) and not NOT_BUSINESS.search(title) and not _official(actor)
    return actor.kind == "organization" and bool(TRADE_BODY.search(actor.name)) and not NOT_BUSINESS.search(actor.name)


def _hit_businesses(
    quotes: list[Quote], tally: dict[tuple[str, str], _Tally], measure: str | None, backers: set[str]
) -> list[tuple[str, tuple[int, int]]]:
    """A business of a country the tariffs hit, quoted in a story about them, speaks of what they cost it ("our
    customers will simply buy from someone else"): against them, unless its words took a side already."""
    if measure != "tariffs" or not backers:
        return []

    def hit(who: Actor, q: Quote) -> bool:
        if who.country is None or not _business(who):
            return False
        own = [t.score for (a, _), t in tally.items() if a == who.id]
        if (who.id, "tariffs") in tally or any(score > 0 for score in own):
            return False
        # at home, a firm may make what the tariff shields: only its complaints ("my supplier raised prices
        # twice") put it against the tariff
        return who.country not in backers or any(score < 0 for score in own)

    return _voices(quotes, hit)


def _named_in_full(doc: Doc, tally: dict[tuple[str, str], _Tally]) -> dict[tuple[str, str], _Tally]:
    """ "welcomed the end of the tax": a topic named by its head alone takes the fullest name the article gives
    it ("digital services tax"), so one actor's "tax" and "digital services tax" are one row."""
    heads = {family for _, family in tally if family not in FAMILIES and " " not in family}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for tok in doc:
        if tok.lower_ in heads and tok.pos_ == "NOUN":
            phrase = noun_phrase(tok, with_of=False)
            if phrase and phrase.lower() != tok.lower_ and phrase.lower().endswith(tok.lower_):
                forms[tok.lower_][phrase] += 1
    full = {h: max(c, key=lambda p: (c[p], len(p))) for h, c in forms.items()}
    out: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    for (actor_id, family), t in tally.items():
        out[(actor_id, full.get(family, family))].absorb(t)
    return out


SPEECH = PARAPHRASE_VERBS | {"write", "post", "tweet", "contend", "maintain", "assert", "declare", "complain"}


def _reported_around(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """'Sauer said the tariffs were a vital tool and that striking them down would leave the country
    "defenseless"': a quoted phrase sits in reported speech whose other words are the speaker's too. The
    clause the speech verb governs, as a paraphrase of its own (unless one already covers it)."""
    text = text_of(doc)
    out = []
    for q in quotes:
        if q.kind != "partial" or q.speaker is None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        tok = span.root if span is not None else None
        for _ in range(8):
            if tok is None or tok.head.i == tok.i:
                tok = None
                break
            if tok.dep_ in ("ccomp", "conj") and (tok.head.lemma_.lower() in SPEECH or tok.head.text == q.cue):
                break
            tok = tok.head
        if tok is None:
            continue
        cue = tok.head
        clauses = [c for c in cue.children if c.dep_ in ("ccomp", "conj") and c.pos_ in ("VERB", "AUX")]
        clauses = [c for c in clauses if c.dep_ == "ccomp" or any(g.dep_ == "ccomp" for g in c.children)] or [tok]
        first = max(cue.i + 1, min(c.left_edge.i for c in clauses))
        last = doc[max(c.right_edge.i for c in clauses)]
        if last.i < first or last.i - first > 120:
            continue  # no clause after the verb, or a run-on that is no one clause
        start, end = doc[first].idx, last.idx + len(last.text)
        if end - start <= q.end - q.start + 3 or any(
            o.kind == "paraphrase" and o.start <= start < o.end for o in quotes
        ):
            continue
        out.append(Quote(text[start:end], start, end, "paraphrase", q.speaker, q.cue, q.channel))
    return out


def _add(
    tally, actor_id: str, family: str, word: str, polarity: float, span: tuple[int, int], raw: float | None = None
) -> None:
    t = tally[(actor_id, family)]
    t.score += polarity
    t.weight += abs(polarity) or 0.5
    raw = polarity if raw is None else raw
    t.strong_pos += raw >= 1
    t.strong_neg += raw <= -1
    t.keywords.add(word.lower())
    t.evidence.append(span)


def _stance(t: _Tally) -> str:
    if t.score == 0 and t.weight <= 1:
        return "neutral"
    pos = (t.weight + t.score) / 2
    neg = (t.weight - t.score) / 2
    # Mixed takes clear evidence both ways; a mere mention leaning one way ("would examine the deal") does not
    # outweigh a judgment ("the agreement was lopsided").
    if t.strong_pos and t.strong_neg and pos > 0.5 and neg > 0.5 and min(pos, neg) / max(pos, neg) >= 0.5:
        return "mixed"
    return "support" if t.score > 0 else "oppose" if t.score < 0 else "neutral"


def _stances_in_words(
    doc: Doc,
    q: Quote,
    main: str | None = None,
    agents: list[tuple[int, int]] | None = None,
    parties: list[tuple[int, int]] | None = None,
) -> list[tuple[str, str, float]]:
    """(family, keyword, polarity) for each topic the quoted or reported words touch."""
    text = q.text
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    found: list[tuple[str, str, float]] = []
    covered: list[tuple[int, int]] = []
    if span is not None:
        lo, hi = clause_bounds(doc, q.start, q.end)
        region = doc.char_span(lo, hi, alignment_mode="expand")
        for topic, polarity, at in open_topics(region, (q.start, q.end), agents, parties) if region is not None else []:
            # "its dairy tariffs were an insult": another side's measure is a topic of its own
            theirs = any(c.dep_ == "poss" and c.lower_ not in ("our", "my") for c in at.children)
            family, polarity = (topic, polarity) if theirs else _open_family(topic, polarity, at, main)
            if lowered(at):
                family, topic, polarity = "tariffs", f"lower {topic}", -polarity
            elif _set_aside(at):
                polarity = -abs(polarity)  # "diplomacy worked better than retaliation": the worse way
            found.append((family, topic, polarity))
            if (other := _contrast(at)) and other * polarity < 0:
                found.append((family, topic, other))  # "the deal was welcome ... but did nothing for steel"
            covered.append((min([at.idx] + [w.idx for w in at.lefts if w.dep_ == "compound"]), at.idx + len(at.text)))
        for tok in span:
            if _policy_act(tok) and not any(cs <= tok.idx < ce for cs, ce in covered):
                # "was disappointed by the decision", "welcomed by the move": a judgment the act hangs on
                near = [tok.head.text, tok.head.head.text] if tok.dep_ == "pobj" else [tok.head.text]
                sign = (
                    -1.0
                    if any(NEGATIVE.fullmatch(w) for w in near)
                    else 1.0
                    if any(POSITIVE.fullmatch(w) for w in near)
                    else 0
                )
                family, sign = _open_family(tok.lemma_.lower(), sign, tok, main)
                if sign and family in FAMILIES:
                    found.append((family, tok.text, sign))
    plain = OTHERS_BEAR.sub("", BYSTANDER.sub("", text))  # "the companies concerned" is no concern
    negs = [m for m in NEGATIVE.finditer(plain) if not DENIED.search(plain[max(0, m.start() - 16) : m.start()])]
    prevented = [m for m in negs if PREVENTED.search(plain[max(0, m.start() - 24) : m.start()])]
    negs = [m for m in negs if m not in prevented]
    # "not supported by the evidence", "not fair": praise denied is blame
    denied = [
        m
        for m in POSITIVE.finditer(plain)
        if m.group(0).lower() != "open" and NEGATED_BEFORE.search(plain[max(0, m.start() - 16) : m.start()])
    ]  # "will not open its dairy sector" is a red line, not blame
    # "It is not a trade deficit": a grievance denied justifies nothing
    just = sum(not NOT_SO.search(text[max(0, m.start() - 16) : m.start()]) for m in JUSTIFY.finditer(text))
    pos, neg = len(POSITIVE.findall(plain)) - len(denied) + len(prevented), len(negs) + len(denied)
    if q.kind == "partial" and not just:
        # accused Brazil of "unfair" trade practices: the phrase the quoted word qualifies
        around = re.sub(r"[\"“”‘’']", "", text_of(doc)[q.start : q.end + 30])
        just = sum(m.start() < q.end - q.start for m in JUSTIFY.finditer(around))
    overall = (pos > neg) - (neg > pos)
    if pos and neg and overall == 0 and (but := BUT.search(plain)):
        # "We will do our best ..., but we aren't able to absorb ...": the clause after "but" is the point made
        after = plain[but.end() :]
        overall = (len(POSITIVE.findall(after)) > len(NEGATIVE.findall(after))) - (
            len(NEGATIVE.findall(after)) > len(POSITIVE.findall(after))
        )
    for family, rx in FAMILY_RX.items():
        for m in rx.finditer(text):
            if any(cs <= q.start + m.start() < ce for cs, ce in covered):
                continue  # judged or advocated above
            if span is not None and _hypothetical(span, q.start + m.start()):
                continue  # "if talks fail", "whether we retaliate": no stance on it yet
            if (
                family == "pause"
                and m.group(0).lower().startswith(("suspend", "delay"))
                and not (FAMILY_RX["tariffs"].search(text) or FAMILY_RX["deal"].search(text))
            ):
                continue  # "suspended one of its two shifts": a pause of nothing the story is about
            polarity = _local_polarity(doc, span, q.start + m.start()) if span is not None else 0
            at_tok = _token_at(span, q.start + m.start())
            if family == "tariffs" and polarity > 0 and at_tok is not None and lowered(at_tok):
                polarity = -polarity  # "press for a return to zero tariffs": against the tariffs as they stand
            if polarity > 0 and overall < 0 and _left_in_place(_token_at(span, q.start + m.start())):
                polarity = -1.0  # "disappointed that the talks did not remove the tariff": they wanted it gone
            if abs(polarity) == MEANS:
                family = "countermeasures" if family == "tariffs" else family  # "match their tariffs with a levy"
                polarity = 1.0 if polarity > 0 else -1.0  # "we will not answer a tariff with a tariff": refused
            if polarity == 0 and family == "tariffs" and q.kind == "paraphrase" and ANNOUNCING.fullmatch(q.cue or ""):
                polarity = 1.0  # "Trump announced that the tariff would apply from Oct 1": the measure is the speaker's
            if polarity == 0 and family == "tariffs" and GRUDGING.search(plain):
                polarity = 1.0  # "I understand why the president went after China with tariffs": a grudging yes
            if polarity == 0 and family == "tariffs" and overall >= 0 and WORKS.search(plain):
                polarity = 1.0  # "the tariffs are leverage, and the leverage is working": a defence of them
            if polarity == 0 and overall < 0 and span is not None and _lacked(span, q.start + m.start()):
                # "every week without an agreement costs us orders": the harm is the lack of it, and the measures
                found += [(family, m.group(0), 1.0)] + ([("tariffs", "tariffs", -1.0)] if family != "tariffs" else [])
                continue
            if (
                polarity == 0
                and family == "countermeasures"
                and overall < 0
                and _official(q.speaker)
                and not _subject(span, q.start + m.start())
                and not _negated_at(span, q.start + m.start())
            ):
                # "we will not accept being treated like a colony ... there will be reciprocity": a threat, and
                # the measure it answers is opposed ("retaliation is a gesture, not a strategy" judges it instead)
                found += [(family, m.group(0), 1.0), ("tariffs", m.group(0), -1.0)]
                continue
            if polarity == 0:
                polarity = _default_polarity(family, overall, neg)
            found.append((family, m.group(0), float(polarity)))
    hit_back = RETALIATION.search(text)
    if hit_back and not any(f == "countermeasures" for f, _, _ in found):
        if NO_PLANS.search(text[max(0, hit_back.start() - 30) : hit_back.start()]):
            found.append(("countermeasures", hit_back.group(0), -1.0))  # "had no plans to retaliate"
        else:
            found += [("countermeasures", hit_back.group(0), 1.0), ("tariffs", "retaliation", -1.0)]
    if gave := GAVE_IN.search(text):
        # '"handed over $550 billion" to secure a tariff': the speaker condemns the bargain, not the rate it got
        found = [f for f in found if not (f[0] == "tariffs" and f[2] > 0)] + [("deal", gave.group(0), -1.0)]
    if just and not any(f == "tariffs" for f, _, _ in found):
        found.append(("tariffs", "trade practices", 1))  # grievances about others' trade justify tariffs
    if not found and span is not None:
        lo, hi = clause_bounds(doc, q.start, q.end)
        context = text_of(doc)[lo:hi]
        # words that condemn a bargain ("too weak", "capitulation") are about the deal before anything else
        gave_in = bool(GAVE_IN.search(text))
        cands = [
            (family != "deal" if gave_in else 0, _distance(lo + m.start(), q), i, family, m)
            for i, (family, rx) in enumerate(FAMILY_RX.items())
            for m in rx.finditer(context)
        ]
        # the topic word nearest the quoted words ("called the agreement 'a historic day' and said ... than
        # retaliation" is about the agreement); words that condemn a bargain are about the deal first. The nearest
        # first, so that a run-on sentence does not walk the parse once per topic word.
        cands.sort(key=lambda c: (c[0], c[1] * (1 if lo + c[4].start() < q.start else 2), c[2]))
        nearest = (
            next(
                (
                    c
                    for c in cands
                    if not _reported_apart(doc, lo + c[4].start(), q)
                    and not _contrasted(text_of(doc), lo + c[4].start(), q)
                ),
                None,
            )
            if pos or neg
            else None
        )
        if nearest is not None:
            *_, family, m = nearest
            found.append((family, m.group(0), _default_polarity(family, overall, neg)))
    if not any(f in FAMILIES or family_of(w) in FAMILIES for f, w, _ in found) and overall and main:
        if q.kind == "partial" and found:
            return found  # 'losing it would be "devastating"': the quoted words judge the topic they are said of
        # Words with a clear tone but no topic word are about what the story is about ("This is an assault on
        # our industry" in a tariff story opposes the tariffs).
        # Bad words with no topic word are about the harm the measures do, whatever the story's main topic ("We
        # are paying the price" in a story about a deal does not oppose the deal).
        measure = main if main in MEASURES else "tariffs" if FAMILY_RX["tariffs"].search(text_of(doc)) else main
        hurts = measure if not GAVE_IN.search(text) else main
        # Praise with no topic word in a story with a deal is for the deal ("the best outcome available to us").
        praised = "deal" if main == "tariffs" and FAMILY_RX["deal"].search(text_of(doc)) else main
        if not (overall < 0 and hurts == "aid"):  # bad words in a story about help are about the harm, not the help
            found.append(
                (hurts, hurts, -1.0) if overall < 0 else (praised, praised, 1.0 if praised != "tariffs" else 0)
            )
    return found


# "Retaliation is not in our interest", "retaliation is off the table": the measure refused
REFUSED_AFTER = re.compile(
    r"^\w*\s+(?:is|was|would be|will be|are)\s+(?:not\s+(?:in\s+(?:our|the country[’']s|anyone[’']s|\w+[’']s)\s+"
    r"interests?|the (?:answer|way|solution|right (?:approach|response|answer))|an option|on the table|"
    r"something we (?:want|seek|wish))|off the table|counterproductive|self-defeating)",
    re.I,
)
# "would rather negotiate than retaliate": the way set aside
RATHER_THAN = re.compile(r"\brather\s+\w+(?:\s+\w+)?\s+than\s+(?:to\s+)?$", re.I)


def _refusals(text: str, found: list[tuple[str, str, float]]) -> list[tuple[str, str, float]]:
    """Countermeasures the words refuse ("no plans to retaliate", "retaliation is not in our interest", "rather
    negotiate than retaliate") are opposed, whatever tone the rest of the words has."""
    out = []
    for family, word, polarity in found:
        at = text.lower().find(word.lower()) if family == "countermeasures" and polarity > 0 else -1
        if at >= 0:
            before, after = text[max(0, at - 40) : at], text[at:]
            if NO_PLANS.search(before) or RATHER_THAN.search(before) or REFUSED_AFTER.match(after):
                polarity = -1.0
        out.append((family, word, polarity))
    return out


POLICY_NOUNS = {"decision", "move", "measure", "measures", "step", "action", "plan", "proposal", "announcement",
                "order", "proclamation"}  # fmt: skip


def _policy_act(tok: Token) -> bool:
    """ "the order would raise prices": an executive order, not the orders a business books or "in order to"."""
    if tok.lemma_.lower() not in POLICY_NOUNS:
        return False
    if tok.lemma_.lower() == "order":
        return tok.tag_ == "NN" and not (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "in")
    return True


def _open_family(topic: str, polarity: float, at: Token, main: str | None) -> tuple[str, float]:
    """The family of an open topic. "the US decision", "this move": a policy act named without a topic word is
    the measure it was named with earlier, or, owned by another side in a tariff story, the story's measure;
    "welcomed the end of the tax" is against the tax."""
    family = _headed_family(topic, at)
    if at.lemma_.lower() in REMOVAL | {"end"} and any(c.dep_ == "prep" and c.lower_ == "of" for c in at.children):
        polarity = -polarity
    if family == topic and _policy_act(at):
        inner = family_of(" ".join(t.text for t in at.subtree))
        if inner not in FAMILIES:
            # "the plan" after "the chip tariff plan": the same act named in full earlier
            earlier = [family_of(" ".join(t.text for t in w.subtree)) for w in at.doc[: at.i] if w.lemma_ == at.lemma_]
            inner = next((f for f in reversed(earlier) if f in FAMILIES), inner)
        # "the US decision", "Washington's move": another side's act in a tariff story is its measure; "the
        # decision" alone may be anyone's ("biosecurity decisions" are a kind of their own)
        owned = any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in at.children)
        family = inner if inner in FAMILIES else main if main == "tariffs" and owned else family
    return family, polarity


def _contrast(tok: Token) -> float:
    """ "the deal was welcome for car workers but did nothing for the steel industry": the tone of a second
    predicate joined to the subject's first by "but"."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return 0.0
    head = tok.head
    if not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children):
        return 0.0
    for c in head.children:
        if (
            c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ):
            words = " ".join(t.text for t in c.subtree)
            pos, neg = len(POSITIVE.findall(words)), len(NEGATIVE.findall(words))
            return float((pos > neg) - (neg > pos))
    return 0.0


def _contrasted(text: str, char: int, q: Quote) -> bool:
    """A topic word across a "but" from the quoted words ('the outcome was "not the result we wanted", but ... keep
    talking') is the other half of the contrast, not what the words judge."""
    between = text[q.end : char] if char >= q.end else text[char : q.start]
    return bool(re.search(r"\bbut\b", between, re.I))


def _distance(char: int, q: Quote) -> int:
    return 0 if q.start <= char < q.end else min(abs(char - q.start), abs(char - q.end))


def _reported_apart(doc: Doc, char: int, q: Quote) -> bool:
    """A topic word in a clause reported by another speech verb than the quote's own ("..., adding that
    Brazil would negotiate") is not what the quoted words are about."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    tok = span.root if span is not None else None
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in PARAPHRASE_VERBS and tok.head.text != q.cue:
            sub = list(tok.subtree)
            return not (sub[0].idx <= q.start < sub[-1].idx + len(sub[-1].text))
        tok = tok.head
    return False


EXEMPTING = {"exemption", "exclusion", "exception", "relief", "reprieve", "carve-out", "waiver", "shelter", "protection", "exempt",
             "spare", "shield"}  # fmt: skip
PREFERRED = {"better", "more", "rather", "sooner", "preferable", "superior", "smarter", "wiser"}


def _set_aside(tok: Token) -> bool:
    """ "calm diplomacy worked better than retaliation", "talks instead of tariffs": the thing set aside."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "than":
        return prep.head.lower_ in PREFERRED
    return prep.lower_ == "of" and prep.head.lower_ == "instead"


OFFICES = {"minister", "premier", "chancellor", "commissioner", "secretary", "spokesperson", "spokesman",
           "spokeswoman", "taoiseach"}  # fmt: skip


def _official(actor: Actor | None) -> bool:
    """A government's voice: its threats are policy, where a business's are warnings."""
    if actor is None:
        return False
    if actor.kind in ("government", "country"):
        return True
    title = (actor.title or "").lower()
    return actor.kind == "person" and bool(
        gz.leader_office(actor.name) or title_head(actor.title) in OFFICES or "trade representative" in title
    )


def _token_at(span: Span | None, char: int) -> Token | None:
    return next((t for t in span if t.idx <= char < t.idx + len(t.text)), None) if span is not None else None


def _left_in_place(tok: Token | None) -> bool:
    """ "did not remove the 10% tariff", "the levy was not lifted": a removal that did not happen."""
    if tok is None or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    return tok.head.lemma_.lower() in REMOVE_VERBS and any(c.dep_ == "neg" for c in tok.head.children)


def _verb_over(tok: Token | None) -> Token | None:
    """The verb a word hangs on, a few steps up the parse."""
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head if tok.head.i != tok.i else None
    return tok


def _negated_at(span: Span | None, char: int) -> bool:
    """Is the verb a word hangs on refused ("did not want the Commission to use the tool")?"""
    verb = _verb_over(_token_at(span, char))
    return verb is not None and _refused(verb)


def _subject(span: Span | None, char: int) -> bool:
    tok = _token_at(span, char)
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass", "csubj")


def _lacked(span: Span, char: int) -> bool:
    tok = _token_at(span, char)
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("without", "absent")


def _hypothetical(span: Span, char: int) -> bool:
    verb = _verb_over(_token_at(span, char))
    return verb is not None and conditional(verb)


def family_of(topic: str) -> str:
    """The fixed family an open topic belongs to ("rate cut" is its own topic; "steel tariffs" are tariffs)."""
    for family, rx in FAMILY_RX.items():
        if rx.search(topic):
            return family
    return topic


def _headed_family(topic: str, at: Token) -> str:
    """The family of an open topic. "Steel tariffs" are tariffs, but a "tariff dividend" or "tariff revenue" is a
    thing of its own that tariffs only qualify: a family word as a compound before a head of no family."""
    family = family_of(topic)
    if family not in FAMILIES or at.pos_ != "NOUN":
        return family
    qualified = any(c.dep_ == "compound" and family_of(c.text) in FAMILIES for c in at.children)
    head = topic.split(" of ", 1)[0]
    named = any(m.end() == len(head) for m in FAMILY_RX[family].finditer(head))
    return topic if qualified and not named else family


def main_topic(doc: Doc, title: str | None = None) -> str | None:
    """The topic family the story is mostly about: keyword counts, the headline and lede counting thrice."""
    text = text_of(doc)
    lede = (title or "") + " " + text.strip()[:400]
    counts = {f: len(rx.findall(text)) + 3 * len(rx.findall(lede)) for f, rx in FAMILY_RX.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _default_polarity(family: str, overall: int, negatives: int) -> float:
    """Without a governing verb: bad words about tariffs or threats oppose them; an actor who speaks of
    talks, a deal or a pause without a bad word leans towards it."""
    if family in ("tariffs", "threats"):
        return -1.0 if overall < 0 else 0.0
    if overall == 0 and negatives == 0:
        return 0.5
    return float(overall)


def _local_polarity(doc: Doc, span: Span, char: int) -> float:
    """The polarity the sentence gives one topic word: its governing verb (negated or not) and adjectives."""
    tok = _token_at(span, char)
    if tok is None:
        return 0.0
    if tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "ccomp", "xcomp", "conj") and speaks_for(tok, []):
        if not any(c.dep_ == "prep" and c.lower_ in ("under", "while", "until", "unless") for c in tok.children):
            return -1.0 if _refused(tok) else 1.0  # "we would not retaliate", "will keep negotiating": the deed itself
    polarity = _governed_polarity(tok)
    return -polarity if abs(polarity) != MEANS and _undone(tok) else polarity


def _undone(tok: Token) -> bool:
    """ "push for the removal of the tariffs", "an exemption from the duty": wanting that is against them."""
    return tok.dep_ == "pobj" and (
        tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in REMOVAL | {"end"}
        or tok.head.lower_ == "from"
        and tok.head.head.lemma_.lower() in EXEMPTING
    )


def _refused(verb: Token) -> bool:
    """ "we are not going to answer ...", "we will not answer ...": the negation may sit on the verb it hangs on."""
    for _ in range(3):
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _governed_polarity(tok: Token) -> float:
    adj = [c for c in tok.children if c.dep_ in ("amod", "acomp")]
    score = sum((1 if POSITIVE.fullmatch(a.text) else -1 if NEGATIVE.fullmatch(a.text) else 0) for a in adj)
    head, means, against = tok, False, False
    for _ in range(4):
        prep, verb = head.head, head.head.head
        # "warned against retaliating"; but "people that are against tariffs" describes others
        against = against or (head.dep_ in ("pobj", "pcomp") and prep.lower_ == "against" and verb.dep_ != "relcl")
        if (
            head.dep_ == "pobj"
            and prep.lower_ in ("with", "through", "via")
            and prep.i > verb.i  # "With the tariff at 50%, no buyer ...": a circumstance set before, not a means
            and not any(c.dep_ == "auxpass" for c in verb.children)
            and verb.lemma_.lower() not in ("look", "see", "go", "get", "pass", "come", "live", "sit", "be", "have")
        ):
            means = True  # "fight these tariffs with countermeasures": the speaker's own (not "was hit with a tariff")
        head = head.head
        if head.pos_ in ("VERB", "AUX") or head.i == head.head.i:
            break
    if means:
        return -MEANS if _refused(head) else MEANS
    if _set_aside(tok):
        return -1.0
    lemma = head.lemma_.lower()
    sign = -1 if any(c.dep_ == "neg" for c in head.children) else 1
    if against:
        return float(-sign)  # "warned Pretoria against retaliating", "voted against the tariffs"
    if sign < 0 and tok.dep_ == "dobj" and tok.head.i == head.i:
        score = -score  # "they did not get a good deal": the praise is denied
    if tok.dep_ == "nsubj" and head.i == tok.head.i:
        # the topic does the verb ("the agreement had removed uncertainty"): what it does to the object judges it
        objs = [c.lemma_.lower() for c in head.children if c.dep_ == "dobj"]
        if any(POSITIVE.search(" ".join(w.text for w in c.subtree)) for c in head.children if c.dep_ == "dobj"):
            score += sign  # "the tariffs would give American goods a fair shot": what it gives judges it
        said = [tok.doc[c.left_edge.i : c.right_edge.i + 1].text for c in head.children if c.dep_ in ("attr", "acomp")]
        if lemma == "be" and any(NEGATIVE.search(t) for t in said):
            score -= sign  # "a 15% tariff is still a tax on Belgian exporters": what it is called judges it
        if lemma in REMOVE_VERBS and any(o in BAD_THINGS for o in objs) or lemma in HELPS | GOES_ON:
            score += sign
        elif (
            lemma in HURTS
            or lemma in PROVOKES
            and any(
                NEGATIVE.search(t) or FAMILY_RX["countermeasures"].search(t)
                for t in (" ".join(w.text for w in c.subtree) for c in head.children if c.dep_ == "dobj")
            )
            or lemma in RAISE_VERBS
            and any(o in COSTS for o in objs)
            or lemma in SHRINK
            and any(o in EARNINGS for o in objs)
        ):
            score -= sign
        return float(max(-1, min(1, score)))
    if lemma in SUPPORT_VERBS:
        score += sign
    elif lemma in OPPOSE_VERBS:
        score -= sign
    elif lemma in IMPOSING and sign < 0:
        score -= 1  # "will not impose retaliatory tariffs": the measure refused
    return float(max(-1, min(1, score)))


def _stances_in_deeds(doc: Doc, actors: Actors, main: str | None) -> list[tuple[str, str, str, float, tuple[int, int]]]:
    """What the article says actors did: subject + policy verb + topic word in the verb's phrase."""
    text = text_of(doc)
    quoted = [(s, e) for s, e in quote_spans(text)]
    out = []
    for sent in sentences(doc):
        for verb in sent:
            if verb.pos_ != "VERB" or any(s <= verb.idx < e for s, e in quoted):
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if (
                not subjects
                and verb.dep_ in ("conj", "xcomp", "advcl")
                and not any(c.dep_ == "nsubjpass" for c in verb.children)
            ):
                subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
                if not subjects and verb.head.dep_ == "conj" and verb.dep_ == "xcomp":
                    # "The council met ... and decided not to retaliate": the subject of the first verb
                    subjects = [c for c in verb.head.head.children if c.dep_ == "nsubj"]
                up = verb.head
                while not subjects and verb.dep_ == "xcomp" and up.dep_ == "xcomp" and up.head.i != up.i:
                    up = up.head  # "Farrell has vowed to keep pressing for an exemption": the vower presses
                    subjects = [c for c in up.children if c.dep_ == "nsubj"]
            if verb.dep_ == "advcl" and any(s <= verb.head.idx < e for s, e in quoted):
                # '"... cup," he said, urging Washington to ...' hung on the quote's verb: the speaker urges
                cue = next((t for t in sent if t.lemma_.lower() in SPEECH and t.i < verb.i
                            and not any(s <= t.idx < e for s, e in quoted)), None)  # fmt: skip
                subjects = [c for c in cue.children if c.dep_ == "nsubj"] if cue is not None else subjects
            if not subjects and verb.dep_ in ("acl", "relcl"):
                # "the levy, announced by President Trump": the agent of a passive participle did it
                subjects = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not subjects and verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ"):
                # a finite verb parsed as hanging on an appositive ("Kang Nam-hoon, the group's chairman, called
                # for ...") is the sentence's verb; its subject is the name the appositive describes
                head = verb.head
                while head.dep_ == "appos" and head.head.i != head.i:
                    head = head.head
                subjects = [head] if head.pos_ in ("PROPN", "NOUN") else []
            if (
                not subjects
                and verb.dep_ == "acl"
                and (verb.tag_ == "VBG" or verb.head.lemma_.lower() in PURPOSE_NOUNS)
            ):
                # "Trump sent letters to partners setting new tariff rates": the sender does the setting; "flew to
                # Washington in a bid to avert the 39% rate": the purpose is the traveller's
                up = verb.head
                for _ in range(4):
                    if up.pos_ == "VERB" or up.head.i == up.i:
                        break
                    up = up.head
                if up.pos_ == "VERB":
                    subjects = [c for c in up.children if c.dep_ == "nsubj"]
            if verb.dep_ == "relcl":
                # "Senator X, who has long opposed the tariffs,": the relative pronoun stands for the head noun
                head = verb.head
                while head.dep_ == "appos" and head.head.i != head.i:
                    head = head.head  # "Rand Paul, a Kentucky Republican who ...": the name the appositive describes
                subjects = [head if c.lower_ in ("who", "which", "that") else c for c in subjects]
            subjects += [g for c in subjects for g in c.conjuncts if g.i > c.i]  # "Trump and von der Leyen announced"
            found = [resolve_mention(doc, actors, c, quoted) for c in subjects]
            found = [
                a for a in found if a is not None and a.kind in ("person", "government", "country", "organization")
            ]
            who = next((a for a in found if a.kind == "person"), found[0] if found else None)
            if who is None and subjects and subjects[0].lemma_.lower() in SPOKEN_FOR:
                # "Kon said the company supported the negotiations": the speaker's own body, in their words
                who = _reporter(doc, actors, verb, None, quoted)
            if who is None:
                continue
            if who.kind in ("country", "government"):
                who = _reporter(doc, actors, verb, who, quoted) or who
            # A clause with its own subject is someone else's deed: "announced ..., hours after Trump raised tariffs"
            phrase = _deed_phrase(doc, verb)
            if verb.dep_ in ("amod", "relcl", "acl"):
                phrase = f"{verb.head.text} {phrase}"  # "Trump unveiled tariffs" parsed as a modifier of "tariffs"
            elif verb.dep_ == "xcomp" and verb.head.dep_ in ("relcl", "acl"):
                phrase = f"{verb.head.head.text} {phrase}"  # "the tariff that Trump plans to impose"
            families = set()
            before = len(out)
            for family, word, polarity in _deed_topics(verb, phrase, who.country, rates=main == "tariffs"):
                families.add(family)
                out.append((who.id, family, word, polarity, (sent.start_char, sent.end_char)))
            for topic, polarity, at in advocated(verb) + named(verb):
                family, polarity = _open_family(topic, polarity, at, main)
                if lowered(at):
                    # "pressing for lower rates", "seeking a reasonable tariff rate": against the tariffs as they are
                    out.append((who.id, "tariffs", f"lower {topic}", -polarity, (sent.start_char, sent.end_char)))
                elif family not in families:
                    out.append((who.id, family, topic, polarity, (sent.start_char, sent.end_char)))
            partners = {a.id for a in found if a.kind == "person" and a.id != who.id}
            out += [(pid, *row[1:]) for pid in sorted(partners) for row in out[before:]]
    return out


DEED_PHRASE = 160  # characters of a verb's phrase that can name what the deed is about


PURPOSE_NOUNS = {"bid", "effort", "attempt", "push", "drive", "move", "campaign"}  # "in a bid to avert ..."


def _deed_phrase(doc: Doc, verb: Token) -> str:
    """The words after a policy verb that say what it acts on, without clauses that have their own subject
    ("announced ..., hours after Trump raised tariffs" is someone else's deed) or a passive participle's agent
    ("financing for parts makers hit by the levies"). Read word by word up to its length, so long run-on
    sentences cost no more than short ones; subtrees are taken as their left to right edges."""
    others = [
        (c.left_edge.i, c.right_edge.i, -1)
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp", "relcl", "conj") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    words: list[str] = []
    size, i = 0, verb.i + 1
    while i <= verb.right_edge.i and size <= DEED_PHRASE:
        t = doc[i]
        if t.dep_ == "acl" and t.tag_ == "VBN" and any(g.dep_ == "agent" for g in t.children):
            others.append((t.left_edge.i, t.right_edge.i, t.head.i))
        skip = next(((a, b, keep) for a, b, keep in others if a <= i <= b and i != keep), None)
        if skip is not None:
            i = i + 1 if i < skip[2] <= skip[1] else skip[1] + 1  # over the whole clause at once
            continue
        if t.dep_ != "nsubj":
            words.append(t.text)
            size += len(t.text) + 1
        i += 1
    return " ".join(words)[:DEED_PHRASE]


OWNED_BODY = (
    r"(?:(?:doubling|threat|imposition|hike|increase|raising|expansion|escalation|extension|"
    r"announcement|threatened|planned|plan|decision)\s+(?:of\s+|to\s+(?:impose|levy|slap|raise|double)\s+)?"
    r"(?:an?\s+|the\s+|its\s+|his\s+)?)?"
    r"(?:[\"“‘']?(?:[\d.,]+\s?(?:%|per\s?cent)|new|auto|car|steel|alumin(?:i)?um|reciprocal|retaliatory|sweeping|"
    r"steep|higher|latest|proposed|planned|blanket|global|import|additional|so-called|liberation day|revised|"
    r"expanded|updated|looming|punitive|sectoral|secondary|baseline)[\"”’']?\s+){0,3}"
    r"(?P<word>counter-?\s?tariffs?|tariffs?|levies|levy|duties)\b"
)
OWNED = re.compile(r"^(?:'s|’s)\s+" + OWNED_BODY, re.I)
# "the Trump tariffs", "his sweeping tariffs": a person's name as a modifier, or a possessive pronoun
NAMED_FOR = re.compile(r"^\s+(?P<word>tariffs|levies|duties)\b")
HIS = re.compile(r"\b(?:his|her)\s+" + OWNED_BODY, re.I)


SPOKEN_FOR = {"company", "firm", "group", "sector", "industry", "carmaker", "automaker", "association",
              "federation", "organisation", "organization", "lobby", "confederation", "chamber"}  # fmt: skip


ENDORSE = {"back", "support", "endorse", "echo", "second", "share", "join", "embrace", "applaud"}
VIEWS = {"call", "view", "position", "stance", "proposal", "demand", "plan", "line", "idea", "appeal", "argument"}


def _endorsements(doc: Doc, actors: Actors) -> list[tuple[str, str, tuple[int, int]]]:
    """ "Lange's call was backed by Hayer", "Hayer echoed Lange": (follower, leader, sentence) — the follower
    takes the leader's stances."""
    quoted = list(quote_spans(text_of(doc)))
    out = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ENDORSE or any(c.dep_ == "neg" for c in verb.children):
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if passive:
            led = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            by = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        else:
            led = next((c for c in verb.children if c.dep_ == "dobj"), None)
            by = [c for c in verb.children if c.dep_ == "nsubj"]
        if led is None or not by:
            continue
        if led.lemma_.lower() in VIEWS:
            led = next((c for c in led.children if c.dep_ == "poss"), None)
        leader = resolve_mention(doc, actors, led, quoted) if led is not None else None
        follower = resolve_mention(doc, actors, by[0], quoted)
        if leader is None or follower is None or leader.id == follower.id or follower.kind == "media":
            continue
        sent = sentence_at(doc, verb.idx)
        out.append((follower.id, leader.id, (sent.start_char, sent.end_char)))
    return out


def _reporter(doc: Doc, actors: Actors, verb: Token, side, quoted: list[tuple[int, int]]):
    """ "Goyal told Parliament that India would protect its farmers": a country's deed in a person's reported
    words is that person's stance (when the person speaks for that country)."""
    tok = verb
    for _ in range(5):
        if tok.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lemma_.lower() in PARAPHRASE_VERBS:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None and tok.dep_ in ("advcl", "conj") and tok.head.i != tok.i:
                # "X ruled out ..., saying Y would seek a deal": the sayer is the main clause's subject
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            who = resolve_mention(doc, actors, subj, quoted) if subj is not None else None
            if (
                who is not None
                and who.kind == "person"
                and (side is None or who.country and who.country == side.country)
            ):
                return who
            return None
    return None


def _measure_family(word: str) -> str:
    """An owned measure's family: counter-tariffs answer someone else's, the rest are the owner's own."""
    return "countermeasures" if word.lower().startswith("counter") else "tariffs"


def _owned_measures(doc: Doc, actors: Actors, quoted: list[tuple[int, int]]) -> list:
    """ "Trump's 25% tariffs": the measures an actor owns are measures it backs; its counter-tariffs are
    countermeasures."""
    text = text_of(doc)
    out = []
    for a in actors.by_id.values():
        if a.kind not in ("person", "government", "country"):
            continue
        for s, e in a.spans:
            m = OWNED.match(text[e : e + 60])
            if m is None or any(qs <= s < qe for qs, qe in quoted):
                continue
            word = m.group("word")
            family = _measure_family(word)
            out.append((a.id, family, word, 1.0, (s, e + m.end())))
        for s, e in a.spans if a.kind == "person" else []:
            if (m := NAMED_FOR.match(text[e : e + 20])) and not any(qs <= s < qe for qs, qe in quoted):
                out.append((a.id, "tariffs", m.group("word"), 1.0, (s, e + m.end())))
    people = sorted((s, e, a.id) for a in actors.by_id.values() if a.kind == "person" for s, e in a.spans)
    for m in HIS.finditer(text):
        sent = sentence_at(doc, m.start())
        owner = [pid for s, e, pid in people if sent is not None and sent.start_char <= s and e <= m.start()]
        if owner and not any(qs <= m.start() < qe for qs, qe in quoted):
            word = m.group("word")
            family = _measure_family(word)
            out.append((owner[-1], family, word, 1.0, (m.start(), m.end())))
    return out


def _owned_in_headline(actors: Actors, title: str | None, raw: str | None) -> list:
    """ "Trump's 15% tariff will hurt" in the headline (blanked before parsing): the owner backs the measure."""
    if not title or raw is None or (at := raw.find(title)) < 0:
        return []
    out = []
    for a in actors.by_id.values():
        if a.kind not in ("person", "government", "country"):
            continue
        forms = a.forms if a.kind == "person" else {a.name}
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?=['’]s)", title):
                own = OWNED.match(title[m.end() : m.end() + 60])
                if own is not None:
                    word = own.group("word")
                    family = _measure_family(word)
                    out.append((a.id, family, word, 1.0, (at + m.start(), at + m.end() + own.end())))
            if out and out[-1][0] == a.id:
                break
    return out


US_GOODS = re.compile(r"\b(U\.S\.|US|American|United States)\b")


def polarity_of(lemma: str) -> int:
    return next((p for verbs, p in ACTION_TOPICS.items() if lemma in verbs), 0)


RATE = re.compile(r"^(?:percent|per cent|%|rate)\b", re.I)
# "justified the rate", "signed the order", in a story about tariffs: the tariff rate, the order that sets it
STORY_RATE = re.compile(r"^(?:the |this |that |his |its |a |an )?(?:[\d.,]+ ?(?:%|percent|per cent) )?(?:rates?\b|"
                        r"(?:executive )?(?:order|proclamation)\b(?! (?:to|for) (?:buy|purchase)))", re.I)  # fmt: skip


def _deed_topics(
    verb: Token, phrase: str, actor_country: str | None = None, rates: bool = False
) -> list[tuple[str, str, float]]:
    lemma = verb.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in verb.children)
    complement = verb.dep_ in ("xcomp", "dobj", "pcomp", "ccomp") or (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and 0 < verb.i - verb.head.i <= 2
    )  # "ruled out retaliating" is parsed as an adverbial clause
    if complement and verb.head.i != verb.i:
        ruling = verb.head.head if verb.dep_ == "pcomp" else verb.head
        negated = negated != (ruling.pos_ == "VERB" and _rejecting(ruling))  # "ruled out retaliating"
    found = []
    if lemma in SPEECH and not polarity_of(lemma) and not ANNOUNCING.fullmatch(verb.text):
        return found  # "said diplomacy worked better than retaliation": words, read as the speaker's words
    tariff = FAMILY_RX["tariffs"].search(phrase)
    if tariff is None and rates and verb.dep_ in ("acl", "relcl", "amod"):
        tariff = RATE.match(phrase)  # "the 32 percent threatened by Trump", in a story about tariffs
    if tariff is None and rates and lemma in ("impose", "justify", "defend", "set", "sign", "issue", "announce"):
        tariff = STORY_RATE.match(phrase)
    if tariff is None and lemma in ("exempt", "spare"):
        # "an order exempting 200 food products, from beef to bananas, from his tariffs": the parser hangs the
        # measure on the main verb; it is still what the exempting is from
        ahead = re.split(r"[.;!?]", text_of(verb.doc)[verb.idx : verb.idx + 2 * DEED_PHRASE], maxsplit=1)[0]
        tariff = FAMILY_RX["tariffs"].search(ahead)
    counter = FAMILY_RX["countermeasures"].search(phrase)
    if lemma in RETALIATE_VERBS and (tariff or counter or lemma == "retaliate"):
        found.append(
            (
                "countermeasures",
                (counter or tariff).group(0) if (counter or tariff) else lemma,
                -1.0 if negated else 1.0,
            )
        )
    elif counter and RETALIATE_VERB_FORM.fullmatch(counter.group(0)):
        pass  # "can retaliate against the tariff", "decided not to retaliate": that verb's own deed
    elif counter and _rejecting(verb):
        found.append(("countermeasures", counter.group(0), 1.0 if negated else -1.0))  # "rules out countermeasures"
    elif counter and lemma not in OPPOSE_VERBS:
        aside = SET_ASIDE.search(phrase[: counter.start()])  # "... rather than new countermeasures"
        found.append(("countermeasures", counter.group(0), -1.0 if negated != bool(aside) else 1.0))
    elif tariff and lemma in RELIEF_VERBS:
        family = "exemptions" if lemma in ("exempt", "spare", "grant") else "pause"
        found.append((family, lemma, -1.0 if negated else 1.0))
    elif tariff and polarity_of(lemma) > 0 and actor_country not in (None, "USA") and US_GOODS.search(phrase):
        found.append(
            ("countermeasures", tariff.group(0), -1.0 if negated else 1.0)
        )  # duties on U.S. goods answer U.S. tariffs
    elif tariff or (control := FAMILY_RX["export controls"].search(phrase)):
        family, word = ("tariffs", tariff.group(0)) if tariff else ("export controls", control.group(0))
        for verbs, polarity in ACTION_TOPICS.items():
            if lemma in verbs:
                found.append((family, word, -polarity if negated else polarity))
    deal = FAMILY_RX["deal"].search(phrase)
    if deal and lemma not in OPPOSE_VERBS and lemma in DEAL_VERBS | DEAL_BACKERS:
        found.append(("deal", deal.group(0), -1.0 if negated else 1.0))
    aid = FAMILY_RX["aid"].search(phrase)
    if aid and lemma in AID_VERBS:
        found.append(("aid", aid.group(0), -1.0 if negated else 1.0))
    talks = FAMILY_RX["negotiations"].search(phrase)
    if talks and lemma in {
        "hold",
        "begin",
        "start",
        "resume",
        "seek",
        "continue",
        "open",
        "welcome",
        "agree",
        "launch",
        "urge",
        "keep",
        "push",
        "press",
    }:
        found.append(("negotiations", talks.group(0), -1.0 if negated else 1.0))
    return found


LOWER = {"lower", "low", "reduced", "reasonable", "lowest", "zero", "preferential", "better", "favorable",
         "favourable", "smaller", "reduction", "cut", "cuts"}  # fmt: skip
LEVIES = {"tariff", "rate", "duty", "levy", "baseline"}
GRANTED = {"welcome", "hail", "praise", "applaud", "celebrate", "greet", "get", "receive", "win", "secure"}


def lowered(tok: Token) -> bool:
    """A lower tariff as the thing wanted ("lower rates", "a reasonable tariff rate", "tariff cuts"): wanting it
    is opposing the tariffs as they stand."""
    if tok.dep_ not in ("dobj", "pobj", "conj"):
        return False  # "the lower rate was good news": judged as granted, not sought
    head = tok
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.lemma_.lower() in GRANTED:
        return False  # "welcomed the lower rate": the cut is won, and welcomed
    if tok.lemma_.lower() in ("cut", "reduction") and any(
        c.dep_ == "compound" and c.lemma_.lower() in LEVIES - {"rate"} for c in tok.children
    ):
        return True  # a "tariff cut", not a "rate cut" (a central bank's)
    return tok.lemma_.lower() in LEVIES and (
        any(c.dep_ in ("amod", "compound", "nummod") and c.lower_ in LOWER for c in tok.children)
        or any(t.lower_ in ("closer", "nearer") for t in tok.subtree)  # "hoped for a rate closer to 10 percent"
    )


def _rejecting(verb: Token) -> bool:
    """A verb that turns its object down: "oppose", "rule out", "reject"."""
    lemma = verb.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in OPPOSE_VERBS or lemma in REJECT
