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

Speed: most of a text is never split into words.  One pass finds the role
words; the stretches of text around those with a capitalised name near them are
kept, and only the sentences holding a role word there are split into words, one
sentence at a time.  Plain text (ASCII and common typographic punctuation) is read
with stdlib ``re``, other text with ``regex`` and its Unicode classes.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from itertools import accumulate
from typing import Iterator, NamedTuple

import auditor
from auditor import Finding, Rule
from auditor.lexicon import read_lexicon

RULE = "named-researcher"
FIELDS = ("descriptor", "affiliation", "venue", "date")

_LEX = read_lexicon(os.path.join(os.path.dirname(__file__), "lexicon.txt"))
_CUES = _LEX["citation_cues"]
_STOPS = _LEX["descriptor_stops"]
_NOT_EXPERTS = _LEX["not_experts"]
_RESEARCH_BODIES = _LEX["research_bodies"]
_ORG_WORDS = _LEX["organisation_words"] | _RESEARCH_BODIES
_RANKS = _LEX["rank_words"]
_HONORIFICS = _LEX["honorifics"]
_TITLES = _LEX["titles"]
_TITLES_OR_HONORIFICS = _TITLES | _HONORIFICS
_PARTICLES = _LEX["name_particles"]
_STUDY_ROLES = _LEX["study_roles"]
_NOT_NAMES = _LEX["not_names"] | _HONORIFICS | _TITLES | _NOT_EXPERTS  # "Senator Jane Roe": the name is Jane Roe
_SUFFIXES = tuple(_LEX["role_suffixes"])

# Each role phrase and how it may be used; a phrase in several lists keeps the first kind.
_KINDS: dict[str, str] = {}
for _kind, _section in (("plural", "plural_roles"), ("author", "author_roles"), ("appositive", "appositive_roles"),
                        ("head", "head_roles"), ("role", "roles"), ("title", "titles")):
    for _phrase in _LEX[_section]:
        _KINDS.setdefault(_phrase, _kind)
_LONGEST_ROLE = max(len(p.split()) for p in _KINDS)
_MAX_TITLES = 4  # "Lt Col Dr", "Professor Sir": the titles one name carries
_ROLE_STARTS = frozenset(p.split()[0] for p in _KINDS)
_PHRASE_STARTS = frozenset(p.split()[0] for p in _KINDS if " " in p)  # words a role of several words begins with
_ROLE_ENDINGS = _SUFFIXES + tuple(s + "s" for s in _SUFFIXES)
_SUFFIX_NEEDLES = tuple(sorted(s.encode("ascii") for s in _SUFFIXES))  # searched for in ``_ascii_lower(text)``
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a translation: "a"-"z" kept, the rest " "
_SHORT_TEXT = 100_000    # characters of a text short enough to search for each role word in turn
_FUNCTION_WORDS = frozenset({"the", "a", "an", "and", "of", "for", "in", "on", "at", "to", "de", "du"})

_BARRIER = "\n.\n"      # what stands before the first word of a stretch: nothing joins across it
_STRETCH = 400          # characters read either side of a role word
_WORD_LOOKBACK = 40     # characters read back from a discipline's ending to the start of its word
_PAIR_SKIP = 100        # characters of text passed over rather than scanned for name pairs
_PAIR_LOOKBACK = 1000   # characters searched for where to resume the scan for name pairs
_PAIR_BREAKS = ',“”"('  # common characters that no name pair holds
_LOOKBACK = 50          # earlier occurrences of a surname looked at for a first mention
_SEARCHED_NAMES = 40    # surnames searched for one by one; past that, every capitalised word is listed once
_ONE_PASS_WORK = 4_000_000  # surnames times characters of text past which the surnames are found in one pass
_ONE_PASS_NAMES = 200   # surnames past which every capitalised word is listed instead
_NEAR = 300             # characters either side of a mention searched for its venue and date


class _Syntax:
    """The patterns the text is read with, for one kind of text, each compiled when first used.

    Each pattern is written once (``_PATTERNS``) with names for classes of characters:
    ``<L>`` letters, ``<Lu>``/``<Ll>`` capitals/small letters, ``<N>`` numerals, ``<D>``
    digits, ``<M>`` marks, ``<S>`` white space.  ``_ANY`` reads any text with ``regex``'s
    Unicode classes.  ``_PLAIN`` reads plain text (ASCII and common typographic
    punctuation) with ASCII classes and stdlib ``re``: the same there, faster, and
    without importing ``regex`` (about 25 ms with its patterns)."""

    def __init__(self, classes: dict[str, str], plain: bool) -> None:
        self.classes = classes
        self.plain = plain

    def __getattr__(self, name: str):
        pattern = _PATTERNS[name]
        for class_name, characters in self.classes.items():
            pattern = pattern.replace(class_name, characters)
        if self.plain:
            compiled = re.compile(pattern)
        else:
            import regex

            compiled = regex.compile(pattern)
        setattr(self, name, compiled)  # later uses go straight to it
        return compiled

    def of(self, text: str) -> _Syntax:
        """The syntax to read ``text`` with (a part of the text this one reads): plain if it is."""
        return self if self.plain or not _PLAIN.plain_text.fullmatch(text) else _PLAIN

    def run_start(self, text: str, lo: int, end: int) -> int:
        """Where the run of word characters (``<L><M><N>'’-``) that ends at ``end`` begins, not before ``lo``."""
        if not self.plain:
            return self.word_before.match(text, lo, end).start()
        width = 16
        while True:  # strip the run off a piece of the text before ``end``, a longer one each time
            start = max(lo, end - width)
            rest = text[start:end].rstrip(_PLAIN_WORD_CHARACTERS)
            if rest or start == lo:
                return start + len(rest)
            width *= 4


_CAP = r"[<Lu>][<L><N>&'’\-]*(?:\.[<L>][<L><N>\-]*)*"
_CAP_RUN = _CAP + r"(?:[<S>]+(?:of[<S>]+|for[<S>]+|&[<S>]+)?" + _CAP + r"){0,5}"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_TEXT = (
    r"[<D>]{1,2}[<S>]+" + _MONTHS + r"(?:[<S>]+[<D>]{4})?"
    r"|" + _MONTHS + r"[<S>]+[<D>]{1,2}(?:,?[<S>]+[<D>]{4})?"
    r"|" + _MONTHS + r"[<S>]+[<D>]{4}"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|last[<S>]+(?:week|month|year)"
)
_PATTERNS = {
    # words
    "word_split": r"([<L><N>][<L><M><N>'’\-]*)",  # a word: what the text is split at
    "word_rest": r"[<L><M><N>'’\-]*",
    "word_before": r"(?r)[<L><M><N>'’\-]*",  # the word characters just before a place, read backwards (``regex`` only)
    "word_character": r"[<L><N>]",  # a character a word can begin with
    "word": r"[<L>\-]+",
    "word_start": r"[<L>]+$",
    "following": r"[<L><N>'’\-]{1,40}(?:[<S>]+[<L><N>'’\-]{1,40}){0,%d}" % (_LONGEST_ROLE - 1),
    # names
    "capitalised": r"[<Lu>][<L><M><N>'’\-]*",
    "upper": r"[<Lu>]",
    # a capitalised name of two words ("Ian McCafferty", "Steven M. Rosenthal"), written so it cannot backtrack
    "name_pair": (
        r"[<Lu>](?:[<Ll>]|['’][<Lu>])[<L><M>'’\-]*+[<S>]++(?:[<Lu>]\.[<S>]*+)?(?:[<Ll>]{1,4}[<S>]++)?[<Lu>](?:[<Ll>]|['’][<Lu>])"
    ),
    # where and when: "wrote in Foreign Policy", "told NPR", "in remarks to UOL.com.br", "on 24 January"
    "venue": (
        r"\b(?i:(?:wrote|writes|writing|published|publishing|said|says|argued|argues|appeared|commented)[<S>]+(?:in|on|for)"
        r"|told|tells|telling|speaking[<S>]+to|talking[<S>]+to"
        r"|in[<S>]+(?:remarks|comments|an?[<S>]+(?:interview|article|op-ed|column|paper|essay|post|report|letter))"
        r"[<S>]+(?:to|with|in|for|on))"
        r"[<S>]+(?:the[<S>]+)?(?:(?:journal|magazine|newspaper|website|blog|broadcaster)[<S>]+)?(?P<venue>" + _CAP_RUN + r")"
    ),
    "date_hint": r"[<D>]|day|last",  # a cheap test before the full pattern
    "date": r"\b(?P<date>" + _DATE_TEXT + r")\b",
    # the study an article reports on: "In findings published Wednesday in Science Advances"
    "study": (
        r"\bpublished[<S>]+(?:on[<S>]+)?(?:(?P<date>" + _DATE_TEXT + r")[<S>]+)?in[<S>]+(?:the[<S>]+)?(?:(?:journal|magazine)[<S>]+)?"
        r"(?P<venue>" + _CAP_RUN + r")(?:[<S>]+on[<S>]+(?P<date2>" + _DATE_TEXT + r"))?"
    ),
    # without classes, the same in any text: used from ``_PLAIN``
    "plain_text": r"[\x00-\x7f’“”‘—–…«»\xa0]*",
    "apostrophe_s": "['’][sS]",
    "sentence_stop": r"[.;:!?]",
}
_ANY = _Syntax({"<Lu>": r"\p{Lu}", "<Ll>": r"\p{Ll}", "<L>": r"\p{L}", "<N>": r"\p{N}", "<D>": r"\d", "<M>": r"\p{M}", "<S>": r"\s"},
               plain=False)
# <S> is what ``regex``'s \s takes in plain text (stdlib \s also takes U+001C-U+001F)
_PLAIN = _Syntax({"<Lu>": "A-Z", "<Ll>": "a-z", "<L>": "A-Za-z", "<N>": "0-9", "<D>": "0-9", "<M>": "", "<S>": r"\t\n\x0b\x0c\r \xa0"},
                 plain=True)
_PLAIN_WORD_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'’-"


class _Piece(NamedTuple):
    """Words of one stretch of the text, as lists by field."""

    starts: list[int]
    ends: list[int]
    texts: list[str]          # as written
    lows: list[str]           # in lower case, a possessive 's dropped
    capitalised: list[bool]
    possessive: list[bool]
    gaps: list[str]           # what stands before each word: the barrier before the first


def _no_words() -> _Piece:
    return _Piece([], [], [], [], [], [], [])


class _Mention:
    """A name with a role that makes its bearer an expert, in one sentence.  (A plain
    class: a dataclass costs about a millisecond to build at import.)"""

    __slots__ = ("name", "name_words", "extent", "descriptor", "affiliation", "sentence", "name_chars", "surname_start",
                 "kind", "premodifiers", "affiliation_by_of", "before_name", "words", "cited", "predicate")

    def __init__(self, name: tuple[int, int], name_words: tuple[str, ...], extent: tuple[int, int], descriptor: str,
                 affiliation: str | None, sentence, name_chars: tuple[int, int], surname_start: int, kind: str,
                 premodifiers: tuple[int, int], affiliation_by_of: bool = False) -> None:
        self.name = name                # word range of the name, in the words of its sentence
        self.name_words = name_words    # its words in lower case: who the person is
        self.extent = extent            # character range of descriptor, name and affiliation
        self.descriptor = descriptor
        self.affiliation = affiliation
        self.sentence = sentence
        self.name_chars = name_chars    # characters of the name, a final possessive 's left out
        self.surname_start = surname_start  # where the name's last word starts
        self.kind = kind
        self.premodifiers = premodifiers  # word range of the words before the role
        self.affiliation_by_of = affiliation_by_of  # "professor of Engineering": a weaker affiliation than "at X"
        self.before_name: tuple[str, ...] = ()  # words before the name of an appositive mention
        self.words: frozenset[str] = frozenset()  # lower-case words of descriptor and affiliation, once complete
        self.cited = False
        self.predicate = False          # described after a first mention: "Wong is a professor"


@auditor.hookimpl
def auditor_rules():
    return [Rule(RULE, "A researcher or expert cited by name: complete the citation (affiliation, where and when, interests).", "info")]


@auditor.hookimpl
def auditor_check_article(article):
    return _Reader(article).findings()


def _ascii_lower(text: str) -> bytes:
    """``text`` in lower case, one byte a character: each character whose lower case is not
    ASCII becomes "?", so a search for an ASCII word finds it where ``text.lower()`` has it
    (only the Kelvin sign lower-cases to an ASCII letter from outside ASCII)."""
    return text.replace("\u212a", "k").encode("ascii", "replace").lower()


def _trie(words: list[bytes]) -> bytes:
    """An alternation of ``words`` shaped as a trie (b"co(?:-a|a|l|o)"), which ends where
    the shortest word ends: it says where one of them begins, at a step per character."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[None] = {}

    def walk(node: dict) -> bytes:
        if None in node:
            return b""
        alternatives = [re.escape(bytes([ch])) + walk(child) for ch, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else b"(?:" + b"|".join(alternatives) + b")"

    return walk(root)


@functools.cache
def _start_needles() -> list[bytes]:
    """What is searched for where a role word begins: the first words of the role phrases
    (ASCII, as the lexicon is), each but one that begins with another ("professors",
    "prof"), which that one finds."""
    needles: list[bytes] = []
    for word in sorted(w.encode("ascii") for w in _ROLE_STARTS - set(_SUFFIXES)):
        if not (needles and word.startswith(needles[-1])):  # sorted: a word's prefix comes just before it
            needles.append(word)
    return needles


@functools.cache
def _role_word_patterns() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Where a role word may begin: a space, then the start of a role word with its
    hyphens made spaces (in ``_ascii_lower`` of the text with every character but a
    letter made a space); and whether one does begin (in ``_ascii_lower``)."""
    spaced = [word.replace(b"-", b" ") for word in _start_needles()]
    first_letters = bytes(sorted({word[0] for word in spaced}))  # tested first: most spaces go no further
    may_begin = b" (?=[" + first_letters + b"])(?=" + _trie(spaced) + b")"
    return re.compile(may_begin), re.compile(_trie(_start_needles()))


def _role_word_hits(text: str, low: bytes) -> list[int]:
    """Where a role word begins a word, or a discipline's ending ends one, in order.

    In a long text one pass of a stdlib ``re`` trie finds where the role words may
    begin, several times faster than a search for each word; in a short one the searches
    cost less than compiling the trie (about 4 ms).  A plain search finds each
    discipline's ending.  Each hit is checked to be at the right edge of its word.
    ``low`` is ``_ascii_lower(text)``.  (Lower-casing changes no character's class, so
    the edges are read in the text as written.)"""
    hits = set()
    if len(text) < _SHORT_TEXT:
        for word in _start_needles():
            i = low.find(word)
            while i >= 0:
                if not (i and text[i - 1].isalpha()):
                    hits.add(i)
                i = low.find(word, i + len(word))
    else:
        may_begin, begins = _role_word_patterns()
        for m in may_begin.finditer(b" " + low.translate(_LETTERS_ONLY)):
            i = m.start()  # the space stands before the text's first character: i is where the word begins
            if begins.match(low, i) and not (i and text[i - 1].isalpha()):
                hits.add(i)
    for suffix in _SUFFIX_NEEDLES:
        i = low.find(suffix)
        while i >= 0:
            after = i + len(suffix)
            after += low[after : after + 1] == b"s"
            if not text[after : after + 1].isalpha():
                hits.add(i)
            i = low.find(suffix, i + len(suffix))
    return sorted(hits)


def _stretches(text: str, hits: list[int], syntax: _Syntax) -> list[tuple[int, int]]:
    """The stretches of ``text`` around the role words at ``hits`` with a name near them, merged where they overlap."""
    stretches: list[tuple[int, int]] = []
    pairs = _NamePairs(text, syntax)
    for i in hits:
        if stretches and i < stretches[-1][1] - _STRETCH // 2:
            continue  # already read around an earlier hit
        start = i
        if i and text[i - 1].isalpha():  # a discipline's ending: back to the start of its word
            word_start = syntax.word_start.search(text, max(0, i - _WORD_LOOKBACK), i)
            start = word_start.start() if word_start else i
        words = syntax.following.match(text, start)
        if not words or not _is_role(words.group().lower()):
            continue
        pair = pairs.first_from(start - 150)
        if pair is None or pair > words.end() + 150:
            continue  # no name near the role words
        a, b = max(0, start - _STRETCH), min(len(text), words.end() + _STRETCH)
        if stretches and a <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], b)
        else:
            stretches.append((a, b))
    return stretches


class _NamePairs:
    """Where the capitalised name pairs of a text start, as one scan of the whole text finds
    them, read only around the places asked about (in order, give or take a word).

    A scan resumed just after a character that no pair holds (a comma, a quotation mark,
    a full stop after a small letter) finds what the whole scan finds from there on, so
    the text between places far apart is passed over."""

    def __init__(self, text: str, syntax: _Syntax) -> None:
        self.text = text
        self.syntax = syntax
        self.starts: list[int] = []
        self.lo = self.hi = 0  # every pair starting in [lo, hi) is in ``starts``

    def first_from(self, a: int) -> int | None:
        """The first place at or after ``a`` where a pair starts (None if there is none)."""
        a = max(a, 0)
        if a < self.lo:  # before the text read (places are asked about in order): read from the start
            self.starts, self.lo, self.hi = [], 0, 0
        elif a > self.hi + _PAIR_SKIP:  # far past it: resume the scan near ``a``, before any later place
            end = a - _WORD_LOOKBACK
            lo = max(self.hi, end - _PAIR_LOOKBACK)
            last_break = max(self.text.rfind(c, lo, end) for c in _PAIR_BREAKS)
            full_stop = self.text.rfind(".", lo, end)
            if full_stop > max(last_break, lo) and self.text[full_stop - 1].islower():  # a pair holds "." only after a capital
                last_break = full_stop
            if last_break >= 0:
                self.starts, self.lo = [], last_break + 1
                self.hi = self.lo
        while not (self.starts and self.starts[-1] >= a) and self.hi <= len(self.text):
            m = self.syntax.name_pair.search(self.text, self.hi)
            if m is None:
                self.hi = len(self.text) + 1
                break
            self.starts.append(m.start())
            self.hi = m.end()
        k = bisect.bisect_left(self.starts, a)
        return self.starts[k] if k < len(self.starts) else None


@functools.lru_cache(maxsize=4096)  # role words come back with the same words after them
def _is_role(following: str) -> bool:
    """Whether the words ``following`` (lower case) begin with a role phrase."""
    words = following.split()
    if any(" ".join(words[:n]) in _KINDS for n in range(1, len(words) + 1)):
        return True
    first = words[0] if words else ""
    return first.endswith(_ROLE_ENDINGS)


def _read_words(text: str, a: int, b: int, lo: int, hi: int, syntax: _Syntax) -> _Piece:
    """The words of the stretch ``[a, b)`` of ``text`` that begin in ``[lo, hi)``.

    The stretch is read as a whole would be: a word cut by its start or end is left out,
    and its first word has the barrier before it.  So has the first word returned when
    the stretch's first word lies before ``lo``: nothing reads what stands before that one."""
    scan = max(a, lo)
    if scan > a:  # ``lo`` may be inside a word: read from its beginning
        scan = syntax.run_start(text, a, scan)
    stop = min(b, hi)
    piece = text[scan:stop]
    parts = syntax.of(piece).word_split.split(piece)  # gap, word, ..., word, gap
    words = parts[1::2]
    if not words:
        return _no_words()
    offsets = list(accumulate(map(len, parts), initial=scan))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    if ends[-1] == stop < b:  # the last word runs on past ``hi``
        ends[-1] = syntax.word_rest.match(text, stop, b).end()
        words[-1] = text[starts[-1] : ends[-1]]
    first, last = 0, len(words)
    if starts[0] < lo:  # the end of a word begun before ``lo``
        first = 1
    elif a > 0 and text[a - 1].isalnum() and (scan == a or not syntax.word_character.search(text, a, scan)):
        first = 1  # the stretch's first word, cut
    if last > first and ends[-1] == b and text[b : b + 1].isalnum():  # the stretch's last word, cut
        last -= 1
    if first == last:
        return _no_words()
    if first or last < len(words):
        words, starts, ends = words[first:last], starts[first:last], ends[first:last]
    lows = list(map(str.lower, words))
    if _PLAIN.apostrophe_s.search(piece) or ends[-1] > stop:  # a possessive 's may be there
        possessive = [low.endswith(("'s", "’s")) for low in lows]
        lows = [low[:-2] if p else low for low, p in zip(lows, possessive)]
    else:
        possessive = [False] * len(words)
    capitalised = [w[0].isupper() for w in words]
    gaps = [_BARRIER] + parts[2 * first + 2 : 2 * last : 2]
    return _Piece(starts, ends, words, lows, capitalised, possessive, gaps)


class _Tokens:
    """Words of the text, in order, with what separates them, as lists by field
    (``lows[i]`` is word ``i`` in lower case): no object is built for each word.

    They come in pieces, each from one stretch of the text around role words (see
    ``_read_words``): a piece's first word has nothing before it, so no name or
    descriptor runs from one stretch into the next.
    """

    def __init__(self, article, pieces: list[_Piece]):
        self.article = article
        self.text = article.text
        if len(pieces) == 1:  # the usual case
            columns = pieces[0]
        elif pieces:
            columns = [[x for part in column for x in part] for column in zip(*pieces)]  # each field, piece after piece
        else:
            columns = _no_words()
        self.starts, self.ends, self.texts, self.lows, self.capitalised, self.possessive, self.gaps = columns
        self.spaced = list(map(str.isspace, self.gaps))        # only white space before word i
        self.comma = list(map(",".__eq__, map(str.strip, self.gaps)))  # a comma before word i

    def gap(self, i: int) -> str:
        """The characters between word ``i - 1`` and word ``i``."""
        return self.gaps[i]

    def quoted(self, offset: int) -> bool:
        return bool(self.article.quotes) and self.article.quote_at(offset) is not None

    def is_name(self, i: int) -> bool:
        return (
            self.capitalised[i]
            and not self.possessive[i]
            and self.lows[i] not in _NOT_NAMES
            and self.lows[i] not in _KINDS
            and not (len(self.texts[i]) > 1 and self.texts[i].isupper())  # an acronym: CBI, NPR
            and not self.quoted(self.starts[i])
        )

    def joined(self, i: int) -> bool:
        """Word ``i`` continues a name begun before it: a space, or the dot of an initial."""
        if self.spaced[i]:
            return True
        return self.gaps[i].rstrip() == "." and (len(self.texts[i - 1]) == 1 or self.lows[i - 1] in _TITLES)

    def role_at(self, i: int, hi: int) -> tuple[str, int] | None:
        longest = _LONGEST_ROLE if self.lows[i] in _PHRASE_STARTS else 1
        for n in range(min(longest, hi - i), 0, -1):
            if n > 1 and not all(self.spaced[k] for k in range(i + 1, i + n)):
                continue
            kind = _KINDS.get(" ".join(self.lows[i : i + n]))
            if kind:
                return kind, i + n
        low = self.lows[i]
        if low.endswith(_SUFFIXES):
            return "role", i + 1
        if low.endswith("s") and low[:-1].endswith(_SUFFIXES):
            return "plural", i + 1
        return None

    # -- names -------------------------------------------------------------
    def name_forward(self, i: int, hi: int) -> tuple[int, int] | None:
        """A name of two or more capitalised words starting at word ``i``."""
        parts: list[int] = []
        while i < hi and len(parts) < 4:
            if parts and not self.joined(i):
                break
            if self.is_name(i):
                parts.append(i)
            elif not (parts and self.lows[i] in _PARTICLES and i + 1 < hi and self.is_name(i + 1)):
                break
            i += 1
        return (parts[0], parts[-1] + 1) if len(parts) >= 2 else None

    def name_backward(self, i: int, lo: int, shortest: int = 2) -> tuple[int, int] | None:
        """A name of ``shortest`` or more capitalised words ending at word ``i``."""
        parts: list[int] = []
        end = i
        while i >= lo and len(parts) < 4:
            if parts and not self.joined(i + 1):
                break
            if self.is_name(i):
                parts.append(i)
            elif not (parts and self.lows[i] in _PARTICLES and i - 1 >= lo and self.is_name(i - 1)):
                break
            i -= 1
        return (parts[-1], end + 1) if len(parts) >= shortest else None

    def name_list(self, i: int, hi: int) -> list[tuple[int, int]]:
        """ "Ann Lee, Tom Ruiz and Mo Chen": the names of a list starting at word ``i``."""
        names = []
        while i < hi:
            name = self.name_forward(i, hi)
            if not name:
                break
            names.append(name)
            i = name[1]
            if i >= hi:
                break
            if self.comma[i] or (self.spaced[i] and self.lows[i] == "and"):
                if self.lows[i] == "and":
                    i += 1
                continue
            break
        return names

    def words(self, span: tuple[int, int]) -> tuple[str, ...]:
        return tuple(self.lows[span[0] : span[1]])

    def chars(self, span: tuple[int, int]) -> tuple[int, int]:
        """The characters of a word range, a final possessive 's left out."""
        last = span[1] - 1
        return self.starts[span[0]], self.ends[last] - (2 if self.possessive[last] else 0)

    # -- descriptors -------------------------------------------------------
    def premodifiers(self, i: int, lo: int) -> int:
        """The first word of the words before a role that describe it: "Gulf-backed Syria"."""
        first = i
        while first > lo and i - first < 6 and self.spaced[first]:
            prev = self.lows[first - 1]
            inside_a_name = prev == "of" and first - 2 >= lo and self.capitalised[first - 2] and self.capitalised[first]
            if (prev in _STOPS and not inside_a_name) or prev in _CUES or self.quoted(self.starts[first - 1]):
                break  # but "University of Chicago economist" reads on
            if prev == "and" and not (first - 2 >= lo and not self.capitalised[first - 2]):
                break  # "Smith and economist Roe": the "and" joins people, not descriptors
            first -= 1
        while first < i and self.lows[first] == "and":
            first += 1
        return first

    def field(self, i: int, hi: int) -> int:
        """After a role, "of economics and demography": the end of a field of study, or ``i``."""
        if i >= hi or self.lows[i] != "of" or not self.spaced[i]:
            return i
        j = i + 1
        while j < hi and j - i <= 6 and self.spaced[j]:
            low = self.lows[j]
            if self.capitalised[j] or low in _CUES or (low in _STOPS and low not in _FUNCTION_WORDS) or low in ("at", "in", "on", "to"):
                break
            j += 1
        if j == i + 1 or self.lows[j - 1] in _FUNCTION_WORDS:
            return i  # "of the University ...": an affiliation, not a field
        return j

    def organisation(self, i: int, hi: int) -> tuple[int, int] | None:
        """A named organisation starting at word ``i``: "the University of East Anglia's medical school"."""
        if i >= hi:
            return None
        start = i
        if self.lows[i] == "the" and i + 1 < hi and self.spaced[i + 1]:
            i += 1
        if not self.capitalised[i]:
            return None
        end = i
        while i < hi and i - start < 12:
            low = self.lows[i]
            if i > start and not (self.spaced[i] or self.gap(i).replace("&", " ").isspace()):
                break
            if low in _CUES or low in ("who", "which", "that", "where", "when", "whose"):
                break
            if self.capitalised[i]:
                end = i + 1
                if self.possessive[i]:  # "Intel's photonics technology lab"
                    for k in range(i + 1, min(i + 5, hi)):
                        if self.capitalised[k] or not self.spaced[k]:
                            break
                        if self.lows[k] in _ORG_WORDS:
                            i, end = k, k + 1
                            break
            elif low not in _FUNCTION_WORDS:
                break
            i += 1
        return (start, end) if end > start else None

    def affiliation(self, i: int, hi: int, comma_ok: bool) -> tuple[str | None, int, bool]:
        """The employer named after a mention ("at Fannie Mae", "of Evolution Securities",
        ", from the Welsh Institute"), the word where the mention ends, and whether it came by "of"."""
        if i + 1 < hi and self.lows[i] in ("at", "of", "from", "with", "for") and (self.spaced[i] or (comma_ok and self.comma[i])):
            org = self.organisation(i + 1, hi)
            if org:
                start, end = self.chars(org)
                return self.text[start:end], org[1], self.lows[i] == "of"
        return None, i, False

    def affiliation_before(self, first: int, role: int) -> str | None:
        """An employer among the words before a role: "CBI", "Citigroup senior", "Chinese University"."""
        capitalised = self.capitalised[first:role]
        if not any(capitalised):
            return None
        lows, possessive, texts = self.lows[first:role], self.possessive[first:role], self.texts[first:role]
        best = None
        k = 0
        while k < len(lows):
            if not capitalised[k]:
                k += 1
                continue
            j = k
            while j < len(lows) and (capitalised[j] or (lows[j] == "of" and j + 1 < len(lows) and capitalised[j + 1])):
                j += 1
                if possessive[j - 1]:  # "Penn State's Wormley Chair": the owner ends at 's
                    break
            run = k  # the run of words [run, j), ranks aside
            while j - run > 1 and lows[run] in _RANKS:
                run += 1
            following = lows[j] if j < len(lows) else None
            if (
                any(low in _ORG_WORDS for low in lows[run:j])
                or any(possessive[run:j])
                or any(len(w) > 2 and w.isupper() for w in texts[run:j])
                or (following in _RANKS and lows[j - 1] not in _RANKS)
            ):
                best = self.text[self.starts[first + run] : self.ends[first + j - 1]]
                if possessive[j - 1]:
                    best = best[: -2]
            k = j
        return best


class _SentenceWords(_Tokens):
    """The words of one sentence within the stretches read, and the people its role words describe."""

    def __init__(self, reader: _Reader, sentence, pieces: list[_Piece]):
        super().__init__(reader.article, pieces)
        self.reader = reader
        self.sentence = sentence
        self.attributed = bool(reader.article.attributions_in(sentence))

    def read_role(self, sentence, i: int, kind: str, end: int, lo: int, hi: int) -> list[_Mention]:
        first = self.premodifiers(i, lo)
        out = []
        # "economist Ian McCafferty", "lead author Professor David Livermore", "chief economist, Steve Radley"
        j = self.field(end, hi) if kind != "title" else end
        desc_end = self.ends[j - 1]
        titles_end = min(hi, j + _MAX_TITLES)  # a longer run is not a person's titles, and would cost its square
        while j < titles_end and self.lows[j] in _TITLES_OR_HONORIFICS and self.joined(j):
            if self.lows[j] in _TITLES:
                desc_end = self.ends[j]
            j += 1
        if kind == "plural" and j + 2 < hi and self.words((j, j + 2)) == ("led", "by") and self.spaced[j + 1]:
            j += 2  # "researchers led by Anna Berg": the leader speaks for the study
            kind = "role"
        if kind != "appositive" and j < hi and (self.joined(j) or (kind != "title" and self.comma[j])):
            names = self.name_list(j, hi) if kind == "plural" else [n for n in [self.name_forward(j, hi)] if n]
            for name in names:
                affiliation, stop, by_of = (None, names[-1][1], False) if kind == "plural" else self.affiliation(name[1], hi, comma_ok=True)
                extent_end = self.ends[stop - 1]
                out.append(self.mention(sentence, name, (first, i), desc_end, affiliation, by_of, extent_end, kind))
            if out:
                return out
        if kind in ("title", "plural"):
            return out
        # "Ken Kim, an analyst at Stone Research", "David Bloom, professor of economics at Harvard"
        start = first
        if start > lo and self.lows[start - 1] in ("a", "an", "the") and self.spaced[start]:
            start -= 1
        if start - 1 > lo and self.lows[start - 1] in ("is", "was") and self.spaced[start]:
            return self.read_predicate(sentence, start - 2, first, i, end, lo, hi, kind)
        if start <= lo or not self.comma[start]:
            return out
        name = self.name_backward(start - 1, lo, shortest=1)
        if not name:
            return out
        words = self.words(name)
        if len(words) == 1:  # "Ortiz, a hydrologist at ...": someone named in full before
            words = self.reader.full_name(words[0], self.starts[name[0]])
            if not words:
                return out
        desc_start = start
        if name[0] > lo and self.lows[name[0] - 1] in _TITLES and self.joined(name[0]):
            desc_start = name[0] - 1  # "Dr Mario Paniccia, director of ..."
        j = self.field(end, hi)
        affiliation, stop, by_of = self.affiliation(j, hi, comma_ok=False)
        extent_end = self.ends[stop - 1]
        mention = self.mention(sentence, name, (first, i), self.ends[j - 1], affiliation, by_of, extent_end, kind, desc_start)
        mention.descriptor = self.text[self.starts[start] : self.ends[j - 1]]
        mention.extent = (self.starts[name[0]] if desc_start == start else mention.extent[0], extent_end)
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
            words = self.reader.full_name(words[0], self.starts[name[0]])
            if not words:
                return []
        j = self.field(end, hi)
        affiliation, stop, by_of = self.affiliation(j, hi, comma_ok=False)
        mention = self.mention(sentence, name, (first, role), self.ends[j - 1], affiliation, by_of, self.ends[j - 1], kind)
        mention.extent = (self.starts[name[0]], self.ends[stop - 1])
        mention.name_words = words
        mention.predicate = True
        return [mention]

    def mention(self, sentence, name, premodifiers, desc_end: int, affiliation, by_of: bool, extent_end: int, kind: str, first: int | None = None) -> _Mention:
        first = premodifiers[0] if first is None else first
        descriptor = self.text[self.starts[first] : desc_end]
        start = min(self.starts[first], self.starts[name[0]])
        return _Mention(name, self.words(name), (start, extent_end), descriptor, affiliation, sentence, self.chars(name),
                        self.starts[name[1] - 1], kind, premodifiers, by_of)

    def complete(self, m: _Mention) -> None:
        """Fill what only a cited mention needs: the employer among its pre-modifiers, its words."""
        before = self.affiliation_before(*m.premodifiers)
        if before and (not m.affiliation or m.affiliation_by_of):  # "Penn State's Professor of Engineering"
            m.affiliation = before
        m.words = frozenset(_words(m.descriptor + " " + (m.affiliation or "")))

    def is_cited(self, m: _Mention) -> bool:
        """Whether the mention's words or work are cited in its sentence."""
        start, end = m.extent
        for a in self.article.attributions_in(m.sentence):
            if a.source and a.source.overlaps(start, end):
                return True
        lo, hi = 0, len(self.lows)
        before = bisect.bisect_left(self.starts, start)
        # "said economist Jane Roe", "according to analyst Jane Roe"
        if before > lo and not _PLAIN.sentence_stop.search(self.gap(before)):
            prev = self.lows[before - 1]
            if prev in _CUES or (prev == "to" and before - 2 >= lo and self.lows[before - 2] == "according"):
                return True
        # "Jane Roe, an analyst at X, in remarks to Y, said"
        after = bisect.bisect_left(self.starts, end)
        for k in range(after, min(after + 8, hi)):
            if self.quoted(self.starts[k]) or _PLAIN.sentence_stop.search(self.gap(k)):
                break
            if self.lows[k] in _CUES:
                return True
        return False


class _Reader:
    """Reads one article: the stretches around its role words, then the people they describe."""

    def __init__(self, article):
        self.article = article
        self.text = article.text
        self.syntax = _ANY.of(self.text)
        self.low = _ascii_lower(self.text)
        self.hits = _role_word_hits(self.text, self.low)
        self.stretches = _stretches(self.text, self.hits, self.syntax)
        self._stretch_ends = [b for _, b in self.stretches]
        self._occurrences: dict[str, list[tuple[int, int]]] = {}
        self._names: dict[str, list[tuple[int, int]]] | None = None
        self._lowered: str | None = None
        self._study: tuple[str | None, str | None] | None = None
        self._source_words: set[str] | None = None
        self._cues: list[int] | None = None
        self._word_starts: list[int] = []

    def sentence_words(self, sentence) -> _SentenceWords:
        """The words of ``sentence`` within the stretches."""
        pieces = []
        k = bisect.bisect_right(self._stretch_ends, sentence.start)
        while k < len(self.stretches) and self.stretches[k][0] < sentence.end:
            a, b = self.stretches[k]
            pieces.append(_read_words(self.text, a, b, sentence.start, sentence.end, self.syntax))
            k += 1
        return _SentenceWords(self, sentence, pieces)

    def mentions(self) -> Iterator[tuple[_SentenceWords, _Mention]]:
        """Each mention the role words make, in order, with the words of its sentence.

        The role words come in order, so a sentence's words are read when its first role
        word comes, and let go after its last."""
        sources = self.has_sources()
        previous = -1
        words = None
        title: tuple[_SentenceWords | None, int] = (None, -1)  # the title word read or passed over last
        for hit in self.hits:
            k = bisect.bisect_right(self._stretch_ends, hit)
            if k == len(self.stretches) or self.stretches[k][0] > hit:
                continue  # outside the stretches read
            # the word the hit is in, as the stretch's words have it
            a, b = self.stretches[k]
            run = self.syntax.run_start(self.text, a, hit)
            start = self.syntax.word_character.search(self.text, run, hit + 1).start()
            if start == previous:
                continue  # another hit in the same word
            previous = start
            low = self.text[start : self.syntax.word_rest.match(self.text, hit, b).end()].lower()
            if low.endswith(("'s", "’s")):
                low = low[:-2]
            if not (low in _ROLE_STARTS or low.endswith(_ROLE_ENDINGS)):
                continue  # not a role word: "leaders", "director-general"
            if self.article.quotes and self.article.quote_at(start) is not None:
                continue
            sentence = self.article.sentence_at(start)
            if sentence is None:
                continue
            if words is None or words.sentence is not sentence:
                words = self.sentence_words(sentence)
            i = bisect.bisect_left(words.starts, start)
            if i == len(words.starts) or words.starts[i] != start:
                continue  # a word cut by the stretch's edge
            if not (sources or words.attributed or self.cue_near(start)):
                continue  # nothing near could cite this person: skip the reading
            hi = len(words.lows)
            role = words.role_at(i, hi)
            if role and role[0] == "title":
                within_run = title == (words, i - 1) and words.joined(i)
                title = (words, i)
                if within_run:
                    continue  # "Professor Dr Jane Roe": the run's first title reads the titles after it
            if role:
                for m in words.read_role(sentence, i, role[0], role[1], 0, hi):
                    yield words, m

    def cue_near(self, start: int) -> bool:
        """Whether a citation cue is among the 20 words before and 45 after the word at
        ``start``, counting the words of all stretches as one list.  Needed only in an
        article without a sourced attribution, so the stretches are read whole then."""
        if self._cues is None:
            every = _Tokens(self.article, [_read_words(self.text, a, b, a, b, self.syntax) for a, b in self.stretches])
            self._word_starts = every.starts
            self._cues = [i for i, low in enumerate(every.lows) if low in _CUES]
        i = bisect.bisect_left(self._word_starts, start)
        k = bisect.bisect_left(self._cues, i - 20)
        return k < len(self._cues) and self._cues[k] <= i + 45

    # -- the whole text ----------------------------------------------------
    def occurrences(self, word: str) -> list[tuple[int, int]]:
        """The first ``_LOOKBACK`` places where a capitalised word occurs in the text, a possessive 's aside."""
        found = self._occurrences.get(word)
        if found is None:
            if self._names is None and len(self._occurrences) < _SEARCHED_NAMES:
                found = self.search_capitalised(word)
            else:
                found = self.capitalised_words().get(word, [])[:_LOOKBACK]
            self._occurrences[word] = found
        return found

    def capitalised_words(self) -> dict[str, list[tuple[int, int]]]:
        """Every capitalised word of the text by its lower case, possessive 's aside (listed once)."""
        if self._names is None:
            self._names = {}
            for m in self.syntax.capitalised.finditer(self.text):
                low = m.group().lower()
                self._names.setdefault(low[:-2] if low.endswith(("'s", "’s")) else low, []).append(m.span())
        return self._names

    def search_capitalised(self, word: str) -> list[tuple[int, int]]:
        """The first ``_LOOKBACK`` of ``capitalised_words()[word]``, found by a plain search for
        ``word`` in the text in lower case.

        A capitalised word runs from the first capital of a run of word characters to the
        run's end; a place where ``word`` is found counts when it is such a start."""
        if word.isascii():
            haystack, needle = self.low, word.encode()
        else:
            if self._lowered is None:
                self._lowered = self.text.lower()
            if len(self._lowered) != len(self.text) or "σ" in word or "ς" in word:
                return self.capitalised_words().get(word, [])[:_LOOKBACK]  # lower case moves places ("İ"), or depends on them
            haystack, needle = self._lowered, word
        text, syntax = self.text, self.syntax
        found = []
        run_end = 0  # the end of the last capitalised word looked at
        i = haystack.find(needle)
        while i >= 0 and len(found) < _LOOKBACK:
            if i >= run_end and text[i].isupper() and syntax.upper.match(text, i):  # (isupper: a cheap first test)
                run = syntax.run_start(text, run_end, i)
                m = syntax.capitalised.match(text, syntax.upper.search(text, run, i + 1).start())
                run_end = m.end()
                low = m.group().lower()
                if m.start() == i and (low[:-2] if low.endswith(("'s", "’s")) else low) == word:
                    found.append(m.span())
            i = haystack.find(needle, i + 1)
        return found

    def find_surnames(self, words: list[str]) -> None:
        """Fill ``occurrences`` for many surnames with one pass over the text, where searching
        for each in turn would read a long text once a name (in ASCII: the others are
        searched for one by one when asked for).

        The pass finds each place where a capital starts one of the names (a trie of them,
        in any case after the capital, in the text as ASCII); each is checked to be a
        capitalised word that is the name, as ``search_capitalised`` does."""
        wanted = {w for w in words if w not in self._occurrences and w.isascii()}
        if not wanted or self._names is not None or len(wanted) * len(self.text) < _ONE_PASS_WORK:
            return  # every capitalised word is listed already, or searching for each costs little
        if len(wanted) > _ONE_PASS_NAMES:
            self.capitalised_words()  # a pattern of so many names costs more to build than the list
            return
        by_capital: dict[bytes, list[bytes]] = {}
        for word in wanted:
            by_capital.setdefault(word[:1].upper().encode(), []).append(word[1:].encode())
        # a capital, then (looking ahead) the rest of a name in any case: stdlib ``re`` skips to the capitals
        name_starts = re.compile(b"|".join(re.escape(c) + b"(?=(?i:" + _trie(rests) + b"))" for c, rests in sorted(by_capital.items())))
        found: dict[str, list[tuple[int, int]]] = {w: [] for w in wanted}
        text, syntax = self.text, self.syntax
        run_end = 0  # the end of the last capitalised word looked at
        for start in name_starts.finditer(text.replace("\u212a", "K").encode("ascii", "replace")):
            i = start.start()
            if i < run_end:
                continue  # inside a capitalised word begun before
            run = syntax.run_start(text, run_end, i)
            m = syntax.capitalised.match(text, syntax.upper.search(text, run, i + 1).start())
            run_end = m.end()
            low = m.group().lower()
            key = low[:-2] if low.endswith(("'s", "’s")) else low
            if m.start() == i and key in found and len(found[key]) < _LOOKBACK:
                found[key].append(m.span())
        self._occurrences.update(found)

    def name_ending(self, end: int, shortest: int, keep: int = 4) -> tuple[tuple[str, ...], tuple[int, int]] | None:
        """The name (its last ``keep`` words) whose last word ends at ``end``, read from the text before it."""
        start = max(0, end - 100)
        local = _Tokens(self.article, [_read_words(self.text, start, end, start, end, self.syntax)])
        if not local.lows:
            return None
        last = len(local.lows) - 1
        local.possessive[last] = False  # "Lister's report": the name is still Lister
        name = local.name_backward(last, 0, shortest)
        if not name:
            return None
        name = (max(name[0], name[1] - keep), name[1])
        return local.words(name), local.chars(name)

    def full_name(self, surname: str, before: int) -> tuple[str, ...] | None:
        """The words of the first full mention of someone called by ``surname`` before ``before``."""
        for start, end in self.occurrences(surname):
            if start >= before:
                break
            found = self.name_ending(end, shortest=2)
            if found and found[0][-1] == surname:
                return found[0]
        return None

    def is_expert(self, m: _Mention) -> bool:
        words = m.words
        before_name = set(m.before_name) if m.before_name[:1] not in (("former",), ("ex",)) else set()
        descriptor_words = _words(m.descriptor) | before_name  # "Former Treasury Secretary X, a Harvard economist": an expert now
        if descriptor_words & _NOT_EXPERTS or words & _LEX["partisan_bodies"]:
            return False  # an official, a company voice, a party's strategist
        if m.kind == "head":
            return bool(words & _RESEARCH_BODIES) or bool(descriptor_words & _TITLES)
        if m.kind == "author":
            return bool(descriptor_words & _LEX["author_premodifiers"]) or bool(words & {"study", "report", "paper"})
        return True

    def has_sources(self) -> bool:
        """Whether any attribution's source (or what it resolves to) has a word."""
        for a in self.article.attributions:
            if a.source:
                source = a.source.text + " " + (a.resolved or "")
                if self.syntax.of(source).word.search(source):
                    return True
        return False

    def source_words(self) -> set[str]:
        """The words of every attribution's source (and what it resolves to) in the article."""
        if self._source_words is None:
            self._source_words = _words("\n".join(a.source.text + " " + (a.resolved or "") for a in self.article.attributions if a.source))
        return self._source_words

    def surname_cited(self, m: _Mention) -> bool:
        """An attribution elsewhere credits the person by surname: "Mr Kim added", "according to Soufan"."""
        return m.name_words[-1] in self.source_words()

    def first_mention(self, m: _Mention) -> tuple[int, int]:
        """The characters of the first mention of the name, as written: the finding's span."""
        seen = self.occurrences(m.name_words[-1])
        if not m.predicate and seen and seen[0][0] == m.surname_start:
            return m.name_chars  # the surname's first occurrence is this mention
        for start, end in seen:
            found = self.name_ending(end, shortest=len(m.name_words), keep=len(m.name_words))
            if found and found[0] == m.name_words:
                return found[1]
        return m.name_chars

    def study(self) -> tuple[str | None, str | None]:
        """Venue and date of the study an article reports, when it says where it was published."""
        if self._study is None:
            m = self.syntax.study.search(self.text)
            self._study = (m.group("venue"), m.group("date") or m.group("date2")) if m else (None, None)
        return self._study

    def near(self, sentence, start: int, end: int) -> tuple[int, str]:
        """The part of ``sentence`` within a few lines of ``[start, end)``: where its venue and date are."""
        lo, hi = max(sentence.start, start - _NEAR), min(sentence.end, end + _NEAR)
        return lo, self.text[lo:hi]

    def venue_in(self, sentence, start: int, end: int) -> str | None:
        base, text = self.near(sentence, start, end)
        for v in self.syntax.venue.finditer(text):
            if not self.article.quote_at(base + v.start()) and not self.syntax.date.fullmatch(v.group("venue")):
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
        for d in self.syntax.date.finditer(text) if self.syntax.date_hint.search(text) else ():
            if not self.article.quote_at(base + d.start()):
                date = d.group("date")
                break
        if not venue:  # "Writing in the journal Nature, Dr Paniccia ..." in another sentence
            seen = {sentence.index}
            for start, end in self.occurrences(m.name_words[-1]):
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
        for words, m in self.mentions():
            m.cited = not m.predicate and words.is_cited(m)
            if m.cited or m.predicate or self.surname_cited(m):
                words.complete(m)
                if self.is_expert(m):
                    people.setdefault(m.name_words, []).append(m)
        out = []
        self.find_surnames([name[-1] for name in people])
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
    found = _ANY.of(text).word.findall(text)
    # each word in lower case, lowered together: a line break stands between them, so none affects another's
    return set("\n".join(found).lower().split("\n")) if found else set()

