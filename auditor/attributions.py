"""The attribution finder: every act of attributing information to a source.

Read top to bottom, it works sentence by sentence:

1. **Words.**  A sentence is cut into word and punctuation tokens, each marked
   with whether it lies inside a quotation (the core's quotation tracking).
2. **Cues.**  Outside quotations it looks for cues: reporting verbs ("said",
   "wrote in Foreign Policy on 24 January that"), with their auxiliaries
   ("has also noted"); phrases that put the source after them ("according to",
   "citing"); adverbs that attribute without a source ("reportedly"); agentless
   passives ("it was reported", "has been criticized"); and attribution nouns
   with a clause ("claims that", "allegations of"); commentators in a "with"
   clause ("with analysts blaming ...").  Words that are as often nouns
   ("reports", "states") count only between a subject and a clause.
3. **Source.**  For a verb, the subject noun phrase on its left (appositives
   and all: "Jane Roe, a spokeswoman for the ministry,"), the phrase after an
   inverted verb ("..., said Jane Roe"), or for a participle or a second verb
   ("..., adding that"; "issued a statement and said"; "signed a letter
   urging") the subject of the clause; for "according to" and "citing", and
   for a passive ("was criticized by experts as"), the phrase after.
4. **Content and form.**  What is attributed: the clause after the cue, or the
   quotation or clause before a parenthetical "he said".  Its form is
   ``direct`` when it is all inside quotation marks and not introduced as
   reported speech ("that", "as"), ``mixed`` when it is partly quoted or quoted
   after "that", ``indirect`` otherwise, ``belief`` for mental states.
5. **Kind.**  The head of the source phrase decides: a proper name (person or
   organisation), an office ("the spokesman for ..."), a document ("the
   statement"), or people or media a reader cannot identify ("officials",
   "local media", "a person familiar with the matter").
6. **Reference.**  Pronouns and anaphors are resolved to a name given earlier:
   "he" to the last person named, "the militia" to the last organisation
   described as one, "the statement" to whoever issued it, "who" to the phrase
   it follows.

Every step looks at a bounded window of tokens around a cue, so the work is
linear in the length of the article.  It is the default implementation of the
``auditor_find_attributions`` hook; a plugin may replace it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from typing import Iterator

from .lexicon import load_lexicon
from .model import ATTRIBUTION_ORDER, Article, Attribution, Quote, Sentence, Span

_LEX = load_lexicon("attribution")

# -- lexicons -------------------------------------------------------------------


def _inflections(line: str) -> tuple[str, list[str]]:
    """``"say | said says saying"`` or a regular ``"warn"``: the base and its forms."""
    base, _, irregular = line.partition("|")
    base = base.strip()
    if irregular.strip():
        particle = base.partition(" ")[2]  # "point out | pointed points pointing"
        return base, [base, *(f"{f} {particle}".strip() for f in irregular.split())]
    *head, verb = base.split()
    prefix = " ".join(head) + " " if head else ""
    if verb.endswith("e"):
        forms = [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms = [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms = [verb, verb + "es", verb + "ed", verb + "ing"]
    else:
        forms = [verb, verb + "s", verb + "ed", verb + "ing"]
    return base, [prefix + f for f in forms]


def _verb_table(lex, *sections: str) -> dict[str, str]:
    """Every form of the verbs of ``sections``, mapped to its base form."""
    table: dict[str, str] = {}
    for section in sections:
        for line in lex.get(section, ()):
            base, forms = _inflections(line)
            for form in forms:
                table.setdefault(form, base)
    return table


_PARTICIPLES_PASSIVE = frozenset("said told written shown found known thought understood felt read forecast".split())
# Agentless passives that still attribute: "it was reported", "has been criticized".
_SOURCELESS_PASSIVE = frozenset(
    """reported said described alleged claimed rumoured rumored understood told quoted cited
    criticized criticised accused blamed identified projected estimated predicted forecast
    mentioned questioned condemned slammed blasted dubbed ridiculed derided""".split()
)
_IT_PASSIVE = frozenset("believed thought understood known expected feared hoped suspected assumed".split())
_BE = frozenset("is are was were be been being am 's".split())
_PERSONAL = frozenset("he she him her his hers i me my we us our you your".split())
_PLURAL_PRONOUNS = frozenset("they them their".split())
_RELATIVE = frozenset("who which that whom".split())
_CLAUSE_AUX = frozenset(
    """will would could should may might can must is are was were has have had does did won’t won't
    weren't wasn't isn't aren't hasn't haven't hadn't don't doesn't didn't wouldn't can't couldn't
    weren’t wasn’t isn’t aren’t hasn’t haven’t hadn’t don’t doesn’t didn’t wouldn’t can’t couldn’t""".split()
)
_FINITE = frozenset("went came made took gave got saw knew thought found told said became left began won lost held led ran kept sent spent paid meant grew fell rose sold bought brought fought".split())
# Verbs that may come before their subject: "“...,” said Jane Roe".
_INVERTING = frozenset(
    """said says added adds asked asks continued explained wrote writes noted notes recalled insisted
    argued warned replied admitted declared stated cautioned concluded observed suggested
    tweeted reported reports acknowledged conceded""".split()
)
_CALL = frozenset("call calls called calling".split())
_CALLED_OBJECTS = frozenset("him her it them this us me".split())  # "called it a failure"
_REPORT_NOUNS = frozenset("reports report accounts account estimates estimate polls tallies counts".split())
_FUNCTION_WORDS = frozenset("and but or nor that which while when whenever after before because since as if unless until although though whereas than so yet where whether what how why then also not".split())
_ASPECTUAL = frozenset("continued continue continues began begin begins started start starts used tend tends tended appeared appear appears seemed seem seems went".split())
_OBJECT_PRONOUNS = frozenset("him them me us".split())
_PARTITIVES = frozenset("number numbers group groups handful chorus couple majority minority host series lot lots bunch one two three several".split())
_SUBJECT_PRONOUNS = frozenset("he she it they we i you there this these those".split())
# Words after which an -ing form hangs on the clause's subject: "..., saying", "after saying".
_PARTICIPLE_LINKS = frozenset("while after before by when and also without in from for of about on upon despite since".split())
# After these, "saying", "warning", "writing" ... are what the clause's subject did ("responded
# by saying that ..."), not nouns; after "for" or "of" they may be someone else's ("thanked him for saying").
_GERUND_LINKS = frozenset("by after before while when in despite since upon".split())
# Words that open a sentence before a comma without being its subject: "Meanwhile, it said ..."
_CONNECTIVES = frozenset(
    """meanwhile however still instead later earlier separately moreover furthermore nevertheless
    nonetheless indeed thus therefore hence afterwards afterward then now finally additionally
    elsewhere overall similarly likewise otherwise besides meantime ultimately previously
    recently initially eventually yesterday today""".split()
)
_STUDY_AUTHORS = frozenset("authors researchers scientists team".split())
_ADJECTIVE_SLOT = frozenset("the a an most more less least its his her their this that these those".split())
_MODALS = frozenset("will would can could should may might must do does did not never to n't n’t has have had".split())
# Mental states named by a noun: "economists' expectations", "their fears that".
_BELIEF_NOUNS = frozenset("expectations expectation concerns fears hopes belief beliefs view views".split())
_ADDRESSING = frozenset("tell inform assure warn remind advise".split())
_NP_OPENERS = frozenset("the a an this these those his her their its our".split())
# Participles that, before "to", make a reduced passive: "a man said to be armed".
_RAISING = frozenset("said reported believed thought known alleged rumoured rumored understood expected feared".split())
_NAMING = frozenset("dubbed named labeled labelled branded called nicknamed titled".split())
_NUMBERS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty thirty forty fifty hundred thousand million dozens hundreds".split())
_NEGATIONS = frozenset("not never n't n’t didn't didn’t doesn't doesn’t don't don’t won't won’t wouldn't wouldn’t hasn't hasn’t haven't haven’t hadn't hadn’t".split())
_COMMITTING = frozenset("agree agreed agrees agreeing promise promised promises vow vowed vows pledge pledged pledges threaten threatened threatens urge urged urges".split())
_SELF_PRONOUNS = frozenset("he she it they we i".split())
_INTENTIONS = frozenset("want hope expect fear prefer".split())
_AS_VERBS = ("describ", "characteri", "portray", "label", "dismiss", "brand", "hail", "prais", "criticiz", "criticis", "den", "reject", "cast")
_WH = frozenset("whether if why how what when where who which".split())
_QUOTED_AS = frozenset("quoted cited reported".split())  # "X was quoted as saying": X said it (_passive leaves it to _participle)
# Parties: their plural names a body ("Democrats said"), unlike a people ("Mexicans say").
_CREDIT_LINES = frozenset("source sources credit credits photo photograph picture image data".split())
_HEDGES = frozenset("perhaps maybe possibly probably apparently presumably reportedly also again even".split())
# What people sign or publish, that then says something: "a letter urging ..."
_WRITINGS = frozenset("letter letters statement petition memo op-ed column resolution editorial".split())
# People who comment for a living: "with analysts expecting ..."
_COMMENTATORS = frozenset("analysts experts economists observers critics commentators strategists pollsters".split())
_PARTIES = frozenset("democrats republicans conservatives liberals tories socialists communists greens".split())
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday week weekend month year
    morning afternoon evening night day today yesterday tonight january february march april
    may june july august september october november december""".split()
)


def _by_first_word(phrases) -> dict[str, list[list[str]]]:
    """Phrases indexed by their first word, longest first, so a token is tried
    only against the phrases that can start with it."""
    index: dict[str, list[list[str]]] = {}
    for words in sorted((p.split() for p in phrases), key=len, reverse=True):
        index.setdefault(words[0], []).append(words)
    return index


def _trie_pattern(words) -> str:
    """One alternation shaped as a trie ("sa(?:id|ys)"), so matching costs a
    step per character whatever the number of words, and never backtracks far."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        alternatives = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 and not ends else "(?:" + "|".join(alternatives) + ")"
        return body + ("?" if ends else "")

    return walk(root)


class _LazyTrie:
    """Finds the next whole word of a set (or the mark ":" or "―"): a trie pattern of
    the words' first four letters stops at a candidate, the set settles it.  Compiling
    a trie of the ~650 whole words cost more than scanning 200 KB with it; the one of
    their ~190 beginnings compiles three times faster.  Compiled when first used: a
    short article never needs it."""

    _PREFIX = 4

    def __init__(self, words) -> None:
        self.words = frozenset(w for w in words if w.isalpha())
        self._compiled: re.Pattern[str] | None = None

    def search(self, text: str, pos: int):
        if self._compiled is None:
            beginnings = sorted({w[: self._PREFIX] for w in self.words})
            self._compiled = re.compile(r"\b" + _trie_pattern(beginnings) + r"\w*|[:―]")
        search, words = self._compiled.search, self.words
        while (m := search(text, pos)) is not None and m.group() not in words and m.group() not in ":―":
            pos = m.end()  # another word with the same beginning
        return m


def _use_lexicon(lex: dict[str, frozenset[str]]) -> None:
    """Build every table the finder reads from the lexicon ``lex``."""
    global _ATTRIBUTION_NOUNS, _BASE, _AUX, _BELIEF, _BELIEF_ADJECTIVES, _BREAKS, _COUNTRIES, _CUE_WORDS, _DESCRIPTIVE, _DET, _DOC, _DOCUMENT_VERBS, _MAY_HAVE_CUE, _MEDIA, _NEEDS_CLAUSE, _NOUN_LIKE, _NP_PREP, _ORG_SORTS, _ORG_WORDS, _PHRASAL, _PREP, _PRONOUNS, _SOURCELESS, _SOURCE_PREPOSITIONS, _SPEECH, _STATE_BODIES, _TITLES, _TRIGGERS, _UNNAMED, _VAGUE
    _SPEECH = _verb_table(lex, "speech_verbs", "complement_verbs", "document_verbs")
    _BELIEF = _verb_table(lex, "belief_verbs")
    _BASE = {**_BELIEF, **_SPEECH}
    _NEEDS_CLAUSE = frozenset(_verb_table(lex, "complement_verbs"))
    _DOCUMENT_VERBS = frozenset(_verb_table(lex, "document_verbs"))
    _NOUN_LIKE = lex["noun_like_forms"]
    # Multi-word verbs ("point out") by their first word.
    _PHRASAL = {}
    for _form in list(_SPEECH) + list(_BELIEF):
        if " " in _form:
            _PHRASAL.setdefault(_form.split()[0], []).append(_form.split())

    _SOURCE_PREPOSITIONS = _by_first_word(lex["source_prepositions"])
    _SOURCELESS = _by_first_word(lex["sourceless_cues"])
    _ATTRIBUTION_NOUNS = lex["attribution_nouns"]
    _BREAKS = lex["clause_breaks"]
    _AUX = lex["auxiliaries"]
    _NP_PREP = lex["np_prepositions"]
    _PREP = lex["prepositions"]
    _DET = lex["determiners"]
    _VAGUE = lex["vague_quantifiers"]
    _PRONOUNS = lex["pronouns"]
    _DOC = lex["document_nouns"]
    _MEDIA = lex["media_nouns"]
    _UNNAMED = lex["unnamed_nouns"]
    _TITLES = lex["title_nouns"]
    _ORG_WORDS = lex["org_words"]
    _DESCRIPTIVE = lex["descriptive_capitals"]
    _STATE_BODIES = lex["state_bodies"]
    _COUNTRIES = lex["countries"]
    _BELIEF_ADJECTIVES = lex["belief_adjectives"]
    # Each line of [org_nouns] is one sort of body; a word maps to every sort it is in.
    _ORG_SORTS = {}
    for _n, _line in enumerate(sorted(lex["org_nouns"])):
        for _word in _line.split():
            _ORG_SORTS.setdefault(_word, set()).add(_n)
    # A cheap test that a sentence may hold a cue at all (most do not need tokens).
    # A phrase counts by its longest word: "in the words of" by "words", "it is
    # understood" by "understood", so that "in", "it" and "as" select nothing.
    _CUE_WORDS = frozenset(
        {f.split()[0] for f in _SPEECH}
        | {f.split()[0] for f in _BELIEF}
        | {max(p.split(), key=len) for p in lex["source_prepositions"] | lex["sourceless_cues"]}
        | set(_ATTRIBUTION_NOUNS)
    )
    _CUE_WORDS |= lex["belief_adjectives"] | _BELIEF_NOUNS | _COMMENTATORS | {"accounts", "account", "tallies"}
    # Where a cue may be in a long article: one pass of a trie of the cue words
    # (stdlib ``re`` runs it several times faster than a loop over words), compiled
    # on first use so that a short article does not pay for it.
    _MAY_HAVE_CUE = _LazyTrie(_CUE_WORDS)
    # Tokens at which a cue can start; every other token is passed over at once.
    _TRIGGERS = _CUE_WORDS | set(_SOURCE_PREPOSITIONS) | set(_SOURCELESS) | {"by", "based", "amid", "from", "per", "with"}


def extend_lexicon(extra: dict[str, list[str]]) -> None:
    """Add phrases to sections of the core lexicon (``auditor/data/attribution.txt``),
    e.g. from a project's configuration, and rebuild the finder's tables."""
    unknown = set(extra) - set(_LEX)
    if unknown:
        raise KeyError(f"unknown attribution lexicon section(s): {', '.join(sorted(unknown))}")
    merged = {name: phrases | {" ".join(p.lower().split()) for p in extra.get(name, ())} for name, phrases in _LEX.items()}
    _use_lexicon(merged)
    classify_source.cache_clear()  # kinds depend on the lexicon


_use_lexicon(_LEX)
# Combining marks (Unicode category M) of the common blocks: Latin accents typed as a
# letter and a mark ("Jose\u0301"), Cyrillic, Hebrew and Arabic points, Devanagari vowel
# signs.  `re` counts no mark as a word character; in a word, a mark is part of it.
_MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
          "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0900-\u0903"
          "\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962\u0963\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f")
_LETTERS = rf"(?:[^\W_][{_MARKS}]*)+"
_COMBINING = frozenset(chr(c) for a, b in re.findall(r"(.)(?:-(.))?", _MARKS) for c in range(ord(a), ord(b or a) + 1))
# Words (letters and digits, with their marks and inner apostrophes, hyphens and dots:
# "don’t", "Al-Mayadeen", "U.S"), numbers with separators ("1,000", "9.30") and single marks.
_TOKEN = re.compile(rf"\d+(?:[.,:]\d+)+|{_LETTERS}(?:[’'\-.&/]{_LETTERS})*|[^\w\s]|_")
# White space of every kind but " " (re's \s is str.isspace()), to be made a plain space:
# one character for one, so offsets stay.
_OTHER_SPACE = re.compile(r"[^\S ]")
_WORD_OR_MARK = re.compile(r"[a-z]+|[:―]")
_SHORT_ARTICLE = 100_000  # characters; below it a word loop is cheaper than compiling the trie

_MAX_SENTENCE = 5_000  # characters of a sentence read: the longest in our corpus has 749; more is run-on input
_MAX_PER_SENTENCE = 40  # attributions looked for in one sentence
_MAX_TRIED = 400  # cue words tried in one sentence: prose has far fewer, run-on input (1 MB, no full stop) more
_MEMORY = 30  # attributions looked back over to resolve a pronoun or an anaphor
_MAX_SUBJECT = 16  # words a source phrase may have, appositives and all
_MAX_ADJUNCT = 9  # words between a verb and its "that" ("wrote in Foreign Policy on 24 January that")


# -- tokens --------------------------------------------------------------------


class Tok:
    """A word or a mark as the finder reads it: its text and lower-cased text, whether
    it is a word (letters or digits) and capitalised, whether it lies inside a
    quotation, and for a hyphen whether it stands between spaces (a dash).  One
    object per form, shared by all its places (see ``_tokens``), which are kept beside
    the tokens, in lists of starts and ends."""

    __slots__ = ("text", "low", "word", "cap", "quoted", "spaced", "_quoted_twin")

    def __init__(self, text: str, word: bool, quoted: bool = False, spaced: bool = False) -> None:
        self.text, self.low, self.word = text, text.lower(), word
        self.cap = word and text[0].isupper()
        self.quoted, self.spaced = quoted, spaced
        self._quoted_twin: Tok | None = None

    def inside_quotes(self) -> "Tok":
        """The same form inside a quotation."""
        if self._quoted_twin is None:
            self._quoted_twin = Tok(self.text, self.word, True, self.spaced)
        return self._quoted_twin

    def __repr__(self) -> str:
        return f"Tok({self.text!r}{', quoted' if self.quoted else ''})"


_CUE = attrgetter("cue")
# The tokens of each piece of text between spaces met so far, with their offsets in it:
# a Tok (a piece that is one word) or a tuple of (start, end, Tok).  Words recur, so
# most pieces are looked up, not cut.  Only short pieces are kept, and the table is
# emptied when full: a few megabytes at most, whatever the input.
_PIECES: dict[str, object] = {}
_MAX_PIECES = 20_000
_MAX_PIECE_KEPT = 40  # characters


def _tokens(sentence: Sentence, quotes: list[Quote]) -> tuple[list[Tok], list[int], list[int]]:
    """The tokens of ``sentence`` (its first ``_MAX_SENTENCE`` characters), with the
    offset in the article where each starts and ends; ``quotes``: the quotations in it."""
    # The hottest loop of the finder.  No token holds white space, so the text is cut
    # at white space (every kind made a plain space first, which keeps the offsets),
    # and each piece's tokens come from _PIECES, or from _cut the first time.
    toks: list[Tok] = []
    starts: list[int] = []
    ends: list[int] = []
    add_tok, add_start, add_end = toks.append, starts.append, ends.append
    known = _PIECES.get
    start = sentence.start
    text = sentence.text[:_MAX_SENTENCE]
    if not text.isprintable():  # (every white space but " " is unprintable; most sentences have none)
        text = _OTHER_SPACE.sub(" ", text)
    for piece in text.split(" "):
        cut = known(piece)
        if cut is None:
            cut = _cut(piece)
        if type(cut) is Tok:
            add_tok(cut)
            add_start(start)
            add_end(start + len(piece))
        else:
            for a, b, tok in cut:
                add_tok(tok)
                add_start(start + a)
                add_end(start + b)
        start += len(piece) + 1
    # Quotations never overlap (find_quotes): the tokens inside each are a run after its opening mark.
    for quote in quotes:
        k, inner_end = bisect.bisect_right(starts, quote.start), quote.inner_end
        while k < len(toks) and ends[k] <= inner_end:
            toks[k] = toks[k].inside_quotes()
            k += 1
    return toks, starts, ends


def _cut(piece: str):
    """The tokens of a piece of text without white space, as kept in _PIECES: most
    pieces are letters and digits, one word; a word with one or two marks after it
    ("said,", "over,”") or one before it ("“It") is cut by hand, the rest by _TOKEN."""
    if piece.isalnum():
        cut = Tok(piece, True)
    elif len(piece) == 1:
        cut = ((0, 1, Tok(piece, False, spaced=piece == "-")),)  # a mark on its own ("-", "—")
    elif piece[:-1].isalnum() and piece[-1] not in _COMBINING:
        end = len(piece) - 1
        cut = ((0, end, Tok(piece[:-1], True)), (end, end + 1, Tok(piece[-1], False)))
    elif piece[1:].isalnum() and not piece[0].isalnum():
        cut = ((0, 1, Tok(piece[0], False)), (1, len(piece), Tok(piece[1:], True)))
    elif piece[:-2].isalnum() and not piece[-2].isalnum() and not piece[-1].isalnum() and piece[-2] not in _COMBINING and piece[-1] not in _COMBINING:
        end = len(piece) - 2
        cut = ((0, end, Tok(piece[:-2], True)), (end, end + 1, Tok(piece[-2], False)), (end + 1, end + 2, Tok(piece[-1], False)))
    else:
        cut = tuple((m.start(), m.end(), Tok(m.group(), m.group()[0].isalnum())) for m in _TOKEN.finditer(piece))
    if len(piece) <= _MAX_PIECE_KEPT:
        if len(_PIECES) >= _MAX_PIECES:
            _PIECES.clear()
        _PIECES[piece] = cut
    return cut


def _sentences_with_cues(article: Article) -> list[Sentence]:
    """The sentences that hold a possible cue word, from one scan of the article
    that skips to the end of a sentence once it has one."""
    sentences = article.sentences
    starts = [s.start for s in sentences]
    chosen: list[Sentence] = []
    low = article.text.lower()
    if len(low) != len(article.text):
        low = "".join(ch if len(ch.lower()) > 1 else ch.lower() for ch in article.text)  # "İ" keeps its offset
    find = _cue_finder(low)
    at, pos = find(0)
    while at is not None:
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and at < sentences[k].end and (article.quote_at(at) is None or low[at] in ":―"):
            chosen.append(sentences[k])  # (a cue word inside a quotation is quoted, not used)
            pos = max(pos, sentences[k].end)
        at, pos = find(pos)
    return chosen


def _cue_finder(low: str):
    """A function giving the start and end of the first word at or after an offset
    of the lower-cased text that may start a cue, or (None, 0)."""
    if len(low) > _SHORT_ARTICLE:
        search = _MAY_HAVE_CUE.search

        def find(pos: int):
            m = search(low, pos)
            return (m.start(), m.end()) if m else (None, 0)

        return find

    def find_word(pos: int):
        for m in _WORD_OR_MARK.finditer(low, pos):
            if m.group() in _CUE_WORDS or m.group() in ":―":
                return m.start(), m.end()
        return None, 0

    return find_word


# Quotation marks as tokens (every mark token is one character; no word token is among them).
_QUOTE_MARKS = frozenset("“”‘’\"«»„'")


# -- the finder ----------------------------------------------------------------


@dataclass(slots=True)
class _Found:
    """An attribution under construction: token indices and what is known."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    kind: str  # "speech", "belief"
    content: tuple[int, int] | None = None  # character offsets
    reported: bool = False  # introduced as reported speech ("that", "as")
    clause: bool = False  # a clause or quotation goes with the cue, after or before it
    complement: bool = False  # a clause or quotation follows the cue
    relay: bool = False  # "citing X": X's words come through the clause's own source
    source_kind: str | None = None
    resolved: str | None = None


def find_attributions(article: Article) -> list[Attribution]:
    """Every attribution in ``article``, in text order."""
    found: list[Attribution] = []
    context = _Context(article)
    for sentence, toks, starts, ends in _tokenized(article, _sentences_with_cues(article)):
        items = _drop_coordinated(toks, _in_sentence(toks))
        found += _attributions(article, sentence, toks, starts, ends, items, context)
    found.sort(key=ATTRIBUTION_ORDER)
    return found


def _tokenized(article: Article, sentences: list[Sentence]) -> Iterator[tuple[Sentence, list[Tok], list[int], list[int]]]:
    """Each of ``sentences`` (in text order) with its tokens and their offsets (see _tokens)."""
    quotes, q = article.quotes, 0
    for sentence in sentences:
        # the quotations in the part of the sentence read (quotations never overlap, so their ends are in order too)
        while q < len(quotes) and quotes[q].end <= sentence.start:
            q += 1
        k, read_end = q, min(sentence.end, sentence.start + _MAX_SENTENCE)
        while k < len(quotes) and quotes[k].start < read_end:
            k += 1
        yield (sentence, *_tokens(sentence, quotes[q:k]))


def _attributions(article: Article, sentence: Sentence, toks: list[Tok], starts: list[int], ends: list[int],
                  items: list[_Found], context: "_Context") -> list[Attribution]:
    """The attributions the cues ``items`` of one sentence make, each added to ``context``."""
    built = []
    for index, item in enumerate(items):
        attribution = _build(article, sentence, toks, starts, ends, items, index, context)
        if attribution is not None:
            built.append((item, attribution))
            context.add(attribution)
    out = []
    for k, (item, attribution) in enumerate(built):
        if k and _reports_itself(attribution, built[k - 1][1]):
            continue
        if item.relay:
            # "Citing a source, the channel said that ...": the same content, relayed.
            main = next((b for i, b in built[k + 1 : k + 4] if not i.relay and i.kind == "speech"), None)
            if main is None and k:
                main = next((b for i, b in reversed(built[max(0, k - 3) : k]) if not i.relay and i.kind == "speech"), None)
            if main is not None:
                attribution = replace(attribution, content=main.content, quote=main.quote)
        out.append(attribution)
    return out


def _in_sentence(toks: list[Tok]) -> list[_Found]:
    out: list[_Found] = []
    taken: set[int] = set()
    resume = 0  # the cue found last covers the tokens before this one
    # only the tokens a cue can start at: most words of a sentence are not
    triggers = [k for k, t in enumerate(toks) if not t.quoted and (t.low in _TRIGGERS if t.word else t.text in ("―", ":"))]
    for i in triggers[:_MAX_TRIED]:
        if i < resume:
            continue
        if not toks[i].word:
            item = _dash_signature(toks, i) if toks[i].text == "―" else _colon_headline(toks, i)
            if item:
                out.append(item)
            continue
        low = toks[i].low
        # each kind of cue is tried only at the words it can start with
        item = (
            low in _SOURCE_PREPOSITIONS and _preposition_cue(toks, i)
            or low in ("based", "amid", "from", "by") and _report_preposition(toks, i)
            or low in _SOURCELESS and _sourceless_cue(toks, i)
            or _verb_cue(toks, i, out)
            or low in _BELIEF_ADJECTIVES and _belief_adjective(toks, i)
            or (low in _ATTRIBUTION_NOUNS or low in _BELIEF_NOUNS) and _noun_cue(toks, i)
            or low == "with" and _with_commentators(toks, i)
        )
        if not item:
            continue
        if item.cue[0] < i and i not in taken and any(k in taken for k in range(item.cue[0], i)):
            # "agencies reportedly believe": the adverb is a cue of its own, the verb another
            item.cue = (max(k for k in range(item.cue[0], i) if k in taken) + 1, item.cue[1])
        if taken.isdisjoint(range(*item.cue)):
            if len(out) >= _MAX_PER_SENTENCE:
                break  # no prose sentence holds more: the rest is a list or run-on input
            out.append(item)
            relayed = _cited_source(toks, i, item)
            if relayed is not None:
                out.append(relayed)
            taken.update(range(*item.cue))
            resume = item.cue[1] if item.cue[0] >= i else i + 1
    if len(out) > 1:
        out.sort(key=_CUE)
    return out


def _reports_itself(attribution: Attribution, previous: Attribution) -> bool:
    """"The militia said that it would respond": a pronoun inside the content of
    the attribution before it is that speaker reporting itself, not a new act."""
    source, content = attribution.source, previous.content
    return (
        source is not None
        and content is not None
        and source.text.lower() in _SELF_PRONOUNS
        and content.start <= source.start
        and attribution.cue.end <= content.end
    )


def _drop_coordinated(toks: list[Tok], items: list[_Found]) -> list[_Found]:
    """"confirmed the strikes and described them as ...": one act of attribution,
    carried by the verb with the clause; the first verb only names its object."""
    if len(items) < 2:
        return items
    drop = set()
    for a, b in zip(items, items[1:]):
        if a.kind == b.kind == "speech" and not a.clause and b.clause and a.source is not None and b.source == a.source:
            if b.cue[0] > a.cue[1] and toks[b.cue[0] - 1].low == "and":
                drop.add(id(a))
    return [f for f in items if id(f) not in drop]


def _match_words(toks: list[Tok], i: int, words: list[str]) -> bool:
    if i + len(words) > len(toks):
        return False
    return all(toks[i + k].low == w and not toks[i + k].quoted for k, w in enumerate(words))


# ---- "according to X", "citing X" -------------------------------------------


def _preposition_cue(toks: list[Tok], i: int) -> _Found | None:
    for words in _SOURCE_PREPOSITIONS.get(toks[i].low, ()):
        if _match_words(toks, i, words):
            j = i + len(words)
            if words == ["per"] and not _at_clause_start(toks, i):
                return None
            if words[0] in ("citing", "quoting") and j < len(toks) and toks[j].low == "from":
                j += 1
            end = _np_after(toks, j)
            if end is None:
                return None
            src = (j, end)
            if words[0] in ("citing", "quoting") and not _can_be_source(toks, j, end):
                return None  # "citing the elephant's body size": a reason, not a source
            relay = _at_clause_start(toks, i)
            return _Found((i, j), _owner_of_document(toks, src), "speech", relay=relay)
    return None


def _report_preposition(toks: list[Tok], i: int) -> _Found | None:
    """"by early reports", "based on unconfirmed reports", "by one estimate":
    a preposition whose object is a report or an estimate."""
    t = toks[i]
    if t.low == "based" and i + 1 < len(toks) and toks[i + 1].low == "on":
        j = i + 2
    elif t.low in ("amid", "from") or t.low == "by" and _at_clause_start(toks, i):
        j = i + 1
    else:
        return None
    end = _np_after(toks, j, limit=6)
    if end is None:
        return None
    head = _head_words([toks[k].text for k in range(j, end)])
    if not head or head[-1].lower() not in _REPORT_NOUNS or toks[j].cap and toks[j].low not in _DET:
        return None
    return _Found((i, j), (j, end), "speech", relay=_at_clause_start(toks, i))


def _cited_source(toks: list[Tok], i: int, item: _Found) -> _Found | None:
    """"The Telegraph cited a security source": the object of "cite" or "quote"
    is a second source, relayed by the first."""
    if item.kind != "speech" or _BASE.get(toks[i].low) not in ("cite", "quote") or item.source is None or item.source[0] > i:
        return None
    j = i + 1
    end = _np_after(toks, j, limit=8) if j < len(toks) and (toks[j].low in _DET or toks[j].cap) else None
    if end is None:
        return None
    head = _head_words([toks[k].text for k in range(j, end)])
    last = head[-1].lower() if head else ""
    if not head or last in _DESCRIPTIVE or not (head[-1][:1].isupper() or last in _UNNAMED or last in _MEDIA or last in _DOC):
        return None
    return _Found((i, i + 1), (j, end), "speech", relay=True)


def _can_be_source(toks: list[Tok], j: int, end: int) -> bool:
    head = _head_words([toks[k].text for k in range(j, end)])
    if not head:
        return False
    last = head[-1].lower()
    return head[-1][:1].isupper() or any(last in lexicon for lexicon in (_UNNAMED, _MEDIA, _DOC, _ORG_SORTS, _TITLES))


def _owner_of_document(toks: list[Tok], src: tuple[int, int]) -> tuple[int, int]:
    """"a report by Al-Mayadeen": the source is the one who issued the document."""
    a, b = src
    for k in range(a, b - 1):
        if toks[k].low in ("by", "from") and any(t.low in _DOC for t in toks[a:k]):
            if toks[k + 1].cap or toks[k + 1].low == "the" and k + 2 < b and toks[k + 2].cap:
                return (k + 1, b)
    return src


def _at_clause_start(toks: list[Tok], i: int) -> bool:
    k = i - 1
    while k >= 0 and toks[k].low in ("also", "and", "but", "yet"):
        k -= 1
    return k < 0 or toks[k].text in (",", ";", ":", "(", "—", "–") or toks[k].text in _QUOTE_MARKS


def _np_after(toks: list[Tok], j: int, limit: int = _MAX_SUBJECT) -> int | None:
    """End (exclusive) of the noun phrase starting at ``j``: up to a clause break."""
    n = len(toks)
    k = j
    while k < n and k - j < limit:
        t = toks[k]
        if t.quoted:
            break
        if not t.word:
            if t.text in ("’", "'") and k + 1 < n and toks[k + 1].low == "s":
                k += 2
                continue
            if t.text in ("-", "&", "(", ")") or (t.text == "." and k + 1 < n and toks[k + 1].word and not toks[k + 1].cap):
                k += 1
                continue
            break
        if k > j and not t.cap and (t.low in _BREAKS or t.low in _AUX or (t.low in _SPEECH or t.low in _BELIEF) and t.low not in _NOUN_LIKE):
            break
        if k > j and not t.cap and _looks_finite(toks, k):
            break
        if k > j and (t.low == "that" or t.low in _SUBJECT_PRONOUNS and not t.cap):
            break
        if k > j and t.low in _PREP and t.low not in _NP_PREP:
            break
        if k > j and t.low in ("on", "in", "for", "since", "over") and k + 1 < n and (toks[k + 1].low in _TIME_WORDS or toks[k + 1].low[:-1] in _TIME_WORDS or toks[k + 1].low.isdigit()):
            break  # "by aides | on Monday", "| for years"
        if k > j and t.low in _NP_PREP and k + 1 < n and toks[k + 1].low.endswith("ing") and not toks[k + 1].cap:
            break  # "by fellow physicians | for promoting cures"
        k += 1
    while k > j and (toks[k - 1].low in _NP_PREP or toks[k - 1].low in _DET or not toks[k - 1].word):
        k -= 1
    return k if k > j else None


def _looks_finite(toks: list[Tok], k: int) -> bool:
    """A past-tense verb after a subject ("the militia issued a statement"), not
    an adjective ("the armed group")."""
    t = toks[k]
    if not t.low.endswith("ed") or k + 1 >= len(toks):
        return False
    prev, nxt = toks[k - 1], toks[k + 1]
    if prev.low in _DET or prev.low in _PREP or prev.low.endswith("ly"):
        return False
    return nxt.low in _DET or nxt.low in _PRONOUNS or nxt.low in _PERSONAL or nxt.cap or nxt.low in _PREP


# ---- "reportedly", "it is understood" -----------------------------------------


def _sourceless_cue(toks: list[Tok], i: int) -> _Found | None:
    for words in _SOURCELESS.get(toks[i].low, ()):
        if _match_words(toks, i, words):
            return _Found((i, i + len(words)), None, "speech")
    return None


# ---- reporting verbs ----------------------------------------------------------


def _verb_cue(toks: list[Tok], i: int, earlier: list[_Found]) -> _Found | None:
    tok = toks[i]
    low = tok.low
    phrasal = _phrasal_at(toks, i)
    if phrasal:
        form, width = phrasal
    elif low in _SPEECH or low in _BELIEF:
        form, width = low, 1
    else:
        return None
    if tok.cap and i > 0 and toks[i - 1].text not in _QUOTE_MARKS:
        return None  # "United States", "Reports" in a name
    kind = "belief" if form in _BELIEF and form not in _SPEECH else "speech"
    end = i + width
    prev = _prev_word(toks, i)
    if prev is not None and toks[prev].low == "to" and prev == i - 1 and not (prev > 0 and toks[prev - 1].low in _ASPECTUAL):
        return None  # an infinitive: "to maintain stability"
    if prev is not None and (toks[prev].low in ("let's", "let’s") or toks[prev].low == "us" and prev > 0 and toks[prev - 1].low == "let"):
        return None  # a supposition, not a report: "Let's say you think ..."
    if prev == i - 1 and toks[prev].low == "having" and form == "said" and i + 2 < len(toks) and toks[i + 1].low == "that" and toks[i + 2].text == ",":
        return None  # "Having said that, ...": a turn of phrase
    if prev is not None and prev == i - 1 and (toks[prev].low in _DET or toks[prev].low in _PREP or toks[prev].low[:1].isdigit() or toks[prev].low in _NUMBERS) and form in _NOUN_LIKE:
        if not (toks[prev].low in _VAGUE and end < len(toks) and toks[end].low == "that"  # "some note that"
                or toks[prev].low in _GERUND_LINKS and form.endswith("ing")):  # "by saying that" (a clause must follow: _participle)
            return None
    if prev is not None and form in _NOUN_LIKE and form.endswith("s") and not _subject_ends_at(toks[prev]):
        return None  # "Republican claims", "troubling questions", "disparaging remarks"  # "the reports", "of claims", "18 states"
    if form in _NOUN_LIKE and end < len(toks) and (toks[end].low in _SPEECH or toks[end].low in _AUX and toks[end].low not in ("that",)):
        return None  # "recent reports also suggest": the noun is the subject
    if form in _NOUN_LIKE and not form.endswith(("s", "ed", "ing")) and not tok.quoted:
        # a bare form ("state", "report") is a verb after a pronoun or an auxiliary only
        p = toks[prev] if prev is not None else None
        if p is None or not (
            p.low in _PERSONAL
            or p.low in _PLURAL_PRONOUNS
            or p.low in _MODALS
            or p.low in _VAGUE
            or p.low in ("i", "we", "you", "they", "to")
            or p.text == "," and _subject(toks, i) is not None
            or p.low.endswith("s") and (p.low in _UNNAMED or p.low in _MEDIA or p.low in _DOC or p.low in _ORG_SORTS)
        ):
            return None
    if prev is not None and form.endswith(("ed", "own")) and toks[prev].low in _ADJECTIVE_SLOT:
        return None  # "the most pledged delegates", "a reported 50 dead"
    if form in _NAMING and prev is not None and toks[prev].word and not toks[prev].cap and toks[prev].low not in _SUBJECT_PRONOUNS and toks[prev].low not in _RELATIVE and toks[prev].low not in _AUX:
        if not (form in _CALL and end < len(toks) and toks[end].low in _CALLED_OBJECTS and _call_names_something(toks, end)):
            return None  # naming: "a programme dubbed “Zrinyi”", "a group called the Front", not "aides called him “a genius”"
    if form == "known" and end < len(toks) and toks[end].low == "as":
        return None  # naming: "an event known as Super Tuesday"
    if prev is not None and prev == i - 1 and toks[prev].low == "so" and form.startswith("call"):
        return None  # "so-called"

    aux_start = _aux_start(toks, i)
    if any(toks[k].low in _NEGATIONS for k in range(aux_start, i)):
        return None  # "did not say", "never asked": nothing is attributed
    passive = _is_passive(toks, aux_start, i, form)
    cue_end, complement, reported = _complement(toks, end, form)
    if _BASE.get(form) == "report" and end < len(toks) and toks[end].low == "from" and not complement:
        return None  # "reported from Midway Atoll": a byline

    if passive:
        return _passive(toks, aux_start, i, cue_end, form, kind, reported)

    if form.endswith("ing") and all(toks[k].low not in _BE and toks[k].low not in ("has", "have", "had") for k in range(aux_start, i)):
        return _participle(toks, aux_start, cue_end, form, kind, complement, reported, earlier)

    inverted = _inverted_source(toks, i, cue_end)
    if inverted is not None:
        return _Found((i, cue_end), inverted, kind, reported=reported, clause=True, complement=complement)

    subject = _subject(toks, aux_start)
    if subject is None:
        if aux_start > 0 and toks[aux_start - 1].low in ("and", "but") and (complement or not _needs_clause(form)):
            # "issued a statement and said ...": the subject of the first verb.
            source = _clause_subject(toks, aux_start - 1, earlier)
            if source is not None:
                return _Found((aux_start, cue_end), source, kind, reported=reported, clause=complement, complement=complement)
        return None
    last = toks[subject[1] - 1]
    if form in _NOUN_LIKE and toks[aux_start].low in ("all", "both") and not last.cap and last.low.endswith("ed"):
        return None  # "denied all claims that ...": a verb, the noun's quantifier, the noun; no subject
    if subject[1] - subject[0] == 1 and toks[subject[0]].low == "there" and form in _NOUN_LIKE and complement:
        # "There are reports that ...": reports, and nobody who makes them
        return _Found((subject[0], cue_end), None, kind, reported=reported, clause=True, complement=True)
    parenthetical = _is_parenthetical(toks, subject[0], cue_end)
    # "the figure that economists had forecast", "what the senators said was": the
    # relative word before the subject is the verb's object
    object_relative = subject[0] > 0 and toks[subject[0] - 1].low in ("which", "that", "what") and (cue_end >= len(toks) or not toks[cue_end].word or toks[cue_end].low in _CLAUSE_AUX)
    complement = complement or object_relative
    documentary = form in _DOCUMENT_VERBS and any(t.low in _DOC or t.low in _MEDIA for t in toks[subject[0] : subject[1]])
    if form in _CALL and not _call_names_something(toks, cue_end):
        return None
    if _needs_clause(form) and not (complement or parenthetical or form in _CALL or documentary and _object_follows(toks, cue_end)):
        return None
    if form in _NOUN_LIKE and not (complement or parenthetical or _object_follows(toks, cue_end)):
        return None
    if form in _DOCUMENT_VERBS and form not in ("suggest", "suggests", "suggested") and not complement:
        if not any(t.low in _DOC or t.low in _MEDIA for t in toks[subject[0]:subject[1]]):
            return None
    if kind == "belief" and not (complement or _BELIEF.get(form) in _INTENTIONS and cue_end < len(toks) and toks[cue_end].low == "to"):
        return None
    return _Found((aux_start, cue_end), subject, kind, reported=reported, clause=complement or parenthetical, complement=complement)


def _subject_ends_at(t: Tok) -> bool:
    """Whether a subject can end with ``t``, so that a word like "reports" after it
    is a verb: a name, a pronoun, a noun we know, an adverb or an auxiliary."""
    low = t.low
    if not t.word:
        return t.text in (",", ")") or t.text in _QUOTE_MARKS
    if t.cap:
        return low not in _DESCRIPTIVE
    return (
        low in _SUBJECT_PRONOUNS
        or low in _RELATIVE
        or low in _AUX
        or low.endswith("ly")
        or any(low in lexicon or low[:-1] in lexicon for lexicon in (_UNNAMED, _MEDIA, _DOC, _ORG_SORTS, _TITLES))
    )


def _phrasal_at(toks: list[Tok], i: int) -> tuple[str, int] | None:
    for words in _PHRASAL.get(toks[i].low, ()):
        if _match_words(toks, i, words):
            return " ".join(words), len(words)
    if toks[i].low in _CALL and i + 1 < len(toks) and toks[i + 1].low in ("for", "on", "upon"):
        return toks[i].low + " " + toks[i + 1].low, 2
    return None


def _call_names_something(toks: list[Tok], j: int) -> bool:
    """"called the plan “a disaster”", "called it a failure": an object, then what
    the speaker called it (not "called a meeting", "called him on Tuesday").  The object
    may be a bare noun phrase: "called climate change a hoax"."""
    if j >= len(toks) or not toks[j].word or toks[j].quoted or toks[j].low in ("for", "on", "to", "about", "of", "off", "in", "out", "up", "back"):
        return False
    if toks[j].low in _CALLED_OBJECTS and j + 1 < len(toks) and toks[j + 1].word:
        nxt = toks[j + 1].low
        if not (nxt in _PREP or nxt in _BREAKS or nxt in _TIME_WORDS or nxt in ("back", "off", "out", "up", "again", "home")):
            return True  # "critics would call them messianic impulses"
    seen_word = False
    for k in range(j, min(len(toks), j + 9)):
        t = toks[k]
        if t.text in _QUOTE_MARKS or t.quoted:
            return True
        if seen_word and t.low in ("a", "an", "the"):
            return True
        if t.text in ("’", "'") and k + 1 < len(toks) and toks[k + 1].low == "s":
            continue  # "Trump’s"
        if not t.word or t.low in _BREAKS or t.low in _PREP and t.low != "of":
            return False
        seen_word = True
    return False


def _needs_clause(form: str) -> bool:
    return form in _NEEDS_CLAUSE and " " not in form


def _prev_word(toks: list[Tok], i: int) -> int | None:
    return i - 1 if i > 0 else None


def _aux_start(toks: list[Tok], i: int) -> int:
    """Index of the first auxiliary or adverb right before the verb at ``i``
    ("has also", "was on Wednesday")."""
    k = i
    while k > 0:
        t = toks[k - 1]
        if t.quoted:
            break
        if t.low in ("all", "both", "each") and not (k >= 2 and toks[k - 2].word):
            break  # "To varying degrees, all agreed": the quantifier is the subject
        if t.word and not t.cap and (t.low in _AUX or (t.low.endswith("ly") and len(t.low) > 4 and t.low not in _UNNAMED)):
            k -= 1
            continue
        if t.low == "to" and k >= 2 and toks[k - 2].low in _ASPECTUAL:
            k -= 2  # "continued to call for"
            continue
        # "on Wednesday", "last week", "in 2015", "as of Monday" between subject and verb
        if t.word and (t.low in _TIME_WORDS or len(t.low) == 4 and t.low.isdigit()) and k >= 2 and toks[k - 2].low in ("on", "last", "this", "earlier", "late", "in", "since"):
            k -= 2
            continue
        if t.word and t.low in _TIME_WORDS and k >= 3 and toks[k - 2].low == "of" and toks[k - 3].low == "as":
            k -= 3
            continue
        if t.text in ("’", "'") and k >= 2 and toks[k - 2].word:  # "didn’t" splits as "didn" "’" "t"
            break
        break
    return k


def _is_passive(toks: list[Tok], aux_start: int, i: int, form: str) -> bool:
    if not (form.endswith("ed") or form.split()[0] in _PARTICIPLES_PASSIVE or form in _PARTICIPLES_PASSIVE):
        return False
    if any(toks[k].low in _BE or toks[k].low == "get" for k in range(aux_start, i)):
        return True
    # a reduced relative: "people accused of murder", "a plan described by aides"
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    prev = toks[i - 1] if i > 0 else None
    return (
        aux_start == i
        and prev is not None
        and prev.word
        and not prev.cap
        and prev.low not in _PERSONAL
        and prev.low not in _PLURAL_PRONOUNS
        and prev.low not in _RELATIVE
        and (nxt in ("of", "by") or nxt == "to" and form in _RAISING)
    )


def _complement(toks: list[Tok], j: int, form: str) -> tuple[int, bool, bool]:
    """What follows a verb: returns the cue's end (it takes in "that" or "as",
    and a short adjunct before "that"), whether a clause or quotation follows,
    and whether it is introduced as reported speech."""
    n = len(toks)
    if j >= n:
        return j, False, False
    t = toks[j]
    if not t.quoted and (t.low == "that" or t.low == "as" and form.split()[0].startswith(_AS_VERBS)):
        return j + 1, True, True
    addressed = None  # where a clause without "that" starts after the addressee
    if _BASE.get(form) in _ADDRESSING and t.word and not t.quoted and t.low not in _PREP:
        # "told the press the officers claimed ...": past the addressee
        end = _np_after(toks, j, limit=4)
        addressed = next((k for k in range(j + 1, end or j) if toks[k].low in _NP_OPENERS and _zero_that_clause(toks, k)), None)
        after = _skip_time_adjunct(toks, end) if end is not None else n
        if addressed is None and after < n and toks[after].low == "that":
            return after + 1, True, True  # "told the newspaper (on Monday) that ..."
        if addressed is None and end is not None and end < n and _zero_that_clause(toks, end):
            addressed = after if after < n else end
    if t.text == ":":
        return j + 1, True, False
    if t.quoted or t.text in _QUOTE_MARKS:
        return j, True, False
    if t.text == "," and j + 1 < n and (toks[j + 1].quoted or toks[j + 1].text in _QUOTE_MARKS):
        return j + 1, True, False
    if form.split()[0].startswith(_AS_VERBS):
        # "described them as", "called it a failure"
        for k in range(j, min(n, j + 5)):
            if toks[k].low == "as" and not toks[k].quoted:
                return k + 1, True, True
            if not toks[k].word or toks[k].low in _BREAKS:
                break
    if t.low == "to" and form.split()[0] in _COMMITTING:
        return j, True, True  # "agreed to share", "vowed to fight"
    if t.low in _WH and not t.cap and form.split()[0].startswith(("ask", "question", "wonder", "explain", "recall", "describ", "reveal", "disclos", "discuss")):
        return j, True, True
    # "told reporters that", "wrote in Foreign Policy on 24 January that"
    k = j
    while k < n and k - j <= _MAX_ADJUNCT:
        u = toks[k]
        if u.quoted or (not u.word and u.text not in ("-", ".", "’", "'")):
            break
        if u.low == "that" and k > j and toks[k - 1].low not in _PREP and k + 1 < n and (toks[k + 1].word or toks[k + 1].text in _QUOTE_MARKS) and not (toks[k + 1].low in _TIME_WORDS or toks[k + 1].low in ("same", "time", "night")):
            return k + 1, True, True
        if u.low in _BREAKS and u.low != "that" or (u.low in _SPEECH and k > j) or u.low in _CLAUSE_AUX and not u.cap:
            break
        k += 1
    # "said, “...”" / "told the BBC: ..."
    if k < n and k > j and toks[k].text == ":":
        return j, True, False
    if addressed is not None:
        return addressed, True, True  # "told reporters (on Monday) the budget was balanced"
    if _zero_that_clause(toks, j):
        return _skip_time_adjunct(toks, j), True, True  # "said (on Friday) the country is in crisis"
    return j, False, False


def _zero_that_clause(toks: list[Tok], j: int) -> bool:
    """"predicted rates will drop", "said he was leaving": a clause without
    "that": a short subject, then an auxiliary or a past-tense verb."""
    n = len(toks)
    j = _skip_time_adjunct(toks, j)
    if j >= n or not toks[j].word or toks[j].quoted or toks[j].low in _PREP:
        return False
    first = toks[j].low
    if first in _SUBJECT_PRONOUNS:
        verb = j + 1
        if verb + 1 < n and toks[verb].text in _QUOTE_MARKS and toks[verb + 1].quoted:
            verb += 1  # "saying he “has offended ...”": the quotation takes up the clause
        return verb < n and toks[verb].word and not toks[verb].cap and (toks[verb].low in _AUX or toks[verb].low.endswith(("ed", "s")) or toks[verb].low in _FINITE)
    for k in range(j + 1, min(n, j + 7)):
        t = toks[k]
        if not t.word or t.quoted or t.low in _PREP and t.low != "of" or t.low in _BREAKS and t.low != "and" or t.low in _SPEECH and not t.cap:
            return False  # (a capital is part of a name: "the United States is")
        if not t.cap and (t.low in _CLAUSE_AUX or t.low in _FINITE):
            return k > j
        ends_clause = t.low.endswith("ed") and (k + 1 == n or toks[k + 1].text in ".;!?,") and toks[k - 1].low not in _DET
        if not t.cap and k > j and (_looks_finite(toks, k) or ends_clause) and (toks[j].low in _DET or toks[j].cap or toks[j].low.isdigit()):
            return True  # "reported the first quake occurred at ...", "believe the crane failed."
        if not t.cap and t.low.endswith("s") and not t.low.endswith(("ss", "'s", "’s")) and len(t.low) > 3 and all(toks[x].cap for x in range(j, k)):
            return True  # "said Donald Trump favors ..."
    return False


def _skip_time_adjunct(toks: list[Tok], j: int) -> int:
    """Past "on Monday", "last week", "yesterday" after a verb."""
    n = len(toks)
    if j < n and toks[j].low in ("yesterday", "today", "tonight", "earlier", "later", "recently"):
        return j + 1
    if j + 1 < n and toks[j].low in ("on", "last", "this", "earlier", "late") and toks[j + 1].low in _TIME_WORDS:
        return j + 2
    return j


def _object_follows(toks: list[Tok], j: int) -> bool:
    """A noun phrase or clause object after the verb ("called the plan a failure")."""
    if j >= len(toks):
        return False
    t = toks[j]
    return t.word and (t.cap or t.low in _DET or t.low in _PRONOUNS or t.low in _PERSONAL or t.low in _PLURAL_PRONOUNS or t.low in ("for", "on", "to", "about", "of"))


def _passive(toks, aux_start, i, cue_end, form, kind, reported) -> _Found | None:
    word = form.split()[0]
    n = len(toks)
    # "was shared by X", "as reported by X"
    k = _skip_time_adjunct(toks, cue_end)
    while k < n and toks[k].word and toks[k].low.endswith("ly") and k < cue_end + 3:
        k += 1
    if k < n and toks[k].low != "by":
        # the agent after an adjunct or what the thing was called: "was criticized
        # by experts as ...", "has been called a charlatan by fellow physicians"
        for b in range(i + 1, min(n, cue_end + 6)):
            if toks[b].low == "by":
                k = b
                break
            if not toks[b].word or toks[b].quoted or toks[b].low in _BREAKS or toks[b].low in _PREP:
                break
    if k < n and toks[k].low == "by":
        end = _np_after(toks, k + 1)
        if end is not None and word not in ("found", "shown") and not (word == "called" and k == i + 1):
            return _Found((aux_start, k + 1), (k + 1, end), kind, reported=reported)
        return None
    if not any(toks[k].low in _BE or toks[k].low == "get" for k in range(aux_start, i)):
        return None  # a reduced relative without an agent: "anyone accused of a crime"
    it_subject = aux_start > 0 and toks[aux_start - 1].low == "it" or (aux_start > 1 and toks[aux_start - 1].low in ("also", "long") and toks[aux_start - 2].low == "it")
    if it_subject and (word in _SOURCELESS_PASSIVE or word in _IT_PASSIVE):
        return _Found((aux_start - 1, cue_end), None, "speech", reported=True)
    if word in _SOURCELESS_PASSIVE and (kind == "speech"):
        if word in ("mentioned", "cited", "quoted") and not reported and (cue_end >= n or toks[cue_end].low not in ("as", "to")):
            return None  # "is cited on the website", "has barely been mentioned": named, not reported
        if word in _QUOTED_AS and cue_end + 1 < n and toks[cue_end].low == "as" and toks[cue_end + 1].low == "saying":
            return None  # "were cited as saying ...": the subject said it (see _participle)
        # "is said to", "was reported to", "has been criticized", "were described as"
        return _Found((aux_start, cue_end), None, "speech", reported=reported)
    return None


def _participle(toks, i, cue_end, form, kind, complement, reported, earlier) -> _Found | None:
    """"..., saying that ..." / "..., adding ...": the subject of the main clause."""
    if i == 0 or (toks[i - 1].text == "," and _needs_clause(form) and not complement):
        return None
    prev = toks[i - 1]
    if prev.low == "as" and complement:
        # "X was quoted (by Reuters) as saying ...": X said it
        q = next((k for k in range(i - 2, max(-1, i - 9), -1) if toks[k].low in _QUOTED_AS), None)
        a = _aux_start(toks, q) if q is not None else None
        if a is not None and any(toks[k].low in _BE for k in range(a, q)) and (subject := _subject(toks, a)) is not None:
            return _Found((a, cue_end), subject, kind, reported=reported, clause=True, complement=True)
    if i >= 2 and toks[i - 2].text == "," and prev.word and not prev.cap and (prev.low in _HEDGES or prev.low.endswith("ly") and len(prev.low) > 4):
        prev = toks[i - 2]  # "..., perhaps recognizing that": the adverb leaves the participle on the clause
    if prev.word and _after_writing(toks, i) and (complement or _object_follows(toks, cue_end)):
        # "experts signed a letter (to the board) urging ...": the letter speaks for its signers
        source = _clause_subject(toks, i - 1, earlier)
        return _Found((i, cue_end), source, kind, reported=reported, clause=complement, complement=complement) if source else None
    if prev.word and prev.low not in _PARTICIPLE_LINKS:
        # "with the minister describing ...": the phrase after "with" is the source
        start = _np_left(toks, i)
        if start is not None and start > 0 and toks[start - 1].low == "with" and (complement or _object_follows(toks, cue_end)):
            return _Found((i, cue_end), (start, i), kind, reported=reported, clause=complement, complement=complement)
        return None
    if not (prev.text in (",", "—", "–", ";") or prev.low in _PARTICIPLE_LINKS):
        return None
    if not (complement or _object_follows(toks, cue_end)):
        return None
    if prev.low in _GERUND_LINKS and form in _NOUN_LIKE and not complement:
        return None  # a gerund that is also a noun needs its clause: "by saying that ...", not "by writing letters"
    if _needs_clause(form) and not complement:
        return None
    source = _clause_subject(toks, i - 1, earlier)
    if source is None:
        return None
    return _Found((i, cue_end), source, kind, reported=reported, clause=complement, complement=complement)


def _after_writing(toks: list[Tok], i: int) -> bool:
    """Whether the participle at ``i`` follows a letter or statement and what
    goes with it: "a letter to the board of directors | urging ..."."""
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if t.low in _WRITINGS:
            return True
        if not t.word or t.quoted or t.low in _BREAKS or t.low in _SPEECH or t.low in _BELIEF:
            return False
    return False


def _clause_subject(toks: list[Tok], before: int, earlier: list[_Found]) -> tuple[int, int] | None:
    """The subject of the clause a participle or a second verb hangs on: the
    source of the previous cue in the sentence, else the sentence's first noun
    phrase after any opening phrase."""
    candidates = [item.source for item in reversed(earlier[-3:]) if item.cue[0] < before and item.source is not None and item.source[1] <= before]
    for source in candidates:
        # "Officials said they were checking, but added ...": the main clause's
        # subject, not the pronoun of the clause reported inside it
        if source[1] - source[0] > 1 or toks[source[0]].low not in _SELF_PRONOUNS or source is candidates[-1]:
            return source
    start = 0
    quantity = len(toks) > 1 and (toks[1].low[:1].isdigit() or toks[1].low in _NUMBERS)  # "Over 100 experts"
    opener = toks and (toks[0].low in _PREP or toks[0].low in _BREAKS or toks[0].low.endswith("ing") or toks[0].low in _CONNECTIVES)
    if opener and not quantity:
        comma = next((k for k in range(min(before, 30)) if toks[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    end = _np_after(toks, start, limit=10)
    if end is None or end > before:
        return None
    if not any(t.cap or t.low in _UNNAMED or t.low in _DOC or t.low in _ORG_SORTS or t.low[:-1] in _ORG_SORTS or t.low in _PRONOUNS for t in toks[start:end]):
        return None
    return (start, end)


def _inverted_source(toks: list[Tok], i: int, cue_end: int) -> tuple[int, int] | None:
    """"“...,” said Jane Roe" / "..., says a report": the phrase after the verb."""
    if i == 0:
        return None
    prev = toks[i - 1]
    if not (prev.text in (",", "—", "–") or prev.text in _QUOTE_MARKS or prev.quoted):
        return None
    if toks[i].low not in _INVERTING:
        return None
    j = cue_end
    if j >= len(toks) or toks[j - 1].low == "that":
        return None  # "..., said that the talks failed": a clause follows, not the speaker
    first = toks[j]
    if not first.word or first.quoted or not (first.cap or first.low in _DET or first.low in _UNNAMED or first.low in _PERSONAL or first.low in _TITLES):
        return None
    if first.low in _TIME_WORDS and not (j + 1 < len(toks) and toks[j + 1].cap):
        return None  # "..., Flynn said Thursday morning on Fox": when, not who ("said June Roe" is who)
    end = _np_after(toks, j)
    if end is None:
        return None
    last = toks[end - 1]
    if end - j > 1 and not last.cap and last.low.endswith("ed") and not last.low.endswith("eed") and _subject(toks, i) is not None:
        # "John Smith, a spokesman, said the talks failed": the speaker comes first and a
        # clause with its verb after ("..., said the official concerned" has no speaker before)
        return None
    # the phrase must end the clause: "..., said Jane Roe." / "..., said Roe in a statement"
    if end < len(toks) and toks[end].word and toks[end].low not in _PREP and toks[end].low not in _TIME_WORDS:
        return None
    return (j, _with_appositive(toks, end))


def _subject(toks: list[Tok], v: int) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the verb group starting at ``v``,
    with an appositive ("Jane Roe, a spokeswoman for the ministry,")."""
    k = v - 1
    if k < 0:
        return None
    end = v
    # A parenthetical between subject and verb: "X, a spokesman for Y, said".
    if toks[k].text == ",":
        comma2 = k
        j = k - 1
        while j >= 0 and k - j <= _MAX_SUBJECT and toks[j].text != "," and not toks[j].quoted and toks[j].text not in ";:(":
            j -= 1
        if j < 0 or toks[j].text != ",":
            return None
        inner = toks[j + 1 : comma2]
        if not inner or not inner[0].word:
            return None
        head = _np_left(toks, j)
        if head is None:
            return None
        if inner[0].low in ("who", "which") or inner[0].low.endswith("ed") and not inner[0].cap and len(inner) > 1 and inner[1].low == "by":
            return (head, j)  # "X, who ..., said", "The report, published by the UN, found"
        if inner[0].low in _PREP or inner[0].low in ("according", "citing", "speaking", "however", "meanwhile", "though", "too"):
            return (head, j)  # "Witnesses, according to The Telegraph, said"
        if len(inner) == 1 and inner[0].low.isdigit() and len(inner[0].low) <= 3:
            return (head, comma2)  # an age: "Maria Lopez, 45, said"
        if not (inner[0].low in _DET or inner[0].cap or inner[0].low in _TITLES or inner[0].low in _UNNAMED):
            return None
        return (head, comma2)
    start = _np_left(toks, v)
    if start is None:
        return None
    return (start, end)


def _np_left(toks: list[Tok], v: int) -> int | None:
    """Start of the noun phrase that ends just before ``v``."""
    k = v - 1
    if k < 0:
        return None
    if toks[k].text == ")":
        # "Rep. Stephen Lynch (D-Mass.) said": the phrase ends before the bracket
        opening = next((j for j in range(k - 1, max(-1, k - 10), -1) if toks[j].text == "("), None)
        if opening is None:
            return None
        k = opening - 1
        v = opening
        if k < 0:
            return None
    last = toks[k]
    if not last.word or last.quoted:
        return None
    if last.low in _PREP or (last.low in _DET and last.low not in ("all", "many", "some", "others", "most", "both")) or last.low in _BREAKS and last.low not in _RELATIVE:
        return None
    if last.low in ("whom", "which") and k >= 2 and toks[k - 1].low == "of" and toks[k - 2].low in _VAGUE:
        return k - 2  # "many of whom say"
    if (last.low in _RELATIVE or last.low in _PRONOUNS or last.low in _PERSONAL or last.low in _PLURAL_PRONOUNS) and last.low not in _OBJECT_PRONOUNS:
        return k
    start = k
    j = k - 1
    while j >= 0 and v - j <= _MAX_SUBJECT:
        t = toks[j]
        if t.quoted:
            break
        if not t.word:
            spaced_dash = t.spaced and j > 0
            if t.text in ("-", "&", "’", "'") and not spaced_dash or (t.text == "." and j > 0 and toks[j - 1].word):
                j -= 1
                continue
            if t.text == ")":
                # "the Federal Security Service (FSB)"
                k = j - 1
                while k >= 0 and j - k < 10 and toks[k].text not in ("(", ",", ";") and not toks[k].quoted:
                    k -= 1
                if k >= 0 and toks[k].text == "(":
                    j = k - 1
                    continue
            if t.text == "," and _is_appositive_left(toks, j, start):
                start = _np_left(toks, j) or start
            break
        low = t.low
        if low in ("and", "or") and _coordinates_nouns(toks, j, start):
            j -= 1  # "Regulators and environmental groups said"
            continue
        if low in _BREAKS and (not t.cap or low in _FUNCTION_WORDS):
            break
        if not t.cap and (low in _SPEECH or low in _BELIEF or low in _AUX and low not in ("all", "both", "each")):
            break
        if not t.cap and low in _PREP and low not in _NP_PREP:
            break
        start = j
        j -= 1
        if low in _NP_OPENERS and j >= 0 and toks[j].word and toks[j].low not in _NP_PREP and toks[j].low not in _VAGUE:
            break  # a determiner opens the phrase: "told the press | the officers claimed"
    # trim a leading preposition phrase ("In the speech Smith said") or time
    # ("Earlier this month figures showed")
    while start <= k and toks[start].low in _NP_PREP:
        start += 1
    while start < k and (toks[start].low in _TIME_WORDS or toks[start].low in ("earlier", "later", "last", "this", "next", "on") and toks[start + 1].low in _TIME_WORDS):
        start += 1
    if start > k:
        return None
    if toks[start].low in _PREP and start < k:
        start = _after_opening_phrase(toks, start, k) or start
    return start


def _coordinates_nouns(toks: list[Tok], k: int, right: int) -> bool:
    """Whether "and" at ``k`` joins two noun phrases: a known noun or a name on its
    left, and no pronoun or verb right after it."""
    if k == 0 or right >= len(toks) or toks[right].low in _SUBJECT_PRONOUNS:
        return False
    left = toks[k - 1]
    if not left.word:
        return False
    low = left.low
    return (left.cap and low not in _FUNCTION_WORDS) or low in _UNNAMED or low in _ORG_SORTS or low in _MEDIA or low in _DOC or low in _TITLES


def _is_appositive_left(toks: list[Tok], comma: int, start: int) -> bool:
    """``toks[start:]`` is a name and what precedes the comma a title phrase:
    "The head of the police, Neil Basu", "EEF chief economist, Steve Radley"."""
    if not toks[start].cap or toks[start].low in _DET:
        return False
    j = comma - 1
    if j < 0 or not toks[j].word:
        return False
    return toks[j].low in _TITLES or toks[j].low in _UNNAMED or toks[j].low in _ORG_SORTS


def _after_opening_phrase(toks: list[Tok], start: int, k: int) -> int | None:
    """"At the rally Trump said": the subject starts after the opening phrase."""
    for j in range(start + 1, k + 1):
        t = toks[j]
        if j > start + 1 and (t.low in ("the", "a", "an") or (t.cap and not toks[j - 1].cap and toks[j - 1].low not in _DET)):
            return j
    return None


def _with_appositive(toks: list[Tok], end: int) -> int:
    """Extend a source phrase over a following appositive: "Jane Roe, a spokeswoman for X"."""
    n = len(toks)
    if end < n - 1 and toks[end].text == "," and (
        toks[end + 1].low in ("a", "an", "the") or toks[end + 1].low in _TITLES or toks[end + 1].cap and end + 2 < n and toks[end + 2].cap
    ):
        e2 = _np_after(toks, end + 1)
        if e2 is not None:
            return e2
    return end


def _is_parenthetical(toks: list[Tok], s: int, cue_end: int) -> bool:
    """"“...,” he said" / "The plan, she said, will fail": the clause is before the source."""
    if s == 0:
        return False
    before = toks[s - 1]
    if not (before.text in (",", "—", "–") or before.text in _QUOTE_MARKS or before.quoted):
        return False
    n = len(toks)
    return cue_end >= n or not toks[cue_end].word or toks[cue_end].low in _PREP or toks[cue_end].low in _TIME_WORDS or toks[cue_end].cap


# ---- "analysts were upbeat about" ---------------------------------------------------


def _belief_adjective(toks: list[Tok], i: int) -> _Found | None:
    """An attitude given as an adjective after "be": "Democrats are afraid that"."""
    t = toks[i]
    if t.low not in _BELIEF_ADJECTIVES or t.cap or i + 1 >= len(toks):
        return None
    aux = _aux_start(toks, i)
    if not any(toks[k].low in _BE or toks[k].low in ("remain", "remains", "remained", "seem", "seems", "seemed") for k in range(aux, i)):
        return None
    nxt = toks[i + 1].low
    if nxt not in ("that", "about", "of", "over", "with", "by") and not _zero_that_clause(toks, i + 1):
        return None
    subject = _subject(toks, aux)
    if subject is None:
        return None
    end = i + 2 if nxt == "that" else i + 1
    return _Found((aux, end), subject, "belief", complement=True, clause=True)


# ---- "claims that", "allegations of", "criticism from" -------------------------


def _noun_cue(toks: list[Tok], i: int) -> _Found | None:
    """"claims that", "allegations of", "criticism from X", "economists' expectations"."""
    t = toks[i]
    if t.low in _BELIEF_NOUNS and not t.cap:
        return _belief_noun(toks, i)
    if t.low not in _ATTRIBUTION_NOUNS or t.cap and i > 0:
        return None
    n = len(toks)
    if i + 1 >= n or toks[i + 1].low not in ("that", "of", "from", "for", "about"):
        return None
    nxt = toks[i + 1].low
    if t.low in ("reports", "claims", "charges") and i > 0 and toks[i - 1].low not in _DET and toks[i - 1].low not in _PREP and not toks[i - 1].low.endswith("ing"):
        if toks[i - 1].word:
            return None  # a verb after a subject: handled as a verb
    if t.low == "charges" and nxt != "that":
        return None
    if nxt == "from":
        end = _np_after(toks, i + 2)
        return _Found((i, i + 2), (i + 2, end), "speech") if end else None
    # possessive owner: "his claims that", "Smith's allegations of"
    if i > 0 and toks[i - 1].low in ("his", "her", "their", "its"):
        return _Found((i, i + 2), (i - 1, i), "speech", reported=True)
    for k in (i - 1, i - 2):  # "Trump’s claim that", "the police’s earlier claim that"
        if k >= 0 and toks[k].low.endswith(("’s", "'s")) and (toks[k].cap or toks[k].low[:-2] in _ORG_SORTS):
            start = _np_left(toks, k + 1) or k
            return _Found((i, i + 2), (start, k + 1), "speech", reported=True)
    if nxt == "of" and t.low in ("criticism", "charges"):
        return None  # "criticism of the plan": what follows is the target, not the content
    return _Found((i, i + 2), None, "speech", reported=nxt == "that")


def _possessor(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The owner named just before a noun: "his", "Smith’s", "economists’"."""
    k = i - 1
    if k >= 0 and toks[k].low in ("his", "her", "their", "its", "our"):
        return (k, i)
    if k >= 1 and toks[k].text in ("’", "'") and toks[k - 1].low.endswith("s") and toks[k - 1].word:
        # "Wall Street economists’ expectations": the plural and a few modifiers
        start = k - 1
        while start > 0 and k - start < 4 and toks[start - 1].word and not toks[start - 1].quoted:
            low = toks[start - 1].low
            if low in _BREAKS or low in _PREP or low in _SPEECH or low in _BELIEF or low in ("and", "or") or low.endswith("ing"):
                break
            start -= 1
            if low in _DET:
                break
        return (start, k)
    if k >= 0 and toks[k].low.endswith(("’s", "'s")):
        return (_np_left(toks, i) or k, i)
    return None


def _belief_noun(toks: list[Tok], i: int) -> _Found | None:
    """"economists' expectations of a rise", "employee concerns that ...": a
    mental state given as a noun, with its owner or a clause."""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    owner = _possessor(toks, i)
    if owner is not None and nxt in ("of", "that", "about"):
        return _Found((i, i + 2 if nxt == "that" else i + 1), owner, "belief", complement=True)
    if nxt == "that" and i > 0 and toks[i - 1].word and toks[i - 1].low in _UNNAMED:
        return _Found((i, i + 2), (i - 1, i), "belief", complement=True)  # "employee concerns that"
    return None


def _with_commentators(toks: list[Tok], i: int) -> _Found | None:
    """"with analysts putting the fall down to ...", "with experts offering their
    assessments": people who comment for a living, and what they do, in a "with"
    clause.  The -ing verb is the cue whatever it is."""
    if toks[i].low != "with":
        return None
    for k in range(i + 1, min(len(toks) - 1, i + 5)):
        t = toks[k]
        if not t.word or t.quoted or t.low in _BREAKS or t.low in _PREP:
            return None
        if t.low in _COMMENTATORS and not t.cap:
            verb = toks[k + 1]
            if verb.word and not verb.cap and not verb.quoted and verb.low.endswith("ing") and len(verb.low) > 5:
                kind = "belief" if verb.low in _BELIEF and verb.low not in _SPEECH else "speech"
                return _Found((k + 1, k + 2), (i + 1, k + 1), kind, clause=True, complement=True)
            return None
    return None


# ---- signatures and headlines ------------------------------------------------------


def _dash_signature(toks: list[Tok], i: int) -> _Found | None:
    """"“...” ― Jane Roe": a quotation signed by its speaker."""
    if i == 0 or not (toks[i - 1].text in _QUOTE_MARKS or toks[i - 1].quoted):
        return None
    end = _np_after(toks, i + 1, limit=5)
    if end is None or not toks[i + 1].cap:
        return None
    return _Found((i, i + 1), (i + 1, end), "speech")


def _colon_headline(toks: list[Tok], i: int) -> _Found | None:
    """"Pence: Flowers Won't Be at Debate": a headline that credits a name."""
    if i == 0 or i > 4 or i + 1 >= len(toks):
        return None
    if not all(t.word and t.cap for t in toks[:i]) or toks[i - 1].low in _CREDIT_LINES:
        return None  # "Source: NATO." credits a name, it is no speaker
    words = [t for t in toks[i + 1 :] if t.word and t.low not in _FUNCTION_WORDS and t.low not in _PREP and t.low not in _DET]
    title_case = words and sum(t.cap for t in words) >= 0.6 * len(words)
    if toks[-1].text in ".?!" and not title_case:
        return None  # prose, not a headline
    return _Found((i, i + 1), (0, i), "speech")


# -- from tokens to attributions ---------------------------------------------------


def _build(article: Article, sentence: Sentence, toks: list[Tok], starts: list[int], ends: list[int], items: list[_Found], index: int,
           context: "_Context") -> Attribution | None:
    item = items[index]
    cue_span = article.span(starts[item.cue[0]], ends[item.cue[1] - 1])
    source = item.source
    src_span = article.span(starts[source[0]], ends[source[1] - 1]) if source else None
    content = _content(article, toks, starts, ends, item, items, index)
    if content is None:
        return None
    initial = source is not None and (source[0] == 0 or toks[source[0] - 1].text in _QUOTE_MARKS or toks[source[0] - 1].text in (".", ";", ":"))
    source_kind = classify_source(src_span.text if src_span else None, initial)
    resolved = None
    if src_span is not None:
        source_kind, resolved = context.resolve(src_span, source_kind, toks, starts, ends, source)
    elif item.source is None:
        source_kind = "unnamed"
    form = "belief" if item.kind == "belief" else quote_form(article, content, cue_span, item.reported)
    return Attribution(cue_span, src_span, content, source_kind, form, sentence.index, resolved=resolved)


def _content(article: Article, toks: list[Tok], starts: list[int], ends: list[int], item: _Found, items: list[_Found], index: int) -> Span | None:
    """The attributed clause: after the cue, or before it when the cue is
    parenthetical or at the end ("..., he said.", "..., according to X.").
    It never runs into the clause of the next cue, nor back past the previous one."""
    n = len(toks)
    cue_a, cue_b = item.cue
    first = min(cue_a, item.source[0]) if item.source else cue_a
    last = max(cue_b, item.source[1]) if item.source else cue_b
    stop, floor = n, 0
    for k in range(index + 1, min(len(items), index + 4)):
        other = items[k]
        if other.cue[0] > last and (other.source is None or other.source[0] > last):
            stop = _back_to_clause_break(toks, last, other.cue[0])
            break
    if index > 0:
        # back to the previous cue, or over its whole clause when this cue closes
        # the sentence ("Officials have warned that ..., two sources said.")
        prior = items[index - 1]
        prior_start = min(prior.cue[0], prior.source[0]) if prior.source else prior.cue[0]
        prior_end = max(prior.cue[1], prior.source[1] if prior.source and prior.source[1] <= first else 0)
        prior_is_clause = prior.source is not None and prior.source[1] <= prior.cue[0]
        closing = prior_is_clause and _ends_clause(toks, first) and _trim(toks, last, n) is None
        floor = min(first, prior_start if closing and prior_start < first else prior_end)
    after = _trim(toks, last, stop)
    before = _trim(toks, floor, first)
    leading = item.source is not None and item.source[0] > cue_a  # "according to X, ..." / "said X"
    parenthetical = _ends_clause(toks, first)
    if after and parenthetical and not leading and not item.complement and (toks[before[1] - 1] if before else toks[0]).text not in _QUOTE_MARKS:
        # "In these attacks, the statement added, the forces ...": the clause goes on after
        if toks[after[0]].low not in _PREP and toks[after[0]].low not in _TIME_WORDS and toks[after[0]].word:
            before = None
    if before and (parenthetical or leading) and (not after or not item.complement and not leading or leading and parenthetical):
        a, b = before
        # "X scolded him: “...,” she said": what she said is the quotation after the colon
        opened = next((k + 1 for k in range(b - 3, a - 1, -1) if toks[k].text == ":" and toks[k + 1].text in _QUOTE_MARKS), None)
        if opened is not None and (q := article.quote_at(starts[opened])) is not None and q.start == starts[opened] and q.end >= ends[b - 1]:
            a = opened
        start, end = starts[a], ends[b - 1]
        q = article.quote_at(start)
        if q is not None and q.start < start:
            start = q.start  # the quotation opened in an earlier sentence
        return article.span(start, end)
    if after:
        a, b = _skip_adjunct(toks, *after)
        start, end = starts[a], ends[b - 1]
        q = article.quote_at(start) if toks[a].text in _QUOTE_MARKS else None
        if q is not None and q.end > end:
            end = q.end  # a quotation that runs on into the next sentences
        return article.span(start, end)
    relative = item.source[0] - 1 if item.source else -1
    if relative > 0 and toks[relative].low in ("which", "that"):
        # "the figure that economists had forecast": what is forecast is the antecedent
        antecedent = _antecedent(toks, relative)
        if antecedent is not None:
            return article.span(starts[antecedent[0]], ends[antecedent[1] - 1])
    return None


def _skip_adjunct(toks: list[Tok], a: int, b: int) -> tuple[int, int]:
    """"said on Friday “...”", "told The Atlantic, “...”": the quotation is the content."""
    for k in range(a, min(b, a + 9)):
        t = toks[k]
        if t.text in _QUOTE_MARKS and not t.quoted and k > a:
            if toks[a].low in _PREP or toks[k - 1].text in (",", ":"):
                return k, b
            break
        if t.low in _CLAUSE_AUX or t.low in _FINITE:
            break  # "said on Friday the country is “...”": a clause, and the quotation only part of it
        if t.quoted or t.low in _BREAKS:
            break
    return a, b


def _back_to_clause_break(toks: list[Tok], lo: int, stop: int) -> int:
    """Cut content before the clause that holds the next cue (", while ...", "and")."""
    for k in range(stop - 1, max(lo, stop - 8), -1):
        if toks[k].text in (",", ";", "—") or toks[k].low in ("while", "and", "but", "as"):
            return k
    return stop


def _ends_clause(toks: list[Tok], first: int) -> bool:
    return first > 0 and (toks[first - 1].text in (",", "—", "–", ";") or toks[first - 1].text in _QUOTE_MARKS)


def _trim(toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    """Drop joining words and punctuation at both ends of ``toks[a:b]``."""
    while a < b and (not toks[a].word and toks[a].text not in _QUOTE_MARKS and toks[a].text not in "([" or toks[a].low in ("that", "and", "but", "also")) and not toks[a].quoted:
        a += 1
    while b > a and not toks[b - 1].word and toks[b - 1].text not in _QUOTE_MARKS and toks[b - 1].text not in ")]":
        b -= 1
    for k in range(a, b):
        if toks[k].word:
            return (a, b)
    return None


def quote_form(article: Article, content: Span, cue: Span, reported: bool = False) -> str:
    """``direct``, ``mixed`` or ``indirect``: how much of the content is quoted, and how."""
    share = article.quoted_share(content.start, content.end)
    if share >= 0.9:
        low = cue.text.lower().rstrip()
        if reported or low.endswith((" that", " as")) or low in ("that", "as"):
            return "mixed"
        return "direct"
    return "mixed" if share > 0.0 else "indirect"


# -- who the source is ---------------------------------------------------------------


def _head_words(words: list[str]) -> list[str]:
    """The words of a source phrase up to its first modifier: "officials at the
    ministry" -> "officials"; "one of his advisers" -> "his advisers"; an
    appositive after a comma is dropped."""
    out: list[str] = []
    for k, w in enumerate(words):
        low = w.lower()
        if low == ",":
            break
        if low == "of" and out and all(x.lower() in _DET or x.lower() in _VAGUE or x.lower() in _PARTITIVES for x in out):
            out = ["some"]  # a partitive ("a chorus of", "many of"): a vague part of what follows
            continue
        if out and (low in _NP_PREP or low in _RELATIVE or low.endswith("ing") and len(low) > 5) and not w[:1].isupper():
            break
        if out and low.endswith("ed") and len(low) > 4 and k + 1 < len(words) and words[k + 1].lower() in _PREP:
            break  # "a person briefed on the talks", "officials involved in the case"
        out.append(w)
    return out


@lru_cache(maxsize=4096)  # the same phrases come back ("he", "officials", a name)
def classify_source(source: str | None, sentence_initial: bool = False) -> str:
    """The kind of a source phrase: named_person, named_org, title_only, unnamed,
    document or none.  ``sentence_initial``: the phrase opens its sentence, so a
    capital on its first word says nothing ("Early reports", "Police")."""
    if not source:
        return "none"
    words = [m.group() for m in _TOKEN.finditer(source)]
    if not words:
        return "none"
    if sentence_initial and not words[0].isupper() and words[0].lower() not in _DESCRIPTIVE and words[0].lower() not in _ORG_WORDS and not words[0].endswith(("’s", "'s")):
        # a capital that only opens the sentence: "Police", "Early reports", "Clinton aides"
        named_conjunct = len(words) > 2 and words[1] in ("and", "or") and (words[2][:1].isupper() or words[2].lower() in ("other", "others"))
        if not _is_name_word(words[0]) or words[0].lower() in _FUNCTION_WORDS or len(words) > 1 and words[1][:1].islower() and not named_conjunct:
            words[0] = words[0].lower()
    lows = [w.lower() for w in words]
    first = lows[0] if not (words[0].isupper() and len(words[0]) > 1) else ""  # "US" is no pronoun
    if len(words) > 1 and first in ("his", "her", "their", "its", "our", "my", "your"):
        first = ""  # a possessive determiner: "his associates"
    if first in ("anyone", "anybody", "nobody") or lows[:2] == ["no", "one"]:
        return "none"  # "whether anyone disclosed", "nobody would question": no one in particular
    if first in _PERSONAL or first in _PLURAL_PRONOUNS or first in _RELATIVE or first in ("someone", "somebody"):
        return "unnamed" if first in ("someone", "somebody") else "named_person"
    # A name anywhere in the phrase names the source ("Jane Roe, a spokeswoman";
    # "the head of police, Neil Basu"), except inside an appositive that only
    # describes it ("officials at the agency, a division of the Customs Service").
    parts = _split_commas(words)
    parts = [p for k, p in enumerate(parts) if k == 0 or p[0].lower() not in ("a", "an", "the", "one")] or parts[:1]
    conjuncts = [c for part in parts for c in _conjuncts(part)]
    kinds = [_classify_part(c) for c in conjuncts]
    if any(k == "unnamed" and c[0].lower() in ("other", "others") for k, c in zip(kinds, conjuncts)):
        return "unnamed"  # "the CIA and other intelligence agencies": some of them unnamed
    for wanted in ("named_person", "named_org"):
        if wanted in kinds:
            return wanted
    return kinds[0]


def _split_at(words: list[str], cuts_here) -> list[list[str]]:
    """``words`` cut at each word for which ``cuts_here(word, part_so_far)`` holds (that word dropped)."""
    parts, cur = [], []
    for w in words:
        if cuts_here(w, cur):
            if cur:
                parts.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        parts.append(cur)
    return parts or [words]


def _conjuncts(words: list[str]) -> list[list[str]]:
    """"The nominee and his aides" -> each side of "and", "or" (but not inside a
    modifier: "polls in Pennsylvania and Virginia" is one phrase)."""
    return _split_at(words, lambda w, cur: w in ("and", "or", "&") and cur
                     and not any(x.lower() in _NP_PREP for x in cur[1:]))


def _split_commas(words: list[str]) -> list[list[str]]:
    """The parts of a source phrase between commas: its head and appositives."""
    return _split_at(words, lambda w, cur: w == ",")


def _classify_part(words: list[str]) -> str:
    head = [w for w in _head_words(words) if w not in ("’", "'", "(", ")", "-", ".")] or words
    while len(head) > 1 and head[-1].lower() in ("there", "here", "nearby", "locally", "themselves", "too", "all", "both", "each", "alike"):
        head = head[:-1]  # "residents there", "Brown and Menendez all"
    lows = [w.lower() for w in head]
    noun, word = lows[-1], head[-1]
    if noun == "s" and len(lows) > 1:
        noun, word = lows[-2], head[-2]
    # "Obama's aides", "the candidate's former doctor": someone's, so identifiable
    possessor = any(w.endswith(("’s", "'s", "s’", "s'")) and (w[:1].isupper() or lows[0] == "the") for w in head[:-1])
    # A proper name among the modifiers: "the Iraqi Al-Nujaba satellite channel",
    # "a Bloomberg poll"; descriptive capitals ("US", "Iraqi") are no name.
    names = [w for w in head if w[:1].isupper() and _is_name_word(w)]
    common = noun in _UNNAMED or noun in _ORG_SORTS or noun in _DOC or noun in _MEDIA or noun in _TITLES
    common = common and not any(w != word and w[:1].isupper() and _is_name_word(w) for w in head)  # "The Charlotte Observer"
    if word[:1].isupper() and not (common and (len(head) == 1 or head[0].lower() in _DET or head[0].lower() in _VAGUE or word.isupper())):
        if noun in _DESCRIPTIVE or noun.endswith(("ans", "ese", "ists")) and not [w for w in names if w != word]:
            # "Democrats" is a party, named; "Mexicans", "many Democrats",
            # "skittish Democrats", "one Republican": people nobody can identify
            vague = any(w in _VAGUE or w in _NUMBERS or w in ("one", "another") for w in lows[:-1])
            vague = vague or any(w[:1].islower() and w.lower() not in _DET for w in head[:-1])
            people = noun.endswith("s") and noun not in _PARTIES and len(head) == 1
            return "unnamed" if vague or people else "named_org"
        if noun in _TITLES and not names:
            return "title_only"
        if any(w.lower() in _ORG_WORDS for w in head) or noun in _ORG_SORTS or " ".join(lows) in _COUNTRIES:
            return "named_org"  # (a state speaks as an organisation: "Saudi Arabia denied")
        if len(names) == 1 and ("-" in names[0] and not names[0][names[0].index("-") + 1 :][:1].islower() or names[0].isupper() and len(names[0]) > 1):
            return "named_org"
        if lows[0] in _DET and lows[0] not in ("his", "her", "their", "its"):
            return "named_org"  # "the Pentagon", "The Washington Post"
        return "named_person"
    if noun in _TITLES:
        return "title_only"
    if (noun in _MEDIA or noun in _DOC) and _issued_by_name(words):
        return "document"  # "projections by CNN and NPR"
    if noun in _MEDIA or noun in _DOC:
        plural_media = noun in _MEDIA and noun not in ("report", "poll", "survey", "study", "estimate", "video", "post", "footage") or noun.endswith("ies") or noun.endswith("s") and noun[:-1] in _DOC
        if possessor and plural_media and all(w.lower()[:-2] in _DESCRIPTIVE for w in head[:-1] if w.endswith(("’s", "'s"))):
            return "unnamed"  # "Russia's newspapers", but not "CNN's projections"
        if names or possessor:
            return "document"
        if not plural_media or lows[0] in ("the", "its", "his", "her", "their", "this", "that"):
            return "document" if lows[0] not in ("one", "another") else "unnamed"
        return "unnamed"
    if lows[0] == "the" and noun in _STUDY_AUTHORS:
        return "named_org"  # "the researchers": the authors of a study named before
    if noun in _UNNAMED or any(w in _VAGUE for w in lows[:2]) and noun not in _ORG_SORTS:
        if possessor and not noun.endswith("s"):
            return "title_only"  # "Obama's former campaign strategist": one identifiable person
        return "unnamed"
    if noun in _ORG_SORTS or noun.endswith("s") and noun[:-1] in _ORG_SORTS or noun.endswith("ies") and noun[:-3] + "y" in _ORG_SORTS:
        # "the militia" refers back to a named one; "human rights groups" names none
        plural = noun.endswith("s") and noun not in ("news", "forces", "press") and not names
        return "unnamed" if plural and lows[0] not in ("the", "its", "their", "his", "her") else "named_org"
    if names:
        return "named_org" if any(w.lower() in _ORG_WORDS for w in names) else "named_person"
    if possessor and noun.endswith(("er", "or", "ist", "ian", "ant", "ent")):
        return "title_only"  # "the mayor's former driver": one person, identifiable
    if noun.endswith(("ers", "ors", "ists", "ians", "ants", "ents")) and noun not in _DOC:
        return "unnamed"  # "frustrated parents", "protesters": people, unnamed
    return "none"


def _issued_by_name(words: list[str]) -> bool:
    for k, w in enumerate(words[:-1]):
        if w.lower() in ("by", "from"):
            nxt = words[k + 2] if words[k + 1] == "the" and k + 2 < len(words) else words[k + 1]
            if nxt[:1].isupper():
                return True
    return False


def _is_name_word(w: str) -> bool:
    low = w.lower().rstrip("’'s") if w.endswith(("’s", "'s")) else w.lower()
    return not (low in _DESCRIPTIVE or low in _DET or low in _TITLES or low in _UNNAMED or low in _DOC or low in _ORG_SORTS or low in _MEDIA)


class _LetterPattern:
    """A pattern over letters, written with ``<Lu>`` (an upper-case letter) and ``<L>``
    (any letter, inside a character class).  A text whose letters are all ASCII (most
    English news) is read with the standard ``re`` and ``[A-Z]``/``A-Za-z``, which match
    exactly what ``regex``'s ``\\p{Lu}``/``\\p{L}`` would there; so ``regex``, 20 ms to
    import, is loaded only for other text.  Both are compiled on first use."""

    def __init__(self, template: str) -> None:
        self.template = template
        self._ascii: re.Pattern[str] | None = None
        self._unicode = None

    def finditer(self, text: str, ascii_letters: bool | None = None):
        """``ascii_letters``: whether ``text``'s letters are all ASCII, when the caller knows."""
        if _ascii_letters_only(text) if ascii_letters is None else ascii_letters:
            if self._ascii is None:
                self._ascii = re.compile(self.template.replace("<Lu>", "[A-Z]").replace("<L>", "A-Za-z"))
            return self._ascii.finditer(text)
        if self._unicode is None:
            import regex

            self._unicode = regex.compile(self.template.replace("<Lu>", r"\p{Lu}").replace("<L>", r"\p{L}"))
        return self._unicode.finditer(text)


def _ascii_letters_only(text: str) -> bool:
    """No letter beyond ASCII, and none of U+001C-U+001F, the only characters whose
    white-space class differs between ``re`` (yes) and ``regex`` (no)."""
    if text.isascii():
        return "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text
    beyond_ascii = re.sub(r"[\x00-\x1b\x20-\x7f]+", "", text)  # and U+001C-U+001F: a set of the rest is cheap
    return not any(ch.isalpha() or "\x1c" <= ch <= "\x1f" for ch in set(beyond_ascii))


class _Context:
    """What the article has said so far, to resolve pronouns and anaphors."""

    _NAME = _LetterPattern(r"<Lu>[<L>’'\-]+(?:\s+<Lu>\.)?(?:\s+(?:al-|bin\s+|de\s+|van\s+)?<Lu>[<L>’'\-]+)+")
    # ", an Iraqi armed group": an apposition that says what a name is
    _APPOSITION = _LetterPattern(r"[,(]\s*(?:an?|the)\s+(?P<desc>[<L>\-]+(?:\s+[<L>\-]+){0,4})")

    def __init__(self, article: Article) -> None:
        self.article = article
        self.found: list[Attribution] = []
        self.described: list[tuple[int, str, str]] | None = None
        self.person: tuple[int, str] | None = None  # the last person named as a source
        self.surnames: dict[str, str] = {}  # "Marsh" -> "Helen Marsh"
        self._ascii_letters: bool | None = None  # whether the article's letters are all ASCII, once known
        self._any_name: bool | None = None  # whether the article holds a name at all, once known

    def add(self, attribution: Attribution) -> None:
        self.found.append(attribution)
        source = attribution.source
        if source is not None and attribution.source_kind == "named_person":
            name = attribution.resolved or self.bare_name(source.text)
            if name:
                self.person = (source.end, name)
                if " " in name:
                    self.surnames[name.rsplit(None, 1)[-1]] = name

    def resolve(self, span: Span, kind: str, toks: list[Tok], starts: list[int], ends: list[int], source: tuple[int, int]) -> tuple[str, str | None]:
        words = span.text.split()
        low = words[0].lower()
        if len(words) == 1 and low == "it":
            org = next((a.resolved or a.source.text for a in reversed(self.found[-_MEMORY:]) if a.source_kind == "named_org" and a.source and a.source.end <= span.start), None)
            return "named_org", org
        if len(words) == 1 and (low in _PERSONAL or low == "i"):
            name = self._last_person(span.start) if low not in ("i", "we", "you") else None
            return "named_person", name
        if len(words) == 1 and (low in _PLURAL_PRONOUNS or low in _RELATIVE):
            if low in _RELATIVE:
                antecedent = _antecedent(toks, source[0])
                if antecedent is not None:
                    text = self.article.text[starts[antecedent[0]] : ends[antecedent[1] - 1]]
                    return classify_source(text), text
            prior = self._last_plural(span.start)
            if prior is not None:
                return prior.source_kind, prior.resolved or (prior.source.text if prior.source else None)
            return "unnamed", None
        if len(words) == 1 and kind in ("named_person", "named_org") and words[0] in self.surnames:
            return "named_person", self.surnames[words[0]]  # "Marsh said", after "Helen Marsh"; "Jordan", after "Jim Jordan"
        lows = [w.lower().strip(",.") for w in words]
        if lows[0] in ("the", "its", "this") and kind in ("named_org", "document") and len(_head_words(words)) <= 3:
            noun = _head_words(words)[-1].lower()
            capitals = [w for w in words[1:] if w[:1].isupper()]
            if not (capitals and noun in _STATE_BODIES) and not any(w.lower() not in _DESCRIPTIVE for w in capitals):
                if kind == "document" or noun in _DOC:
                    issuer = self._issuer(noun, span.start)
                    return "document", issuer
                org = self._last_org(noun, span.start)
                if org:
                    return "named_org", org
        return kind, None

    def _last_person(self, before: int) -> str | None:
        if self.person is not None and self.person[0] <= before and before - self.person[0] < 3000:
            return self.person[1]
        if self._any_name is None:
            # A part of the text holds a name only where the whole does: one look, not one per pronoun.
            self._any_name = next(self._NAME.finditer(self.article.text, self._all_ascii_letters()), None) is not None
        if not self._any_name:
            return None
        window = self.article.text[max(0, before - 600) : before]
        # a part of an article whose letters are all ASCII needs no look of its own
        names = [n for m in self._NAME.finditer(window, self._all_ascii_letters() or None) if not _is_org(m.group()) and len((n := self.bare_name(m.group()) or "").split()) > 1]
        return names[-1] if names else None

    def _all_ascii_letters(self) -> bool:
        if self._ascii_letters is None:
            self._ascii_letters = _ascii_letters_only(self.article.text)
        return self._ascii_letters

    @classmethod
    def bare_name(cls, phrase: str) -> str | None:
        """The person's name in a source phrase, without descriptor or appositive:
        "Gulf-backed Syria researcher Charles Lister" -> "Charles Lister"."""
        for part in phrase.split(","):
            matches = [m for m in cls._NAME.finditer(part) if not _is_org(m.group())]
            if matches:
                words = matches[-1].group().split()
                while len(words) > 1 and not _is_name_word(words[0]):
                    words.pop(0)
                return " ".join(words)
        return None

    def _last_plural(self, before: int) -> Attribution | None:
        for a in reversed(self.found[-6:]):
            if a.source is not None and a.source.end <= before and a.source_kind in ("unnamed", "named_org") and a.source.text.lower() not in _PLURAL_PRONOUNS:
                return a
        return None

    def _last_org(self, noun: str, before: int) -> str | None:
        sorts = _ORG_SORTS.get(noun, set())
        if self.described is None:
            self.described = self._descriptions()
        i = bisect.bisect_left(self.described, (before,)) - 1
        lowest = max(-1, i - _MEMORY)
        while i > lowest and before - self.described[i][0] < 3000:
            _, name, desc = self.described[i]
            if any(_ORG_SORTS.get(w, set()) & sorts for w in desc.split()):
                return name
            i -= 1
        for a in reversed(self.found[-_MEMORY:]):
            if a.source_kind == "named_org" and a.source is not None and a.source.end <= before and a.resolved is None:
                if any(_ORG_SORTS.get(w.lower(), set()) & sorts for w in a.source.text.split()):
                    return a.source.text
        return None

    def _descriptions(self) -> list[tuple[int, str, str]]:
        """(offset, name, description) for each "Name, a description" in the article."""
        text = self.article.text
        ascii_letters = self._all_ascii_letters()
        out = []
        for m in self._APPOSITION.finditer(text, ascii_letters):
            words = text[max(0, m.start() - 80) : m.start()].split()
            name: list[str] = []
            for word in reversed(words[-6:]):
                if word[:1].isupper() or (name and word.lower() in ("of", "al-", "bin")):
                    name.append(word)
                else:
                    break
            while name and not name[-1][:1].isupper():
                name.pop()
            if name:
                out.append((m.start(), " ".join(reversed(name)), m.group("desc").lower()))
        # names that say what they are: "the Cedar Brigade", "the Finance Ministry"
        for m in self._NAME.finditer(text, ascii_letters):
            last = m.group().rsplit(None, 1)[-1].lower()
            if last in _ORG_SORTS and not m.group().split()[0].lower() in _DET:
                out.append((m.start(), m.group(), last))
        out.sort()
        return out

    def _issuer(self, noun: str, before: int) -> str | None:
        """Who issued "the statement": the named source of the attribution whose
        sentence mentions one."""
        for a in reversed(self.found[-8:]):
            if a.source is None or a.source.end > before or a.source_kind not in ("named_person", "named_org"):
                continue
            sentence = self.article.sentences[a.sentence]
            if noun in sentence.text.lower():
                return a.resolved or a.source.text
        return None


def _antecedent(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``k`` follows: "a consultant who",
    "Jane Roe, who": back to its determiner or the start of its name."""
    end = k - 1 if k > 0 and toks[k - 1].text == "," else k
    if end == 0 or not toks[end - 1].word:
        return None
    lowest = max(0, end - 6)
    for j in range(end - 1, lowest - 1, -1):
        t = toks[j]
        if t.low in _DET and not t.cap or t.low in ("the", "a", "an"):
            return (j, end)
        if not t.word or t.low in _PREP or t.low in _BREAKS or not t.cap and j < end - 1 and toks[j + 1].cap:
            return (j + 1, end) if j + 1 < end else None
    return (lowest, end)


def _is_org(name: str) -> bool:
    return any(w.lower() in _ORG_WORDS for w in name.split())
