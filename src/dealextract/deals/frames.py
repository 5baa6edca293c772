"""The language of deal news, as patterns over sentence skeletons (see ``skeleton.py``).

Four families of frames:

* ``raise``: the target is the subject ("X raised / secured / closed / bagged / landed / pulled in /
  nabbed / received ... / completed a round");
* ``invest``: the investor is the subject ("X led / co-led / participated in / joined / backed /
  invested in / poured ... into / injected / wrote a cheque to ...");
* ``acquire``: "X acquired / agreed to buy / took over / bought Y", "Y was acquired by X",
  "X's acquisition of Y"; "X bought a 20% stake in Y" is an ``invest`` frame of kind investment;
* cues that open a list of investors with a role: "led by", "co-led by", "with participation from",
  "backers including", "joined by", "from" after a raise ...

Every pattern is a bounded alternation over words, linear on any input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dealextract.records import Role

# Words that show a sentence is about financing, not about raising prices or concerns.
FUNDING_WORDS = re.compile(
    r"\b(?:round|rounds|funding|financing|fundraising|fund-raising|fundraise|investment|investments|invest"
    r"|series|seed|angel|pre-[a-f]\b|pre-ipo|venture|backing|capital\s(?:injection|infusion|increase)"
    r"|cash\sinjection|war\schest|raise|tranche|equity|stake|valuation|investors?|backers?|invested|investing"
    r"|participated|participating|co-invest\w*|debt|credit\sfacility|convertible|undisclosed\s(?:amount|sum))\b"
)

# Objects that make "raised / closed / landed ..." something other than a company's financing.
# "a new vehicle" is a fund; an "electric vehicle maker" is a company.
FUND_VEHICLE = r"(?<!electric\s)(?<!autonomous\s)(?<!self-driving\s)vehicle(?!\s(?:maker|manufacturer|startup|company|firm|brand))"

NOT_A_FINANCING = re.compile(
    r"\b(?<!-)(?:fund|funds|"
    + FUND_VEHICLE
    + r"|contract|contracts|order|orders|prize|award|awards|ipo|listing"
    r"|public\soffering|flotation|revenue|revenues|sales|profit|profits|loan\sfrom\sthe\sgovernment"
    r"|prices?|concerns?|questions?|doubts?|eyebrows|awareness|the\sbar|tariffs?|rates?|bid|offer"
    r"|patent|patents|license|licence|approval|deal\swith|partnership|customers?|users?|votes?|damages"
    r"|settlement|lawsuit|verdict|compensation|judgment|judgement|subsidy|subsidies|grant|grants|tax|refund|payments?"
    r"|royalties|fees|rebate|bonus|buyback|buy-back|buybacks|repurchase|repurchases|dividends?)\b"
)

RAISE_STRONG = (
    r"raised|raises|raising|raise|secured|secures|securing|secure|bagged|bags|bag|nabbed|nabs"
    r"|pulled\sin|pulls\sin|raked\sin|rakes\sin|hauled\sin|hauls\sin|snagged|snags|scooped\sup"
    r"|scoops\sup|drew\sin|draws\sin|drew|draws|drawn|mopped\sup|netted|nets|garnered|garners|attracted|attracts"
    r"|pocketed|pockets|(?<=been\s)handed|(?<=was\s)handed|(?<=were\s)handed"
    r"|gathered|gathers|amassed|amasses|mobili[sz]ed|reeled\sin|brought\sin|brings\sin|took\sin|takes\sin"
    r"|took\shome|takes\shome|walked\saway\swith"
    # "expanded its Series A round to $73 million": an extension is a raise
    r"|(?:expanded|expands|extended|extends|upsized|upsizes|enlarged|enlarges|topped\sup|tops\sup)"
    r"\s(?:its|their|the)\s(?:[\w\-]+\s){0,3}?(?:round|raise|financing|funding|series\s[a-k]\+?)"
    r"|took\s(?:a|the)\s(?:(?:big|bigger|biggest|large|larger|largest|lion's|lion’s)\s)?(?:chunk|share|slice)\sof"
)
RAISE_WEAK = (
    r"closed|closes|closing|close|landed|lands|received|receives|receiving|completed|completes"
    r"|completing|gets|got|getting|scored|scores|picked\sup|picks\sup|obtained|obtains|won|wins"
    r"|banked|banks|announced|announces|unveiled|unveils|collected|collects|fetched|fetches"
    r"|finalised|finalized|sealed|seals|wrapped\sup|wraps\sup|kicked\soff|launched|launches"
    # "the company is seeking $5-10 million in seed funding": a planned raise (status.PLANNED), but
    # only with an amount ("seeking investors in the Gulf" names no raise of its own)
    r"|seeking(?=\s(?:about\s|around\s|up\sto\s|as\smuch\sas\s)?«m)|seeks(?=\s(?:about\s|around\s|up\sto\s)?«m)"
    # "expects to open a Series B of 500 million yuan"
    r"|open(?:s|ed|ing)?(?=\s(?:a|an|its)\s(?:new\s)?(?:series|round|funding|financing|seed|pre-))"
)
# "raised money from X", "secured fresh capital": a raise that names no amount and no round.
MONEY_OBJECT_RE = re.compile(
    r"\s(?:some\s|more\s|new\s|fresh\s|additional\s|outside\s|external\s|private\s)?(?:money|capital|cash)\b"
    r"(?!\s(?:spending|expenditures?|requirements?|ratios?|gains?|markets?|city|flows?|reserves?|prizes?))"
)
RAISE_MONEY_RE = re.compile(rf"(?<![-\w])(?:{RAISE_STRONG}){MONEY_OBJECT_RE.pattern}")
# "$50 million was swept up by logistics startup X": the target comes after "by".
# The participles of a passive raise, shared with the ``--deals-only`` prefilter (which gates on them).
PASSIVE_RAISE_PARTICIPLES = (
    r"swept\sup|raised|secured|bagged|snagged|picked\sup|landed|pulled\sin|raked\sin|netted|collected|received"
    r"|mopped\sup|scooped\sup"
)
RAISE_PASSIVE_RE = re.compile(
    rf"(?<![-\w])(?:was|were|has\sbeen|had\sbeen|is|are|being)\s(?:[\w\-]+\s)?(?:{PASSIVE_RAISE_PARTICIPLES})\s+by\b"
)
# Words between a raise verb and the amount it takes: "gets $8m", "landed about $5m" (with the prefilter).
AMOUNT_LEAD = r"(?:(?:a|an|another|nearly|about|over|some|more\sthan)\s)?"
# Nouns for money put into a company, told as a noun: "X's $5m bet on Y" (with the prefilter).
BET_NOUNS = r"bet|investment|stake|wager|check|cheque|injection|infusion|backing|commitment"
# "X is already backed by $100 million in financing", "X has been funded by $40m from ...": the
# subject raised the amount that backs it.
RAISE_BACKED_RE = re.compile(
    r"(?<![-\w])(?:is|was|are|were|has\sbeen|have\sbeen|had\sbeen)\s(?:already\s|now\s|also\s)?"
    r"(?:backed|funded|financed|bankrolled)\sby\s(?:its\sown\s|some\s)?(?=«m)"
)
# "Among them, X and Y led with $5 million each": led the ranking, i.e. raised the most.
RAISE_RANKING_RE = re.compile(r"(?<![-\w])(?:led|topped\sthe\slist|top\sthe\slist|came\sfirst)\s(?=with\s«m)")
# "Other notable recipients included X, Y and Z": targets named without amounts.
RECIPIENTS_RE = re.compile(
    r"\b(?:recipients|beneficiaries|startups|companies|firms)\s(?:that\sraised\s)?(?:included|include|including"
    r"|were|are|such\sas)\b"
)

# "raise" as a noun: "the second large raise", "a $5 million raise", "its latest raise" (looked at from the
# end of the match)
_NOT_RAISE_NOUN = (
    "".join(
        rf"(?<!\b{w}\sraise)"
        for w in "a an the its this that their his her our large big bigger biggest largest latest new fresh first "
        "second third recent previous last seed equity debt down up bridge total".split()
    )
    + r"(?<!«m\d»\sraise)(?<!«m\d\d»\sraise)"
)
RAISE_RE = re.compile(
    rf"(?<![-\w])(?:(?P<strong>{RAISE_STRONG})|(?P<weak>{RAISE_WEAK}))\b(?!-)(?!\s+by\b)" + _NOT_RAISE_NOUN
)
# "its last attempt to raise money collapsed", "failed to secure": no money moved.
# "did not raise", "has never invested in", "won't acquire": denied, no money moved.
NEGATED_BEFORE = re.compile(
    r"(?:(?:\b(?:not|never|no\slonger)|n't|n’t)\s(?:(?:yet|have|has|had|be|been|also|actually|ultimately|formally)\s)?"
    r"(?:(?:plan|intend|expect|seek|want|need)\w*\sto\s)?"
    r"|\bno\s(?:current\s|immediate\s)?(?:plans?|intentions?|need)\sto\s)$"
)
FAILED_BEFORE = re.compile(
    r"\b(?:attempts?|attempted|tried|trying|failed|failing|unable|struggled|struggling|bid|effort|efforts)\s(?:to\s)?$"
)

INVEST_RE = re.compile(
    r"""(?<![-\w])(?:
        (?P<co_lead>as\s(?:a\s|the\s)?co-leads?(?:\s(?:investors?|backers?))?
          |co-led|co-leads|co-leading|co-lead|coled|jointly\sled|jointly\slead|co-headed)
      | (?P<lead>led|leads|lead(?=\s+(?:the|a|an|its|this|their|that)\b|\s+«m|\s*[,.;]|\s*$)
          |leading(?=\s(?:a|an|the|its)\s(?:[\w\-]+\s){0,3}?(?:«m\d+»\s)?(?:[\w\-]+\s)?(?:round|investment|financing|funding|raise)\b)
          # "with «o» leading and «o» joining": a name and its participle alone
          |(?<=»\s)leading(?=\s?[,.;]|\sand\s|$)
          |spearheaded|spearheads
          |anchored|anchors
          |(?:was|is|were|are|as|acted\sas|served\sas|came\sin\sas)\s(?:the\s)?(?:lead|anchor|sole|main)\s(?:investors?|backers?))
      | (?P<participant>participated|participates|participating|took\spart|takes\spart|taken\spart|joined|joins|joining|join
          |re-upped|re-ups|doubled\sdown|followed\son|followed(?=\s*(?:[.;]|$))|followed\ssuit|returned\sto\sback
          |contributed|contributes|chipped\sin
          |(?:returned|came\sback)\s(?:for|to)\s(?:the|this)\s(?:[\w\-]+\s)?(?:round|raise|financing)
          # "Previous investor X also returned."
          |(?<=also\s)(?:returned|came\sback)(?=\s?[.;,]|$)
          |(?:continued|continuing|continues)\sto\s(?:increase\s(?:its|their)\s(?:investment|stake|holding)s?|invest
            |back|support|follow|participate)
          |(?:increased|upped|boosted|added\sto)\s(?:its|their)\s(?:investment|stake|holding|bet|position)s?
          |topped\sup|re-?invested
          |(?:was|is|were|are|as)\s(?:also\s)?(?:an|among\sthe|one\sof\sthe)\s(?:\w+\s)?(?:investors?|backers?)
          # "Nvidia has become a shareholder in Mistral AI"
          |(?:became|become|becomes|becoming)\s(?:a|an)\s(?:[\w\-]+\s)?(?:shareholder|investor|backer|stakeholder))
      | (?P<invest>invested|invests|investing|invest|poured|pours|pouring|pour|pumped|pumps|pumping|injected|injects
          |inject|back
          |injecting|put|puts|putting|backing|ploughing|plowing
          # "Sequoia is betting $50 million on X"
          # (an amount follows: a placeholder in skeletons, a currency or digit in the prefilter's raw text)
          |(?:betting|bets|bet|wagered|wagering)(?=\s(?:(?:another|a\sfurther|an\sadditional|about|around|nearly)\s)?
            (?:«m|[$€£¥\d]|us\$|rs\b|rmb\b|usd\b|eur\b))
          |ploughed|plowed|funded|backed|backs|bankrolled|bankrolls|made\s(?:an?\s)?(?:\w+\s)?investments?
          |(?:wrote|writes|writing)\s(?:a\s|the\s)?(?:\w+\s|«m\d+»\s)?(?:check|cheque)s?(?:\sto)?
          |committed|commits|provided|provides|extended|extends)
    )\b(?!-)(?!\s+(?:by|to\b(?!\s«)|the\s(?:way|charge|company|team|firm|startup)\b|investors?\b|backers?\b|role\b))""",
    re.X,
)

# a time between a passive verb and its agent: "was acquired «d» by", "was later bought by"
_WHEN_BEFORE_BY = r"(?:(?:«d\d+»|recently|later|eventually|ultimately|quietly|subsequently|then)\s)?"

ACQUIRE_RE = re.compile(  # not inside a hyphenated word: "buy-now-pay-later company X acquired"
    r"""(?<![-\w])(?:
        (?P<passive>(?:acquired|bought|purchased|taken\sover|snapped\sup|scooped\sup)\s+"""
    + _WHEN_BEFORE_BY
    + r"""by
          # "X was sold to Y", "agreed to be sold to Y", "X sold itself to Y": X is bought
          |(?:was|were|is|are|be|been|being)\s(?:[a-z]+ly\s)?sold\s(?:off\s)?to
          |(?:sold|sells|sell|selling)\sitself\sto)
      | (?P<nominal>(?:acquisition|purchase|takeover|buyout|buy-out)\s+of)

      | (?P<active>acquired|acquires|acquire|acquiring|bought|buys|buy|buying|purchased|purchases
          |purchase|took\sover|takes\sover|take\sover|taking\sover|snapped\sup|snaps\sup|snap\sup|snapping\sup
          |scooped\sup|scoops\sup|scooping\sup
          |swallowed|swallows|swallow|absorbed|absorbs|absorb|absorbing|merged\swith|merge\swith)
    )\b(?!-)""",
    re.X,
)

# "approved the company's $900 million takeover by Y", "said its takeover by Y closed": the owner (a
# name, or "its" made a reference) is bought.  Raw text (the ``--deals-only`` prefilter) has "its" and
# "company's" where skeletons have «o» and «o»'s.
OWNED_ACQUIRE_RE = re.compile(
    r"(?:(?<=['’]s)|(?<=»)|(?<=\bits))\s(?:(?:«m\d+»|\$?[\d.,]+|[a-z]+)\s){0,3}?"
    r"(?:acquisition|takeover|buyout|buy-out)\s+by\b"
)

# "With a fresh $75 million from X, Y plans ...": money and its backers before the company
# (``assemble._FRONTED_MONEY``); on raw text, for the ``--deals-only`` prefilter.
FRONTED_MONEY_RAW = re.compile(r"\b(?:fresh|new|further)\s(?:\S+\s){1,5}?from\s")

# Verb forms shared by the frames below and the ``--deals-only`` prefilter (batch/prefilter.py), which
# must find every line a frame can start from: one list each, so the two cannot drift apart.
PAY_VERBS = r"pay|pays|paid|paying"
SELL_VERBS = r"sell|sells|selling|sold|divest|divests|divested|divesting|offload|offloads|offloaded"
TAKE_VERBS = r"take|takes|took|taking|taken"

# "for about 21% of X", "for a 30 percent stake in X": a share of the company, not all of it.
SHARE_OF = (
    r"(?:about\s|around\s|roughly\s|nearly\s|almost\s)?(?P<share>\d+(?:\.\d+)?)\s?(?:%|per\s?cent|percent)"
    r"\s(?:stake\s)?(?:of|in)\s"
)

# "Oracle will pay $28 billion for health records firm Cernex": the price of a company is its purchase;
# "paying 1.5 billion euros for about 21% of X" buys a minority stake, an investment.
PAY_FOR_RE = re.compile(
    rf"(?<![-\w])(?:{PAY_VERBS})\s(?:about\s|around\s|roughly\s|nearly\s|up\sto\s|some\s)?«m(\d+)»\s"
    r"(?:in\s(?:cash|stock|cash\sand\sstock)\s)?(?:to\s(?:buy|acquire)\s|for\s)(?:the\s|a\s|an\s)?"
    rf"(?:{SHARE_OF})?(?:[\w\-]+\s){{0,4}}?«o(\d+)»(?!'|’)"
)

# "Intel is selling a 51% stake in its Altera unit to Silver Lake for $8.75 billion", "agreed to sell
# its chip arm to X": the buyer comes after "to", the company sold inside the object.
SELL_RE = re.compile(
    rf"(?<![-\w])(?:{SELL_VERBS})\s"
    r"(?P<object>(?:[^;.«]|«[mo]\d+»){1,80}?)\sto\s(?:[\w\-]+\s){0,4}?«o(?P<buyer>\d+)»"
)
# what makes a sale a deal: a company's stake or business changes hands (not "sold 10,000 cars to")
SOLD_THING = re.compile(
    r"\b(?:stake|stakes|shareholding|interest|holding|unit|arm|division|business|subsidiary|company|startup"
    r"|operations?|assets|brand)\b"
)

# "the sale of Voltfjord to Siemens Energy", "«o»'s sale to Brookfield", "the sale of its 30% stake in X
# to Y": a sale told as a noun; the buyer follows "to", the company sold follows "of" or owns the noun.
SALE_NOUN_RE = re.compile(
    r"(?<![-\w])(?:sale|sell-off|divestiture|divestment)\s"
    r"(?:of\s(?P<what>(?:(?:its|the|their|a|an)\s)?(?:(?:[\d.]+\s?(?:%|percent|per\scent)|majority|minority"
    r"|controlling)\s)?(?:stake\sin\s)?(?:[a-z][\w\-]*\s){0,2}?)«o(?P<sold>\d+)»\s(?:(?:for|in)\s«[md]\d+»\s)?)?"
    r"to\s(?:the\s)?(?:[a-z][\w\-]*\s){0,3}?«[op](?P<buyer>\d+)»"
)

# "Thoma Bravo will take Darktrace private in a $5.3 billion deal": a buyout.
# "take Darktrace private", "take Japan's X private", "take software firm X private"
TAKE_PRIVATE_RE = re.compile(
    rf"(?<![-\w])(?:{TAKE_VERBS})\s(?:[\w\-]+(?:'s|’s)\s|(?:[a-z][\w\-]*\s){{1,3}}?)?«o(\d+)»\sprivate\b"
)

STAKE_RE = re.compile(
    r"\s*(?:a|an|its|the|their)?\s*(?:«m\d+»\s*)?"
    r"(?:(?:roughly|about|around|nearly|almost|some|approximately|an\sadditional|a\sfurther)\s)?"
    r"(?:[\d.]+[-\s]?(?:%|per\s?cent|percent)\s*)?"
    r"(?:majority|minority|controlling|strategic|significant|small|undisclosed|further|additional)?\s*"
    r"(?:equity\s)?(?:stake|shareholding|interest|holding)\s+in\b"
    # "snapped up 35% of «o»", "bought 12 percent of its shares": a share with no stake noun
    r"|\s*(?:(?:roughly|about|around|nearly|almost|some|approximately|another|a\sfurther)\s)?"
    r"[\d.]+[-\s]?(?:%|per\s?cent|percent)\sof\b"
)


# "took a 20% stake in", "picked up a minority stake in": an investment by the subject.
STAKE_VERB_RE = re.compile(
    r"\b(?:took|takes|taking|take|taken|picked\sup|picks\sup|built|builds|building|secured|secures|holds|amassed|obtained"
    # "Following the investment, X will hold a 15% stake in Y"
    r"|will\shold|would\shold|will\sown|would\sown"
    r"|obtains|gained|gains|won|wins)\b"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """Opens a list of investors that follows it: "led by" → lead."""

    pattern: re.Pattern[str]
    role: Role
    explicit: bool
    needs_context: bool  # only after a financing trigger or funding words in the same sentence


_ROUND_NOUN = (
    r"(?:the|this|that|its|the\slatest|the\snew)\s(?:(?:[\w\-]+|«m\d+»)\s){0,3}?(?:round|investment|financing|raise|deal)"
    r"(?:\s(?:for|in|of|into)\s«o\d+»)?"  # "Leading the $35 million round for «o» was «o2»"
)
_IS = r"(?:are|is|were|was|included?|includes)(?:\salso)?"
# "a petition from X", "pressure from X", "revenue from X", "spun off from X": a bare "from" after these
# names no backer (one negative lookbehind per word: Python's lookbehinds have a fixed width). They
# follow "from" in the pattern, so they are tried only where "from" matched.
_NOT_BACKING_BEFORE_FROM = "".join(
    rf"(?<!\b{word}\sfrom)"
    for word in (
        "petition petitions complaint complaints lawsuit suit letter letters order orders demand pressure "
        "competition approval approvals clearance permission licence license request requests warning "
        "criticism scrutiny probe fine fines penalty data report reports revenue revenues sales income "
        "profit profits customers clients talent executives engineers researchers staff graduates off "
        "hired poached moved switched shift transition departure resigned recovered rules regulation "
        "regulations guidance guidelines scrutiny oversight directive directives sanctions tariffs "
        "ban bans restrictions subsidies grant grants awards award"
    ).split()
)

CUES: tuple[Cue, ...] = (
    # the round as subject: "the Series B+ also drew X and Y", "the round attracted X"
    Cue(
        re.compile(
            r"\b(?:round|series\s[a-k]\+?|financing|raise|investment|deal)\s(?:(?:that|which)\s)?(?:also\s)?"
            r"(?:drew|draws|attracted|attracts|included|featured|features|counted|counts"
            r"|includes|brought\sin|saw\s(?:participation\sfrom|investments?\sfrom))\b"
        ),
        "participant",
        True,
        False,
    ),
    # inverted order: "co-leading the round are X and Y", "other investors include X"
    Cue(re.compile(rf"\bco-lead(?:ing|s)?\s{_ROUND_NOUN}\s{_IS}\b"), "co_lead", True, False),
    Cue(re.compile(rf"\blead(?:ing|s)?\s{_ROUND_NOUN}\s{_IS}\b"), "lead", True, False),
    Cue(
        re.compile(
            rf"\b(?:participating|joining|investing|backing|supporting|funding)\s(?:in\s)?{_ROUND_NOUN}\s{_IS}\b"
            r"|\balso\s(?:participating|joining|investing|taking\spart)\s(?:in\s(?:the\s|this\s)?(?:round|deal)\s)?"
            r"(?:were|are|was|is)\b"
            r"|\b(?:new\s|other\s)?investors?\s(?:in|of)\s(?:the|this|its|«o\d+»(?:'s|’s))\s(?:(?:[\w\-]+|«m\d+»)\s){0,3}?"
            r"(?:round|deal|financing|raise)\s(?:are|were|include|included|includes)\b"
            # "Among the backers of «o»'s «m» Series C are X and Y"
            r"|\bamong\s(?:the\s)?(?:backers|investors|participants)\s(?:of|in)\s[^.;]{1,80}?\s(?:are|were)\b"
            r"|\bother\s(?:investors|backers|participants|co-investors|shareholders)\s(?:are|were|include|included"
            r"|including|such\sas)\b|\bothers\s(?:(?:joining|participating|investing|taking\spart|involved)\s"
            r"(?:(?:in\s)?(?:the\s)?(?:round|deal|financing|investment)\s)?)?(?:include|included|including|are|were)\b"
        ),
        "participant",
        True,
        False,
    ),
    Cue(re.compile(r"\b(?:co-led|co-headed|jointly\sled|co-lead|co-leads)\s+by\b"), "co_lead", True, False),
    Cue(
        re.compile(
            r"\b(?:led|headed|spearheaded|anchored|lead)\s+(?:by|jointly\sby)\b"
            r"|\b(?:exclusively|solely|wholly|entirely|fully)\s(?:invested|funded|financed|backed)\s+by\b"
        ),
        "lead",
        True,
        False,
    ),
    # "The investor is X", "Its sole backer was X": one investor, whose role no word states
    Cue(
        re.compile(
            r"\b(?:the|its|their)\s(?:only\s|sole\s|single\s)?(?:investor|backer|funder)\s(?:is|was)\b"
        ),
        "participant",
        False,
        False,
    ),
    Cue(
        re.compile(
            r"\b(?:with\s(?:the\s)?participation\s(?:from|of|by)|participation\s(?:from|of|by)"
            # "X and Y joined, as did existing investors Z and W"
            r"|(?:as|so)\sdid(?:\s(?:existing|returning|previous|earlier|other)?\s?(?:investors?|backers?|shareholders?))?"
            r"|joined\sby|participated\sby|(?:co-?)?investors?\sincluded?|investors\sincluding"
            r"|(?:co-?)?investors?\s(?:were|are|such\sas|like)|backers?\s(?:including|included|include|such\sas"
            r"|like|were|are)|participants\s(?:include|included|including|were)|shareholders\s(?:including"
            r"|include|such\sas))\b"
        ),
        "participant",
        True,
        False,
    ),
    # "a seed round of $2 million by X and Y": the round's backers, after "by"
    Cue(
        re.compile(r"\b(?:round|funding|financing|investment|seed|series\s[a-k]\+?)\s(?:of\s«m\d+»\s)?by\b"),
        "participant",
        False,
        False,
    ),
    # a list that names some of several investors: its members are participants, never a sole lead
    Cue(
        re.compile(r"\b(?:including|included|includes|include|such\sas|alongside|among\sthem|along\swith)\b"),
        "participant",
        True,
        True,
    ),
    Cue(
        re.compile(
            r"\b(?:from"
            + _NOT_BACKING_BEFORE_FROM
            + r"|backed\sby|funded\sby|supported\sby|financed\sby|provided\sby|(?:jointly\s)?invested\sby|followed\sby"
            # "through a third-party allotment of shares to X, Y and Z"
            r"|(?:allotment|allocation|issuance|placement)\sof\s(?:new\s|its\s)?(?:[\w\-]+\s)?shares\sto"
            r"|with\s(?:[\w\-]+\s)?(?:investments?|backing|capital|support|bets?|contributions?|money|cheques?"
            r"|checks?|commitments?|funding)\sfrom)\b"
        ),
        "participant",
        False,
        True,
    ),
    # "has been handed $7 million by X": the money, then its givers
    Cue(re.compile(r"(?<=handed\s)«m\d+»\sby\b"), "participant", False, True),
    Cue(
        re.compile(rf"\b(?:acquired|bought|purchased|taken\sover|snapped\sup)\s+{_WHEN_BEFORE_BY}by\b"),
        "acquirer",
        True,
        False,
    ),
)

# Words that end a list of investors (a clause boundary, another frame).
LIST_STOP = frozenset(
    [
        "with",
        "managed",
        "founded",
        "owned",
        "run",
        "former",
        "by",
        "of",
        "division",
        "unit",
        "subsidiary",
        "arm",
        "which",
        "who",
        "whose",
        "that",
        "said",
        "says",
        # "led by «o», the company told «o»": the outlet told, not one more backer
        "told",
        "tells",
        "while",
        "valued",
        "valuing",
        "bringing",
        "after",
        "before",
        "to",
        "at",
        "for",
        "in",
        "on",
        "according",
        "per",  # "..., as per a «o» report": the source, not one more backer
        "will",
        "plans",
        "plan",
        "round",
        "raised",
        "led",
        "co-led",
        "participation",
        "participated",
        "joined",
        "backed",
        "invested",
        "including",
        "include",
        "included",
        "from",
        "as",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "funding",
        "financing",
        "investment",
        "deal",
        "last",
        "earlier",
        "this",
        "year",
        "month",
        "week",
        "when",
        "where",
        "whereas",
        "but",
        "also",
        "both",
        "among",
        "between",
        "valuation",
        "totaling",
        "totalling",
        "worth",
        "amount",
    ]
)

COORDINATION = re.compile(r"^\s*(?:,|;)?\s*(?:and|&|as\swell\sas|plus|along\swith|together\swith)?\s*$")
WORD = re.compile(r"[a-z0-9][\w'’.\-]*")
