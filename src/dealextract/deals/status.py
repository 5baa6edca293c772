"""A deal's status from the wording of its sentences: completed, announced, reported or planned.

Order matters, and follows the annotation rule of ``fixtures/README.md``: what only anonymous sources
say is ``reported``, even when they say talks are under way ("is in talks to raise, according to people
familiar"); what the company says on the record about a future deal is ``planned``; an agreement not
yet closed ("agreed to acquire") is ``announced``.
"""

from __future__ import annotations

import re

from dealextract.literals import LiteralGate
from dealextract.records import DealStatus

PLANNED = re.compile(
    r"""(?ix)\b(?:
        in\s(?:advanced\s|early\s|preliminary\s)?(?:talks|discussions|negotiations)
      | (?:plans?|planning|plotting|aims?|aiming|looking|seeking|hoping|set|preparing|expected|expects?|considering
          |mulling|poised)
        \sto\s(?:raise|acquire|buy|invest|close|secure|take\sover|sell|reveal|announce|unveil|lead|join|open|launch)
      | (?<!amount\sit\s)(?<!amount\sthey\s)(?<!what\sit\s)(?:is|are|was)\s(?:seeking|raising|looking\sto)
      | seeks?\sto\sraise
      | will\s(?:also\s|instead\s|now\s|soon\s)?(?:raise|seek)\b
      | (?:would|could|may|might)\s(?:raise|value|invest|acquire|buy)
      | in\sthe\sprocess\sof\sraising
      | (?:considering|weighing|mulling|exploring|eyeing|contemplating)\s(?:a\s|an\s)?\w+ing\b
      | (?:near|nearing|close\sto)\s(?:completing|closing|finali[sz]ing|sealing|a\sdeal)
    )"""
)

REPORTED = re.compile(
    r"""(?ix)\b(?:
        reportedly
      | (?:is|are|was|were)\s(?:said|reported|understood|believed)\sto
      | according\sto\s(?:people|sources|a\sperson|persons|two\speople|three\speople|a\sreport|reports|media\sreports)
      | people\s(?:familiar|with\sknowledge|close\sto)
      | (?:sources?|insiders?)\s(?:said|say|says|told|familiar)
      | (?:anonymous|unnamed)\ssources?
      | rumou?r(?:s|ed)?
      | citing\s(?:people|sources|unnamed)
    )"""
)

ANNOUNCED = re.compile(
    r"""(?ix)\b(?:
        (?:has\s|have\s)?agreed\sto\s(?:acquire|buy|purchase|invest|take\sover|merge|pay
          |be\s(?:acquired|bought|sold|taken\sover|taken\sprivate|purchased))
      | (?:will|would|is\sto)\sbe\s(?:acquired|bought|sold|taken\sover|purchased)\b
      | (?:is|are)\sbeing\s(?:acquired|bought|sold|taken\sover|purchased)\b
      | (?:signed|entered\sinto)\s(?:a\s)?(?:definitive|binding|merger)?\s?agreement
      | (?:will|to)\s(?:acquire|buy|purchase|take\sover|merge|absorb|snap\sup|take\s(?:\S+\s){1,4}private)
      | (?:is|are)\s(?:buying|acquiring|purchasing|taking\sover|taking\s(?:\S+\s){1,4}private)
      | (?:is|are)\sset\sto\s(?:acquire|buy|receive)
      | subject\sto\s(?:regulatory|shareholder|customary)
      | expected\sto\sclose
      | pending\s(?:regulatory\s)?approval
    )"""
)


COMPLETED = re.compile(
    r"(?i)\b(?:completed|closed|finali[sz]ed)\s(?:its|the|a|their)?\s?(?:\$?[\w.]+\s){0,3}?"
    r"(?:acquisition|purchase|takeover|deal|merger)"
)


def status_of(text: str, kind: str) -> DealStatus:
    """The status the wording of ``text`` (the deal's evidence) gives the deal."""
    says = _GATE.scan(text).search  # only the patterns whose words the evidence holds are run
    if says(REPORTED):
        return "reported"
    if kind == "acquisition" and not says(TALKS):
        # "said it would acquire", "is expected to close": the buyer has announced it
        if says(ANNOUNCED) or says(PLANNED):
            return "completed" if says(COMPLETED) else "announced"
        return "completed"
    if says(PLANNED):
        return "planned"
    if says(COMMITTED) or says(ANNOUNCED):
        return "announced"  # "will invest", "has agreed to acquire a 30% stake", "expected to close"
    return "completed"


TALKS = re.compile(
    r"(?i)\b(?:in\s(?:advanced\s|early\s|preliminary\s)?(?:talks|discussions|negotiations)|considering|exploring|mulling|weighing)\b"
)


# "Amazon will invest up to $4 billion in X", "has agreed to lead": an investment promised on the
# record, not yet made.
COMMITTED = re.compile(
    r"(?i)\b(?:(?:will|(?:has\s|have\s)?agreed\sto|(?:has\s|have\s)?committed\sto|(?:has\s|have\s)?pledged\sto)\s"
    r"(?:also\s)?(?:invest|inject|pour|put|provide|lead|back|fund)"
    # "Nvidia is investing $5 billion in Intel": announced, not yet done
    r"|(?:is|are)\s(?:investing|injecting|pouring|putting))\b"
)


_GATE = LiteralGate([REPORTED, TALKS, ANNOUNCED, PLANNED, COMPLETED, COMMITTED])
