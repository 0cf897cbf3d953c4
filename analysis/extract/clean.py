"""Separate the article from web-page clutter, keeping every offset: clutter is blanked, never cut.

A line of pasted page text is clutter when
- its words say so (BOILERPLATE: calls to action, the page speaking of itself, credits, copyright, cookies), or it
  is a date/time stamp (METADATA_RX); or
- it is not prose (no closing full stop, question or exclamation mark) and
  - is a label: under three words, or up to four with no lower-case content word ("Hot Stocks", "Ng Wei Kai",
    "04:12"), or
  - follows clutter with no blank line between (the items of a "Read more" list, a share bar), or
  - comes after the last prose paragraph of the story (footer menus, tags, "More from" lists);
- it stands above the body and is only a known outlet's or institution's name (a masthead), or a rubric of
  short pieces set off by bars ("World | Asia"); or
- it is a short line opening the page's last block, with only clutter below it in that block (the teaser of
  a sign-up box).
The headline is the first line above the body that reads like one, preferring sentence case to a name in
capitals (a blog's or section's name above its headline).
The headline, a dateline ("TOKYO —"), bullets, a live blog's entry stamp ("10:42 BST") and a lone subheading
between paragraphs ("What happens to AGOA?", "What the deal means for carmakers") stay.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import gazetteer as gz
from .gazetteer import city_country, find_known
from .timex import find_dates

# Each entry: (what it is, pattern). A paragraph (or, in a long paragraph, a sentence) that matches is clutter.
# To add one: append a (label, regex) pair; patterns are case-insensitive and searched, not matched.
BOILERPLATE = [
    ("navigation", r"^\s*(skip\b|menu|search|home\s*[|>»›/])"),  # "Home » Business » Business News"
    # A masthead's link home: "The Guardian - Back to home", "Back to top".
    ("navigation", r"^(?=.{0,80}$).*\bback to (home|top|homepage|the homepage|main menu)\s*$"),
    (
        "subscription",
        r"\bsubscri(be|bers?|ption)\b.*\b(plan|account|now|today|access|offer|to read|to continue)\b",
    ),
    (
        "subscription",
        r"\b(already a subscriber|log ?in to (read|continue)|sign in to (read|continue|comment)|your subscription is)\b|"
        r"\bcontinue your .{0,40}\bwith us\b",
    ),
    (
        "comments",
        r"\b(comment on stories|display name|join the conversation|values your comments|commenting policy)\b|"
        r"\bcomments? (have|are|is) (not been |been )?(enabled|disabled|turned off|closed|moderated)\b|"
        # "Full article 6 comments", "Disclaimer & comment rules", "Commenting for this story is now closed.",
        # "become a fan and comment on our Facebook Page"; a filing line: "Categories: Mercosur, Politics."
        r"^\s*full article\b.{0,20}\bcomments?\s*$|\bcomment rules\b|\bcommenting (?:for|on) this \w+ is "
        r"(?:now )?closed\b|\bbecome a fan\b|^\s*categories\s*:|"
        # a reactions box: "How does this make you feel?", "Add a comment"
        r"^\s*how does this (?:article |story )?make you feel\??\s*$|^\s*(?:add|post|leave|write) a comment\s*$|"
        r"\bjoin the discussion\b|\bread more comments\b|\bcomments not loading\b|\bcivil forum for discussion\b|"
        r"\b(?:must be logged in|(?:please )?log ?in) to (?:add |post |leave )?(?:a )?comment",
    ),
    ("cookies", r"\bcookies?\b.*\b(accept|consent|policy|use|settings|preferences)\b"),
    (
        "newsletter",
        r"\b(sign up|subscribe) (for|to) (our|the)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(sign up|inbox)\b",
    ),
    (
        "advertisement",
        r"^\s*(video )?(advertisement|sponsored( content)?|ads?( feedback| choices)?|story continues below( advertisement)?)\s*$|"
        r"^(?=.{0,60}$)\s*advertise with\b|^(?=.{0,50}$)\s*advertisement\b|\badvertisement has not loaded\b|"
        r"\barticle continues below\b",
    ),
    (
        "related",
        r"^\W*(related( articles?| stories| coverage)?|more (from|on this|stories)|most (popular|read)|popular|"
        r"recommended( stories)?|trending|also read|see also|what to read next|more(?=\s*:))\b\s*[:|\-–—]?",
    ),
    (
        "credit",
        r"\((AP|AFP|Reuters|Bloomberg|Getty)( Photo| Images)?\s*/[^)]*\)|\bTHE CANADIAN PRESS/|"
        r"\bREUTERS/[A-Z]|\bAFP via Getty\b|\bGetty Images\b|^\s*(photo|photograph|image|file photo|pictured)\s*[:|]",
    ),
    ("credit", r"^\s*\(?(reporting|writing|editing|edited|additional reporting|compiled) by\b"),
    # A caption's credit run on after its full stop: "... an exemption.Credit: Alex Ellinghausen".
    ("credit", r"(?:^|[.!?])\s*credit\s*:\s*(?-i:[A-Z])[\w.'’-]+(?:\s[\w.'’-]+){0,3}\s*$"),
    # The writer's address and the print edition: "Write to Jane Doe at jane.doe@...", "Appeared in the ... print
    # edition."; the byline's label "Author of the article:".
    (
        "credit",
        r"^(?=.{0,160}$)\s*write to (?-i:[A-Z]).{0,80}@|^\s*appeared in the .{0,40}\bprint edition\b|"
        r"^\s*authors? of the article\s*:?\s*$",
    ),
    (
        "credit",
        r"\bphotographer:\s|\((photo|photograph|image|picture)s? by [^)]*\)|^\s*[-—–]*\s*with assistance from\b",
    ),
    ("credit", r"^\s*(source|sources|chart|graphic)s?:\s.{0,80}$"),
    # A wire's revision note: "(Updates with IPSA close in 13th paragraph.)", "(Adds analyst comment)".
    ("credit", r"^\s*\((updates|adds|recasts|corrects|changes|refiles)\b[^()]{0,120}\)\s*$"),
    # A caption's closing credit after a dash: "... on Wednesday evening. — VNA/VNS Photo Thống Nhất".
    ("credit", r"[—–]\s*[\w/.&-]{2,24}(?:\s[\w/.&-]{2,24}){0,2}\s+photos?\s*:?\s+\w[^.!?\n]{1,40}$"),
    # A caption's closing credit: "... Photo by VnExpress/Giang Huy".
    ("credit", r"\bphotos? by [A-Z][\w.'’-]*(\s[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.'’-]*(\s[A-Z][\w.'’-]*){0,3}\s*$"),
    # A byline run into its stamp: "By Jane Doe   July 3, 2025 | 09:15 am GMT+7".
    (
        "byline",
        r"^(?=.{0,160}$)\s*by\s+[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,3}\s*[|,·•]?\s*"
        r"([A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\b",
    ),
    ("newsletter", r"^(?=.{0,220}$).*\bnewsletters?\b"),
    (
        "appeal",
        r"\b(small favou?r to ask|support (our|the) journalism|make a (contribution|donation)|"
        r"millions are turning to)\b|"
        # "Support PREMIUM TIMES' journalism ...", "Good journalism costs a lot of money", "By contributing to ..."
        r"^\s*support \S+(?: \S+){0,2}['’]?s? journalism\b|\bgood journalism costs\b|^\s*by contributing to\b|"
        r"\bconsider making a (?:modest )?(?:support|contribution|donation)\b|"
        # "... to provide discerning readers like you ...", "You've read 10 Times of Israel articles this month",
        # "Every contribution ... helps support independent journalism", "... to power our journalism."
        r"\breaders like you\b|\byou[’']ve read \d+\b.{0,60}\barticles\b|^(?!.*[\"“”]).*\bindependent journalism\b|"
        r"\bpower our journalism\b|\bconsider becoming a (?:paid )?(?:subscriber|member|supporter)\b|"
        # "Support press freedom & help us surpass 1,000 monthly Patrons"
        r"^(?!.*[\"“”])\s*support (?:press freedom|a free press|local news)\b|\bmonthly patrons\b|\bbecome a patron\b|"
        r"\bhelp us keep going\b|\bour website is the place for\b|^\s*support our (?:work|newsroom|reporting)\s*$|"
        r"\bdonations from (?:our )?readers\b|\bwithout your support\b",
    ),
    # "Reading time: 5 mins", "4 min read"
    ("meta", r"^\s*(?:estimated )?read(?:ing)? time\s*:?\s*\d+\s*min|^\s*\d+\s*min(?:ute)?s?\.? read\s*$"),
    # the writer's contact line: "Erin Kowalski can be reached at erin@globe.com", "Mara L.: 206-464-2000 or m@x.com"
    (
        "contact",
        r"^(?=.{0,300}$)(?!.*[\"“”]).*\b[\w.+-]+@[\w-]+\.[a-z]{2,}|"
        r"^\s*(?-i:[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}) can be reached at\b",
    ),
    # the page's stamp with spaced dashes: "Aug - 04 - 2025 , 06:45"
    ("meta", r"^\s*[A-Z][a-z]{2}\s*-\s*\d{1,2}\s*-\s*\d{4}\s*,?\s*\d{1,2}:\d{2}\s*$"),
    ("standards", r"^\s*our standards\b|\btrust principles\b"),
    ("subscription", r"\bwhy you can trust\b|\bdo not sell (or share )?my personal\b"),
    ("credit", r"^\s*this (report|story|article) (by .{2,60} )?was (first )?(published|posted)\b"),
    ("copyright", r"©|^\s*(\(c\)|copyright\b)|\ball rights reserved\b|\breproduction without permission\b"),
    # the page's filing labels: "Tags: copper, tariffs, Codelco", "Topics: Trade"
    ("tags", r"^\s*(?:tags|topics|keywords|filed under)\s*:"),
    # a site's tagline under its name: "Sweden's news in English", "Chile's English-language news source"
    ("masthead", r"^(?=.{0,60}$)(?!.*[\"“”]).*\b(?:news in English|English-language (?:news|newspaper))\b"),
    ("navigation", r"\b(show key events only|turn on javascript|enable javascript|reading list|read later)\b"),
    ("related", r"^\s*(list \d+ of \d+|list of \d+ items|end of list)\s*$"),
    # the wire's share in a paper's story: "— With files from The Canadian Press", "- Additional reporting RNZ"
    ("credit", r"^\s*[—–-]*\s*(?:with (?:files|reporting) from|(?:with )?additional reporting)\b"),
    ("credit", r"\b(?:photo|image|picture) credit\s*:"),  # "Commerce Secretary X. File | Photo Credit: PTI"
    # An old browser told off: "IE 11 is not supported. For an optimal experience visit our site on another browser."
    ("navigation", r"\bIE ?11 is not supported\b|\bvisit our site on another browser\b|\bbrowser is not supported\b"),
    # "For more news, go to www.Agri-Pulse.com.": the site's pointer to itself
    ("promo", r"^(?=.{0,160}$)\s*for more\b.{0,60}\b(?:go to|visit|see)\s+\S+\.(?:com|org|net|co\.\w+)\b"),
    # A byline with the writer's city and the page's stamp: "By Neha Arora, New Delhi | Updated on: Nov 12, 2025"
    (
        "byline",
        r"^(?=.{0,200}$)\s*by\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\b.{0,60}\b(?:updated|published|posted)\b",
    ),
    # A credit label: "Text by: Jane Doe", "Words by: ...", "Edited by: ...".
    ("credit", r"^(?=.{0,120}$)\s*(text|words|story|written|edited|produced|graphics|illustrations?)\s+by\s*:"),
    # The house disclaimer: "The views expressed are the authors' own", "Opinions expressed here are those of ...".
    (
        "disclaimer",
        r"^(?=.{0,250}$).*\b(views|opinions)\s+expressed\b.{0,60}\b(own|those of|not necessarily|do not)\b",
    ),
    # A caption's credit in brackets at its end: "... on Sept. 19. [JOINT PRESS CORPS]", "[YONHAP]".
    ("credit", r"\[[A-Z][A-Z0-9 .&/'-]{2,40}\]\s*$"),
    ("credit", r"^(?=.{0,240}$).*\bcontributed (to )?(this |the )?(report|story|reporting|article)\b"),
    ("credit", r"^(?=.{0,160}$).*\b(?:writers?|reporters?|correspondents?) .{2,60} contributed from [A-Z]"),
    # A pitch for the paper ("By subscribing, you can help us get the story right.") or its comment rules
    # ("To encourage thoughtful and respectful conversations, first and last names will appear ...").
    (
        "subscription",
        r"\bby subscribing\b|\bquality journalism is more (?:crucial|important|vital)\b|"
        r"\bthoughtful and respectful conversations\b|\bnames will appear with each submission\b|"
        # a wire's note that its site carries only part of what subscribers get
        r"\b(?:offered|available) to (?:our )?subscribers\b|\bcontact us for subscription\b",
    ),
    # An author's note at the end: "Jane Doe is a trade reporter at Politico Europe, covering ...".
    (
        "bio",
        r"^(?=.{0,300}$)\s*[A-Z][\w.'’-]+(\s[A-Z][\w.'’-]+){1,3} (is|was) (an? |the )([\w-]+ ){0,4}"
        r"(reporter|correspondent|editor|writer|journalist|columnist|bureau chief)\b",
    ),
    ("promo", r"^(?=.{0,160}$).*\blearn more\s*[.!]?\s*$"),
    # An outlet's pitch for tips or for its product: "Have a confidential tip for our reporters? Get in touch",
    # "Before it's here, it's on the Bloomberg Terminal."; a gallery button: "Open this photo in gallery:".
    (
        "promo",
        r"^(?=.{0,160}$).*\b(?:news |confidential )?tip\b.{0,40}\?\s*(?:get in touch|contact us|email us)\b|"
        r"\bhave a tip\?|\bcontact this reporter\b|"  # "... and have a tip? Contact this reporter via email at ..."
        r"^\s*before it[’']s here, it[’']s on the\b|^\s*(?:open|view|see) (?:this|the) (?:photo|image|picture)s? in"
        r" (?:gallery|full screen)\s*:?\s*$",
    ),
    # An app or news-feed pitch: "Euronews is on Google News! Follow us ...", "Catch all the Business News ...
    # Download The Mint News App"; an ad's or a broker's legal line: "3rd party Ad. Not an offer or recommendation",
    # "Risk Disclosure: Trading in financial instruments ... involves high risks".
    (
        "promo",
        r"^(?=.{0,300}$).*\b(?:is|are) on Google News\b|^\s*catch all the\b.{0,200}\bnews\b|"
        r"^(?=.{0,300}$).*\bdownload (?:the|our) .{0,40}\bapp\b|\b3rd[- ]party ad\b|\bnot an offer or recommendation\b|"
        r"^\s*risk disclosure\s*:|"
        # "Stay up to date with the latest news. Follow KT on WhatsApp Channels."
        r"^(?=.{0,200}$)(?:.*\bstay up to date\b|.*\bfollow\b.{0,40}\bon (?:whatsapp|telegram|google news|instagram|"
        r"facebook|linkedin|youtube|threads|twitter)\b|\s*like .{1,30} on facebook\b)",
    ),
    # A topic alert's sign-up: "Receive free Trade disputes updates", "We'll send you a myFT Daily Digest email ...".
    (
        "newsletter",
        r"^\s*(?:receive|get) free .{2,60} updates\s*$|^\s*we[’']ll send you an? .{0,60}\b(?:email|digest|alert)s?\b",
    ),
    # A caption's credit: "[File: Siphiwe Sibeko/Reuters]", "(Jacques Boissinot/The Canadian Press)", "(Photo: dpa)".
    (
        "credit",
        r"[\[(](?:file(?: photo)?:\s*)?[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][^)\]\n]{1,40}[)\]]\s*$|"
        r"\((?:photo|image|picture|file)s?:\s*[^)]{2,40}\)\s*$|\bPHOTOS?:\s*[A-Z]{2,}",
    ),
    # A footer of links: three or more short pieces separated by bars ("Corrections | Submit a news tip | ...").
    ("navigation", r"^\s*[^|.!?]{2,40}(\|[^|.!?]{2,40}){2,}$"),
    (
        "byline",
        r"^\s*by\s+[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,3}(\s*(,|and)\s*[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,3})*"
        r"\s*(\[[^\]\s]+@[^\]\s]+\]|\(?[\w.+-]+@[\w.-]+\)?)?\s*$",
    ),
    # A byline with the writer's post or handle: "By: Jane Doe - Reporter / @JaneDoeINQ".
    (
        "byline",
        r"^(?=.{0,120}$)\s*by:?\s+[A-Z][\w.'\-]+(\s+[A-Z][\w.'\-]+){0,4}\s*[-–—/|,]\s*[\w@.' ]{1,40}"
        r"(\s*[-–—/|]\s*[\w@.' ]{1,40}){0,2}$",
    ),
    # An outlet's stamp line: "Philippine Daily Inquirer / 05:12 AM July 24, 2025".
    (
        "stamp",
        r"^(?=.{0,100}$)(?!.*[.!?][\"”]?\s*$).*\b\d{1,2}[:.]\d{2}\s*[ap]\.?m\b.*\b[A-Z][a-z]+\.? \d{1,2},? \d{4}\s*$",
    ),
    # The small print of a sign-up form: "I agree to the Terms of Use and ... the Privacy Policy."
    # A form's privacy note: "Privacy Notice: Newsletters may contain ...", "... Google reCaptcha ... apply."
    ("consent", r"^\s*privacy (notice|policy)\s*:|\brecaptcha\b|\bprivacy policy and terms of service apply\b"),
    ("consent", r"\b(agree|acknowledge|consent)\b.{0,80}\b(terms of (use|service)|privacy (policy|notice))\b"),
    # The reader told to do something: "Get WhatsApp alerts", "Join our channel ...", "Try it now!", "Send us your feedback".
    (
        "call to action",
        r"^(?=.{0,200}$)(?!.*[\"“”])\s*(get|sign up|subscribe|download|follow|join|stay (updated|informed|tuned)|try|"
        r"discover|explore|unlock|read|listen|watch|click|tap|register|log ?in|sign in|send us|share|save|reuse|gift)\b|\btry it now\b",
    ),
    # The page speaking of itself: "Read a summary of this article", "This audio is generated by an AI tool".
    (
        "meta",
        r"^(?=.{0,250}$)(?!.*[\"“”])(?!.*\b(respond|comment))"
        r".*\b(this|an? original|the original) (article|story|audio|video|page|content)\b",
    ),
    # A caption's credit at its end: "... Mario Tama/Getty Images", "... ROMAIN PERROCHEAU / AFP", "... (Yonhap)",
    # "... AugustImage: Jens Büttner/dpa/picture alliance".
    (
        "credit",
        r"(?-i:\b[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} ?/ ?[A-Za-z][\w .&/-]{1,40})$|"
        r"[.!?][\"”’]?\s*\((?-i:[A-Z])[^()]{1,40}\)\s*$|(image|photo|picture|photograph|pic)s?\s?[:/]\s*[^.]{2,60}$|"
        # "... in Warren. Marcus Ellison, Detroit Free Press": the photographer and the paper after the caption
        r"[.!?]\s+(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2}),\s+(?-i:(?:The\s+)?(?:[A-Z][\w'’-]+\s+){0,3}"
        r"(?:Press|Times|Post|News|Herald|Journal|Tribune|Gazette|Star|Images|Chronicle|Globe|Sun|Mail|Inquirer))\s*$|"
        # "... in Geneva. Martial Trezzini, Keystone via AP"; "... in Irbid. (JT file photo)", "... TMT FILE PHOTO"
        r"[.!?]\s+(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,2}),\s+(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+via\s+"
        r"(?-i:AP|AFP|Reuters|Getty Images)\s*$|"
        r"\s\((?-i:[A-Z]{1,6})\s+file (?:photo|picture|image)\)\s*$|[.!?]\s*(?-i:[A-Z]{1,6})\s+file (?:photo|picture)\s*$|"
        # "... July 16, 2025. TEMPO/Rizki Maulana": the outlet in capitals and its photographer
        r"[.!?]\s+(?-i:[A-Z]{2,})\s?/\s?(?-i:[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s*$",
    ),
    # The page's audio player: "This is read by an automated voice. Please report any issues ...".
    # ... and the AI summary's warning: "This is AI generated summarization, which may have errors."
    (
        "meta",
        r"\bread by an automated voice\b|\bplease report any issues\b|\blistening to (?:this |these )?articles? is\b|"
        r"\bAI[- ]generated summar|\brefer to the full article\b",
    ),
    # A sign-up box: "... stories in your inbox every morning.", "Enter email address", "Thanks for signing up!",
    # "You may occasionally receive promotional content ...", "sign up for breaking news alerts ...".
    (
        "newsletter",
        r"^(?=.{0,200}$)(?!.*[\"“”]).*\bin your inbox\b|^\s*enter (?:your )?e-?mail(?: address)?\s*$|"
        r"^\s*thanks? (?:you )?for signing up\b|\byou may (?:occasionally )?receive promotional\b|"
        r"\bsign up for (?:breaking )?news alerts\b|\bpersonali[sz]ed feed\b|\bgoogle news channel\b|"
        r"^(?=.{0,200}$)(?!.*[\"“”]).*\bto your inbox\b|\bmailing lists?\b",
    ),
    # The author's note at the end: "Jane Doe covers trade and ports for the Los Angeles Times."
    (
        "bio",
        r"^(?=.{0,300}$)\s*(?-i:[A-Z][\w.'’-]+(\s[A-Z][\w.'’-]+){1,3}) (covers|writes about|reports on) .{3,160}"
        r"\bfor (the )?(?-i:[A-Z])[\w.'’-]+",
    ),
    # A byline run into the day: "Nada Hussein , Thursday 3 Apr 2025".
    (
        "byline",
        r"^(?=.{0,80}$)\s*(?-i:[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3})\s*,\s*(?:[A-Z][a-z]+day,?\s+)?"
        r"\d{1,2} [A-Z][a-z]+\.? \d{4}\s*$",
    ),
    # A caption closed by the day it was taken: "... meet in the Oval Office at the White House, April 7, 2025."
    ("caption", r"^(?=.{0,250}$)(?!.*[\"“”]).*,\s+(?-i:[A-Z][a-z]+)\.? \d{1,2}, \d{4}\.?\s*$"),
    # A caption with a kicker in capitals and its credit: "OVAL OFFICE. President X meets Y ... Presidential
    # Communications Office".
    (
        "caption",
        r"^(?=.{0,300}$)(?!.*[\"“”])(?-i:[A-Z][A-Z0-9'’&-]+(?: [A-Z][A-Z0-9'’&-]+){0,4})\.\s.+[.!?]\s+"
        r"(?-i:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,4})\s*$",
    ),
    # The desk as byline: "Saudi Gazette report", "Tribune Report", "Web Desk".
    ("byline", r"^(?=.{0,40}$)\s*(?-i:(?:[A-Z][\w'’-]+\s+){1,3})(?:report|desk|staff|bureau)\s*$"),
]
BOILERPLATE_RX = [(label, re.compile(rx, re.IGNORECASE)) for label, rx in BOILERPLATE]
METADATA_RX = re.compile(
    r"^\s*\(?((?i:published|publish|updated?|posted|last updated?(?: on)?|first published|issued on)\b[:\s]|"
    r"\d{1,2}/\d{1,2}/\d{2,4}\s*[-–—|,•·]?\s*\d{1,2}[:.]\d{2}\b|"
    r"\d+ min(ute)?s? read\b|\d{1,2}:\d{2}\s*(JST|KST|GMT|BST|UTC|ET|EDT|EST|CET|CEST)?,\s|"
    # "Tue, 8 Apr 2025", "Sat Aug 2, 2025 12:00 AM", "Thursday, September 4th 2025 - 09:42 UTC"
    r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+\d{4}\b|"
    r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\s*[-–—|,•·]\s*\d{1,2}[:.]\d{2}\b|"
    r"[A-Z][a-z]+\.? \d{1,2},? \d{4}(,| at| \d| \||\s*[-–—]\s*\d{1,2}[:.]\d{2}|\s*$|(?=\d{1,2}:\d{2})|"
    # the date with the paper's name or the page's section: "March 31, 2025 (Mainichi Japan)", "Nov 14, 2025 - Economy"
    r"\s*\([^()]{2,40}\)\s*$|\s*[-–—|]\s*[A-Z][\w&]*(?: [\w&]+){0,2}\s*$))",
)
# "OTTAWA —", "WASHINGTON, April 9 (Reuters) -", "TOKYO (AP) —": a dateline opens the first body paragraph.
DATELINE_RX = re.compile(
    r"^(?P<place>[A-ZÀ-ÞĀ-ſḀ-ỿ][A-Za-zÀ-ÿĀ-ſḀ-ỿ .'/\-]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.]+))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?\s*(?:\((?P<agency>[A-Za-z .]{2,25})\))?\s*(?P<sep>[—–-]{1,2}|:)\s*"
)


@dataclass
class Cleaned:
    """The article with clutter blanked out; `text` has the same length as the input."""

    text: str
    title: str | None = None
    removed: list[str] = field(default_factory=list)
    dateline_place: str | None = None
    masthead: str | None = None  # the outlet's name on the page's first line ("The Korea Times")
    stated_date: dt.date | None = None
    body_chars: int = 0


def clean_article(raw: str) -> Cleaned:
    """Blank the headline, metadata lines and clutter; note the dateline and any stated publication date."""
    chars = list(raw)
    out = Cleaned(text=raw)
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", raw) if m.group(0).strip()]
    texts = [raw[s:e].strip() for s, e in paragraphs]
    spans = [_clutter_in(raw[s:e]) for s, e in paragraphs]
    flagged = [bool(sp) or (bool(METADATA_RX.search(t)) and len(t) < 160) for t, sp in zip(texts, spans, strict=True)]
    # Lines that touch (no blank line between) form a block: a list of links after "Read more" ends at a blank line.
    touching = [i > 0 and "\n\n" not in raw[paragraphs[i - 1][1] : paragraphs[i][0]] for i in range(len(texts))]
    # The page's tail: a short line opening the last block (a blank line before it), with only clutter after
    # it in that block, is the teaser of a sign-up box ("Add some good news to your day." over "Sign up ...").
    tail = len(texts)
    while tail > 0 and flagged[tail - 1] and touching[tail - 1]:
        tail -= 1
    i = tail - 1
    if 0 < i < len(texts) - 1 and not touching[i] and len(texts[i]) < 100 and len(texts[i].split()) <= 12:
        flagged[i] = True
    story = [i for i, t in enumerate(texts) if not flagged[i] and _is_prose(t)]
    first, last = (story[0], story[-1]) if story else (len(texts), len(texts))
    for i in range(min(first, len(texts))):
        flagged[i] = flagged[i] or _rubric(texts[i]) or _site_name(texts[i])
    title = _title_index(texts, flagged, first)

    lead_done = False
    in_list = letter = False
    for i, (s, e) in enumerate(paragraphs):
        para, p = raw[s:e], texts[i]
        headline = not re.search(r"[.!”\"]$", p) or re.search(r"\b(?:[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Corp|Ltd)\.$", p)
        # ... it may end "in U.S." or "Marcos Jr."
        if letter and touching[i] and not flagged[i]:
            out.removed.append(p)  # the outlet's letter to its readers, under "Dear readers,"
            _blank(chars, s, e)
            continue
        letter = bool(READERS_LETTER.match(p)) or (letter and touching[i])
        if in_list and i != title and not flagged[i] and touching[i] and len(p) < 140 and headline:
            out.removed.append(p)  # an item of a "Most popular" / "Related" list
            _blank(chars, s, e)
            continue
        under_credit = i > 0 and flagged[i - 1] and touching[i] and len(p) < 200 and not re.search(r"[\"“”]", p)
        if under_credit and (
            (not lead_done and re.match(r"\s*(photo|image|picture|file photo)s?\b", texts[i - 1], re.I))
            or CAPITAL_CREDIT.fullmatch(texts[i - 1])
        ):
            out.removed.append(p)  # the caption under its credit line ("Photo | File", "JANE DOE / FREE PRESS")
            _blank(chars, s, e)
            continue
        over_credit = i + 1 < len(texts) and touching[i + 1] and len(p) < 250
        if (
            over_credit
            and not re.search(r"[\"“”]", p)
            and (CAPITAL_CREDIT.fullmatch(texts[i + 1]) or CREDIT_WORD.fullmatch(texts[i + 1]))
        ):
            out.removed.append(p)  # the caption over its credit line ("... were launched." over "SUPPLIED")
            _blank(chars, s, e)
            continue
        in_list = flagged[i]
        if spans[i]:
            if METADATA_RX.search(p) and len(p) < 160:
                out.stated_date = out.stated_date or _first_date(p)  # "Published Jul 24, 2025 07:15 am"
            for ps, pe in spans[i]:
                out.removed.append(para[ps:pe].strip())
                _blank(chars, s + ps, s + pe)
            continue
        if flagged[i]:
            out.stated_date = out.stated_date or _first_date(p)
            out.removed.append(p)
            _blank(chars, s, e)
            continue
        if i == title:
            out.title = p
            _blank(chars, s, e)
            continue
        if not lead_done and CAPTION_CREDIT.search(p) and len(p) < 300:
            out.removed.append(p)  # a caption above the story with its agency's credit: "... Centre. — Bernama"
            _blank(chars, s, e)
            continue
        is_dateline = not lead_done and bool(DATELINE_RX.fullmatch(p))
        stray = not _is_prose(p) and not is_dateline and not _bullet(p) and (i > last or _label(p))
        if stray or ((not lead_done or i < 8) and title is not None and _byline_like(para)):
            out.removed.append(p)  # "Tan Hui Yee", "Indochina Bureau Chief", "Name · Outlet · Posted: ..."
            _blank(chars, s, e)
            if not lead_done and re.fullmatch(r"[\w ,.]{6,30}", p) and any(ch.isdigit() for ch in p):
                out.stated_date = out.stated_date or _first_date(p)  # the page's date on its own line: "10 Apr 2025"
            if not lead_done and out.dateline_place is None and _filed_from(p):
                out.dateline_place = p  # "Abu Dhabi" on its own line under the byline: where it was filed
            continue
        if not lead_done:
            m = DATELINE_RX.match(para)
            place = m.group("place").strip() if m else ""
            # "ISLAMABAD: ..." (South Asian style) only in capitals, never a "Note:" or a heading "China: ..."
            # A dateline alone on its line ("New York —" above the first paragraph, CNN style) needs no gazetteer.
            alone = is_dateline and m.group("sep") != ":"
            if m and (_is_place(place) or alone) and (m.group("sep") != ":" or (place.isupper() and len(place) > 3)):
                out.dateline_place = m.group("place").split("/")[0].strip().title()
                if m.group("date"):
                    out.stated_date = out.stated_date or _first_date(m.group("date"))
                _blank(chars, s, s + m.end())
        # The body proper starts with the first paragraph that says something in sentences; a standfirst
        # without a full stop may come before the byline.
        lead_done = lead_done or (len(para.split()) >= 8 and bool(re.search(r"[.!?][\"'”’)]*\s*$", para)))
    if texts and title != 0 and len(texts[0].split()) <= 5 and texts[0] in out.removed:
        out.masthead = texts[0]
    out.text = "".join(chars)
    out.body_chars = sum(1 for c in out.text if not c.isspace())
    return out


# A photographer's credit in capitals on its own line, over the caption: "TYLER SWAYZE / FREE PRESS".
CAPITAL_CREDIT = re.compile(r"(?-i:[A-Z][A-Z.'’ -]{2,40})\s*/\s*(?-i:[A-Z][A-Z.'’ &-]{1,40})")
CREDIT_WORD = re.compile(r"\s*(?:SUPPLIED|FILE|FILE PHOTO|HANDOUT|GETTY IMAGES|AFP|AP|REUTERS|BLOOMBERG)\s*")
READERS_LETTER = re.compile(r"\s*dear (?:readers?|subscribers?|friends?)\s*,?\s*$", re.I)


# A live blog's entry stamp ("10:42 BST") times the entry below it; a bare "04:12" is a video's length.
STAMP_TIME_RX = re.compile(r"^\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*[A-Z]{2,4}$")
FUNCTION_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "from", "&"}


CAPTION_CREDIT = re.compile(r"[.!?)]\s*[—–]\s*[A-Z][\w.&/-]*(?:\s[A-Z][\w.&/-]*){0,2}\s*$")
INITIALS_SIGN_OFF = re.compile(r"[.!?][\"”’]?\s+([A-Z]{2,3})\s*$")
SIGN_OFF = re.compile(r"\s*[—–]\s*[A-Z]{2,6}(?:/[A-Z]{2,6})?\s*$")  # a wire's sign-off: "... on Thursday. — VNS"


def _is_prose(p: str) -> bool:
    """Said in sentences: three words or more, ending in a full stop, question or exclamation mark ("..." is not one)."""
    p = SIGN_OFF.sub("", p)
    return len(p.split()) >= 3 and bool(re.search(r"[.!?][\"'”’)\]]*$", p)) and not re.search(r"(\.\.\.|…)$", p)


def _label(p: str) -> bool:
    """A short line that is not a sentence: a button, menu item, name, time or count ("Link copied", "04:12",
    "Hot Stocks", "Ng Wei Kai"). A sentence-case line of three or four words may be a subheading ("What
    happens next") and stays."""
    words = p.split()
    if len(words) > 4 or STAMP_TIME_RX.match(p) or p.endswith("?"):
        return False
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    return len(words) < 3 or not any(w[:1].islower() for w in content) or not re.search(r"[a-z]{2}", p)


def _bullet(p: str) -> bool:
    return bool(re.match(r"[-•*–]\s+\S+\s+\S+", p))


def _title_index(texts: list[str], flagged: list[bool], first: int) -> int | None:
    """The headline: the first line before the body long enough to be one (five words), not a site name or menu
    ("The Korea Herald", "Hot Stocks"); failing that, a short first line that looks like a headline."""
    found = [
        i
        for i in range(min(first, len(texts)))
        if not flagged[i] and len(texts[i].split()) >= 5 and _looks_like_headline(texts[i], texts[i + 1 :])
    ]
    # A name in capitals ("Trade and Investment Policy Watch", a blog's) gives way to a sentence-case headline below.
    for i in found:
        if _sentence_case(texts[i]):
            return i
    if found:
        return found[0]
    for i, t in enumerate(texts):
        if not flagged[i]:
            return i if _looks_like_headline(t, texts[i + 1 :]) else None
    return None


def _sentence_case(p: str) -> bool:
    """Some content word is in lower case: a headline in sentence case, not a name."""
    return any(w[:1].islower() for w in p.split() if w.lower() not in FUNCTION_WORDS)


def _site_name(p: str) -> bool:
    """The line is just the name of a known outlet or institution ("Peterson Institute for International
    Economics" over its blog post): a masthead, not a headline."""
    if gz.known_body(p):
        return True
    return any(h.start == 0 and h.end == len(p) and h.known.kind in ("media", "organization") for h in find_known(p))


def _rubric(p: str) -> bool:
    """A section or series label above the headline, its pieces set off by bars: "Finance & economics | The
    tariff take", "World | Asia". Each piece is a short label, not a sentence."""
    pieces = [x.strip() for x in p.split("|")]
    return len(pieces) >= 2 and all(0 < len(x.split()) <= 4 and not _is_prose(x) for x in pieces)


BYLINE_SEPARATORS = {"|", "·", "•", "and", "&", "/", "-", "–", "—", ",", "in"}  # "Martin Arnold in Frankfurt"
# The last word of a writer's post in a byline, written in lower case after the name.
JOURNALIST_POSTS = {"correspondent", "reporter", "writer", "editor", "columnist", "journalist", "contributor", "chief"}
STAMP_RX = re.compile(
    r"(?:^|[|·•]\s*)(?:posted|updated|last updated|published)\s*:|[|·•]\s*\d{1,2}[./]\d{1,2}[./]\d{4}\b", re.I
)


def _byline_like(para: str) -> bool:
    """A short line between headline and body naming people, posts or places, not saying anything: a byline
    ("Martin Murphy and Julia Löhr"), the writer's post ("Indochina Bureau Chief"), or a stamp line
    ("Cathy Senay · CBC News · Posted: Oct 14, 2025")."""
    p = para.strip()
    d = DATELINE_RX.match(p)
    if d and d.group("sep") != ":" and _outlet_after(p[d.end() :]):
        return True  # "Marianne Q. Dela Paz - The Philippine Star": the writer and the paper, no dateline
    if len(p) > 160 or (d and d.group("sep") != ":"):
        return False
    if STAMP_RX.search(p) and re.search(r"[|·•]", p):
        return True
    if len(p) > 80 or re.search(r"[.!?:;”\"]$", p):
        return False
    words = [w.strip(",") for w in p.split() if w.strip(",") and w.strip(",").lower() not in BYLINE_SEPARATORS]
    if len(words) > 2 and words[-1].lower() in JOURNALIST_POSTS:
        # "Jane Doe Industrial correspondent", "JANE DOE, Nikkei staff writer": the writer's post ends the line
        while len(words) > 2 and words[-1].islower():
            words.pop()
    return 0 < len(words) <= 6 and all(w[:1].isupper() for w in words)


def _filed_from(line: str) -> bool:
    """A line that is only a place the tables know ("Abu Dhabi", "ANKARA"): where the story was filed."""
    name = line.title() if line.isupper() else line
    return bool(city_country(name)) or (_is_place(name) and not name.isupper())


def _outlet_after(rest: str) -> bool:
    """What follows a byline's dash: the paper's name, a few capitalised words and nothing said."""
    words = rest.split()
    return (
        0 < len(words) <= 5
        and not re.search(r"[.!?:;,”\"]$", rest)
        and all(w[:1].isupper() or w == "the" for w in words)
    )


def _is_place(name: str) -> bool:
    """A dateline place is written in capitals, or is a place the gazetteer knows ("Brussels —")."""
    name = name.split("/")[0].strip()
    if name.upper() == name and len(name) > 2:
        return True
    return any(h.start == 0 and h.end == len(name) and h.known.kind == "country" for h in find_known(name))


def _clutter_in(para: str) -> list[tuple[int, int]]:
    """Spans of clutter in one paragraph: the whole paragraph when short, else the matching sentences."""
    initials = INITIALS_SIGN_OFF.search(para)
    if initials and len(para) > 80:
        return [(initials.start(1), len(para))]  # "... won relief. BM": the writer's initials end the story
    if len(para) <= 400:
        return [(0, len(para))] if any(rx.search(para) for _, rx in BOILERPLATE_RX) else []
    spans = []
    for m in re.finditer(r"[^.!?]+[.!?]*\s*", para):
        if any(rx.search(m.group(0)) for label, rx in BOILERPLATE_RX if label not in ("byline", "image")):
            spans.append((m.start(), m.end()))
    return spans


def _looks_like_headline(para: str, rest: list) -> bool:
    """A short first line with no closing full stop, followed by more text, is a headline."""
    p = para.strip()
    if not rest or len(p) > 200 or len(p.split()) < 3:
        return False
    return not re.search(r"[.!?][\"'”’)]*$", p) or (len(p) < 90 and p.count(".") <= 1 and not p.endswith("."))


def _first_date(text: str) -> dt.date | None:
    for t in find_dates(text, None):
        if t.date:
            return t.date
    return None


def _blank(chars: list[str], start: int, end: int) -> None:
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "
