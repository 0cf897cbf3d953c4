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
