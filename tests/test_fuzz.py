"""Fuzzing the extractor: on any text, extract_text() returns the contract with valid spans and never raises.

`make test` runs the quick profile (a few dozen examples per test); `make fuzz` runs the `fuzz` profile
(FUZZ_EXAMPLES, default 10,000, for the main test) and prints how many examples ran and how many failed.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from analysis.contract import validate_extraction
from analysis.extract import extract_text

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10000")) if FUZZ else 50
# No shrinking: a hang costs its whole time limit at every shrink step; the inputs below were made minimal by hand.
COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "phases": (Phase.explicit, Phase.reuse, Phase.generate, Phase.target),
}
PUBLISHED = dt.date(2025, 4, 8)

RAN: Counter[str] = Counter()  # examples run / failed / hung, for the line the module prints at its end


class ExtractionHang(AssertionError):
    """extract_text() ran far past any article's time: an endless loop, or time that grows out of bounds."""


@pytest.fixture(scope="module", autouse=True)
def report_examples(request: pytest.FixtureRequest):
    yield
    plugins = request.config.pluginmanager
    terminal, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if terminal is not None and capture is not None and RAN:
        hung = f" ({RAN['hangs']} of them hangs)" if RAN["hangs"] else ""
        with capture.global_and_fixture_disabled():
            terminal.write_line(f"\nfuzz: {RAN['examples']} examples, {RAN['failures']} failures{hung}")


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ExtractionHang in the code running after `seconds`, and again every second after that (a raise that
    lands in a garbage-collector callback is swallowed by Python, so one alarm may not be enough)."""
    active = True

    def stop(signum, frame):
        if active:
            raise ExtractionHang(f"extract_text() did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(text: str, published: dt.date | None = PUBLISHED) -> dict:
    """extract_text() on `text`: it must finish, not raise, and keep the contract, spans included.

    The time limit is far above the worst seen (0.4 s for a few hundred characters, 5 s for the 100 kB sentence)."""
    RAN["examples"] += 1
    try:
        with time_limit(2 + len(text) / 1000):
            data = extract_text(text, published=published)
        problems = validate_extraction(data, text=text)
        assert not problems, problems
    except ExtractionHang:
        RAN["failures"] += 1
        RAN["hangs"] += 1
        raise
    except BaseException:
        RAN["failures"] += 1
        raise
    return data


# ---- what the texts are made of -----------------------------------------------------------------------------

WORDS = [
    "Donald Trump", "Trump's", "President", "Shigeru Ishiba", "Prime Minister", "Japan", "Japanese", "China",
    "Beijing", "the European Union", "EU", "Ursula von der Leyen", "Scott Bessent", "Treasury Secretary",
    "Mr.", "Dr.", "U.S.", "Nikkei 225", "S&P 500", "the Dow", "Truth Social", "X", "Reuters", "said", "told",
    "wrote", "posted", "added", "he", "she", "it", "they", "tariffs", "tariff", "retaliation", "talks",
    "deal", "oppose", "support", "regrettable", "rose", "fell", "on Monday", "on Tuesday", "last week",
    "April 9", "9 April 2025", "at 10 a.m.", "at 14:30 ET", "next month", "in 2026", "percent", "points",
    "billion", "$", "€", "¥", "%", "24%", "125 %", "1,876.5", "0.5", "-3.2%", "100,000,000", "½", "٣٤",
    "日本", "中国", "Ελλάδα", "Россия", "עברית", "العربية", "🇯🇵", "👍", "é", "ﬁ", "\u200b", "\u00ad", "\ufeff",
]  # fmt: skip
QUOTES = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」", "``", "''"]
MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
    "</div>", "<p>", "<br/>", "<!--", "-->", "&amp;", "&lt;", "**bold**", "_em_", "`code`", "# ", "[x](y)",
    "\\", "{", "}", "|", "\t",
]  # fmt: skip
PUNCT = [" ", " ", " ", ".", ". ", ",", ";", ":", "!", "?", "—", "–", "-", "(", ")", "\n", "\n\n", "...", "…"]

TOKENS = st.sampled_from(WORDS) | st.sampled_from(QUOTES) | st.sampled_from(MARKUP) | st.sampled_from(PUNCT)
# News-like: vocabulary, quotation marks (unbalanced and nested, as they come), markup, punctuation.
NEWSY = st.lists(TOKENS | st.text(max_size=8), max_size=120).map("".join)
# Digits and percent signs in every arrangement.
NUMBERY = st.lists(st.sampled_from([*"0123456789%.,$€- \n", " percent", " billion", " points"]), max_size=150).map(
    "".join
)
# Anything at all (all of Unicode but lone surrogates, which no decoded file holds).
ANY = st.text(max_size=300)
TEXTS = NEWSY | NUMBERY | ANY


@settings(max_examples=EXAMPLES, **COMMON)
@given(TEXTS)
@example("")
@example("No sentence at all")
@example("“" * 50 + "Trump said" + "”" * 3)
@example('He said "she said \'they said “it is 24%” today\' then" — and "unclosed')
@example("Trump said: " + "“" * 2 + "tariffs" + "”")
@example("<script>alert('x')</script> Trump said “<img src=x onerror=alert(1)>” on Monday.")
def test_any_text_keeps_the_contract(text: str) -> None:
    check(text)


@settings(max_examples=max(EXAMPLES // 20, 10), **COMMON)
@given(NEWSY, st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_any_text_keeps_the_contract_with_any_date(text: str, published: dt.date | None) -> None:
    check(text, published)


@pytest.mark.parametrize("text", ["on Monday", "at 10 a.m."])
def test_a_date_in_a_sentence_without_a_verb(text: str) -> None:
    """The minimal inputs the fuzzer's hangs came down to: a token's head is a new object on every access."""
    with time_limit(3):
        data = extract_text(text, published=PUBLISHED)
    assert validate_extraction(data, text=text) == []


def test_one_100_kb_sentence() -> None:
    """One sentence of 100,000 characters, no full stop inside: quotes and numbers at both ends and in the middle."""
    filler = "and the talks dragged on through the night as officials weighed the numbers "
    head = "Trump said on Monday that “the 24% tariff on Japan is fair” "
    middle = " while the Nikkei 225 fell 3% and Ishiba told reporters it was “regrettable” "
    half = (filler * (50_000 // len(filler) + 1))[:48_000]
    text = head + half + middle + half
    text += "x" * (100_000 - len(text) - len(", Bessent said.")) + ", Bessent said."
    assert len(text) == 100_000
    data = check(text)
    assert data["quotes"] and data["figures"]


def test_validator_names_each_broken_field() -> None:
    text = "President Donald Trump said “no deal” on Monday."
    good = check(text)
    assert validate_extraction(good, text=text) == []
    bad = {**good, "quotes": [{**good["quotes"][0], "start": 5}], "actors": "many"}
    del bad["events"]
    problems = validate_extraction(bad, text=text)
    assert "missing section 'events'" in problems
    assert "actors is not a list" in problems
    assert any(p.startswith("quotes[0].text") and "is not text[5:" in p for p in problems), problems
    assert validate_extraction({**good, "figures": [{"text": "24%", "value": True}]})[:2] == [
        "figures[0].value has a bad value or type: True",
        "figures[0] lacks 'unit'",
    ]
    kinds = {
        **good,
        "quotes": [{**good["quotes"][0], "kind": "rumour"}],
        "actors": [{**good["actors"][0], "kind": "x"}],
    }
    assert validate_extraction(kinds) == [
        "actors[0].kind has a bad value or type: 'x'",
        "quotes[0].kind has a bad value or type: 'rumour'",
    ]
    assert validate_extraction([]) == ["the extraction is a list, not an object"]
