"""Positions read from small texts with the real model: the general causes of missed stances on unseen
articles (harm words, rulings-out, demands in that-clauses, lower tariffs sought, bystander words)."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.extract import extract_text

PUBLISHED = dt.date(2025, 8, 8)


def _stances(text: str) -> set[tuple[str, str, str]]:
    data = extract_text(text, published=PUBLISHED)
    return {(p["actor"], p["stance"], p["topic"]) for p in data["positions"]}


def _has(stances, actor: str, stance: str, key: str) -> bool:
    return any(a == actor and s == stance and key in t for a, s, t in stances)


@pytest.mark.parametrize(
    "sentence",
    [
        '"The tariffs are a heavy burden, and the situation is changing day by day," Toyota Chief Financial '
        "Officer Kenta Kon told reporters in Nagoya.",
        '"The 50% tariff has made our goods uncompetitive overnight. Orders are being cancelled," '
        "Chief Executive Kenta Kon said.",
        '"This tariff penalises countries that buy American," Chief Executive Kenta Kon said.',
        '"The tariff leaves our plants at a disadvantage and puts jobs on the line," Chief Executive Kenta Kon said.',
    ],
)
def test_harm_to_ones_own_side_opposes_the_tariff(sentence: str) -> None:
    assert _has(_stances(sentence), "kenta-kon", "oppose", "tariff")


def test_not_an_option_and_ruled_out_oppose_countermeasures() -> None:
    text = (
        "Switzerland will not hit back at a 39% U.S. tariff on its goods.\n\n"
        '"Countermeasures are not an option for Switzerland at this stage," President Karin Keller-Sutter said.\n'
    )
    stances = _stances(text)
    assert _has(stances, "karin-keller-sutter", "oppose", "countermeasure")
    assert not _has(stances, "karin-keller-sutter", "support", "countermeasure")


def test_decided_not_to_retaliate_is_not_a_vote_for_retaliation() -> None:
    text = (
        "Japan faces a 25% U.S. tariff on its cars. Prime Minister Shigeru Ishiba met his cabinet on Thursday "
        "and decided not to retaliate for now."
    )
    stances = _stances(text)
    assert not _has(stances, "shigeru-ishiba", "support", "countermeasures")


def test_a_demand_in_a_that_clause_backs_what_it_demands() -> None:
    text = (
        "Switzerland faces a 39% U.S. tariff. Director Stefan Brupbacher demanded that the government step up "
        "the negotiations with Washington."
    )
    assert _has(_stances(text), "stefan-brupbacher", "support", "negotiat")


def test_warning_against_escalation_opposes_it() -> None:
    text = (
        "Ireland faces a 100% U.S. tariff on medicines. Bernard Mallee, director of Pharmachemical Ireland, said "
        "the industry supported the EU's efforts to negotiate with Washington and warned against any escalation."
    )
    stances = _stances(text)
    assert _has(stances, "bernard-mallee", "oppose", "escalation")
    assert _has(stances, "bernard-mallee", "support", "negotiat")


def test_pressing_for_lower_rates_opposes_the_tariffs_but_welcoming_them_does_not() -> None:
    sought = _stances(
        "Germany's carmakers face a 15% U.S. duty. Hildegard Müller, president of the VDA, urged Brussels to "
        "keep pressing for lower rates."
    )
    assert _has(sought, "hildegard-muller", "oppose", "tariff")
    granted = _stances(
        "Pakistan now faces a 19% U.S. tariff. Kamran Arshad, chairman of the All Pakistan Textile Mills "
        "Association, said the lower rate was 'good news'."
    )
    assert not _has(granted, "kamran-arshad", "oppose", "tariff")


def test_bad_words_with_no_topic_word_are_about_the_measures_not_the_deal() -> None:
    text = (
        "Iowa farmers want a China deal as Beijing shuns U.S. soybeans hit by tariffs.\n\n"
        'Sen. Chuck Grassley said he wanted a deal. "Farmers are the ones paying the price for this fight," '
        "Grassley said.\n"
    )
    stances = _stances(text)
    assert not _has(stances, "chuck-grassley", "mixed", "deal")
    assert not _has(stances, "chuck-grassley", "oppose", "deal")


def test_retaliatory_duties_name_the_duties() -> None:
    text = (
        "Caleb Ragland, president of the American Soybean Association, said the retaliatory duties China imposed "
        'had "shut the door on our largest customer."'
    )
    assert _has(_stances(text), "caleb-ragland", "oppose", "retaliatory duties")


def test_companies_concerned_is_not_a_concern() -> None:
    text = (
        'Tánaiste Simon Harris wrote on X: "The EU-US deal caps tariffs on pharmaceuticals at 15%. That has not '
        'changed. We will continue to engage closely with the companies concerned."'
    )
    assert not _has(_stances(text), "simon-harris", "oppose", "deal")


def test_announcing_that_a_tariff_applies_backs_it() -> None:
    text = (
        "US President Donald Trump announced on Thursday that the tariff would apply from Oct 1 to branded drugs, "
        "unless the company is building a plant in the US."
    )
    assert _has(_stances(text), "donald-trump", "support", "tariff")


def test_making_it_harder_to_survive_opposes_the_measure() -> None:
    text = (
        "Trump will impose a 25% tariff on imported heavy trucks from November 1. Chris Spear, president of the "
        'American Trucking Associations, said: "Higher equipment prices will only make it harder for small '
        'carriers to survive."'
    )
    assert _has(_stances(text), "chris-spear", "oppose", "tariff")


def test_a_relative_clause_stance_belongs_to_the_head_noun() -> None:
    text = (
        "Senator Jane Doe, a Kentucky Republican who has long opposed the tariffs, said the hearing showed the "
        "administration had overreached."
    )
    assert _has(_stances(text), "jane-doe", "oppose", "tariff")


def test_reported_words_around_a_quoted_phrase_are_the_speakers() -> None:
    text = (
        "Solicitor General John Smith told the justices that the tariffs were a vital tool of foreign policy and "
        'that striking them down would leave the country "defenseless" in trade negotiations.'
    )
    assert _has(_stances(text), "john-smith", "support", "tariff")


def test_wanting_to_remove_tariffs_opposes_them() -> None:
    text = (
        'Vice President Paulo Costa said: "The door to dialogue is open. We want to remove these tariffs through '
        'negotiation, product by product."'
    )
    stances = _stances(text)
    assert _has(stances, "paulo-costa", "oppose", "tariff")
    assert not _has(stances, "paulo-costa", "support", "tariff")


def test_a_deal_that_removes_uncertainty_is_backed() -> None:
    text = "Kenji Sato, chairman of the business federation, said the agreement had removed uncertainty for exporters."
    assert not _has(_stances(text), "kenji-sato", "oppose", "agreement")


def test_talks_that_continue_are_backed_despite_regret() -> None:
    text = "Minister Anna Berg said she regretted the decision and that talks with Washington were continuing."
    assert _has(_stances(text), "anna-berg", "support", "talks")


def test_calling_a_measure_a_burden_in_narration_opposes_it() -> None:
    text = "Tom Reed, the association's president, called the surtax a burden on builders who already pay more."
    assert _has(_stances(text), "tom-reed", "oppose", "surtax")


def test_urging_after_a_quote_is_the_speakers_demand() -> None:
    text = (
        "Brazil's coffee exporters have stopped shipping to the United States. Its general director, Carlos "
        'Mendes, said American roasters were running down their stocks. "There is no way to replace Brazilian '
        "coffee. The tariff will end up in the American consumer's cup,\" he said, urging Washington to exempt coffee."
    )
    assert _has(_stances(text), "carlos-mendes", "support", "exempt")


def test_need_x_not_y_turns_y_down() -> None:
    text = 'Markus Weber, director general of the employers group, said: "We need calm, not a spiral of retaliation."'
    assert _has(_stances(text), "markus-weber", "oppose", "retaliation")


def test_the_clause_after_but_decides_a_tie() -> None:
    text = (
        'Chief executive Daniel Marsh said: "We will do our best to keep prices low, but given the tariffs we '
        "aren't able to absorb all the pressure.\""
    )
    assert _has(_stances(text), "daniel-marsh", "oppose", "tariff")


def test_what_worked_better_than_retaliation_sets_retaliation_aside() -> None:
    text = "Prime Minister Oliver Grant said Britain had shown that calm diplomacy worked better than retaliation."
    stances = _stances(text)
    assert _has(stances, "oliver-grant", "oppose", "retaliat")
    assert not _has(stances, "oliver-grant", "support", "retaliat")


def test_urging_someone_to_stop_buying_opposes_the_purchase() -> None:
    text = "Trade adviser Paul Norton on Monday urged New Delhi to stop buying Russian oil."
    assert _has(_stances(text), "paul-norton", "oppose", "russian oil")


def test_pushing_for_the_removal_of_tariffs_opposes_them() -> None:
    text = "Trade Minister Dan Ferris said Australia would continue to push for the removal of the tariffs."
    stances = _stances(text)
    assert _has(stances, "dan-ferris", "oppose", "tariff")
    assert not _has(stances, "dan-ferris", "support", "tariff")


def test_a_tariff_that_is_a_tax_on_consumers_is_opposed() -> None:
    text = 'Its chief executive, Matthew Hale, said: "Tariffs are taxes paid by American consumers, full stop."'
    assert _has(_stances(text), "matthew-hale", "oppose", "tariff")


def test_a_call_backed_by_someone_is_their_stance_too() -> None:
    text = (
        'Bernd Hoffmann, who chairs the committee, said: "We must use the instrument against these tariffs." '
        "Hoffmann's call was backed by Claire Dubois, who leads the liberal group."
    )
    stances = _stances(text)
    assert _has(stances, "bernd-hoffmann", "support", "instrument")
    assert _has(stances, "claire-dubois", "support", "instrument")


def test_a_tool_that_should_stay_in_the_drawer_is_not_wanted() -> None:
    text = "Director general Markus Brandt said the instrument should stay in the drawer."
    assert _has(_stances(text), "markus-brandt", "oppose", "instrument")


def test_an_object_it_stands_for_the_last_sentences_subject() -> None:
    text = (
        "The instrument allows the commission to restrict access to public procurement. "
        "Peter Lind, who chairs the committee, said the commission should be ready to trigger it."
    )
    assert _has(_stances(text), "peter-lind", "support", "instrument")


def test_a_but_clause_on_the_same_subject_makes_a_mixed_stance() -> None:
    text = "Union leader Gary Stone said the deal was welcome for car workers but did nothing for the steel industry."
    assert _has(_stances(text), "gary-stone", "mixed", "deal")


def test_a_decision_that_puts_things_at_risk_is_opposed() -> None:
    text = "Opposition spokesman Kevin Hale said the decision put the national herd at risk."
    assert _has(_stances(text), "kevin-hale", "oppose", "decision")


def test_what_a_hoped_for_action_is_meant_to_do_is_wished_too() -> None:
    text = (
        'Spokesman Li Wen said: "We hope the US side will work with China to honour its commitments and remove '
        'unreasonable restrictive measures."'
    )
    assert _has(_stances(text), "li-wen", "oppose", "restrictive measures")


def test_an_official_who_says_the_tariffs_are_working_supports_them() -> None:
    text = 'Treasury Secretary Paul Grant said: "The tariffs are leverage, and the leverage is working."'
    assert _has(_stances(text), "paul-grant", "support", "tariff")


def test_a_burden_said_to_fall_on_foreign_exporters_is_no_complaint() -> None:
    text = (
        'Commerce Secretary Alan Moss said: "These tariffs are working. The burden is falling on the '
        'foreign exporters, not on American families."'
    )
    stances = _stances(text)
    assert _has(stances, "alan-moss", "support", "tariff")
    assert not _has(stances, "alan-moss", "oppose", "tariff")


def test_a_tariff_called_a_tax_increase_on_consumers_is_opposed() -> None:
    text = 'Senator Ron Hale said the duties were "a tax increase on every American consumer."'
    assert _has(_stances(text), "ron-hale", "oppose", "tariff")


def test_the_anti_coercion_instrument_is_a_countermeasure() -> None:
    text = "Minister Anne Roux said the bloc should be ready to use its anti-coercion instrument."
    stances = _stances(text)
    assert _has(stances, "anne-roux", "support", "countermeasures")
    assert not any(a == "anne-roux" and "threats" in t for a, _, t in stances)


def test_a_proclaimed_tariff_is_the_proclaimers() -> None:
    text = "President John Carter on Monday proclaimed a 10 percent tariff on imported lumber."
    assert _has(_stances(text), "john-carter", "support", "tariff")


def test_refusing_to_answer_a_tariff_with_a_tariff_opposes_retaliation() -> None:
    text = (
        "Chile faces a 20% U.S. tariff on copper.\n\n"
        '"We will not answer a tariff with another tariff," Finance Minister Ana Robles said on Monday.'
    )
    stances = _stances(text)
    assert _has(stances, "ana-robles", "oppose", "retaliation")
    assert not _has(stances, "ana-robles", "support", "countermeasures")


def test_the_harm_of_going_without_a_deal_backs_the_deal_and_opposes_the_tariffs() -> None:
    text = (
        "Norway's salmon exporters face a 15% U.S. tariff.\n\n"
        '"Every month without an agreement costs us customers," said Ola Berg, head of the Seafood Council.'
    )
    stances = _stances(text)
    assert _has(stances, "ola-berg", "support", "deal")
    assert _has(stances, "ola-berg", "oppose", "tariff")


def test_a_policy_act_named_without_a_topic_word_is_the_storys_measure() -> None:
    text = (
        "Washington raised its tariff on Thai rice to 36%. Thai Prime Minister Anan Chai called the U.S. "
        'decision "deeply unfair" on Tuesday.'
    )
    assert _has(_stances(text), "anan-chai", "oppose", "tariff")


def test_welcoming_the_end_of_a_tax_opposes_the_tax() -> None:
    text = "Ottawa dropped its levy on streaming firms. Premier Ruth Kane welcomed the end of the streaming tax."
    assert _has(_stances(text), "ruth-kane", "oppose", "tax")


def test_an_angry_leader_naming_reciprocity_threatens_it_but_a_warning_business_does_not() -> None:
    leader = _stances(
        "Washington put a 40% tariff on Brazilian steel.\n\n"
        '"We will not accept being bullied. There will be reciprocity," President Luiz Inácio Lula da Silva said.'
    )
    assert _has(leader, "luiz-inacio-lula-da-silva", "support", "reciprocity")
    assert _has(leader, "luiz-inacio-lula-da-silva", "oppose", "tariff")
    business = _stances(
        "Washington put a 40% tariff on Brazilian steel.\n\n"
        '"Any retaliation would invite more damage to our exporters," said Rui Costa, director of the steel '
        "association."
    )
    assert not _has(business, "rui-costa", "support", "retaliation")


def test_calling_a_tariff_a_tax_or_warning_of_higher_prices_opposes_it() -> None:
    text = (
        "The 25% U.S. tariff on sofas took effect on Friday.\n\n"
        '"Tariffs on furniture are a tax that every family will notice," said economist Mara Lind. Retail '
        'chief Tom Reyes said: "Our shoppers will see higher prices by Christmas."'
    )
    stances = _stances(text)
    assert _has(stances, "mara-lind", "oppose", "tariff")
    assert _has(stances, "tom-reyes", "oppose", "tariff")


def test_a_fighting_chance_is_praise_and_exemptions_are_their_own_topic() -> None:
    text = (
        "The 30% U.S. tariff on imported cabinets took effect.\n\n"
        'Bill Hart, owner of Hart Cabinets in Ohio, said the tariffs gave local makers "a fighting chance" and '
        "that the firm would seek exemptions for hinges it cannot buy at home."
    )
    stances = _stances(text)
    assert _has(stances, "bill-hart", "support", "tariff")
    assert _has(stances, "bill-hart", "support", "exemption")


def test_a_plan_named_in_full_earlier_keeps_its_topic_but_an_unowned_decision_does_not_become_a_tariff() -> None:
    text = (
        "The White House unveiled a chip tariff plan on Monday. Adviser Mark Stone defended the plan on Tuesday.\n\n"
        "Canberra also lifted its ban on U.S. lamb. Farm leader Jo Hart said the decision was a mistake."
    )
    stances = _stances(text)
    assert _has(stances, "mark-stone", "support", "tariff")
    assert ("jo-hart", "oppose", "decision") in stances  # not "tariffs (decision)": whose decision is unsaid


def test_his_tariffs_are_his_and_a_duty_on_top_is_no_instrument_of_the_speaker() -> None:
    text = (
        "The court heard a challenge on Wednesday to whether President Donald Trump could impose his sweeping "
        '"reciprocal" tariffs.\n\n'
        '"We sold our last crates in May. With a 30 percent duty on top, there is no market left," said Anna Vos, '
        "a fruit grower."
    )
    stances = _stances(text)
    assert _has(stances, "donald-trump", "support", "tariff")
    assert not _has(stances, "anna-vos", "support", "countermeasures")


def test_raising_counter_tariffs_is_a_countermeasure_not_a_tariff_of_ones_own() -> None:
    text = (
        "Washington doubled its steel tariff to 50%.\n\n"
        "Premier Lea Kent said Ottawa should immediately raise its own counter-tariffs on American steel."
    )
    stances = _stances(text)
    assert _has(stances, "lea-kent", "support", "counter-tariffs")
    assert not _has(stances, "lea-kent", "support", "tariffs/duties")


def test_export_controls_are_a_measure_of_their_own() -> None:
    text = (
        "Beijing tightens rare-earth export controls.\n\n"
        "China's commerce ministry on Thursday expanded export controls on rare-earth magnets.\n\n"
        'Lena Fox, head of the European Chamber in Beijing, said members faced "significant disruption".'
    )
    stances = _stances(text)
    assert any(a in ("commerce-ministry", "chn") and s == "support" and "export control" in t for a, s, t in stances)
    assert _has(stances, "lena-fox", "oppose", "export control")


def test_quotas_and_safeguards_are_a_measure_of_their_own() -> None:
    text = (
        "Brussels halves its steel import quota.\n\n"
        'Trade Commissioner Maria Jensen said on Monday that the new quota was "a necessary shield" for European mills.'
    )
    assert _has(_stances(text), "maria-jensen", "support", "quota")


def test_ruling_out_retaliation_or_preferring_aid_to_countermeasures_opposes_them() -> None:
    text = (
        "Washington raised its tariff on Norwegian salmon to 30%.\n\n"
        "Prime Minister Jonas Gahr Store has ruled out retaliating against the tariff. Premier Anne Berg urged "
        "Oslo to spend on support for fishermen rather than new countermeasures."
    )
    stances = _stances(text)
    assert not any(s == "support" and "countermeasures" in t for _, s, t in stances)
    assert _has(stances, "anne-berg", "oppose", "countermeasures")


def test_two_leaders_announcing_a_deal_both_back_it_and_a_hailed_phrase_is_the_hailers() -> None:
    text = (
        "Washington and Brussels strike a tariff deal.\n\n"
        "President Donald Trump and Commission President Ursula von der Leyen announced the framework deal on "
        'Sunday. Trump hailed "the best deal in years," while von der Leyen said it brought "stability".'
    )
    data = extract_text(text, published=PUBLISHED)
    stances = {(p["actor"], p["stance"], p["topic"]) for p in data["positions"]}
    assert _has(stances, "donald-trump", "support", "deal")
    assert _has(stances, "ursula-von-der-leyen", "support", "deal")
    assert next(q for q in data["quotes"] if q["text"].startswith("the best deal"))["speaker"] == "donald-trump"
    rate = _stances(
        "Indonesia's tariff is now 19%, down from the 32 percent threatened by President Donald Trump in April. "
        "Exporters said the tariff still hurts."
    )
    assert _has(rate, "donald-trump", "support", "tariff")


def test_an_official_of_the_imposing_government_speaks_for_its_measure() -> None:
    text = (
        "Washington's 100% tariff on imported chips takes effect.\n\n"
        "President Donald Trump imposed the tariff on Monday. Press Secretary Karen Holt told reporters that "
        '"more than 20 companies" had applied to build plants. Senator Ann Kerr said the tariff would hurt families.'
    )
    stances = _stances(text)
    assert _has(stances, "karen-holt", "support", "tariff")
    assert not _has(stances, "ann-kerr", "support", "tariff")


def test_a_thing_tariffs_only_qualify_is_a_topic_of_its_own():
    stances = _stances(
        "Trump promises tariff payments.\n\n"
        "Senator Josh Hawley backed the tariff dividend on Monday, and Senator Ann Kerr backed the steel tariffs."
    )
    assert ("josh-hawley", "support", "tariff dividend") in stances
    assert _has(stances, "ann-kerr", "support", "tariffs/duties")


def test_a_deal_the_story_names_is_named_in_the_topic():
    stances = _stances(
        "Farmers protest as Brussels backs trade pact\n\n"
        "The European Commission on Wednesday sent the EU-Mercosur partnership agreement to member states. "
        'French Agriculture Minister Annie Genevard said the deal was "unacceptable" for farmers.'
    )
    assert any(a == "annie-genevard" and s == "oppose" and "EU-Mercosur" in t for a, s, t in stances)


def test_an_agreement_that_validates_confidence_or_clears_a_hurdle_is_welcomed() -> None:
    stances = _stances(
        "SEOUL — South Korea and the United States reached a trade deal on Wednesday.\n\n"
        'Hyundai Motor said in a statement that the agreement "validates our unwavering confidence in the US market."'
    )
    assert _has(stances, "hyundai-motor", "support", "deal")


def test_an_opposition_leader_quoted_opposes_the_government() -> None:
    text = (
        "Prime Minister Andrew Holness said the government would seek talks with Washington on the 10 per cent "
        'tariff. Opposition Leader Mark Golding said: "The Government has been caught napping. They knew this was '
        'coming and said nothing."'
    )
    stances = _stances(text)
    assert _has(stances, "mark-golding", "oppose", "government")
    assert not _has(stances, "andrew-holness", "oppose", "government")


@pytest.mark.parametrize(
    ("quote", "stance"),
    [
        ("On our numbers the tariff knocks something like NZ$500 million off exports over a year.", "neutral"),
        ("A 100-percent tariff will not rebuild an industry. It will only raise the price of every phone.", "oppose"),
        ("Tariffs on big-ticket items like a sofa are a tax that families will notice right away.", "oppose"),
    ],
)
def test_an_economist_who_sizes_a_tariffs_cost_describes_it(quote: str, stance: str) -> None:
    text = (
        "President Donald Trump said on Monday the tariffs would protect American jobs. "
        f'"{quote}" said Sophie Lam, chief economist at Harbourline Securities.'
    )
    assert _has(_stances(text), "sophie-lam", stance, "tariff")


def test_a_business_the_tariff_hits_speaks_against_it() -> None:
    text = (
        "US President Donald Trump said the 50 per cent tariff on Australian aluminium was needed to protect "
        "American jobs. Fiona Gallagher, managing director of Melbourne-based extruder Southern Cross Extrusions, "
        'said about 30 per cent of its sales went to builders in California. "At 50 per cent, our customers in '
        'California will simply buy from someone else," Gallagher said.'
    )
    assert _has(_stances(text), "fiona-gallagher", "oppose", "tariff")


@pytest.mark.parametrize(
    ("text", "actor", "stance", "key"),
    [
        (
            "Hong Kong will not impose retaliatory tariffs on American goods, Chief Executive John Lee has said.",
            "john-lee",
            "oppose",
            "countermeasures",
        ),
        (
            "In the letter, President Donald Trump said trade had been one-sided and warned Pretoria against "
            "retaliating.",
            "donald-trump",
            "oppose",
            "countermeasures",
        ),
        (
            '"A 15% tariff is still a tax on Belgian exporters. Companies needed clarity, but they did not get a '
            'good deal," FEB CEO Pieter Timmermans said.',
            "pieter-timmermans",
            "oppose",
            "deal",
        ),
        (
            '"A 15% tariff is still a tax on Belgian exporters," FEB CEO Pieter Timmermans said.',
            "pieter-timmermans",
            "oppose",
            "tariffs",
        ),
        (
            "Industry chamber president Fathi Jaghbir said the sector would continue to press for a return to zero "
            "tariffs.",
            "fathi-jaghbir",
            "oppose",
            "tariffs",
        ),
    ],
)
def test_refused_warned_against_called_a_tax_or_wanted_at_zero(text: str, actor: str, stance: str, key: str) -> None:
    assert _has(_stances(text), actor, stance, key)


def test_welcoming_the_rate_a_deal_struck_set_backs_the_deal():
    text = (
        "Pakistan and the United States signed a trade agreement on Thursday that sets a 19% tariff on Pakistani "
        'goods. "The 19% rate is a great outcome for our exporters and gives them a fair shot," Finance Minister '
        "Muhammad Aurangzeb said."
    )
    assert _has(_stances(text), "muhammad-aurangzeb", "support", "deal")


def test_quoted_words_do_not_judge_a_topic_across_a_but():
    text = (
        'Prime Minister Christopher Luxon said the 15% tariff outcome was "not the result we wanted", but that the '
        "Government would stay calm and keep talking to Washington."
    )
    stances = _stances(text)
    assert _has(stances, "christopher-luxon", "oppose", "tariffs")
    assert not _has(stances, "christopher-luxon", "oppose", "negotiations")


def test_a_party_leader_who_blames_the_government_opposes_it():
    text = (
        'Labour leader Chris Hipkins said the Government had been caught flat-footed. "Australia managed to hold the '
        'line at 10%. Our Government has some explaining to do," he said.'
    )
    assert _has(_stances(text), "chris-hipkins", "oppose", "government")


def test_a_tariff_called_unjustifiable_is_opposed():
    text = 'President Luiz Inácio Lula da Silva again called the tariff "unjustifiable" on Wednesday.'
    assert _has(_stances(text), "luiz-inacio-lula-da-silva", "oppose", "tariffs")


def test_a_firm_at_home_that_complains_of_costs_opposes_its_own_governments_tariff():
    text = (
        "President Donald Trump said the 50% steel tariff would bring mills back to America. Dave Mrozek, president "
        "of Chicago-based Midway Wire & Spring, said his steel supplier had raised prices twice in April and that the "
        "extra costs were hurting his business."
    )
    assert _has(_stances(text), "dave-mrozek", "oppose", "tariffs")


def test_a_chambers_economist_and_a_firm_that_cannot_absorb_the_cost_oppose_the_tariff():
    text = (
        "US President Donald Trump said the 30% tariff on South Africa was fair. Wandile Sihlobo, chief economist at "
        'the Agricultural Business Chamber, said: "Losing the market at 30% while our competitors pay 10% will hurt." '
        'Pankaj Bedi, chairman of the textile sector at the Kenya Association of Manufacturers, said: "Nobody in this '
        'industry can absorb a 20 percent cost increase for more than a few weeks."'
    )
    stances = _stances(text)
    assert _has(stances, "wandile-sihlobo", "oppose", "tariffs")
    assert _has(stances, "pankaj-bedi", "oppose", "tariffs")
