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
from typing import NamedTuple
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
_NOT_NAMES = _LEX["not_names"] | _HONORIFICS | _LEX["titles"] | _NOT_EXPERTS  # "Senator Jane Roe": the name is Jane Roe
_SUFFIXES = tuple(_LEX["role_suffixes"])

# Each role phrase and how it may be used; a phrase in several lists keeps the first kind.
_KINDS: dict[str, str] = {}
for _kind, _section in (("plural", "plural_roles"), ("author", "author_roles"), ("appositive", "appositive_roles"),
                        ("head", "head_roles"), ("role", "roles"), ("title", "titles")):
    for _phrase in _LEX[_section]:
        _KINDS.setdefault(_phrase, _kind)
_LONGEST_ROLE = max(len(p.split()) for p in _KINDS)
_ROLE_STARTS = frozenset(p.split()[0] for p in _KINDS)
_ROLE_ENDINGS = _SUFFIXES + tuple(s + "s" for s in _SUFFIXES)
_SEARCH_WORDS = sorted(_ROLE_STARTS | set(_SUFFIXES))
_WORD_START = regex.compile(r"\p{L}+$")
_FOLLOWING = regex.compile(r"[\p{L}\p{N}'’\-]{1,40}(?:\s+[\p{L}\p{N}'’\-]{1,40}){0,%d}" % (_LONGEST_ROLE - 1))

_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\p{M}\p{N}'’\-]*")
_BARRIER = "\n.\n"   # what stands before the first word of a stretch: nothing joins across it
_STRETCH = 400       # characters read either side of a role word
_LOOKBACK = 50       # earlier occurrences of a surname looked at for a first mention
# A capitalised name of two words ("Ian McCafferty", "Steven M. Rosenthal"), written so it cannot backtrack.
_NAME_PAIR = regex.compile(
    r"\p{Lu}(?:\p{Ll}|['’]\p{Lu})[\p{L}\p{M}'’\-]*+\s++(?:\p{Lu}\.\s*+)?(?:\p{Ll}{1,4}\s++)?\p{Lu}(?:\p{Ll}|['’]\p{Lu})"
)
_NEAR = 300  # characters either side of a mention searched for its venue and date
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
_DATE_HINT = regex.compile(r"\d|day|last")  # a cheap test before the full pattern
_DATE = regex.compile(r"\b(?P<date>" + _DATE_TEXT + r")\b")
# The study an article reports on: "In findings published Wednesday in Science Advances".
_STUDY = regex.compile(
    r"\bpublished\s+(?:on\s+)?(?:(?P<date>" + _DATE_TEXT + r")\s+)?in\s+(?:the\s+)?(?:(?:journal|magazine)\s+)?"
    r"(?P<venue>" + _CAP_RUN + r")(?:\s+on\s+(?P<date2>" + _DATE_TEXT + r"))?"
)


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower case, a possessive 's dropped
    capitalised: bool
    possessive: bool


@dataclass
class _Mention:
    """A name with a role that makes its bearer an expert, in one sentence."""

    name: tuple[int, int]        # token range of the name
    name_words: tuple[str, ...]  # its words in lower case: who the person is
    extent: tuple[int, int]      # character range of descriptor, name and affiliation
    descriptor: str
    affiliation: str | None
    sentence: object
    kind: str
    premodifiers: tuple[int, int]  # token range of the words before the role
    affiliation_by_of: bool = False  # "professor of Engineering": a weaker affiliation than "at X"
    before_name: tuple[str, ...] = ()  # words before the name of an appositive mention
    words: frozenset[str] = frozenset()  # lower-case words of descriptor and affiliation, once complete
    cited: bool = False
    predicate: bool = False      # described after a first mention: "Wong is a professor"


@auditor.hookimpl
def auditor_rules():
    return [Rule(RULE, "A researcher or expert cited by name: complete the citation (affiliation, where and when, interests).", "info")]


@auditor.hookimpl
def auditor_check_article(article):
    return _Reader(article).findings()


def _stretches(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around role words with a name near them, merged where they overlap.

    Plain substring search finds the role words (far faster than a regular expression
    over a long text); each hit is then checked to be a whole role word with a
    capitalised name pair within reach."""
    low = text.lower()
    if len(low) != len(text):  # lower-casing changed offsets ("İ"): search the text as written
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hits = []
    for word in _SEARCH_WORDS:
        suffix = word in _SUFFIXES
        i = low.find(word)
        while i >= 0:
            after = i + len(word) + (low[i + len(word) : i + len(word) + 1] == "s")
            # a role word begins a word; a discipline's ending ends one
            if (not suffix and not (i and low[i - 1].isalpha())) or (suffix and not low[after : after + 1].isalpha()):
                hits.append(i)
            i = low.find(word, i + len(word))
    hits.sort()
    stretches: list[tuple[int, int]] = []
    pairs: list[int] | None = None  # where capitalised name pairs start, found once when needed
    for i in hits:
        if stretches and i < stretches[-1][1] - _STRETCH // 2:
            continue  # already read around an earlier hit
        start = i
        if i and low[i - 1].isalpha():  # a discipline's ending: back to the start of its word
            word_start = _WORD_START.search(low, max(0, i - 40), i)
            start = word_start.start() if word_start else i
        words = _FOLLOWING.match(low, start)
        if not words or not _is_role(words.group()):
            continue
        if pairs is None:
            pairs = [m.start() for m in _NAME_PAIR.finditer(text)]
        k = bisect.bisect_left(pairs, start - 150)
        if k == len(pairs) or pairs[k] > words.end() + 150:
            continue
        a, b = max(0, start - _STRETCH), min(len(text), words.end() + _STRETCH)
        if stretches and a <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], b)
        else:
            stretches.append((a, b))
    return stretches


def _is_role(following: str) -> bool:
    """Whether the words ``following`` (lower case) begin with a role phrase."""
    words = following.split()
    if any(" ".join(words[:n]) in _KINDS for n in range(1, len(words) + 1)):
        return True
    first = words[0] if words else ""
    return first.endswith(_ROLE_ENDINGS)


class _Tokens:
    """The words of some stretches of the text, in order, with what separates them.

    Only the stretches around role words are read (a long text without one costs a
    single search); a stretch's first word has nothing before it, so no name or
    descriptor runs from one stretch into the next.
    """

    def __init__(self, article, ranges):
        self.article = article
        self.text = text = article.text
        self.tokens: list[_Token] = []
        gaps: list[str] = []
        for a, b in ranges:
            found = [_token(m) for m in _TOKEN.finditer(text, a, b)]
            if found and a > 0 and text[a - 1 : a].isalnum():
                found = found[1:]  # a word cut by the stretch's start
            if found and found[-1].end == b and text[b : b + 1].isalnum():
                found = found[:-1]
            gaps.extend([_BARRIER] + [text[x.end : y.start] for x, y in zip(found, found[1:])] if found else [])
            self.tokens.extend(found)
        self.gaps = gaps
        self.starts = [t.start for t in self.tokens]
        self.spaced = [g.isspace() for g in gaps]          # only white space before token i
        self.comma = [g.strip() == "," for g in gaps]      # a comma before token i

    def gap(self, i: int) -> str:
        """The characters between token ``i - 1`` and token ``i``."""
        return self.gaps[i]

    def quoted(self, offset: int) -> bool:
        return bool(self.article.quotes) and self.article.quote_at(offset) is not None

    def is_name(self, i: int) -> bool:
        t = self.tokens[i]
        return (
            t.capitalised
            and not t.possessive
            and t.low not in _NOT_NAMES
            and t.low not in _KINDS
            and not (len(t.text) > 1 and t.text.isupper())  # an acronym: CBI, NPR
            and not self.quoted(t.start)
        )

    def joined(self, i: int) -> bool:
        """Token ``i`` continues a name begun before it: a space, or the dot of an initial."""
        if self.spaced[i]:
            return True
        prev = self.tokens[i - 1]
        return self.gaps[i].rstrip() == "." and (len(prev.text) == 1 or prev.low in _LEX["titles"])

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

    def words(self, span: tuple[int, int]) -> tuple[str, ...]:
        return tuple(t.low for t in self.tokens[span[0] : span[1]])

    def chars(self, span: tuple[int, int]) -> tuple[int, int]:
        """The characters of a token range, a final possessive 's left out."""
        last = self.tokens[span[1] - 1]
        return self.tokens[span[0]].start, last.end - (2 if last.possessive else 0)

    # -- descriptors -------------------------------------------------------
    def premodifiers(self, i: int, lo: int) -> int:
        """The first token of the words before a role that describe it: "Gulf-backed Syria"."""
        first = i
        while first > lo and i - first < 6 and self.spaced[first]:
            prev = self.tokens[first - 1]
            inside_a_name = prev.low == "of" and first - 2 >= lo and self.tokens[first - 2].capitalised and self.tokens[first].capitalised
            if (prev.low in _STOPS and not inside_a_name) or prev.low in _CUES or self.quoted(prev.start):
                break  # but "University of Chicago economist" reads on
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

    def affiliation(self, i: int, hi: int, comma_ok: bool) -> tuple[str | None, int, bool]:
        """The employer named after a mention ("at Fannie Mae", "of Evolution Securities",
        ", from the Welsh Institute"), the token where the mention ends, and whether it came by "of"."""
        if i + 1 < hi and self.tokens[i].low in ("at", "of", "from", "with", "for") and (self.spaced[i] or (comma_ok and self.comma[i])):
            org = self.organisation(i + 1, hi)
            if org:
                start, end = self.chars(org)
                return self.text[start:end], org[1], self.tokens[i].low == "of"
        return None, i, False

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
            while j < len(words) and (words[j].capitalised or (words[j].low == "of" and j + 1 < len(words) and words[j + 1].capitalised)):
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


class _Reader(_Tokens):
    """Reads one article: the stretches around its role words, then the people they describe."""

    def __init__(self, article):
        super().__init__(article, _stretches(article.text))
        self._names: dict[str, list[tuple[int, int]]] | None = None
        self._study: tuple[str | None, str | None] | None = None
        self._source_words: set[str] | None = None

    def mentions(self) -> list[_Mention]:
        found = []
        sentence, lo, hi = None, 0, 0
        cues = [i for i, t in enumerate(self.tokens) if t.low in _CUES]
        sources = bool(self.source_words())
        for i, t in enumerate(self.tokens):
            if not (t.low in _ROLE_STARTS or t.low.endswith(_ROLE_ENDINGS)) or self.quoted(t.start):
                continue
            if sentence is None or t.start >= sentence.end:
                sentence = self.article.sentence_at(t.start)
                if sentence is None:
                    continue
                lo = bisect.bisect_left(self.starts, sentence.start)
                hi = bisect.bisect_left(self.starts, sentence.end)
                attributed = bool(self.article.attributions_in(sentence))
            k = bisect.bisect_left(cues, i - 20)
            if not (sources or attributed or (k < len(cues) and cues[k] <= i + 45)):
                continue  # nothing near could cite this person: skip the reading
            role = self.role_at(i, hi)
            if role:
                found.extend(self.read_role(sentence, i, role[0], role[1], lo, hi))
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
        if kind == "plural" and j + 2 < hi and self.words((j, j + 2)) == ("led", "by") and self.spaced[j + 1]:
            j += 2  # "researchers led by Anna Berg": the leader speaks for the study
            kind = "role"
        if kind != "appositive" and j < hi and (self.joined(j) or (kind != "title" and self.comma[j])):
            names = self.name_list(j, hi) if kind == "plural" else [n for n in [self.name_forward(j, hi)] if n]
            for name in names:
                affiliation, stop, by_of = (None, names[-1][1], False) if kind == "plural" else self.affiliation(name[1], hi, comma_ok=True)
                extent_end = self.tokens[stop - 1].end
                out.append(self.mention(sentence, name, (first, i), desc_end, affiliation, by_of, extent_end, kind))
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
        name = self.name_backward(start - 1, lo, shortest=1)
        if not name:
            return out
        words = self.words(name)
        if len(words) == 1:  # "Ortiz, a hydrologist at ...": someone named in full before
            words = self.full_name(words[0], self.tokens[name[0]].start)
            if not words:
                return out
        desc_start = start
        if name[0] > lo and self.tokens[name[0] - 1].low in _LEX["titles"] and self.joined(name[0]):
            desc_start = name[0] - 1  # "Dr Mario Paniccia, director of ..."
        j = self.field(end, hi)
        affiliation, stop, by_of = self.affiliation(j, hi, comma_ok=False)
        extent_end = self.tokens[stop - 1].end
        mention = self.mention(sentence, name, (first, i), self.tokens[j - 1].end, affiliation, by_of, extent_end, kind, desc_start)
        mention.descriptor = self.text[self.tokens[start].start : self.tokens[j - 1].end]
        mention.extent = (self.tokens[name[0]].start if desc_start == start else mention.extent[0], extent_end)
        mention.name_words = words
        mention.before_name = self.words((self.premodifiers(name[0], lo), name[0]))  # "Chief executive Sara Lind, an economist"
        return [mention]

    def read_predicate(self, sentence, last: int, first: int, role: int, end: int, lo: int, hi: int, kind: str) -> list[_Mention]:
        """ "Wong is Penn State's professor of engineering": a role given after the name was cited."""
        if not self.joined(last + 1) and not self.spaced[last + 1]:
            return []
        name = self.name_backward(last, lo, shortest=1)
        if not name:
            return []
        words = self.words(name)
        if len(words) == 1:  # "Wong is ...": the person named in full before
            words = self.full_name(words[0], self.tokens[name[0]].start)
            if not words:
                return []
        j = self.field(end, hi)
        affiliation, stop, by_of = self.affiliation(j, hi, comma_ok=False)
        mention = self.mention(sentence, name, (first, role), self.tokens[j - 1].end, affiliation, by_of, self.tokens[j - 1].end, kind)
        mention.extent = (self.tokens[name[0]].start, self.tokens[stop - 1].end)
        mention.name_words = words
        mention.predicate = True
        return [mention]

    # -- the whole text ----------------------------------------------------
    def occurrences(self, word: str) -> list[tuple[int, int]]:
        """Where a capitalised word occurs in the whole text (read once, when first needed)."""
        if self._names is None:
            self._names = {}
            for m in _CAPITALISED.finditer(self.text):
                low = m.group().lower()
                self._names.setdefault(low[:-2] if low.endswith(("'s", "’s")) else low, []).append(m.span())
        return self._names.get(word, [])

    def name_ending(self, end: int, shortest: int, keep: int = 4) -> tuple[tuple[str, ...], tuple[int, int]] | None:
        """The name (its last ``keep`` words) whose last word ends at ``end``, read from the text before it."""
        local = _Tokens(self.article, [(max(0, end - 100), end)])
        if not local.tokens:
            return None
        last = len(local.tokens) - 1
        if local.tokens[last].possessive:  # "Lister's report": the name is still Lister
            local.tokens[last] = local.tokens[last]._replace(possessive=False)
        name = local.name_backward(last, 0, shortest)
        if not name:
            return None
        name = (max(name[0], name[1] - keep), name[1])
        return local.words(name), local.chars(name)

    def full_name(self, surname: str, before: int) -> tuple[str, ...] | None:
        """The words of the first full mention of someone called by ``surname`` before ``before``."""
        for start, end in self.occurrences(surname)[:_LOOKBACK]:
            if start >= before:
                break
            found = self.name_ending(end, shortest=2)
            if found and found[0][-1] == surname:
                return found[0]
        return None

    def mention(self, sentence, name, premodifiers, desc_end: int, affiliation, by_of: bool, extent_end: int, kind: str, first: int | None = None) -> _Mention:
        first = premodifiers[0] if first is None else first
        descriptor = self.text[self.tokens[first].start : desc_end]
        start = min(self.tokens[first].start, self.tokens[name[0]].start)
        return _Mention(name, self.words(name), (start, extent_end), descriptor, affiliation, sentence, kind, premodifiers, by_of)

    def complete(self, m: _Mention) -> None:
        """Fill what only a cited mention needs: the employer among its pre-modifiers, its words."""
        before = self.affiliation_before(*m.premodifiers)
        if before and (not m.affiliation or m.affiliation_by_of):  # "Penn State's Professor of Engineering"
            m.affiliation = before
        m.words = frozenset(_words(m.descriptor + " " + (m.affiliation or "")))

    def is_expert(self, m: _Mention) -> bool:
        words = m.words
        before_name = set(m.before_name) if m.before_name[:1] not in (("former",), ("ex",)) else set()
        descriptor_words = _words(m.descriptor) | before_name  # "Former Treasury Secretary X, a Harvard economist": an expert now
        if descriptor_words & _NOT_EXPERTS or words & _LEX["partisan_bodies"]:
            return False  # an official, a company voice, a party's strategist
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
            if self.quoted(t.start) or _SENTENCE_STOP.search(self.gap(k)):
                break
            if t.low in _CUES:
                return True
        return False

    def source_words(self) -> set[str]:
        """The words of every attribution's source (and what it resolves to) in the article."""
        if self._source_words is None:
            self._source_words = set()
            for a in self.article.attributions:
                if a.source:
                    self._source_words |= _words(a.source.text + " " + (a.resolved or ""))
        return self._source_words

    def surname_cited(self, m: _Mention) -> bool:
        """An attribution elsewhere credits the person by surname: "Mr Kim added", "according to Soufan"."""
        return m.name_words[-1] in self.source_words()

    def first_mention(self, m: _Mention) -> tuple[int, int]:
        """The characters of the first mention of the name, as written: the finding's span."""
        seen = self.occurrences(m.name_words[-1])
        if not m.predicate and seen and seen[0][0] == self.tokens[m.name[1] - 1].start:
            return self.chars(m.name)  # the surname's first occurrence is this mention
        for start, end in seen[:_LOOKBACK]:
            found = self.name_ending(end, shortest=len(m.name_words), keep=len(m.name_words))
            if found and found[0] == m.name_words:
                return found[1]
        return self.chars(m.name)

    def study(self) -> tuple[str | None, str | None]:
        """Venue and date of the study an article reports, when it says where it was published."""
        if self._study is None:
            m = _STUDY.search(self.text)
            self._study = (m.group("venue"), m.group("date") or m.group("date2")) if m else (None, None)
        return self._study

    def near(self, sentence, start: int, end: int) -> tuple[int, str]:
        """The part of ``sentence`` within a few lines of ``[start, end)``: where its venue and date are."""
        lo, hi = max(sentence.start, start - _NEAR), min(sentence.end, end + _NEAR)
        return lo, self.text[lo:hi]

    def venue_in(self, sentence, start: int, end: int) -> str | None:
        base, text = self.near(sentence, start, end)
        for v in _VENUE.finditer(text):
            if not self.article.quote_at(base + v.start()) and not _DATE.fullmatch(v.group("venue")):
                words = v.group("venue").split()
                if len(words) > 1 and words[0].isupper() and words[1].lower() not in _LEX["venue_words"]:
                    return words[0]  # "told NPR Hamza bin Laden had ...": the acronym is the outlet
                return " ".join(words)
        return None

    def venue_and_date(self, m: _Mention) -> tuple[str | None, str | None]:
        sentence = m.sentence
        venue = self.venue_in(sentence, *m.extent)
        date = None
        base, text = self.near(sentence, *m.extent)
        for d in _DATE.finditer(text) if _DATE_HINT.search(text) else ():
            if not self.article.quote_at(base + d.start()):
                date = d.group("date")
                break
        if not venue:  # "Writing in the journal Nature, Dr Paniccia ..." in another sentence
            seen = {sentence.index}
            for start, end in self.occurrences(m.name_words[-1])[:_LOOKBACK]:
                other = self.article.sentence_at(start)
                if other and other.index not in seen:
                    seen.add(other.index)
                    venue = self.venue_in(other, start, end)
                    if venue:
                        break
        if m.words & _STUDY_ROLES:
            study_venue, study_date = self.study()
            venue, date = venue or study_venue, date or study_date
        return venue, date

    def findings(self):
        people: dict[tuple[str, ...], list[_Mention]] = {}
        for m in self.mentions():
            m.cited = not m.predicate and self.is_cited(m)
            if m.cited or m.predicate or self.surname_cited(m):
                self.complete(m)
                if self.is_expert(m):
                    people.setdefault(m.name_words, []).append(m)
        out = []
        for mentions in people.values():
            cited = [m for m in mentions if m.cited] or [m for m in mentions[:1] if self.surname_cited(m)]
            if cited:
                out.append(self.finding(mentions, cited[0]))
        return sorted(out, key=lambda f: f.start)

    def finding(self, mentions: list[_Mention], cited: _Mention) -> Finding:
        start, end = self.first_mention(cited)
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
    possessive = low.endswith(("'s", "’s"))
    return _Token(m.start(), m.end(), text, low[:-2] if possessive else low, text[0].isupper(), possessive)
