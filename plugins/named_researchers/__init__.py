"""named-researchers: experts cited by name, with what the citation gives and lacks.

"Syria researcher Charles Lister wrote in Foreign Policy on 24 January that ..."
cites a researcher with a descriptor, a venue and a date, but no affiliation.  The
rule reports each named researcher, analyst, academic or expert whose words or
work are cited, once, at the first mention of the name, with what the citation
gives (descriptor, affiliation, venue, date) and what it lacks, so an editor can
complete it.  Officials, spokespeople and company voices are not experts here.

A person counts as an expert when a role noun from ``lexicon.txt`` describes
them: before the name ("CBI chief economist Ian McCafferty", "Dr Jane Roe",
"colleagues Ann Lee and Tom Ruiz") or in apposition after it ("Ken Kim, an
analyst at Stone Research").  They count as cited when an attribution of the
core names them as its source, when a reporting word stands right before or
just after the mention ("said economist ...", "..., in remarks to X, said"), or
when a later attribution credits them by surname ("Mr Kim added").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import regex

import auditor
from auditor import Finding, Rule
from auditor.lexicon import read_lexicon

RULE = "named-researcher"
FIELDS = ("descriptor", "affiliation", "venue", "date")

_LEX = read_lexicon(Path(__file__).with_name("lexicon.txt"))
_CUES = _LEX["citation_cues"]
_STOPS = _LEX["descriptor_stops"]
_NOT_EXPERTS = _LEX["not_experts"]
_RESEARCH_BODIES = _LEX["research_bodies"]
_ORG_WORDS = _LEX["organisation_words"] | _RESEARCH_BODIES
_RANKS = _LEX["rank_words"]
_HONORIFICS = _LEX["honorifics"]
_PARTICLES = _LEX["name_particles"]
_STUDY_ROLES = _LEX["study_roles"]
_NOT_NAMES = _LEX["not_names"] | _HONORIFICS | _LEX["titles"]
_SUFFIXES = tuple(_LEX["role_suffixes"])

# Each role phrase and how it may be used; a phrase in several lists keeps the first kind.
_KINDS: dict[str, str] = {}
for _kind, _section in (("plural", "plural_roles"), ("author", "author_roles"), ("appositive", "appositive_roles"),
                        ("head", "head_roles"), ("role", "roles"), ("title", "titles")):
    for _phrase in _LEX[_section]:
        _KINDS.setdefault(_phrase, _kind)
_LONGEST_ROLE = max(len(p.split()) for p in _KINDS)

_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_WORD = regex.compile(r"[\p{L}\-]+")
_SENTENCE_STOP = regex.compile(r"[.;:!?]")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "of", "for", "in", "on", "at", "to", "de", "du"})

# Where and when: "wrote in Foreign Policy", "told NPR", "in remarks to UOL.com.br", "on 24 January".
_CAP = r"\p{Lu}[\p{L}\p{N}&'’\-]*(?:\.\p{L}[\p{L}\p{N}\-]*)*"
_CAP_RUN = _CAP + r"(?:\s+(?:of\s+|for\s+|&\s+)?" + _CAP + r"){0,5}"
_VENUE = regex.compile(
    r"\b(?i:(?:wrote|writes|writing|published|publishing|said|says|argued|argues|appeared|commented)\s+(?:in|on|for)"
    r"|told|tells|telling|speaking\s+to|talking\s+to"
    r"|in\s+(?:remarks|comments|an?\s+(?:interview|article|op-ed|column|paper|essay|post|report|letter))\s+(?:to|with|in|for|on))"
    r"\s+(?:the\s+)?(?:(?:journal|magazine|newspaper|website|blog|broadcaster)\s+)?(?P<venue>" + _CAP_RUN + r")"
)
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_TEXT = (
    r"\d{1,2}\s+" + _MONTHS + r"(?:\s+\d{4})?|" + _MONTHS + r"\s+\d{1,2}(?:,?\s+\d{4})?|" + _MONTHS + r"\s+\d{4}"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|last\s+(?:week|month|year)"
)
_DATE = regex.compile(r"\b(?P<date>" + _DATE_TEXT + r")\b")
# The study an article reports on: "In findings published Wednesday in Science Advances".
_STUDY = regex.compile(
    r"\bpublished\s+(?:on\s+)?(?:(?P<date>" + _DATE_TEXT + r")\s+)?in\s+(?:the\s+)?(?:(?:journal|magazine)\s+)?"
    r"(?P<venue>" + _CAP_RUN + r")(?:\s+on\s+(?P<date2>" + _DATE_TEXT + r"))?"
)


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    low: str  # lower case, a possessive 's dropped

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("'s", "’s"))


@dataclass
class _Mention:
    """A name with a role that makes its bearer an expert, in one sentence."""

    name: tuple[int, int]        # token range of the name
    extent: tuple[int, int]      # character range of descriptor, name and affiliation
    descriptor: str
    affiliation: str | None
    sentence: object
    words: frozenset[str]        # lower-case words of descriptor and affiliation
    kind: str
    cited: bool = False
    predicate: bool = False      # described after a first mention: "Wong is a professor"


@auditor.hookimpl
def auditor_rules():
    return [Rule(RULE, "A researcher or expert cited by name: complete the citation (affiliation, where and when, interests).", "info")]


@auditor.hookimpl
def auditor_check_article(article):
    return _Reader(article).findings()


class _Reader:
    """Reads one article: its tokens once, then the role words sentence by sentence."""

    def __init__(self, article):
        self.article = article
        self.text = article.text
        self.tokens = [_token(m) for m in _TOKEN.finditer(self.text)]
        self.starts = [t.start for t in self.tokens]
        gaps = [""] + [self.text[a.end : b.start] for a, b in zip(self.tokens, self.tokens[1:])]
        self.spaced = [g.isspace() for g in gaps]          # only white space before token i
        self.comma = [g.strip() == "," for g in gaps]      # a comma before token i
        self._by_surname: dict[str, list[int]] | None = None
        self._study: tuple[str | None, str | None] | None = None

    # -- tokens ------------------------------------------------------------
    def gap(self, i: int) -> str:
        """The characters between token ``i - 1`` and token ``i``."""
        return self.text[self.tokens[i - 1].end : self.tokens[i].start]

    def is_name(self, i: int) -> bool:
        t = self.tokens[i]
        return (
            t.capitalised
            and not t.possessive
            and t.low not in _NOT_NAMES
            and t.low not in _KINDS
            and not (len(t.text) > 1 and t.text.isupper())  # an acronym: CBI, NPR
            and not self.article.quote_at(t.start)
        )

    def joined(self, i: int) -> bool:
        """Token ``i`` continues a name begun before it: a space, or the dot of an initial."""
        if self.spaced[i]:
            return True
        prev = self.tokens[i - 1]
        return self.gap(i).rstrip() == "." and (len(prev.text) == 1 or prev.low in _LEX["titles"])

    def role_at(self, i: int, hi: int) -> tuple[str, int] | None:
        for n in range(min(_LONGEST_ROLE, hi - i), 0, -1):
            if n > 1 and not all(self.spaced[k] for k in range(i + 1, i + n)):
                continue
            kind = _KINDS.get(" ".join(t.low for t in self.tokens[i : i + n]))
            if kind:
                return kind, i + n
        low = self.tokens[i].low
        if low.endswith(_SUFFIXES):
            return "role", i + 1
        if low.endswith("s") and low[:-1].endswith(_SUFFIXES):
            return "plural", i + 1
        return None

    # -- names -------------------------------------------------------------
    def name_forward(self, i: int, hi: int) -> tuple[int, int] | None:
        """A name of two or more capitalised words starting at token ``i``."""
        parts: list[int] = []
        while i < hi and len(parts) < 4:
            if parts and not self.joined(i):
                break
            if self.is_name(i):
                parts.append(i)
            elif not (parts and self.tokens[i].low in _PARTICLES and i + 1 < hi and self.is_name(i + 1)):
                break
            i += 1
        return (parts[0], parts[-1] + 1) if len(parts) >= 2 else None

    def name_backward(self, i: int, lo: int, shortest: int = 2) -> tuple[int, int] | None:
        """A name of ``shortest`` or more capitalised words ending at token ``i``."""
        parts: list[int] = []
        end = i
        while i >= lo and len(parts) < 4:
            if parts and not self.joined(i + 1):
                break
            if self.is_name(i):
                parts.append(i)
            elif not (parts and self.tokens[i].low in _PARTICLES and i - 1 >= lo and self.is_name(i - 1)):
                break
            i -= 1
        return (parts[-1], end + 1) if len(parts) >= shortest else None

    def name_list(self, i: int, hi: int) -> list[tuple[int, int]]:
        """ "Ann Lee, Tom Ruiz and Mo Chen": the names of a list starting at token ``i``."""
        names = []
        while i < hi:
            name = self.name_forward(i, hi)
            if not name:
                break
            names.append(name)
            i = name[1]
            if i >= hi:
                break
            if self.comma[i] or (self.spaced[i] and self.tokens[i].low == "and"):
                if self.tokens[i].low == "and":
                    i += 1
                continue
            break
        return names

    # -- descriptors -------------------------------------------------------
    def premodifiers(self, i: int, lo: int) -> int:
        """The first token of the words before a role that describe it: "Gulf-backed Syria"."""
        first = i
        while first > lo and i - first < 6 and self.spaced[first]:
            prev = self.tokens[first - 1]
            if prev.low in _STOPS or prev.low in _CUES or self.article.quote_at(prev.start):
                break
            if prev.low == "and" and not (first - 2 >= lo and not self.tokens[first - 2].capitalised):
                break  # "Smith and economist Roe": the "and" joins people, not descriptors
            first -= 1
        while first < i and self.tokens[first].low == "and":
            first += 1
        return first

    def field(self, i: int, hi: int) -> int:
        """After a role, "of economics and demography": the end of a field of study, or ``i``."""
        if i >= hi or self.tokens[i].low != "of" or not self.spaced[i]:
            return i
        j = i + 1
        while j < hi and j - i <= 6 and self.spaced[j]:
            t = self.tokens[j]
            if t.capitalised or t.low in _CUES or (t.low in _STOPS and t.low not in _FUNCTION_WORDS) or t.low in ("at", "in", "on", "to"):
                break
            j += 1
        if j == i + 1 or self.tokens[j - 1].low in _FUNCTION_WORDS:
            return i  # "of the University ...": an affiliation, not a field
        return j

    def organisation(self, i: int, hi: int) -> tuple[int, int] | None:
        """A named organisation starting at token ``i``: "the University of East Anglia's medical school"."""
        if i >= hi:
            return None
        start = i
        if self.tokens[i].low == "the" and i + 1 < hi and self.spaced[i + 1]:
            i += 1
        if not self.tokens[i].capitalised:
            return None
        end = i
        while i < hi and i - start < 12:
            t = self.tokens[i]
            if i > start and not (self.spaced[i] or self.gap(i).replace("&", " ").isspace()):
                break
            if t.low in _CUES or t.low in ("who", "which", "that", "where", "when", "whose"):
                break
            if t.capitalised:
                end = i + 1
                if t.possessive:  # "Intel's photonics technology lab"
                    for k in range(i + 1, min(i + 5, hi)):
                        if self.tokens[k].capitalised or not self.spaced[k]:
                            break
                        if self.tokens[k].low in _ORG_WORDS:
                            i, end = k, k + 1
                            break
            elif t.low not in _FUNCTION_WORDS:
                break
            i += 1
        return (start, end) if end > start else None

    def affiliation(self, i: int, hi: int, first: int, role: int, comma_ok: bool) -> tuple[str | None, int]:
        """The employer, and the token where the mention ends: "at Fannie Mae", "of Evolution
        Securities", ", from the Welsh Institute", or a pre-modifier ("CBI chief economist")."""
        org = None
        if i + 1 < hi and self.tokens[i].low in ("at", "of", "from", "with", "for"):
            if self.spaced[i] or (comma_ok and self.comma[i]):
                org = self.organisation(i + 1, hi)
        before = self.affiliation_before(first, role)
        if org and not (before and self.tokens[i].low == "of"):  # "Penn State's Professor of Engineering"
            return self.text[self.tokens[org[0]].start : self.tokens[org[1] - 1].end], org[1]
        return before, (org[1] if org else i)

    def affiliation_before(self, first: int, role: int) -> str | None:
        """An employer among the words before a role: "CBI", "Citigroup senior", "Chinese University"."""
        words = self.tokens[first:role]
        best = None
        k = 0
        while k < len(words):
            if not words[k].capitalised:
                k += 1
                continue
            j = k
            while j < len(words) and words[j].capitalised:
                j += 1
                if words[j - 1].possessive:  # "Penn State's Wormley Chair": the owner ends at 's
                    break
            run = words[k:j]
            while len(run) > 1 and run[0].low in _RANKS:
                run = run[1:]
            following = words[j].low if j < len(words) else None
            if (
                any(w.low in _ORG_WORDS for w in run)
                or any(w.possessive for w in run)
                or any(len(w.text) > 2 and w.text.isupper() for w in run)
                or (following in _RANKS and run[-1].low not in _RANKS)
            ):
                best = self.text[run[0].start : run[-1].end]
                if run[-1].possessive:
                    best = best[: -2]
            k = j
        return best

    # -- reading -----------------------------------------------------------
    def mentions(self, sentence) -> list[_Mention]:
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, sentence.end)
        found = []
        i = lo
        while i < hi:
            role = self.role_at(i, hi) if not self.article.quote_at(self.tokens[i].start) else None
            if role:
                found.extend(self.read_role(sentence, i, role[0], role[1], lo, hi))
            i += 1
        return found

    def read_role(self, sentence, i: int, kind: str, end: int, lo: int, hi: int) -> list[_Mention]:
        first = self.premodifiers(i, lo)
        out = []
        # "economist Ian McCafferty", "lead author Professor David Livermore", "chief economist, Steve Radley"
        j = self.field(end, hi) if kind != "title" else end
        desc_end = self.tokens[j - 1].end
        while j < hi and self.tokens[j].low in (_LEX["titles"] | _HONORIFICS) and self.joined(j):
            if self.tokens[j].low in _LEX["titles"]:
                desc_end = self.tokens[j].end
            j += 1
        if kind != "appositive" and j < hi and (self.joined(j) or (kind != "title" and self.comma[j])):
            names = self.name_list(j, hi) if kind == "plural" else [n for n in [self.name_forward(j, hi)] if n]
            for name in names:
                if kind == "plural":
                    affiliation, stop = self.affiliation_before(first, i), names[-1][1]
                else:
                    affiliation, stop = self.affiliation(name[1], hi, first, i, comma_ok=True)
                extent_end = self.tokens[stop - 1].end
                out.append(self.mention(sentence, name, first, desc_end, affiliation, extent_end, kind))
            if out:
                return out
        if kind in ("title", "plural"):
            return out
        # "Ken Kim, an analyst at Stone Research", "David Bloom, professor of economics at Harvard"
        start = first
        if start > lo and self.tokens[start - 1].low in ("a", "an", "the") and self.spaced[start]:
            start -= 1
        if start - 1 > lo and self.tokens[start - 1].low in ("is", "was") and self.spaced[start]:
            return self.read_predicate(sentence, start - 2, first, i, end, lo, hi, kind)
        if start <= lo or not self.comma[start]:
            return out
        name = self.name_backward(start - 1, lo)
        if not name:
            return out
        desc_start = start
        if name[0] > lo and self.tokens[name[0] - 1].low in _LEX["titles"] and self.joined(name[0]):
            desc_start = name[0] - 1  # "Dr Mario Paniccia, director of ..."
        j = self.field(end, hi)
        affiliation, stop = self.affiliation(j, hi, first, i, comma_ok=False)
        descriptor = self.text[self.tokens[start].start : self.tokens[j - 1].end]
        extent_end = self.tokens[stop - 1].end
        mention = self.mention(sentence, name, desc_start, self.tokens[j - 1].end, affiliation, extent_end, kind)
        mention.descriptor = descriptor
        mention.extent = (self.tokens[name[0]].start if desc_start == start else mention.extent[0], extent_end)
        return [mention]

    def read_predicate(self, sentence, last: int, first: int, role: int, end: int, lo: int, hi: int, kind: str) -> list[_Mention]:
        """ "Wong is Penn State's professor of engineering": a role given after the name was cited."""
        if not self.joined(last + 1) and not self.spaced[last + 1]:
            return []
        name = self.name_backward(last, lo, shortest=1)
        if not name:
            return []
        full = self.full_name(name)
        if not full:
            return []
        j = self.field(end, hi)
        affiliation, stop = self.affiliation(j, hi, first, role, comma_ok=False)
        mention = self.mention(sentence, full, first, self.tokens[j - 1].end, affiliation, self.tokens[j - 1].end, kind)
        mention.extent = (self.tokens[name[0]].start, self.tokens[stop - 1].end)
        mention.predicate = True
        return [mention]

    def full_name(self, name: tuple[int, int]) -> tuple[int, int] | None:
        """The tokens of the earliest mention of two or more words of the person called ``name``."""
        if name[1] - name[0] >= 2:
            return name
        for k in self.surname_index().get(self.tokens[name[0]].low, ()):
            if k >= name[0]:
                break
            found = self.name_backward(k, 0)
            if found and found[1] == k + 1:
                return found
        return None

    def surname_index(self) -> dict[str, list[int]]:
        if self._by_surname is None:
            self._by_surname = {}
            for k, t in enumerate(self.tokens):
                if t.capitalised:
                    self._by_surname.setdefault(t.low, []).append(k)
        return self._by_surname

    def mention(self, sentence, name, first: int, desc_end: int, affiliation, extent_end: int, kind: str) -> _Mention:
        descriptor = self.text[self.tokens[first].start : desc_end]
        start = min(self.tokens[first].start, self.tokens[name[0]].start)
        words = _words(descriptor + " " + (affiliation or ""))
        return _Mention(name, (start, extent_end), descriptor, affiliation, sentence, frozenset(words), kind)

    def is_expert(self, m: _Mention) -> bool:
        words = m.words
        descriptor_words = _words(m.descriptor)
        if descriptor_words & _NOT_EXPERTS or words & _LEX["partisan_bodies"] or "chief executive" in m.descriptor.lower():
            return False
        if m.kind == "head":
            return bool(words & _RESEARCH_BODIES) or bool(descriptor_words & _LEX["titles"])
        if m.kind == "author":
            return bool(descriptor_words & _LEX["author_premodifiers"]) or bool(words & {"study", "report", "paper"})
        return True

    def is_cited(self, m: _Mention) -> bool:
        """Whether the mention's words or work are cited in its sentence."""
        start, end = m.extent
        for a in self.article.attributions_in(m.sentence):
            if a.source and a.source.overlaps(start, end):
                return True
        lo = bisect.bisect_left(self.starts, m.sentence.start)
        hi = bisect.bisect_left(self.starts, m.sentence.end)
        before = bisect.bisect_left(self.starts, start)
        # "said economist Jane Roe", "according to analyst Jane Roe"
        if before > lo and not _SENTENCE_STOP.search(self.gap(before)):
            prev = self.tokens[before - 1].low
            if prev in _CUES or (prev == "to" and before - 2 >= lo and self.tokens[before - 2].low == "according"):
                return True
        # "Jane Roe, an analyst at X, in remarks to Y, said"
        after = bisect.bisect_left(self.starts, end)
        for k in range(after, min(after + 8, hi)):
            t = self.tokens[k]
            if self.article.quote_at(t.start) or _SENTENCE_STOP.search(self.gap(k)):
                break
            if t.low in _CUES:
                return True
        return False

    def cited_by_surname(self, m: _Mention) -> bool:
        """An attribution elsewhere credits the person by surname: "Mr Kim added", "according to Soufan"."""
        surname = self.tokens[m.name[1] - 1].low
        for a in self.article.attributions:
            if a.source:
                words = _words(a.source.text + " " + (a.resolved or ""))
                if surname in words:
                    return True
        return False

    def first_mention(self, name: tuple[int, int]) -> tuple[int, int]:
        """The characters of the first mention of the name, as written: the finding's span."""
        wanted = [t.low for t in self.tokens[name[0] : name[1]]]
        n = len(wanted)
        for k in self.surname_index().get(wanted[-1], ()):
            if k - n + 1 >= 0 and [t.low for t in self.tokens[k - n + 1 : k + 1]] == wanted:
                if all(self.joined(j) for j in range(k - n + 2, k + 1)):
                    last = self.tokens[k]
                    return self.tokens[k - n + 1].start, last.start + len(last.text) - (2 if last.possessive else 0)
        return self.tokens[name[0]].start, self.tokens[name[1] - 1].end

    def study(self) -> tuple[str | None, str | None]:
        """Venue and date of the study an article reports, when it says where it was published."""
        if self._study is None:
            m = _STUDY.search(self.text)
            self._study = (m.group("venue"), m.group("date") or m.group("date2")) if m else (None, None)
        return self._study

    def venue_in(self, sentence) -> str | None:
        for v in _VENUE.finditer(sentence.text):
            if not self.article.quote_at(sentence.start + v.start()):
                words = v.group("venue").split()
                if len(words) > 1 and words[0].isupper() and words[1].lower() not in _LEX["venue_words"]:
                    return words[0]  # "told NPR Hamza bin Laden had ...": the acronym is the outlet
                return " ".join(words)
        return None

    def venue_and_date(self, m: _Mention) -> tuple[str | None, str | None]:
        sentence = m.sentence
        venue = self.venue_in(sentence)
        date = None
        for d in _DATE.finditer(sentence.text):
            if not self.article.quote_at(sentence.start + d.start()):
                date = d.group("date")
                break
        if not venue:  # "Writing in the journal Nature, Dr Paniccia ..." in another sentence
            seen = {sentence.index}
            for k in self.surname_index().get(self.tokens[m.name[1] - 1].low, ()):
                other = self.article.sentence_at(self.tokens[k].start)
                if other and other.index not in seen:
                    seen.add(other.index)
                    venue = self.venue_in(other)
                    if venue:
                        break
        if m.words & _STUDY_ROLES:
            study_venue, study_date = self.study()
            venue, date = venue or study_venue, date or study_date
        return venue, date

    def findings(self):
        people: dict[tuple[str, ...], list[_Mention]] = {}
        for sentence in self.article.sentences:
            for m in self.mentions(sentence):
                if self.is_expert(m):
                    key = tuple(t.low for t in self.tokens[m.name[0] : m.name[1]])
                    m.cited = self.is_cited(m) and not m.predicate
                    people.setdefault(key, []).append(m)
        out = []
        for mentions in people.values():
            cited = [m for m in mentions if m.cited] or [m for m in mentions[:1] if self.cited_by_surname(m)]
            if cited:
                out.append(self.finding(mentions, cited[0]))
        return sorted(out, key=lambda f: f.start)

    def finding(self, mentions: list[_Mention], cited: _Mention) -> Finding:
        start, end = self.first_mention(cited.name)
        name = self.text[start:end]
        descriptor = cited.descriptor if len(cited.descriptor) > 3 else max((m.descriptor for m in mentions), key=len)
        affiliation = cited.affiliation or next((m.affiliation for m in mentions if m.affiliation), None)
        venue, date = self.venue_and_date(cited)
        data = {"name": name, "descriptor": descriptor, "affiliation": affiliation, "venue": venue, "date": date}
        data["missing"] = [k for k in FIELDS if not data[k]]
        return Finding(RULE, start, end, _message(name, data), data=data)


_ASK = {
    "descriptor": "what they do",
    "affiliation": "who they work for",
    "venue": "where they said or published it",
    "date": "when",
}


def _message(name: str, data: dict) -> str:
    asks = [_ASK[k] for k in data["missing"]]
    if not asks:
        return f"{name} is cited as an expert: check the affiliation, venue and date given, and say whether they have an interest in the story."
    gaps = asks[0] if len(asks) == 1 else ", ".join(asks[:-1]) + " or " + asks[-1]
    return f"{name} is cited as an expert, but the citation does not say {gaps}: complete it, and say whether they have an interest in the story."


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _token(m) -> _Token:
    text = m.group()
    low = text.lower()
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    return _Token(m.start(), m.end(), text, low)
