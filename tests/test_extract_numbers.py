"""Figures: values, units and what they are about."""

from __future__ import annotations

from analysis.extract import extract_text
from analysis.extract.numbers import SHARE_MOVE, SHARE_PRICE


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


def _figs(text: str) -> dict[str, tuple]:
    return {f["text"]: (f["value"], f["unit"], f["measure"], f["subject"]) for f in extract_text(text)["figures"]}


def test_the_noun_a_verb_moves_names_the_measure_even_in_a_tariff_story():
    figs = _figs(
        "Washington doubled the tariff on Chinese goods to 20%. China's exports rose 8.3% in September, "
        "while net farm income will rise 7% and phosphate prices are up 18%. The levy could shave "
        "0.4 percentage point off China's growth."
    )
    assert figs["8.3%"][2:] == ("exports", "chn")
    assert figs["7%"][2] == "income"
    assert figs["18%"][2] == "prices"
    assert figs["0.4 percentage point"][2] == "growth"
    assert figs["20%"][2] == "tariff rate"


def test_rates_paid_or_capped_on_goods_are_tariffs_and_a_listed_country_owns_its_rate():
    figs = _figs(
        "Tariffs are rising everywhere. The EU accepted a 15% ceiling on most goods, and India is paying 50% "
        "after Washington added a 25% penalty. Brazil faces tariffs of 40%, Switzerland 39% and Canada 35% "
        "on goods outside the pact."
    )
    assert figs["15%"][2] == "tariff rate"
    assert figs["50%"][2:] == ("tariff rate", "ind")
    assert figs["39%"][2:] == ("tariff rate", "che")
    assert figs["35%"][2:] == ("tariff rate", "can")


def test_local_currencies_and_tariff_money():
    figs = _figs(
        "Kenya's apparel exports, worth about Sh61 billion, face a 10% tariff. The naira traded at N1,530. "
        "Customs duties brought in $30bn a month and the Treasury collected $195bn in tariffs. "
        "Gold rose to $4,163 an ounce. Toyota's U.S. sales rose 14% to 666,470 units."
    )
    assert figs["Sh61 billion"][:3] == (61e9, "KES", "exports")
    assert figs["N1,530"][1] == "NGN"
    assert figs["$30bn"][2] == "customs revenue"
    assert figs["$195bn"][2] == "tariff revenue"
    assert figs["$4,163"][1:3] == ("USD", "gold price")
    assert figs["666,470 units"][2] == "sales"


def test_letters_are_not_currencies_outside_their_country():
    figs = _figs("Hospitals ordered N95 masks and P500 chips from China.")
    assert "N95" not in figs and "P500" not in figs


def test_bare_exchange_rate_levels_and_currency_subunits():
    figs = _figs(
        "The baht firmed 0.3% to 32.45 in late trade. The peso closed at 18.62 against the U.S. dollar, "
        "from 18.71 earlier. The rand was quoted at 17.9, and the Singapore dollar rose to 74.1 U.S. cents, "
        "while the rupee gained 9 paise. Growers were paid 55 cents a pound."
    )
    assert figs["32.45"][2] == "currency exchange rate (baht)" and figs["17.9"][2] == "currency exchange rate (rand)"
    assert figs["18.62"][2] == "currency exchange rate (peso)" and figs["18.71"][2] == "currency exchange rate (peso)"
    assert figs["74.1 U.S. cents"][1:3] == ("cents", "currency exchange rate (dollar)")
    assert figs["9 paise"][1:3] == ("paise", "currency exchange rate change (rupee)")
    assert figs["55 cents"][2] == "price"


def test_counts_across_scale_words_and_adjectives():
    figs = _figs(
        "Some 4 lakh weavers in the district depend on the mills. The port handled about 80,000 small and "
        "midsize containers, and the plant employs 6 thousand skilled workers."
    )
    assert figs["4 lakh weavers"][:3] == (400000, "weavers", "count")
    assert figs["80,000 small and midsize containers"][:2] == (80000, "containers")
    assert figs["6 thousand skilled workers"][:2] == (6000, "workers")


def test_a_range_shares_its_unit_and_meaning_with_its_second_number():
    figs = _figs(
        "Brokers said margins of 6-9% would vanish. The duty could trim growth by 0.1 to 0.4 percentage point, "
        "and Washington set tariffs of between 20 and 35 per cent on the rest."
    )
    assert figs["6"][:3] == (6, "percent", "margin") and figs["9%"][2] == "margin"
    assert figs["0.1"][:3] == (0.1, "percentage points", "growth")
    assert figs["20"][:3] == (20, "percent", "tariff rate")


def test_policy_targets_per_share_money_and_index_levels_in_points():
    figs = _figs(
        "Washington raised tariffs on Chinese goods, though inflation already sits above the central bank's 3% target. "
        "The retailer, which buys most of its stock in Thailand, now expects profit of $1.40 to $1.55 a share, "
        "down from $1.90. The Nifty 50 index rose 0.4% to 24,310 points, while the Sensex added 210 points."
    )
    assert figs["3%"][2:] == ("inflation target", None)
    assert figs["$1.40"][2:] == ("earnings per share", None) and figs["$1.90"][3] is None
    assert figs["24,310 points"][2] == "index level" and figs["210 points"][2] == "index change"


def test_large_counts_after_the_and_a_nation_s_people_and_jobs():
    figs = _figs(
        '"This threatens the 40,000 families who live off the mines," she said. The plants employ 8,000 Ghanaians, '
        "and 12,500 factory jobs depend on the trade. The two ministers met."
    )
    assert figs["40,000 families"][:3] == (40000, "families", "count")
    assert figs["8,000 Ghanaians"][:2] == (8000, "Ghanaians")
    assert figs["12,500 factory jobs"][2] == "employment (jobs)"
    assert "two ministers" not in figs


def test_whole_number_exchange_rates_per_dollar_and_their_siblings():
    figs = _figs(
        "The won has traded near 1400 to the dollar this quarter, against a budget assumption of 1350 in the "
        "ministry's plan, while exports rose to 58 in the index."
    )
    assert figs["1400"][1:3] == (None, "currency exchange rate (won)")
    assert figs["1350"][2] == "currency exchange rate (won)"
    assert "58" not in figs


def test_its_own_takes_the_measure_just_given_and_a_remedy_inside_a_total_is_no_remedy_rate():
    figs = _figs(
        "Toyota expects a tariff bill of about $3bn this year; Honda puts its own at $1bn. Kenyan tea now faces "
        "a total duty of close to 45% including anti-dumping and countervailing duties."
    )
    assert figs["$1bn"][2] == "tariff cost"
    assert figs["45%"][2] == "tariff rate (duty)"  # a tariff rate, named as the article names it


def test_asides_do_not_lend_their_countries_or_nouns_and_a_rate_word_marks_a_tariff():
    figs = _figs(
        "Washington raised tariffs on steel to 50% this week. Norway, which signed a trade pact with the U.S. in "
        "May, was left at 25%. Chile, which runs a trade deficit with the US, remains at the baseline 10 per cent. "
        "The central bank held its deposit rate at 3 per cent, and output grew at an annualised rate of 2.1%."
    )
    assert figs["25%"][2:] == ("tariff rate", "nor")
    assert figs["10 per cent"][2:] == ("tariff rate", "chl")
    assert figs["3 per cent"][2] != "tariff rate" and figs["2.1%"][2] != "tariff rate"


def test_a_surcharge_on_something_other_than_goods_is_no_tariff_rate():
    figs = _figs(
        "Washington kept its tariffs in place. Quebec put a 15 per cent surcharge on electricity sold to Vermont, "
        "while Ottawa added a 25% surcharge on imports of American steel."
    )
    assert figs["15 per cent"][2:] == ("surcharge", None)
    assert figs["25%"][2] == "tariff rate"


def test_a_level_named_after_a_currency_belongs_to_what_is_named_last():
    figs = _figs(
        "The dollar firmed, and the 10-year Treasury yield climbed to 4.31 in New York. "
        "The yen's exchange rate fell to 151.2 late in the day."
    )
    assert "4.31" not in figs or figs["4.31"][2] != "currency exchange rate (dollar)"
    assert figs["151.2"][2] == "currency exchange rate (yen)"


def test_a_secondary_tariff_falls_on_the_buyer_not_on_the_seller_of_the_goods():
    rates = _rates(
        "Washington has raised its tariffs again. In Turkey, which now pays 40% on most goods after Washington added a 20% penalty over its purchases "
        "of Iranian oil, refiners are cutting orders."
    )
    assert rates["20%"] == ("tariff rate", "tur")


def test_a_rate_inside_the_subject_is_not_the_subject_countrys_and_an_aside_bears_nothing():
    rates = _rates(
        "Peru will face a 15 percent tariff on its copper. The new level, well below the 40 percent floated by "
        "US Commerce Secretary Howard Lutnick in May, was welcomed. Chile, Peru's closest rival in copper, faces "
        "a higher US tariff of 25 percent."
    )
    assert rates["40 percent"] == ("tariff rate", "per")
    assert rates["25 percent"] == ("tariff rate", "chl")


def test_a_share_of_goods_is_no_tariff_rate():
    rates = _rates("Under the deal Kenya will scrap tariffs on 95 percent of British goods within five years.")
    assert rates["95 percent"] == ("share of goods", None)


def test_hyphenated_per_cent_dong_and_iso_codes_are_figures():
    figs = {(f["value"], f["unit"]) for f in extract_text(
        "Mexico faces 30-per-cent duties from Friday. Banks sold the dollar at 26,100 dong, and exporters "
        "shipped goods worth SEK12 billion and 3.5 million EUR of parts."
    )["figures"]}  # fmt: skip
    for key in ((30, "percent"), (26100, "VND"), (12e9, "SEK"), (3.5e6, "EUR")):
        assert key in figs


def test_both_ends_of_a_range_mean_the_same():
    figs = _figs(
        "Tariffs dominated the week. The decree sets rates ranging from 15% to 45% on goods from 40 countries, and "
        "relief payments were extended from 6 to 12 months."
    )
    assert figs["15%"][2] == figs["45%"][2] == "tariff rate"
    assert figs["6"][:3] == (6, "months", "duration")


def test_counts_across_a_two_word_nationality_and_of_same_plural_nouns():
    figs = _figs("Ankara will buy 80 Airbus aircraft, and about 2,500 South Korean tourists cancelled trips.")
    assert figs["80 Airbus aircraft"][:2] == (80, "aircraft")
    assert figs["2,500 South Korean tourists"][:2] == (2500, "tourists")


def test_glued_scales_sizes_and_a_level_before_a_comma():
    figs = _figs(
        "Brussels capped imports at 12.5mn tonnes. He farms a 2,300-acre plot. The Kospi rose 1.1 percent to "
        "close at 3,215, led by chipmakers."
    )
    assert figs["12.5mn"][0] == 12.5e6
    assert figs["2,300-acre"][:3] == (2300, "acres", "size")
    assert figs["3,215"][:3] == (3215, "points", "index level")


def test_a_number_with_thousands_separators_is_a_figure_without_a_unit():
    figs = _figs("Factory orders for May were revised up by a combined 41,500. The FTSE closed at 8,400p.")
    assert figs["41,500"][:2] == (41500, None)
    assert "8,400" not in figs


def test_a_currency_index_and_a_commodity_price_say_which():
    figs = _figs("The yen index fell 0.8% to 101.2, while silver rose 1.5% to $38.40 an ounce.")
    assert figs["0.8%"][2] == "yen index change"
    assert figs["$38.40"][1:3] == ("USD", "silver price")


def test_money_worth_names_the_goods_and_an_investment_its_investor():
    figs = _figs(
        "Hyundai Motor Group said its plan to invest $21 billion in the United States was unchanged. Mexico bought "
        "American corn worth about $5.1 billion last year, and Kenya's tea exports, worth roughly $1.4bn, face a "
        "tariff. Vietnamese mills shipped $3.2 billion worth of yarn to Japan."
    )
    assert figs["$21 billion"][2:] == ("investment", "hyundai-motor-group")
    assert figs["$5.1 billion"][2:] == ("exports", "usa")
    assert figs["$1.4bn"][2:] == ("exports", "ken")
    assert figs["$3.2 billion"][2] == "exports"


def test_an_average_tariff_rate_belongs_to_the_country_that_charges_it():
    rates = _rates(
        "Japan will face a 15% tariff. Economists said the overall Canadian tariff rate had risen to 4.5%, "
        "the highest in decades."
    )
    assert rates["4.5%"] == ("tariff rate", "can")


def test_an_amount_that_limits_a_flow_is_a_quota():
    figs = _figs(
        "Ottawa will start limiting steel imports to 2.4mn tonnes a year, while Apple's market cap of $3 trillion "
        "was untouched."
    )
    assert figs["2.4mn"][2] == "import quota"
    assert figs["$3 trillion"][2] != "quota"


def test_a_move_of_an_index_the_actors_do_not_know_is_not_given_to_another_index():
    figs = _figs("The Nikkei 225 rose 1.2% on Monday, while the Wilshire 5000 index slipped 240 points.")
    assert figs["1.2%"][2:] == ("index change", "nikkei-225")
    assert figs["240 points"][2:] == ("index change", None)


def test_a_company_named_once_beside_its_shares_or_its_chief_is_the_mover():
    figs = _figs(
        "Freight rates fell. Shares of Hapag-Lloyd rose 4.1% in Frankfurt on Monday, and Israel-based ZIM "
        "Integrated Shipping Services gained 6.3% in New York."
    )
    assert figs["4.1%"][2:] == (SHARE_MOVE, "hapag-lloyd")
    assert figs["6.3%"][2:] == (SHARE_MOVE, "zim-integrated-shipping-services")


def test_a_rate_on_shipped_goods_a_level_per_dollar_and_a_debt_are_what_they_are():
    figs = _figs(
        "Washington cut its tariffs on Chinese goods. The White House reduced the duty on low-value parcels shipped "
        "from China to 54% from 120%. The rupiah weakened 0.3 percent to Rp 16,690 per US dollar. He wants the "
        "revenue to pay down the $38 trillion national debt."
    )
    assert figs["54%"][2].startswith("tariff rate") and figs["54%"][3] == "chn"
    assert figs["Rp 16,690"][2] == "currency exchange rate (rupiah)"
    assert figs["$38 trillion"][2] == "debt"


def test_benchmarks_of_smaller_exchanges_are_the_subjects_of_their_moves():
    figs = _figs(
        "The DSEX, the benchmark index of the Dhaka Stock Exchange, rose 48 points, or 0.9 percent. In Tel Aviv the "
        "TA-35 index fell 1.2% to 2,874.6 points. The EGX30 fell 1.6 percent on Thursday."
    )
    assert figs["0.9 percent"][2:] == ("index change", "dsex")
    assert figs["2,874.6 points"][3] == "ta-35" and figs["1.6 percent"][3] == "egx30"


def _figures(text: str, published: str | None = None) -> tuple[dict[str, dict], dict[str, dict]]:
    data = extract_text(text, published=published)
    return {f["text"]: f for f in data["figures"]}, {a["id"]: a for a in data["actors"]}


def test_an_exchange_rate_is_about_its_currency():
    figs, actors = _figures(
        "Ottawa – The loonie rose to 72.31 U.S. cents on Friday. In Tel Aviv the shekel strengthened to NIS 3.397 "
        "against the dollar, while in Dhaka the taka held at Tk 122.3 per dollar and Brazil's real gained 0.4%."
    )
    assert figs["72.31 U.S. cents"]["subject"] == "cad"
    assert figs["NIS 3.397"]["subject"] == "ils" and figs["NIS 3.397"]["unit"] == "ILS"
    assert figs["Tk 122.3"]["subject"] == "bdt"
    assert figs["0.4%"]["subject"] == "brl"
    assert actors["cad"] == actors["cad"] | {"kind": "currency", "name": "Canadian Dollar", "country": "CAN"}
    assert actors["ils"]["mentions"] >= 1


def test_the_unqualified_dollar_is_the_home_currency_in_a_dollar_country():
    figs, _ = _figures("OTTAWA — The dollar fell 0.3% against its U.S. counterpart as the tariffs took effect.")
    assert figs["0.3%"]["subject"] == "cad"


def test_a_firms_sums_belong_to_the_firm():
    figs, _ = _figures(
        "Ford expects tariffs to cost it about $2 billion this year, up from an earlier $1.5 billion estimate. "
        "The Detroit automaker reported revenue of $50.2 billion but swung to a net loss of $36 million, hit by "
        "$800 million in tariff costs. Ford shares fell about 3% to $11.09, though the stock is still up 12% "
        "since January. Rival General Motors said tariffs had cost it $1.1 billion."
    )
    assert (figs["$2 billion"]["measure"], figs["$2 billion"]["subject"]) == ("tariff cost", "ford")
    assert (figs["$1.5 billion"]["measure"], figs["$1.5 billion"]["subject"]) == ("tariff cost", "ford")
    assert (figs["$50.2 billion"]["measure"], figs["$50.2 billion"]["subject"]) == ("revenue", "ford")
    assert (figs["$36 million"]["measure"], figs["$36 million"]["subject"]) == ("net loss", "ford")
    assert figs["$800 million"]["measure"] == "tariff cost"
    assert (figs["$11.09"]["measure"], figs["$11.09"]["subject"]) == (SHARE_PRICE, "ford")
    assert (figs["12%"]["measure"], figs["12%"]["subject"]) == (SHARE_MOVE, "ford")
    assert (figs["$1.1 billion"]["measure"], figs["$1.1 billion"]["subject"]) == ("tariff cost", "general-motors")


def test_share_moves_in_a_market_report_name_their_companies():
    figs, actors = _figures(
        "The MOEX Russia Index was up 5.3% by noon. Oil major Rosneft rose 5.9%, Lukoil added 4.8% and national "
        "carrier Aeroflot jumped 8.2%."
    )
    assert figs["5.3%"]["subject"] == "moex-russia-index"
    for text, company in (("5.9%", "rosneft"), ("4.8%", "lukoil"), ("8.2%", "aeroflot")):
        assert (figs[text]["measure"], figs[text]["subject"]) == (SHARE_MOVE, company)
        assert actors[company]["kind"] == "organization"


def test_an_unlisted_index_is_its_countrys_market():
    figs, _ = _figures(
        "Gulf markets fell. Kuwait's premier index dropped 5.7 percent and Qatar's benchmark lost 4.2 percent, "
        "while Muscat closed 2.6 percent lower."
    )
    assert figs["5.7 percent"]["subject"] == "kwt"
    assert figs["4.2 percent"]["subject"] == "qat"
    assert figs["2.6 percent"]["subject"] is None


def test_a_list_of_countries_rates_gives_each_country_its_own():
    figs, _ = _figures(
        "Trump set a 35% tariff on Bangladesh. Japan and Malaysia were told they would face 25%, Indonesia 32%, "
        "Sri Lanka 30%, and Cambodia and Thailand 36% each, while Switzerland was hit with 39 per cent."
    )
    assert figs["32%"]["subject"] == "idn" and figs["30%"]["subject"] == "lka"
    assert figs["36%"]["subject"] == "tha" and figs["39 per cent"]["subject"] == "che"
    assert {figs[t]["measure"] for t in ("25%", "32%", "39 per cent")} == {"tariff rate"}


def test_firms_sums_in_brackets_pledges_ranges_and_initials():
    figs, actors = _figures(
        "Drugmakers have pledged large U.S. investments this year, including Johnson & Johnson ($55 billion) and "
        "AstraZeneca ($50 billion). General Motors said tariffs had carved $1.1 billion out of its profit. GM's "
        "net income fell 35% to $1.9 billion, and the automaker expects tariffs to cost it $4 billion to $5 billion "
        "this year. Cambodia's shipments to the US last year were worth close to $9.9 billion."
    )
    assert figs["$55 billion"]["subject"] == "johnson-johnson" and figs["$50 billion"]["subject"] == "astrazeneca"
    assert actors["gm"]["name"] == "General Motors" and "general-motors" not in actors
    assert (figs["$1.1 billion"]["measure"], figs["$1.1 billion"]["subject"]) == ("tariff cost", "gm")
    assert (figs["35%"]["measure"], figs["35%"]["subject"]) == ("income", "gm")
    assert (figs["$5 billion"]["measure"], figs["$5 billion"]["subject"]) == ("tariff cost", "gm")
    assert (figs["$9.9 billion"]["measure"], figs["$9.9 billion"]["subject"]) == ("exports", "khm")


def test_share_moves_of_every_shape_in_a_market_report():
    figs, _ = _figures(
        "Investors were unimpressed. West Fraser shares fell 2.1 per cent to $93.80 in Toronto, Canfor lost 3.4 per "
        "cent to $14.26. In Dublin, the ISEQ index closed down 0.7pc, with Kerry Group down 2.1pc and Glanbia 1.8pc "
        "lower. Ryanair bucked the trend, gaining 1.4pc. Shares of hosiery exporter Interloop rose 3.2% in early "
        "trade. Shares of Nucor, which jumped more than 10 percent on Monday, added 1.8 percent on Tuesday."
    )
    expected = {
        "2.1 per cent": "west-fraser", "$93.80": "west-fraser", "3.4 per cent": "canfor", "$14.26": "canfor",
        "2.1pc": "kerry-group", "1.8pc": "glanbia", "1.4pc": "ryanair", "3.2%": "interloop",
        "10 percent": "nucor", "1.8 percent": "nucor",
    }  # fmt: skip
    for text, company in expected.items():
        assert figs[text]["subject"] == company, text
        assert figs[text]["measure"].startswith("shares"), text
    assert figs["0.7pc"]["measure"] == "index change"


def test_people_in_work_and_bare_exchange_rates():
    figs, _ = _figures(
        "The sector employs about 900,000 workers in more than 1,300 factories, and 66,000 EPZ jobs are at risk. "
        "About 500 people attended the rally. HANOI — The dong was little changed at 26,165 per dollar, and the "
        "shilling held steady at 129.24 units to the dollar."
    )
    assert figs["900,000 workers"]["measure"] == "employment (workers)"
    assert figs["66,000 EPZ jobs"]["measure"] == "employment (jobs)"
    assert figs["1,300 factories"]["measure"] == "count" and figs["500 people"]["measure"] == "count"
    assert (figs["26,165"]["unit"], figs["26,165"]["subject"]) == ("VND", "vnd")
    assert figs["129.24 units"]["measure"] == "currency exchange rate (shilling)"


def test_an_index_known_by_the_letters_the_story_defines_and_by_the_index():
    data = extract_text(
        "The Jakarta Composite Index (JCI) fell 9.19 percent shortly after the opening bell. The index closed down "
        "514.48 points, or 7.90 percent, at 5,996.14. Elsewhere, the Bel20 index closed 0.4% higher."
    )
    figs = {f["text"]: f["subject"] for f in data["figures"]}
    index = next(a for a in data["actors"] if a["id"] == "jakarta-composite")
    assert "JCI" in index["name"]
    assert not any(a["name"] == "JCI" for a in data["actors"] if a["kind"] != "market_index")  # one actor, not two
    assert figs["9.19 percent"] == figs["514.48 points"] == figs["7.90 percent"] == "jakarta-composite"
    assert figs["0.4%"] == "bel20"


def test_whose_trade_flows_head_counts_and_exchange_rates_are():
    data = extract_text(
        "Brazil exported US$40.3 billion worth of goods to the US last year. Indonesia posted a US$16.8 billion trade "
        "surplus with the United States in 2024. Lana Payne, national president of Unifor, which represents some "
        "320,000 workers, said the union was disappointed. The pharmaceutical sector employs around 45,000 people "
        "in Belgium. The US dollar fell 0.42% against the real, to R$5.3962. The rand weakened to R17.94/$ in early "
        "trade. The budget assumed an exchange rate of N1,500/$ for the naira."
    )
    figs = {f["text"]: (f["measure"], f["subject"]) for f in data["figures"]}
    assert figs["US$40.3 billion"][1] == "bra" and figs["US$16.8 billion"][1] == "idn"
    assert figs["320,000 workers"] == ("employment (workers)", "unifor")
    assert figs["45,000 people"][1] == "bel"
    assert figs["R$5.3962"][1] == "brl"
    assert figs["R17.94"] == ("currency exchange rate (rand)", "zar")
    assert figs["N1,500"] == ("currency exchange rate (naira)", "ngn")


def test_a_sum_is_the_worth_of_the_noun_before_worth():
    data = extract_text(
        "The two leaders signed deals worth $243.5bn, part of an economic exchange worth at least $1.2tn."
    )
    figs = {f["text"]: f["measure"] for f in data["figures"]}
    assert figs == {"$243.5bn": "deals", "$1.2tn": "exchange"}


def test_shares_of_exports_and_quotas_belong_to_the_side_that_trades():
    data = extract_text(
        "Thai shipments to the US were worth US$54.9 billion last year, about 18% of total exports. Under the new "
        "terms, the annual duty-free quota for Ukrainian sugar will rise to 100,000 tons."
    )
    figs = {f["text"]: (f["measure"], f["subject"]) for f in data["figures"]}
    assert figs["18%"] == ("exports", "tha")
    assert figs["100,000 tons"] == ("quota", "ukr")
