"""Figures: values, units and what they are about."""

from __future__ import annotations

from analysis.extract import extract_text


def test_currencies_counts_and_tariff_target_of_exports():
    data = extract_text(
        "Indonesia will face a 19 percent tariff on its exports to the United States, down from the 32 percent "
        "rate threatened in April. Jakarta will buy 50 Boeing jets. Duties brought in Rp 2 trillion, a R100m "
        "fund was set up, watches worth 5.4 billion Swiss francs were sold and Brazil offered R$30 billion."
    )
    figs = {(f["value"], f["unit"]): f for f in data["figures"]}
    assert figs[(32, "percent")]["subject"] == "idn"
    assert (50, "jets") in figs
    for key in ((2e12, "IDR"), (1e8, "ZAR"), (5.4e9, "CHF"), (3e10, "BRL")):
        assert key in figs


def _rates(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {f["text"]: (f["measure"], f["subject"]) for f in extract_text(text)["figures"] if f["unit"] == "percent"}


def test_hyphenated_rate_goes_to_the_country_of_the_demonym_after_on():
    rates = _rates(
        "Exporters are studying the 19-percent tariff that the United States will charge on Philippine goods. "
        "Washington imposed a 10 percent tariff on Kenyan goods in April."
    )
    assert rates["19-percent"] == ("tariff rate", "phl")
    assert rates["10 percent"] == ("tariff rate", "ken")


def test_the_country_that_faces_a_rate_bears_it_not_the_one_named_with_the_next_rate():
    rates = _rates(
        "Trade is shifting. China now faces a 30% U.S. tariff on most goods, against 20% for Vietnam, "
        "so some trade is simply going around."
    )
    assert rates["30%"] == ("tariff rate", "chn")
    assert rates["20%"] == ("tariff rate", "vnm")
