"""Open topics: what a stance is about when it is not one of the fixed families.

A stance names its topic grammatically, so the topic is read off the parse rather than looked up:

* advocacy — the object of a verb of wanting or backing ("supported tougher *enforcement*", "calling on
  Ottawa to offer *loan guarantees*", "urged the government to press for Japan's *exclusion*"), of a verb
  of rejecting ("rejected the *plan*"), of "(no) need for" ("saw no need for a further *rate cut*", "what we
  need is *liquidity*"), of a refusal to give something up ("will never compromise on the interests of our
  *farmers*"), or an action the speaker says someone should take ("should be ready to *cut rates*");
* evaluation — the subject of a judging predicate ("the *port fees* were a necessary measure", "the
  *affiliates rule* had seriously harmed ...", "the *agreement* was lopsided", "the *PBS* is not on the
  table").

The topic is the noun phrase's head with its compound nouns ("rate cut", "port fees", "loan guarantees"),
plus an "of" complement ("interests of farmers"); the polarity comes from the verb or predicate, negation
flipping it.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .sentences import sentence_at

# The other rates a story may name, by the word before "rate": "interest rates", "the exchange rate".
OTHER_RATES = ("interest", "exchange", "growth", "unemployment", "jobless", "inflation", "deposit", "policy", "tax",
               "mortgage", "annualised", "annualized", "savings", "lending", "bank", "discount", "repo")  # fmt: skip
NOT_TARIFF_RATE = "".join(rf"(?<!{w} )" for w in OTHER_RATES)

ADVOCATE = {
    "support", "back", "welcome", "want", "seek", "favor", "favour", "need", "defend", "protect",
    "preserve", "endorse", "praise", "hail", "prefer", "demand", "request", "propose", "cherish", "embrace",
    "champion", "applaud", "advocate", "accept", "tolerate", "hope",
}  # fmt: skip
# Verbs that back their complement only through a preposition or a clause: "call for X", "press for X",
# "calling on Ottawa to offer X".
WARN = {"warn", "caution"}
DEMAND = {"demand", "urge", "ask", "insist", "propose", "request", "recommend", "want", "hope"}
ADVOCATE_VIA = {"call", "press", "push", "ask", "lobby", "appeal", "plead", "campaign", "urge"}
REJECT = {
    "oppose", "reject", "condemn", "criticize", "criticise", "denounce", "resist", "fight", "scrap", "abolish",
    "decry", "deplore", "slam", "blast", "challenge", "refuse", "avoid", "rule", "dismiss", "protest",
    "avert", "prevent",
}  # fmt: skip
# Verbs that pass the stance on to their object: "urged Ottawa to offer X" backs X.
CARRY = {"offer", "provide", "put", "grant", "give", "introduce", "adopt", "extend", "keep", "maintain",
         "secure", "get", "take", "win", "make", "set", "establish", "create", "deliver", "step", "speed",
         "accelerate", "intensify", "resume", "continue", "conclude", "reach", "strike", "sign", "seal",
         "finalise", "finalize", "restore", "expand", "pursue"}  # fmt: skip
# Verbs that do away with their object: wanting them done is opposing the object.
REMOVE = {"remove", "lift", "scrap", "abolish", "eliminate", "drop", "repeal", "revoke", "rescind", "withdraw",
          "end", "overturn", "strike", "dismantle", "halt", "stop", "cancel", "terminate", "reverse"}  # fmt: skip
QUIT = {"stop", "quit", "cease", "halt", "end"}
REMOVAL = {"removal", "elimination", "lifting", "scrapping", "abolition", "repeal", "withdrawal", "rollback",
           "revocation", "cancellation"}  # fmt: skip
# Verbs the speaker will not do to a thing they defend: "never compromise on X".
GIVE_UP = {"compromise", "sacrifice", "bargain", "negotiate", "surrender", "give"}
HELPS = {"shield", "protect", "save", "help", "benefit", "boost", "strengthen", "support", "safeguard",
         "stabilize", "stabilise", "secure", "create", "restore", "work", "rebuild", "revive"}  # fmt: skip
HURTS = {"harm", "hurt", "damage", "undermine", "threaten", "destroy", "kill", "disrupt", "destabilize",
         "destabilise", "devastate", "cripple", "weaken", "penalize", "penalise", "punish", "hit", "hamper",
         "jeopardize", "jeopardise", "erode", "violate", "distort", "squeeze", "wreck", "fail", "cost"}  # fmt: skip
YIELDS = {"bring", "attract", "generate", "create", "raise", "deliver", "produce", "draw"}
GAINS = {"investment", "investments", "job", "jobs", "revenue", "revenues", "factory", "factories", "trillion",
         "trillions", "billion", "billions", "money", "growth"}  # fmt: skip
STAYS = {"stay", "remain", "stand"}
FAMILY_WORD = re.compile(r"^(?:tariffs?|levy|levies|dut(?:y|ies)|deal|agreement|pause|exemption|truce)$", re.I)
SHELVED = re.compile(
    r"^(?:in (?:the|a) (?:drawer|cupboard|holster|locker|toolbox)|on (?:the|a) shelf|in reserve|"
    r"on ice|in its scabbard|sheathed|unused)$",
    re.I,
)
AT_RISK = re.compile(r"(?:at risk|in danger|in jeopardy|under threat|under strain)\b")
COSTS = {"cost", "costs", "price", "prices", "inflation", "bill", "bills", "burden", "uncertainty"}
GOOD = re.compile(
    r"(legitimate|necessary|justified|reasonable|lawful|legal|fair|good|great|positive|welcome|important|"
    r"helpful|beneficial|constructive|win-win|balanced|historic|excellent|right|appropriate|proportionate|"
    r"essential|vital|sensible|defensive|correct|productive|useful|strong|solid|acceptable|workable|"
    r"success|breakthrough|step forward|relief|lifeline|better|fairness|justice)",
    re.I,
)
BAD = re.compile(
    r"(illegal|unlawful|unjustified|unjust|unfair|unreasonable|unacceptable|lopsided|one-sided|regrettable|"
    r"wrong|bad|harmful|damaging|disastrous|devastating|counterproductive|protectionist|discriminatory|"
    r"mistake|blow|setback|disaster|threat|interference|coercion|blackmail|bullying|abuse|betrayal|"
    r"capitulation|surrender|humiliation|failure|insufficient|inadequate|worse|costly|reckless|absurd|"
    r"headwind|trap|regrettable|insult|dark|shameful|disgrace|outrage\w*|suicide|suicidal|regressive|unviable|"
    r"overreach|self-defeating|tribute|blank check|ransom|attack|assault|irritant|nuisance|scam|hoax)",
    re.I,
)
# Single words that judge a measure by its harm: "the tariffs are a heavy burden", "called the rate incomprehensible".
HARM_WORD = re.compile(
    r"(burden|uncompetitive|catastroph\w*|incomprehensible|unacceptable|unjustified|absurd|punitive|"
    r"excessive|prohibitive|crippling|painful|unsustainable|untenable|hostile|aggressive|irrational|"
    r"naive|opportunistic|insane|crazy|ridiculous|senseless)",
    re.I,
)
# "X is not an option / the answer / the way forward": X is ruled out.
RULED_OUT = {"option", "answer", "solution", "way", "path", "choice", "alternative"}
# "X is not on the table", "X is not up for negotiation", "X is non-negotiable", "X is a red line": X is defended.
DEFENDED = re.compile(r"\b(non-negotiable|red line|not negotiable)\b", re.I)
ACTIONS = re.compile(
    r"retaliat|counter|tariff|dut(?:y|ies)|levy|levies|sanction|measure|option|response|ban|"
    r"strike|action|boycott|escalat|withdraw|exit",
    re.I,
)
VAGUE = {
    "it", "this", "that", "they", "them", "thing", "things", "issue", "issues", "matter", "way", "lot", "one",
    "side", "sides", "part", "time", "move", "step", "decision", "measure", "measures", "action", "statement",
    "what", "which", "who", "situation", "case", "point", "fact", "problem", "question", "idea", "end",
    "government", "administration", "us", "you", "me", "him", "her", "day", "week", "month", "year", "days", "weeks", "months", "years", "head", "word", "words", "sense", "view", "views", "number", "numbers",
    "result", "results", "press", "suggestion", "suggestions", "treatment", "place", "half", "more", "rest", "kind",
    "sort", "type", "people", "ones", "anything", "something", "everything", "nothing",
}  # fmt: skip
SKIP_MODS = re.compile(r"^(?:[\d.,]+|%|percent|per|cent|US|U\.S\.|so-called|new|latest|current|further)$", re.I)


def noun_phrase(tok: Token, with_of: bool = True) -> str | None:
    """The topic a noun token names: compound nouns + head (+ "of" complement); None for pronouns and
    words too vague to be a topic."""
    if tok.lower_ == "it" and tok.dep_ in ("dobj", "pobj") and (ante := _antecedent(tok)) is not None:
        return noun_phrase(ante, with_of)  # "ready to trigger it": the thing the last sentence was about
    kind = tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in CLASSIFYING for c in tok.children)
    if tok.pos_ in ("PRON", "DET", "NUM") or tok.lower_ in VAGUE and not kind or not tok.text[:1].isalpha():
        if tok.lower_ not in VAGUE or not with_of:
            return None
        of = _of(tok) or _to_do(tok)
        if (
            of is None
            and tok.lower_ in POLICY_ACTS
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        ):
            return tok.lower_  # "welcomed the decision", "criticised this move": the policy act itself
        return noun_phrase(of, False) if of is not None else None
    words = _compounds(tok) + [tok]
    text = " ".join(_surface(w) for w in words).replace(" - ", "-")
    of = _of(tok) if with_of else None
    if of is not None:
        inner = noun_phrase(of, False)
        if inner:
            text = f"{text} of {inner}"
    return text


# Adjectives that name a kind of thing rather than judge it: "free trade", "Russian oil", "restrictive measures"
CLASSIFYING = {"free", "restrictive", "industrial", "agricultural", "digital", "critical", "financial", "fair"}


POLICY_ACTS = {"decision", "move", "measure", "measures", "step", "action"}


def _antecedent(tok: Token) -> Token | None:
    """The common noun an object "it" most likely stands for: the subject of the sentence before (a thing, not
    a person or a place)."""
    sent = sentence_at(tok.doc, tok.idx)
    if sent.start == 0:
        return None
    prev = sentence_at(tok.doc, tok.doc[sent.start - 1].idx)
    subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lower_ in VAGUE or subj.ent_type_:
        return None
    return subj


def _compounds(tok: Token) -> list[Token]:
    out: list[Token] = []
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
        return [doc[tok.i - 2], doc[tok.i - 1]]  # "counter-tariffs": one hyphenated word
    for c in tok.lefts:
        if (
            c.dep_ == "amod"
            and c.i > sentence_at(c.doc, c.idx).start
            and (c.lower_ in CLASSIFYING or c.tag_ == "JJ" and c.text[:1].isupper())
        ):
            out.append(c)
        elif c.dep_ == "compound" and not SKIP_MODS.match(c.text) and not any(g.dep_ == "nummod" for g in c.children):
            out += _compounds(c) + [c]
    return out


def _of(tok: Token) -> Token | None:
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _to_do(tok: Token) -> Token | None:
    """ "the decision to set a 19% tariff": what the decision does."""
    verb = next((c for c in tok.rights if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _surface(t: Token) -> str:
    if t.text == "-":
        return "-"
    return t.text if t.pos_ == "PROPN" or t.text.isupper() else t.text.lower()


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(d.lower_ in ("no", "neither") for d in subj.children if d.dep_ == "det")


def _objects(verb: Token, preps: tuple[str, ...] = ("for", "against"), direct: bool = True) -> list[Token]:
    """What a verb acts on: its direct object, or the object of a "for/against" phrase (only that, without
    `direct`: "pressing Washington for an exemption" presses for the exemption)."""
    out = [c for c in verb.children if c.dep_ == "dobj"] if direct else []
    if not out:
        for p in verb.children:
            if p.dep_ == "prep" and p.lower_ in preps:
                out += [c for c in p.children if c.dep_ == "pobj"]
    return out + [c for o in out for c in o.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]


def _complement_verb(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)


def advocated(verb: Token, depth: int = 0) -> list[tuple[str, float, Token]]:
    """(topic, polarity, token) for what a verb of wanting, backing or rejecting is about."""
    lemma = verb.lemma_.lower()
    sign = -1.0 if _negated(verb) else 1.0
    if lemma in REJECT:
        if lemma == "rule" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            return []
        sign = -sign
    elif lemma in GIVE_UP:
        if sign > 0 or (lemma == "give" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)):
            return []  # "compromise on X" says nothing sure; "never compromise on X" defends X
        sign = -sign
    elif lemma in WARN:
        # "warned against any escalation": only what the warning is against
        return [
            (t, -sign, o)
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "against"
            for o in p.children
            if o.dep_ == "pobj" and (t := noun_phrase(o))
        ]
    elif lemma not in ADVOCATE and lemma not in ADVOCATE_VIA:
        return []
    comp = _complement_verb(verb) if lemma not in GIVE_UP else None
    if comp is None and lemma in DEMAND:
        # "demanded that Bern step up the negotiations and press for a deal": the clause is what is wanted
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if comp is not None and depth < 2:
        verbs = [comp] + [c for c in comp.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        return [(t, sign * p, tok) for v in verbs for t, p, tok in _action(v, depth + 1)]
    if lemma in ADVOCATE_VIA:
        objs = _objects(verb, ("for",), direct=False)  # who is pressed is no topic, what it is pressed for is
    else:
        objs = _objects(verb, ("for", "against", "on") if lemma in GIVE_UP else ("for", "against"))
    objs = [o for o in objs if not (o.like_num or any(c.dep_ == "nummod" for c in o.children))]  # "35,000 jobs"
    # "We need calm, not a spiral of retaliation": the thing set against the wish is turned down
    against = [o for o in objs if any(p.i < o.i and _set_against(p, o) for p in objs)]
    objs = [o for o in objs if o not in against]
    out = [
        (t, -sign, inner)
        for o in against
        if (inner := (_of(o) if o.lemma_.lower() in SPIRALS else o)) is not None and (t := noun_phrase(inner))
    ]
    for o in objs:
        topic = noun_phrase(o)
        undone = _of(o) if o.lemma_.lower() in REMOVAL else None
        if undone is not None and (inner := noun_phrase(undone)):
            # "push for the removal of the tariffs": against the tariffs
            out.append((inner, sign if lemma in REJECT else -sign, undone))
            continue
        fought_for = lemma in REJECT and o.head.dep_ == "prep" and o.head.lower_ == "for"
        if topic:
            out.append((topic, -sign if fought_for else sign, o))  # "fight for every job" backs jobs
        for c in o.children:
            # "We need de-escalation, not a spiral of retaliation": the thing set against is turned down
            if c.dep_ in ("appos", "conj") and _set_against(o, c) and not fought_for:
                inner = _of(c) if c.lemma_.lower() in SPIRALS else c
                topic = noun_phrase(inner) if inner is not None else None
                if topic:
                    out.append((topic, -sign, inner))
    return out


def _set_against(o: Token, c: Token) -> bool:
    """Is `c` joined to `o` with a "not" between them ("calm, not a spiral")?"""
    return any(g.dep_ == "neg" and o.i < g.i <= c.i for g in list(c.children) + list(o.children))


SPIRALS = {"spiral", "cycle", "round", "wave", "escalation"}


def _action(verb: Token, depth: int) -> list[tuple[str, float, Token]]:
    """The stance an urged or refused action carries: "to press for X", "to offer X", "to scrap X", "to cut rates"."""
    lemma = verb.lemma_.lower()
    if lemma in ADVOCATE | ADVOCATE_VIA | REJECT:
        return advocated(verb, depth)
    comp = _complement_verb(verb) if lemma in ("keep", "continue", "start", "begin", "try") else None
    if comp is not None and depth < 3:
        return _action(comp, depth + 1)  # "keep pressing for lower rates"
    sign = -1.0 if _negated(verb) else 1.0
    if lemma in REMOVE | QUIT and comp is None and (doing := _complement_verb(verb)) is not None:
        # "urged New Delhi to stop buying Russian oil": against what the stopped activity is about
        return [(t, -sign, o) for o in _objects(doing) if (t := noun_phrase(o)) and t.lower() not in VAGUE]
    objs = _objects(verb) if lemma in CARRY | REMOVE else [c for c in verb.children if c.dep_ == "dobj"]
    if not objs and any(c.dep_ == "auxpass" for c in verb.children):
        objs = [c for c in verb.children if c.dep_ == "nsubjpass"]  # "demanded that the memo be scrapped"
    out = []
    for o in objs:
        topic = noun_phrase(o)
        if topic and topic.lower() not in VAGUE:
            if lemma in REMOVE:
                out.append((topic, -sign, o))  # "want to remove these tariffs": against them
            else:
                out.append((topic if lemma in CARRY else f"{lemma} {topic}", sign, o))
    if depth < 3:
        # "work with China to honour its commitments and remove restrictive measures": the purpose is wished too
        for c in verb.children:
            if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                for v in [c] + [g for g in c.children if g.dep_ == "conj" and g.pos_ == "VERB"]:
                    out += [(t, sign * p, tok) for t, p, tok in _action(v, depth + 1)]
    return out


def should_do(verb: Token) -> list[tuple[str, float, Token]]:
    """What the speaker says someone should do: "Ottawa should offer loan guarantees" backs loan guarantees,
    "the ECB should be ready to cut rates" backs cutting rates, "should not impose tariffs" opposes them."""
    if not any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children):
        return []
    sign = -1.0 if _negated(verb) else 1.0
    if verb.lemma_.lower() == "be":
        ready = next(
            (c for c in verb.children if c.dep_ == "acomp" and c.lower_ in ("ready", "prepared", "willing")), None
        )
        comp = next((c for c in ready.children if c.dep_ == "xcomp"), None) if ready is not None else None
        return [(t, sign * p, tok) for t, p, tok in _action(comp, 1)] if comp is not None else []
    if verb.lemma_.lower() in ADVOCATE | ADVOCATE_VIA | REJECT | GIVE_UP:
        return []  # advocated() reads these
    return _action(verb, 1)


def judged(verb: Token) -> list[tuple[str, float, Token]]:
    """(topic, polarity, token) for a subject judged by its predicate: "the fees were a necessary measure",
    "the rule had harmed the interests of", "the agreement was lopsided", "the PBS is not on the table"."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None and verb.dep_ == "ccomp":
        # "warned the quotas would raise costs" parsed with "the quotas" as the object of "warned"
        subj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if subj is not None and any(t.i > subj.i and t.i < verb.i and t.dep_ != "aux" for t in verb.subtree):
            subj = None
    if subj is None:
        return []
    lemma = verb.lemma_.lower()
    neg = _negated(verb)
    polarity = 0.0
    if subj.dep_ == "csubj":
        # "What we need is liquidity": the attribute is what is wanted
        if subj.lemma_.lower() in ("need", "want") and lemma == "be":
            attr = next((c for c in verb.children if c.dep_ == "attr"), None)
            topic = noun_phrase(attr) if attr is not None else None
            return [(topic, 1.0, attr)] if topic else []
        if subj.tag_ == "VBG" and lemma == "be":
            # "Diversifying our markets is important": the action judged
            sign = sum(_word_sign(c) for c in verb.children if c.dep_ in ("acomp", "attr"))
            obj = next((c for c in subj.children if c.dep_ == "dobj"), None)
            topic = f"{subj.lower_} {noun_phrase(obj) or obj.lower_}" if obj is not None else subj.lower_
            return [(topic, -sign if neg else sign, subj)] if sign else []
        return []
    if lemma == "be":
        for c in verb.children:
            if c.dep_ == "acomp":
                polarity = _word_sign(c)
            elif c.dep_ == "attr":
                polarity = _word_sign(c) or sum(_word_sign(a) for a in c.children if a.dep_ in ("amod", "compound"))
                if not polarity and c.lower_ in VAGUE and (of := _of(c)) is not None:
                    polarity = _word_sign(of)  # "the tax was a matter of fairness"
            elif c.dep_ == "prep" and neg:
                # "not on the table", "not up for negotiation": off limits, so defended
                pobj = next((g for g in c.subtree if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.lemma_.lower() == "table":
                    # an action "not on the table" is ruled out; a thing "not on the table" is kept
                    return _subject_topic(subj, -1.0 if ACTIONS.search(subj.text) else 1.0)
                if pobj is not None and pobj.lemma_.lower() in ("negotiation", "sale", "discussion"):
                    return _subject_topic(subj, 1.0)
        if any(DEFENDED.search(c.text) for c in verb.children):
            return _subject_topic(subj, 1.0)
        if neg and any(c.dep_ == "attr" and c.lemma_.lower() in RULED_OUT for c in verb.children):
            return _subject_topic(subj, -1.0)  # "countermeasures are not an option": ruled out
    elif any(c.dep_ == "dobj" and (c.like_num or any(g.dep_ == "nummod" for g in c.children)) for c in verb.children):
        return []  # "the industry supported about 35,000 jobs": a statistic, not a judgment
    elif lemma in STAYS and any(SHELVED.search(" ".join(t.text for t in c.subtree)) for c in verb.children):
        polarity = -1.0  # "the instrument should stay in the drawer": kept unused, so not wanted now
    elif lemma in STAYS and FAMILY_WORD.search(subj.text) and verb.dep_ in ("ROOT", "ccomp", "conj", "xcomp"):
        polarity = 1.0  # "the penalty tariff would stay until they stop": kept, so backed
    elif (
        lemma in HELPS or lemma in YIELDS and any(c.dep_ == "dobj" and c.lemma_.lower() in GAINS for c in verb.children)
    ):
        polarity = 1.0  # "the tariffs had brought in trillions in investment"

    elif lemma in HURTS:
        polarity = -1.0
    elif lemma in ("put", "place", "leave") and any(
        c.dep_ == "prep" and AT_RISK.match(" ".join(t.lower_ for t in c.subtree)) for c in verb.children
    ):
        polarity = -1.0  # "the decision put the national herd at risk"
    elif lemma in ("raise", "increase", "push", "drive", "add") and any(
        c.dep_ == "dobj" and c.lower_ in COSTS for c in verb.children
    ):
        polarity = -1.0
    if not polarity:
        return []
    polarity = max(-1.0, min(1.0, polarity))
    return _subject_topic(subj, -polarity if neg else polarity)


# Verbs that name a thing by a judgment: 'called the 20% rate "a humiliation"', 'described the deal as "fair"'.
NAMING = {"call", "describe", "label", "dub", "brand", "term", "deem"}


def named(verb: Token) -> list[tuple[str, float, Token]]:
    """(topic, polarity, token) for a thing the subject calls something good or bad."""
    if verb.lemma_.lower() not in NAMING:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return []
    after = [t for t in obj.subtree if t.i > obj.i]
    for c in verb.rights:
        if c.i > obj.i and c.dep_ not in ("cc", "conj", "punct"):
            after += list(c.subtree)
    sign = sum(_word_sign(t) for t in after)
    topic = noun_phrase(obj)
    if not sign or not topic:
        return []
    sign = max(-1.0, min(1.0, sign))
    return [(topic, -sign if _negated(verb) else sign, obj)]


def _word_sign(t: Token) -> float:
    if BAD.fullmatch(t.text) or HARM_WORD.fullmatch(t.text):
        return -1.0
    if GOOD.fullmatch(t.text):
        return 1.0
    return 0.0


def _subject_topic(subj: Token, polarity: float) -> list[tuple[str, float, Token]]:
    topic = noun_phrase(subj)
    return [(topic, polarity, subj)] if topic and subj.pos_ in ("NOUN", "PROPN") else []


def need_for(tok: Token) -> list[tuple[str, float, Token]]:
    """ "(no) need for X", "calls for X" as nouns."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ("need", "call", "demand", "push"):
        return []
    sign = -1.0 if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children) else 1.0
    if tok.head.pos_ in ("VERB", "AUX") and _negated(tok.head):
        sign = -sign
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "for"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    topic = noun_phrase(pobj) if pobj is not None else None
    return [(topic, sign, pobj)] if topic else []


AGENTS = {"government", "federation", "union", "ministry", "side", "association", "council", "administration",
          "country", "bloc", "commission", "chamber", "party", "group", "cabinet", "nation", "we", "i",
          "company", "firm", "carmaker", "automaker", "sector", "industry", "organisation", "organization",
          "lobby", "confederation", "employer", "employers", "members", "exporters", "growers", "farmers"}  # fmt: skip


def speaks_for(verb: Token, agents: list[tuple[int, int]]) -> bool:
    """Is the subject of a wanting verb in reported words the speaker's side (a pronoun, an actor, "the
    government") rather than a third party ("buyers are asking us to ...")?"""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    while subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return True
    if subj.pos_ in ("PRON", "PROPN") or subj.lemma_.lower() in AGENTS:
        return True
    return any(s <= subj.idx < e for s, e in agents)


def open_topics(
    span: Span,
    inside: tuple[int, int] | None = None,
    agents: list[tuple[int, int]] | None = None,
    parties: list[tuple[int, int]] | None = None,
) -> list[tuple[str, float, Token]]:
    """Every (topic, polarity, token) the clauses of `span` state; with `inside`, only those whose verb or
    topic lies within those character offsets (the quoted words) or governs them. A wish in reported words
    counts only when its subject is the speaker's side (`agents`: the spans of actors); a judgment only when its
    subject is not a party (`parties`: the spans of people, governments and countries)."""
    out: list[tuple[str, float, Token]] = []
    seen: set[int] = set()
    parties = [(s, e) for s, e in parties or [] if s < span.end_char and e > span.start_char]
    for tok in span:
        if tok.pos_ in ("VERB", "AUX") and conditional(tok):
            continue  # "if talks fail", "if Washington does not want a deal": no stance yet
        if tok.pos_ in ("VERB", "AUX"):
            wished = advocated(tok)
            if wished and not speaks_for(tok, agents or []):
                wished = []
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            actor_subject = subj is not None and any(s <= subj.idx < e for s, e in parties or [])
            found = wished + should_do(tok) + named(tok) + ([] if actor_subject else judged(tok))
        else:
            found = need_for(tok)
        for topic, pol, at in found:
            if at.i in seen or not pol:
                continue
            if inside is not None and not _touches(tok, at, inside):
                continue
            seen.add(at.i)
            out.append((topic, pol, at))
    return out


def conditional(verb: Token) -> bool:
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            return True
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _touches(verb: Token, at: Token, inside: tuple[int, int]) -> bool:
    lo, hi = inside
    if lo <= verb.idx < hi or lo <= at.idx < hi:
        return True
    if verb.lemma_.lower() in NAMING:  # called the rate "a humiliation": the quote is the judgment
        return any(lo <= t.idx < hi for t in verb.subtree)
    # A partial quote on the predicate: He said the agreement was "lopsided".
    return any(lo <= c.idx < hi for c in verb.children if c.dep_ in ("acomp", "attr"))
