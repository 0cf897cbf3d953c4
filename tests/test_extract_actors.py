"""People the extractor finds: names, titles, countries."""

from __future__ import annotations

from analysis.extract import extract_text


def _people(data: dict) -> dict[str, dict]:
    return {a["name"]: a for a in data["actors"] if a["kind"] == "person"}


def _quote(data: dict, start: str) -> dict:
    return next(q for q in data["quotes"] if q["text"].startswith(start))


def test_korean_given_name_after_family_name():
    data = extract_text(
        "Steelmakers are worried.\n\nChang In-hwa, chairman of POSCO Holdings, said the industry faced cheap "
        'imports.\n\n"We are being squeezed from both sides," Chang said.'
    )
    people = _people(data)
    assert "Chang In-hwa" in people
    assert _quote(data, "We are being squeezed")["speaker"] == "chang-in-hwa"


def test_unvouched_person_with_who_clause_and_given_name_country():
    data = extract_text(
        "Soybean prices fell.\n\nRobb Ewoldt, who farms near Davenport, said storage bins across the US Midwest were full. "
        '"Every week without China is money out of our pockets," Ewoldt said.\n\n'
        "Chad Hart, an agricultural economist at Iowa State University, said acreage had expanded."
    )
    people = _people(data)
    assert {"Robb Ewoldt", "Chad Hart"} <= set(people)
    assert not any(a["id"] == "tcd" for a in data["actors"])
    assert "University" not in people
    assert people["Robb Ewoldt"]["country"] == "USA"  # a country inside the quote says nothing of him


def test_title_after_quote_ending_in_an_acronym():
    data = extract_text(
        "Singapore exporters are calm.\n\n"
        '"Most firms have already invested in the US," said Selena Ling, chief economist at OCBC. '
        '"The bigger risk is new investment."'
    )
    person = _people(data)["Selena Ling"]
    assert person["title"] == "chief economist at OCBC"
    assert person["country"] == "SGP"


def test_secretary_general_is_a_title():
    data = extract_text(
        "Steel exporters are worried.\n\n"
        '"The rate is a wall," said Veysel Yayan, secretary-general of the Turkish Steel Producers Association.'
    )
    assert _people(data)["Veysel Yayan"]["title"].startswith("secretary-general")


def test_general_secretary_to_lam():
    data = extract_text(
        "Vietnam got a deal.\n\nGeneral Secretary To Lam and U.S. President Donald Trump agreed on a framework "
        "in a phone call on Wednesday. Lam asked the U.S. to recognize Vietnam as a market economy."
    )
    assert "To Lam" in _people(data)


def test_outlet_named_after_a_country_is_where_the_story_is_told_from():
    data = extract_text(
        "Buenos Aires Times\n\nPeso rallies as swap nears\n\n"
        "The United States and Argentina are close to a swap deal, officials in Washington said on Thursday.\n\n"
        'Economist Martín Rapetti said the swap bought time. "The peso is still overvalued," Rapetti said.'
    )
    assert _people(data)["Martín Rapetti"]["country"] == "ARG"


def test_a_senator_in_a_story_told_from_manila_is_not_a_us_senator():
    data = extract_text(
        "MANILA — The Philippines will pay a 19 percent tariff on its exports to the United States.\n\n"
        'Senator Risa Hontiveros called the agreement "lopsided" and asked the Senate to review it.'
    )
    assert _people(data)["Risa Hontiveros"]["country"] == "PHL"


def test_a_programme_acronym_is_not_a_person():
    data = extract_text(
        "Garment makers are laying off workers.\n\nKenyan exporters lost duty-free access after the African Growth "
        'and Opportunity Act (Agoa) expired. "Without Agoa we are simply not competitive," Lee Kinyanjui said. '
        "Canada wants the USMCA reviewed, and Agoa may yet be renewed, he added."
    )
    people = _people(data)
    assert "Lee Kinyanjui" in people
    assert not any("Agoa" in n or "USMCA" in n for n in people)


def test_an_acronym_the_text_defines_is_not_a_person():
    data = extract_text(
        "Exporters are worried.\n\nThe Pan Regional Textile Association (Prata) said orders fell. "
        '"Prata has asked for help," its chairman, John Mwangi, said.'
    )
    people = _people(data)
    assert "John Mwangi" in people
    assert "Prata" not in people


def test_a_byline_writer_is_not_a_person():
    data = extract_text(
        "India hits back over tariffs\nWritten by Ravi Dutta Mishra\n\n"
        'India called the tariff unfair. "We will protect our interests," spokesperson Randhir Jaiswal said.'
    )
    people = _people(data)
    assert "Randhir Jaiswal" in people
    assert "Ravi Dutta Mishra" not in people


def test_companies_listed_together_and_a_town_are_not_persons():
    data = extract_text(
        "Smelters are bracing for a long fight.\n\nAlcoa, Rio Tinto and Alouette employ about 30,000 people "
        "in the province. Smelter towns are already feeling it. In Baie-Comeau, the mayor said orders had "
        'dropped. "We need help now," Quebec Economy Minister Christopher Skeete said.'
    )
    people = _people(data)
    assert "Christopher Skeete" in people
    assert "Rio Tinto" not in people and "Baie-Comeau" not in people


def test_a_province_named_in_a_title_is_no_mention_of_another_country():
    data = extract_text(
        "Lumber mills are worried.\n\n"
        'British Columbia Premier David Eby called the tariff "an attack on the families who work in our mills."'
    )
    person = _people(data)["David Eby"]
    assert person["title"] == "British Columbia Premier"
    assert person["country"] == "CAN"
    assert not any(a["id"] == "gbr" for a in data["actors"])


def test_affiliation_in_brackets_and_a_post_named_after_its_body():
    data = extract_text(
        "Canadian lumber faces a new duty.\n\n"
        "The case for (William Reinsch, CSIS)\n\n"
        "A modest lumber tariff is defensible, and Canadian provinces set stumpage fees far below market rates.\n\n"
        "The US Lumber Coalition, which represents American sawmills, welcomed the duty. "
        '"This is a long overdue step," coalition chairman Andrew Miller said.'
    )
    people = _people(data)
    assert people["William Reinsch"]["country"] == "USA"
    assert people["Andrew Miller"]["country"] == "USA"


def test_abbreviated_and_post_positive_titles():
    data = extract_text(
        "Governors and business groups reacted.\n\n"
        'Minnesota Gov. Tim Walz said the tariffs were "a self-inflicted wound." '
        "BusinessEurope director general Markus Beyrer said the bloc should avoid a spiral. "
        'Green MEP Yannick Jadot said the Commission was "caving before a single shot has been fired."'
    )
    people = _people(data)
    assert people["Tim Walz"]["title"] == "Minnesota Gov."
    assert people["Markus Beyrer"]["title"] == "BusinessEurope director general"
    assert "Yannick Jadot" in people


def test_clock_times_in_a_local_zone_tell_where_the_story_is_told_from():
    data = extract_text(
        "Wool exporters brace for slower orders\n\n"
        "Wool exporters will keep lobbying Washington over the 10 per cent US tariff, the industry said on Monday.\n\n"
        "Wool Council chair Margaret Doyle said growers had lost two buyers in a month. "
        '"We cannot keep absorbing this," Ms Doyle said.\n\n'
        "The index of wool prices fell 2 per cent by 4:30pm AEST.\n"
    )
    assert _people(data)["Margaret Doyle"]["country"] == "AUS"
    assert data["article"]["timezone"].startswith("Australia/")


def test_a_name_after_a_body_noun_and_a_show_after_an_outlet_are_no_persons():
    data = extract_text(
        "Cement makers fear the levy.\n\n"
        "Sales abroad fell 12% in July, the national cement federation Cemexa said, adding that he would know.\n\n"
        '"We will not wait for Washington," Finance Minister Ana Ruiz told the BBC\'s "Morning Ledger." '
        'Ruiz repeated the point on "Morning Ledger" a day later.'
    )
    people = _people(data)
    assert "Cemexa" not in people and "Morning Ledger" not in people
    assert any(a["name"] == "Cemexa" and a["kind"] == "organization" for a in data["actors"])
    assert any(a["name"] == "Morning Ledger" and a["kind"] == "media" for a in data["actors"])
    assert not [q for q in data["quotes"] if q["text"].startswith("Morning Ledger")]


def test_treasurer_researcher_and_a_gerund_after_a_possessive_in_titles():
    data = extract_text(
        "CANBERRA — Budget forecasts were cut on Tuesday.\n\n"
        "Treasurer Anna Whitlow said growth would slow. Shadow Treasurer Ben Kerr said the cut came too late.\n\n"
        "Liu Meixin, a researcher at the Institute of World Trade, said exports would recover. "
        "Kenji Mori, head of the bank's lending division, said demand for credit was weak.\n"
    )
    people = _people(data)
    assert people["Anna Whitlow"]["title"] == "Treasurer"
    assert people["Ben Kerr"]["title"] == "Shadow Treasurer"
    assert people["Liu Meixin"]["title"].startswith("researcher at")
    assert people["Kenji Mori"]["title"] == "head of the bank's lending division"


def test_a_minister_also_called_senator_co_anchor_and_a_zone_are_read_right():
    data = extract_text(
        "PERTH — Exporters want a better deal.\n\n"
        "Resources Minister Kate Mullins said the levy was unfair. Senator Mullins told the Senate it would hurt "
        "miners.\n\n"
        "Asked by co-anchor Dana Reyes about prices, the minister said they would rise. "
        "The dollar was steady at 10:00am AEST.\n"
    )
    people = _people(data)
    assert people["Kate Mullins"]["country"] == "AUS"
    assert people["Dana Reyes"]["title"] == "co-anchor"
    assert not any(a["name"] == "AEST" for a in data["actors"])


def test_prices_in_a_local_currency_tell_where_the_story_is_told_from():
    data = extract_text(
        "Potters count the cost of the US levy\n\n"
        "Potters in Stoke exported £85m of tableware to the US last year, and the new duty will cost them £12m, "
        "the trade body said.\n\n"
        "Margaret Hale, director of the Ceramics Guild, said members were cutting shifts. Trump said the duty "
        "would protect American workers, and the US commerce department said the levy would start in May.\n"
    )
    assert _people(data)["Margaret Hale"]["country"] == "GBR"


def test_titles_in_full_around_names() -> None:
    """A portfolio after "Minister of" is the title's; "managing director", "director general" and "ambassador to"
    are titles; a company after "-based" is no person."""
    data = extract_text(
        "Exporters brace for tariffs.\n\n"
        "Minister of Industry and Trade Tran Van Minh on Monday told exporters to check their papers. "
        "Its director general, Ajit Rao, said orders had stopped. Priya Shah, managing director of Pune-based "
        "Lotus Looms, said buyers had left. The U.S. ambassador to India, Paul Grant, said talks would go on."
    )
    people = _people(data)
    assert "Tran Van Minh" in people and not any("Industry" in a["name"] for a in data["actors"])
    assert people["Ajit Rao"]["title"] == "director general"
    assert people["Priya Shah"]["title"].startswith("managing director")
    assert "Lotus Looms" not in people
    assert people["Paul Grant"]["title"] == "U.S. ambassador to India"


def test_chief_financial_officer_is_a_title_not_part_of_a_name():
    data = extract_text(
        "Carmakers cut forecasts.\n\nMazuri Motors Chief Financial Officer Ken Aoyama told reporters the levy "
        "would cost the company 90 billion yen this year.\n"
    )
    people = _people(data)
    assert "Ken Aoyama" in people and people["Ken Aoyama"]["title"].endswith("Chief Financial Officer")


def test_academic_legal_and_business_posts_and_a_venue_city_is_no_side():
    data = extract_text(
        "BEIJING — Economists weighed the truce on Monday.\n\n"
        "Solicitor General Mara Quist told the court the duties were lawful. Tomas Reyes, the lawyer for the "
        "importers, disagreed. Lin Qiao, dean of the School of Economics at Fudan University, said the Paris "
        "meeting between the two sides showed goodwill. Wu Haoran, general manager of a lamp maker in Ningbo, "
        "said orders were back.\n"
    )
    people = _people(data)
    assert people["Mara Quist"]["title"] == "Solicitor General"
    assert people["Tomas Reyes"]["title"].startswith("lawyer")
    assert people["Lin Qiao"]["title"].startswith("dean of")
    assert people["Lin Qiao"]["country"] == "CHN"
    assert people["Wu Haoran"]["title"].startswith("general manager")


def test_its_chairman_belongs_to_the_body_named_in_the_sentence_before():
    data = extract_text(
        "BEIJING — Foreign firms reacted on Monday.\n\n"
        "Meanwhile, the Canadian Business Council in China said its members were relieved. Its chairman, "
        "Owen Marsh, said firms wanted a lasting deal.\n"
    )
    assert _people(data)["Owen Marsh"]["country"] == "CAN"


def test_one_mention_of_the_home_country_as_an_object_does_not_veto_it():
    data = extract_text(
        "OTTAWA — Steelmakers welcomed the move.\n\n"
        "Mexico and the United States were not consulted. Industry Minister Anne Roy announced quotas on "
        "steel from countries without trade agreements with Canada.\n"
    )
    assert _people(data)["Anne Roy"]["country"] == "CAN"


def test_a_double_post_joined_by_and_and_the_taoiseach_from_the_leaders_table():
    data = extract_text(
        "DUBLIN — Ministers met exporters.\n\n"
        "Tánaiste and Minister for Enterprise Niamh Byrne said firms would get help. Micheál Martin said the "
        "Government would keep talking to Washington.\n"
    )
    people = _people(data)
    assert people["Niamh Byrne"]["title"] == "Tánaiste and Minister for Enterprise"
    assert people["Micheál Martin"]["title"] == "Taoiseach"


def test_a_province_owned_minister_of_x_and_a_long_apposition_cut_at_who():
    data = extract_text(
        "TORONTO — Provinces counted the cost.\n\n"
        "Ontario's Minister of Energy, Paul Verner, said power exports would fall. Rosa Lindqvist-Amaral, the "
        "deputy premier who also runs the trade file and has handled the province's talks with American "
        "governors for two years, said talks would go on.\n"
    )
    people = _people(data)
    assert people["Paul Verner"]["title"] == "Minister of Energy"
    assert people["Paul Verner"]["country"] == "CAN"
    assert people["Rosa Lindqvist-Amaral"]["title"] == "deputy premier"


def test_a_country_opening_a_post_set_off_before_a_name_is_the_persons():
    data = extract_text(
        "CANBERRA — Beef exporters cheered on Friday.\n\n"
        "The ministers met in Canberra. The US Agriculture Secretary, Mona Feld, welcomed the decision as "
        '"a good start" for Australian ranchers.\n'
    )
    assert _people(data)["Mona Feld"]["country"] == "USA"


def test_a_secretary_for_a_portfolio_before_a_name_speaks_as_that_person() -> None:
    data = extract_text(
        "Hong Kong exporters hit.\n\nSecretary for Commerce and Economic Development Alan Wong Ka-ming said the "
        "city’s government “firmly opposes” the move."
    )
    assert "Alan Wong Ka-ming" in _people(data)
    assert not any("Commerce" in a["name"] for a in data["actors"] if a["kind"] == "person")
    assert _quote(data, "firmly opposes")["speaker"] == "alan-wong-ka-ming"


def test_plans_places_of_firms_and_photo_credits_are_no_people() -> None:
    data = extract_text(
        "Mexico raises tariffs.\n\nCommerce Secretary Ana Ruiz. File | Photo Credit: Reuters\n\n"
        "Economy Minister Ana Ruiz said the measure was part of Plan Sonora. Kwai Chung-based exporter Tom Lee said orders fell."
    )
    people = _people(data)
    assert "Ana Ruiz" in people
    assert not any(n in people for n in ("Plan Sonora", "Photo Credit", "Kwai Chung-based"))
    assert any("Photo Credit" in r for r in data["article"]["removed"])


def test_an_english_name_before_a_cantonese_name_is_called_by_the_family_name() -> None:
    data = extract_text(
        "Exporters hit.\n\nCheryl Kwok Hoi-ling, founder of a phone-case brand, said orders had dropped.\n\n"
        "“My customers will not pay more,” Kwok said."
    )
    assert _quote(data, "My customers")["speaker"] == "cheryl-kwok-hoi-ling"


def test_a_state_written_without_its_diacritics_is_no_person() -> None:
    data = extract_text("Exporters in Tamil Nadu fear the tariff.\n\nTamil Nadu said on Monday it would help mills.")
    assert "Tamil Nadu" not in _people(data)


def test_with_no_dateline_the_country_whose_posts_go_unqualified_is_home():
    from analysis.extract import extract_text

    data = extract_text(
        "US cuts tariff on Bangladesh to 20%\n\n"
        "The US has set a 20 percent tariff on Bangladeshi goods, down from the 35 percent the US had threatened.\n\n"
        "The rate was announced in an order signed by US President Donald Trump on Thursday, hours after talks in "
        "Washington. In a letter to Chief Adviser Muhammad Yunus, he had lowered the rate to 35 percent.\n\n"
        "Bangladesh will buy more US wheat, and Bangladesh exporters were relieved."
    )
    people = {a["name"]: a["country"] for a in data["actors"] if a["kind"] == "person"}
    assert people["Muhammad Yunus"] == "BGD"
    assert people["Donald Trump"] == "USA"


def test_a_post_of_a_ministry_or_body_set_off_before_the_name_is_the_title_and_a_demonym_after_is_no_region():
    from analysis.extract import extract_text

    data = extract_text(
        "The Minister of Industry, Trade and Investment, Jumoke Oduwole, told journalists in Abuja on Thursday that "
        "talks had begun. Under the tariff regime of US President Donald Trump, Nigerian goods now attract a duty. "
        "The Director-General of the Lagos Chamber of Commerce and Industry (LCCI), Chinyere Almona, backed calls "
        "for Washington to restore AGOA."
    )
    titles = {a["name"]: a["title"] for a in data["actors"] if a["kind"] == "person"}
    assert titles["Jumoke Oduwole"] == "Minister of Industry, Trade and Investment"
    assert titles["Chinyere Almona"].startswith("Director-General of the Lagos Chamber")
    assert "Donald Trump" in titles


def test_parties_firms_posts_and_bodies_named_like_people_are_no_people() -> None:
    people = _people(
        extract_text(
            "Sinn Féin's finance spokesperson Pearse Doherty said the Government was caught flat-footed. "
            "Delta Galil, which makes underwear for US retailers, tumbled 9.4%. Oil major Rosneft rose 5.9%, Lukoil "
            "added 4.8% on the day. Crown Prince and Prime Minister Mohammed bin Salman told Trump in a call that "
            "trade would grow. Minister Liu Chin-ching told lawmakers at the Legislative Yuan that TSMC qualified, "
            "according to Cox Automotive chief economist Jonathan Smoke. Speaking in Prince George, Premier David "
            "Eby said the duties were unjustified."
        )
    )
    assert {"Pearse Doherty", "Mohammed bin Salman", "Liu Chin-ching", "Jonathan Smoke", "David Eby"} <= set(people)
    for name in ("Sinn Féin", "Delta Galil", "Lukoil", "Crown Prince", "Yuan", "Cox Automotive", "George"):
        assert name not in people


def test_a_body_spelled_out_before_its_acronym_is_one_actor_known_by_both() -> None:
    data = extract_text(
        "The Pharmaceutical Research and Manufacturers of America (PhRMA), the industry's main lobby group, said "
        "tariffs were the wrong tool. PhRMA has warned before. General Motors said the costs were rising, and "
        "GM expects more."
    )
    orgs = {a["id"]: a for a in data["actors"] if a["kind"] == "organization"}
    assert orgs["phrma"]["name"] == "Pharmaceutical Research and Manufacturers of America"
    assert orgs["phrma"]["mentions"] >= 3
    assert orgs["gm"]["name"] == "General Motors"
    assert not {"pharmaceutical-research", "manufacturers-of-america", "general-motors"} & set(orgs)


def test_a_headline_in_title_case_names_no_one_after_a_post_and_a_minister_brings_his_government() -> None:
    data = extract_text(
        "Intel Slides After the President Demands Its CEO Quit\n\n"
        "Intel shares fell 3% on Thursday, analyst Jane Moss said in an interview on CNBC's Squawk Box. "
        "In Mexico City, Economy Minister Marcelo Ebrard said his government would seek an exemption."
    )
    people = _people(data)
    assert "Quit" not in people and "Squawk Box" not in people
    kinds = {a["id"]: a["kind"] for a in data["actors"]}
    assert kinds.get("squawk-box") == "media"
    assert people["Marcelo Ebrard"]["country"] == "MEX" and kinds.get("mex") == "government"


def test_a_bodys_name_the_parser_cuts_at_and_is_one_body() -> None:
    data = extract_text(
        "The Vietnam Textile and Apparel Association said in a statement that the 20% rate would keep garments "
        "competitive."
    )
    names = {a["name"] for a in data["actors"] if a["kind"] == "organization"}
    assert "Vietnam Textile and Apparel Association" in names
    assert "Apparel Association" not in names


def test_joint_posts_and_a_firms_customers_say_nothing_of_its_manager() -> None:
    people = _people(
        extract_text(
            "NAIROBI — In January, Crown Prince and Prime Minister Mohammed bin Salman told Trump in a phone call "
            "that trade would grow. Hitesh Mehta, managing director of Savanna Apparel EPZ Ltd, which makes jeans "
            "for American retailers, said the company had orders up to December."
        )
    )
    assert people["Mohammed bin Salman"]["title"] == "Crown Prince and Prime Minister"
    assert people["Hitesh Mehta"]["country"] == "KEN"


def test_a_post_set_off_before_a_name_with_its_form_of_address():
    data = extract_text(
        "Speaking in Abuja on Monday, the Minister of Finance and Coordinating Minister of the Economy, Mr Wale "
        "Edun, said the shock was real. The Governor of the Central Bank of Nigeria, Mr Olayemi Cardoso, said "
        "reserves were adequate. The Manufacturers Association of Nigeria said in a statement signed by its "
        "Director-General, Segun Ajayi-Kadir, that the government should respond by cutting costs rather than "
        "“adopting a tit-for-tat approach”."
    )
    people = _people(data)
    assert people["Wale Edun"]["title"] == "Minister of Finance and Coordinating Minister of the Economy"
    assert people["Olayemi Cardoso"]["title"] == "Governor of the Central Bank of Nigeria"
    assert "Segun Ajayi-Kadir" in people
    assert _quote(data, "adopting")["speaker"] in ("manufacturers-association-of-nigeria", "man")


def test_plants_and_plans_named_like_people_and_the_president_is_not_the_vice_president():
    data = extract_text(
        "President Luiz Inácio Lula da Silva signed on Wednesday a measure creating the Brasil Soberano (Sovereign "
        "Brazil) plan. Trump spoke at U.S. Steel's Irvin Works in Pennsylvania. The president again called the "
        'tariff "unjustifiable". Vice President Geraldo Alckmin said exports would be protected.'
    )
    people = _people(data)
    assert "Irvin Works" not in people and "Brasil Soberano" not in people
    assert _quote(data, "unjustifiable")["speaker"] == people["Luiz Inácio Lula da Silva"]["id"]


def test_titles_from_the_same_sentence_only_and_not_from_where_someone_stands():
    data = extract_text(
        "The levy on cars came into force in April. Its CEO, Mikel Mabasa, said plants were reviewing schedules. "
        "Gov. JB Pritzker, a frequent critic of the president's trade policies, said Tuesday that families would "
        "pay. Chairperson of the Indonesian Employers Association (Apindo) Shinta W. Kamdani said industries were "
        "exposed."
    )
    people = _people(data)
    assert people["Mikel Mabasa"]["title"] == "CEO"
    assert people["JB Pritzker"]["title"] == "Gov."
    assert people["Shinta W. Kamdani"]["title"] == "Chairperson of the Indonesian Employers Association (Apindo)"


def test_a_form_of_address_opens_the_name_after_a_post_and_the_post_alone_is_its_holder():
    data = extract_text(
        "His Highness the Amir Sheikh Tamim bin Hamad al-Thani and US President Donald Trump attended the signing. "
        '"Today we are taking our relationship to another level," the Amir said. Bank of Israel Governor Amir Yaron '
        "said rates would hold."
    )
    people = _people(data)
    assert "Amir Sheikh" not in people and "Amir Yaron" in people
    amir = people["Tamim bin Hamad al-Thani"]
    assert (amir["title"], amir["country"]) == ("Amir", "QAT")
    assert _quote(data, "Today we are")["speaker"] == amir["id"]


def test_an_index_keeps_its_providers_name_and_adds_the_storys():
    data = extract_text(
        "The 20-stock Qatar Index rose 58.21 points, or 0.56%, to close at 10,491.37. In Tokyo the Nikkei stock index "
        "fell 1%. The Stock Exchange of Thailand (SET) index rose 18.46 points."
    )
    names = {a["id"]: a["name"] for a in data["actors"] if a["kind"] == "market_index"}
    assert names["qe-index"] == "QE Index (Qatar Index)"
    assert names["nikkei-225"] == "Nikkei 225"
    assert "set-index" in names


def test_bodies_named_in_their_own_language_are_not_people():
    data = extract_text(
        'The industry body Consejo Minero said the exemption was "good news". Svenskt Näringsliv, the Swedish '
        "employers' confederation, said exporters would suffer."
    )
    people = _people(data)
    assert "Consejo Minero" not in people and "Svenskt Näringsliv" not in people


def test_a_firms_officer_belongs_to_the_firms_country_and_its_figures_stay_the_firms():
    data = extract_text(
        "Boeing CEO Kelly Ortberg said on Wednesday that customers in China had stopped taking delivery of "
        "aircraft. Boeing reported revenue of $19.5 billion."
    )
    assert _people(data)["Kelly Ortberg"]["country"] == "USA"
    assert next(f for f in data["figures"] if f["value"] == 19.5e9)["subject"] == "boeing"
