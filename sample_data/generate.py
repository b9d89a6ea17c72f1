#!/usr/bin/env python3
"""Write netgraph's bundled sample network: invented people in real export shapes.

Run ``python sample_data/generate.py`` (or ``python -m netgraph.sample_data.generate``)
to rewrite every sample file next to this script. The output is deterministic: the same
bytes on every run (fixed seeds, fixed zip timestamps, no dependence on hash order or
locale). Standard library only, but for the last step: the share pack
(``packs/kofi-asante-share.csv``) is made from Kofi's export by netgraph's own ``share``
code, so the generator runs where netgraph is installed.

Every person, profile URL, e-mail address and message here is invented. Company names
are real or invented; nothing describes a real person. E-mail addresses use the reserved
``example.*`` domains.

The file shapes follow ``docs/linkedin-export.md`` (the project's notes on real
exports). The writer functions (``connections_csv``, ``messages_csv``, ``write_zip``...)
are also used by ``benchmarks/make_network.py`` to write large networks.

See ``sample_data/README.md`` for the story the sample tells and the names in it.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import random
import sys
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

HERE = Path(__file__).resolve().parent

#: The sample's "today": exports are dated 11-20-2026, the demo runs ``--as-of 2026-11-20``.
AS_OF = date(2026, 11, 20)
#: Every zip member carries this timestamp so that zips are byte-identical on every run.
ZIP_DATE_TIME = (2026, 11, 20, 9, 0, 0)
#: Kofi Asante's own full export, and the share pack he made from it for your targets.
KOFI_EXPORT = "packs/Complete_LinkedInDataExport_11-17-2026.zip"
KOFI_PACK = "packs/kofi-asante-share.csv"
#: The day Kofi made the pack (``netgraph share --as-of``).
KOFI_PACK_DATE = date(2026, 11, 18)
PROFILE_PREFIX = "https://www.linkedin.com/in/"

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# --------------------------------------------------------------------------------------
# Exact bytes and headers (docs/linkedin-export.md: Connections.csv and the other files)
# --------------------------------------------------------------------------------------

#: The three physical lines before the Connections.csv header since March 2021 (375 bytes).
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
_NOTE_TEXT = PREAMBLE.splitlines()[1].strip('"')
#: The same preamble after a European Excel re-save (``;`` separator, CRLF added later).
EXCEL_EU_PREAMBLE_LINES = ["Notes:;;", _NOTE_TEXT, ";;"]

CONNECTIONS_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                      "Connected On"]
CONNECTIONS_HEADER_NO_URL = ["First Name", "Last Name", "Email Address", "Company", "Position",
                             "Connected On"]
#: Connections.csv styles: (header has a URL column, Notes preamble)
CONNECTION_STYLES = {
    "modern": (True, True),      # mid-2023 -> 2026
    "2021": (False, True),       # Mar 2021 -> mid-2023
    "2020": (False, False),      # 2020, no preamble, no URL
    "2018": (False, False),      # Nov 2018: ``M/D/YY, h:mm AM`` dates, e-mails for everyone
    "excel-eu": (True, True),    # a modern file re-saved by European Excel
}

_MSG_BASE = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO"]
_MSG_TAIL = ["DATE", "SUBJECT", "CONTENT", "FOLDER"]
MESSAGES_HEADERS = {
    "2018": ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"],
    "2021": _MSG_BASE + _MSG_TAIL,
    "2023": _MSG_BASE + ["RECIPIENT PROFILE URLS"] + _MSG_TAIL,
    "2024-12": _MSG_BASE + ["RECIPIENT PROFILE URLS"] + _MSG_TAIL
    + ["IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
    "2025-08": _MSG_BASE + ["RECIPIENT PROFILE URLS"] + _MSG_TAIL + ["ATTACHMENTS"],
    "2025-11": _MSG_BASE + ["RECIPIENT PROFILE URLS"] + _MSG_TAIL + ["ATTACHMENTS", "IS MESSAGE DRAFT"],
    "2026-03": _MSG_BASE + ["RECIPIENT PROFILE URLS"] + _MSG_TAIL + ["ATTACHMENTS"],  # all quoted
}
INVITATIONS_HEADER = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                      "inviteeProfileUrl"]
INVITATIONS_HEADER_OLD = ["From", "To", "Sent At", "Message", "Direction"]
ENDORSEMENT_RECEIVED_HEADER = ["Endorsement Date", "Skill Name", "Endorser First Name",
                               "Endorser Last Name", "Endorser Public Url", "Endorsement Status"]
ENDORSEMENT_GIVEN_HEADER = ["Endorsement Date", "Skill Name", "Endorsee First Name",
                            "Endorsee Last Name", "Endorsee Public Url", "Endorsement Status"]
RECOMMENDATIONS_HEADER = ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date",
                          "Status"]
PROFILE_HEADER = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
                  "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
                  "Instant Messengers"]
PROFILE_HEADER_2018 = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date",
                       "Contact Instructions", "Headline", "Summary", "Industry", "Country",
                       "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"]
POSITIONS_HEADER = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
EDUCATION_HEADER = ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"]

# --------------------------------------------------------------------------------------
# Date formats (locale-independent: never strftime("%b"))
# --------------------------------------------------------------------------------------


def fmt_dd_mon_yyyy(d: date) -> str:
    """``07 Nov 2023``: Connections.csv since 2020."""
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


def fmt_us_short(t: datetime) -> str:
    """``3/7/24, 9:15 AM``: Invitations, Recommendations, 2018 Connections and Messages."""
    hour = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year % 100:02d}, {hour}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def fmt_utc(t: datetime) -> str:
    """``2023-11-07 14:03:22 UTC``: messages.csv since 2021."""
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d} UTC"


def fmt_slash_utc(t: datetime) -> str:
    """``2023/11/07 14:03:22 UTC``: endorsements."""
    return f"{t.year:04d}/{t.month:02d}/{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d} UTC"


def fmt_dotted(d: date) -> str:
    """``16.03.2021``: a European Excel re-save."""
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def fmt_mon_yyyy(d: date) -> str:
    """``Nov 2023``: Positions.csv."""
    return f"{MONTHS[d.month - 1]} {d.year}"


def fmt_java(t: datetime) -> str:
    """``Tue Aug 30 14:33:11 UTC 2022``: Company Follows.csv."""
    return (f"{WEEKDAYS[t.weekday()]} {MONTHS[t.month - 1]} {t.day:02d} "
            f"{t.hour:02d}:{t.minute:02d}:{t.second:02d} UTC {t.year}")


def fmt_plain_ts(t: datetime) -> str:
    """``2023-11-07 14:03:22``: activity files (no zone)."""
    return fmt_utc(t)[:-4]


# --------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------


@dataclass
class Person:
    """One invented member. ``slug`` may be non-ASCII (raw UTF-8); see :func:`pct_url`."""

    first: str
    last: str
    slug: str = ""
    company: str = ""
    position: str = ""
    email: str = ""

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}".strip()

    @property
    def url(self) -> str:
        return PROFILE_PREFIX + self.slug if self.slug else ""


def pct_url(url: str) -> str:
    """A profile URL as Connections.csv writes it: non-ASCII percent-encoded, upper-case hex."""
    if url.isascii():
        return url
    return quote(url, safe=":/-._~%")


def schemeless(url: str) -> str:
    """``www.linkedin.com/in/<slug>`` as endorsement files write it."""
    return url.split("://", 1)[-1]


def ascii_fold(text: str) -> str:
    """Strip accents: ``Sørensen`` -> ``Sorensen`` (for slugs and e-mail addresses)."""
    special = {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "đ": "d", "ı": "i"}
    text = "".join(special.get(c, c) for c in text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def slug_base(first: str, last: str, *, keep_unicode: bool = False) -> str:
    """``Ana Sofía Ríos`` -> ``ana-sofia-rios`` (or ``ana-sofía-ríos`` with keep_unicode)."""
    text = f"{first} {last}"
    for junk in (", PhD", ", MBA", ", CPA", '"'):
        text = text.replace(junk, " ")
    if not keep_unicode:
        text = ascii_fold(text)
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


# --------------------------------------------------------------------------------------
# Name, company and title pools (invented combinations; company names real or invented)
# --------------------------------------------------------------------------------------

FIRST_NAMES = """
Aaron Abigail Adam Adrian Aidan Alana Alejandro Alex Alexis Alicia Alina Amara Amir Amy
Andre Andrea Angela Anika Anita Anthony Ari Arjun Ashley Asha Audrey Austin Ben Bianca
Blake Brandon Brendan Brian Brooke Caleb Cameron Carla Carlos Carmen Casey Cedric Chandra
Chelsea Chris Christina Claire Colin Connor Courtney Dakota Damien Daniela Darius David
Deepa Derek Devon Diana Diego Dominic Eamon Eddie Elena Eli Elijah Elliot Emeka Emily Emma
Eric Erin Esther Ethan Evan Fatima Felix Fiona Francesca Gavin Gemma Gina Grace Graham Hailey
Hamza Hannah Harper Hector Ian Imani Irene Isaac Isabel Ivan Jack Jacob Jade Jamal James Janelle
Jared Jasmine Jason Javier Jenna Jeremy Jessica Joanna Joel Jonathan Jordan Joseph Joy Julia
Julian Justin Kamala Kara Karen Karthik Katie Keisha Kelly Kenji Kevin Kiara Kyle Laila Lauren
Leah Leon Liam Lily Logan Lucas Lucy Luke Maddie Malik Mara Marisol Mark Martin Mateo Maya
Megan Mehdi Melissa Michelle Mike Mina Monica Morgan Nadia Naomi Nate Neha Nikhil Nina Noah
Nora Olivia Omar Paige Pablo Patrick Paul Peter Philip Quentin Rachel Rafael Rahul Raj Rebecca
Reggie Rhea Ricardo Riley Rosa Ruth Ryan Sabrina Sam Sanjay Sara Sean Selena Serena Shane
Shreya Simone Sofia Sonia Stephen Steven Sunil Tanya Tara Taylor Teresa Tessa Tim Tony Trevor
Tyler Uma Valerie Vanessa Victor Vikram Vivian Wes Whitney Will Xavier Yasmin Yusuf Zach Zara
""".split()

LAST_NAMES = """
Abbott Acosta Adams Agarwal Ahmed Alvarez Anand Andersen Armstrong Bailey Baker Banerjee Barnes
Bauer Bell Bennett Bishop Blackwood Bose Boyd Bradley Brennan Brooks Bryant Burke Caldwell
Campbell Cardenas Carr Carter Castillo Chandler Chang Chen Choi Clarke Cohen Coleman Collins
Cooper Cruz Cunningham Dalton Das Davenport Dawson Delgado Diaz Dixon Donovan Doyle Dunn Edwards
Ellison Espinoza Evans Farrell Fernandez Fischer Fitzgerald Fleming Flores Foster Fox Gallagher
Garcia Garner Ghosh Gibson Gill Gomez Gonzalez Gordon Graham Grant Gupta Hahn Hall Hansen Harper
Hart Hayes Henderson Hernandez Hill Ho Hoffman Holland Howard Huang Hughes Hunt Iyer Jackson
Jain Jensen Jimenez Johnson Joshi Kapoor Kaur Keller Kennedy Khan Kim Klein Knight Kowalski
Kramer Kumar Lam Lambert Larsen Lawson Le Lee Leblanc Lewis Li Lin Liu Lopez Lowe Lu Lynch
Mahoney Malhotra Mann Marsh Martin Mason Matthews McCarthy McKenzie Mehta Mendez Meyer Miller
Mitchell Moore Morales Moreno Morgan Morris Murphy Murray Nair Nelson Ng Nichols Novak O'Brien
O'Connor Okafor Oliver Olsen Ortiz Osei Owens Park Patel Patterson Pearson Perez Perry Peterson
Phillips Pierce Porter Powell Price Quinn Rahman Ramirez Ramos Rao Reed Reyes Reynolds Rivera
Roberts Robinson Rodriguez Rogers Romero Rose Ross Russell Ryan Saito Salazar Sanchez Sandoval
Santos Schmidt Schneider Scott Shah Sharma Shaw Silva Simmons Singh Smith Sokolov Soto Spencer
Stewart Stone Sullivan Sutton Tan Taylor Thomas Thompson Torres Tran Tucker Turner Vargas Vaughn
Vega Wagner Walker Wallace Walsh Wang Ward Warren Watson Weber Wells West White Williams Wilson
Wong Wood Wright Wu Xu Yamamoto Yang Young Yu Zhang Zhou Zimmerman
""".split()

#: Nordic and continental names for the European friend's network.
EU_FIRST_NAMES = """
Anders Anna Astrid Axel Birgit Elias Emil Erik Freja Frida Gustav Hanna Henrik Ida Isak Jakob
Johan Karin Kasper Lars Lena Linnea Lukas Magnus Maja Mathilde Mikkel Nils Ole Oskar Pernilla
Rasmus Sanne Sebastian Signe Sofie Stina Tobias Tove Ulrik Viktor Wilma Yrsa Clara Felix Jonas
Léa Lotte Matteo Paula Pieter Sven Theresa
""".split()
EU_LAST_NAMES = """
Andersson Berg Bergström Christensen Dahl Eklund Engström Eriksson Hansen Holm Jakobsen Johansson
Karlsson Kristiansen Larsen Lindberg Lindholm Lund Madsen Mikkelsen Nielsen Nilsson Nyström
Olsen Pedersen Persson Rasmussen Sandberg Schultz Strand Svensson Thomsen Vestergaard Wikström
Bakker de Vries Meijer Schmitt Wolf Dubois Lefèvre Rossi Bianchi Novak Kowalczyk Horváth
""".split()

#: Names with non-ASCII letters: (first, last, keep the raw letters in the slug?)
UNICODE_NAMES = [
    ("José", "Martínez", True), ("Zoë", "Achterberg", False), ("Łukasz", "Nowicki", True),
    ("Renée", "Dubois", False), ("Björn", "Lindahl", True), ("Chloé", "Marchand", False),
    ("Iñigo", "Etxeberria", True), ("Małgorzata", "Wiśniewska", True), ("Jürgen", "Hoffmann", False),
    ("Çağla", "Yılmaz", True), ("André", "Gonçalves", False), ("Thảo", "Nguyễn", True),
    ("芳", "王", True), ("민준", "김", True), ("Ayşe", "Demir", False), ("Дмитрий", "Соколов", True),
    ("Öykü", "Arslan", True), ("Siobhán", "Ní Bhriain", False), ("Amélie", "Rousseau", True),
    ("Håkon", "Berg", False), ("Ngọc", "Trần", True), ("Émile", "Gagnon", False),
    ("Sébastien", "Côté", True), ("Mónica", "Ibáñez", False), ("Dagný", "Jónsdóttir", True),
    ("François", "Lemaître", False), ("Nuria", "Peñalosa", True), ("Vũ", "Phạm", False),
]
#: Names with emoji, credentials after a comma, or quotes.
ODD_NAMES = [
    ("Jess", "Moreno 🌻"), ("Ava", "Brooks 🚀"), ("Marco", "Bellini 🇮🇹"), ("✨Kai", "Hughes"),
    ("Tasha", "Greene 🌱"), ("Adaeze", "Okafor, PhD"), ("Jordan", "Ellis, MBA"),
    ("Priscilla", "Tan, CPA"), ('Robert "Bobby"', "Kowalczyk"), ("Dev", "Kulkarni 👨‍💻"),
]

TARGETS = [
    # company, priority, aliases, titles
    ("Stripe", 1, ["Stripe Payments"], ["Software Engineer", "Backend Engineer"]),
    ("Datadog", 1, [], ["Software Engineer", "Site Reliability Engineer"]),
    ("Shopify", 2, ["Shopify Plus"], ["Backend Developer", "Software Engineer"]),
    ("Meta", 2, ["Facebook", "Meta Platforms", "Instagram"], ["Software Engineer", "Production Engineer"]),
    ("Spotify", 3, [], ["Backend Engineer", "Software Engineer"]),
    ("Target", 3, ["Target Corporation"], ["Software Engineer", "Lead Engineer"]),
]

#: How each target's name is spelled by the people who work there (weights).
TARGET_VARIANTS = {
    "Stripe": [("Stripe", 6), ("Stripe, Inc.", 2), ("stripe", 1), ("Stripe Payments UK Ltd", 1)],
    "Datadog": [("Datadog", 5), ("Datadog Inc", 1), ("Datadog, Inc.", 1), ("DataDog", 1)],
    "Shopify": [("Shopify", 5), ("Shopify Plus", 1), ("Shopify Inc.", 1)],
    "Meta": [("Meta", 5), ("Facebook", 3), ("Meta Platforms, Inc.", 2), ("Instagram", 1)],
    "Spotify": [("Spotify", 4), ("Spotify AB", 1), ("Spotify USA Inc.", 1)],
    "Target": [("Target", 4), ("Target Corporation", 2), ("Target Corp.", 1)],
}
#: Employers that look like a target but are not one.
TRAP_COMPANIES = ["Target Hospitality", "Targetprocess", "Stripe Partners", "Stripes Group",
                  "Metadata Labs", "Meta Financial Group", "Square Enix", "TIBCO Spotfire", "ShopRite"]

#: Real employers, most common first (the head of a long tail); includes spelling variants.
COMPANIES = """
Google|Amazon|Microsoft|HubSpot|Fidelity Investments|Apple|Liberty Mutual Insurance|State Street
Amazon Web Services (AWS)|Salesforce|Deloitte|Accenture|IBM|Oracle|Boston Consulting Group (BCG)
JPMorgan Chase & Co.|Goldman Sachs|Capital One|athenahealth|DraftKings|Wellington Management
Akamai Technologies|Red Hat|MathWorks|Rapid7|Bain & Company|McKinsey & Company|Morgan Stanley
Cisco|Intel|NVIDIA|Adobe|Airbnb|Uber|Lyft|DoorDash|Instacart|Netflix|LinkedIn|Pinterest|Dropbox
Atlassian|Asana|Notion|Figma|Zoom|Twilio|Okta|Cloudflare|MongoDB|Snowflake|Databricks|Confluent
Elastic|GitHub|GitLab|HashiCorp|PagerDuty|New Relic|Splunk|ServiceNow|Workday|Intuit|Square|Block
PayPal|Robinhood|Coinbase|Plaid|Brex|Ramp|Chime|SoFi|Affirm|Etsy|eBay|Chewy|Peloton|Warby Parker
Rent the Runway|Squarespace|Wix|Mailchimp|Zendesk|Gusto|Rippling|Carta|Samsara|Vertex Pharmaceuticals
Moderna|Biogen|Takeda|Boston Scientific|Raytheon Technologies|GE Aerospace|Bose Corporation|iRobot
Boston Dynamics|Cengage|Pegasystems|Mass General Brigham|Boston Children's Hospital|Harvard University
MIT|Northeastern University|Boston University|Tufts University|Santander Bank|Putnam Investments
Vistaprint|CarGurus|Drift|Formlabs|WHOOP|Flywire|EverQuote|Care.com|KAYAK|TripAdvisor|Hopper|Wistia
Buildium|SimpliSafe|Rue La La|New Balance|Converse|Ocean Spray|Staples|TJX Companies|Zipcar|GoTo
Acquia|Veracode|Cybereason|DataRobot|Ginkgo Bioworks|Benchling|Dana-Farber Cancer Institute
Blue Cross Blue Shield of Massachusetts|Commonwealth of Massachusetts|City of Boston|MBTA
University of Michigan|Ford Motor Company|General Motors|Domino's|Duo Security|Rocket Mortgage
Stryker|Dow|Steelcase|Bloomberg LP|Two Sigma|Jane Street|Citadel|Vimeo|Yext|Compass|Oscar Health
Zocdoc|Flatiron Health|Foursquare|Betterment|Lemonade|Noom|Hims & Hers|Glossier|BuzzFeed
The New York Times|Condé Nast|Teach For America|Code for America|Khan Academy|Coursera|edX
Codecademy|General Assembly|Launch Academy|Resilient Coders|EY|PwC|KPMG|Booz Allen Hamilton
Slalom|Thoughtworks|Publicis Sapient|Capgemini|Cognizant|Infosys|Tata Consultancy Services|Wipro
Bank of America|Wells Fargo|Citi|BlackRock|Vanguard|Charles Schwab|American Express|Visa|Mastercard
Google LLC|Amazon.com Services LLC|Microsft|Salesfroce|HubSpot, Inc.|Fidelity|Deloitte Consulting LLP
JP Morgan|Goldman Sachs & Co. LLC|Amazon Web Services, Inc.|IBM Research|Self-employed|Freelance
Stealth Startup|Wayfair LLC|Toast, Inc.|Klaviyo Inc|Cambridge Innovation Center|Boston Public Schools
Massachusetts General Hospital|Sanofi|Novartis|Pfizer|Johnson & Johnson|Procter & Gamble|Nike
Walmart|Costco Wholesale|Home Depot|Lowe's Companies, Inc.|Best Buy|CVS Health|UnitedHealth Group
Humana|Cigna|Aetna|Kaiser Permanente|Epic|Cerner|Oracle Health|Veeva Systems|Medallia|Qualtrics
SurveyMonkey|Yelp|Reddit|Discord|Roblox|Electronic Arts|Activision Blizzard|Epic Games|Riot Games
Unity Technologies|Bungie|Zynga|Nintendo of America|Sony Interactive Entertainment|Tesla|Rivian
Lucid Motors|Waymo|Cruise|Aurora|Nuro|Zoox|Argo AI|Motional|Anduril Industries|Palantir Technologies
SpaceX|Blue Origin|Boeing|Lockheed Martin|Northrop Grumman|General Dynamics|BAE Systems|MITRE
MIT Lincoln Laboratory|Draper|Broad Institute|Whitehead Institute|Wyss Institute
""".replace("\n", "|").split("|")
COMPANIES = [c.strip() for c in COMPANIES if c.strip()]

EU_COMPANIES = """
Zalando SE|Klarna|King|Ericsson|SAP SE|N26|Booking.com|Adyen|Mollie|Bolt|Wolt|Delivery Hero SE
Novo Nordisk A/S|A.P. Moller - Maersk|Vestas|Unity Technologies|Trustpilot|Pleo|LEGO Group|Volvo Cars
IKEA|H&M Group|Northvolt|Epidemic Sound|Tink|Zettle by PayPal|Siemens|Bosch|BMW Group|Philips|ASML
Skyscanner|Monzo|Deliveroo|Ocado Technology|BlaBlaCar|Doctolib|Criteo|Mirakl|Contentsquare
Back Market|Personio|Celonis|GetYourGuide|trivago|HelloFresh|Miro|JetBrains|Typeform|Glovo|Ubisoft
Netlight|Telia Company|Nordea|Danske Bank|Carlsberg Group|Maersk Tankers|Too Good To Go|Lunar
""".replace("\n", "|").split("|")
EU_COMPANIES = [c.strip() for c in EU_COMPANIES if c.strip()]

_PREFIX = ("Bright North Blue Clear Quiet Silver Bold Open True Swift Little Iron Cedar Harbor "
           "Lumen Pine Copper Kite Orbit Tidal Amber Fern Granite Hollow Juniper Lark Maple "
           "Nimbus Oak Pebble Quill Rook Sable Thistle Umber Vale Willow Yarrow Zephyr").split()
_SUFFIX = "loop field stack works labs wave forge path point bridge leaf gate line spark grid".split()
_TAIL = ["", "", " Labs", " Inc.", " Technologies", " Health", " Analytics", " AI", " Studio",
         ", Inc.", " LLC", " Software", " Partners"]


def invented_companies(n: int, seed: str = "invented-companies") -> list[str]:
    """``n`` distinct invented employer names (deterministic)."""
    rng = random.Random(seed)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        name = rng.choice(_PREFIX) + rng.choice(_SUFFIX) + rng.choice(_TAIL)
        key = name.lower().replace(",", "").split(" ")[0]
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


INVENTED_COMPANIES = invented_companies(120)

#: (title, weight) for most people.
POSITIONS = [
    ("Software Engineer", 60), ("Senior Software Engineer", 45), ("Software Engineer II", 18),
    ("Staff Software Engineer", 10), ("Backend Engineer", 10), ("Frontend Engineer", 8),
    ("Full Stack Developer", 9), ("Full-Stack Engineer", 5), ("Site Reliability Engineer", 5),
    ("DevOps Engineer", 5), ("Principal Engineer", 3), ("Software Developer", 8),
    ("Senior Backend Developer", 3), ("iOS Engineer", 3), ("Android Developer", 3),
    ("QA Engineer", 3), ("Machine Learning Engineer", 5), ("Data Engineer", 6),
    ("Security Engineer", 3), ("Platform Engineer", 3), ("Software Engineering Intern", 3),
    ("Engineering Manager", 14), ("Senior Engineering Manager", 4), ("Director of Engineering", 4),
    ("Director, Engineering", 2), ("VP of Engineering", 2), ("CTO", 2), ("Co-Founder & CTO", 2),
    ("Tech Lead", 4), ("Technical Recruiter", 9), ("Senior Technical Recruiter", 6),
    ("Recruiter", 5), ("Talent Acquisition Partner", 5), ("Head of Talent", 2),
    ("Recruiting Coordinator", 2), ("University Recruiter", 2), ("Sourcer", 2),
    ("Lead Recruiter, Engineering", 1), ("VP, Talent Acquisition", 1), ("Product Designer", 8),
    ("Senior Product Designer", 4), ("UX Designer", 4), ("UX Researcher", 3), ("UI/UX Designer", 2),
    ("Data Scientist", 10), ("Senior Data Scientist", 4), ("Data Analyst", 8),
    ("Analytics Engineer", 3), ("Business Intelligence Analyst", 2), ("Product Manager", 12),
    ("Senior Product Manager", 6), ("Technical Program Manager", 4), ("Product Owner", 2),
    ("Account Executive", 6), ("Customer Success Manager", 4), ("Sales Development Representative", 3),
    ("Marketing Manager", 4), ("Financial Analyst", 3), ("Pricing Analyst", 2), ("Operations Manager", 3),
    ("Consultant", 4), ("Senior Consultant", 3), ("Associate", 3), ("Founder", 3), ("Founder & CEO", 2),
    ("Chief of Staff", 1), ("Teacher", 1), ("Graduate Student", 2), ("Teaching Assistant", 1),
    ("Student", 2), ("Instructor", 1), ("Career Coach", 1), ("Solutions Architect", 3),
    ("Developer Advocate", 2), ("Engineering Intern", 1), ('Chief "Everything" Officer', 0.2),
    ("Open to work", 0.5), ("Software Engineer | Python, Go, Kubernetes", 0.5),
]
ENGINEERING_TITLES = ["Software Engineer", "Senior Software Engineer", "Backend Engineer",
                      "Staff Software Engineer", "Software Engineer II", "Site Reliability Engineer",
                      "Frontend Engineer", "Full Stack Developer", "Data Engineer"]
RECRUITER_TITLES = ["Technical Recruiter", "Senior Technical Recruiter", "Recruiter",
                    "Talent Acquisition Partner", "Sourcer", "Head of Talent"]


def zipf_weights(n: int, s: float = 0.95, offset: float = 2.0) -> list[float]:
    return [1.0 / (i + offset) ** s for i in range(n)]


# --------------------------------------------------------------------------------------
# Writers: rows in, exact file bytes out
# --------------------------------------------------------------------------------------

def _conn_date(value, style: str) -> str:
    if isinstance(value, str) or value is None:
        return value or ""
    if style == "2018":
        if not isinstance(value, datetime):
            value = datetime(value.year, value.month, value.day, 12, 0)
        return fmt_us_short(value)
    if style == "excel-eu":
        return fmt_dotted(value)
    return fmt_dd_mon_yyyy(value)


def connections_csv(rows: Iterable[Sequence], style: str = "modern") -> bytes:
    """The bytes of a Connections.csv.

    ``rows`` are ``(first, last, url, email, company, position, connected_on)``; a hidden
    member is ``("", "", "", "", "", "", connected_on)``. ``connected_on`` is a date, a
    datetime (the 2018 style shows the time) or an already formatted string.

    Styles: ``modern`` (preamble + URL column, ``DD Mon YYYY``, LF, no final newline, URLs
    with non-ASCII slugs percent-encoded), ``2021`` (preamble, no URL), ``2020`` (no
    preamble, no URL), ``2018`` (no preamble, no URL, ``M/D/YY, h:mm AM``), ``excel-eu``
    (modern re-saved by European Excel: ``;``, ``DD.MM.YYYY``, cp1252, CRLF, final CRLF,
    ``Connected on``).
    """
    has_url, preamble = CONNECTION_STYLES[style]
    buf = io.StringIO()
    if style == "excel-eu":
        writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        buf.write("\r\n".join(EXCEL_EU_PREAMBLE_LINES) + "\r\n")
        writer.writerow(CONNECTIONS_HEADER[:-1] + ["Connected on"])
    else:
        writer = csv.writer(buf, lineterminator="\n")
        if preamble:
            buf.write(PREAMBLE)
        writer.writerow(CONNECTIONS_HEADER if has_url else CONNECTIONS_HEADER_NO_URL)
    if has_url:
        writer.writerows(
            (r[0], r[1], pct_url(r[2]), r[3], r[4], r[5], _conn_date(r[6], style)) for r in rows)
    else:
        writer.writerows((r[0], r[1], r[3], r[4], r[5], _conn_date(r[6], style)) for r in rows)
    text = buf.getvalue()
    if style == "excel-eu":
        return text.encode("cp1252", errors="replace")
    return text[:-1].encode("utf-8")  # genuine files have no newline after the last row


class Message(NamedTuple):
    """One message as the export sees it (names and raw profile URLs, not ids)."""

    conversation_id: str
    title: str
    sender_name: str
    sender_url: str
    to_names: tuple
    to_urls: tuple
    sent: datetime
    subject: str = ""
    content: str = ""
    folder: str = "INBOX"
    attachments: str = ""
    draft: bool = False


def messages_csv(messages: Iterable[Message], style: str = "2025-08", *, owner_url: str = "") -> bytes:
    """The bytes of a messages.csv (``Messages.csv`` in 2018) in one of MESSAGES_HEADERS' styles.

    Only the 2026-03 style keeps line breaks inside CONTENT (every field quoted); older
    styles flatten them. The 2018 style needs ``owner_url`` to tell OUTGOING from INCOMING.
    """
    buf = io.StringIO()
    quoting = csv.QUOTE_ALL if style == "2026-03" else csv.QUOTE_MINIMAL
    writer = csv.writer(buf, lineterminator="\n", quoting=quoting)
    writer.writerow(MESSAGES_HEADERS[style])
    for m in messages:
        content = m.content if style == "2026-03" else m.content.replace("\n", " ")
        if style == "2018":
            out = m.sender_url == owner_url
            folder = "SENT" if out else ("ARCHIVED" if m.folder == "ARCHIVE" else m.folder)
            writer.writerow([m.sender_name, ", ".join(m.to_names), fmt_us_short(m.sent), m.subject,
                             content, "OUTGOING" if out else "INCOMING", folder])
            continue
        row = [m.conversation_id, m.title, m.sender_name, m.sender_url, ", ".join(m.to_names)]
        if style != "2021":
            row.append(",".join(m.to_urls))
        row += [fmt_utc(m.sent), m.subject, content, m.folder]
        if style == "2024-12":
            row += ["Yes" if m.draft else "No", "No"]
        elif style in ("2025-08", "2026-03"):
            row.append(m.attachments)
        elif style == "2025-11":
            row += [m.attachments, "Yes" if m.draft else "No"]
        writer.writerow(row)
    return buf.getvalue().encode("utf-8")


class Invitation(NamedTuple):
    from_name: str
    to_name: str
    sent: datetime
    message: str
    direction: str  # INCOMING / OUTGOING
    inviter_url: str
    invitee_url: str


def invitations_csv(invitations: Iterable[Invitation], *, with_urls: bool = True) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(INVITATIONS_HEADER if with_urls else INVITATIONS_HEADER_OLD)
    for i in invitations:
        row = [i.from_name, i.to_name, fmt_us_short(i.sent), i.message, i.direction]
        writer.writerow(row + [i.inviter_url, i.invitee_url] if with_urls else row)
    return buf.getvalue().encode("utf-8")


def endorsements_csv(rows: Iterable[tuple], *, given: bool) -> bytes:
    """rows: ``(when, skill, first, last, url, status)``; URLs are written without scheme."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ENDORSEMENT_GIVEN_HEADER if given else ENDORSEMENT_RECEIVED_HEADER)
    for when, skill, first, last, url, status in rows:
        writer.writerow([fmt_slash_utc(when), skill, first, last, schemeless(url), status])
    return buf.getvalue().encode("utf-8")


def recommendations_csv(rows: Iterable[tuple]) -> bytes:
    """rows: ``(first, last, company, title, text, when, status)``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(RECOMMENDATIONS_HEADER)
    for first, last, company, title, text, when, status in rows:
        writer.writerow([first, last, company, title, text, fmt_us_short(when), status])
    return buf.getvalue().encode("utf-8")


def simple_csv(header: Sequence[str], rows: Iterable[Sequence[str]], *, newline: str = "\n",
               quote_all: bool = False) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline,
                        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def profile_csv(fields: dict, *, style: str = "2022") -> bytes:
    """Profile.csv with the 2022+ header (or ``style='2018'``); missing fields are empty."""
    header = PROFILE_HEADER_2018 if style == "2018" else PROFILE_HEADER
    return simple_csv(header, [[fields.get(h, "") for h in header]])


def positions_csv(rows: Iterable[Sequence[str]]) -> bytes:
    return simple_csv(POSITIONS_HEADER, rows)


def education_csv(rows: Iterable[Sequence[str]]) -> bytes:
    return simple_csv(EDUCATION_HEADER, rows)


def write_zip(path: Path, members: Sequence[tuple[str, bytes]], *,
              date_time: tuple = ZIP_DATE_TIME, compresslevel: int = 9) -> None:
    """Write a zip whose bytes depend only on ``members`` (fixed times, modes and order).

    Written whole or not at all (to a temporary file first).
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=compresslevel)
    write_bytes(path, buf.getvalue())


def write_bytes(path: Path, data: bytes) -> None:
    """Write a file whole or not at all."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def write_folder(folder: Path, members: Sequence[tuple[str, bytes]]) -> None:
    for name, data in members:
        write_bytes(Path(folder) / name, data)


def conversation_id(rng: random.Random) -> str:
    """``2-<base64>==`` like real exports."""
    u = uuid.UUID(int=rng.getrandbits(128), version=4)
    return "2-" + base64.b64encode(f"{u}_010".encode()).decode()


# --------------------------------------------------------------------------------------
# Message text
# --------------------------------------------------------------------------------------

CHAT = [
    "Hey! How's the new team treating you?", "Ha, same here", "Sending the link now",
    "Thanks so much, that really helped", "Coffee next week? I'm free Tuesday or Wednesday",
    "Did you see the talk on Postgres indexing? Worth watching", "Congrats on the promotion!!",
    "Let me know how the interview goes", "I owe you one", "Sure, happy to look at your PR",
    "LOL yes", "Can't make it tonight, rain check?", "Yes, 6:30 works",
    "That's a great question, I think it depends on the team", "Just shared a doc with you",
    "Here's the article I mentioned: https://example.com/blog/queues-are-databases",
    'She literally said "ship it" so we shipped it', "Hope the move went well!",
    "Are you going to the Boston Python meetup on Thursday?", "Saving you a seat",
    "How did the on-call week go?", "Brutal. Two pages at 3am, both DNS", "Classic",
    "Want to grab lunch near South Station?", "Running 10 min late, sorry!",
    "Thank you for the intro yesterday, it went really well",
    "I'm thinking about switching teams, can I pick your brain?", "Of course, call me tonight",
    "Happy birthday!! 🎉", "Thank you!! 😊", "Haha, that's amazing",
    "Did your team end up adopting the new queue?", "We did, latency dropped by half",
    "Can you send me the recruiter's name?", "On it", "Good luck tomorrow, you've got this",
    "Miss working with you", "Same! We should do a reunion dinner",
    "I read your blog post on idempotency keys, really clear", "Thanks, took me forever to write",
    "Would you review my resume? No rush", "Sent comments, mostly small stuff",
    "Let's catch up after the holidays", "Sounds good, talk soon",
]
OUTREACH = [
    "Hi {first}, I noticed you work on {team} at {company}. Would you be open to a 20-minute chat about your "
    "experience there?",
    "Hi {first}, thanks for connecting! I'd love to hear how you moved into {team}.",
    "Hi {first}, I'm a backend engineer in Boston exploring what's next. Any advice on how {company} hires?",
    "Hi {first}, I enjoyed your post about {team}. Do you have time for a quick call in the next few weeks?",
]
ONE_OFF_IN = [
    "Thanks for connecting, {owner}!", "Great meeting you at the meetup last night",
    "Hi {owner}, nice to meet you at the career fair", "Thanks for the endorsement!",
    "Hi {owner}, saw you're at {owner_company} now, congrats!", "Good to be connected",
    "Hi {owner}, do you know anyone on the payments team at {owner_company}?",
]
ONE_OFF_REPLY = ["Likewise, {first}!", "Thanks {first}, great to meet you too",
                 "Thank you! Hope all is well", "Happy to help, let me check", "Will do!"]
TEAMS = ["payments infrastructure", "developer tooling", "observability", "data platform",
         "search", "the API platform", "growth engineering", "mobile"]
INMAIL_SUBJECTS = ["Backend Engineer opportunity at {company}", "Quick question, {owner}",
                   "Your background + {company}", "Senior Software Engineer (remote)",
                   "Exploring new opportunities?"]
INMAIL_BODIES = [
    "Hi {owner}, I came across your profile and was impressed by your work at {owner_company}. We're hiring backend "
    "engineers at {company} and I think you'd be a great fit. Open to a chat?",
    "<p>Hi {owner},</p><p>I lead recruiting for {company}. Our platform team is growing, and your Python and Postgres "
    "experience stood out.</p><br><p>Would you have 15 minutes this week?</p><p>Best,<br>{first}</p>",
    "Hi {owner} - hope you're well! I'm working with a Series B startup in Boston looking for a senior backend "
    "engineer. Comp is competitive, hybrid 2 days. Interested?",
    "<p>Hello {owner},</p><p>Are you open to new roles? {company} is building out its reliability team.</p>",
]
SPONSORED = [
    ("Northbridge University Online", "Earn your Master's in Computer Science",
     '<p class="spinmail-quill-editor__spin-break">Hi {owner}, advance your career with a flexible, 100% online M.S. '
     'in Computer Science. Applications for spring close soon.</p><p class="spinmail-quill-editor__spin-break"><a '
     'href="https://example.com/apply">Apply now</a></p>'),
    ("CloudCert Academy", "",
     '<p class="spinmail-quill-editor__spin-break">{owner}, get certified in 6 weeks.</p><p '
     'class="spinmail-quill-editor__spin-break">Join 40,000 engineers who leveled up with CloudCert.</p>'),
    ("Harborline Wealth", "Your equity, explained",
     '<p class="spinmail-quill-editor__spin-break">Hi {owner}, do you have stock options? Book a free '
     'consultation.</p>'),
    ("DevSummit 2026", "",
     '<p class="spinmail-quill-editor__spin-break">{owner}, your free expo pass for DevSummit Boston is waiting.</p>'),
]
RECOMMENDATION_TEXTS = {
    "dana": "I've known Robin since we were both career-changers in the same Flatiron cohort. Robin is the person "
            "everyone asks when the tests are flaky, the query is slow or the design doc needs a second pair of eyes, "
            "and always answers with patience and a clear explanation. Robin writes careful, well-tested backend code, "
            "and \"it works on my machine\" is not in Robin's vocabulary. Any team would be lucky to have Robin.",
    "gabriel": "Robin joined my pricing analytics team at Wayfair straight out of Michigan and quickly became the "
               "analyst who automated everything. Robin rebuilt our weekly pricing report in Python, cutting a two-day "
               "process to twenty minutes, and taught three teammates to do the same. Curious, reliable, and generous "
               "with time.",
    "kofi": "Robin and I shipped the Toast payouts reconciliation service together. Robin owned the ledger design, "
            "wrote the runbooks, and was calm and methodical during incidents. I'd work with Robin again in a "
            "heartbeat.",
    "theo": "Theo is the best engineering manager I have worked with. At Toast he ran a team of eight across two time "
            "zones, protected our focus time, and still found hours to mentor new engineers (myself included). Theo "
            "knows everyone, and uses that to unblock people rather than to collect credit.",
    "nadia": "Nadia was the strongest debugger in our Flatiron cohort. Whenever a project went sideways she was the "
             "one who found the root cause, and she explained it so that the rest of us learned something.",
}
SKILLS = ["Python", "SQL", "PostgreSQL", "Django", "Ruby on Rails", "JavaScript", "React", "AWS",
          "Docker", "Kubernetes", "System Design", "REST APIs", "Distributed Systems", "Git",
          "Data Analysis", "Pricing", "Mentoring", "Go", "Terraform", "Observability"]


# --------------------------------------------------------------------------------------
# The sample network
# --------------------------------------------------------------------------------------


def _dt(y, m, d, hh=12, mm=0, ss=0) -> datetime:
    return datetime(y, m, d, hh, mm, ss)


class Conversation:
    """A thread between the export's owner and others, built up message by message."""

    def __init__(self, cid: str, others: list[Person], *, title: str = "", folder: str = "INBOX"):
        self.cid, self.others, self.title, self.folder = cid, others, title, folder
        self.items: list[tuple] = []  # (when, sender Person or None = LinkedIn Member, content, extra)

    def add(self, when: datetime, sender: Person | None, content: str, **extra) -> datetime:
        self.items.append((when, sender, content, extra))
        return when

    def messages(self, owner: Person, *, until: datetime | None = None,
                 member_name: str = "LinkedIn Member") -> list[Message]:
        everyone = [owner] + self.others
        out = []
        for when, sender, content, extra in sorted(self.items, key=lambda it: it[0]):
            if until is not None and when > until:
                continue
            if sender is None:  # a hidden member wrote
                s_name, s_url = member_name, ""
                recips = [owner]
            else:
                s_name, s_url = sender.name, extra.get("sender_url", sender.url)
                recips = [p for p in everyone if p is not sender]
            names = tuple((p.name if p is not None else member_name) for p in recips)
            urls = tuple(p.url for p in recips if p is not None and p.url)
            if extra.get("to_member"):
                names, urls = (member_name,), ()
            out.append(Message(self.cid, self.title, s_name, s_url, names, urls, when,
                               extra.get("subject", ""), content, self.folder,
                               extra.get("attachments", ""), extra.get("draft", False)))
        return out

    @property
    def last(self) -> datetime:
        return max(it[0] for it in self.items)


def sort_for_export(convs: list[Conversation], owner: Person, *, until: datetime | None = None,
                    member_name: str = "LinkedIn Member") -> list[Message]:
    """Threads newest first, messages within a thread newest first (as exports list them)."""
    threads = []
    for c in convs:
        msgs = c.messages(owner, until=until, member_name=member_name)
        if msgs:
            threads.append((max(m.sent for m in msgs), c.cid, msgs))
    threads.sort(key=lambda t: (t[0], t[1]), reverse=True)
    out: list[Message] = []
    for _, _, msgs in threads:
        out.extend(sorted(msgs, key=lambda m: m.sent, reverse=True))
    return out


class NameMaker:
    """Invented, unique people: names from the pools, slugs like ``jane-doe-4b5a2c``."""

    def __init__(self, rng: random.Random, used_slugs: set, used_names: set):
        self.rng, self.used_slugs, self.used_names = rng, used_slugs, used_names
        self.specials = list(UNICODE_NAMES)
        self.odd = list(ODD_NAMES)

    def slug_for(self, first: str, last: str, keep_unicode: bool = False) -> str:
        base = slug_base(first, last, keep_unicode=keep_unicode)
        while True:
            r = self.rng.random()
            if r < 0.12:
                slug = base if base not in self.used_slugs else f"{base}{self.rng.randint(2, 99)}"
            else:
                slug = f"{base}-{self.rng.getrandbits(4 * self.rng.choice((6, 7, 8, 9))):x}"
            if slug not in self.used_slugs:
                self.used_slugs.add(slug)
                return slug

    def make(self, first: str, last: str, company: str = "", position: str = "", *,
             slug: str | None = None, keep_unicode: bool = False) -> Person:
        self.used_names.add((first, last))
        if slug is None:
            slug = self.slug_for(first, last, keep_unicode)
        else:
            self.used_slugs.add(slug)
        return Person(first, last, slug, company, position)

    def random(self, *, pool: str = "us", special_rate: float = 0.035) -> Person:
        rng = self.rng
        r = rng.random()
        self.specials = [s for s in self.specials if s[:2] not in self.used_names]
        self.odd = [s for s in self.odd if s not in self.used_names]
        if pool == "us" and r < special_rate and self.specials:
            first, last, keep = self.specials.pop(rng.randrange(len(self.specials)))
            return self.make(first, last, keep_unicode=keep)
        if pool == "us" and r < special_rate * 1.4 and self.odd:
            first, last = self.odd.pop(rng.randrange(len(self.odd)))
            return self.make(first, last)
        firsts, lasts = (FIRST_NAMES, LAST_NAMES) if pool == "us" else (EU_FIRST_NAMES, EU_LAST_NAMES)
        while True:
            first, last = rng.choice(firsts), rng.choice(lasts)
            if (first, last) not in self.used_names:
                return self.make(first, last)


def fake_email(rng: random.Random, p: Person) -> str:
    first = slug_base(p.first, "").replace("-", "") or "member"
    last = slug_base("", p.last).replace("-", "") or "x"
    style = rng.randrange(4)
    local = [f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 99)}",
             f"{first}_{last}"][style]
    return f"{local}@example.{rng.choice(['com', 'org', 'net'])}"


def stray_spaces(rng: random.Random, row: list) -> list:
    """Leading/trailing spaces as real exports have them (~8% of rows)."""
    r = rng.random()
    if r < 0.03 and row[1]:
        row[1] = row[1] + " "
    elif r < 0.05 and row[4]:
        row[4] = row[4] + " "
    elif r < 0.065 and row[5]:
        row[5] = " " + row[5]
    elif r < 0.075 and row[0]:
        row[0] = row[0] + " "
    elif r < 0.08 and row[5]:
        row[5] = row[5] + "  "
    return row


class SampleNetwork:
    """Builds every sample file in memory: :meth:`files` returns ``{relative path: bytes}``."""

    OLD_DATE = date(2025, 3, 2)
    THEO_DATE = date(2026, 10, 2)
    GABRIEL_DATE = date(2018, 12, 3)
    NADIA_DATE = date(2020, 12, 14)
    INGRID_DATE = date(2026, 6, 8)
    KOFI_DATE = date(2026, 11, 17)

    def __init__(self, seed: int = 20261120):
        self.seed = seed
        self.used_slugs: set[str] = set()
        self.used_names: set[tuple[str, str]] = set()
        self.names = NameMaker(random.Random(f"{seed}-names"), self.used_slugs, self.used_names)
        self.eu_names = NameMaker(random.Random(f"{seed}-eu-names"), self.used_slugs, self.used_names)
        self.rng = random.Random(f"{seed}-main")
        # The universe of employers: real head, invented long tail.
        self.companies = COMPANIES + INVENTED_COMPANIES
        self.company_weights = zipf_weights(len(COMPANIES), 0.9, 3.0) + [0.006] * len(INVENTED_COMPANIES)
        self.position_titles = [t for t, _ in POSITIONS]
        self.position_weights = [w for _, w in POSITIONS]
        self._make_story()
        self._make_connections()
        self._make_messages()

    # ---------------------------------------------------------------- people
    def company(self, rng=None) -> str:
        rng = rng or self.rng
        return rng.choices(self.companies, self.company_weights)[0]

    def position(self, rng=None) -> str:
        rng = rng or self.rng
        return rng.choices(self.position_titles, self.position_weights)[0]

    def _make_story(self):
        mk = self.names.make
        self.owner = mk("Robin", "Castellanos", "Klaviyo", "Software Engineer II", slug="robin-castellanos")
        self.owner_company_2020 = ("Flatiron School", "Software Engineering Student")
        self.owner_company_2018 = ("Wayfair", "Pricing Analyst")
        # The five people the story is about.
        self.dana = mk("Dana", "Whitfield", "Datadog", "Senior Software Engineer", slug="dana-whitfield-4a7c21")
        self.marcus = mk("Marcus", "Oyelaran", "Shopify", "Senior Backend Developer", slug="marcus-oyelaran")
        self.theo = mk("Theo", "Lindqvist", "Toast", "Engineering Manager", slug="theo-lindqvist")
        self.kendra = mk("Kendra", "Falk", "Stripe", "Senior Technical Recruiter", slug="kendra-falk-b3e91")
        self.samir = mk("Samir", "Haddad", "Stripe", "Backend Engineer", slug="samir-haddad-7b21a4")
        # Friends who shared their exports.
        self.gabriel = mk("Gabriel", "Moreau", "Wayfair", "Director, Pricing Analytics", slug="gabriel-moreau-9c3d0e")
        self.nadia = mk("Nadia", "Petrov", "HubSpot", "Software Engineer II", slug="nadia-petrov-2f8e61")
        self.ingrid = mk("Ingrid", "Sørensen", "Zalando SE", "Engineering Manager", slug="ingrid-sørensen-5d1a9b")
        # Diff story: moved in, moved out, removed.
        self.lena = mk("Lena", "Vasquez", "Stripe, Inc.", "Software Engineer", slug="lena-vasquez-81f0c2")
        self.owen = mk("Owen", "Brandt", "Wealthsimple", "Staff Software Engineer", slug="owen-brandt-5e2f77")
        self.victor = mk("Victor", "Hale", "Oracle", "Account Executive", slug="victor-hale-0d93ab")
        # Other close contacts.
        self.kofi = mk("Kofi", "Asante", "Toast", "Senior Software Engineer", slug="kofi-asante-3e8d1f")
        self.hana = mk("Hana", "Kobayashi", "Toast", "Product Manager", slug="hana-kobayashi-77c0e4")
        self.miguel = mk("Miguel", "Ortega", "Klaviyo", "Staff Software Engineer", slug="miguel-ortega-b41a93")
        self.priya = mk("Priya", "Raman", "Klaviyo", "Engineering Manager", slug="priya-raman-c9d2e0")
        self.luis = mk("Luis", "Castellanos", "Mass General Brigham", "Nurse Practitioner",
                       slug="luis-castellanos-2b7a41")
        self.aisha = mk("Aisha", "Bello", "Spotify", "Software Engineer", slug="aisha-bello-6f3c98")
        # Non-ASCII slugs that must also show up raw in messages.csv / Invitations.csv.
        self.jose = mk("José", "Martínez", "Wayfair", "Senior Data Scientist", keep_unicode=True)
        self.lukasz = mk("Łukasz", "Nowicki", "Meta", "Production Engineer", keep_unicode=True)
        self.thao = mk("Thảo", "Nguyễn", "Klaviyo", "Product Designer", keep_unicode=True)
        # Two different people with the same name.
        self.kim1 = mk("Daniel", "Kim", "Fidelity Investments", "Software Engineer")
        self.kim2 = mk("Daniel", "Kim", "Boston Scientific", "Data Analyst")

        # Second-degree people (reached through friends' exports / known ties).
        self.ana = mk("Ana Sofía", "Ríos", "Stripe", "Engineering Manager, Payments", slug="ana-sofía-ríos-3c8f2a")
        self.jonas = mk("Jonas", "Becker", "Datadog Inc", "Senior Technical Recruiter", slug="jonas-becker-4d1e0a")
        self.camille = mk("Camille", "Laurent", "Datadog", "Site Reliability Engineer", slug="camille-laurent-a2b9c7")
        self.priyanka = mk("Priyanka", "Desai", "Meta", "Software Engineer", slug="priyanka-desai-5c0f31")
        self.tom = mk("Tom", "Hollis", "Facebook", "Production Engineer", slug="tom-hollis-e7a2d4")
        self.mei = mk("Mei", "Tanaka", "Meta Platforms, Inc.", "Engineering Manager", slug="mei-tanaka-0b6e95")
        self.hiroshi = mk("Hiroshi", "Sato", "Spotify", "Data Engineer", slug="hiroshi-sato-9a4c12")
        self.elise = mk("Elise", "Fontaine", "Shopify", "Backend Developer", slug="elise-fontaine-61d8b3")
        self.brianna = mk("Brianna", "Olsen", "Target", "Lead Engineer", slug="brianna-olsen-2c5e8f")
        self.karl = mk("Karl", "Nyberg", "Target Corporation", "Senior Software Engineer", slug="karl-nyberg-7f1a06")
        self.devika = mk("Devika", "Rao", "Target", "Senior Recruiter", slug="devika-rao-d03b2e")
        self.will = mk("Will", "Harrington", "Facebook", "Software Engineer", slug="will-harrington-8e4b71")
        self.linnea = mk("Linnea", "Berg", "Spotify AB", "Backend Engineer", slug="linnea-berg-1f7d3c")
        self.oskar = mk("Oskar", "Lund", "Spotify", "Senior Software Engineer", slug="oskar-lund-c8a05e")
        self.ravi = mk("Ravi", "Menon", "Spotify", "Engineering Manager", slug="ravi-menon-8e2b4f")
        self.hannah = mk("Hannah", "Brooks", "Target", "Senior Technical Recruiter", slug="hannah-brooks-3a9d27")
        self.jade = mk("Jade", "Whitaker", "Shopify", "Engineering Manager", slug="jade-whitaker-f4c6a0")

    def _make_connections(self):
        rng = random.Random(f"{self.seed}-connections")
        # (start, end, how many, owner's employer then, share of colleagues there)
        eras = [
            (date(2014, 9, 1), date(2018, 5, 31), 125, "University of Michigan", 0.06),
            (date(2018, 6, 1), date(2020, 8, 31), 235, "Wayfair", 0.20),
            (date(2020, 9, 1), date(2020, 12, 31), 135, "Flatiron School", 0.10),
            (date(2021, 1, 1), date(2024, 5, 31), 560, "Toast", 0.19),
            (date(2024, 6, 1), date(2026, 11, 19), 415, "Klaviyo", 0.19),
        ]
        conns: list[tuple[Person, datetime]] = []
        self.colleagues: dict[str, list[Person]] = {}
        for start, end, n, employer, share in eras:
            span = (end - start).days
            for _ in range(n):
                p = self.names.random()
                when = start + timedelta(days=rng.randrange(span + 1))
                when = datetime(when.year, when.month, when.day, rng.randrange(24), rng.randrange(60),
                                rng.randrange(60))
                if rng.random() < share:
                    p.company = employer if rng.random() < 0.85 else {
                        "Wayfair": "Wayfair LLC", "Toast": "Toast, Inc.", "Klaviyo": "Klaviyo Inc",
                        "Flatiron School": "Flatiron School", "University of Michigan": "University of Michigan",
                    }[employer]
                    p.position = self.position(rng)
                    self.colleagues.setdefault(employer, []).append(p)
                elif rng.random() < 0.015:
                    p.company, p.position = "", ("" if rng.random() < 0.5 else self.position(rng))
                else:
                    p.company, p.position = self.company(rng), self.position(rng)
                conns.append((p, when))
        # Every remaining unusual name (non-ASCII, emoji, ", PhD") is one of your connections.
        while self.names.specials or self.names.odd:
            p = self.names.random(special_rate=1.0)
            p.company, p.position = self.company(rng), self.position(rng)
            when = date(2015, 1, 1) + timedelta(days=rng.randrange(4300))
            conns.append((p, datetime(when.year, when.month, when.day, rng.randrange(24), rng.randrange(60),
                                      rng.randrange(60))))
        # Insiders at the targets: spelling variants; plus look-alike employers (traps).
        colleague_ids = set(id(p) for group in self.colleagues.values() for p in group)
        generic = [i for i, (p, _) in enumerate(conns)
                   if id(p) not in colleague_ids and not p.first.startswith(("✨",)) and "," not in p.last]
        picks = rng.sample(generic, 64)
        counts = {"Stripe": 8, "Datadog": 7, "Shopify": 5, "Meta": 11, "Spotify": 5, "Target": 5}
        k = 0
        titles_for = ["Software Engineer", "Senior Software Engineer", "Backend Engineer",
                      "Staff Software Engineer", "Engineering Manager", "Technical Recruiter",
                      "Product Manager", "Product Designer", "Data Scientist", "Account Executive",
                      "Site Reliability Engineer", "Software Engineer II"]
        for target, n in counts.items():
            names, weights = zip(*TARGET_VARIANTS[target])
            for j in range(n):
                p = conns[picks[k]][0]
                k += 1
                p.company = names[j] if j < len(names) else rng.choices(names, weights)[0]
                p.position = rng.choice(titles_for)
        for trap in TRAP_COMPANIES + ["Target Hospitality", "Metadata Labs"]:
            p = conns[picks[k]][0]
            k += 1
            p.company, p.position = trap, self.position(rng)
        self.target_people = [conns[i][0] for i in picks[:k]]

        # The story people, at fixed dates.
        fixed = [
            (self.dana, _dt(2020, 10, 2, 19, 14)), (self.marcus, _dt(2017, 11, 8, 21, 3)),
            (self.theo, _dt(2021, 2, 16, 15, 40)), (self.kendra, _dt(2025, 9, 3, 14, 22)),
            (self.gabriel, _dt(2018, 7, 9, 13, 5)), (self.nadia, _dt(2020, 9, 21, 16, 45)),
            (self.ingrid, _dt(2019, 6, 14, 9, 30)), (self.lena, _dt(2022, 5, 17, 18, 2)),
            (self.owen, _dt(2019, 3, 28, 12, 51)), (self.kofi, _dt(2021, 3, 1, 10, 12)),
            (self.hana, _dt(2021, 4, 19, 17, 30)), (self.miguel, _dt(2024, 6, 24, 13, 0)),
            (self.priya, _dt(2024, 6, 10, 16, 8)), (self.luis, _dt(2016, 1, 3, 20, 41)),
            (self.aisha, _dt(2026, 10, 28, 23, 15)), (self.jose, _dt(2019, 1, 22, 15, 2)),
            (self.lukasz, _dt(2023, 8, 30, 11, 47)), (self.thao, _dt(2025, 1, 13, 14, 36)),
            (self.kim1, _dt(2022, 11, 2, 9, 9)), (self.kim2, _dt(2019, 7, 7, 18, 18)),
        ]
        conns += fixed
        # e-mail addresses for ~3% (members who allow it)
        for p, _ in conns:
            if rng.random() < 0.03:
                p.email = fake_email(rng, p)
        self.luis.email = "luis.castellanos@example.net"
        conns.sort(key=lambda pw: (pw[1], pw[0].slug), reverse=True)
        self.connections = conns
        self.connected_on = {id(p): w for p, w in conns}
        # Hidden (deactivated) members: date-only rows, ~2%.
        self.hidden = sorted(
            (datetime(2016, 1, 1) + timedelta(days=rng.randrange(3950), hours=rng.randrange(24))
             for _ in range(31)), reverse=True)

        # The same network ~20 months earlier (the 2025-03-02 export).
        old_rng = random.Random(f"{self.seed}-old")
        self.old_state: dict[int, tuple[str, str]] = {}
        self.old_state[id(self.lena)] = ("Squarespace", "Software Engineer II")
        self.old_state[id(self.owen)] = ("Shopify", "Staff Developer")
        self.old_state[id(self.dana)] = ("Datadog", "Software Engineer")
        # Random job changes only among people who are not at (or near) a target, so that the
        # moves that matter in `netgraph diff` are the story's: Lena in, Owen out.
        steady = set(id(p) for p in self.story_people() + self.target_people)
        candidates = [p for p, w in conns if w.date() < self.OLD_DATE and id(p) not in steady]
        for p in old_rng.sample(candidates, 70):
            if old_rng.random() < 0.55:
                self.old_state[id(p)] = (self.company(old_rng), self.position(old_rng))
            else:  # promoted: same employer, new title
                self.old_state[id(p)] = (p.company, self.position(old_rng))

    def story_people(self) -> list[Person]:
        return [self.owner, self.dana, self.marcus, self.theo, self.kendra, self.samir, self.gabriel,
                self.nadia, self.ingrid, self.lena, self.owen, self.victor, self.kofi, self.hana,
                self.miguel, self.priya, self.luis, self.aisha, self.jose, self.lukasz, self.thao,
                self.kim1, self.kim2]

    # ---------------------------------------------------------------- messages
    def _sessions(self, rng, conv, other, start: datetime, end: datetime, n: int, *,
                  last: datetime | None = None, lines=CHAT, bias: float = 1.0, size=(2, 6),
                  me: Person | None = None):
        """``n`` bursts of chat between ``me`` (default: you) and ``other``, later ones likelier."""
        me = me or self.owner
        if end <= start:
            start = end - timedelta(days=2)
        span = (end - start).total_seconds()
        times = sorted(start + timedelta(seconds=span * rng.random() ** (1 / (1 + bias)))
                       for _ in range(n))
        if last is not None:
            times[-1] = last
        for t in times:
            sender = rng.choice([me, other])
            for _ in range(rng.randint(*size)):
                conv.add(t, sender, rng.choice(lines))
                t += timedelta(minutes=rng.randint(1, 95), seconds=rng.randrange(60))
                if rng.random() < 0.75:
                    sender = other if sender is me else me

    def _make_messages(self):
        rng = random.Random(f"{self.seed}-messages")
        o = self.owner
        fill = {"owner": o.first, "owner_company": o.company}
        convs: list[Conversation] = []

        def conv(others, **kw) -> Conversation:
            c = Conversation(conversation_id(rng), others, **kw)
            convs.append(c)
            return c

        # Close contacts: dozens of messages both ways.
        self.conv_dana = c = conv([self.dana])
        self._sessions(rng, c, self.dana, _dt(2020, 10, 5), _dt(2026, 11, 1), 16, bias=1.5)
        for when, who, text in [
            (_dt(2026, 11, 15, 18, 2, 11), self.owner, "I think I'm finally ready to start looking. Datadog is at the "
                                                       "top of my list, honestly"),
            (_dt(2026, 11, 15, 18, 9, 40), self.dana, "Yesss. You'd love the team here. Let's talk this week?"),
            (_dt(2026, 11, 15, 18, 11, 5), self.owner, "Thursday after work?"),
            (_dt(2026, 11, 15, 18, 30, 27), self.dana, "Perfect, the usual place at 6"),
        ]:
            c.add(when, who, text)
        c.add(_dt(2025, 4, 2, 20, 15), self.owner, "Here's the deck from my talk", attachments="https://www.linkedin.com/dms/prv/image/v2/D4E10AQ7x2kPq9mHfTw/messaging-attachmentFile/robin-meetup-talk.pdf")
        self.conv_theo = c = conv([self.theo], folder="INBOX")
        self._sessions(rng, c, self.theo, _dt(2021, 2, 20), _dt(2026, 10, 20), 10, bias=1.0)
        for when, who, text in [
            (_dt(2026, 9, 30, 16, 20, 3), self.owner,
             "Thanks for sharing your connections export! Super generous of you"),
            (_dt(2026, 9, 30, 16, 41, 19), self.theo,
             "Anytime. Half of my old Stripe team is in there, happy to make intros"),
            (_dt(2026, 10, 29, 13, 5, 44), self.theo, "Saw the Datadog SRE post, thought of you"),
            (_dt(2026, 10, 29, 13, 30, 8), self.owner, "Ha, thank you! Applying this week"),
        ]:
            c.add(when, who, text)
        self.conv_gabriel = c = conv([self.gabriel], folder="ARCHIVE")
        c.add(_dt(2018, 7, 9, 13, 20), self.gabriel, "Welcome to the team, Robin! Looking forward to working together")
        c.add(_dt(2018, 7, 9, 14, 2), self.owner, "Thank you Gabriel! Excited to start")
        c.add(_dt(2018, 10, 3, 17, 45), self.owner, "Could we move our 1:1 to Friday?")
        c.add(_dt(2018, 10, 3, 17, 51), self.gabriel, "Sure, Friday 10am")
        self._sessions(rng, c, self.gabriel, _dt(2019, 1, 10), _dt(2026, 9, 1), 5, size=(2, 3), bias=0.3)
        c.add(_dt(2026, 9, 20, 15, 10, 2), self.owner, "Would love your advice on a job search plan, coffee soon?")
        c.add(_dt(2026, 9, 20, 16, 44, 51), self.gabriel, "Always. I'm in Back Bay most Wednesdays")
        self.conv_nadia = c = conv([self.nadia])
        self._sessions(rng, c, self.nadia, _dt(2020, 9, 25), _dt(2025, 6, 1), 4, size=(2, 4), bias=0.2,
                       last=_dt(2025, 6, 10, 19, 40))
        c = conv([self.kofi])
        self._sessions(rng, c, self.kofi, _dt(2021, 3, 2), _dt(2026, 8, 12), 7, last=_dt(2026, 8, 12, 12, 30))
        c = conv([self.hana], folder="ARCHIVE")
        self._sessions(rng, c, self.hana, _dt(2021, 4, 20), _dt(2025, 2, 1), 5)
        c = conv([self.miguel])
        self._sessions(rng, c, self.miguel, _dt(2024, 6, 25), _dt(2026, 11, 10), 6, bias=1.0)
        c = conv([self.priya])
        self._sessions(rng, c, self.priya, _dt(2024, 6, 12), _dt(2026, 10, 1), 3, size=(1, 3))
        c = conv([self.luis])
        self._sessions(rng, c, self.luis, _dt(2017, 1, 1), _dt(2026, 11, 1), 2, size=(1, 2))
        c = conv([self.aisha])
        c.add(_dt(2026, 10, 28, 23, 20), self.owner, "Great chatting at the Boston Python meetup! Would love to hear "
                                                     "more about the backend team at Spotify")
        c.add(_dt(2026, 10, 29, 8, 2), self.aisha, "Likewise! Happy to grab a coffee sometime next month")
        c = conv([self.jose], folder="ARCHIVE")
        c.add(_dt(2019, 1, 22, 15, 10), self.jose, "Hola Robin, great to meet you at the pricing offsite")
        c.add(_dt(2019, 1, 22, 16, 0), self.owner, "Likewise, José!")
        c = conv([self.lukasz])
        c.add(_dt(2024, 2, 6, 14, 12), self.owner, "Hi Łukasz, I noticed you work on observability at Meta. Would you "
                                                   "be open to a 20-minute chat about your experience there?")
        c = conv([self.thao])
        c.add(_dt(2025, 1, 14, 9, 30), self.thao, "Welcome to the Klaviyo design crit channel 🙂")

        # Drafts (never sent): must not warm anyone up.
        c = conv([self.marcus])
        c.add(_dt(2026, 11, 18, 22, 40), self.owner, "Hi Marcus! It's been forever since Econ 401. I saw you're at "
                                                     "Shopify now and", draft=True)

        connections = [p for p, _ in self.connections]
        special = set(id(p) for p in self.story_people())
        pool = [p for p in connections if id(p) not in special]
        rng.shuffle(pool)
        # Long chats only with people at non-target employers, so the story people stand out
        # at the targets (insiders there still get one-off messages and outreach).
        at_target = set(id(p) for p in self.target_people)
        others = [p for p in pool if id(p) not in at_target]
        mid, rest = others[:55], others[55:] + [p for p in pool if id(p) in at_target]
        rng.shuffle(rest)
        one_off, outreach = rest[:230], rest[230:280]
        for p in mid:
            w = self.connected_on[id(p)]
            c = conv([p], folder=rng.choice(["INBOX", "INBOX", "ARCHIVE"]))
            self._sessions(rng, c, p, w + timedelta(days=1), min(w + timedelta(days=1400), _dt(2026, 11, 18)),
                           rng.randint(1, 3), size=(1, 4), bias=0.0)
        latest = _dt(2026, 11, 19, 22)

        def before_today(start: datetime, delta: timedelta) -> datetime:
            """``start + delta``, or a random moment between start and yesterday night."""
            return start + delta if start + delta <= latest else start + (latest - start) * rng.random()

        for p in one_off:
            w = before_today(self.connected_on[id(p)], timedelta(hours=rng.randint(1, 300)))
            c = conv([p], folder=rng.choice(["INBOX", "ARCHIVE", "ARCHIVE"]))
            c.add(w, p, rng.choice(ONE_OFF_IN).format(**fill, first=p.first))
            if rng.random() < 0.45:
                c.add(before_today(w, timedelta(hours=rng.randint(1, 48))), o,
                      rng.choice(ONE_OFF_REPLY).format(first=p.first))
        for p in outreach:
            w = before_today(self.connected_on[id(p)], timedelta(days=rng.randint(0, 400), minutes=rng.randint(5, 900)))
            c = conv([p])
            c.add(w, o, rng.choice(OUTREACH).format(first=p.first, team=rng.choice(TEAMS),
                                                    company=p.company or "your company"))
        c.add(_dt(2026, 11, 19, 16, 0), o, "Draft: following up on my note from last week", draft=True)

        # Recruiters who are not connections (InMail), most unanswered, some in SPAM.
        irng = random.Random(f"{self.seed}-inmail")
        self.inmail_people = []
        for _ in range(36):
            p = self.names.random(special_rate=0)
            p.company, p.position = self.company(irng), irng.choice(RECRUITER_TITLES)
            self.inmail_people.append(p)
            when = datetime(2021, 3, 1) + timedelta(minutes=irng.randrange(60 * 24 * 2080))
            c = conv([p], folder=irng.choice(["INBOX", "INBOX", "INBOX", "ARCHIVE", "SPAM"]))
            kw = dict(first=p.first, company=p.company or "our client", **fill)
            c.add(when, p, irng.choice(INMAIL_BODIES).format(**kw),
                  subject=irng.choice(INMAIL_SUBJECTS).format(**kw))
            if irng.random() < 0.2 and c.folder != "SPAM":
                c.add(when + timedelta(hours=irng.randint(2, 72)), o,
                      f"Thanks {p.first}, I'm not looking right now but I'll keep you in mind.")

        # Group threads.
        flatiron = [self.dana, self.nadia] + rng.sample(self.colleagues["Flatiron School"], 3)
        c = conv(flatiron, title="Flatiron SE cohort 🚀")
        for _ in range(26):
            when = datetime(2020, 10, 1) + timedelta(minutes=rng.randrange(60 * 24 * 1500))
            c.add(when, rng.choice([o] + flatiron), rng.choice(CHAT))
        c = conv([self.theo, self.kofi, self.hana])
        for _ in range(12):
            when = datetime(2023, 2, 1) + timedelta(minutes=rng.randrange(60 * 24 * 300))
            c.add(when, rng.choice([o, self.theo, self.kofi, self.hana]), rng.choice(CHAT))
        comma_person = next(p for p, _ in self.connections if p.last.endswith(", PhD"))
        michigan = [comma_person] + rng.sample(self.colleagues["University of Michigan"], 2)
        c = conv(michigan, folder="ARCHIVE")
        for _ in range(8):
            when = datetime(2019, 5, 1) + timedelta(minutes=rng.randrange(60 * 24 * 1100))
            c.add(when, rng.choice([o] + michigan), rng.choice(CHAT))

        # Sponsored InMail (HTML, no sender URL) and hidden members.
        for i in range(11):
            brand, subject, body = SPONSORED[i % len(SPONSORED)]
            sender = Person(brand, "", "")
            when = datetime(2022, 1, 1) + timedelta(minutes=rng.randrange(60 * 24 * 1780))
            c = conv([sender], title="Sponsored Conversation")
            c.add(when, sender, body.format(**fill), subject=subject, sender_url="")
        for i in range(3):
            when = datetime(2020, 6, 1) + timedelta(minutes=rng.randrange(60 * 24 * 2000))
            c = conv([], folder="INBOX")
            c.add(when, None, ["Hi, are you open to freelance work?", "Hello Robin, can you refer me to Toast?",
                               "Thanks for accepting!"][i])
            if i == 1:
                c.add(when + timedelta(hours=5), o, "Hi! Happy to point you to the careers page", to_member=True)
        self.convs = convs

    # ---------------------------------------------------------------- your export
    def connection_rows(self, *, old: bool = False) -> list[list]:
        rng = random.Random(f"{self.seed}-rows-{'old' if old else 'new'}")
        cutoff = datetime(self.OLD_DATE.year, self.OLD_DATE.month, self.OLD_DATE.day)
        people = list(self.connections)
        if old:
            people = [(p, w) for p, w in people if w < cutoff]
            people.append((self.victor, _dt(2023, 1, 11, 10, 4)))
            people.sort(key=lambda pw: (pw[1], pw[0].slug), reverse=True)
        rows = []
        for p, w in people:
            company, position = self.old_state.get(id(p), (p.company, p.position)) if old else (p.company, p.position)
            rows.append((w, stray_spaces(rng, [p.first, p.last, p.url, p.email, company, position, w.date()])))
        for w in self.hidden:
            if not old or w < cutoff:
                rows.append((w, ["", "", "", "", "", "", w.date()]))
        rows.sort(key=lambda t: t[0], reverse=True)
        return [r for _, r in rows]

    def invitations(self, *, until: datetime) -> list[Invitation]:
        """Invitations.csv rows up to ``until``, newest first (built once, then filtered)."""
        if not hasattr(self, "_invitations"):
            self._invitations = self._make_invitations()
        return [i for i in self._invitations if i.sent <= until]

    def _make_invitations(self) -> list[Invitation]:
        rng = random.Random(f"{self.seed}-invitations")
        o = self.owner
        out = []
        notes_in = ["Hi Robin, great meeting you at the meetup!", "Would love to connect, fellow Flatiron alum here",
                    "Hi Robin, I enjoyed your talk on idempotency keys, would love to connect",
                    "Hi Robin, I'm a recruiter at {company}, and I'd love to connect",
                    'Hi Robin, we met at the "Boston Python" meetup, let\'s stay in touch']
        notes_out = ["Hi {first}, great meeting you at the meetup!",
                     "Hi {first}, fellow Boston engineer here, would love to connect",
                     "Hi {first}, I enjoyed your post about on-call, would love to connect"]
        for p, w in self.connections:
            if p is self.kendra:  # she invited you, without a note; you never talked
                out.append(Invitation(p.name, o.name, w - timedelta(days=1, hours=3), "", "INCOMING", p.url, o.url))
                continue
            if p is self.aisha or p is self.thao or p is self.lukasz:
                continue  # fixed below
            if w < _dt(2023, 6, 1) or rng.random() > 0.72:
                continue
            sent = w - timedelta(hours=rng.randint(1, 240), minutes=rng.randrange(60))
            if rng.random() < 0.55:
                note = rng.choice(notes_in).format(company=p.company or "my company") if rng.random() < 0.18 else ""
                out.append(Invitation(p.name, o.name, sent, note, "INCOMING", p.url, o.url))
            else:
                note = rng.choice(notes_out).format(first=p.first) if rng.random() < 0.18 else ""
                out.append(Invitation(o.name, p.name, sent, note, "OUTGOING", o.url, p.url))
        # Fixed ones, with raw UTF-8 non-ASCII slugs.
        out += [
            Invitation(o.name, self.aisha.name, _dt(2026, 10, 28, 23, 1),
                       "Great chatting at the Boston Python meetup, Aisha!", "OUTGOING", o.url, self.aisha.url),
            Invitation(self.thao.name, o.name, _dt(2025, 1, 12, 18, 4), "", "INCOMING", self.thao.url, o.url),
            Invitation(o.name, self.lukasz.name, _dt(2023, 8, 29, 20, 30), "", "OUTGOING", o.url, self.lukasz.url),
        ]
        # Pending: invitations never accepted (these people are not connections).
        prng = random.Random(f"{self.seed}-pending")
        for i in range(22):
            p = self.names.random(special_rate=0)
            p.company, p.position = self.company(prng), self.position(prng)
            sent = datetime(2025, 6, 1) + timedelta(minutes=prng.randrange(60 * 24 * 530))
            if i % 3 == 0:
                out.append(Invitation(o.name, p.name, sent, "", "OUTGOING", o.url, p.url))
            else:
                note = prng.choice(["", "", "Hi Robin, I'd like to join your network."])
                out.append(Invitation(p.name, o.name, sent, note,
                                      "INCOMING", p.url, o.url))
        out.sort(key=lambda i: (i.sent, i.from_name), reverse=True)
        return out

    def endorsements(self, *, given: bool, until: datetime) -> list[tuple]:
        rng = random.Random(f"{self.seed}-endorse-{given}")
        rows = []
        fixed = [(self.theo, ["Python", "System Design", "Mentoring"] if not given
                  else ["Engineering Management", "Mentoring", "Distributed Systems"]),
                 (self.dana, ["PostgreSQL", "Python"] if not given else ["Go", "Observability"]),
                 (self.kofi, ["Django"] if not given else ["Kubernetes"])]
        for p, skills in fixed:
            for s in skills:
                when = datetime(2022, 3, 1) + timedelta(seconds=rng.randrange(86400 * 1600))
                rows.append((when, s, p.first, p.last, p.url, "ACCEPTED"))
        pool = self.colleagues["Toast"] + self.colleagues["Wayfair"] + self.colleagues["Klaviyo"]
        for p in rng.sample(pool, 32 if not given else 20):
            when = self.connected_on[id(p)] + timedelta(days=rng.randint(10, 700))
            if when > _dt(2026, 11, 19):
                continue
            rows.append((when, rng.choice(SKILLS), p.first.strip(), p.last.strip(), p.url,
                         "ACCEPTED" if rng.random() > 0.05 else "PENDING"))
        rows = [r for r in rows if r[0] <= until]
        rows.sort(key=lambda r: r[0], reverse=True)
        return rows

    def recommendations(self, *, given: bool, until: datetime) -> list[tuple]:
        if given:
            rows = [(self.theo, "theo", _dt(2024, 6, 2, 19, 30), ""),
                    (self.nadia, "nadia", _dt(2021, 1, 15, 10, 5), "")]
        else:
            rows = [(self.dana, "dana", _dt(2024, 3, 14, 21, 12), "VISIBLE"),
                    (self.kofi, "kofi", _dt(2024, 5, 30, 16, 0), "VISIBLE"),
                    (self.gabriel, "gabriel", _dt(2020, 8, 20, 14, 41), "VISIBLE")]
        out = []
        for p, key, when, status in rows:
            if when <= until:
                out.append((p.first, p.last, p.company, p.position, RECOMMENDATION_TEXTS[key], when, status))
        return out

    def owner_profile(self) -> bytes:
        return profile_csv({
            "First Name": "Robin", "Last Name": "Castellanos", "Birth Date": "Apr 9",
            "Headline": "Backend engineer at Klaviyo | Python, Postgres, payments | Flatiron School alum",
            "Summary": "Economics grad turned software engineer. I build reliable backend systems, "
                       "write the runbook before the incident, and like teaching what I learn.",
            "Industry": "Software Development", "Zip Code": "02118",
            "Geo Location": "Boston, Massachusetts, United States",
            "Websites": "[PERSONAL:https://robin.example.dev]",
        })

    def owner_positions(self) -> bytes:
        return positions_csv([
            ["Klaviyo", "Software Engineer II", "Backend engineer on the event-ingestion platform (Python, Kafka, "
                                                "PostgreSQL).",
             "Boston, Massachusetts, United States", "Jun 2024", ""],
            ["Toast", "Software Engineer", "Payments and payouts: built the payouts reconciliation service; on-call "
                                           "for restaurant payments.",
             "Boston, Massachusetts, United States", "Feb 2021", "May 2024"],
            ["Wayfair", "Pricing Analyst", "Automated weekly pricing reports in Python and SQL.",
             "Boston, Massachusetts, United States", "Jul 2018", "Aug 2020"],
        ])

    def owner_education(self) -> bytes:
        return education_csv([
            ["Flatiron School", "Sep 2020", "Dec 2020", "", "Software Engineering", "Cohort 092820"],
            ["University of Michigan", "2014", "2018", "", "Bachelor of Arts - BA, Economics",
             "Economics Club, Intramural soccer"],
        ])

    def irrelevant_files(self) -> list[tuple[str, bytes]]:
        follows = [["Klaviyo", fmt_java(_dt(2024, 5, 2, 14, 33, 11))],
                   ["Datadog", fmt_java(_dt(2026, 8, 30, 9, 1, 45))],
                   ["Stripe", fmt_java(_dt(2025, 11, 2, 21, 12, 5))], ["Toast", fmt_java(_dt(2020, 12, 15, 18, 0, 2))],
                   ["Target Hospitality", fmt_java(_dt(2023, 3, 1, 10, 10, 10))]]
        saved = [[fmt_us_short(_dt(2026, 11, 2, 21, 4)), "https://www.linkedin.com/jobs/view/4100000001",
                  "Software Engineer, Backend", "Datadog"],
                 [fmt_us_short(_dt(2026, 10, 30, 8, 15)), "https://www.linkedin.com/jobs/view/4100000002",
                  "Backend Engineer, Payments", "Stripe"]]
        reactions = [[fmt_plain_ts(_dt(2026, 11, 10, 12, 1, 2)), "LIKE", "https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000001"],
                     [fmt_plain_ts(_dt(2026, 10, 2, 8, 44, 9)), "PRAISE", "https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000002"]]
        return [
            ("Skills.csv", simple_csv(["Name"], [[s] for s in SKILLS[:12]])),
            ("Company Follows.csv", simple_csv(["Organization", "Followed On"], follows)),
            ("coach_messages.csv", simple_csv(MESSAGES_HEADERS["2023"], [])),
            ("LearningCoachMessages.csv", b"No conversations found\n"),
            ("Jobs/Saved Jobs.csv", simple_csv(["Saved Date", "Job Url", "Job Title", "Company Name"], saved)),
            ("Reactions.csv", simple_csv(["Date", "Type", "Link"], reactions, newline="\r\n")),
            ("Email Addresses.csv", simple_csv(["Email Address", "Confirmed", "Primary", "Updated On"],
                                               [["robin.castellanos@example.com", "Yes", "Yes",
                                                 fmt_us_short(_dt(2014, 9, 2, 9, 12))]])),
            ("Languages.csv", simple_csv(["Name", "Proficiency"], [["English", "Native or bilingual proficiency"],
                                                                     ["Spanish", "Professional working proficiency"]])),
        ]

    def my_export(self) -> list[tuple[str, bytes]]:
        until = _dt(2026, 11, 20)
        return [
            ("Connections.csv", connections_csv(self.connection_rows(), "modern")),
            ("messages.csv", messages_csv(sort_for_export(self.convs, self.owner, until=until), "2025-11")),
            ("Invitations.csv", invitations_csv(self.invitations(until=until))),
            ("Endorsement_Given_Info.csv", endorsements_csv(self.endorsements(given=True, until=until), given=True)),
            ("Endorsement_Received_Info.csv",
             endorsements_csv(self.endorsements(given=False, until=until), given=False)),
            ("Recommendations_Given.csv", recommendations_csv(self.recommendations(given=True, until=until))),
            ("Recommendations_Received.csv", recommendations_csv(self.recommendations(given=False, until=until))),
            ("Profile.csv", self.owner_profile()),
            ("Positions.csv", self.owner_positions()),
            ("Education.csv", self.owner_education()),
        ] + self.irrelevant_files()

    def my_old_export(self) -> list[tuple[str, bytes]]:
        until = datetime(2025, 3, 1, 23, 59)
        convs = [c for c in self.convs if not any(p is self.victor for p in c.others)]
        victor_conv = Conversation(conversation_id(random.Random(f"{self.seed}-victor")), [self.victor])
        victor_conv.add(_dt(2023, 1, 11, 10, 30), self.victor, "Hi Robin, would Toast be interested in a demo of our "
                                                               "database platform?")
        return [
            ("Connections.csv", connections_csv(self.connection_rows(old=True), "modern")),
            ("messages.csv", messages_csv(sort_for_export(convs + [victor_conv], self.owner, until=until), "2023")),
            ("Invitations.csv", invitations_csv(self.invitations(until=until))),
            ("Endorsement_Given_Info.csv", endorsements_csv(self.endorsements(given=True, until=until), given=True)),
            ("Endorsement_Received_Info.csv",
             endorsements_csv(self.endorsements(given=False, until=until), given=False)),
            ("Recommendations_Given.csv", recommendations_csv(self.recommendations(given=True, until=until))),
            ("Recommendations_Received.csv", recommendations_csv(self.recommendations(given=False, until=until))),
            ("Profile.csv", self.owner_profile()),
            ("Positions.csv", self.owner_positions()),
            ("Education.csv", self.owner_education()),
            ("Skills.csv", simple_csv(["Name"], [[s] for s in SKILLS[:10]])),
        ]

    # ---------------------------------------------------------------- friends' exports
    def _friend_people(self, rng, n: int, *, pool="us", exclude_targets=True) -> list[Person]:
        out = []
        for _ in range(n):
            p = (self.names if pool == "us" else self.eu_names).random(special_rate=0.02 if pool == "us" else 0)
            if pool == "us":
                p.company = self.company(rng)
            else:
                p.company = rng.choice(EU_COMPANIES) if rng.random() < 0.8 else self.company(rng)
            p.position = self.position(rng)
            out.append(p)
        return out

    def theo_export(self) -> list[tuple[str, bytes]]:
        """The well-connected former colleague: a full modern Basic export (Oct 2026)."""
        rng = random.Random(f"{self.seed}-theo")
        theo = self.theo
        mine = [p for p, _ in self.connections]
        mutual = list(self.colleagues["Toast"]) + rng.sample(mine, 40)
        mutual += [self.dana, self.kendra, self.kofi, self.hana, self.owner]
        seen_ids: set[int] = set()
        mutual = [p for p in mutual if p is not theo and not (id(p) in seen_ids or seen_ids.add(id(p)))]
        reach = [(self.samir, _dt(2017, 4, 3, 10, 0)), (self.ana, _dt(2018, 1, 15, 16, 2)),
                 (self.camille, _dt(2021, 6, 7, 12, 40)), (self.jonas, _dt(2023, 2, 20, 9, 55)),
                 (self.priyanka, _dt(2022, 9, 12, 18, 1)), (self.tom, _dt(2019, 5, 5, 13, 13)),
                 (self.mei, _dt(2024, 4, 4, 15, 30))]
        extra = self._friend_people(rng, 540)
        for p, company, position in zip(extra, ["Stripe", "Stripe", "Stripe Partners", "Metadata Labs", "Meta"],
                                        ["Account Executive", "Product Designer", "Associate", "Data Scientist",
                                         "Recruiter"]):
            p.company, p.position = company, position
        rows = []
        for p in mutual:
            when = self.connected_on.get(id(p))
            if p is self.owner:
                when = self.connected_on[id(theo)]
            if when is None or when < _dt(2014, 1, 1):
                when = _dt(2015, 1, 1) + timedelta(days=rng.randrange(4000))
            rows.append((when, p))
        rows += [(w, p) for p, w in reach]
        for p in extra:
            rows.append((_dt(2011, 6, 1) + timedelta(days=rng.randrange(5500), minutes=rng.randrange(1440)), p))
        rows = [(w, p) for w, p in rows if w.date() <= self.THEO_DATE]
        hidden = [_dt(2014, 1, 1) + timedelta(days=rng.randrange(4300)) for _ in range(9)]
        srng = random.Random(f"{self.seed}-theo-spaces")
        table = [(w, stray_spaces(srng, [p.first, p.last, p.url, p.email if rng.random() < 0.5 else "",
                                         p.company, p.position, w.date()])) for w, p in rows]
        table += [(w, ["", "", "", "", "", "", w.date()]) for w in hidden]
        table.sort(key=lambda t: (t[0], t[1][2]), reverse=True)

        # Theo's messages (2026-03 style: every field quoted, multi-line content).
        mrng = random.Random(f"{self.seed}-theo-messages")
        convs = []

        def conv(others, **kw):
            c = Conversation(conversation_id(mrng), others, **kw)
            convs.append(c)
            return c

        c = conv([self.samir])
        for when, who, text in [
            (_dt(2024, 12, 18, 17, 0), self.samir, "Theo!! Are you coming to the old-Stripe-team holiday dinner?"),
            (_dt(2024, 12, 18, 17, 20), theo, "Wouldn't miss it.\nBringing the good hot sauce."),
            (_dt(2026, 9, 8, 21, 4), self.samir,
             "We're hiring backend engineers on my team again, if you know anyone great"),
            (_dt(2026, 9, 8, 21, 30), theo, "I might! Former teammate of mine, Robin, very strong on payments.\nI'll "
                                            "ask if they're interested."),
        ]:
            c.add(when, who, text)
        self._sessions(mrng, c, self.samir, _dt(2020, 3, 1), _dt(2026, 9, 1), 6, bias=0.8, me=theo)
        for p, n in [(self.ana, 3), (self.camille, 2), (self.priyanka, 2), (self.dana, 1), (self.kofi, 3)]:
            c = conv([p])
            self._sessions(mrng, c, p, self.connected_on.get(id(p), _dt(2021, 1, 1)) + timedelta(days=5),
                           _dt(2026, 9, 25), n, size=(1, 4), me=theo)
        c = conv([self.jonas])
        c.add(_dt(2026, 7, 14, 15, 2), self.jonas, "<p>Hi Theo,</p><p>Are you open to engineering manager roles at "
                                                   "Datadog?</p>",
              subject="EM roles at Datadog")
        c.add(_dt(2026, 7, 15, 9, 0), theo, "Thanks Jonas, happy where I am, but I know great engineers who might be "
                                            "interested.")
        for p in mrng.sample(extra, 40):
            c = conv([p], folder=mrng.choice(["INBOX", "ARCHIVE"]))
            self._sessions(mrng, c, p, _dt(2019, 1, 1), _dt(2026, 9, 30), mrng.randint(1, 2), size=(1, 3), me=theo)
        c = conv([Person("CloudCert Academy", "", "")], title="Sponsored Conversation")
        c.add(_dt(2026, 5, 5, 10, 0), c.others[0], '<p class="spinmail-quill-editor__spin-break">Theo, get certified '
                                                   'in 6 weeks.</p>',
              sender_url="")
        msgs = sort_for_export(convs, theo, until=datetime(2026, 10, 2, 12))
        # Swap in the owner-Theo thread as Theo sees it (same conversation id and texts).
        mine_with_theo = [m for m in self.conv_theo.messages(self.owner, until=datetime(2026, 10, 2, 12))]
        theo_view = [m._replace(folder="INBOX") for m in mine_with_theo]
        threads = {}
        for m in msgs + theo_view:
            threads.setdefault(m.conversation_id, []).append(m)
        ordered = sorted(threads.values(), key=lambda ms: (max(m.sent for m in ms), ms[0].conversation_id),
                         reverse=True)
        msgs = [m for ms in ordered for m in sorted(ms, key=lambda m: m.sent, reverse=True)]

        profile = profile_csv({
            "First Name": "Theo", "Last Name": "Lindqvist", "Birth Date": "Feb 23",
            "Headline": "Engineering Manager at Toast | ex-Stripe | Hiring!",
            "Summary": "I build teams that ship. Previously payments infrastructure at Stripe.",
            "Industry": "Software Development", "Geo Location": "Boston, Massachusetts, United States",
        })
        positions = positions_csv([
            ["Toast", "Engineering Manager", "", "Boston, Massachusetts, United States", "Oct 2020", ""],
            ["Stripe", "Software Engineer", "Payments infrastructure", "San Francisco, California, United States",
             "Mar 2016", "Sep 2020"],
        ])
        return [
            ("Connections.csv", connections_csv([r for _, r in table], "modern")),
            ("messages.csv", messages_csv(msgs, "2026-03")),
            ("Profile.csv", profile),
            ("Positions.csv", positions),
            ("Education.csv", education_csv([["KTH Royal Institute of Technology", "2009", "2014", "",
                                              "Master of Science - MS, Computer Science", ""]])),
        ]

    def nadia_connections(self) -> bytes:
        """A bare 2020 Connections.csv (no preamble, no URL column, no Profile.csv)."""
        rng = random.Random(f"{self.seed}-nadia")
        rows = []
        cohort = self.colleagues["Flatiron School"]
        for p in cohort:
            rows.append((self.connected_on[id(p)], p.first, p.last, p.company, p.position))
        rows.append((self.connected_on[id(self.nadia)], self.owner.first, self.owner.last, *self.owner_company_2020))
        rows.append((_dt(2020, 9, 29, 19), self.dana.first, self.dana.last, "Flatiron School",
                     "Software Engineering Student"))
        for p, when in ((self.camille, _dt(2019, 2, 11, 12)), (self.hiroshi, _dt(2018, 8, 30, 12))):
            rows.append((when, p.first, p.last, p.company, p.position))
        rows.append((_dt(2020, 3, 3, 12), self.elise.first, self.elise.last, self.elise.company, self.elise.position))
        extra = self._friend_people(rng, 300)
        extra[0].company, extra[0].position = "Target Hospitality", "Software Developer"
        extra[1].company, extra[1].position = "Shopify Plus", "Merchant Success Manager"
        for p in extra:
            rows.append((_dt(2013, 1, 1) + timedelta(days=rng.randrange(2900)), p.first, p.last, p.company, p.position))
        out = [(w, [first, last, "", "", c, pos, w.date()]) for w, first, last, c, pos in rows]
        out += [(w, ["", "", "", "", "", "", w.date()]) for w in
                (_dt(2016, 1, 1) + timedelta(days=rng.randrange(1700)) for _ in range(4))]
        srng = random.Random(f"{self.seed}-nadia-spaces")
        out = [(w, stray_spaces(srng, r)) for w, r in out if w.date() <= self.NADIA_DATE]
        out.sort(key=lambda t: (t[0], t[1][1]), reverse=True)
        return connections_csv([r for _, r in out], "2020")

    def gabriel_export(self) -> list[tuple[str, bytes]]:
        """A 2018 export folder: 2018 headers, ``M/D/YY, h:mm AM`` dates, e-mails for everyone."""
        rng = random.Random(f"{self.seed}-gabriel")
        g = self.gabriel
        people = []
        for p in self.colleagues["Wayfair"]:
            w = self.connected_on[id(p)]
            if w.date() <= self.GABRIEL_DATE:
                people.append((w, p.first, p.last, p.email or fake_email(rng, p), p.company, p.position))
        people.append((self.connected_on[id(g)], self.owner.first, self.owner.last,
                       "robin.castellanos@example.com", *self.owner_company_2018))
        people.append((self.connected_on[id(self.jose)], self.jose.first, self.jose.last,
                       fake_email(rng, self.jose), "Wayfair", "Data Scientist"))
        for p, w in [(self.brianna, _dt(2012, 5, 14, 9, 12)), (self.karl, _dt(2013, 11, 2, 17, 45)),
                     (self.devika, _dt(2015, 6, 30, 11, 3)), (self.will, _dt(2016, 2, 9, 20, 20))]:
            people.append((w, p.first, p.last, fake_email(rng, p), p.company, p.position))
        extra = self._friend_people(rng, 360)
        extra[0].company, extra[0].position = "Target Hospitality", "Regional Operations Manager"
        extra[1].company, extra[1].position = "Target", "Store Team Lead"
        for p in extra:
            w = _dt(2008, 1, 1) + timedelta(days=rng.randrange(3900), minutes=rng.randrange(1440))
            people.append((w, p.first, p.last, fake_email(rng, p), p.company, p.position))
        people = [t for t in people if t[0].date() <= self.GABRIEL_DATE]
        people.sort(key=lambda t: (t[0], t[2]), reverse=True)
        rows = [[first, last, "", e, c, pos, w] for w, first, last, e, c, pos in people]

        mrng = random.Random(f"{self.seed}-gabriel-messages")
        convs = []
        mine = self.conv_gabriel
        convs.append(mine)
        for p, n in [(self.brianna, 3), (self.karl, 2), (self.devika, 1), (self.will, 1)]:
            c = Conversation("", [p], folder="ARCHIVE")
            self._sessions(mrng, c, p, _dt(2016, 1, 1), _dt(2018, 11, 1), n, size=(1, 4), me=g)
            convs.append(c)
        for p in mrng.sample(extra, 20):
            c = Conversation("", [p])
            self._sessions(mrng, c, p, _dt(2015, 1, 1), _dt(2018, 11, 30), 1, size=(1, 3), me=g)
            convs.append(c)
        until = datetime(2018, 12, 3)
        msgs = mine.messages(self.owner, until=until)  # Robin's thread with Gabriel, same messages
        for c in convs[1:]:
            msgs += c.messages(g, until=until)
        msgs.sort(key=lambda m: (m.sent, m.sender_name), reverse=True)
        profile = profile_csv({
            "First Name": "Gabriel", "Last Name": "Moreau", "Birth Date": "Mar 14, 1979",
            "Headline": "Director, Pricing Analytics at Wayfair",
            "Summary": "Pricing, experimentation and the people who do them. Formerly at Target in Minneapolis.",
            "Industry": "Internet", "Country": "us", "Zip Code": "02116", "Geo Location": "Greater Boston Area",
        }, style="2018")
        return [
            ("Connections.csv", connections_csv(rows, "2018")),
            ("Messages.csv", messages_csv(msgs, "2018", owner_url=g.url)),
            ("Profile.csv", profile),
        ]

    def ingrid_connections(self) -> bytes:
        """An Excel (European) re-save: ``;``, ``DD.MM.YYYY``, cp1252, CRLF, ``Connected on``."""
        rng = random.Random(f"{self.seed}-ingrid")
        people = [(self.connected_on[id(self.ingrid)], self.owner),
                  (_dt(2019, 6, 14, 10), self.samir), (_dt(2021, 3, 8), self.linnea), (_dt(2017, 9, 19), self.oskar)]
        extra = self._friend_people(rng, 255, pool="eu")
        extra += self._friend_people(rng, 18)  # a few non-Nordic names, some with emoji/non-cp1252 letters
        unicode_people = [self.names.make("Łucja", "Zielińska", "Allegro", "Senior Software Engineer",
                                          keep_unicode=True),
                          self.names.make("Mette", "Kjær 🌿", "Pleo", "Product Designer")]
        extra += unicode_people
        extra[0].company, extra[0].position = "Stripes Group", "Investment Associate"
        for p in extra:
            people.append((_dt(2010, 1, 1) + timedelta(days=rng.randrange(5970)), p))
        rows = []
        for w, p in people:
            url = p.url
            if p is self.samir:
                url = "https://www.linkedin.com/in/Samir-Haddad-7b21a4/"  # case and trailing slash differ
            rows.append((w, [p.first, p.last, url, "", p.company, p.position, w.date()]))
        rows += [(w, ["", "", "", "", "", "", w.date()]) for w in
                 (_dt(2015, 1, 1) + timedelta(days=rng.randrange(4000)) for _ in range(5))]
        rows = [(w, r) for w, r in rows if w.date() <= self.INGRID_DATE]
        rows.sort(key=lambda t: (t[0], t[1][2]), reverse=True)
        return connections_csv([r for _, r in rows], "excel-eu")

    # ---------------------------------------------------------------- a friend's own export (share pack)
    def kofi_people(self) -> NameMaker:
        """Kofi's contacts at your targets who are new to the sample (made once, after everyone else)."""
        if not hasattr(self, "kofi_names"):
            self.kofi_names = NameMaker(random.Random(f"{self.seed}-kofi-names"), self.used_slugs, self.used_names)
            self.kofi_names.specials, self.kofi_names.odd = [], []
            self.tariq = self.kofi_names.make("Tariq", "Mansour", "Datadog", "Engineering Manager",
                                              slug="tariq-mansour-4e1b7d")
            self.elena = self.kofi_names.make("Elena", "Varga", "Stripe", "Backend Engineer", slug="elena-varga-c27f90")
        return self.kofi_names

    def kofi_export(self) -> list[tuple[str, bytes]]:
        """Kofi Asante's own full export (Nov 2026): he makes a share pack from it for you.

        At your targets he knows Tariq Mansour (Engineering Manager at Datadog, his teammate
        at Datadog: dozens of messages, recommendations both ways), Elena Varga (Backend
        Engineer at Stripe: connected after a conference, never a message) and Hannah Brooks
        (the Target recruiter of ``known.csv``: one exchange in 2024). Everyone else works
        elsewhere, some with e-mail addresses, and his messages hold text that must never
        reach the pack.
        """
        names = self.kofi_people()
        rng = random.Random(f"{self.seed}-kofi")
        kofi, robin = self.kofi, self.owner
        until = datetime(2026, 11, 17, 8)
        people: list[tuple[datetime, Person, str]] = [
            (self.connected_on[id(kofi)], robin, "robin.castellanos@example.com"),
            (self.connected_on[id(kofi)], self.theo, ""),
            (_dt(2021, 4, 20, 9, 41), self.hana, ""),
            (_dt(2018, 4, 11, 17, 2), self.tariq, ""),
            (_dt(2023, 6, 20, 10, 15), self.elena, ""),
            (_dt(2022, 1, 10, 16, 30), self.hannah, ""),
        ]
        for p in rng.sample(self.colleagues["Toast"], 60):
            when = self.connected_on[id(p)]
            if when < _dt(2021, 1, 11):
                when = _dt(2021, 1, 11) + timedelta(days=rng.randrange(1200), minutes=rng.randrange(1440))
            people.append((when, p, ""))
        extra = []
        for _ in range(300):
            p = names.random(special_rate=0)
            p.company, p.position = self.company(rng), self.position(rng)
            extra.append(p)
        extra[0].company, extra[0].position = "Stripe Partners", "Associate"
        extra[1].company, extra[1].position = "Target Hospitality", "Software Developer"
        for i, p in enumerate(extra):
            if i < 90:  # met while he was at Datadog; they have moved on since
                when = _dt(2017, 8, 14) + timedelta(days=rng.randrange(1230), minutes=rng.randrange(1440))
            else:
                when = _dt(2012, 9, 1) + timedelta(days=rng.randrange(5150), minutes=rng.randrange(1440))
            people.append((when, p, fake_email(rng, p) if rng.random() < 0.08 else ""))
        people = [t for t in people if t[0] <= until]
        rows = [(w, [p.first, p.last, p.url, email, p.company, p.position, w.date()]) for w, p, email in people]
        rows += [(w, ["", "", "", "", "", "", w.date()]) for w in
                 (_dt(2014, 1, 1) + timedelta(days=rng.randrange(4300)) for _ in range(5))]
        rows.sort(key=lambda t: (t[0], t[1][2]), reverse=True)

        mrng = random.Random(f"{self.seed}-kofi-messages")
        convs = []

        def conv(others, **kw):
            c = Conversation(conversation_id(mrng), others, **kw)
            convs.append(c)
            return c

        c = conv([self.tariq])
        self._sessions(mrng, c, self.tariq, _dt(2018, 4, 15), _dt(2026, 10, 30), 14, bias=1.2, me=kofi,
                       last=_dt(2026, 11, 2, 19, 5))
        for when, who, text in [
            (_dt(2025, 2, 3, 20, 1), kofi, "My new number is 617-555-0143, text me when you land"),
            (_dt(2025, 2, 3, 20, 9), self.tariq, "Saved. Dinner at the usual place Thursday?"),
            (_dt(2026, 11, 2, 19, 20), kofi, "Congrats on the new team! Datadog is lucky to have you as a manager"),
            (_dt(2026, 11, 2, 19, 31), self.tariq, "Thanks! We're hiring SREs, send good people my way"),
        ]:
            c.add(when, who, text)
        c = conv([self.hannah])
        c.add(_dt(2024, 3, 5, 14, 12), self.hannah, "Hi Kofi, we're growing the engineering team at Target in "
              "Minneapolis. Any interest in a chat?", subject="Engineering at Target")
        c.add(_dt(2024, 3, 6, 9, 40), kofi, "Thanks Hannah, happy at Toast for now, but I'll pass it on to friends.")
        c = conv([self.theo])
        self._sessions(mrng, c, self.theo, _dt(2021, 3, 2), _dt(2026, 9, 1), 4, size=(1, 3), me=kofi)
        for p in mrng.sample(extra, 40):
            c = conv([p], folder=mrng.choice(["INBOX", "ARCHIVE"]))
            self._sessions(mrng, c, p, _dt(2018, 1, 1), _dt(2026, 11, 10), mrng.randint(1, 2), size=(1, 3), me=kofi)
        c = conv([Person("DevSummit 2026", "", "")], title="Sponsored Conversation")
        c.add(_dt(2026, 6, 1, 9, 0), c.others[0], '<p class="spinmail-quill-editor__spin-break">Kofi, your free '
              'expo pass for DevSummit Boston is waiting.</p>', sender_url="")
        msgs = sort_for_export(convs, kofi, until=until)
        robin_thread = next(t for t in self.convs if len(t.others) == 1 and t.others[0] is kofi)
        msgs += robin_thread.messages(robin, until=until)  # the thread with you, as you have it
        threads: dict[str, list[Message]] = {}
        for m in msgs:
            threads.setdefault(m.conversation_id, []).append(m)
        ordered = sorted(threads.values(), key=lambda ms: (max(m.sent for m in ms), ms[0].conversation_id),
                         reverse=True)
        msgs = [m for ms in ordered for m in sorted(ms, key=lambda m: m.sent, reverse=True)]

        # Endorsements and recommendations: his side of yours, and his with Tariq.
        mine_received = [r for r in self.endorsements(given=False, until=until) if r[4] == kofi.url]
        mine_given = [r for r in self.endorsements(given=True, until=until) if r[4] == kofi.url]
        given = [(r[0], r[1], robin.first, robin.last, robin.url, "ACCEPTED") for r in mine_received]
        tariq = ("Tariq", "Mansour", self.tariq.url, "ACCEPTED")
        given += [(_dt(2019, 5, 2, 10, 4, 11), "Site Reliability Engineering", *tariq),
                  (_dt(2021, 8, 19, 21, 30, 2), "Kubernetes", *tariq)]
        received = [(r[0], r[1], robin.first, robin.last, robin.url, r[5]) for r in mine_given]
        received += [(_dt(2019, 6, 11, 8, 0, 40), "Go", *tariq)]
        tariq_text = ("Tariq and I were on the same on-call rotation at Datadog for three years. He is the calmest "
                      "person in an incident I know, and the one who writes the postmortem everyone reads.")
        kofi_text = ("Kofi joined my team at Datadog as a new grad and within a year owned our alert routing. "
                     "Careful, kind, and relentless about reliability.")
        rec_given = [(robin.first, robin.last, robin.company, robin.position, RECOMMENDATION_TEXTS["kofi"],
                      _dt(2024, 5, 30, 16, 0), ""),
                     ("Tariq", "Mansour", "Datadog", "Senior Site Reliability Engineer", tariq_text,
                      _dt(2020, 11, 30, 19, 12), "")]
        rec_received = [("Tariq", "Mansour", "Datadog", "Senior Site Reliability Engineer", kofi_text,
                         _dt(2020, 12, 10, 8, 45), "VISIBLE")]
        invitations = [
            Invitation(self.elena.name, kofi.name, _dt(2023, 6, 19, 22, 5), "", "INCOMING", self.elena.url, kofi.url),
            Invitation(kofi.name, self.hannah.name, _dt(2022, 1, 9, 12, 0), "", "OUTGOING", kofi.url, self.hannah.url),
        ]
        profile = profile_csv({
            "First Name": "Kofi", "Last Name": "Asante", "Birth Date": "Jul 2",
            "Headline": "Senior Software Engineer at Toast | ex-Datadog | reliability, payments",
            "Summary": "Backend engineer who likes boring, well-monitored systems.",
            "Industry": "Software Development", "Geo Location": "Boston, Massachusetts, United States",
        })
        positions = positions_csv([
            ["Toast", "Senior Software Engineer", "Payouts and reconciliation", "Boston, Massachusetts, United States",
             "Jan 2021", ""],
            ["Datadog", "Software Engineer", "Alert routing and on-call tooling", "New York, New York, United States",
             "Aug 2017", "Dec 2020"],
        ])
        return [
            ("Connections.csv", connections_csv([r for _, r in rows], "modern")),
            ("messages.csv", messages_csv(msgs, "2025-11")),
            ("Invitations.csv", invitations_csv(invitations)),
            ("Endorsement_Given_Info.csv", endorsements_csv(sorted(given, reverse=True), given=True)),
            ("Endorsement_Received_Info.csv", endorsements_csv(sorted(received, reverse=True), given=False)),
            ("Recommendations_Given.csv", recommendations_csv(rec_given)),
            ("Recommendations_Received.csv", recommendations_csv(rec_received)),
            ("Profile.csv", profile),
            ("Positions.csv", positions),
            ("Education.csv", education_csv([["Georgia Institute of Technology", "2013", "2017", "",
                                              "Bachelor of Science - BS, Computer Science", ""]])),
        ]

    # ---------------------------------------------------------------- user files
    def targets_csv(self) -> bytes:
        return simple_csv(["company", "priority", "aliases", "titles"],
                          [[c, str(p), "|".join(a), "|".join(t)] for c, p, a, t in TARGETS])

    def targets_txt(self) -> bytes:
        lines = ["# Companies I want to work at, most wanted first (netgraph --targets targets.txt)"]
        lines += [c for c, *_ in TARGETS]
        return ("\n".join(lines) + "\n").encode("utf-8")

    def known_csv(self) -> bytes:
        return simple_csv(["connector", "name", "company", "position", "url", "strength"], [
            ["Dana Whitfield", self.ravi.name, self.ravi.company, self.ravi.position, self.ravi.url, "4"],
            [self.marcus.url, self.jade.name, self.jade.company, self.jade.position, "", "3"],
            ["Kofi Asante", self.hannah.name, self.hannah.company, self.hannah.position, "", "2"],
            ["Gabriel Moreau", self.brianna.name, "Target", "Engineering Manager", self.brianna.url, ""],
        ])

    def contacts_csv(self) -> bytes:
        rows = [
            [self.dana.url, self.dana.name, "5", "friend|alumni", "2026-11-15",
             "Flatiron cohort; we pair on side projects. Said to tell her when I start looking"],
            [self.theo.url, self.theo.name, "4", "colleague|friend", "2026-10-29",
             "Ran the payments team next to mine at Toast, ex-Stripe, knows everyone"],
            [self.gabriel.url, self.gabriel.name, "4", "mentor|colleague", "2026-09-20",
             "My first manager (Wayfair). Coffee every few months"],
            [self.nadia.url, self.nadia.name, "3", "classmate|alumni", "2025-06-10", "Flatiron cohort"],
            [self.marcus.url, self.marcus.name, "2", "classmate", "2018-04-20",
             "Econ study group at Michigan; haven't talked since graduation"],
            [pct_url(self.ingrid.url), self.ingrid.name, "1", "conference", "2019-06-14",
             "Met at PyCon, Cleveland. Shared her connections file when I asked on a forum"],
            [self.luis.url, self.luis.name, "5", "family", "2026-11-01", "Cousin"],
            [self.kofi.url, self.kofi.name, "4", "colleague|friend", "2026-08-12", "Toast payouts team"],
            ["", self.priya.name, "3", "colleague", "2026-10-01", "My manager's manager at Klaviyo"],
            [self.aisha.url, self.aisha.name, "2", "met-recently", "2026-10-28",
             "Met at the Boston Python meetup; backend at Spotify, offered coffee"],
        ]
        return simple_csv(["url", "name", "closeness", "tags", "last_contact", "notes"], rows)

    # ---------------------------------------------------------------- all files
    def files(self) -> dict[str, tuple[str, object]]:
        """``{relative path: ("zip", members) | ("file", bytes)}`` in a fixed order."""
        out: dict[str, tuple[str, object]] = {}
        out["Complete_LinkedInDataExport_11-20-2026.zip"] = ("zip", self.my_export())
        out["Basic_LinkedInDataExport_03-02-2025.zip"] = ("zip", self.my_old_export())
        out["friends/Basic_LinkedInDataExport_10-02-2026.zip"] = ("zip", self.theo_export())
        out["friends/nadia-petrov-2020/Connections.csv"] = ("file", self.nadia_connections())
        for name, data in self.gabriel_export():
            out[f"friends/Complete_LinkedInDataExport_12-03-2018/{name}"] = ("file", data)
        out["friends/ingrid-sorensen-excel/Connections.csv"] = ("file", self.ingrid_connections())
        out["targets.csv"] = ("file", self.targets_csv())
        out["targets.txt"] = ("file", self.targets_txt())
        out["known.csv"] = ("file", self.known_csv())
        out["contacts.csv"] = ("file", self.contacts_csv())
        out[KOFI_EXPORT] = ("zip", self.kofi_export())
        return out


def generate(out_dir: Path | str = HERE, *, seed: int = 20261120) -> list[Path]:
    """Write every sample file under ``out_dir`` (overwriting only these files); return their paths."""
    out_dir = Path(out_dir)
    written = []
    for rel, (kind, payload) in SampleNetwork(seed).files().items():
        path = out_dir / rel
        if kind == "zip":
            write_zip(path, payload)
        else:
            write_bytes(path, payload)
        written.append(path)
    written.append(write_share_pack(out_dir))
    return written


def write_share_pack(out_dir: Path) -> Path:
    """Kofi's share pack for your targets, made from his export by netgraph's own ``share``.

    The one step that needs netgraph itself (and pandas): run the generator where netgraph
    is installed. The pack is what ``netgraph share KOFI_EXPORT --for targets.csv --as-of
    2026-11-18 --output packs/kofi-asante-share.csv`` writes.
    """
    from netgraph.io._pack import render_pack
    from netgraph.share import make_share_pack

    share = make_share_pack(out_dir / KOFI_EXPORT, [out_dir / "targets.csv"], as_of=KOFI_PACK_DATE)
    path = out_dir / KOFI_PACK
    write_bytes(path, render_pack(share.pack).encode("utf-8"))
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: next to this script)")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(f"{path.stat().st_size:>9,}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
