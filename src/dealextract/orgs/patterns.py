"""Rules for organisation names that no gazetteer knows.

A name is a *run* of capitalised tokens ("Fortera Capital", "Vision Knight Capital", "PixVerse").  A run
becomes an organisation when

* it ends in an organisation word ("... Capital", "... Technology", "... Co., Ltd."), or
* deal language puts it in a slot ("led by X", "investors including X, Y and Z", "X raised",
  "X-backed", "AI startup X", "X, a maker of ..."), lists included, or
* it is written in mixed case ("PixVerse", "iFlytek"), which ordinary words never are.

It is refused when it is a person ("CEO Zhu Qiuguo", "Xu Li"), a place ("Hong Kong"), a month, a
currency, a round ("Series B") or a sentence-initial word ("However").

Why plain token scanning: every step looks at a bounded window around a token, so 10,000 capitalised
words in a row take linear time (spaCy #4742 is what happens with optional-token patterns).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from itertools import compress
from typing import NamedTuple, cast

from spacy.tokens import Token

from dealextract.orgs.places import bundled_place_forms
from dealextract.tokens import TokenTable, WordCache

#: Longest run treated as a name; longer runs are headlines or lists of names without commas.
MAX_NAME_TOKENS = 8

#: Last words of organisation names besides investor words and legal forms (see ORG_SUFFIXES).
_OTHER_ORG_WORDS = frozenset(
    [
        "technology",
        "technologies",
        "tech",
        "group",
        "holdings",
        "holding",
        "corporation",
        "company",
        "labs",
        "lab",
        "ai",
        "robotics",
        "bank",
        "securities",
        "therapeutics",
        "biotech",
        "biotechnology",
        "pharma",
        "pharmaceutical",
        "pharmaceuticals",
        "biosciences",
        "bioscience",
        "biologics",
        "motors",
        "motor",
        "auto",
        "automotive",
        "intelligence",
        "systems",
        "semiconductor",
        "semiconductors",
        "dynamics",
        "bio",
        "health",
        "healthcare",
        "energy",
        "foundation",
        "institute",
        "university",
        "college",
        "academy",
        "association",
        "exchange",
        "electronics",
        "electric",
        "microelectronics",
        "industries",
        "industry",
        "international",
        "networks",
        "network",
        "software",
        "solutions",
        "innovation",
        "innovations",
        "robot",
        "robotic",
        "medical",
        "medicine",
        "media",
        "studios",
        "studio",
        "games",
        "entertainment",
        "logistics",
        "mobility",
        "materials",
        "chemicals",
        "power",
        "solar",
        "battery",
        "batteries",
        "insurance",
        "financial",
        "finance",
        "fintech",
        "advisers",
        "consulting",
        "laboratory",
        "laboratories",
        "ventures.",
        "commission",
        "agency",
        "ministry",
        "council",
        "authority",
        "news",
        "times",
        "daily",
        "post",
        "herald",
        "journal",
        "review",
        "research",
        # sectors that end the names of listed groups' arms ("Hitachi Metals", "Tencent Music")
        "metals",
        "steel",
        "chemical",
        "music",
        "pictures",
        "airlines",
        "airways",
        "telecom",
        "telecommunications",
        "communications",
        "mobile",
        "properties",
        "realty",
        "foods",
        "beverages",
        "brewing",
        "shipping",
        "aviation",
        "aerospace",
        "mining",
        "resources",
        "petroleum",
        "utilities",
        "infrastructure",
        "construction",
        "hotels",
        "retail",
        "apparel",
        "cosmetics",
        "diagnostics",
        "instruments",
        "optics",
        "photonics",
        "payments",
        "railway",
        "railways",
        "cloud",
    ]
)
#: Suffix words that say the organisation is an investor.
INVESTOR_SUFFIXES = frozenset(
    [
        "capital",
        "ventures",
        "venture",
        "partners",
        "fund",
        "funds",
        "investment",
        "investments",
        "equity",
        "management",
        "asset",
        "assets",
        "advisors",
        "associates",
        "trust",
        "credit",  # "Orchard Private Credit"
    ]
)
#: Legal forms that add nothing to a known name ("Tencent Holdings Ltd" is Tencent Holdings).
LEGAL_FORMS = frozenset(
    [
        "inc",
        "inc.",
        "ltd",
        "ltd.",
        "limited",
        "co",
        "co.",
        "corp",
        "corp.",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "bv",
    ]
)
#: Every word that ends an organisation's name: the sector words above, the investor words and the
#: legal forms.
ORG_SUFFIXES = _OTHER_ORG_WORDS | INVESTOR_SUFFIXES | LEGAL_FORMS

#: Words right before a name that say it is an organisation ("AI startup X", "chipmaker X").
HEAD_NOUNS = frozenset(
    [
        "scale-up",
        "scaleup",
        "insurtech",
        "fintech",
        "healthtech",
        "proptech",
        "edtech",
        "agritech",
        "biotech",
        "medtech",
        "cleantech",
        "deeptech",
        "startup",
        "start-up",
        "startups",
        "firm",
        "firms",
        "company",
        "companies",
        "maker",
        "makers",
        "developer",
        "developers",
        "giant",
        "giants",
        "investor",
        "investors",
        "lab",
        "labs",
        "unit",
        "subsidiary",
        "operator",
        "operators",
        "manufacturer",
        "manufacturers",
        "platform",
        "platforms",
        "lenders",
        "fintechs",
        "brands",
        "provider",
        "providers",
        "fund",
        "funds",
        "bank",
        "banks",
        "lender",
        "insurer",
        "affiliate",
        "rival",
        "rivals",
        "competitor",
        "competitors",
        "peer",
        "peers",
        "supplier",
        "suppliers",
        "chipmaker",
        "chipmakers",
        "automaker",
        "automakers",
        "carmaker",
        "carmakers",
        "unicorn",
        "unicorns",
        "specialist",
        "conglomerate",
        "incubator",
        "accelerator",
        "brand",
        "outfit",
        "designer",
        "backer",
        "backers",
        "shareholder",
        "shareholders",
        "vendor",
        "vendors",
        "app",
        "newspaper",
        "outlet",
        "publication",
        "agency",
        "regulator",
        "exchange",
        "university",
        "institute",
        "arm",
        "owner",
        "parent",
        "player",
        "players",
        "leader",
        "champion",
        "co-investor",
        "co-investors",
        "investee",
        "retailer",
        "retailers",
        "e-tailer",
        "marketplace",
        "broker",
        "brokerage",
        "airline",
        "studio",
        "chain",
        "distributor",
        "producer",
        "portal",
        "site",
        "website",
        # "Norwegian utility Statkraft", "telecoms carrier X", "drugmaker X", "Indian conglomerate X"
        "utility",
        "utilities",
        "miner",
        "miners",
        "telco",
        "telcos",
        "telecom",
        "carrier",
        "carriers",
        "drugmaker",
        "drugmakers",
        "steelmaker",
        "refiner",
        "shipper",
        "broadcaster",
        "consultancy",
        "insurers",
        "foodmaker",
        "wholesaler",
        "charity",
        "nonprofit",
    ]
)
#: Words (lower case) that open a list of organisations after them ("led by", "including").
LEFT_TRIGGERS = frozenset(
    [
        "including",
        "include",
        "includes",
        "included",
        "such",
        "from",
        "by",
        "acquired",
        "acquire",
        "acquires",
        "acquiring",
        "buy",
        "buys",
        "bought",
        "invested",
        "investors",
        "backers",
        "joined",
        "backs",  # "Sequoia backs Pellora with $25 million"
        "backed",  # "Accel has backed Doppel with $10 million" ("backed by X" is read before)
        "buying",  # "X is buying Y"
        "purchased",
    ]
)
#: Words after a name that make it the subject of a deal or a statement.
RIGHT_TRIGGERS = frozenset(
    [
        # headline raise verbs ("Helio Farms nets €12M", "X garners $5m", "X has pocketed $11 million")
        "pocketed",
        "pockets",
        "nets",
        "netted",
        "garners",
        "garnered",
        "attracts",
        "attracted",
        "amassed",
        "led",
        "co-led",
        "raised",
        "raises",
        "raising",
        "secured",
        "secures",
        "closed",
        "completed",
        "announced",
        "invested",
        "acquired",
        "acquires",
        "bought",
        "buys",
        "participated",
        "joined",
        "backed",
        "has",
        "had",
        "is",
        "was",
        "will",
        "plans",
        "aims",
        "said",
        "says",
        "launched",
        "released",
        "unveiled",
        # the rest of the raise vocabulary of deal news (see dealextract/deals/frames.py)
        "bagged",
        "bags",
        "nabbed",
        "nabs",
        "landed",
        "lands",
        "snagged",
        "snags",
        "drew",
        "draws",
        "garnered",
        "netted",
        "pocketed",
        "co-leads",
        "leads",
        "invests",
        "participates",
        "receives",
        "received",
        "gets",
        "got",
        "backs",
        "poured",
        "pours",
        "pumped",
        "pumps",
        "injected",
        "injects",
        "ploughed",
        "plowed",
    ]
)
#: Right triggers that need more than a bare verb: a single capitalised word before "is" may be anything.
_WEAK_RIGHT = frozenset(
    ["has", "had", "is", "was", "will", "plans", "aims", "said", "says", "launched", "released", "unveiled"]
)
_WEAK_FOLLOW = frozenset(
    [
        "raised",
        "secured",
        "closed",
        "completed",
        "led",
        "invested",
        "acquired",
        "announced",
        "received",
        "bagged",
        "landed",
        "pocketed",
        "been",
        "reportedly",
        "successfully",
        "recently",
        "drawn",
        "garnered",
        "attracted",
        "netted",
        "snagged",
        "nabbed",
        "picked",
        "pulled",
        "raked",
        "won",
        "obtained",
        "gathered",
        "amassed",
        "scored",
        "just",
        "now",
        "also",
        "successfully",
        "earlier",
        "previously",
        "already",
        "bought",
        "sold",
        "purchased",
        "valued",
        "founded",
        "spun",
        "buying",
        "acquiring",
        "raising",
        "investing",
        "leading",
        "invest",
        "acquire",
        "buy",
        "raise",
        "lead",
        "absorb",
        "merge",
        "pay",
        "sell",
    ]
)

#: Person titles; a name right after one is a person ("CEO Zhu Qiuguo").
PERSON_TITLES = frozenset(
    [
        "ceo",
        "cfo",
        "cto",
        "coo",
        "cso",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "co-founder",
        "cofounder",
        "president",
        "vice-president",
        "director",
        "analyst",
        "professor",
        "prof",
        "prof.",
        "mr",
        "mr.",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "dr",
        "dr.",
        "sir",
        "executive",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chief",
        "head",
        "manager",
        "partner",
        "premier",
        "minister",
        "secretary",
        "governor",
        "mayor",
        "lawmaker",
        "senator",
        "economist",
        "researcher",
        "scientist",
        "engineer",
        "reporter",
        "editor",
        "billionaire",
        "entrepreneur",
        "investor-turned",
    ]
)
#: Common Chinese surnames (pinyin), for rejecting two- and three-word person names.
CHINESE_SURNAMES = frozenset(
    [
        "wang",
        "li",
        "zhang",
        "liu",
        "chen",
        "yang",
        "huang",
        "zhao",
        "wu",
        "zhou",
        "xu",
        "sun",
        "ma",
        "zhu",
        "hu",
        "guo",
        "he",
        "gao",
        "lin",
        "luo",
        "zheng",
        "liang",
        "xie",
        "song",
        "tang",
        "han",
        "feng",
        "deng",
        "cao",
        "peng",
        "zeng",
        "xiao",
        "tian",
        "dong",
        "yuan",
        "pan",
        "cai",
        "jiang",
        "yu",
        "du",
        "ye",
        "cheng",
        "wei",
        "su",
        "lu",
        "ding",
        "ren",
        "shen",
        "yao",
        "jin",
        "fu",
        "zhong",
        "cui",
        "tan",
        "lu",
        "jia",
        "fan",
        "shi",
        "qiu",
        "hou",
        "bai",
        "qin",
        "xiong",
        "meng",
        "hao",
        "kong",
        "xue",
        "lei",
        "mao",
        "gu",
        "long",
        "duan",
        "hao",
        "shao",
        "qian",
        "wan",
        "yan",
        "yin",
        "chang",
        "kang",
        "fang",
        "dai",
        "xia",
        "tao",
        "jiao",
        "zou",
        "yi",
        "lai",
        "wen",
        "ni",
        "lee",
        "chan",
        "wong",
        "cheung",
        "ng",
        "tsang",
        "leung",
        "lau",
        "ho",
        "kwok",
        "chow",
        "chiu",
        "yeung",
        "tse",
        "fung",
    ]
)
#: Common given names in English-language news, for rejecting "Sam Altman"-like runs.
_FAMOUS_FIRST_NAMES = frozenset(
    [
        "sam",
        "elon",
        "mark",
        "jeff",
        "bill",
        "tim",
        "satya",
        "sundar",
        "jensen",
        "masayoshi",
        "larry",
        "sergey",
        "peter",
        "marc",
        "ben",
        "reid",
        "john",
        "james",
        "robert",
        "michael",
        "david",
        "richard",
        "joseph",
        "thomas",
        "charles",
        "daniel",
        "matthew",
        "anthony",
        "donald",
        "paul",
        "steven",
        "andrew",
        "kenneth",
        "joshua",
        "kevin",
        "brian",
        "george",
        "edward",
        "ronald",
        "jason",
        "ryan",
        "jacob",
        "gary",
        "eric",
        "jonathan",
        "stephen",
        "frank",
        "scott",
        "justin",
        "brandon",
        "gregory",
        "raymond",
        "samuel",
        "patrick",
        "jack",
        "dennis",
        "jerry",
        "alexander",
        "mary",
        "patricia",
        "jennifer",
        "linda",
        "elizabeth",
        "barbara",
        "susan",
        "jessica",
        "sarah",
        "karen",
        "nancy",
        "lisa",
        "betty",
        "margaret",
        "sandra",
        "ashley",
        "emily",
        "michelle",
        "dorothy",
        "amanda",
        "melissa",
        "deborah",
        "stephanie",
        "rebecca",
        "laura",
        "sharon",
        "cynthia",
        "kathleen",
        "amy",
        "shirley",
        "angela",
        "helen",
        "anna",
        "brenda",
        "emma",
        "nicole",
        "samantha",
        "katherine",
        "christine",
        "catherine",
        "joe",
        "alex",
        "chris",
        "mike",
        "tom",
        "dan",
        "nick",
        "matt",
        "greg",
        "jim",
        "dave",
        "steve",
        "ted",
        "arthur",
        "jony",
        "dario",
        "demis",
        "mustafa",
        "mira",
        "ilya",
        "greg",
        "alexandr",
        "lisa",
        "kai",
        "robin",
        "jack",
        "pony",
        "richard",
        "robin",
        "lei",
        "jerry",
        "joe",
        "eddie",
        "colin",
        "kai-fu",
        "neil",
        "allen",
        "hugo",
        "tony",
        "vincent",
    ]
)


def _first_names_file() -> frozenset[str]:
    """``data/first_names.txt``: given names across languages, one or more per line, ``#`` comments."""
    text = resources.files("dealextract.orgs").joinpath("data/first_names.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


#: Given names (lower case): a run of two or three words starting with one is a person.
FIRST_NAMES = _FAMOUS_FIRST_NAMES | _first_names_file()
#: Capitalised words that are never organisation names by themselves.
#: Month and weekday names: capitalised in English, never an organisation on their own.
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Nationality adjectives: dropped before a name ("Chinese startup X"), kept in "the British Business Bank".
DEMONYMS = frozenset(
    ["chinese", "american", "european", "japanese", "korean", "indian", "british", "german", "french",
     "singaporean", "israeli", "emirati", "saudi", "taiwanese", "asian", "dutch", "swiss", "italian", "spanish",
     "canadian", "australian", "brazilian", "mexican", "russian", "thai", "vietnamese", "indonesian",
     "malaysian", "turkish", "swedish", "danish", "norwegian", "finnish", "irish", "belgian", "austrian",
     "polish", "african", "arab",
     "chilean", "peruvian", "colombian", "argentine", "argentinian", "uruguayan", "venezuelan", "ecuadorian",
     "bolivian", "paraguayan", "nigerian", "kenyan", "egyptian", "ghanaian", "moroccan", "tunisian",
     "ethiopian", "rwandan", "ugandan", "tanzanian", "senegalese", "ivorian", "algerian", "pakistani",
     "bangladeshi", "nepali", "filipino", "cambodian", "mongolian", "kazakh", "uzbek", "iranian", "iraqi",
     "jordanian", "lebanese", "qatari", "kuwaiti", "bahraini", "omani", "greek", "portuguese", "czech",
     "slovak", "hungarian", "romanian", "bulgarian", "croatian", "serbian", "slovenian", "ukrainian",
     "estonian", "latvian", "lithuanian", "icelandic", "nordic", "scandinavian"]
)  # fmt: skip

#: Their plurals, for people ("60% of Americans bought ..."): never an organisation alone.
_DEMONYM_PLURALS = frozenset(d + "s" for d in DEMONYMS if d.endswith(("an", "i")))

NOT_ORG_WORDS = (
    DEMONYMS
    | _DEMONYM_PLURALS
    | frozenset(
        [
            # deal verbs capitalised in title-case headlines ("X Is Said to Raise Funds at ...")
            "raise",
            "raises",
            "raised",
            "raising",
            "secures",
            "lands",
            "bags",
            "nabs",
            "snags",
            "closes",
            "acquires",
            "buys",
            "invests",
            # technologies written in capitals ("VR headset maker X")
            "vr",
            "ar",
            "xr",
            # kinds of AI in title-case headlines ("... Insurance Claims with Agentic AI")
            "agentic",
            "generative",
            "conversational",
            "multimodal",
            "embodied",
            # people of a company, opening a run ("Shareholders of X approved ...")
            "shareholders",
            "employees",
            "customers",
            "users",
            "staff",
            "workers",
            # headline and column openers ("Meet X, the startup ...", "Exclusive: X raises ...") and the
            # field labels of fact boxes ("Note: $5 million", "Total: ...")
            "note",
            "notes",
            "total",
            "totals",
            "summary",
            "amount",
            "price",
            "valuation",
            "funding",
            "lead",
            "investors",
            "sector",
            "stage",
            "source",
            "sources",
            "deal",
            "deals",
            "headquarters",
            "hq",
            "founded",
            "revenue",
            "bottom",
            "meet",
            "inside",
            "exclusive",
            "breaking",
            "update",
            "updated",
            "analysis",
            "opinion",
            "explainer",
            "watch",
            "why",
            "how",
            "the",
            "a",
            "an",
            "its",
            "it",
            "this",
            "that",
            "these",
            "those",
            "however",
            "but",
            "and",
            "or",
            "in",
            "on",
            "at",
            "for",
            "with",
            "from",
            "by",
            "of",
            "to",
            "as",
            "after",
            "before",
            "while",
            "when",
            "since",
            "during",
            "although",
            "though",
            "meanwhile",
            # sentence adverbs that open a sentence before a comma ("Separately, the bank said ...")
            "separately",
            "additionally",
            "furthermore",
            "moreover",
            "similarly",
            "likewise",
            "previously",
            "earlier",
            "later",
            "currently",
            "recently",
            "overall",
            "notably",
            "specifically",
            "importantly",
            "instead",
            "elsewhere",
            "indeed",
            "nonetheless",
            "nevertheless",
            "consequently",
            "accordingly",
            "initially",
            "ultimately",
            "eventually",
            "thus",
            "hence",
            "besides",
            "otherwise",
            "also",
            "still",
            "yet",
            "according",
            "other",
            *MONTHS,
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            *WEEKDAYS,
            "today",
            "yesterday",
            "tomorrow",
            "series",
            "round",
            "seed",
            "angel",
            "pre-a",
            "pre-ipo",
            "ipo",
            "ipos",
            "yuan",
            "rmb",
            "renminbi",
            "dollar",
            "dollars",
            "usd",
            "cny",
            "hkd",
            "eur",
            "euro",
            "euros",
            "us$",
            "hk$",
            "million",
            "billion",
            "ai",
            "agi",
            "ceo",
            "cfo",
            "cto",
            "ev",
            "evs",
            "vc",
            "vcs",
            "pe",
            "llm",
            "llms",
            "gpu",
            "gpus",
            "filipino",
            "hong-kong",
            "global",
            "international",
            "national",
            "state",
            "federal",
            "new",
            "old",
            "big",
            "first",
            "second",
            "third",
            "last",
            "next",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "he",
            "she",
            "they",
            "we",
            "i",
            "you",
            "his",
            "her",
            "their",
            "our",
            "my",
            "mr",
            "ms",
            "dr",
            "chairman",
            "founder",
            "president",
            "ceo",
            "chief",
            "investors",
            "analysts",
            "shares",
            "stocks",
            "sources",
            "people",
            "officials",
            "executives",
            "reporters",
            "company",
            "companies",
            "startup",
            "startups",
            "firm",
            "firms",
            "group",
            "funding",
            "financing",
            "investment",
            "investments",
            "capital",
            "government",
            "report",
            "reports",
            "statement",
            "data",
            "research",
            "news",
            "know",
            "do",
            "did",
            "does",
            "get",
            "got",
            "have",
            "has",
            "had",
            "will",
            "would",
            "could",
            "should",
            "can",
            "may",
            "might",
            "must",
            "read",
            "click",
            "subscribe",
            "sign",
            "related",
            "more",
            "most",
            "so",
            "if",
            "then",
            "there",
            "here",
            "what",
            "which",
            "who",
            "whom",
            "whose",
            "why",
            "how",
            "where",
            "all",
            "any",
            "some",
            "many",
            "much",
            "every",
            "each",
            "both",
            "few",
            "several",
            "such",
            "not",
            "no",
            "yes",
            "only",
            "just",
            "even",
            "well",
            "about",
            "above",
            "below",
            "up",
            "down",
            "out",
            "over",
            "under",
            "again",
            "further",
            "once",
            "deal",
            "deals",
            "market",
            "markets",
            "industry",
            "sector",
            "tech",
            "technology",
            "science",
            "robotics",
            "robot",
            "robots",
            "humanoid",
            "humanoids",
            "artificial",
            "intelligence",
            "machine",
            "learning",
            "generative",
            "video",
            "image",
            "model",
            "models",
            "wechat",
            "weibo",
            "post",
            "posts",
            "statement",
            "prc",
            "communist",
            "party",
            "covid",
        ]
    )
)
#: Mixed-case words that are products or jargon, not organisations.
NOT_ORG_MIXED = frozenset(
    [
        "wechat",
        "iphone",
        "ipad",
        "ipod",
        "imac",
        "macbook",
        "youtube",
        "powerpoint",
        "javascript",
        "typescript",
        "playstation",
        "airpods",
        "phd",
        "iot",
        "saas",
        "paas",
        "iaas",
        "fintech",
        "edtech",
        "healthtech",
        "proptech",
        "insurtech",
        "aigc",
        "lidar",
        "genai",
        "ecommerce",
        "e-commerce",
        "ph.d.",
        "ph.d",
        "phds",
        "mrna",
        "car-t",
        "ebitda",
        "ipos",
        "evtol",
        "ai-powered",
        "ai-driven",
        "chatgpt",
        "gpt4",
        "iphones",
        "ios",
        "macos",
        "linkedin-style",
        "techcrunch-style",
        "dall-e",
        "xiaohongshu-style",
        "mw",
        "gw",
        "kwh",
        "mwh",
        "gwh",
        "nasdaq-listed",
        "hk-listed",
        "ceos",
        "cfos",
        "ctos",
        "vcs",
        "llms",
        "gpus",
        "evs",
        "wifi",
        "wi-fi",
        "bluetooth",
    ]
)


class Run(NamedTuple):
    """Capitalised tokens [start, end) in one sentence (a tuple: the rules make thousands per article,
    and a tuple is made several times faster than a frozen dataclass)."""

    start: int
    end: int


def is_cap(tok: Token) -> bool:
    """A token that can be part of a name: "Fortera", "AI", "01.AI", "iFlytek", "5Y", "Co."."""
    return is_cap_text(tok.text)


def cap_column(t: TokenTable) -> list[bool]:
    """``is_cap`` of every token of a Doc, computed once per Doc (the rules ask it of each token often)."""
    return cast(list[bool], t.derived("orgs.is_cap", lambda tt: _CAP_WORDS.column(tt.text)))


def cap_positions(t: TokenTable) -> list[int]:
    """The indices of the tokens that can be part of a name, in order, computed once per Doc: runs start
    only there, so the rules visit these few tokens instead of every token."""
    return cast(
        list[int], t.derived("orgs.cap_positions", lambda tt: list(compress(range(tt.n), cap_column(tt))))
    )


def is_cap_text(text: str) -> bool:
    """``is_cap`` of a token's text (``cap_column`` remembers it per distinct word)."""
    if not text or not any(c.isalpha() for c in text):
        return False
    first = text[0]
    if first.isupper():
        return True
    if first.isdigit():
        # "5Y", "01.AI"; "3one4" (letters spelling a word inside digits), not "3rd", "10bn", "5am"
        return any(c.isupper() for c in text) or _DIGITS_AND_WORD.fullmatch(text) is not None
    if first.islower():
        return any(c.isupper() for c in text[1:])
    return False


_DIGITS_AND_WORD = re.compile(r"\d+[a-z]{3,}\d+")
_CAP_WORDS = WordCache(is_cap_text)


@lru_cache(maxsize=65536)
def is_mixed_case(text: str) -> bool:
    """CamelCase or lower-first with capitals inside ("PixVerse", "xAI"), not an all-capital acronym."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or text.isupper():
        return False
    if text[:-1].isupper() and text.endswith("s"):  # plural acronym: IPOs, VCs
        return False
    if text.endswith(_PRODUCT_ENDINGS):  # PuduBot, MatePad, iPhone-like products
        return False
    if _NAME_VERSION.match(text):  # "Halcyon-7B", "Qwen2.5": a model, not a company
        return False
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


_NAME_VERSION = re.compile(r"^[A-Za-z]+-?\d[\w.]*$")
_PRODUCT_ENDINGS = ("Bot", "Pad", "Phone", "Book", "OS", "GPT", "Pods", "Pay", "Chat", "Watch", "Cam")


def _is_connector(t: TokenTable, cap: list[bool], i: int) -> bool:
    """Tokens allowed inside a name between capitalised tokens: "&", "of", "-", ", Ltd."."""
    text = t.text[i]
    if i == 0 or i + 1 >= t.n:
        return False
    lower = t.lower
    if text == "&":
        return cap[i + 1]
    if text.lower() in {"of", "for"}:
        return cap[i + 1] and lower[i + 1] not in _NOT_AFTER_OF
    if text == "and":
        if lower[i + 1] in _SUBJECT_WORDS and "of" in lower[max(0, i - 4) : i]:
            return True
        return cap[i + 1] and _spelled_by_acronym(t, cap, i)
    if text == "(" and lower[i + 1] in {"group", "holdings"} and i + 2 < t.n and t.text[i + 2] == ")":
        return True
    if text == ")" and lower[i - 1] in {"group", "holdings"} and i >= 2 and t.text[i - 2] == "(":
        return True
    if text in {"-", "–", "."} and t.ws[i - 1] == "" and t.ws[i] == "":
        return cap[i + 1]  # "Mercedes-Benz", "Infra.Market"
    if text == "," and lower[i - 1] in {"co", "co.", "corp", "corp.", "group"}:
        return lower[i + 1] in {"ltd", "ltd.", "limited", "inc", "inc.", "llc"}
    return False


def _spelled_by_acronym(t: TokenTable, cap: list[bool], i: int) -> bool:
    """ "HM Revenue and Customs (HMRC)": the "and" at ``i`` is inside a name whose initials, "and"
    included, follow it in brackets."""
    k = i
    while k > 0 and cap[k - 1]:
        k -= 1
    j = i + 1
    while j < t.n and cap[j]:
        j += 1
    if k == i or j + 2 >= t.n or t.text[j] != "(" or t.text[j + 2] != ")":
        return False
    return acronym_letters(t.span_text(k, j)) == t.text[j + 1]


def find_runs(t: TokenTable, start: int, end: int) -> list[Run]:
    """Maximal runs of name tokens in doc[start:end], connectors kept inside.

    Linear: a run starts only at a capitalised token (``cap_positions``), and the next run is looked
    for from the end of the last one, so the tokens between runs are never visited.
    """
    runs: list[Run] = []
    cap, positions, lower = cap_column(t), cap_positions(t), t.lower
    k = bisect_left(positions, start)
    while k < len(positions) and positions[k] < end:
        i = j = positions[k]
        while j < end and cap[j]:
            j += 1
        k += j - i  # the capitalised tokens just passed are the next positions
        if j < end and lower[j] in _JOINERS:  # a connector may carry the run on
            j = _run_end(t, cap, j, end)
            k = bisect_left(positions, j, k)
        if j < end and lower[j] == "plc" and t.ws[j - 1]:
            j += 1  # "Polaris Grid plc": the legal form is written in lower case
        if _number_opens_name(t, i, start):
            i -= 1  # "from 360 One", "led by 500 Global": a backer whose name starts with a number
        runs.append(Run(i, j))
    return runs


#: Words before a number that opens a backer's name ("a debt round from 360 One").
_BEFORE_NUMBER_NAME = frozenset(["from", "by", "including", "include", "includes", "and", ","])


def _number_opens_name(t: TokenTable, i: int, start: int) -> bool:
    """Whether the bare number before the run at ``i`` is the first word of a name: it follows a list
    opener and is no year ("from 2021 Ventures" is a name too, but "from 2021" is a date)."""
    k = i - 1
    if k - 1 < start or t.ws[k] == "" or not t.text[k].isdigit() or t.lower[k - 1] not in _BEFORE_NUMBER_NAME:
        return False
    text = t.text[k]
    return not (len(text) == 4 and text[:2] in {"19", "20"})


def _run_end(t: TokenTable, cap: list[bool], j: int, end: int) -> int:
    """Where a run continued from token ``j`` stops: over capitalised tokens, connectors between
    capitalised tokens and lower-case hyphen words ("State-owned Capital"), never past ``end``."""
    text, ws, lower = t.text, t.ws, t.lower
    while j < end:
        if cap[j]:
            j += 1
        elif lower[j] not in _JOINERS:
            break
        elif j + 1 < end and _is_connector(t, cap, j) and cap[j + 1]:
            j += 2
        elif (
            text[j] == "-"
            and j + 2 < end
            and ws[j - 1] == ""
            and ws[j] == ""
            and t.is_lower[j + 1]
            and ws[j + 1] != ""
            and lower[j + 1] not in HYPHEN_ENDINGS
            and cap[j + 2]
        ):
            j += 3  # "State-owned Capital"
        else:
            break
    return j


#: Every token (lower case) that may join capitalised tokens in a run: a run ends at any other.
_JOINERS = frozenset(["&", "of", "for", "and", "(", ")", "-", "–", ",", "."])

_NOT_AFTER_OF = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "this",
        "these",
        "those",
        "his",
        "her",
        "their",
        "our",
        *MONTHS,
        *WEEKDAYS,
        "series",
    ]
)

_OF_HEADS = frozenset(
    [
        "acquisition",
        "acquisitions",
        "purchase",
        "takeover",
        "buyout",
        "merger",
        "board",  # "the board of Zypto"
        "sale",
        "divestiture",
        "divestment",
        "unit",
        "subsidiary",
        "affiliate",
        "shareholder",
        "shareholders",
        "investor",
        "investors",
        "backer",
        "backers",
        "owner",
        "parent",
        "spin-off",
        "spinoff",
        "arm",
        "shares",
        "stock",
    ]
)
#: Verbs that put an amount into a company: "invested $3 million in X".
_INVEST_WORDS = frozenset(
    ["invested", "invests", "invest", "investing", "poured", "pours", "pumped", "injected", "put", "puts",
     "ploughed", "plowed", "sank", "committed"]
)  # fmt: skip
_IN_HEADS = frozenset(
    [
        "invested",
        "invests",
        "investing",
        "investment",
        "investments",
        "stake",
        "stakes",
        "interest",
        # "$600m funding in X", "a Series B round in X": a place after them is refused by the places list
        "funding",
        "financing",
        "round",
        "bet",
        "injection",
    ]
)

#: Words that may follow "and" inside a name ("Institute of Science and Technology").
_SUBJECT_WORDS = frozenset(
    [
        "science",
        "sciences",
        "technology",
        "technologies",
        "information",
        "commerce",
        "trade",
        "industry",
        "innovation",
        "development",
        "research",
        "engineering",
        "finance",
        "economics",
        "art",
        "arts",
        "design",
        "health",
        "medicine",
        "management",
        "reform",
        "communications",
        "clearing",
        "exchange",
        "customs",
    ]
)

#: Leading words trimmed from a run ("The", "However", "Chinese") but not name words ("National").

#: Descriptors capitalised at the start of a sentence ("Rival Worldline cut its outlook"): not the name.
_DESCRIPTOR_AT_START = frozenset(
    ["rival", "rivals", "competitor", "startup", "start-up", "fintech", "insurtech", "chipmaker", "automaker",
     "carmaker", "parent", "owner", "peer", "biotech", "medtech", "healthtech", "edtech", "proptech", "agritech",
     "cleantech", "deeptech", "regtech", "legaltech", "drugmaker", "steelmaker", "refiner", "miner", "telco",
     "broadcaster", "conglomerate", "wholesaler", "insurer", "lender", "retailer", "foodmaker"]
)  # fmt: skip

_KEEP_AT_START = frozenset(
    [
        "national",
        "international",
        "state",
        "federal",
        "global",
        "new",
        "first",
        "general",
        "united",
        "royal",
        "big",
    ]
)

#: "Beijing-based X", "Nasdaq-listed X": words after a hyphen that introduce the name after them.
HYPHEN_ENDINGS = frozenset(
    ["based", "headquartered", "listed", "backed", "owned", "funded", "founded", "registered"]
)


def trim_run(t: TokenTable, run: Run) -> Run | None:
    """Drop leading words that are not part of a name ("The", "However", "Chinese", "CEO")."""
    s, e = run.start, run.end
    lower, text = t.lower, t.text
    if e - s >= 2 and lower[s] in {"series", "round"} and len(text[s + 1]) <= 2:
        s += 2  # "Series B of Driftwood Labs"
    # "the British Business Bank", "the European Investment Fund": after "the", a nationality opens the
    # name of an institution that ends in an organisation word ("Chinese startup X" has no "the")
    after_the = s > 0 and lower[s - 1] == "the"
    while s < e and lower[s] == "the":  # "The European Investment Bank" opening a sentence
        s, after_the = s + 1, True
    keep = DEMONYMS if after_the and e - s >= 3 and lower[e - 1] in ORG_SUFFIXES else frozenset()
    if s + 1 < e and lower[s] in DEMONYMS and f"{lower[s]} {lower[s + 1]}" in bundled_place_forms():
        return run  # "Saudi Arabia's X": the run is a place, which the caller refuses, not "Arabia"
    while s < e and (
        (lower[s] in NOT_ORG_WORDS and lower[s] not in _KEEP_AT_START and lower[s] not in keep)
        or lower[s] in PERSON_TITLES
        or (t.is_stop[s] and lower[s] not in _KEEP_AT_START)
        or (lower[s] in _DESCRIPTOR_AT_START and s + 1 < e and _line_start(t, s))
    ):
        s += 1
    of = _place_after_of(lower, s, e)
    if of is not None:
        e = of  # "Harbourline Bio of Hong Kong raised": where the company is from, not its name
    while e > s and text[e - 1] in {"-", "&", ","}:
        e -= 1
    while e > s and lower[e - 1] in {"of", "for", "and"}:
        e -= 1
    if s >= e:
        return None
    return run if s == run.start and e == run.end else Run(s, e)


#: Words before "of <place>" that make the place part of the name ("Bank of China", "University of Tokyo").
_OF_INSTITUTIONS = frozenset(
    ["bank", "university", "institute", "college", "government", "ministry", "state", "republic", "city", "port",
     "museum", "school", "academy", "council", "authority", "commission", "chamber", "association", "federation",
     "league", "district", "province", "corporation", "exchange", "society", "foundation", "hospital", "kingdom"]
)  # fmt: skip


def _place_after_of(lower: list[str], s: int, e: int) -> int | None:
    """Where "of" starts when the run ends in "of" and a bundled place after a name that is no institution
    ("Harbourline Bio of Hong Kong"), else None."""
    for k in range(e - 2, s, -1):
        if lower[k] == "of":
            if lower[k - 1] in _OF_INSTITUTIONS or k - s < 1:
                return None
            return k if " ".join(lower[k + 1 : e]) in bundled_place_forms() else None
    return None


def opens_with_nationality(t: TokenTable, run: Run) -> bool:
    """ "European Investment Bank": a nationality left at the start of a trimmed run (``trim_run`` keeps
    one only after "the", before an organisation word) is the first word of an institution's name."""
    return t.lower[run.start] in DEMONYMS and t.lower[run.end - 1] in ORG_SUFFIXES


#: Words right before a person's name in deal news ("angel investor Kari Nordmann").
_PERSON_NOUNS = frozenset(["billionaire", "entrepreneur", "angel", "philanthropist", "businessman", "businesswoman",
                           "tycoon", "magnate", "actor", "actress", "singer", "rapper", "footballer", "athlete"])  # fmt: skip


def _after_person_noun(t: TokenTable, start: int) -> bool:
    """Whether a noun for a person stands right before ``start``, or "angel investor" does."""
    lower = t.lower
    if start < 1:
        return False
    if lower[start - 1] in _PERSON_NOUNS:
        return True
    return start >= 2 and lower[start - 1] in {"investor", "investors"} and lower[start - 2] == "angel"


def looks_like_person(t: TokenTable, run: Run) -> bool:
    """Two or three short title-case words starting with a surname or given name, or after a title."""
    lower = t.lower
    toks = range(run.start, min(run.end, t.n))  # the indices of doc[run.start : run.end]
    n = len(toks)
    if lower[toks[-1]] in ORG_SUFFIXES:
        return False
    if run.start > 0 and lower[run.start - 1] in PERSON_TITLES and n <= 3:
        return True
    if n <= 3 and _after_person_noun(t, run.start):
        return True  # "angel investor Kari Nordmann", "billionaire Ana Reyes"
    if run.end + 1 < t.n and t.text[run.end] == "," and lower[run.end + 1] == "who":  # "whose" fits firms too
        return True
    words = [k for k in toks if t.text[k] not in {"-", "‐"}]
    if len(words) == 1:
        return lower[words[0]] in CHINESE_SURNAMES
    if len(words) > 3:
        return False
    if any(lower[k] in ORG_SUFFIXES or not t.is_alpha[k] or not t.is_title[k] for k in words):
        return False  # "iDO Devices", "ZEN Capital": a name's words are title case
    first, last = lower[words[0]], lower[words[-1]]
    # "Zhu Jun", "Sam Altman", "Kai-Fu Lee", "Robin Li"
    if first in CHINESE_SURNAMES or first in FIRST_NAMES or last in CHINESE_SURNAMES:
        return True
    # "founded by Mattias Berg": companies are founded by people, and two or three plain words are a name
    by = run.start - 1
    return (
        by >= 1
        and lower[by] == "by"
        and (lower[by - 1] in _FOUNDED or (lower[by - 1] == "up" and by >= 2 and lower[by - 2] == "set"))
    )


_FOUNDED = frozenset(["founded", "co-founded", "cofounded", "started", "established", "created"])


def suffix_kind(t: TokenTable, run: Run) -> str | None:
    """The kind an organisation word at the end suggests: investor, bank, university or company."""
    last = t.lower[run.end - 1]
    if last in LEGAL_FORMS and run.end - run.start > 1:
        last = t.lower[run.end - 2]
    if last in INVESTOR_SUFFIXES:
        return "investor"
    if last == "bank":
        return "bank"
    if last in {"university", "college", "institute", "academy"}:
        return "university"
    if last in {"news", "times", "daily", "post", "herald", "journal", "review", "media"}:
        return "media"
    if last in {"commission", "agency", "ministry", "council", "authority"}:
        return "agency"
    return "company"


def ends_in_org_word(t: TokenTable, run: Run) -> bool:
    """Whether the run is "<name> <org word>" (at least one word before the org word)."""
    start, end = run
    if end - start < 2:
        return False
    lower = t.lower
    if "of" in lower[start + 1 : end]:
        for k in range(start, end - 1):
            if lower[k] in ORG_SUFFIXES and lower[k + 1] == "of":  # "University of Chicago"
                return True
    if lower[end - 1] not in ORG_SUFFIXES:
        return False
    # the words before the suffix must hold a real name, not only generic words ("The Group")
    if opens_with_nationality(t, run):
        return True
    cap, text = cap_column(t), t.text
    for k in range(start, end - 1):
        if (
            lower[k] not in ORG_SUFFIXES
            and lower[k] not in NOT_ORG_WORDS
            and cap[k]
            and sum(c.isalpha() for c in text[k]) >= 2
        ):
            return True
    return False


#: The words after a place and a hyphen that introduce the name after them ("Beijing-based X").
#: "took over X", "take X private".
_TAKE_FORMS = frozenset(["take", "takes", "took", "taking", "taken"])

#: What a company takes that makes it a party to a deal: "took a chunk of $15m", "took a 20% stake".
_TAKEN_SHARES = frozenset(["chunk", "share", "slice", "stake"])

#: "its X unit": a part of a company named by its own name.
_PART_NOUNS = frozenset(["unit", "arm", "division", "subsidiary", "affiliate"])

BASED_WORDS = frozenset(["based", "headquartered", "listed"])

_SAYING = frozenset(["said", "says", "disclosed", "discloses", "confirmed", "confirms", "revealed", "reveals",
                     "announced", "announces"])  # fmt: skip
_DEAL_VERBS = frozenset(
    ["raised", "secured", "closed", "completed", "received", "landed", "bagged", "raked", "acquire", "acquired",
     "buy", "bought", "invest", "invested", "purchase", "purchased"]
)  # fmt: skip


#: Titles between a company and the name of the person who leads it ("X co-founder and CEO Jane Doe").
_LEADER_TITLES = frozenset(
    [
        "co-founder",
        "cofounder",
        "founder",
        "ceo",
        "cto",
        "chairman",
        "chairwoman",
        "president",
        "partner",
        "managing",
    ]
)


def _person_name_after(t: TokenTable, k: int, limit: int) -> bool:
    """Whether a two-word title-case name follows ``k``, past a few more title words ("and CEO")."""
    stop = min(limit, k + 4)
    while k < stop and (
        t.lower[k] in _LEADER_TITLES or t.lower[k] in {"and", "&", "chief", "executive", "co", "-", "general"}
    ):
        k += 1
    return (
        k + 1 < limit
        and t.is_title[k]
        and t.is_title[k + 1]
        and t.is_alpha[k]
        and t.is_alpha[k + 1]
        and t.lower[k] not in NOT_ORG_WORDS
    )


#: Verbs of making a deal before "a deal" ("X agreed a deal to buy Y", "X struck a deal").
_DEAL_MAKING = frozenset(
    ["agreed", "agrees", "struck", "strikes", "signed", "signs", "inked", "inks", "reached"]
)

#: Adverbs between a company and its verb ("X today announced").
_TIME_ADVERBS = frozenset(
    ["today", "yesterday", "recently", "quietly", "officially", "finally", "now", "just"]
)

#: Every word right before a run that a context rule needs: "Beijing-based X", ``head_noun_before``
#: ("start-up X" ends in "up") and ``left_trigger`` ("led by X", "from", "such as", "of", "in", "for").
#: Keep in step with those rules: a run without any of these cues skips them (``has_context_cue``).
_CUES_BEFORE = (
    HEAD_NOUNS
    | LEFT_TRIGGERS
    | BASED_WORDS
    | {
        "up",
        "over",
        "by",
        "from",
        "as",
        "of",
        "in",
        "for",
        "'s",
        "’s",
        "at",
        "to",
        "told",
        "tells",
        ":",
        "former",
    }
    | {"were", "are", "into", "values", "valued", "valuing", "value", "group", "called", "named", "dubbed"}
    | {"ex", "ex-"}
)
#: Every token right after a run that ``apposition_after`` or ``right_trigger`` needs (same caveat).
_CUES_AFTER = (
    RIGHT_TRIGGERS
    | {",", "–", "—", "(", "-", "'s", "’s", "'", "’", ":", "reported", "reports", "also"}
    | _SAYING
    | {"took", "takes", "snapped", "snaps", "scooped", "scoops", "agreed", "agrees", "wrote", "writes"}
    | {"doubled", "doubles"}
    | _DEAL_MAKING
    | _TIME_ADVERBS
    | _LEADER_TITLES
    | {"co"}
    | _PART_NOUNS
    | {"private"}
)


def has_context_cue(t: TokenTable, run: Run, limit: int) -> bool:
    """Whether the word before ``run`` or the token after it (before ``limit``) is one a context rule
    looks for: a cheap necessary condition, so most runs skip the rules one by one."""
    before, after = run.start - 1, run.end
    return (
        (before >= 0 and t.lower[before] in _CUES_BEFORE)
        or (after < limit and t.lower[after] in _CUES_AFTER)
        or _descriptor_comma(t, run.start)
    )


def _descriptor_comma(t: TokenTable, start: int) -> bool:
    """ "acquired by French payments group, Worldline, for ...", "Musk's AI company — xAI —": a descriptor
    and a comma or dash before a name."""
    return start >= 2 and t.text[start - 1] in {",", "—", "–"} and t.lower[start - 2] in _COMMA_DESCRIPTORS


#: Descriptors of a company that introduce its name after a comma ("payments group, Worldline"); not the
#: head nouns that may describe a product ("its assistant app, Tidepool", "its accelerator, RNGD").
_COMMA_DESCRIPTORS = frozenset(
    ["startup", "start-up", "scale-up", "firm", "company", "group", "giant", "maker", "developer", "operator",
     "manufacturer", "provider", "lender", "bank", "insurer", "fund", "investor", "backer", "conglomerate",
     "fintech", "insurtech", "biotech", "chipmaker", "automaker", "carmaker", "unicorn", "specialist",
     "outfit", "retailer", "broker", "brokerage", "airline", "supplier", "subsidiary", "unit", "affiliate",
     "parent", "owner", "rival", "competitor", "peer", "newspaper", "outlet", "publication", "agency",
     "regulator", "distributor", "producer",
     # plurals before the names they enumerate: "two Japanese corporations, Mitsui and Itochu"
     "corporations", "companies", "firms", "groups", "conglomerates", "banks", "insurers", "carmakers",
     "automakers", "chipmakers", "giants", "investors", "backers", "funds"]
)  # fmt: skip


def head_noun_before(t: TokenTable, run: Run) -> bool:
    """ "AI startup X", "robotics firm X", "the start-up X"."""
    i = run.start - 1
    if i < 0:
        return False
    word = t.lower[i]
    if word == "up" and i >= 2 and t.text[i - 1] == "-" and t.lower[i - 2] == "start":
        return True
    if word == "group" and i >= 1 and t.text[i - 1].islower() and t.is_alpha[i - 1]:
        return True  # "payments group Edvane", "the media group X" ("X Group" is a name's own word)
    return word in HEAD_NOUNS or _descriptor_comma(t, run.start)


def apposition_after(t: TokenTable, run: Run, limit: int) -> bool:
    """ "X, a maker of ...", "X – an early investor in ...", "X, the startup behind ...", "X, which"."""
    i = run.end
    if i + 1 >= limit or t.text[i] not in {",", "–", "—", "(", "-"}:
        return False
    if t.text[i] == "(" and i + 2 < limit and t.text[i + 2] == ")":
        return initials_in_brackets(t, run, t.text[i + 1])
    nxt = t.lower[i + 1]
    if nxt in {"which", "backed", "funded", "owned"}:
        return True  # "X, which ...", "X, backed by Prosus and Meta, ..."
    if nxt == "whose" and i + 2 < limit and t.lower[i + 2] in _COMPANY_POSSESSIONS:
        return True  # "X, whose backers include ...", "X, whose platform ..."
    if nxt not in {"a", "an", "the", "one", "its"}:
        return False
    for j in range(i + 2, min(limit, i + 11)):  # "X, a New York-based legal AI startup"
        word = t.lower[j]
        if word in HEAD_NOUNS or (word == "up" and t.text[j - 1] == "-"):
            return True
        if t.is_punct[j] and t.text[j] != "-":
            return False
    return False


#: What only a company has, after "X, whose": "whose backers", "whose valuation".
_COMPANY_POSSESSIONS = frozenset(
    ["backers", "investors", "shareholders", "customers", "clients", "products", "platform", "software",
     "valuation", "shares", "revenue", "revenues", "technology", "chips", "models", "app", "apps", "parent",
     "subsidiaries", "stock", "funding", "robots", "drugs"]
)  # fmt: skip


#: Last words of capitalised terms that come with an acronym but are no organisation: "Artificial
#: Intelligence (AI)", "Annual Recurring Revenue (ARR)", "Inflation Reduction Act (IRA)".
_TERM_ENDINGS = frozenset(
    ["act", "law", "laws", "index", "agreement", "program", "programme", "intelligence", "learning", "language",
     "model", "models", "protocol", "standard", "standards", "rate", "rates", "offering", "zone", "area",
     "region", "initiative", "scheme", "plan", "policy", "regulation", "regulations", "directive", "revenue",
     "income", "product", "value", "ratio", "score", "test", "system", "systems", "vehicle", "vehicles",
     "processing", "reality", "computing", "unit", "units", "interface", "device", "devices", "officer",
     "governance", "generation", "analysis", "treaty", "summit", "conference", "forum", "award", "awards",
     "prize", "project", "mission", "network", "networks", "ledger", "token", "tokens", "coin", "contract",
     "contracts", "platform", "cloud", "service", "services", "tax", "loan", "loans",
     "bond", "bonds", "note", "notes", "certificate", "certificates", "receipt", "receipts", "license",
     "licence", "disease", "syndrome", "therapy", "therapies", "trial", "trials", "day", "week", "year"]
)  # fmt: skip


def acronym_letters(name_text: str) -> str:
    """The letters an acronym of ``name_text`` is made of: each word's first letter, or all the letters
    of a word in capitals ("HM Revenue and Customs" → "HMRC"); "and", "the" and "&" are skipped, "of"
    is not ("Bank of China", "BOC")."""
    out = []
    for word in name_text.replace("-", " ").split():
        if word.lower() in {"and", "the", "&"} or not word[0].isalpha():
            continue
        out.append(word if word.isupper() else word[0].upper())
    return "".join(out)


def initials_in_brackets(t: TokenTable, run: Run, inner: str) -> bool:
    """ "Fiat Chrysler (FCA)", "HM Revenue and Customs (HMRC)", "In-Q-Tel (IQT)": a name of two or
    more words followed by its own initials is an organisation, unless it ends like a term ("Annual
    Recurring Revenue (ARR)")."""
    if t.lower[run.end - 1] in _TERM_ENDINGS:
        return False
    name = t.span_text(run.start, run.end)
    return len(acronym_letters(name)) >= 2 and is_acronym_of(inner, name)


def is_acronym_of(inner: str, name_text: str) -> bool:
    """ "CMB" for "China Merchants Bank", "SSCIC" for "Shanghai State-owned Capital Investment Co",
    "FCA" for "Fiat Chrysler": the first letters agree and the rest are the name's initials, or the
    acronym begins with the first two of them."""
    if not (2 <= len(inner) <= 8 and inner.isalpha() and inner[0].isupper()):
        return False
    letters = acronym_letters(name_text)
    if not inner.isupper():  # "Changsha Intelligent Driving Institute (CiDi)": the initials, written mixed
        return len(inner) >= 3 and inner.upper() == letters
    return letters[:1] == inner[0] and (
        all(c in letters for c in inner) or (len(letters) >= 2 and inner.startswith(letters[:2]))
    )


#: Nouns after "X's" that make X an organisation: "X's Series B", "X's parent", "X's backers".
_AFTER_POSSESSIVE = frozenset(
    ["series", "funding", "financing", "round", "investment", "valuation", "backing", "parent", "owner",
     "backers", "investors", "shareholders", "acquisition", "subsidiary", "sale"]
)  # fmt: skip


def right_trigger(t: TokenTable, run: Run, limit: int) -> bool:
    """ "X raised", "X has raised", "X led the round", "X-backed", "X's Series B"."""
    i = run.end
    if i >= limit:
        return False
    lower = t.lower
    if t.text[i] == "-" and i + 1 < limit and lower[i + 1] in {"backed", "led", "funded"}:
        return t.ws[i] == "" and t.ws[i - 1] == ""
    if lower[i] in {"'s", "’s", "'", "’"} and i + 1 < limit:
        k = _past_amount(t, i + 1, limit)  # "X's $30 million Series B"
        nxt = lower[k] if k < limit else ""
        return (
            nxt in _AFTER_POSSESSIVE
            or (
                nxt in {"latest", "new", "recent", "first", "second"}
                and k + 1 < limit
                and lower[k + 1] in {"funding", "financing", "round", "series", "investment"}
            )
            # "X's growth fund", "X's venture arm", "X's corporate venture capital unit": an investor's own
            or any(w in _INVESTING_PARTS for w in lower[k : min(limit, k + 4)])
        )
    if _said_it_raised(t, i, limit):
        return True  # "Kredo said it had raised", "X disclosed that it closed"
    if lower[i] == "," and run.start > 0 and lower[run.start - 1] == "," and i + 1 < limit:
        # "Its rival, X, has raised ...": a name set off by commas before its verb; only a deal verb
        # (a bare "X, said" or "X, is" stays a list item or an aside)
        word, nxt = lower[i + 1], lower[i + 2] if i + 2 < limit else ""
        return word in RIGHT_TRIGGERS and (
            nxt in _WEAK_FOLLOW if word in _WEAK_RIGHT else word not in _COMMA_WEAK
        )
    word = lower[i]
    after = i + 1
    if word == "co" and i + 2 < limit and t.text[i + 1] == "-" and t.ws[i] == "" and t.ws[i + 1] == "":
        word, after = "co-" + lower[i + 2], i + 3  # the tokenizer splits "co-founder", "co-led"
    nxt = lower[after] if after < limit else ""
    if word in _TIME_ADVERBS and nxt in RIGHT_TRIGGERS and nxt not in _WEAK_RIGHT:
        return True  # "X today announced", "X yesterday raised", "X recently closed"
    if word == "also" and nxt in _ALSO_INVESTED:
        return True  # "with X and Y also contributing", "X also participated"
    if word in {"reported", "reports"}:
        # "Bloomberg reported", "Nikkei Asia reported the talks"; a capitalised word opening a
        # sentence may be any noun ("Analysts reported"), so one word there needs mixed case
        return not (
            t.sent_start[run.start] and run.end - run.start == 1 and not is_mixed_case(t.text[run.start])
        )
    if word in PERSON_TITLES and run.start > 0 and lower[run.start - 1] in {"former", "ex", "ex-"}:
        return True  # "a former Atomico partner", "ex-Google engineer": the employer
    if word in _LEADER_TITLES and _person_name_after(t, after, limit):
        # "Kovarra co-founder Elise Marchetti", "Sequera partner Tom Reyes": where they work; but in
        # "Business partner Jane Doe" a sentence's first word may be any noun
        return not (word in {"partner", "managing"} and t.sent_start[run.start] and run.end - run.start == 1)
    if word == "private" and run.start > 0 and lower[run.start - 1] in _TAKE_FORMS:
        return True  # "take X private"
    if word in _PART_NOUNS:
        return run.start > 0 and lower[run.start - 1] in {"its", "their"}  # "its Altera unit"
    if word in {"has", "have", "had"} and nxt in {"agreed", "taken", "snapped", "scooped"}:
        word, after = nxt, after + 1  # "X has agreed to be taken over by Y", "X has snapped up Y"
        nxt = lower[after] if after < limit else ""
    if word in {
        "took",
        "takes",
        "taken",
        "snapped",
        "snaps",
        "scooped",
        "scoops",
        "agreed",
        "agrees",
    } and nxt in {
        "over",
        "up",
        "to",
    }:
        return True  # "X took over Y", "X snapped up Y", "X agreed to acquire Y"
    if word in {"doubled", "doubles"} and nxt == "down":  # "X doubled down on Y"
        return True
    if word in {"has", "have", "had"} and nxt in _DEAL_MAKING:
        word, after = nxt, after + 1  # "X has agreed a deal to buy Y"
        nxt = lower[after] if after < limit else ""
    if word in _DEAL_MAKING and nxt in {"a", "an"} and after + 1 < limit:
        return t.lower[after + 1] in {
            "deal",
            "agreement",
            "definitive",
            "binding",
        }  # "X struck a deal to buy Y"
    if word in {"wrote", "writes"} and nxt in {"a", "the"}:  # "X wrote a $60 million check"
        return any(w in {"check", "cheque"} for w in lower[i + 2 : min(i + 8, limit)])
    if word in {"took", "takes"} and nxt in {"a", "the"}:  # "X took a chunk of $15m", "took a 20% stake"
        return any(w in _TAKEN_SHARES for w in lower[i + 2 : min(i + 5, limit)])
    if _line_start(t, run.start) and _digest_amount_after(t, i, limit):
        return (
            True  # a digest line: "Pallas Security: more than $300 million", "• Lumera (Berlin) – €4M seed"
        )
    if word not in RIGHT_TRIGGERS:
        return False
    if word in _WEAK_RIGHT:
        return nxt in _WEAK_FOLLOW
    return True


#: A part of a company that invests for it, after its possessive ("Samsung's venture arm").
_INVESTING_PARTS = frozenset(["fund", "arm", "venture", "ventures"])

#: Deal verbs after "also" that make the name before them a backer.
_ALSO_INVESTED = frozenset(
    ["participated", "participating", "contributed", "contributing", "invested", "investing", "joined", "joining",
     "backed", "co-invested", "co-investing", "took", "chipped", "returned", "returning"]
)  # fmt: skip


def _past_amount(t: TokenTable, k: int, limit: int) -> int:
    """The token after an amount starting at ``k`` ("$ 30 million", "RMB 1bn"), else ``k``."""
    if not _money_like(t, k, limit):
        return k
    j = k
    while (
        j < limit
        and j < k + 5
        and (
            t.text[j][:1] in _MONEY_START
            or t.like_num[j]
            or t.lower[j] in _AMOUNT_ENDS
            or t.lower[j] in _CURRENCY_WORDS
        )
    ):
        j += 1
    return j


def _said_it_raised(t: TokenTable, i: int, limit: int) -> bool:
    """ "X disclosed it raised", "X said that it had closed": a company telling its own raise."""
    if t.lower[i] not in _SAYING:
        return False
    window = t.lower[i + 1 : min(limit, i + 10)]
    # "said it raised", "said Tuesday that Y had invested", "said in a statement that it closed"
    opener = next((k for k, w in enumerate(window[:5]) if w in {"it", "that"}), None)
    return opener is not None and not _DEAL_VERBS.isdisjoint(window[opener:])


#: Right triggers too common after a comma in a list of names to make the name before an organisation.
_COMMA_WEAK = frozenset(["announced", "launched", "released", "unveiled", "gets", "got", "joined", "backed"])

#: Last words of an amount: "raised $5 million from X" introduces a backer.
_AMOUNT_ENDS = frozenset(
    ["million", "billion", "m", "bn", "mn", "b", "crore", "lakh", "yuan", "won", "yen", "euros", "dollars", "pounds",
     "rupees", "francs", "mln", "bln"]
)  # fmt: skip

_MONEY_START = frozenset("$€£¥₹₩")
_CURRENCY_WORDS = frozenset(
    ["us$", "hk$", "s$", "a$", "c$", "nt$", "rmb", "usd", "eur", "gbp", "inr", "rs", "undisclosed"]
)


_DIGEST_SEPARATORS = frozenset([":", "–", "—", "-", "|"])


def _digest_amount_after(t: TokenTable, i: int, limit: int) -> bool:
    """Whether an amount follows the name's separator in a digest line, past a short bracket ("(Berlin)")."""
    if t.text[i] == "(":
        if _money_like(t, i + 1, limit):
            return True  # "Fluxgate ($120M, Series B, Lightspeed)": the deal's terms in brackets
        close = next((k for k in range(i + 1, min(limit, i + 6)) if t.text[k] == ")"), None)
        if close is None:
            return False
        i = close + 1
    if i >= limit or t.text[i] not in _DIGEST_SEPARATORS or (t.text[i] == "-" and not t.ws[i - 1]):
        return False
    # "Tessellate: undisclosed Series B led by ...": a listing whose amount is kept quiet
    return _money_like(t, i + 1, limit) or (i + 1 < limit and t.lower[i + 1] == "undisclosed")


def _line_start(t: TokenTable, i: int) -> bool:
    """Whether token ``i`` opens a sentence, a line or a bullet."""
    if i == 0 or t.sent_start[i] is True:
        return True
    before = t.text[i - 1]
    return before in {"•", "-", "*", "–", "—", "·"} or "\n" in before


def _money_like(t: TokenTable, i: int, limit: int) -> bool:
    """Whether an amount starts within the next three tokens ("more than $300 million", "RMB1bn")."""
    for k in range(i, min(i + 3, limit)):
        word = t.text[k]
        if word[:1] in _MONEY_START or word[:1].isdigit() or t.lower[k] in _CURRENCY_WORDS:
            return True
    return False


#: Nouns before "from" that make the name after it a backer ("participation from X", "a seed from X").
_FROM_HEADS = frozenset(
    ["participation", "investment", "investments", "funding", "backing", "support", "capital", "investors",
     "money", "financing", "round", "line", "facility", "loan", "debt", "seed", "extension", "tranche", "raise"]
)  # fmt: skip


def left_trigger(t: TokenTable, run: Run, floor: int) -> bool:
    """ "led by X", "backed by X", "investors including X", "participation from X", "acquired X"."""
    i = run.start - 1
    if i < floor:
        return False
    lower = t.lower
    word = lower[i]
    if word == "by":
        return (
            i - 1 >= floor
            and lower[i - 1]
            in {
                "led",
                "co-led",
                "backed",
                "funded",
                "supported",
                "joined",
                "acquired",
                "bought",
                "followed",
                "financed",
                "invested",
                "owned",
                "controlled",
                "founded",
                "incubated",
                "-",
                "managed",  # "a fund managed by X"
                "operated",
                "up",  # "snapped up by X", "picked up by X"
                "over",  # "taken over by X"
            }
        ) or (i - 1 >= floor and lower[i - 1] in {"led", "backed"})
    if word == "from" and i - 1 >= floor and (lower[i - 1] in _AMOUNT_ENDS or t.like_num[i - 1]):
        return True  # "raised $5 million from X", "€5m from X"
    if word == "from":  # "participation from X", "a credit line from X", "a Series B from X"
        return i - 1 >= floor and (
            lower[i - 1] in _FROM_HEADS
            or (i - 2 >= floor and lower[i - 2] == "series" and len(lower[i - 1]) <= 2)
        )
    if word == "as" and i - 1 >= floor and lower[i - 1] == "such":
        return not _products_before(t, i - 1, floor)  # not "models such as X"
    if word == "at":  # "a professor at UCLA", "a partner at Kleiner Perkins"
        return i - 1 >= floor and lower[i - 1] in _JOBS
    if word in {"told", "tells"}:  # "told Reuters", "tells Securities Daily"
        return True
    if word in {"were", "are"}:  # "other participants were X, Y and Z", "backing the round were X"
        before = lower[max(floor, i - 14) : i]
        return i - 1 >= floor and (
            lower[i - 1] in _BACKER_NOUNS
            or lower[i - 1] in {"round", "deal", "financing"}
            # "Among the backers of X's $60 million Series C are Y and Z"
            or ("among" in before and not _BACKER_NOUNS.isdisjoint(before))
        )
    if word == "to":  # "according to PitchBook", "was sold to Vestas", "sold its wind unit to Vestas"
        return i - 1 >= floor and (lower[i - 1] in _BEFORE_BUYER or _sold_part_before(t, i, floor))
    if word == ":":  # "Photo: Getty Images", "Source: Crunchbase"
        return i - 1 >= floor and lower[i - 1] in _CREDIT_WORDS and _line_start(t, i - 1)
    if word in ("up", "over") and i - 1 >= floor:  # "snapped up X", "took over X"
        return lower[i - 1] in _TAKE_FORMS or lower[i - 1] in {
            "snapped",
            "snaps",
            "snapping",
            "snap",
            "scooped",
            "scoops",
            "scooping",
        }
    if word == "of":  # "acquisition of X", "a unit of X", "the co-founder of X"
        return (
            i - 1 >= floor
            and (
                lower[i - 1] in _OF_HEADS
                or lower[i - 1] in _FOUNDERS
                # "bought 60% of X", "took 12 percent of X": a share of a company, after a deal verb
                or (
                    lower[i - 1] in {"%", "percent", "cent"}
                    and not _SHARE_VERBS.isdisjoint(lower[max(floor, i - 6) : i - 1])
                )
            )
        )
    if word in {"values", "valued", "valuing", "value"}:  # "the round values Kredo at $300 million"
        return True
    if word in {"called", "named", "dubbed"}:  # "a startup called Orange", "a new company named Tiller"
        # (not "an app called X", "a platform named X": products, see ``ai_models.patterns``)
        return any(lower[k] in _CALLED_COMPANY_NOUNS for k in range(max(floor, i - 3), i))
    if word in {"in", "into"}:  # "invested in X", "a stake in X", "invested $3 million in X", "into X"
        return i - 1 >= floor and (
            lower[i - 1] in _IN_HEADS
            or _invested_amount_before(t, i, floor)
            # "a $40 million Series C in X", "led the seed in X"
            or (i - 2 >= floor and lower[i - 2] == "series" and len(lower[i - 1]) <= 2)
            or lower[i - 1] in {"seed", "pre-seed"}
        )
    if word == "for":  # "a funding round of at least 1 billion yuan for X"
        window = set(lower[max(floor, i - 8) : i])
        return bool(window & {"round", "funding", "financing", "investment", "raise", "series"})
    if word in {"including", "include", "includes", "included", "like"} and _products_before(t, i, floor):
        return False  # "three video models, including Hotshot-XL": a list of products, not companies
    if word == "backed":  # "Accel has backed Doppel with $10 million", not "voters backed Biden"
        return run.end < t.n and lower[run.end] == "with"
    return word in LEFT_TRIGGERS and word not in {"by", "from", "such"}


#: Nouns for a company before "called X" (``HEAD_NOUNS`` less the ones for products and places).
_CALLED_COMPANY_NOUNS = HEAD_NOUNS - {"app", "platform", "platforms", "portal", "site", "website", "brand",
                                      "marketplace", "studio", "chain", "brands"}  # fmt: skip
#: Deal verbs before a share of a company ("snapped up 35% of X").
_SHARE_VERBS = frozenset(
    ["bought", "buy", "buys", "buying", "acquired", "acquire", "acquires", "acquiring", "took", "takes",
     "taking", "snapped", "scooped", "purchased", "purchase", "sold", "sell", "sells", "selling", "holds", "owns"]
)  # fmt: skip
#: The words right before "to" and a buyer: "according to X", "was sold to X", "its sale to X".
_BEFORE_BUYER = frozenset(["according", "sold", "sale", "itself", "check", "cheque"])
_SELL_FORMS = frozenset(["sold", "sell", "sells", "selling", "divested", "offloaded"])
_SOLD_PARTS = frozenset(
    ["stake", "unit", "arm", "division", "business", "subsidiary", "operations", "assets"]
)


def _sold_part_before(t: TokenTable, i: int, floor: int) -> bool:
    """Whether "to" at ``i`` ends "sold its chip unit to" / "sold a 20% stake in X to": a sell verb and
    a part of a company a few words before it."""
    window = t.lower[max(floor, i - 8) : i]
    return not _SELL_FORMS.isdisjoint(window) and not _SOLD_PARTS.isdisjoint(window)


def _invested_amount_before(t: TokenTable, i: int, floor: int) -> bool:
    """Whether an amount ends right before ``i`` ("in"/"into") and an investing verb comes a few words
    before it: "invested $3 million in X", "poured $5m into X"."""
    lower = t.lower
    return (
        i - 1 >= floor
        and (lower[i - 1] in _AMOUNT_ENDS or t.like_num[i - 1])
        and not _INVEST_WORDS.isdisjoint(lower[max(floor, i - 7) : i - 1])
    )


#: Nouns for things a company makes, whose lists ("models including X, Y") name products.
_PRODUCT_NOUNS = frozenset(
    ["model", "models", "product", "products", "app", "apps", "tool", "tools", "chip", "chips", "brand", "brands",
     "service", "services", "drug", "drugs", "therapy", "therapies", "device", "devices", "game", "games",
     "titles", "vehicles", "cars", "robots", "assistants", "chatbots", "platforms"]
)  # fmt: skip


def _products_before(t: TokenTable, i: int, floor: int) -> bool:
    """Whether the list opener at ``i`` follows a noun for products ("models, including")."""
    j = i - 1
    if j >= floor and t.text[j] == ",":
        j -= 1
    return j >= floor and t.lower[j] in _PRODUCT_NOUNS


#: Nouns for the backers of a round: "other participants were X", "new investors are X".
_BACKER_NOUNS = frozenset(
    ["participants", "investors", "backers", "shareholders", "funders", "co-investors", "lenders", "buyers"]
)
#: Jobs held at an organisation: "a professor at X", "head of research at X", "previously at X".
_JOBS = PERSON_TITLES | frozenset(
    ["researcher", "researchers", "scientists", "engineers", "employee", "employees", "staff", "lecturer",
     "fellow", "principal", "associate", "intern", "officer", "strategist", "stint", "worked", "works",
     "working", "previously", "formerly", "career", "tenure", "vp", "boss", "executives", "partners",
     "analysts", "economists", "dean", "students", "student", "alumni", "alumnus", "research", "lab"]
)  # fmt: skip
#: "the co-founder of X", "the CEO of X": a person's own company (a place is refused by the places list).
_FOUNDERS = frozenset(
    ["founder", "co-founder", "cofounder", "founders", "co-founders", "ceo", "cto", "cfo", "coo", "chairman",
     "chairwoman", "chairperson", "boss", "owner", "owners", "employees", "alumni"]
)  # fmt: skip
#: Words that open a credit line: "Photo: Getty Images", "Image source: X", "Source: X".
_CREDIT_WORDS = frozenset(["photo", "photos", "image", "images", "credit", "credits", "source", "courtesy"])

_SEPARATORS = frozenset(
    {
        (",",),
        ("and",),
        (",", "and"),
        ("as", "well", "as"),
        (",", "as", "well", "as"),
        ("plus",),
        (",", "plus"),
        ("&",),
        ("or",),
        (",", "or"),
    }
)

#: The first and last words of the separators: a list goes on only past one of them.
_SEPARATOR_EDGES = frozenset(w for sep in _SEPARATORS for w in (sep[0], sep[-1]))


def next_to_separator(t: TokenTable, run: Run) -> bool:
    """Whether a separator could join ``run`` to a neighbour: ``list_neighbours`` reaches no other run."""
    before, after = run.start - 1, run.end
    lower = t.lower
    return (before >= 0 and lower[before] in _SEPARATOR_EDGES) or (
        after < t.n and lower[after] in _SEPARATOR_EDGES
    )


def list_neighbours(
    t: TokenTable,
    run: Run,
    runs_by_start: dict[int, Run],
    runs_by_end: dict[int, Run],
    limit: int,
    floor: int,
    forward: bool,
) -> list[Run]:
    """Runs joined to ``run`` by ",", "and", ", and", "as well as" (one direction), in order."""
    out: list[Run] = []
    lower = t.lower
    current = run
    for _ in range(30):  # a list longer than 30 names is not prose
        nxt: Run | None = None
        # every separator starts (forward) and ends (backward) with one of a few words
        edge = current.end if forward else current.start - 1
        if not (floor <= edge < limit and lower[edge] in _SEPARATOR_EDGES):
            break
        for width in (1, 2, 3, 4):
            if forward:
                i = current.end
                if i + width > limit:
                    break
                words = tuple(lower[i : i + width])
                if words in _SEPARATORS:
                    nxt = runs_by_start.get(i + width)
            else:
                i = current.start
                if i - width < floor:
                    break
                words = tuple(lower[i - width : i])
                if words in _SEPARATORS:
                    nxt = runs_by_end.get(i - width)
            if nxt is not None:
                break
        if nxt is None:
            break
        out.append(nxt)
        current = nxt
    return out
