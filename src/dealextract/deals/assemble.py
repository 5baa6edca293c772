"""Deal assembly: frames in sentences become drafts, drafts of one deal merge, and each becomes a ``Deal``.

The flow, for one article:

1. every sentence becomes a skeleton (``skeleton.py``) with organisations, references, amounts, dates
   and models as slots;
2. frames (``frames.py``) found in a skeleton give drafts: a target, investors with roles, the deal's
   amount (not a valuation, a total to date, revenue or a fund's size), round and date;
3. a sentence with investors but no frame ("The round was led by X.") adds them to the deal its
   possessive names ("X's Series C included ...") or to the deal of the sentences just before;
4. drafts with the same target and compatible round and amount are one deal, told twice;
5. each draft becomes a validated ``Deal`` with status, USD amount, flags, models and confidence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain

from dealextract.deals import frames as F
from dealextract.deals.amounts import (
    PART_OF_LARGER,
    amounts,
    amounts_compatible,
    definite,
    pick_amount,
    pick_valuation,
    primary_amount,
    same_amount,
)
from dealextract.deals.drafts import Article, Draft, Investor
from dealextract.deals.reading import (
    Clauses,
    governed,
    in_other_clause,
    leading_subject,
    list_after,
    list_before,
    object_after,
    pick_date,
    pick_round,
    subject_before,
    subjects,
    words_of,
)
from dealextract.deals.skeleton import Skeleton, Slot
from dealextract.literals import Candidates, LiteralGate
from dealextract.names import names_match, shortened
from dealextract.records import DateValue, DealKind, Money, Role

_POSSESSIVE_DEAL = re.compile(
    r"«o(\d+)»(?:'s|’s|'|’)\s(?:[^«.;]|«m\d+»){0,40}?(?:round|funding|financing|series|seed|investment|fundraising|raise)\b"
    r"|(?:round|funding|financing|investment|stake|series\s[a-k]\+?|seed|raise)\s(?:of|for|in|into)\s(?:the\s)?«o(\d+)»"
)
# "investors in its $16 million round include": a round of the sentence's subject
_ITS_ROUND = re.compile(
    r"\b(?:investors|backers|participants|shareholders)\s(?:in|of)\sits\s(?:(?:[\w\-]+|«m\d+»)\s){0,3}?"
    r"(?:round|funding|financing|raise|fundraise|series\s[a-k]\+?|seed)\b"
)
_PRODUCT_AFTER = re.compile(
    r"\s*(?:'s\s)?(?:gpus?|chips?|shares?|stock|products?|servers?|devices?|hardware|software|licen[cs]es?"
    r"|cars?|vehicles?|robots?|equipment|assets?|bonds?|tokens?|ads?|advertising|services?|h100s?|a100s?"
    r"|processors?|accelerators?|phones?|handsets?|units?|tickets?|credits?|data|content)\b"
)
_AMOUNT_JUST_BEFORE = re.compile(r"«m\d+»\s*(?:,\s*)?$")
# "Moonfire Ventures raised $115 million to invest in European startups": a fund, not a deal.
_FUND_PURPOSE = re.compile(
    r"\b(?:to\s(?:invest|back|deploy|support|fund)\s(?:in\s)?|for\s(?:investments?|its\s\w*\s?fund)"
    r"|new\sfund|fund\s(?:i|ii|iii|iv|v|vi)\b)"
)
_INVESTOR_NAME = re.compile(
    r"(?i)\b(?:ventures|capital|partners|fund|investments?|vc|asset\smanagement|equity)$"
)
_CONTROL_STAKE = re.compile(
    r"\s*(?:a|an|its|the|their)?\s*(?:«m\d+»\s*)?(?:(?:roughly|about|around|nearly|almost|approximately)\s)?"
    r"(?:(?:100|[5-9]\d(?:\.\d+)?)[-\s]?(?:%|per\s?cent|percent)\s*"
    r"|(?:majority|controlling|entire|full|whole)\s)(?:equity\s)?(?:stake|shareholding|interest|holding)"
    r"|\s*(?:(?:roughly|about|around|nearly|almost|approximately)\s)?(?:100|[5-9]\d(?:\.\d+)?)[-\s]?(?:%|per\s?cent|percent)"
    r"\sof\b"
)
_INVESTMENT_OBJECT = re.compile(
    r"\s(?:its|a|an|the|their)\s(?:[\w\-]+\s){0,2}?(?:«m\d+»\s)?(?:[\w\-]+\s)?(?:investment|stake|bet)\s(?:in|into)\s"
)
_MONEY_RIGHT_AFTER = re.compile(rf"\s{F.AMOUNT_LEAD}«m\d+»")
_ORG_RIGHT_AFTER_IN = re.compile(r"\s(?:in|into)\s(?:[\w\-]+\s){0,2}?«o\d+»")
_MONEY_THEN_OTHER = re.compile(
    r"\s(?:[\w\-]+\s)?(?:in\s)?(?:contract|contracts|order|orders|deal\swith|damages|settlement|subsidies|subsidy"
    r"|grant|grants|prize|award|revenue|sales|buyback|buy-back|share\srepurchase|repurchase|dividend|loan\sfrom\sthe\sgovernment)\b"
)
# Base forms ("Tencent, Alibaba back X's round", "Sequoia invest in X") are headline verbs: they only
# make a deal with the organisation they act on right after them.
_BASE_FORMS = frozenset({"invest", "back", "join", "pour", "inject"})
_FUND_AFTER_SUBJECT = re.compile(r"(?:'s|’s)\s(?:[\w\-]+\s){0,2}?(?:fund|funds|vehicle)\b")
_PUT_MONEY_INTO = re.compile(r"\s(?:[\w\-]+\s){0,2}?«m\d+»\s(?:[\w\-]+\s){0,3}?(?:in|into)\b")
# "has given X $80 million in fresh capital", "handed X $5 million": the receiver, then the money.
_GIVE = re.compile(
    r"(?<![-\w])(?:gave|given|gives|giving|handed|hands)\s(?:[\w\-]+\s){0,3}?«o(\d+)»\s(?:[\w\-]+\s)?«m(\d+)»"
)
_RECEIVE_VERB = re.compile(r"(?:received|receives|receiving|gets|got|getting|obtained|obtains)\b")
_MONEY_THEN_SUBJECT = re.compile(r"«m\d+»\s(?:[\w\-]+\s)?«o\d+»\s(?:has\s|had\s|just\s|recently\s)?$")
_LISTING_GAP = re.compile(
    r"[\s:,;\-–—(|]*(?:(?!(?:said|says|told|noted|added|expects?|hopes?|is|was|has|had|will)\b)[\w\-]+\s){0,2}?"
    r"(?:about|over|nearly|some|more\sthan|up\sto)?\s*"
)
_MONEY_NAMES_ROUND = re.compile(
    r"\s(?:[\w\-]+\s)?(?:round|investment|financing|funding)\s(?:from|led\sby|by)\b"
)
# "with «o» and «o» among the backers": a list whose role comes after it.
_WITH_AMONG = re.compile(r"\bwith\b")
_AMONG_TAIL = re.compile(
    r"\s*(?:,\s*)?(?:(?P<co_lead>co-leading|jointly\sleading|as\s(?:the\s|its\s)?co-leads?\b)\b"
    r"|(?P<lead>leading|spearheading|anchoring|as\s(?:the|its)\s(?:lead|main|anchor)\s(?:investor|backer)\b)\b"
    r"|(?:also\s)?(?:participating|joining|investing|taking\spart|chipping\sin|contributing|co-investing"
    r"|returning|following\son|pitching\sin|putting\sin\smoney)\b"
    r"|(?:likely|expected|set|poised|due)\sto\s(?:put|invest|join|participate|take\spart|chip\sin)\b"
    r"|(?:among|being|joining\sas)\s(?:the\s|its\s)?(?:other\s)?(?:backers|investors|participants|co-investors)"
    r"|as\s(?:a|an|the|its)\s(?:[\w\-]+\s)?(?:investor|backer|shareholder)s?)"
)
_AMONG_CUE = F.Cue(_WITH_AMONG, "participant", True, True)
_BET = re.compile(
    r"«o(\d+)»(?:'s|’s|'|’)\s(?:[\w\-]+\s){0,2}(?:«m(\d+)»\s)?(?:[\w\-]+\s)?"
    rf"(?:{F.BET_NOUNS})\s(?:on|in|into|for)\s(?:the\s)?(?:[\w\-]+\s){{0,2}}«o(\d+)»"
)


# --- small readers of a skeleton -------------------------------------------------------------------


# --- amounts ---------------------------------------------------------------------------------------


# --- frames of one sentence ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    # raise | passive_raise | invest | stake | give | acquire | passive_acquire | nominal_acquire
    family: str
    role: Role
    explicit: bool
    strong: bool


# What makes "backing" a noun: a verb of receiving or a determiner or adjective right before it.
_BACKING_AS_NOUN = re.compile(
    r"\b(?:gets?|got|getting|receives?|received|receiving|wins?|won|secured?|secures|securing|lands?|landed"
    r"|draws?|drew|attracts?|attracted|with|has|had|have|the|its|their|his|her|a|new|fresh|financial|state"
    r"|government|strong|additional|further|more|early)\s(?:[a-z\-]+\s)?$"
)


def find_triggers(sk: Skeleton, scan: Candidates) -> list[Trigger]:
    """Every frame trigger of the sentence, in order, overlaps removed (``scan``: its skeleton with the
    patterns that may match it, from ``sentence_gate``; the others are not run)."""
    matches = scan.finditer
    found: list[Trigger] = []
    for m in matches(F.ACQUIRE_RE):
        family = "passive_acquire" if m["passive"] else "nominal_acquire" if m["nominal"] else "acquire"
        if family == "acquire" and F.STAKE_RE.match(sk.skel, m.end()):
            # "bought a 20% stake in": an investment, by an investor whose role no word states
            found.append(Trigger(m.start(), m.end(), "stake", "participant", False, True))
            continue
        found.append(Trigger(m.start(), m.end(), family, "acquirer", True, True))
    for m in matches(F.OWNED_ACQUIRE_RE):
        found.append(Trigger(m.start(), m.end(), "owned_acquire", "acquirer", True, True))
    for m in matches(F.INVEST_RE):
        if m.group() == "backing" and _BACKING_AS_NOUN.search(sk.skel, max(0, m.start() - 40), m.start()):
            continue  # "X gets state backing", "secured fresh backing": the object of a raise
        role: Role = "co_lead" if m["co_lead"] else "lead" if m["lead"] else "participant"
        explicit = not m["invest"]
        family = "stake" if F.STAKE_RE.match(sk.skel, m.end()) else "invest"
        found.append(Trigger(m.start(), m.end(), family, role, explicit, explicit))
    for m in matches(F.STAKE_VERB_RE):
        if F.STAKE_RE.match(sk.skel, m.end()):
            found.append(Trigger(m.start(), m.end(), "stake", "participant", False, True))
    for m in matches(_GIVE):
        found.append(Trigger(m.start(), m.end(), "give", "participant", False, True))
    for m in matches(F.RAISE_PASSIVE_RE):
        found.append(Trigger(m.start(), m.end(), "passive_raise", "participant", False, True))
    for m in matches(F.SELL_RE):
        if F.SOLD_THING.search(m["object"]) and "«o" in m["object"]:
            found.append(Trigger(m.start(), m.end(), "sell", "acquirer", True, True))
    for m in matches(F.SALE_NOUN_RE):
        found.append(Trigger(m.start(), m.end(), "nominal_sale", "acquirer", True, True))
    for m in matches(F.TAKE_PRIVATE_RE):
        found.append(Trigger(m.start(), m.end(), "take_private", "acquirer", True, True))
    for m in matches(F.PAY_FOR_RE):
        found.append(Trigger(m.start(), m.end(), "pay", "acquirer", True, True))
    for m in matches(F.RAISE_BACKED_RE):
        found.append(Trigger(m.start(), m.end(), "raise", "participant", False, True))
    for m in matches(F.RAISE_RANKING_RE):
        found.append(Trigger(m.start(), m.end(), "raise", "participant", False, True))
    for m in matches(F.RAISE_RE):
        if F.FAILED_BEFORE.search(sk.skel, max(0, m.start() - 25), m.start()):
            continue
        if _AMOUNT_JUST_BEFORE.search(sk.skel, max(0, m.start() - 12), m.start()):
            continue  # "a broader $150 million raised in the round": a participle, not a new raise
        found.append(Trigger(m.start(), m.end(), "raise", "participant", False, bool(m["strong"])))
    # a denied frame ("did not raise", "has never invested") or a called-off takeover ("abandoned its
    # $20 billion deal to buy X") moved no money
    found = [
        t
        for t in found
        if not F.NEGATED_BEFORE.search(sk.skel, max(0, t.start - 30), t.start)
        and not (t.role == "acquirer" and _CALLED_OFF.search(sk.skel, max(0, t.start - 60), t.start))
        and not _DENIED_REPORT.search(sk.skel, max(0, t.start - 90), t.start)
    ]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


# What a raise verb may be followed by that is no money raised: "raised its total to", "fetched a
# valuation of", "the range was raised to $12 to $14" (a number lifted, not money raised).
_NOT_RAISED_MONEY = re.compile(
    r"\s*(?:(?:its|the|their)\s(?:total|overall|cumulative)\b|(?:a|an|its|the)\s(?:[\w\-]+\s)?valuation\b"
    r"|(?:to|by)\s(?:about\s|around\s|roughly\s)?«m)"
)


# "raised HK$5.5 billion in its Hong Kong listing": money from the public, not a private deal.
# an offering of shares or bonds, then the clause that says what it raises
_LISTING_BEFORE = re.compile(
    r"\b(?:ipo|listing|initial\spublic\soffering|public\soffering|share\ssale|flotation|bond\s(?:sale|issue)"
    r"|rights\sissue|debut)\b[^.;«]{0,60},\s(?:which\s(?:is\s|was\s)?|that\s)?(?:[a-z]+ing\sto|to|could|would|will"
    r"|may|might)\s$"
)
_LISTING_AFTER = re.compile(
    r"^[^.;]*?«m\d+»\s(?:[\w\-]+\s){0,2}?(?:in|through|from|via|with)\s(?:its|an|the|a|their)\s"
    r"(?:(?:[\w\-]+|«o\d+»)\s){0,3}?"  # "in its Nasdaq IPO": the exchange may be a name
    r"(?:ipo|listing|initial\spublic\soffering|public\soffering|share\ssale|flotation|stock\smarket\sdebut"
    r"|rights\sissue|bond\s(?:sale|issue))\b"
)


# the words between a cue and a fund that is the backer ("from Swedish pension fund «o»", "from «o»'s
# impact fund")
_BACKER_BEFORE_FUND = re.compile(
    r"\b(?:from|by|with)\s(?:(?:«o\d+»(?:'s|’s)|(?!«)[\w\-]+(?:'s|’s)?)\s){0,7}$"
)
# a fund (noun) raised, not money raised "to fund" something
_FUND_WORD = re.compile(rf"\b(?<!-)(?<!to\s)(?<!help\s)(?:fund|funds|{F.FUND_VEHICLE})\b")


def _is_financing(sk: Skeleton, t: Trigger, window_end: int) -> bool:
    """Whether a raise/invest trigger speaks of financing ("raised $5m", not "raised prices")."""
    window = sk.skel[t.end : min(window_end, t.end + 120)]
    if _NOT_RAISED_MONEY.match(window) or (t.family == "raise" and _LISTING_AFTER.search(window[:90])):
        return False
    if t.family == "raise" and _LISTING_BEFORE.search(sk.skel, max(0, t.start - 120), t.start):
        return False  # "filed for an initial public offering, seeking to raise up to $300 million"
    money_at = window.find("«m")
    if money_at >= 0 and _MONEY_THEN_OTHER.match(window, window.find("»", money_at) + 1):
        return False  # "landed a $50 million contract", "won $5 million in damages"
    funding = F.FUNDING_WORDS.search(window)
    negative = F.NOT_A_FINANCING.search(window[:90])
    first_positive = min(
        [
            p
            for p in (money_at if money_at >= 0 else None, funding.start() if funding else None)
            if p is not None
        ],
        default=None,
    )
    if negative and (first_positive is None or negative.start() < first_positive):
        return False
    fund_word = _FUND_WORD.search(window[:100])
    if (
        fund_word is not None
        # "an investment from Swedish pension fund «o»": the fund is the backer, not what was raised
        and not _BACKER_BEFORE_FUND.search(window, max(0, fund_word.start() - 100), fund_word.start())
        and not re.search(r"\b(?:round|series|seed|funding|financing|startup|company)\b", window[:100])
    ):
        return False
    if t.family == "raise":
        if t.strong:
            # "... than the $15 billion Databricks raised in December": the amount comes first
            return (
                first_positive is not None
                or bool(F.MONEY_OBJECT_RE.match(window))
                or bool(_MONEY_THEN_SUBJECT.search(sk.skel, max(0, t.start - 30), t.start))
            )
        # "gets $8 million from X", "lands $8 million": an amount right after the verb is the raise
        return (funding is not None and funding.start() < 90) or bool(_MONEY_RIGHT_AFTER.match(window))
    if _ORG_RIGHT_AFTER_IN.match(window):
        return True  # "Sequoia invests in Kestrel Bio", "X has become a shareholder in Y"
    # invest: the sentence must speak of money or financing, or be a bare role statement that only
    # makes sense about the deal just told ("Sequoia led.", "X led, and Y joined.")
    if money_at >= 0 or "«m" in sk.skel[t.start : t.end] or F.FUNDING_WORDS.search(sk.skel):
        return True  # "wrote a «m» check to «o»": the amount inside the verb phrase
    return t.explicit and bool(_BARE_ROLE.match(sk.skel, t.end))


def sentence_drafts(sk: Skeleton, index: int, article: Article, recent: list[Draft]) -> list[Draft]:
    """The drafts this sentence states; what it adds to earlier drafts is added to them in place.

    A frame with investors but no target of its own ("Sequoia led the round", "«o» led; «o» joined")
    is *pending*: its investors go to a deal of the same sentence, else to the deal the context names.
    """
    scan = sentence_gate(sk)
    if not scan.search(_DEAL_HINT):
        return []
    split = _breakdown(sk, index, recent)
    if split is not None:
        return split
    cue_hits = _cue_matches(scan)
    # a trigger inside a cue is the cue's ("the round drew X"), unless no list follows it: "X's latest
    # round brought in $N" is a raise
    opened = {b: list_after(sk, b, len(sk.skel)) for _, b, _ in cue_hits}  # the list each cue opens
    cue_spans = [(a, b) for a, b, cue in cue_hits if cue.role != "acquirer" and opened[b]]
    triggers = [t for t in find_triggers(sk, scan) if not any(a <= t.start < b for a, b in cue_spans)]
    found_money = amounts(sk, article)
    reach = _context_reach(sk)
    stated: list[Draft] = []
    pending: list[Draft] = []
    anchors: list[tuple[int, Draft]] = []  # (trigger end, draft) for attaching cue lists
    windows = _trigger_windows(sk, triggers)
    framed = [(t, window, _drafts_for(sk, t, window[1], found_money, article)) for t, window in windows]
    # a round or date inside the clause of another trigger that states its own deal is that deal's
    # ("X raised ... in a Series B, while Y gathered ... across two rounds")
    claimed = Clauses([w for _, w, drafts in framed if any(d.target_how != "pending" for d in drafts)])
    money_at = {id(m): ps for ps, _, m, _ in found_money}
    for t, window, drafts in framed:
        for draft in drafts:
            draft.round = pick_round(sk, t.start, window, claimed)
            draft.date = pick_date(sk, t.start, window, claimed)
            at = money_at.get(id(draft.amount)) if draft.amount is not None else None
            if at is not None and at in claimed and not window[0] <= at < window[1]:
                # the amount of another clause's deal ("X is buying Y in a $6bn deal and ...")
                draft.amount = None
            # the valuation of this clause, not of another clause's deal ("X raised $1bn at a $39bn
            # valuation, and Y closed a $350m Series A")
            draft.valuation = pick_valuation(
                [f for f in found_money if not in_other_clause(f[0], window, claimed)]
            )
            draft.clause = (sk.start, _clause_text(sk, t, window))
            draft.add_sentence(sk, index)
            if draft.target_how == "pending":
                # "X led the Series B": a round right by a bare role is the deal's; further on it is
                # another clause's ("led the round after co-leading its Series C")
                draft.round = next((r for r0, _, r in sk.rounds if t.start <= r0 < t.end + 30), None)
                pending.append(draft)
                continue
            if draft.target.is_reference:
                draft.target = _sane_reference(draft.target, recent)
            same = _same_round_as_told(sk, t, draft, recent)
            if same is not None:
                same.add_sentence(sk, index)  # "had previously closed that round at $50 million"
                continue
            stated.append(draft)
            anchors.append((t.end, draft))
    for tranche in _debt_tranches(sk, stated):
        tranche.add_sentence(sk, index)
        stated.append(tranche)
        anchors.append((tranche.anchor, tranche))
    anchors.sort(key=lambda a: a[0])
    anchor_ends = [end for end, _ in anchors]
    if not stated:
        for nominals in (
            [_nominal_draft(sk, found_money)],
            [_nominal_bet(sk, found_money)],
            [_round_values(sk)],
            _nominal_fundings(sk, found_money),
            [_fronted_money(sk, found_money)],
            [_possessive_round(sk, found_money)],
            _recipients(sk),
        ):
            pending_investors = {id(i.slot) for d in pending for i in d.investors}
            found = [n for n in nominals if n is not None and id(n.target) not in pending_investors]
            for nominal in found:
                nominal.add_sentence(sk, index)
                nominal.valuation = nominal.valuation or pick_valuation(found_money)
                stated.append(nominal)
                anchors.append((0, nominal))
            if found:
                break
    for cue_start, cue_end, cue, investors in _cue_lists(sk, triggers, cue_hits, opened):
        at = bisect.bisect_right(anchor_ends, cue_start)
        owner = anchors[at - 1][1] if at else None
        if owner is None and anchors:
            owner = anchors[0][1]
            if _clause_between(sk, sk.end_of(investors[-1].slot), owner):
                # "X became a unicorn after a funding round from Y, and Z is in talks to raise": the
                # list is of the clause before Z's, a round of its subject's own
                owner = _round_of_subject(sk, cue_start, cue_end)
                if owner is None:
                    continue
                owner.clause = (sk.start, sk.skel[: sk.end_of(investors[-1].slot)])
                owner.add_sentence(sk, index)
                stated.append(owner)
        if owner is None and not stated:
            # "..., while «o» became a unicorn after a funding round from «o2»": a round told as a noun
            # of the clause's own subject, in a sentence with no frame
            fresh = _round_of_subject(sk, cue_start, cue_end)
            if fresh is not None:
                # "«o»'s round was led by «o2»" after «o»'s deal was told: that deal's backers
                owner = next(
                    (d for d in reversed(recent) if names_match(d.target.name, fresh.target.name)), None
                )
                if owner is None:
                    owner = fresh
                    owner.clause = (sk.start, sk.skel[: sk.end_of(investors[-1].slot)])
                    stated.append(owner)
                owner.add_sentence(sk, index)
        if owner is None:
            owner = _context_draft(
                sk, index, found_money, recent, stated, max(reach, 4 if cue.explicit else 2)
            )
            if owner is None:
                continue
            owner.add_sentence(sk, index)
            owner.round = owner.round or pick_round(sk, cue_start)
            owner.valuation = owner.valuation or pick_valuation(found_money)
        if owner.kind == "acquisition" and cue.role != "acquirer":
            continue
        owner.add_investors(investors)
    if not stated and not pending:
        _restatement(sk, index, found_money, recent)
        _quoted_backer(sk, index, recent)
        earlier = _earlier_round_closed(sk)
        if earlier is not None:
            earlier.add_sentence(sk, index)
            stated.append(earlier)
    _whole_round(sk, index, stated, recent, reach)
    for draft in pending:
        # a bare role ("X led the round after co-leading a $40m extension") is about the deal told
        # before, even when the sentence mentions another amount
        own_money = found_money if draft.amount is not None else []
        owner = stated[0] if stated else _context_draft(sk, index, own_money, recent, stated, reach)
        if owner is None:
            continue
        owner.add_investors(draft.investors)
        owner.add_sentence(sk, index)
        owner.amount = owner.amount or draft.amount
        owner.round = owner.round or draft.round
    return stated


def _cue_lists(
    sk: Skeleton,
    triggers: list[Trigger],
    cue_hits: list[tuple[int, int, F.Cue]],
    opened: dict[int, list[Slot]],
) -> list[tuple[int, int, F.Cue, list[Investor]]]:
    """Every investor list a cue opens (``opened``: the list after each cue's end), and the lists a tail
    closes ("with «o» among the backers")."""
    out = []
    for cue_start, cue_end, cue in _cues(sk, triggers, cue_hits):
        if _PAST_BACKERS.search(sk.skel, max(0, cue_start - 30), cue_end) or _WHOSE_BEFORE.search(
            sk.skel, max(0, cue_start - 30), cue_start
        ):
            continue  # "its previous investors include X", "X, whose backers include Y,": backers of old
        if _OTHERS_LISTED.match(sk.skel, max(0, cue_start - 60), cue_start):
            continue  # "against U.S. tech giants such as X and Y": rivals, not backers
        slots = opened[cue_end]
        if slots:
            out.append((cue_start, cue_end, cue, [_with_stated_role(sk, s, cue) for s in slots]))
    for m in _WITH_AMONG.finditer(sk.skel):
        slots = list_after(sk, m.end(), len(sk.skel))
        tail = _AMONG_TAIL.match(sk.skel, sk.end_of(slots[-1])) if slots else None
        if tail:
            # "with «o» leading the round": the role is told after the list
            role: Role = "co_lead" if tail["co_lead"] else "lead" if tail["lead"] else "participant"
            out.append((m.start(), m.end(), _AMONG_CUE, [Investor(s, role, True) for s in slots]))
    out.sort(key=lambda x: x[0])
    return out


# "Sequoia (lead), Accel and Index": a role in brackets after a name (dropped from the skeleton as an aside).
_ROLE_IN_BRACKETS = re.compile(r"\s*\((?P<co>co-?)?lead(?:\s(?:investor|backer))?\)", re.IGNORECASE)


def _with_stated_role(sk: Skeleton, slot: Slot, cue: F.Cue) -> Investor:
    """The investor a cue's list names, with the role its brackets state, if any."""
    stated = _ROLE_IN_BRACKETS.match(sk.text, slot.end - sk.start)
    if stated is None:
        return Investor(slot, cue.role, cue.explicit)
    return Investor(slot, "co_lead" if stated["co"] else "lead", True)


# "tech giants such as", "rivals including": a list of other companies, unless it is a list of money
# ("from tech giants such as X" names backers).
_OTHERS_LISTED = re.compile(
    r"(?!.*\b(?:from|by|investors?|backers?)\b).*\b(?:rivals|competitors|giants|peers|players|customers|clients"
    r"|partners|brands|products|apps|models|platforms|markets|countries|cities|companies|firms|startups|banks"
    r"|lenders|insurers|retailers|carmakers|automakers|airlines|hospitals|universities|governments|telcos"
    r"|operators|manufacturers|users|merchants)\s,?\s?$"
)
_WHOSE_BEFORE = re.compile(r"\bwhose\s(?:[\w\-]+\s)?$")
_PAST_BACKERS = re.compile(r"\b(?:previous|prior|past|earlier|former)\s(?:investors|backers|shareholders)\b")


def _cue_matches(scan: Candidates) -> list[tuple[int, int, F.Cue]]:
    """Every cue in the sentence's skeleton, overlaps removed (the longest first)."""
    hits = [(m.start(), m.end(), cue) for cue in F.CUES for m in scan.finditer(cue.pattern)]
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, F.Cue]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            continue
        kept.append(h)
    return kept


def _cues(
    sk: Skeleton, triggers: list[Trigger], hits: list[tuple[int, int, F.Cue]]
) -> list[tuple[int, int, F.Cue]]:
    """The cues that open investor lists here: generic ones ("from", "including") only where the
    sentence speaks of financing before them."""
    if not hits:
        return []
    passive_acquire = any(t.family == "passive_acquire" for t in triggers)
    # where financing is first spoken of: a trigger's end or a funding word (found once, not per cue)
    funding = F.FUNDING_WORDS.search(sk.skel)
    spoken = min(
        [t.end for t in triggers if t.family != "acquire"]
        + ([funding.end()] if funding else [])
        # "led by X, with support from Y": an explicit cue before makes the sentence about financing
        + [end for _, end, cue in hits if not cue.needs_context and cue.role != "acquirer"],
        default=len(sk.skel) + 1,
    )
    out = []
    for start, end, cue in hits:
        if cue.needs_context and spoken > start:
            continue
        if cue.role == "acquirer" and passive_acquire:
            continue
        out.append((start, end, cue))
    return out


# Every word a frame or cue can start with: a sentence without any of them states no deal.
_DEAL_HINT = re.compile(
    r"rais|secur|\blead|\bled\b|co-le|invest|fund|financ|round|acqui|bought|\bbuy|stake|back|particip|join"
    r"|\bbag|land|\bnab|pull|clos|receiv|complet|draw|drew|gather|amass|contribut|inject|pour|pump|\bput"
    r"|took|take|purchas|merg|series|seed|angel|recipient|swept|collect|nett|garner|attract|obtain|\bwon\b"
    r"|\bwin|bank|snag|scor|pick|mopp|rake|haul|\bgot\b|\bgets?\b|unveil|announc|seal|wrap|kick|launch"
    r"|fetch|spearhead|anchor|head|chip|re-up|doubl|follow|bet\b|wager|cheque|check|infusion|capital|raise"
    r"|snap|swallow|absorb|includ|backer|support|sold|sale|sell|divest|sharehold|«m|\bdid\b"
)
_BARE_ROLE = re.compile(
    r"\s*(?:the\s(?:round|deal|financing|investment|raise)|it|capital|money|funds|cash)?\s*(?:[,.;]|and\b|$)"
)
_COLLECTIVE = re.compile(r"\b(?:collectively|jointly|together(?!\swith)|between\sthem|combined)\b")
_DISTRIBUTIVE = re.compile(r"\b(?:each|apiece|both|respectively)\b")


# "received an investment from «o», bringing its total to $300m": a backer named, so a deal.
_FROM_BACKER = re.compile(r"\bfrom\s(?:[\w\-]+\s){0,3}?«[op]\d+»")


def _drafts_for(
    sk: Skeleton,
    t: Trigger,
    window_end: int,
    found_money: list[tuple[int, int, Money, str]],
    article: Article,
) -> list[Draft]:
    """The drafts a trigger states: one, or one per subject when the sentence distributes the amount
    ("X and Y each secured $5m", "both X and Y raised $5m")."""
    draft = _draft_for(sk, t, window_end, found_money, article)
    if draft is None:
        return []
    if (
        t.family == "raise"
        and draft.target.kind == "o"
        and _COLLECTIVE.search(sk.skel, max(0, t.start - 30), t.end + 40)
    ):
        # "X and Y followed, collectively raising $30 million": one deal each, the split unknown
        together = list_before(sk, sk.end_of(draft.target))
        if len(together) > 1:
            return [
                Draft("funding_round", s, "subject", amount=None, has_verb=draft.has_verb) for s in together
            ]
    if t.family == "raise" and _DISTRIBUTIVE.search(sk.skel):
        subjects = list_before(sk, t.start)
        if len(subjects) > 1 and draft.target in subjects:
            return [
                Draft("funding_round", s, "subject", amount=draft.amount, has_verb=draft.has_verb)
                for s in subjects
            ]
    return [draft]


def _draft_for(
    sk: Skeleton,
    t: Trigger,
    window_end: int,
    found_money: list[tuple[int, int, Money, str]],
    article: Article,
) -> Draft | None:
    """The draft a single trigger states, or None when the words do not make a deal."""
    if t.family in ("raise", "invest") and not _is_financing(sk, t, window_end):
        return None
    amount = pick_amount(found_money, t.start, t.end, window_end)
    if t.family == "give":
        # "a round led by X has given eldercare platform Kinfolk S$80 million in fresh capital"
        return _matched_draft(sk, t, _GIVE, "funding_round", 1, 2, "participant", amount)
    if t.family == "pay":
        # "X will pay $28 billion for health records firm Y": Y is bought, for that amount; "paying
        # 1.5 billion euros for about 21% of Y": a minority stake, an investment
        paid = F.PAY_FOR_RE.match(sk.skel, t.start)
        if paid is not None and paid["share"] is not None and float(paid["share"]) < 50:
            return _matched_draft(sk, t, F.PAY_FOR_RE, "investment", 3, 1, "participant", amount)
        return _matched_draft(sk, t, F.PAY_FOR_RE, "acquisition", 3, 1, "acquirer", amount)
    if t.family == "take_private":
        # "Thoma Bravo will take Darktrace private in a $5.3 billion deal"
        return _matched_draft(sk, t, F.TAKE_PRIVATE_RE, "acquisition", 1, None, "acquirer", amount)
    if t.family == "sell":
        return _sale_draft(sk, t, amount)
    if t.family == "nominal_sale":
        return _nominal_sale_draft(sk, t, amount)
    if t.family == "passive_raise":
        raisers = [s for s in list_after(sk, t.end, window_end) if s.kind == "o"]
        before = [m for ps, _, m, role in found_money if role == "deal" and ps < t.start]
        if not raisers:
            return None
        return Draft("funding_round", raisers[0], "object", amount=before[-1] if before else amount)
    if t.family == "raise" and _INVESTMENT_OBJECT.match(sk.skel, t.end):
        # "Amazon completed its $4 billion investment in Anthropic": the subject is the investor
        obj = object_after(sk, t.end, window_end)
        investor = subject_before(sk, t.start)
        if obj is None or investor is None:
            return None
        draft = Draft("investment", obj[0], "object", amount=amount)
        draft.add_investors([Investor(investor, "participant", False)])
        return draft
    if t.family == "raise":
        target = subject_before(sk, t.start)
        if target is None:
            return None
        if target.is_reference and target.text.lower() in ("it", "its"):
            # "... is X's fifth round after it bagged $Y": "it" is the company the clause began with
            first = next(
                (
                    (ps, slot)
                    for ps, _, slot in sk.placeholders(0, t.start)
                    if slot.kind == "o" and not slot.is_reference
                ),
                None,
            )
            if first is not None and first[1].start < target.start and not governed(sk, first[0]):
                target = first[1]
        if _FUND_AFTER_SUBJECT.match(sk.skel, sk.end_of(target)):
            return None  # "Northstar's previous fund, which closed in 2022, raised $300 million"
        if (
            amount is None
            and any(role == "total" and t.end <= ps < window_end for ps, _, _, role in found_money)
            and not any(t.end <= r0 < window_end for r0, _, _ in sk.rounds)
            and not _FROM_BACKER.search(sk.skel, t.end, window_end)
        ):
            # "X has now raised $80 million in total": a sum of past rounds, not a deal (but "it
            # previously raised €9.5 million, most recently a Series A" names its last round)
            return None
        if (target.org_kind == "investor" or _INVESTOR_NAME.search(target.name)) and _FUND_PURPOSE.search(
            sk.skel, t.end
        ):
            return None  # an investor raising money to invest: its own fund
        # "X received $100 million from Y" tells of an investment; "X raised" of a round
        received = _RECEIVE_VERB.match(sk.skel, t.start) is not None
        return Draft("investment" if received else "funding_round", target, "subject", amount=amount)
    if t.family == "stake" and _CONTROL_STAKE.match(sk.skel, t.end):
        obj = object_after(sk, t.end, window_end)
        if obj is None:
            return None
        buyers = subjects(sk, t.start)
        draft = Draft("acquisition", obj[0], "object", amount=amount)
        draft.add_investors(Investor(b, "acquirer", True) for b in buyers)
        return draft  # "bought a 100 percent stake in", "took a controlling stake in": a takeover
    if t.family in ("invest", "stake"):
        obj = object_after(sk, t.end, window_end, owner_of_part=True)
        investors = _role_holder(sk, t) or subjects(sk, t.start)
        if obj is None:
            if not investors:
                return None
            target = None
        else:
            target = obj[0]
        if obj is None and sk.skel[t.start : t.end] in _BASE_FORMS:
            return None  # "plans to invest $10bn into manufacturing": no company to invest in
        if sk.skel[t.start : t.end] in ("put", "puts", "putting") and not _PUT_MONEY_INTO.match(
            sk.skel, t.end
        ):
            return None  # "PitchBook puts its value at $8 billion" is no investment
        kind: DealKind = "investment"
        window_text = sk.skel[t.start : window_end]
        if t.family == "invest" and re.search(r"\b(?:round|series|seed|angel|pre-[a-f])\b", window_text):
            kind = "funding_round"
        role = t.role
        if target is not None:
            target = _not_its_own_buyer(sk, target, investors)
        if target is None:
            # "Sequoia led the round": the deal is named elsewhere; the caller attaches by context
            draft = Draft(kind, investors[0], "pending", amount=amount)
            draft.investors = [Investor(s, role, t.explicit) for s in investors]
            return draft
        draft = Draft(kind, target, "object", amount=amount)
        draft.add_investors(Investor(s, role, t.explicit) for s in investors)
        return draft
    # acquisitions
    if t.family == "passive_acquire":
        target = subject_before(sk, t.start)
        buyers = list_after(sk, t.end, window_end)
        if target is None:
            return None
    elif t.family == "owned_acquire":
        owner = _OWNER_BEFORE.search(sk.skel, max(0, t.start - 12), t.start)  # the name right before
        if owner is None:
            return None
        target = sk.slots[int(owner.group(1))]
        buyers = list_after(sk, t.end, window_end)
    elif t.family == "nominal_acquire":
        obj = object_after(sk, t.end, window_end, max_words=4)
        if obj is None:
            return None
        target = obj[0]
        by = re.match(r"\s*by\b", sk.skel[obj[1] :])
        if by:
            buyers = list_after(sk, obj[1] + by.end(), window_end)
        else:
            owner = re.search(r"«o(\d+)»(?:'s|’s)\s(?:[\w\-]+\s){0,3}$", sk.skel[: t.start])
            buyers = [sk.slots[int(owner.group(1))]] if owner else []
            if not buyers and (s := subject_before(sk, t.start)):
                buyers = [s]
    else:
        obj = object_after(sk, t.end, window_end, max_words=4)
        if obj is None or _PRODUCT_AFTER.match(sk.skel, obj[1]):
            return None
        target = obj[0]
        buyers = subjects(sk, t.start)
    draft = Draft("acquisition", _not_its_own_buyer(sk, target, buyers), "object", amount=amount)
    draft.add_investors(Investor(b, "acquirer", True) for b in buyers)
    return draft


# the owner whose takeover is told, right before the trigger: "«o»'s «m» takeover by", "«o» takeover by"
# ("its" made a reference)
_OWNER_BEFORE = re.compile(r"«o(\d+)»(?:'s|’s)?$")


# "denied a newspaper report that it was in talks to be acquired by «o»": a deal its party says is not so
_DENIED_REPORT = re.compile(
    r"\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted|refutes|rebuffed)\s(?:(?:a|an|the)\s)?"
    r"(?:[\w\-]+\s|«o\d+»(?:'s|’s)?\s){0,3}?(?:reports?|speculation|rumou?rs?|claims?|suggestions?|talk)\s"
    r"(?:that\s)?[^.;]{0,60}$"
)


_CALLED_OFF = re.compile(
    r"\b(?:abandon(?:ed|s|ing)?|scrap(?:ped|s|ping)?|call(?:ed|s|ing)?\soff|terminat(?:ed|es|ing)|cancel(?:l?ed|s)"
    r"|walk(?:ed|s)?\saway\sfrom|pull(?:ed|s)?\sout\sof|blocked|block(?:s|ing)?|dropped|drops"
    # "ended its agreement to be acquired by", "rejected a takeover offer from", "backed out of the deal"
    r"|(?:ended|ends|ditched|ditches|nixed|withdrew\sfrom|backed\sout\sof|rejected|rejects|spurned|rebuffed)"
    r"\s(?:its|the|a|an|their)\s(?:[\w\-]+\s){0,3}?(?:agreement|deal|offer|bid|talks|plan|merger|proposal|sale"
    r"|takeover|approach))\s(?:[^.;«]|«[mo]\d+»){0,50}$"
)


def _matched_draft(
    sk: Skeleton,
    t: Trigger,
    pattern: re.Pattern[str],
    kind: DealKind,
    target_group: int,
    money_group: int | None,
    role: Role,
    amount: Money | None,
) -> Draft | None:
    """The draft of a frame whose pattern names its target (and maybe its amount) itself; the parties
    are the subjects of its verb."""
    m = pattern.match(sk.skel, t.start)
    if m is None:
        return None
    if money_group is not None:
        stated = sk.slots[int(m.group(money_group))].money
        amount = definite(stated) if stated else None
    draft = Draft(kind, sk.slots[int(m.group(target_group))], "object", amount=amount)
    draft.add_investors(Investor(s, role, role != "participant") for s in subjects(sk, t.start))
    return draft


def _role_holder(sk: Skeleton, t: Trigger) -> list[Slot]:
    """ "with «o» as the lead investor": the name right before an "as ..." role, whatever governs it."""
    if not sk.skel.startswith("as ", t.start):
        return []
    before = sk.placeholders(0, t.start)
    if before and before[-1][2].kind in ("o", "p") and not sk.skel[before[-1][1] : t.start].strip():
        return [before[-1][2]]
    return []


def _sale_draft(sk: Skeleton, t: Trigger, amount: Money | None) -> Draft | None:
    """ "X sold a 51% stake in its Y unit to Z for $8.75 billion": Z buys Y (a takeover when the stake is
    a majority or no stake is named, an investment for a minority stake); the seller is no party."""
    m = F.SELL_RE.match(sk.skel, t.start)
    if m is None:
        return None
    obj = m["object"]
    sold = [int(i) for i in re.findall(r"«o(\d+)»", obj)]
    if not sold:
        return None
    return _sold_to(sk.slots[sold[-1]], sk.slots[int(m["buyer"])], obj, amount)


def _nominal_sale_draft(sk: Skeleton, t: Trigger, amount: Money | None) -> Draft | None:
    """ "the sale of «o1» to «o2»", "«o1»'s sale to «o2»": «o2» buys «o1» (a stake's share decides
    between a takeover and an investment, as for a sale told with a verb)."""
    m = F.SALE_NOUN_RE.match(sk.skel, t.start)
    if m is None:
        return None
    if m["sold"] is not None:
        sold = sk.slots[int(m["sold"])]
    else:
        owner = _OWNER_OF_NOUN.search(sk.skel, max(0, t.start - 60), t.start)
        if owner is None:
            return None  # "approved the sale to Brookfield": the text does not say here what was sold
        sold = sk.slots[int(owner.group(1))]
    return _sold_to(sold, sk.slots[int(m["buyer"])], m["what"] or "", amount)


# "«o»'s proposed sale": the company that owns a deal noun.
_OWNER_OF_NOUN = re.compile(r"«o(\d+)»(?:'s|’s)\s(?:[a-z][\w\-]*\s){0,2}$")


def _sold_to(sold: Slot, buyer: Slot, what: str, amount: Money | None) -> Draft | None:
    """The draft of ``sold`` passing to ``buyer``: a takeover when ``what`` names a majority stake or no
    stake, an investment when it names a minority one."""
    if sold is buyer:
        return None
    stake = re.search(
        r"(\d+(?:\.\d+)?)[-\s]?(?:%|per\s?cent|percent)|\b(minority|majority|controlling)\b", what
    )
    minority = stake is not None and (
        stake[2] == "minority" or (stake[1] is not None and float(stake[1]) < 50)
    )
    draft = Draft("investment" if minority else "acquisition", sold, "object", amount=amount)
    draft.add_investors([Investor(buyer, "participant" if minority else "acquirer", not minority)])
    return draft


def _nominal_draft(sk: Skeleton, found_money: list[tuple[int, int, Money, str]]) -> Draft | None:
    """A digest line with no verb: "«o» — «m» Series A, led by «o»"."""
    places = sk.placeholders()
    if not places or places[0][2].kind != "o":
        return None
    if len(words_of(sk.skel[: places[0][0]])) > 3:
        return None
    deal_money = [(ps, m) for ps, _, m, role in found_money if role == "deal"]
    if not deal_money:
        undisclosed = _UNDISCLOSED_LISTING.match(sk.skel, places[0][1])
        if undisclosed is None:
            return None
        # "X: undisclosed Series B led by Y": a listing whose amount is kept quiet
        draft = Draft("funding_round", places[0][2], "subject", has_verb=False)
        draft.round = pick_round(sk, places[0][1])
        draft.date = pick_date(sk, places[0][1])
        return draft
    if not re.search(
        r"\b(?:round|series|seed|angel|pre-[a-f]|funding|financing|led\sby|debt|credit|investment)\b", sk.skel
    ):
        return None
    # the amount follows the name as in a listing ("X: $5m Series A", "X — $5m"), not after a clause
    # ("According to PitchBook, funding reached $30bn", "SoftBank is leading a $300m investment")
    money_at = deal_money[0][0]
    if F.RAISE_RE.search(sk.skel, places[0][1], money_at):
        return None  # "X received a $2m grant": a verb the frames already read (and refused) is no listing
    if not _LISTING_GAP.fullmatch(sk.skel, places[0][1], money_at) and not (
        # "X rounded out the list with a $17m debt round from Y": the amount names its own round
        _MONEY_NAMES_ROUND.match(sk.skel, sk.skel.find("»", money_at) + 1)
        and "«o" not in sk.skel[places[0][1] : money_at]
    ):
        return None
    draft = Draft("funding_round", places[0][2], "subject", amount=deal_money[0][1], has_verb=False)
    draft.round = pick_round(sk, places[0][1])
    draft.date = pick_date(sk, places[0][1])
    terms = _BRACKET_TERMS.match(sk.skel, places[0][1])
    if terms:  # "«o» («m», series b, «o2»)": the backer closes the bracket of terms
        draft.add_investors(
            Investor(sk.slots[int(i)], "participant", False) for i in terms.groups() if i is not None
        )
    return draft


# "Tessellate: undisclosed Series B led by Lux Capital", "X – an undisclosed seed round from Y"
_UNDISCLOSED_LISTING = re.compile(
    r"\s?[:\-–—]\s(?:an?\s)?undisclosed\s(?:amount\s|sum\s)?(?:in\s)?(?:[\w\-]+\s)?"
    r"(?:series\s[a-k]\+?|seed|angel|pre-[a-f]|round|funding|financing|investment)\b"
)


# A newsletter's terms in brackets: "Fluxgate ($120M, Series B, Lightspeed)".
_BRACKET_TERMS = re.compile(
    r"\s*\(\s*«m\d+»[^()«»]{0,40}?,\s(?:led\sby\s)?«o(\d+)»(?:\s(?:and|&)\s«o(\d+)»)?\s*\)"
)


# "'We are thrilled to lead Kestin's Series A,' said Jane Doe, partner at Accel": an investor's own words
# about its part in the deal just told.
_WE_BACK = re.compile(
    r"\bwe(?:'re|’re|'ve|’ve|\sare|\swere|\shave)?\s(?:[\w\-]+\s){0,4}?"
    r"(?P<verb>co-lead|co-leading|lead|leading|back|backing|invest\sin|investing\sin|support|supporting)\b"
)
_SPEAKER_AT = re.compile(
    r"\b(?:said|says|added|adds)\s(?:[^«.;,]{1,40},\s)?(?:(?:a|the)\s)?(?:[\w\-]+\s){0,4}?(?:at|of|from|with)\s«o(\d+)»"
    r"|\b(?:said|says|added|adds)\s(?:[\w\-]+\s){0,3}?«o(\d+)»(?:'s|’s)?\s(?:[\w\-]+\s){0,2}?"
    r"(?:partner|principal|founder|investor|director|head|chief)\b"
)


def _quoted_backer(sk: Skeleton, index: int, recent: list[Draft]) -> None:
    """A quote in which an investor says it leads or backs the deal ("'We are thrilled to lead X's
    Series A,' said Jane Doe, partner at «o»") adds that investor to the deal just told (or to the deal of
    the company the quote names), as lead for "lead", co-lead for "co-lead", else participant."""
    said = _WE_BACK.search(sk.skel)
    if said is None or not recent:
        return
    speaker = _SPEAKER_AT.search(sk.skel, said.end())
    if speaker is None:
        return
    investor = sk.slots[int(speaker.group(1) or speaker.group(2))]
    named = [slot for _, _, slot in sk.placeholders(said.end(), speaker.start()) if slot.kind == "o"]
    deal = next(
        (d for d in reversed(recent) if any(names_match(d.target.name, n.name) for n in named)),
        None if named else recent[-1],
    )
    if deal is None or deal.kind == "acquisition" or names_match(deal.target.name, investor.name):
        return
    verb = said["verb"]
    role: Role = "co_lead" if verb.startswith("co-") else "lead" if verb.startswith("lead") else "participant"
    deal.add_investors([Investor(investor, role, role != "participant")])
    deal.add_sentence(sk, index)


def _price_of_acquisition(sk: Skeleton, index: int, recent: list[Draft]) -> bool:
    """ "had paid €14 million for «o»", "«o»'s entire equity is priced at «m»": the price of an acquisition
    told before without one.  True when it was given to such a deal."""
    paid = _PAID_FOR.search(sk.skel)
    if paid:
        price, target = sk.slots[int(paid.group(1))], sk.slots[int(paid.group(2))]
    else:
        priced = _PRICED_AT.search(sk.skel)
        if priced is None:
            return False
        target, price = sk.slots[int(priced.group(1))], sk.slots[int(priced.group(2))]
    for draft in reversed(recent):
        if (
            draft.kind == "acquisition"
            and draft.amount is None
            and names_match(draft.target.name, target.name)
        ):
            draft.amount = price.money
            draft.add_sentence(sk, index)
            return True
    return False


# "X's entire equity is priced at $160 million in this deal": the price of an acquisition told before.
_PRICED_AT = re.compile(
    r"«o(\d+)»(?:'s|’s)?\s(?:[\w\-]+\s){0,3}?(?:is|was|has\sbeen|will\sbe)\s(?:priced|valued)\sat\s"
    r"(?:about\s|around\s|roughly\s|some\s)?«m(\d+)»"
)
# "had paid 14 million euros for Optisens": the price of an acquisition told before.
_PAID_FOR = re.compile(
    r"\b(?:paid|pays|pay|paying|spent|spends|spend|shelled\sout|forked\sout)\s(?:[\w\-]+\s){0,3}?«m(\d+)»"
    r"\s(?:[\w\-]+\s){0,3}?(?:for|on|to\sbuy|to\sacquire)\s(?:the\s)?«o(\d+)»"
)


# "... a $60 million Series C, plus a $40 million credit facility from X": a second deal, in debt.
_DEBT_TRANCHE = re.compile(
    r"\b(?:plus|and|as\swell\sas|along\swith|alongside|together\swith)\s(?:a|an)\s(?:[\w\-]+\s)?«m(\d+)»\s"
    r"(?:[\w\-]+\s)?(?:credit|debt|loan|lending|venture\sdebt)(?:\s(?:facility|line|financing|round|funding))?"
)


# "The raise includes $50 million in Series B equity from X and a $150 million credit facility from Y":
# the deal told before, broken into its parts.
_BREAKDOWN = re.compile(
    r"^(?:[\w\-’']+\s){0,3}?(?:raise|round|funding|financing|capital|investment|deal|money)\s(?:[\w\-]+\s)?"
    r"(?:includes|included|comprises|comprised|consists\sof|consisted\sof|(?:is|was)\smade\sup\sof|combines"
    r"|combined|is\ssplit\sbetween|was\ssplit\sbetween)\s"
)
_PART_IS_DEBT = re.compile(r"^\s(?:[\w\-]+\s){0,3}?(?:debt|credit|loan|loans|lending|borrowing|notes)\b")
_PART_FROM = re.compile(r"^\s(?:[\w\-]+\s){0,5}?(?:from|by|provided\sby|led\sby)\s")


def _breakdown(sk: Skeleton, index: int, recent: list[Draft]) -> list[Draft] | None:
    """A sentence that splits the deal just told into equity and debt ("The raise includes «m» in
    Series B equity from «o» and a «m» credit facility from «o»"): the deal keeps the equity part, its
    round and backers; the debt part becomes a deal of its own.  None when the sentence is no such split
    of the latest deal (the caller reads it as usual)."""
    if (
        not recent
        or recent[-1].amount is None
        or recent[-1].kind == "acquisition"
        or not _BREAKDOWN.match(sk.skel)
    ):
        return None
    total = recent[-1].amount
    parts = []  # (money, is debt, backers)
    marks = sk.placeholders()
    for n, (ps, pe, slot) in enumerate(marks):
        if slot.kind != "m" or slot.money is None or slot.money.value is None:
            continue
        stop = next((a for a, _, s in marks[n + 1 :] if s.kind == "m"), len(sk.skel))
        after = sk.skel[pe:stop]
        source = _PART_FROM.match(after)
        backers = list_after(sk, pe + source.end(), stop) if source else []
        parts.append((slot.money, bool(_PART_IS_DEBT.match(after)), backers, ps))
    debt = [p for p in parts if p[1]]
    equity = [p for p in parts if not p[1]]
    if len(debt) != 1 or len(equity) != 1 or total.value is None:
        return None
    if equity[0][0].currency != total.currency or debt[0][0].currency != total.currency:
        return None
    summed = sum((p[0].value or Decimal(0) for p in parts), Decimal(0))
    if summed > total.value * Decimal("1.05"):
        return None  # not parts of the amount told before
    owner = recent[-1]
    owner.amount = equity[0][0]
    owner.round = next((r for r0, _, r in sk.rounds if r0 > equity[0][3]), None) or (
        None if owner.round == "Debt" else owner.round
    )
    owner.add_investors(Investor(b, "participant", False) for b in equity[0][2])
    owner.add_sentence(sk, index)
    tranche = _debt_tranche_of(owner, debt[0][0])
    tranche.add_investors(Investor(b, "participant", False) for b in debt[0][2])
    tranche.add_sentence(sk, index)
    return [tranche]


def _sane_reference(target: Slot, recent: list[Draft]) -> Slot:
    """ "it" or "the firm" resolved to an organisation this article has shown investing is more likely
    the company of the deals told before: their target replaces it."""
    investors = {i.slot.name for d in recent for i in d.investors}
    if target.name in investors and recent:
        main = recent[-1].target
        return Slot("o", target.start, target.end, target.text, name=main.name, is_reference=True)
    return target


def _not_its_own_buyer(sk: Skeleton, target: Slot, parties: list[Slot]) -> Slot:
    """ "Shares of X rose after it said Y would buy the company", "X's parent Y invested more in the
    firm": a reference that resolved to the buyer or investor of the same deal means the company named
    before it in the sentence."""
    names = [p.name for p in parties]
    if not target.is_reference or not any(names_match(n, target.name) for n in names):
        return target
    at = next((ps for ps, _, slot in sk.placeholders() if slot is target), len(sk.skel))
    before = [
        slot
        for _, _, slot in sk.placeholders(0, at)
        if slot.kind == "o" and not slot.is_reference and not any(names_match(n, slot.name) for n in names)
    ]
    if not before:
        return target
    return Slot("o", target.start, target.end, target.text, name=before[-1].name, is_reference=True)


def _whole_round(sk: Skeleton, index: int, stated: list[Draft], recent: list[Draft], reach: int) -> None:
    """ "The injection was part of a broader 150 billion won round": the deal is the whole round, as deal
    databases record it; its amount replaces the part (the part's investor stays a participant)."""
    m = _PART_OF_LARGER.search(sk.skel)
    if m is None:
        return
    total = sk.slots[int(m.group(1))].money
    # the deal whose amount is the part named before ("the 10 billion won injection was part of ..."),
    # else the deal of this sentence or the one just told
    parts = [slot.money for _, _, slot in sk.placeholders(0, m.start()) if slot.kind == "m" and slot.money]
    owner = next(
        (d for d in reversed(recent + stated) if d.amount and any(same_amount(d.amount, p) for p in parts)),
        None,
    ) or (
        stated[-1]
        if stated
        else next((d for d in reversed(recent) if index - d.last_sentence <= max(reach, 2)), None)
    )
    if owner is None or total is None or definite(total) is None or owner.kind == "acquisition":
        return
    if owner.amount is not None:
        owner.parts.append(owner.amount)
    owner.amount = total
    owner.add_sentence(sk, index)


_PART_OF_LARGER = re.compile(rf"\b{PART_OF_LARGER}«m(\d+)»")


# "closed that round", "the same round": the round the text has just told, at another stage.
_THAT_ROUND = re.compile(r"\s(?:that|the\ssame|this\ssame)\s(?:[\w\-]+\s)?(?:round|raise|financing)\b")


def _same_round_as_told(sk: Skeleton, t: Trigger, draft: Draft, recent: list[Draft]) -> Draft | None:
    """The deal told before that a raise of "that round" restates, if any ("X expanded its Series A to
    $73 million. X had closed that round at $50 million.")."""
    if not recent or not _THAT_ROUND.match(sk.skel, t.end):
        return None
    latest = recent[-1]
    return latest if names_match(latest.target.name, draft.target.name) else None


def _debt_tranches(sk: Skeleton, stated: list[Draft]) -> list[Draft]:
    """Debt raised alongside an equity round in the same sentence, as its own deal (kind investment)."""
    out: list[Draft] = []
    for m in _DEBT_TRANCHE.finditer(sk.skel):
        money = sk.slots[int(m.group(1))].money
        owner = next((d for d in stated if d.kind != "acquisition"), None)
        if owner is None or money is None or (owner.amount is not None and owner.amount is money):
            continue
        tranche = _debt_tranche_of(owner, money)
        tranche.anchor = m.end()
        out.append(tranche)
    return out


def _debt_tranche_of(owner: Draft, money: Money) -> Draft:
    """The debt raised beside ``owner``'s round, as a deal of its own (kind investment, round Debt)."""
    tranche = Draft("investment", owner.target, owner.target_how, amount=money, has_verb=owner.has_verb)
    tranche.round = "Debt"
    tranche.date = owner.date
    return tranche


def _restatement(
    sk: Skeleton, index: int, found_money: list[tuple[int, int, Money, str]], recent: list[Draft]
) -> None:
    """A sentence that names an amount already told as a deal ("the $675 million Series B round will
    accelerate ...") is more evidence for that deal, and may name its round; one that speaks of "the
    funding" and dates it ("confirmed the funding on Tuesday") dates the latest deal."""
    if recent and recent[-1].date is None and _DEFINITE_ROUND.search(sk.skel):
        recent[-1].date = pick_date(sk, 0)
    named = _ROUND_NAMED.search(sk.skel)
    if recent and recent[-1].round is None and named and not recent[-1].earlier:
        # "In this Series C funding round, ...", "the Series B round marks ...": the latest deal's round
        recent[-1].round = pick_round(sk, named.start())
    if _price_of_acquisition(sk, index, recent):
        return
    _later_valuation(sk, found_money, recent)
    for _, _, money, role in found_money:
        if role != "deal":
            continue
        for draft in reversed(recent):
            if draft.amount is not None and same_amount(draft.amount, money):
                draft.add_sentence(sk, index)
                draft.round = draft.round or pick_round(sk, 0)
                return


def _later_valuation(
    sk: Skeleton, found_money: list[tuple[int, int, Money, str]], recent: list[Draft]
) -> None:
    """ "The round values Kredix at about $400 million": a valuation told in a sentence of its own is the
    latest deal's, when the sentence names no company but that deal's (or none)."""
    valuation = pick_valuation(found_money)
    if valuation is None or not recent or recent[-1].valuation is not None or recent[-1].earlier:
        return
    latest = recent[-1]
    orgs = [slot for slot in sk.slots if slot.kind == "o"]
    if all(names_match(slot.name, latest.target.name) for slot in orgs) and (
        orgs or F.FUNDING_WORDS.search(sk.skel)  # not "the industry is forecast to be worth 1 trillion yuan"
    ):
        latest.valuation = valuation


# "The $30 million Series B values Kredo at $300 million": a round told by the valuation it gives.
_ROUND_VALUES = re.compile(
    r"\b(?:the|its|this|a)\s(?:(?:new|latest|fresh)\s)?«m(\d+)»\s(?:[\w\-+]+\s){0,3}?"
    r"(?:round|series\s[a-k]\+?|funding|financing|raise|investment)\s(?:(?:which|that)\s)?"
    r"(?:values|valued|valuing)\s«o(\d+)»\sat\s"
)


def _placed(draft: Draft, sk: Skeleton, at: int, window: tuple[int, int] | None = None) -> Draft:
    """``draft`` with the round and date named nearest ``at`` (inside ``window`` first): the last step of
    every nominal draft."""
    draft.round = pick_round(sk, at, window)
    draft.date = pick_date(sk, at)
    return draft


def _deal_amount(slot: Slot, found_money: list[tuple[int, int, Money, str]]) -> Money | None:
    """The amount a placeholder holds, when the sentence's reading makes it a deal's (not a valuation)."""
    money = slot.money
    if money is None or not any(mm is money and role == "deal" for _, _, mm, role in found_money):
        return None
    return money


def _round_values(sk: Skeleton) -> Draft | None:
    """A round named by its amount that "values «o» at «m»" (the valuation is set with the other
    nominal drafts')."""
    m = _ROUND_VALUES.search(sk.skel)
    if m is None:
        return None
    target = sk.slots[int(m.group(2))]
    draft = Draft("funding_round", target, "object", amount=sk.slots[int(m.group(1))].money, has_verb=False)
    return _placed(draft, sk, m.start())


def _nominal_bet(sk: Skeleton, found_money: list[tuple[int, int, Money, str]]) -> Draft | None:
    """ "«o»'s «m» bet on «o»", "«o»'s «m» investment in «o»": an investment told as a noun phrase."""
    m = _BET.search(sk.skel)
    if m is None:
        return None
    investor, target = sk.slots[int(m.group(1))], sk.slots[int(m.group(3))]
    amount = sk.slots[int(m.group(2))].money if m.group(2) else None
    if amount is not None and not any(mm is amount and role == "deal" for _, _, mm, role in found_money):
        return None
    draft = Draft("investment", target, "object", amount=amount, has_verb=False)
    draft.add_investors([Investor(investor, "participant", False)])
    return _placed(draft, sk, m.start())


_NOMINAL_FUNDING = re.compile(
    r"«m(?P<money>\d+)»\s(?:[\w\-]+\s){0,2}?(?:(?:funding|investment|financing|round|backing|injection)\s"
    r"(?:in|into|for|of)|(?:capital\sraising|fundraising|fund-raising|raise|raising)\s(?:by|of|for))\s(?:the\s)?"
    r"«o(?P<target>\d+)»"
)
# "the Series A round of «m» in «o»": the round first, its amount after "of"
_ROUND_OF_AMOUNT_IN = re.compile(
    r"\b(?:round|funding|financing|investment|seed|series\s[a-k]\+?)\sof\s(?:about\s|around\s|nearly\s)?"
    r"«m(?P<money>\d+)»\s(?:in|into|for)\s(?:the\s)?«o(?P<target>\d+)»"
)


def _recipients(sk: Skeleton) -> list[Draft | None]:
    """ "Other recipients included X, Y and Z": deals whose amounts the article does not give."""
    m = F.RECIPIENTS_RE.search(sk.skel)
    if m is None:
        return []
    if not m.group().startswith(("recipients", "beneficiaries")) and not F.FUNDING_WORDS.search(
        sk.skel[: m.end()]
    ):
        return []
    return [
        Draft("funding_round", s, "object", has_verb=False, listed=True)
        for s in list_after(sk, m.end(), len(sk.skel))
    ]


_CLAUSE_BREAK = re.compile(r",\s(?:and|but|while|whereas)\s|;")
# "after a funding round from": a round told as a noun, right before its list of backers
_ROUND_BEFORE_CUE = re.compile(
    r"\b(?:round|funding|financing|investment|backing)\s(?:[a-z]+\s)?(?:from|led\sby|by|with)\s?$"
)


_DATELINE = re.compile(r"[^«]{0,60}«d\d+»\s(?:\([^)]{0,40}\)\s)?[-–—]{1,2}\s")


def _trigger_windows(sk: Skeleton, triggers: list[Trigger]) -> list[tuple[Trigger, tuple[int, int]]]:
    """Each trigger with the stretch of its sentence that is its own: from the trigger to the next one,
    or, where a clause break (", and", "; ") stands between two triggers, from the break before it to
    the break after it ("In «d» it bought «o» for «m», and in «d» it snapped up «o»": each date is its
    own clause's)."""
    out = []
    for i, t in enumerate(triggers):
        start, end = t.start, triggers[i + 1].start if i + 1 < len(triggers) else len(sk.skel)
        before = _last_break(sk.skel, triggers[i - 1].end if i > 0 else 0, t.start)
        if before is not None:
            start = before[1]
        elif i == 0:
            # the first trigger's clause opens the sentence ("«o» said «d» it had raised"), after any
            # dateline ("beijing, «d» - "), whose date is the wire's, not the deal's
            dateline = _DATELINE.match(sk.skel)
            start = dateline.end() if dateline is not None and dateline.end() <= t.start else 0
        if i + 1 < len(triggers):
            after = _last_break(sk.skel, t.end, end)
            if after is not None:
                end = after[0]
        out.append((t, (min(start, t.start), max(end, t.end))))
    return out


def _clause_text(sk: Skeleton, t: Trigger, window: tuple[int, int]) -> str:
    """The words of the clause a trigger stands in: from the clause break before it (or the sentence
    start) to its window's end or the next break that opens a clause with a new name as its subject
    (", while «o» is reportedly preparing an IPO")."""
    before = _last_break(sk.skel, 0, t.start)
    end = window[1]
    after = _NEW_SUBJECT_BREAK.search(sk.skel, t.end, end)
    if after is not None:
        end = after.start()
    return sk.skel[before[1] if before else 0 : end]


_NEW_SUBJECT_BREAK = re.compile(r",\s(?:and|but|while|whereas)\s(?:[\w\-]+\s){0,4}?«o\d+»|;\s")


def _last_break(skel: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the last clause break in ``skel[start:end]``."""
    found = None
    for m in _CLAUSE_BREAK.finditer(skel, start, end):
        found = m.span()
    return found


def _clause_between(sk: Skeleton, list_end: int, draft: Draft) -> bool:
    """Whether a new clause ("…, and «o» is in talks …") opens between a list and the later target of
    the draft it would go to."""
    if draft.target_how != "subject" or draft.target.start < sk.start + list_end:
        return False
    target_at = sk.end_of(draft.target)
    return _CLAUSE_BREAK.search(sk.skel, list_end, target_at) is not None


def _round_of_subject(sk: Skeleton, cue_start: int, cue_end: int) -> Draft | None:
    """The round a clause tells as a noun before its backers: "«o» became a unicorn after a funding round
    from «o2»" (None when no such noun or subject stands before the cue)."""
    if not _ROUND_BEFORE_CUE.search(sk.skel, max(0, cue_start - 40), cue_end):
        return None
    subject = subject_before(sk, cue_start)
    if subject is None:
        return None
    draft = Draft("funding_round", subject, "subject", has_verb=False)
    draft.round = pick_round(sk, cue_start)
    draft.date = pick_date(sk, cue_start)
    return draft


# Money told before the company it goes to: "With a fresh «m» from «o», «o2» plans to ...", "A «m»
# investment from «o» will help «o2» open factories".
_FRONTED_MONEY = re.compile(
    r"(?:with\s(?:a\s|the\s|its\s)?(?:fresh|new|further)\s«m(?P<m1>\d+)»\s(?:[\w\-]+\s){0,3}?from\s"
    r"(?P<by1>[^,;]{1,120}?),\s«o(?P<t1>\d+)»"
    r"|(?:a|the|this)\s«m(?P<m2>\d+)»\s(?:[\w\-]+\s)?(?:investment|injection|round|funding|financing)\sfrom\s"
    r"(?P<by2>[^,;]{1,120}?)\s(?:will|would|should|is\sset\sto|is\sexpected\sto)\s(?:help|allow|enable|let|fund"
    r"|support|bankroll)\s«o(?P<t2>\d+)»)"
)


def _fronted_money(sk: Skeleton, found_money: list[tuple[int, int, Money, str]]) -> Draft | None:
    """A deal whose amount and backers come before its target, with no verb of raising (``_FRONTED_MONEY``)."""
    m = _FRONTED_MONEY.match(sk.skel) or _FRONTED_MONEY.search(sk.skel)
    if m is None:
        return None
    amount = _deal_amount(sk.slots[int(m["m1"] or m["m2"])], found_money)
    if amount is None:
        return None
    target = sk.slots[int(m["t1"] or m["t2"])]
    by = "by1" if m["by1"] is not None else "by2"
    draft = Draft("funding_round", target, "object", amount=amount, has_verb=False)
    draft.add_investors(
        Investor(s, "participant", False) for s in list_after(sk, m.start(by), m.end(by)) if s is not target
    )
    return _placed(draft, sk, m.start())


# "after Harmattan AI's $200 million round": a round told as a possessive noun phrase, with no verb
_POSSESSIVE_ROUND = re.compile(
    r"«o(?P<t>\d+)»(?:'s|’s)\s(?:(?:latest|new|recent|fresh|last|previous|first|second|third)\s)?«m(?P<m>\d+)»\s"
    r"(?:[\w\-]+\s){0,2}?(?:round|raise|fundraise|funding|financing|series\s[a-k]\+?|seed|investment)\b"
)


def _possessive_round(sk: Skeleton, found_money: list[tuple[int, int, Money, str]]) -> Draft | None:
    """A round named by its company's possessive and its amount (``_POSSESSIVE_ROUND``)."""
    m = _POSSESSIVE_ROUND.search(sk.skel)
    if m is None:
        return None
    amount = _deal_amount(sk.slots[int(m["m"])], found_money)
    if amount is None:
        return None
    draft = Draft("funding_round", sk.slots[int(m["t"])], "possessive", amount=amount, has_verb=False)
    return _placed(draft, sk, m.start(), (m.start(), m.end()))


def _nominal_fundings(sk: Skeleton, found_money: list[tuple[int, int, Money, str]]) -> list[Draft | None]:
    """Deals listed as noun phrases: "«m» funding in «o», «m» capital raising by «o» and ..."."""
    drafts: list[Draft | None] = []
    for m in chain(_NOMINAL_FUNDING.finditer(sk.skel), _ROUND_OF_AMOUNT_IN.finditer(sk.skel)):
        amount = _deal_amount(sk.slots[int(m["money"])], found_money)
        if amount is None:
            continue
        draft = Draft("funding_round", sk.slots[int(m["target"])], "object", amount=amount, has_verb=False)
        drafts.append(_placed(draft, sk, m.start(), (m.start(), m.end())))
    return drafts


def _context_draft(
    sk: Skeleton,
    index: int,
    found_money: list[tuple[int, int, Money, str]],
    recent: list[Draft],
    new: list[Draft],
    reach: int = 2,
) -> Draft | None:
    """The deal a sentence without its own frame speaks of: the one its possessive names
    ("X's Series C round included ..."), else the deal of the sentences just before.  "Its previous
    round, a Series B led by X" is a deal of its own, told as history."""
    past = _EARLIER_ROUND.search(sk.skel)
    if past:
        draft = Draft("funding_round", sk.slots[int(past.group(1))], "possessive", has_verb=False)
        deal_money = [mm for _, _, mm, role in found_money if role == "deal"]
        draft.amount = definite(deal_money[0]) if deal_money else None
        draft.round = pick_round(sk, past.start())
        draft.date = pick_date(sk, past.start())
        draft.earlier = True
        new.append(draft)
        return draft
    its = _ITS_ROUND.search(sk.skel)
    subject = leading_subject(sk) if its is not None else None
    if its is not None and subject is not None and subject.start < sk.start + its.start():
        # "«o», which makes drones, said investors in its «m» round include «o2»": the subject's round
        round_here = pick_round(sk, its.start())
        for draft in reversed(recent + new):
            if names_match(draft.target.name, subject.name) and round_here in (None, draft.round):
                return draft
        deal_money = [mm for _, _, mm, role in found_money if role == "deal"]
        if round_here or deal_money:
            draft = Draft("funding_round", subject, "possessive", has_verb=False)
            draft.amount = deal_money[0] if deal_money else None
            new.append(_placed(draft, sk, its.start()))
            return draft
    m = _POSSESSIVE_DEAL.search(sk.skel)
    if m:
        slot = sk.slots[int(m.group(1) or m.group(2))]
        round_here = pick_round(sk, m.start())
        for draft in reversed(recent + new):
            if names_match(draft.target.name, slot.name) and (
                round_here is None or draft.round in (None, round_here)
            ):
                return draft
        deal_money = [mm for _, _, mm, role in found_money if role == "deal"]
        if round_here or deal_money:
            draft = Draft("funding_round", slot, "possessive", has_verb=False)
            draft.amount = deal_money[0] if deal_money else None
            draft.round = round_here
            draft.date = pick_date(sk, m.start())
            new.append(draft)
            return draft
        # "led by China Mobile's investment arm": a possessive that names an investor, not a deal
    if any(role == "deal" for _, _, _, role in found_money):
        # the sentence states an amount of its own: a deal whose target we did not find, unless it
        # speaks of "the investment" whose amount the deal just told lacks ("X is raising at a $2bn
        # valuation. Y is leading the investment, which could total $150 million")
        latest = recent[-1] if recent else None
        if (
            latest is not None
            and latest.amount is None
            and not latest.earlier
            and index - latest.last_sentence <= 2
            and _DEFINITE_ROUND.search(sk.skel)
        ):
            return latest
        if latest is not None and not latest.earlier and index - latest.last_sentence <= 2:
            part = _PORTION.search(sk.skel)
            if part is not None and _smaller_part(found_money, part.start(), latest.amount):
                # "The equity portion, $9 million, came from X": a part of the $14.5 million just told
                return latest
        return None
    round_here = pick_round(sk, 0)
    candidates = [
        d
        for d in recent
        if index - d.last_sentence <= reach and (round_here is None or d.round in (None, round_here))
    ]
    # "also participated in the equity round" is not about the credit facility told just before
    if _EQUITY_WORDS.search(sk.skel):
        candidates = [d for d in candidates if d.round != "Debt"] or candidates
    elif _DEBT_WORDS.search(sk.skel):
        candidates = [d for d in candidates if d.round == "Debt"] or candidates
    return candidates[-1] if candidates else None


def _earlier_round_closed(sk: Skeleton) -> Draft | None:
    """ "... and its last round closed barely eight months ago": the company's previous round, told by
    when it closed, as a deal of its own (dated by the sentence)."""
    past = _EARLIER_ROUND.search(sk.skel)
    if past is None or not _CLOSED_AFTER.match(sk.skel, past.end()):
        return None
    draft = Draft("funding_round", sk.slots[int(past.group(1))], "possessive")
    draft.round = pick_round(sk, past.start())
    draft.date = pick_date(sk, past.start())
    draft.earlier = True
    return draft


_CLOSED_AFTER = re.compile(r"\s(?:(?:was|had|has)\s)?(?:only\s|just\s)?(?:closed|completed|ended|came)\b")


# "Its previous round", "the company's last funding": a round told as the company's history.
_EARLIER_ROUND = re.compile(
    r"«o(\d+)»(?:'s|’s|'|’)?\s(?:previous|prior|last|earlier)\s(?:[\w\-]+\s)?"
    r"(?:round|funding|financing|raise|fundraise|fundraising)\b"
)
_EQUITY_WORDS = re.compile(r"\bequity\s(?:round|financing|funding|raise|portion|tranche)\b")
_DEBT_WORDS = re.compile(r"\b(?:debt|credit|loan)\s(?:facility|financing|funding|tranche|portion|line)\b")


# "this series c funding round", "the series b round": a round the article has told, named
_ROUND_NAMED = re.compile(
    r"\b(?:the|this|that|its)\s(?:latest\s|new\s|recent\s)?(?:series\s[a-k]\+?|pre-[a-f]|seed|angel|pre-ipo)"
    r"\s(?:funding\s|financing\s|investment\s)?(?:round|funding|financing)\b"
)
# a part of a deal told just before: "the equity portion", "the remaining $5.5 million", "of which"
_PORTION = re.compile(
    r"\b(?:the|its)\s(?:(?:equity|debt|cash|first|second|other|remaining|rest)\s)?(?:portion|part|component|tranche"
    r"|remainder|balance|rest)\b|\bthe\sremaining\s«m|\bof\swhich\b"
)


def _smaller_part(found_money: list[tuple[int, int, Money, str]], near: int, whole: Money | None) -> bool:
    """Whether the sentence's first deal amount after ``near`` (a part's noun) is less than ``whole``,
    in the same currency."""
    if whole is None or whole.value is None:
        return False
    for ps, _, money, role in found_money:
        if role == "deal" and ps >= near and money.value is not None:
            return money.currency == whole.currency and money.value < whole.value
    return False


_DEFINITE_ROUND = re.compile(
    r"\b(?:the|this|that)\s(?:[\w\-]+\s){0,3}?(?:round|funding|financing|deal|investment|raise|injection|fundraising)\b"
)


def _context_reach(sk: Skeleton) -> int:
    """How many sentences back a sentence without its own deal may reach for the deal it adds to:
    "the round" points to the article's latest deal however far back it was told."""
    return 10_000 if _DEFINITE_ROUND.search(sk.skel) else 2


# --- the article -----------------------------------------------------------------------------------


def assemble(skeletons: list[Skeleton], article: Article) -> list[Draft]:
    """All drafts of an article, repeats merged, dates filled from neighbouring sentences."""
    drafts: list[Draft] = []
    for index, sk in enumerate(skeletons):
        drafts.extend(sentence_drafts(sk, index, article, drafts))
    merged = merge_drafts(drafts, article)
    lede = _lede_date(skeletons, article.published)
    digest = _publication_month(article.published) if len(merged) >= DIGEST_SIZE else None
    for draft in merged:
        if draft.date is None:
            # the date of the news is not that of a deal told as history ("it had raised $300m before
            # its listing")
            draft.date = _neighbour_date(draft, skeletons) or (
                None if _told_as_past(draft, first=True) else lede
            )
        if draft.date is None and digest is not None and not _told_as_past(draft):
            draft.date = digest
            draft.date_from_publication = True
    return merged


# An article that reports this many deals is a round-up of recent news: a deal it gives no date of its
# own happened in the period it covers, which is the month of publication.
DIGEST_SIZE = 3
_PAST = re.compile(
    r"\b(?:previously|earlier|prior|before|last\syear|ago|in\s(?:19|20)\d\d|had\s(?:raised|closed))\b"
)


def _publication_month(published: dt.date | None) -> DateValue | None:
    if published is None:
        return None
    return DateValue(value=published.replace(day=1), granularity="month", relative=True)


def _told_as_past(draft: Draft, first: bool = False) -> bool:
    """Whether the deal's sentences tell it as history ("had previously closed", "in 2019").  With
    ``first``, only the first sentence that tells it counts, and "said it had raised" (reported speech
    about the news) is not history; "before its listing, it had raised" is."""
    if not (first and draft.sentences):
        return any(_PAST.search(sk.skel) for sk in draft.sentences)
    opening = min(draft.sentences, key=lambda sk: sk.start).skel
    for m in _PAST.finditer(opening):
        if m.group().startswith("had ") and _SAID_BEFORE.search(opening, max(0, m.start() - 40), m.start()):
            continue
        return True
    return False


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|confirmed|disclosed|revealed)\s(?:on\s«d\d+»\s|«d\d+»\s)?(?:that\s)?(?:it|they|«o\d+»)\s$"
)


def _lede_date(skeletons: list[Skeleton], published: dt.date | None) -> DateValue | None:
    """The date the opening lines give the news ("Seven financings crossed our desk this week"),
    when it falls in the month before publication: the date of every deal the article reports
    without a date of its own."""
    if published is None:
        return None
    for sk in skeletons[:3]:
        for _, _, slot in sk.placeholders():
            date = slot.date
            if (
                slot.kind == "d"
                and date is not None
                and date.value is not None
                and 0 <= (published - date.value).days <= 31
            ):
                return date
    return None


def _neighbour_date(draft: Draft, skeletons: list[Skeleton]) -> DateValue | None:
    """A date from the sentence just before the deal's first sentence, when that sentence names the
    target too ("On Tuesday, X announced a new round. The $5m Series A was led by ...")."""
    first = min(draft.sentences, key=lambda s: s.start)
    position = next((i for i, sk in enumerate(skeletons) if sk.start == first.start), 0)
    if position == 0:
        return None
    previous = skeletons[position - 1]
    if not any(s.kind == "o" and names_match(s.name, draft.target.name) for s in previous.slots):
        return None
    return pick_date(previous, len(previous.skel))


def _history(draft: Draft, now: dt.date | None) -> bool:
    """A round told as the company's past: "its previous round", or dated half a year or more before
    ``now``, the article's date ("after it bagged a Series B in January 2022", in a 2023 story)."""
    if draft.earlier:
        return True
    when = draft.date.value if draft.date is not None else None
    return now is not None and when is not None and (now - when).days > 180


def _article_now(drafts: list[Draft], article: Article) -> dt.date | None:
    """The article's date: its publication date, else the newest date its deals are given (a story
    that dates its news "on March 3, 2024" and an older round "in January 2022" is of 2024)."""
    if article.published is not None:
        return article.published
    dated = [
        d.date.value
        for d in drafts
        if d.date is not None and d.date.value is not None and not d.date.relative
    ]
    return max(dated, default=None)


def _dates_compatible(a: DateValue | None, b: DateValue | None) -> bool:
    """Two tellings of one deal are dated within a quarter of each other (or one is undated): "its
    Series B in January 2022" is not the round the article announces in July 2023."""
    if a is None or b is None or a.value is None or b.value is None:
        return True
    return abs((a.value - b.value).days) <= 92


def merge_drafts(drafts: list[Draft], article: Article) -> list[Draft]:
    """Fold drafts of the same deal (same target, compatible kind, round and amount) into one."""
    merged: list[Draft] = []
    now = _article_now(drafts, article)
    for d in drafts:
        same = next(
            (
                m
                for m in merged
                if (names_match(m.target.name, d.target.name) or shortened(m.target.name, d.target.name))
                and (m.kind == "acquisition") == (d.kind == "acquisition")
                and (m.round is None or d.round is None or m.round == d.round)
                and (_history(m, now) == _history(d, now) or (m.round is not None and m.round == d.round))
                and _dates_compatible(m.date, d.date)
                and any(
                    amounts_compatible(a, b, article)
                    for a in (m.amount, *m.parts)
                    for b in (d.amount, *d.parts)
                )
            ),
            None,
        )
        if same is None:
            merged.append(d)
            continue
        same.add_investors(d.investors)
        for sk in d.sentences:
            same.add_sentence(sk, d.last_sentence)
        if d.parts and not same.parts:  # the whole round told later replaces a part told before
            same.amount, same.parts = d.amount, [*d.parts, *([same.amount] if same.amount else [])]
        elif not same.parts:
            same.amount = primary_amount(same.amount, d.amount, article)
        same.round = same.round or d.round
        same.date = same.date or d.date
        same.valuation = same.valuation or d.valuation
        same.has_verb = same.has_verb or d.has_verb
        if same.kind == "investment" and d.kind == "funding_round":
            same.kind = "funding_round"
        if len(d.target.name) > len(same.target.name):
            same.target = d.target  # the fullest form ("Nuvia Semiconductor" over "Nuvia Semi")
    return merged


# Every pattern a sentence is tried against first; one scan for their required literals tells which
# of them can match at all (``literals.LiteralGate``), so most sentences run only a few of them.
_GATE = LiteralGate(
    [
        _DEAL_HINT,
        F.ACQUIRE_RE,
        F.OWNED_ACQUIRE_RE,
        F.INVEST_RE,
        F.STAKE_VERB_RE,
        _GIVE,
        F.RAISE_PASSIVE_RE,
        F.RAISE_RANKING_RE,
        F.RAISE_BACKED_RE,
        F.PAY_FOR_RE,
        F.TAKE_PRIVATE_RE,
        F.SELL_RE,
        F.SALE_NOUN_RE,
        F.RAISE_RE,
        *(cue.pattern for cue in F.CUES),
    ]
)


def sentence_gate(sk: Skeleton) -> Candidates:
    """The sentence's skeleton with the trigger, cue and hint patterns that may match it."""
    return _GATE.scan(sk.skel)
