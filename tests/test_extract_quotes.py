"""Quotes: what counts as one and who said it."""

from __future__ import annotations

from analysis.extract import extract_text


def _quote(data: dict, start: str) -> dict:
    return next(q for q in data["quotes"] if q["text"].startswith(start))


def test_quote_paragraph_continues_previous_speaker_and_the_president_is_the_one_named():
    data = extract_text(
        "Indonesia got a deal.\n\n"
        '"We negotiated for three months," Minister Airlangga Hartarto told reporters on Wednesday.\n\n'
        '"Now we will continue talks on palm oil and coffee."\n\n'
        "President Prabowo Subianto struck the deal with US President Donald Trump on Tuesday.\n\n"
        'Prabowo, speaking in Brussels, said he bargained hard. "I told him our people are watching," the '
        "President recalled."
    )
    assert _quote(data, "Now we will continue")["speaker"] == "airlangga-hartarto"
    assert _quote(data, "I told him")["speaker"] == "prabowo-subianto"


def test_scare_quotes_are_not_quotes_but_echoes_are():
    data = extract_text(
        "Turkey avoided the worst.\n\n"
        'Türkiye has so far avoided the highest "reciprocal" rates, facing the 10pc "baseline" tariff since April.\n\n'
        'Trump said Mexico had not stopped fentanyl. The 30% rate replaces the 25% "fentanyl" tariff.'
    )
    texts = [q["text"] for q in data["quotes"]]
    assert "reciprocal" not in texts and "baseline" not in texts
    assert "fentanyl" in texts


def test_presidency_speaks_as_a_body():
    data = extract_text(
        "South Africa was hit.\n\n"
        'In a statement on Thursday, the presidency described the tariff as "unilateral" and said it was '
        '"not based on an accurate reflection of the trade relationship".'
    )
    assert _quote(data, "unilateral")["speaker"] is not None


def test_a_label_in_quotation_marks_after_a_possessive_is_no_quote():
    data = extract_text(
        'Ottawa offered to buy more aircraft in exchange for Washington lowering its "punitive" duty on '
        "Canadian timber, Trade Minister Mark Leduc said on Friday.\n"
    )
    assert not [q for q in data["quotes"] if q["text"] == "punitive"]


def test_relative_clause_speaker_and_participle_after_a_noun_clause():
    data = extract_text(
        "Brazil and Canada agreed to talk.\n\n"
        "The premier spoke by phone with Finance Minister Clara Duarte, who has often said she wants "
        '"a calm negotiation" over the levies.\n\n'
        "Trade Minister Omar Lindqvist said on Monday that the pact was signed. He rejected claims that Ottawa "
        'had given away too much, calling the deal "fair to both sides."\n'
    )
    assert _quote(data, "a calm negotiation")["speaker"] == "clara-duarte"
    assert _quote(data, "fair to both sides")["speaker"] == "omar-lindqvist"


def test_unnamed_source_is_its_own_speaker_and_a_post_names_its_holder():
    data = extract_text(
        "Ministers met in Brussels on Monday.\n\n"
        'One EU diplomat said the talks were "frank but friendly," with Italy urging patience.\n\n'
        "Foreign secretary sees 'room for a deal'\n\n"
        'Foreign Secretary Helen Marsh told reporters: "We are close, but not there yet."\n'
    )
    diplomat = _quote(data, "frank but friendly")["speaker"]
    actor = next(a for a in data["actors"] if a["id"] == diplomat)
    assert actor["name"] == "EU diplomat" and actor["kind"] != "person"
    assert _quote(data, "room for a deal")["speaker"] == "helen-marsh"


def test_a_speech_verb_with_its_own_unknown_subject_gives_no_one_else_the_words():
    data = extract_text(
        "Farm plan passes its first vote\n\n"
        'Minister Paul Ferrand defends the plan while farmers call it "a slow disaster for the valley".\n\n'
        "Minister Paul Ferrand said on Friday that the plan would stand.\n"
    )
    assert _quote(data, "a slow disaster")["speaker"] != "paul-ferrand"


def test_the_family_name_he_is_not_the_pronoun():
    data = extract_text(
        "BEIJING, May 3 -- China urged restraint on Thursday.\n\n"
        '"Pressure will not work," ministry spokesperson He Wenjun said at a briefing.\n\n'
        "U.S. Trade Representative Jamieson Greer told reporters that talks would continue.\n\n"
        '"Consultation on an equal footing is the only way forward," He said.\n'
    )
    assert _quote(data, "Consultation on an equal footing")["speaker"] == "he-wenjun"


def test_nicknames_and_a_bodys_label_and_a_show_someone_appeared_on_are_no_quotes():
    data = extract_text(
        "Ministers met in Luxembourg.\n\n"
        'France wants the union to ready its so-called "hammer" against the levies, Minister Luc Bernard said. '
        'The tool, nicknamed the council\'s "hammer", lets Brussels curb market access.\n\n'
        '"We are ready to talk," Trade Secretary Dana Cole said in an interview on "Evening Markets Live." '
        '"But we will not wait forever."\n'
    )
    texts = [q["text"] for q in data["quotes"]]
    assert "hammer" not in texts and not any(t.startswith("Evening Markets") for t in texts)
    assert _quote(data, "We are ready")["channel"] == "Evening Markets Live"


def test_an_epithet_speaker_is_the_person_last_named_and_a_nationality_before_a_name_is_theirs():
    data = extract_text(
        "MEPs debated the levy in Strasbourg.\n\n"
        "Italian liberal Carla Benetti backed the plan. Pieter Jansen, the group's budget coordinator, said "
        'the timing was wrong. "We should talk before we strike," the Dutch MEP said.\n'
    )
    people = {a["name"]: a for a in data["actors"] if a["kind"] == "person"}
    assert people["Carla Benetti"]["country"] == "ITA"
    assert people["Pieter Jansen"]["title"] == "group's budget coordinator"
    assert _quote(data, "We should talk")["speaker"] == "pieter-jansen"
    assert people["Pieter Jansen"]["country"] == "NLD"


def test_an_unnamed_ministry_speaks_even_when_tagged_as_a_proper_noun():
    data = extract_text(
        "NEW DELHI — Negotiators met on Tuesday.\n\n"
        "Assistant U.S. Trade Representative Brendan Lynch met Indian officials led by chief negotiator Rajesh "
        'Agrawal on Tuesday. The trade ministry said the discussions were "useful and candid" and would go on.\n'
    )
    speaker = _quote(data, "useful and candid")["speaker"]
    assert speaker is not None and "ministry" in speaker


def test_an_unnamed_source_keeps_what_the_article_says_of_it():
    data = extract_text(
        'Talks stalled on Friday.\n\nA person familiar with the matter said the deal was "nowhere near done" yet.\n'
    )
    speaker = _quote(data, "nowhere near done")["speaker"]
    actor = next(a for a in data["actors"] if a["id"] == speaker)
    assert actor["name"] == "person familiar with the matter" and actor["kind"] != "person"


def test_the_head_of_state_is_the_home_countrys_president() -> None:
    from analysis.extract import extract_text

    data = extract_text(
        "PARIS — President Emmanuel Macron met farmers on Friday, with union president Anne Roux.\n\n"
        '"I remain vigilant," the head of state told reporters.'
    )
    quote = next(q for q in data["quotes"] if q["text"].startswith("I remain"))
    assert quote["speaker"] == "emmanuel-macron"


def test_words_quoted_again_in_a_longer_quote_by_the_same_voice_are_one_quote_but_another_persons_are_theirs():
    data = extract_text(
        "Drugmakers weigh US expansion\n\n"
        'The employers group Ibec said on Monday there was a "serious risk" to investment.\n\n'
        "Danny McCoy, Ibec's chief executive, said the tariffs posed \"a serious risk to future investment in "
        'Ireland". Minister Anne Roux said it was "unfair competition". Senator Paul Grant called it "unfair".'
    )
    texts = [q["text"] for q in data["quotes"]]
    assert "serious risk" not in texts and "a serious risk to future investment in Ireland" in texts
    assert "unfair" in texts


def test_the_ministry_and_the_president_are_the_ones_the_story_means() -> None:
    data = extract_text(
        "MEXICO CITY — President Claudia Sheinbaum defended the plan on Thursday. President Donald Trump has "
        "pressed Mexico to curb Chinese imports.\n\n"
        "China responded on Thursday. In a statement, a spokesperson for China's Commerce Ministry said Beijing "
        'would "closely monitor" the plan. The ministry warned that it would "take necessary measures."\n\n'
        '"This is not against any country," the president said.'
    )
    speakers = {q["text"]: q["speaker"] for q in data["quotes"]}
    names = {a["id"]: a["name"] for a in data["actors"]}
    assert names[speakers["take necessary measures"]] == "Commerce Ministry"
    assert speakers["This is not against any country"] == "claudia-sheinbaum"


def test_the_presidency_speaks_for_its_government():
    data = extract_text(
        "South Africa was hit with a 30% tariff on Monday. "
        '"South Africa will continue with its diplomatic efforts," the Presidency said.'
    )
    assert _quote(data, "South Africa will")["speaker"] == "zaf-presidency"


def test_she_is_never_a_man_the_article_calls_mr():
    data = extract_text(
        "Mrs Elizabeth Ofosu-Adjare met exporters in Accra. Later, Mr Cassiel Ato Forson spoke to the chamber.\n\n"
        "The ministry also expressed concern about the AGOA programme.\n\n"
        '"AGOA has been the backbone of our garment exports," she said.'
    )
    assert _quote(data, "AGOA has been")["speaker"] == "elizabeth-ofosu-adjare"


def test_the_statement_said_after_its_own_sentences_and_coined_body_names_speak():
    data = extract_text(
        "The Ghana Export Promotion Authority (GEPA) said in a statement last Friday that it was working with the "
        'ministry. "Exporters should not panic. The US remains an important market, but it is not the only market," '
        "the statement said.\n\n"
        'ExportNZ said in a statement that the new rate was "a blow to hundreds of small and medium exporters".'
    )
    assert _quote(data, "Exporters should")["speaker"] == "ghana-export-promotion-authority"
    assert _quote(data, "a blow to")["speaker"] == "exportnz"
