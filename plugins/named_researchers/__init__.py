"""named-researchers: experts cited by name, with what the citation gives and lacks.

"Syria researcher Charles Lister wrote in Foreign Policy on 24 January that ..."
gives a descriptor, a venue and a date; the finding lists them and names what is
missing (affiliation, venue, date), so an editor can complete the citation.
"""

from pathlib import Path

import regex

import auditor
from auditor import Finding, Rule
from auditor.lexicon import read_lexicon

RULE = "named-researcher"
_LEX = read_lexicon(Path(__file__).with_name("lexicon.txt"))
_ROLE = "|".join(sorted(map(regex.escape, _LEX["roles"]), key=len, reverse=True))
_NAME = r"\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}’'\-]+){1,2}"
# "Syria researcher Charles Lister", "economist Jane Doe"
_BEFORE = regex.compile(r"(?P<descriptor>(?:[\p{L}\-]+\s+){0,3}?(?:" + _ROLE + r"))\s+(?P<name>" + _NAME + r")", regex.IGNORECASE)
# "Jane Doe, an economist at Acme Bank,"
_AFTER = regex.compile(
    r"(?P<name>" + _NAME + r"),\s+(?P<descriptor>(?:an?|the)\s+(?:[\p{L}\-]+\s+){0,4}?(?:" + _ROLE + r")(?:\s+(?:at|with|of|from)\s+(?P<affiliation>[^,.;]+))?)",
    regex.IGNORECASE,
)
_VENUE = regex.compile(r"\b(?:wrote|writing|said|told|published)\s+in\s+(?P<venue>(?:the\s+)?\p{Lu}[\p{L}&\-]*(?:\s+\p{Lu}[\p{L}&\-]*)*)")
_TOLD = regex.compile(r"\btold\s+(?P<venue>(?:the\s+)?\p{Lu}[\p{L}&\-]*(?:\s+\p{Lu}[\p{L}&\-]*)*)")
_DATE = regex.compile(
    r"\b(?:on\s+)?(?P<date>\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:,\s+\d{4})?"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


@auditor.hookimpl
def auditor_rules():
    return [Rule(RULE, "A researcher or expert cited by name: check the citation's descriptor, affiliation, venue and date.", "info")]


@auditor.hookimpl
def auditor_check_article(article):
    seen = set()
    for sentence in article.sentences:
        for pattern in (_BEFORE, _AFTER):
            for m in pattern.finditer(sentence.text):
                name = m.group("name")
                surname = name.split()[-1]
                if surname in seen:
                    continue
                seen.add(surname)
                yield _finding(article, sentence, m)


def _finding(article, sentence, m):
    base = sentence.start
    rest = sentence.text[m.end() :]
    venue = _VENUE.search(rest) or _TOLD.search(rest)
    date = _DATE.search(rest)
    data = {
        "name": m.group("name"),
        "descriptor": m.group("descriptor"),
        "affiliation": m.groupdict().get("affiliation"),
        "venue": venue.group("venue") if venue else None,
        "date": date.group("date") if date else None,
    }
    data["missing"] = [k for k in ("descriptor", "affiliation", "venue", "date") if not data[k]]
    lacking = ", ".join(data["missing"]) or "nothing"
    start = base + m.start("name")
    return Finding(
        RULE,
        start,
        start + len(m.group("name")),
        f"Researcher {data['name']} is cited; the citation lacks: {lacking}. "
        "Give their affiliation and where and when they said it, and any interest they have.",
        data=data,
    )
