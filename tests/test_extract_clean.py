"""The line model of clutter in pasted page text: what goes, and the story lines that must stay."""

from __future__ import annotations

import pytest

from analysis.extract.clean import clean_article

PAGE = """Markets
DOW
46,190.61
Hot Stocks
Fear & Greed Index
Trump sets November 1 start for 25% tariffs on heavy trucks, pushing back date by a month
Truck makers get a month's grace as the White House delays its levy

By Chris Isidore, CNN
4 min read
Link Copied!

Trucks are seen at the Port of Long Beach in California on October 14. Mario Tama/Getty Images

New York —
President Donald Trump will impose a 25% tariff on imported heavy-duty trucks starting November 1.

Ad Feedback

Not everyone agreed.

Video Ad Feedback
Hear what this trucking company CEO says about tariffs
02:41 - Source: CNN

What the deal means for carmakers

"Our industry is in the middle of a prolonged freight recession," Spear said in a statement.

Read more Subscribers only
How Trump's trade war is reshaping French agriculture

Why now?

- Mexico shipped $28 billion of trucks to the US in 2024
- Canada shipped $9 billion

Mexico is the largest supplier, ahead of Canada and Japan.

Translation of an original article published in French on lemonde.fr; the publisher may only be liable for it.
Get WhatsApp alerts
Join our channel for the top reads for the day on your preferred chats
Also worth reading
Content is loading...
Korea Herald Youtube
CNN Sans ™ & © 2016 Cable News Network.
Open this photo in gallery:
Have a news tip for our journalists? Contact us
Before it's here, it's on the Meridian Terminal.
Receive free Shipping updates
We’ll send you a Daily Digest email rounding up the latest Shipping news every morning.
In a time of too much information, quality journalism is more crucial than ever. By subscribing, you can help.
To encourage thoughtful and respectful conversations, first and last names will appear with each submission.
Associated Press writer Jo Park contributed from Omaha, Nebraska.
"""


@pytest.fixture(scope="module")
def cleaned():
    return clean_article(PAGE)


@pytest.mark.parametrize(
    "line",
    [
        "46,190.61",
        "Hot Stocks",
        "Fear & Greed Index",
        "By Chris Isidore, CNN",
        "4 min read",
        "Link Copied!",
        "Mario Tama/Getty Images",
        "Ad Feedback",
        "Hear what this trucking company CEO says about tariffs",
        "02:41 - Source: CNN",
        "Read more Subscribers only",
        "How Trump's trade war is reshaping French agriculture",
        "Translation of an original article published in French",
        "Get WhatsApp alerts",
        "Join our channel for the top reads",
        "Also worth reading",
        "Content is loading...",
        "Korea Herald Youtube",
        "CNN Sans ™ & © 2016 Cable News Network.",
        "Open this photo in gallery:",
        "Have a news tip for our journalists? Contact us",
        "Before it's here, it's on the Meridian Terminal.",
        "Receive free Shipping updates",
        "We’ll send you a Daily Digest email rounding up the latest Shipping news every morning.",
        "In a time of too much information, quality journalism is more crucial than ever. By subscribing, you can help.",
        "To encourage thoughtful and respectful conversations, first and last names will appear with each submission.",
        "Associated Press writer Jo Park contributed from Omaha, Nebraska.",
    ],
)
def test_clutter_is_removed(cleaned, line):
    assert any(line in r for r in cleaned.removed)
    assert line not in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "Truck makers get a month's grace as the White House delays its levy",  # the standfirst under the headline
        "President Donald Trump will impose a 25% tariff",
        "Not everyone agreed.",  # a one-sentence paragraph
        "What the deal means for carmakers",  # a lone subheading between paragraphs
        "Why now?",
        '"Our industry is in the middle of a prolonged freight recession," Spear said',
        "- Mexico shipped $28 billion of trucks to the US in 2024",  # bullets carry figures
        "- Canada shipped $9 billion",
        "Mexico is the largest supplier, ahead of Canada and Japan.",
    ],
)
def test_story_lines_stay(cleaned, line):
    assert line in cleaned.text
    assert not any(line in r for r in cleaned.removed)


def test_headline_is_the_first_long_line_not_the_site_name_or_menu(cleaned):
    assert cleaned.title.startswith("Trump sets November 1 start")
    site = clean_article(
        "The Korea Herald\nSubscribe\n\nKorean steelmakers seek government help as US tariff bites\n\n"
        "South Korea will offer low-interest loans to steelmakers, the minister said on Monday.\n"
    )
    assert site.title.startswith("Korean steelmakers")
    assert "The Korea Herald" in site.removed


def test_dateline_on_its_own_line_stays_and_is_read(cleaned):
    assert cleaned.dateline_place == "New York"


def test_caption_credits_of_every_shape():
    text = (
        "German exports fall as tariffs bite at home and abroad\n\n"
        "Exports to the United States fell 2.5% in August, the statistics office said on Wednesday.\n\n"
        "German exports to the US fell for a fourth month in AugustImage: Jens Büttner/dpa/picture alliance\n\n"
        "The minister speaks in Seoul on Monday. (Yonhap)\n\n"
        "Bottles of cognac at a distillery in Cognac, on July 30, 2025. ROMAIN PERROCHEAU / AFP\n\n"
        "Imports rose 1.3% in August, the office said.\n"
    )
    removed = " ".join(clean_article(text).removed)
    assert "Jens Büttner" in removed and "(Yonhap)" in removed and "PERROCHEAU / AFP" in removed
    assert "Imports rose 1.3%" not in removed and "fell 2.5%" not in removed


def test_live_blog_stamps_and_entry_headings_stay():
    text = (
        "Pharma tariffs – business live\n\n"
        "Summary of the morning as shares in drugmakers fall across Europe.\n\n"
        "10:42 BST\nŠefčovič: EU deal caps pharma tariffs at 15%\n\n"
        "The EU's trade commissioner has just posted on X that the ceiling applies.\n"
    )
    cleaned = clean_article(text)
    assert "10:42 BST" in cleaned.text and "Šefčovič: EU deal caps pharma tariffs at 15%" in cleaned.text


def test_a_related_list_ends_at_the_blank_line():
    text = (
        "Canada hits back with counter-tariffs on US goods worth billions\n\n"
        "Canada will put counter-tariffs on C$29.8 billion of U.S. goods, the prime minister said.\n\n"
        "Related:\nCanada's auto sector braces for layoffs\nWhat's in the trade dispute, explained\n\n"
        "What happens to the auto pact\n\n"
        "The pact has governed car trade since 1965, officials said on Thursday.\n"
    )
    cleaned = clean_article(text)
    assert "Canada's auto sector braces for layoffs" in cleaned.removed
    assert "What happens to the auto pact" in cleaned.text


def test_story_sentences_that_mention_the_story_or_start_with_a_verb_stay():
    text = (
        "Lutnick says truck makers must build in America or pay the tariff\n\n"
        "The White House did not respond to a request for comment on this story.\n\n"
        "Shares in Paccar rose 3.8% on Friday, and Daimler Truck gained 2%.\n\n"
        '"Read the fine print," Lutnick told CNBC, "this story is far from over."\n'
    )
    cleaned = clean_article(text)
    assert cleaned.removed == []


def test_text_without_any_sentence_is_not_emptied():
    text = "Hayashi said the tariffs were “extremely regrettable and the talk"
    assert clean_article(text).removed == []


def test_clutter_lines_of_bylines_stamps_and_wire_notes():
    raw = (
        "Exporters brace for new tariff as talks stall in the capital\n\n"
        "By Phuong Anh   July 3, 2025 | 09:15 am GMT+7\n\n"
        "08 August 2025 - 05:00\n\n"
        "The government said on Thursday that talks with Washington would continue next week.\n\n"
        "The leader at a meeting in Hanoi, June 2025. Photo by VnExpress/Giang Huy\n\n"
        "— With assistance from Mark Burton and Jack Farchy\n\n"
        "(Updates with IPSA close in 13th paragraph.)\n"
    )
    removed = clean_article(raw).removed
    for line in (
        "By Phuong Anh   July 3, 2025 | 09:15 am GMT+7",
        "08 August 2025 - 05:00",
        "The leader at a meeting in Hanoi, June 2025. Photo by VnExpress/Giang Huy",
        "— With assistance from Mark Burton and Jack Farchy",
        "(Updates with IPSA close in 13th paragraph.)",
    ):
        assert line in removed


def test_clutter_of_handles_outlet_stamps_consent_and_captions():
    raw = (
        "Daily Planet\n"
        "Exporters weigh the new tariff as the government defends its deal\n"
        "By: Jane Roe - Reporter / @JaneRoeDP\n"
        "Daily Planet / 05:12 AM July 24, 2025\n"
        "Jul 24, 2025 – 5.12pm\n"
        "Photo | File\n"
        "Workers at a garment factory near the port.\n\n"
        "Exporters said on Wednesday that they were still studying the new tariff on their goods.\n\n"
        "By providing an email address. I agree to the Terms of Use and acknowledge that I have read the Privacy Policy.\n"
    )
    cleaned = clean_article(raw)
    for line in (
        "By: Jane Roe - Reporter / @JaneRoeDP",
        "Daily Planet / 05:12 AM July 24, 2025",
        "Jul 24, 2025 – 5.12pm",
        "Workers at a garment factory near the port.",
        "By providing an email address. I agree to the Terms of Use and acknowledge that I have read the Privacy Policy.",
    ):
        assert line in cleaned.removed
    assert "Exporters said on Wednesday" in cleaned.text


def test_issued_stamp_credit_label_and_disclaimer_are_clutter():
    raw = (
        "Exporters weigh the new tariff as the government defends its deal\n"
        "Issued on: 02/07/2025 - 16:40\n"
        "Text by: DAILY PLANET\n\n"
        "Exporters said on Wednesday that they were still studying the new tariff on their goods.\n\n"
        "The views expressed are the authors' own.\n"
    )
    cleaned = clean_article(raw)
    for line in ("Issued on: 02/07/2025 - 16:40", "Text by: DAILY PLANET", "The views expressed are the authors' own."):
        assert line in cleaned.removed
    assert "Exporters said on Wednesday" in cleaned.text


def test_teaser_over_a_sign_up_box_at_the_end_is_clutter():
    raw = (
        "Exporters weigh the new tariff as the government defends its deal\n\n"
        "Exporters said on Wednesday that they were still studying the new tariff on their goods.\n\n"
        "The ministry will publish its figures next week.\n\n"
        'Add some "good" to your morning and evening.\n'
        "Sign up for our newsletter\n"
    )
    cleaned = clean_article(raw)
    assert 'Add some "good" to your morning and evening.' in cleaned.removed
    assert "The ministry will publish its figures next week." in cleaned.text


def test_masthead_blog_name_and_rubric_are_not_the_headline():
    page = (
        "Peterson Institute for International Economics\n"
        "Trade and Investment Policy Watch\n"
        "Should the US put a tariff on softwood lumber? Two views\n\n"
        "President Donald Trump on Monday proclaimed a tariff on imported lumber, effective next month.\n"
    )
    cleaned = clean_article(page)
    assert cleaned.title == "Should the US put a tariff on softwood lumber? Two views"
    assert "Peterson Institute for International Economics" in cleaned.removed
    rubric = (
        "Finance & economics | The tariff take\n"
        "America's effective tariff rate is the highest in 90 years\n\n"
        "Customs revenue is pouring in, and economists say importers are paying most of it.\n"
    )
    cleaned = clean_article(rubric)
    assert cleaned.title == "America's effective tariff rate is the highest in 90 years"
    assert "Finance & economics | The tariff take" in cleaned.removed


def test_home_link_privacy_notice_and_byline_with_post_are_clutter():
    page = (
        "Sign in\n"
        "The Daily Ledger - Back to home\n"
        "World\n\n"
        "Dairy farmers count the cost as export orders dry up\n"
        "MARIA OSTROVA, Ledger staff writer\n"
        "Priya Nandakumar Agriculture correspondent\n\n"
        "Dairy exporters said on Tuesday that buyers had cancelled a third of their winter orders after the tariff.\n\n"
        "Sign up to Farm Weekly\n"
        "Privacy Notice: Newsletters may contain details of partner offers, and we use reCaptcha on this form "
        "where the Privacy Policy and Terms of Service apply.\n\n"
        "Co-operatives expect prices to stay low until the spring.\n"
    )
    cleaned = clean_article(page)
    assert cleaned.title == "Dairy farmers count the cost as export orders dry up"
    assert "The Daily Ledger - Back to home" in cleaned.removed
    assert "MARIA OSTROVA, Ledger staff writer" in cleaned.removed
    assert "Priya Nandakumar Agriculture correspondent" in cleaned.removed
    assert any(r.startswith("Privacy Notice:") for r in cleaned.removed)
    assert "Co-operatives expect prices" in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "This is read by an automated voice. Please report any issues or inconsistencies here.",
        "The most important stories and recommendations in your inbox every morning.",
        "Enter email address",
        "Sat Aug 2, 2025 12:00 AM",
        "Last update on: Sat Aug 2, 2025 02:17 AM",
        "Thursday, September 4th 2025 - 09:42 UTC",
        "Nada Hussein , Thursday 3 Apr 2025",
        "The two leaders meet in the Oval Office at the White House, April 7, 2025.",
        "Home » Business » Business News",
        "Good journalism costs a lot of money. Yet only good journalism can ensure a good society.",
        "Full article 6 comments",
        "Commenting for this story is now closed.",
        "Categories: Mercosur, Politics, Economy, International.",
        "Do you work at an automaker and have a tip? Contact this reporter via email at jd@example.com.",
        "Jane Doe covers trade, ports and the regional economy for the Daily Planet.",
    ],
)
def test_page_furniture_of_more_outlets_is_clutter(line):
    raw = (
        "Exporters weigh the new tariff as the government defends its deal\n\n"
        f"{line}\n\n"
        "Exporters said on Wednesday that they were still studying the new tariff on their goods.\n\n"
        "The upgraded agreement covers nine areas, including support for micro, small and medium enterprises.\n\n"
        "Officials said the deal would be signed in Washington next week, and talks would continue.\n"
    )
    cleaned = clean_article(raw)
    assert line in cleaned.removed
    assert "The upgraded agreement covers nine areas" in cleaned.text


LETTER_PAGE = """Exporters brace for a 15% tariff
Publish : 08 Jul 2025, 02:16 PM
This is AI generated summarization, which may have errors. For context, always refer to the full article.
OVAL OFFICE. President Jose Cruz meets President Donald Trump at the White House on July 22, 2025. Presidential Communications Office

Exporters will face a 15 per cent tariff from next week, the trade minister said on Friday after talks in Washington.

Trade Minister Todd Lane says the Government will push back on the higher rate. Photo / Mark Mitchell
Advertise with NZME.

More: Carmakers warn of bigger tariff hit in second half of 2025

Mary Barra speaks to reporters in Warren. Marcus Ellison, Detroit Free Press
TYLER SWAYZE / FREE PRESS
Premier Wab Kinew speaks to reporters at the legislature Friday.
Kinew said the province would not add new counter-measures for now.

Saudi Gazette report
We’re really pleased that you’ve read 10 Gazette articles in the past month.
A Message from The Gazette:
Dear readers,
We are facing unprecedented challenges, and our staff are at risk.
Without you we cannot go on.
How does this make you feel?
Add a comment
Related Topics
Donald Trump
Ferdinand Marcos Jr.
Our newsroom depends on a growing audience of readers to power our journalism.
"""


LETTER_LINES = [
    "Publish : 08 Jul 2025, 02:16 PM",
    "This is AI generated summarization, which may have errors.",
    "OVAL OFFICE. President Jose Cruz meets President Donald Trump",
    "Photo / Mark Mitchell",
    "Advertise with NZME.",
    "More: Carmakers warn of bigger tariff hit",
    "Marcus Ellison, Detroit Free Press",
    "Premier Wab Kinew speaks to reporters at the legislature Friday.",
    "Saudi Gazette report",
    "you’ve read 10 Gazette articles",
    "We are facing unprecedented challenges",
    "Without you we cannot go on.",
    "How does this make you feel?",
    "Add a comment",
    "Ferdinand Marcos Jr.",
    "to power our journalism",
]


def test_the_story_under_a_caption_stays():
    cleaned = clean_article(LETTER_PAGE)
    assert "Kinew said the province would not add new counter-measures for now." in cleaned.text
    assert "Exporters will face a 15 per cent tariff from next week" in cleaned.text


FOOTER_PAGE = """Steel tariff doubles to 50%
July 28 2025 07:12 PM
Author of the article:
Your subscription is almost coming to an end. Don't miss out on the great content on the site
Ready to continue your informative journey with us?
Trade Minister Don Farrell says Australia will keep pressing for an exemption.Credit: Alex Ellinghausen

The United States doubled its tariff on steel to 50 per cent on Wednesday, the trade minister said in Canberra.

Advertisement - Scroll to Continue
This advertisement has not loaded yet, but your article continues below.
Article continues below this ad
The biggest energy stories from Houston, delivered to your inbox every weekday.
Please select at least one mailing list.

Exporters said they would look for other markets.

Edited by Luke Harrington.
Write to Callum Reese at callum.reese@example.com
Appeared in the August 11, 2025, print edition.
You must be logged in to join the discussion or read more comments.
Comments not loading? We recommend using Google Chrome or Mozilla Firefox with javascript turned on.
Like Business on Facebook, follow @TribuneBiz on Twitter to stay informed and join in the conversation.
"""


FOOTER_LINES = [
    "July 28 2025 07:12 PM",
    "Author of the article:",
    "Your subscription is almost coming to an end.",
    "Ready to continue your informative journey with us?",
    "Credit: Alex Ellinghausen",
    "Advertisement - Scroll to Continue",
    "This advertisement has not loaded yet",
    "Article continues below this ad",
    "delivered to your inbox every weekday.",
    "Please select at least one mailing list.",
    "Edited by Luke Harrington.",
    "Write to Callum Reese at",
    "Appeared in the August 11, 2025, print edition.",
    "You must be logged in to join the discussion",
    "Comments not loading?",
    "Like Business on Facebook",
]


@pytest.mark.parametrize(
    ("page", "line"), [(LETTER_PAGE, line) for line in LETTER_LINES] + [(FOOTER_PAGE, line) for line in FOOTER_LINES]
)
def test_captions_letters_footers_and_widgets_go(page, line):
    """Page furniture met in blind rounds 18 and 19: each line goes, into `removed`."""
    cleaned = clean_article(page)
    assert line not in cleaned.text
    assert any(line in r for r in cleaned.removed)
    assert "Exporters" in cleaned.text  # the story stays


def test_appeals_reading_times_wire_files_and_file_photo_credits_go():
    text = (
        "Hong Kong will not impose counter-tariffs, Lee says\n\n"
        "Reading time: 5 mins\n\n"
        "Hong Kong will not impose retaliatory tariffs on American goods, Chief Executive John Lee said on Tuesday.\n\n"
        "Treasury Secretary Scott Bessent speaks to reporters in Geneva on May 12. Martial Trezzini, Keystone via AP\n\n"
        "A garment factory in Irbid. The sector accounts for the bulk of exports to the US (JT file photo)\n\n"
        "Workers assemble semiconductor components at a factory in Laguna. TMT FILE PHOTO\n\n"
        "Exports to the US rose 9 percent in the first half, the ministry said.\n\n"
        "— With files from The Canadian Press\n\n"
        "Support press freedom & help us surpass 1,000 monthly Patrons: 100% independent.\n\n"
        "Postmedia is committed to maintaining a lively but civil forum for discussion.\n"
    )
    removed = clean_article(text).removed
    for line in ("Reading time", "Keystone via AP", "(JT file photo)", "TMT FILE PHOTO", "With files from",
                 "monthly Patrons", "civil forum"):  # fmt: skip
        assert any(line in r for r in removed), line
    assert not any("rose 9 percent" in r or "retaliatory tariffs" in r for r in removed)


def test_the_writers_initials_go_and_the_last_paragraph_stays():
    text = (
        "Rand slips after tariff letter\n\n"
        "The rand weakened on Tuesday after the United States set a 30% tariff on South African goods.\n\n"
        "Investec chief economist Annabel Bishop said in a note that the tariff could shave growth this year. BM\n"
    )
    cleaned = clean_article(text)
    assert "BM" in cleaned.removed
    assert "Annabel Bishop said" in cleaned.text and not cleaned.text.rstrip().endswith("BM")


@pytest.mark.parametrize(
    "line",
    [
        "Erin Kowalski can be reached at erin.kowalski@globe.com. Follow her @ekowalskiglobe.",
        "Mara Lindqvist: 206-464-2000 or mlindqvist@seattletimes.com",
        "Aug - 04 - 2025 , 06:45",
        "We've been covering the war since day one. Help us keep going.",
        "- Additional reporting RNZ",
        "You must be logged in to add a comment.",
        "Support our work",
        "President Prabowo Subianto speaks to reporters on Wednesday, July 16, 2025. TEMPO/Rizki Maulana",
    ],
)
def test_contact_lines_stamps_appeals_and_outlet_credits_go(line):
    text = (
        "Indonesia seals 19% tariff deal\n\n"
        f"{line}\n\n"
        "Indonesia agreed to a 19% tariff on its exports to the United States, the trade minister said on Wednesday. "
        "He said a deal can be reached at the next round on the remaining products.\n"
    )
    cleaned = clean_article(text)
    assert any(line.strip() in r for r in cleaned.removed), line
    assert "can be reached at the next round" in cleaned.text


def test_tags_taglines_rights_lines_and_captions_over_their_credit_go():
    text = (
        "Chile's copper cathodes spared from 50% tariff\n"
        "Chile's English-language news source\n\n"
        "Refined copper was left out of the 50% tariff, Chile's finance minister said on Thursday.\n\n"
        "Trade Minister Todd McClay says the deal was the best New Zealand could get without dairy.\n"
        "SUPPLIED\n\n"
        "The Amir and the President exchange documents at the signing. Pic: Amiri Diwan\n\n"
        "Codelco shares are not listed, but the peso rose 0.8% against the dollar.\n\n"
        "Tags: copper, tariffs, Codelco, Donald Trump, mining\n"
        "The Santiago Times is an independent English-language news service. Reproduction without permission is "
        "prohibited.\n"
        "Please log in to leave a comment.\n"
    )
    removed = " ".join(clean_article(text).removed)
    for line in ("English-language news source", "best New Zealand could get", "Pic: Amiri Diwan", "Tags:",
                 "Reproduction without permission", "log in to leave a comment"):  # fmt: skip
        assert line in removed, line
    assert "finance minister said" not in removed and "peso rose" not in removed
