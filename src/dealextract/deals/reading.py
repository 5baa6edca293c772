"""Reading a sentence skeleton: who is the subject of a verb, the list a cue opens, what a verb acts on,
and the round and date named nearest to a frame.

These readers know nothing of deals: ``assemble.py`` asks them where the parties of a frame stand.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from dealextract.deals import frames as F
from dealextract.deals.skeleton import Skeleton, Slot
from dealextract.records import DateValue

_SUBJECT_SKIP_BEFORE = re.compile(
    r"\b(?:by|from|with|of|in|at|for|including|include|includes|like|as|to|under|among|via|than|against"
    r"|alongside|behind|about|over|into|between|versus|vs\.?)\s+(?:the\s|its\s|a\s)?(?:[\w\-’']+\s){0,3}$"
)


# "«o»-backed", "«o»-listed": the organisation modifies the noun after it and is not the subject.
_MODIFIER_SUFFIXES = (
    "-backed", "-based", "-owned", "-led", "-controlled", "-funded", "-listed", "-headquartered",
    "-registered", "-incorporated", "-affiliated", "-linked", "-supported", "-run", "-founded",
)  # fmt: skip


# "a former Aramco engineer, ... raised": the organisation qualifies a person, it is not the subject.
_ROLE_NOUN_AFTER = re.compile(
    r"\s(?:engineer|engineers|executive|executives|employee|employees|veteran|veterans|alum|alumnus|alumni"
    r"|founder|co-founder|cofounder|ceo|cto|cfo|chief|manager|researcher|researchers|scientist|scientists"
    r"|analyst|analysts|spokesperson|spokesman|spokeswoman|official|officials|director|president|chairman"
    r"|partner|staffer|staff|insider|board|unit|division|subsidiary|affiliate|arm|spin-off|spinoff|portfolio"
    r"|shares|stock|shareholders)\b"
)


_QUANTITY = re.compile(r"\b\d[\d,.]*(?![\d,.]|\s?(?:%|per\s?cent|percent))")


_ALLOWED_BEFORE_VERB = frozenset(
    """also jointly has have had recently previously both all together then which who that itself
    reportedly now again subsequently separately earlier later each collectively
    would will could may might is are was were set expected agreed plans plan to""".split()
)


_OBJECT_GAP_STOP = frozenset(
    "by with from said says which while valued after before when as who whose led but and also".split()
)


def words_of(text: str) -> list[str]:
    return F.WORD.findall(text)


_UNIT_OF_PREVIOUS = re.compile(
    r"(?:'s|’s)\s(?:[\w\-]+\s){0,2}?(?:arm|unit|division|subsidiary|affiliate|vehicle|fund|funds)\b"
)


# An unnamed backer before the first named one: "including the French government's defence innovation
# fund and «o»", "from a Gulf sovereign fund, «o»".
_UNNAMED_BACKER_FIRST = re.compile(
    r"\s*(?:a|an|the)\s(?:[\w\-]+(?:'s|’s)?\s){0,6}?(?:fund|funds|arm|bank|agency|ministry|government|office)"
    r"(?:,\s|\sand\s|,\sand\s)"
)


def _gap_ok(gap: str, first: bool) -> bool:
    """May ``gap`` separate a list cue (or the previous item) from the next investor?

    "«o»'s investment arm and the «o»": the previous investor's unit stands for that investor.
    """
    if not first:
        gap = _UNIT_OF_PREVIOUS.sub(" ", gap, count=1)
    gap = _MODEL_SLOT.sub(" model ", gap)  # "«x3»-maker «o4»": a model name describes the next investor
    gap = _TRADE_DESCRIPTOR.sub(" ", gap)  # "and investment manager «o»": a descriptor, not a new clause
    if ";" in gap or ":" in gap or "«" in gap:
        return False
    words = words_of(gap)
    if first:
        if _UNNAMED_BACKER_FIRST.fullmatch(gap):
            return True  # "including the French government's defence innovation fund and «o»"
        # descriptors may stand between a cue and the first name ("from tech and investment giants X")
        return len(words) <= 6 and not any(w in _FIRST_GAP_STOP for w in words)
    coordinated = "," in gap or "&" in gap or any(w in ("and", "plus") for w in words) or "as well as" in gap
    rest = [w for w in words if w not in ("and", "plus", "as", "well", "along", "together")]
    return coordinated and len(rest) <= 8 and not any(w in F.LIST_STOP for w in rest)


_ADVERBIAL = re.compile(
    r"\b(?:months|weeks|years|days|quarters?|recent|past|meantime|addition|parallel|turn|response|total|short|fact)\b"
)


def governed(sk: Skeleton, ps: int) -> bool:
    """Whether the mention at ``ps`` is the object of a preposition ("backed by Chinese giant «o»")
    rather than a subject after an adverbial ("in recent months «o» co-led")."""
    m = _SUBJECT_SKIP_BEFORE.search(sk.skel, max(0, ps - 40), ps)
    if m is None or _ADVERBIAL.search(m.group()):
        return False
    return not m.group().rstrip().endswith("as well as")  # "X as well as «o» took part": coordination


# A list of backers names organisations and people ("from «o1», «p2» and «o3»"; see ``persons.py``).
_LIST_KINDS = frozenset("op")


def list_after(sk: Skeleton, pos: int, stop: int) -> list[Slot]:
    """The organisations of a list that starts at ``pos`` ("led by «o1», «o2» and «o3»")."""
    items: list[Slot] = []
    cursor = pos
    for ps, pe, slot in sk.placeholders(pos, stop):
        if ps < cursor:
            continue  # inside the aside of the item before
        if slot.kind == "o" and items and _OWNER_GAP.fullmatch(sk.skel, cursor, ps):
            items[-1] = slot  # "«o1» parent «o2»": «o1» only describes the investor, «o2»
            cursor = pe
            continue
        if (
            slot.kind == "p"
            and items
            and items[-1].kind == "o"
            and _EMPLOYER_GAP.fullmatch(sk.skel, cursor, ps)
        ):
            items[-1] = slot  # "former «o» executive «p»": «o» only says where the person worked
            cursor = pe
            continue
        gap = sk.skel[cursor:ps]
        if slot.kind == "o" and items and _FORMER_GAP.fullmatch(gap):
            person = _EMPLOYED_PERSON.match(sk.skel, pe)
            if person is not None:
                # "and former «o» chief financial officer «p»": the person, named by a past employer
                items.append(sk.slots[int(person.group(1))])
                cursor = person.end()
                continue
        if slot.kind not in _LIST_KINDS or not _gap_ok(gap, first=not items):
            break
        if items and _own_verb(sk.skel, pe):
            # "drew X and Y, Kinfolk said on Tuesday", "led by X and Y, and existing shareholder Z
            # continued to invest": a name with a verb of its own opens a new clause; but in "investors
            # including X and Y also put in money" the verb is the whole list's
            if "," not in gap and _invests_after(sk.skel, pe):
                items.append(slot)
            break
        possessor = None if items else _POSSESSOR_OF_LIST.match(sk.skel, pe)
        if possessor:
            cursor = possessor.end()  # "include «o»'s existing backers «o1», «o2»": «o» owns the list
            continue
        items.append(slot)
        cursor = pe
        aside = _ITEM_APPOSITION.match(sk.skel, pe)
        if aside:
            cursor = aside.end()  # "from Jane Smith, a former partner at «o», and «o2»": «o» only describes
    return items


# ", a former partner at «o»" before a comma: an aside that describes the list item before it.
_ITEM_APPOSITION = re.compile(
    r",\s(?:a|an|the)\s(?:[a-z][\w\-]*\s){0,6}?(?:[a-z][\w\-]*|(?:at|of|in|from)\s(?:the\s)?«o\d+»)(?=,)"
)


# "«o1» parent «o2»", "«o1» affiliate «o2»", "«o1»'s «o2»": a company named by its tie to the one
# before it ("from Huawei's Hubble Investment": Hubble invests).
_OWNER_GAP = re.compile(
    r"(?:'s\s|’s\s|\s)(?:[\w\-]+\s)?(?:parent|owner|affiliate|unit|arm|subsidiary|sister\scompany)\s|'s\s|’s\s"
)


# "«o» executive «p»", "«o» co-founder «p»": a person named by the company they work or worked for.
_EMPLOYER_GAP = re.compile(
    r"(?:'s\s|’s\s|\s)(?:executive|veteran|alum|alumnus|partner|founder|co-founder|cofounder|ceo|cto|chairman"
    r"|president|engineer|researcher|chief\sexecutive|star|player|athlete|cfo|coo|director|managing\sdirector"
    r"|chief\s(?:[a-z]+\s){0,2}?officer|vice\spresident|chief\s[a-z]+)\s"
)


_FORMER_GAP = re.compile(r"(?:,\s|\s)(?:and\s)?(?:former|ex-|ex)\s?")
_EMPLOYED_PERSON = re.compile(_EMPLOYER_GAP.pattern + r"«p(\d+)»")


# "«o»'s existing backers", "«o»’ early investors": the organisation whose backers the list names.
_POSSESSOR_OF_LIST = re.compile(
    r"(?:'s|’s|'|’)\s(?:[\w\-]+\s){0,2}?(?:backers|investors|shareholders|funders|stakeholders)\b"
)


_VERB_AFTER_NAME = re.compile(r"\s(?:also\s|too\s|again\s)?")


def _invests_after(skel: str, pe: int) -> bool:
    """Whether an investing verb follows the name ending at ``pe`` ("«o» also put in money")."""
    at = _VERB_AFTER_NAME.match(skel, pe)
    return at is not None and F.INVEST_RE.match(skel, at.end()) is not None


def _own_verb(skel: str, pe: int) -> bool:
    """Whether a verb of its own follows the name ending at ``pe`` ("«o» also participated", "«o»
    served as the financial adviser")."""
    at = _VERB_AFTER_NAME.match(skel, pe)
    return at is not None and (
        F.INVEST_RE.match(skel, at.end()) is not None or _CLAUSE_VERB.match(skel, at.end()) is not None
    )


# Verbs that give a name in a list a clause of its own: "drew X and Y, Kinfolk said on Tuesday", "and
# «o» served as the exclusive adviser".
_CLAUSE_VERB = re.compile(
    r"(?:served|serves|acted|acts|advised|advises|was|is|were|are|will|would|has|have|had|plans|said|says"
    r"|told|announced|confirmed|added|noted|wrote|reported)\b"
)


def list_before(sk: Skeleton, pos: int) -> list[Slot]:
    """The organisations of a list that ends just before ``pos`` ("«o1» and «o2» co-led")."""
    before = sk.placeholders(0, pos)
    items: list[Slot] = []
    cursor = pos
    for ps, pe, slot in reversed(before):
        gap = sk.skel[pe:cursor]
        if slot.kind not in _LIST_KINDS:
            break
        if not items:
            # "«o» from Vietnam, also participated": a short trailing aside before the comma is allowed
            head, comma, tail = gap.rpartition(",")
            aside_ok = (
                bool(comma)
                and len(words_of(head)) <= 4
                and not any(w in F.LIST_STOP - {"from"} for w in words_of(head))
            )
            words = [w for w in words_of(tail if aside_ok else gap) if w not in _ALLOWED_BEFORE_VERB]
            if words or ";" in gap or ":" in gap:
                break
            if governed(sk, ps):
                break  # "X, the cloud arm of «o», led": «o» sits inside an apposition
        elif not _gap_ok(gap, first=False):
            break
        items.append(slot)
        cursor = ps
    items.reverse()
    return items


def subject_before(sk: Skeleton, pos: int, people: bool = False) -> Slot | None:
    """The organisation that is the subject of a verb at ``pos``: the nearest one before it that is not
    governed by a preposition ("backed by «o»") nor a modifier ("«o»-backed").

    A name inside an apposition between commas is not the subject: in "«o1», the first company formed by
    «o2», closed ..." it is «o1» that closed; a relative clause's subject is the name it follows ("the
    backers of «o», which raised").
    """
    relative = _RELATIVE_BEFORE.search(sk.skel, max(0, pos - 60), pos)
    if relative:
        return sk.slots[int(relative.group(1))]  # "the backers of «o», which raised": «o» raised
    if _UNNAMED_RELATIVE.search(sk.skel, max(0, pos - 60), pos):
        return None  # "«o» spins off its lawn-mower unit, which raises «m»": the unit, unnamed, raised
    aside = _APPOSITION_BEFORE.search(sk.skel, max(0, pos - 250), pos)  # bounded: an aside is short
    if aside:
        head = _aside_head(sk, aside)
        if head.kind == "p":
            # "Jane Smith, a former partner at «o», invested": a person, for an investing verb only
            return head if people else None
        pos = aside.start() + len(aside.group(1))
    for ps, pe, slot in reversed(sk.placeholders(0, pos)):
        if slot.kind != "o":
            continue
        if governed(sk, ps):
            if _CONSORTIUM_LED_BY.search(sk.skel, max(0, ps - 50), ps) or _BOARD_OF.search(
                sk.skel, max(0, ps - 30), ps
            ):
                return slot  # "a consortium led by «o» agreed to buy", "the board of «o» ... to raise"
            continue
        after = sk.skel[pe : pe + 10]
        if after.startswith(_MODIFIER_SUFFIXES) or _ROLE_NOUN_AFTER.match(sk.skel, pe):
            continue
        if _COORDINATED_VERB.match(sk.skel, pe, pos) and _OBJECT_OF_VERB.search(sk.skel, max(0, ps - 80), ps):
            continue  # "«o1» bought «o2» for «m», and later snapped up": «o1» snapped up, not «o2»
        return slot
    return None


# "The board of «o» has passed a special resolution to allot ... shares to raise «m»": the company acts.
_BOARD_OF = re.compile(r"\b(?:the\s)?(?:board|board\sof\sdirectors|directors|shareholders)\sof\s$")

# "a consortium led by «o»", "a group of investors led by «o»": the buyers, named by their leader.
_CONSORTIUM_LED_BY = re.compile(
    r"\b(?:consortium|syndicate|group\sof\s(?:[\w\-]+\s)?investors|investor\sgroup|club)\s(?:[\w\-]+\s){0,2}?"
    r"(?:led|headed|formed)\sby\s(?:the\s)?$"
)


# "..., and later", "and then": a second verb that shares the subject of the clause before it.
_COORDINATED_VERB = re.compile(
    r"(?:[^«;]|«[mdx]\d+»)*?\b(?:and|then)\s(?:(?:later|then|also|subsequently|has|have|had|recently|earlier|again)\s)*$"
)
# "bought «o»", "invested in Chinese startup «o»": the name is the object of the verb before it.
_OBJECT_OF_VERB = re.compile(
    r"\b(?:acquired|acquires|bought|buys|purchased|purchases|snapped\sup|took\sover|takes\sover|backed|backs"
    r"|invested\sin|invests\sin|merged\swith|acquiring|buying)\s(?:[\w\-]+\s){0,4}$"
)


# "«o», which raised", "«o» that has secured": a relative clause's subject is the name it follows.
_UNNAMED_RELATIVE = re.compile(
    r"(?<!»)(?<!»,),\s(?:which|who)\s(?:(?:also|has|have|had|recently|reportedly|now|just|earlier|previously"
    r"|successfully)\s)*$"
)
_RELATIVE_BEFORE = re.compile(
    r"«o(\d+)»,?\s(?:which|that|who)\s(?:(?:also|has|have|had|recently|reportedly|now|just|earlier|previously"
    r"|successfully)\s)*$"
)


# "«o1», a startup spun out of «o2», has raised": the aside after «o1» ends in a comma right before
# the verb (a few adverbs or auxiliaries apart) and holds no other clause boundary.
_APPOSITION_BEFORE = re.compile(
    r"(«[op]\d+»),\s(?:a|an|the|its|one\sof|who|which|«o\d+»(?=\s(?!and\b|or\b)[a-z])"
    r"|(?:backed|funded|founded|owned|controlled|supported|run|led|based|headquartered|spun)(?=\s))"
    r"\s[^,;:()«»]*(?:«[^»]+»[^,;:()«»]*)*,\s"
    r"(?:(?:also|has|have|had|recently|reportedly|now|just|then|successfully|last|first|previously|earlier)\s)*$"
)


def _aside_head(sk: Skeleton, aside: re.Match[str]) -> Slot:
    """The name an ``_APPOSITION_BEFORE`` match describes (its first placeholder, "«o3»")."""
    return sk.slots[int(aside.group(1)[2:-1])]


def subjects(sk: Skeleton, pos: int) -> list[Slot]:
    """Who does what the verb at ``pos`` says: the list right before it ("«o1» and «o2» co-led"), else
    its subject ("«o», a Beijing fund, led")."""
    if _CONNECTIVE_BEFORE.search(sk.skel, max(0, pos - 12), pos) and _PARTICIPLE.match(sk.skel, pos):
        # "«o» bought «o2» for ..., after snapping up «o3»": the participle's subject is the sentence's
        lead = leading_subject(sk)
        return [lead] if lead is not None and sk.end_of(lead) <= pos else []
    listed = list_before(sk, pos)
    aside = _APPOSITION_BEFORE.search(sk.skel, max(0, pos - 250), pos) if listed else None
    if listed and (aside is None or _aside_head(sk, aside) in listed):
        return listed  # "«o1» and «o2», the two biggest backers, led"; not "«p», who ran «o»'s fund, led"
    absolute = _WITH_NAME_BEFORE.search(sk.skel, max(0, pos - 40), pos)
    if absolute:
        return [sk.slots[int(absolute.group(1))]]  # "with «o» paying 1.5 billion euros for ..."
    subject = subject_before(sk, pos, people=True)
    if subject is None:
        return []
    # "«o1» and «o2» along with a strategic outlay by «o3» have funded": the subject is coordinated
    together = list_before(sk, sk.end_of(subject))
    return together if len(together) > 1 and together[-1] is subject else [subject]


_CONNECTIVE_BEFORE = re.compile(r"\b(?:after|before|while|since|following|besides|by)\s$")
_PARTICIPLE = re.compile(r"[a-z]+ing\b")
# the subject that opens a sentence, after a time phrase or dateline at most ("on «d» «o» said")
_LEADING_SUBJECT = re.compile(r"(?:[^«]{0,60}?«d\d+»,?\s(?:[-–—]\s)?)?«o(\d+)»(?!'s|’s)[\s,]")


def leading_subject(sk: Skeleton) -> Slot | None:
    """The organisation that opens the sentence as its subject (after a time phrase or dateline at most)."""
    lead = _LEADING_SUBJECT.match(sk.skel)
    return sk.slots[int(lead.group(1))] if lead is not None else None


# "with «o» paying", "with «o» investing": an absolute clause whose subject is the name after "with".
_WITH_NAME_BEFORE = re.compile(r"\bwith\s«o(\d+)»\s$")


def object_after(
    sk: Skeleton, pos: int, stop: int, max_words: int = 10, owner_of_part: bool = False
) -> tuple[Slot, int] | None:
    """The organisation a verb at ``pos`` acts on ("invested $5m in «o»", "backed «o»").

    With ``owner_of_part``, an unnamed part of a company stands for the company: money put into "«o»'s
    autonomous-driving unit" goes into «o»'s group (a takeover of the unit is not one of «o»).
    """
    for ps, pe, slot in sk.placeholders(pos, stop):
        if slot.kind != "o":
            continue
        if sk.skel.startswith(("'s ", "’s "), pe) and not (
            owner_of_part and _UNNAMED_PART.match(sk.skel, pe)
        ):
            named = _NAMED_PART.match(sk.skel, pe)
            if named is not None and len(words_of(sk.skel[pos:ps])) <= max_words:
                # "a majority stake in «o1»'s battery subsidiary, «o2», for": the part has its own name
                part = sk.slots[int(named.group(1))]
                return part, named.end()
            continue  # "acquired «o1»'s «o2» unit", "merged with «o»'s blank-check company": a possessor
        if _DESCRIBES_NEXT.match(sk.skel, pe):
            continue  # "buy Pringles maker «o2»": the first name only describes the second
        gap = _BOUND_BEFORE_AMOUNT.sub(" ", sk.skel[pos:ps])  # "invest as much as «m» in «o»"
        gap = re.sub(r"«[mdxp]\d+»", " ", gap)
        words = words_of(gap)
        if _QUANTITY.search(gap):
            return None  # "bought 10,000 «o» chips": a quantity of something, not a company
        if len(words) > max_words or any(w in _OBJECT_GAP_STOP for w in words) or ";" in gap:
            return None
        # the object follows the verb directly ("backed «o»", "acquired rival «o»") or a preposition
        # with at most a few modifiers ("a $5m round in Chinese startup «o»"); a comma ends the clause
        if "," in gap and not _PREPOSITION_END.search(gap):
            return None
        if not _PREPOSITION_END.search(gap) and (len(words) > 5 or any(w in _PREPOSITIONS for w in words)):
            return None
        return slot, pe
    return None


# "«o1» maker «o2»", "«o1» owner «o2»": a company described by what it makes or owns.
_DESCRIBES_NEXT = re.compile(
    r"\s(?:[\w\-]+\s)?(?:maker|makers|developer|owner|operator|parent|creator|publisher|producer|brand\sowner)"
    r"\s«o\d+»"
)


# "«o»'s autonomous-driving unit": a part of the company that the text does not name.
_UNNAMED_PART = re.compile(
    r"(?:'s|’s)\s(?:[a-z][\w\-]*\s){0,3}(?:unit|arm|division|subsidiary|business|operations|affiliate)\b"
)


# "«o1»'s battery subsidiary, «o2»": a part of a company, named in apposition
_NAMED_PART = re.compile(
    r"(?:'s|’s)\s(?:[a-z][\w\-]*\s){0,3}(?:unit|arm|division|subsidiary|business|affiliate),?\s«o(\d+)»"
)


_BOUND_BEFORE_AMOUNT = re.compile(
    r"\b(?:as\s(?:much|many|little)\sas|up\sto|about|around|roughly|nearly|almost|over|more\sthan|at\sleast"
    r"|some|another|a\sfurther|an\sadditional|an\sextra)\s(?=«m)"
)


_PREPOSITIONS = frozenset("in into on at for to with from by of as over under about".split())


_PREPOSITION_END = re.compile(r"\b(?:in|into|to|for|of|behind|at|on)\s(?:[\w\-’'.]+\s){0,5}$")


class Clauses:
    """Disjoint ``(start, end)`` spans of a skeleton, each a clause of a frame that states its own deal;
    membership by bisection, since a long sentence has many."""

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]


_NO_CLAUSES = Clauses()


def in_other_clause(pos: int, window: tuple[int, int] | None, others: Clauses) -> bool:
    """Whether ``pos`` lies in the clause of another frame (not in ``window``, the frame's own)."""
    return pos in others and not (window is not None and window[0] <= pos < window[1])


def pick_round(
    sk: Skeleton, anchor: int, window: tuple[int, int] | None = None, others: Clauses = _NO_CLAUSES
) -> str | None:
    """The round named nearest to ``anchor`` (preferring one inside ``window``), never one inside the
    ``others``: the clauses of other frames of the sentence that state deals of their own."""
    rounds = (
        [r for r in sk.rounds if not in_other_clause(r[0], window, others)]
        if others.spans
        else list(sk.rounds)
    )
    # "its first funding since a $10 million seed round in 2022": that round is the past, not this one
    rounds = [r for r in rounds if not _SINCE_ROUND.search(sk.skel, max(0, r[0] - 40), r[0])]
    if any(r[2] == "Debt" for r in rounds) and _EQUITY_AND_DEBT.search(sk.skel):
        # "a $110 million round, split between equity and a revolving credit facility": no debt round
        rounds = [r for r in rounds if r[2] != "Debt"]
    if not rounds:
        return None
    if window:
        inside = [r for r in rounds if window[0] <= r[0] < window[1]]
        if inside:
            rounds = inside
    return min(rounds, key=lambda r: abs(r[0] - anchor))[2]


_EQUITY_AND_DEBT = re.compile(
    r"\bequity\s(?:and|&|plus)\s(?:[\w\-]+\s){0,3}?(?:debt|credit|loans?)\b"
    r"|\b(?:debt|credit|loans?)\s(?:and|&|plus)\s(?:[\w\-]+\s){0,2}?equity\b"
)
_SINCE_ROUND = re.compile(
    r"\b(?:since\s(?:its|a|an|the)\s(?:(?:previous|prior|last|earlier)\s)?"
    r"|(?:following|after)\s(?:(?:its|the|a)\s)?(?:previous|prior|last|earlier)\s|(?:following|after)\sits\s)"
    r"(?:«m\d+»\s)?$"
)


def pick_date(
    sk: Skeleton, anchor: int, window: tuple[int, int] | None = None, others: Clauses = _NO_CLAUSES
) -> DateValue | None:
    """The date nearest to ``anchor`` that dates this event (not "founded in 2017", not "by 2030"),
    preferring one inside the frame's ``window`` ("X acquired Y in 2016" in a sentence with other dates)
    and never one in the clause of another frame (``others``, as for ``pick_round``)."""
    best: tuple[int, DateValue] | None = None
    asides: list[tuple[int, int]] | None = None
    for ps, _, slot in sk.placeholders():
        if slot.kind != "d" or slot.date is None or slot.date.value is None:
            continue
        if others.spans and in_other_clause(ps, window, others):
            continue
        if _DATE_SKIP_BEFORE.search(sk.skel, max(0, ps - 30), ps):
            continue
        if asides is None:
            asides = [m.span() for m in _NAME_ASIDE.finditer(sk.skel)]
        if any(a <= ps < b and not a <= anchor < b for a, b in asides):
            continue  # "X, a data-center operator spun out of Y last year, ...": the aside's own date
        outside = window is not None and not (window[0] <= ps < window[1])
        distance = abs(ps - anchor) + (10_000 if outside else 0)
        if best is None or distance < best[0]:
            best = (distance, slot.date)
    return best[1] if best else None


# An aside on a name ("«o», a data-center operator spun out of «o» «d»,", "«o», which led a round «d»,"):
# a date inside it dates what the aside tells, not the frame outside it.
# ("«o», which closed in «d»" tells of the deal itself, and keeps its date.)
_NAME_ASIDE = re.compile(
    # after a name, or after the deal itself ("the deal, which was first reported by «o» «d», closed")
    r"(?:(?<=»)|(?<=\bdeal)|(?<=\btransaction)|(?<=\bacquisition)|(?<=\btakeover))"
    r",\s(?:a|an|which|who|whose|that)\s"
    r"(?!(?:was\s|is\s|has\sbeen\s)?(?:closed|completed|finali[sz]ed|announced|signed|expected|agreed|approved)\b)"
    r"[^,;.]{1,200}?(?=[,;.]|$)"
)


_DATE_SKIP_BEFORE = re.compile(
    r"(?:founded|established|set\sup|launched|started|incorporated|since|born|by|until|through|released"
    r"|listed|went\spublic|ipo)\s(?:in\s|on\s|back\sin\s)?$"
)


_MODEL_SLOT = re.compile(r"«x\d+»")


# "investment manager", "investment management firm": what an investor does, not a list-ending word.
_TRADE_DESCRIPTOR = re.compile(
    r"\b(?:investment|financing|funding)\s(?:management\s)?(?:managers?|firms?|company|companies|arm|funds?"
    r"|banks?|group|house|vehicle|platform|giant|boutique|holding|unit)\b"
)


# Words that cannot stand between a list cue and the first investor it opens.
_FIRST_GAP_STOP = frozenset(
    "with which who whose that said says while to at for in on after before valued valuing bringing according when".split()
)
