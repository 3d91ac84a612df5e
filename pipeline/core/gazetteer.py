"""Find mentions of countries and space-domain entities in text.

One Aho-Corasick automaton holds a case-folded key for every alias: pycountry names plus
``pipeline/reference/country_aliases.csv`` and ``pipeline/reference/entities.csv``. All-caps
aliases (``US``, ``ESA``, ``CZ-5``) are then accepted only if the text has them in exactly
that case; other names need an upper-case first letter in the text (targets excepted).
Matching runs on a normalised copy of the text in which every character keeps its place:
curly apostrophes become ``'``, typographic dashes ``-``, whitespace a space, and runs of
spaces are squeezed to one with a table that maps offsets back exactly.

Names in no list are found by two shape rules (``shape:institution``, ``shape:mission``).
They never overlap a registry mention, except that a country, capital or demonym inside an
institution name ("Hungarian Solar Physics Foundation") is part of that name and is dropped.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import attrgetter, itemgetter

import ahocorasick
import pycountry

__all__ = ["Entry", "Gazetteer", "Mention", "fold", "key_of", "normalise"]

GEO_KINDS = frozenset({"country", "capital", "demonym"})
ENTITY_KINDS = frozenset(
    {"framework", "agency", "institution", "mission", "launch_site", "launch_vehicle", "target"}
)
MEMBER_TYPES = frozenset({"country", "space_agency", "institution", "university", "company", "organization"})
_ALIAS_KINDS = {"name": "country", "capital": "capital", "demonym": "demonym"}
_BLOCK = "_block"


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention: exact offsets in the searched text plus what it refers to."""

    start: int
    end: int
    kind: str
    canonical: str
    iso3: str | None
    member_type: str | None
    source: str
    acronym: str | None = None  # shape institutions: the "(ABC)" right after the name


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form refers to (the result of :meth:`Gazetteer.lookup`)."""

    kind: str
    canonical: str
    iso3: str | None
    member_type: str | None
    wikidata: str | None = None


# --- length-preserving normalisation ---------------------------------------------------------

_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)  # every str.isspace() character except " "
_APOSTROPHES = "’‘`ʼ′‛´"
_DASHES = "–—‑‐−‒―"
_MARKUP = "*"  # Markdown emphasis: "**Kazan Federal University**" is read as the bare name
_REPLACEMENTS = (
    tuple((c, " ") for c in _WHITESPACE + _MARKUP)
    + tuple((c, "'") for c in _APOSTROPHES)
    + tuple((c, "-") for c in _DASHES)
)
_RUN_RE = re.compile("  +")


_ASCII_REPLACEMENTS = tuple((old, new) for old, new in _REPLACEMENTS if old.isascii())


def normalise(text: str) -> str:
    """Map apostrophes, dashes, whitespace and emphasis asterisks to ``'``, ``-`` and space;
    length is unchanged."""
    for old, new in _ASCII_REPLACEMENTS if text.isascii() else _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def fold(text: str) -> str:
    """Lower-case ``text`` character by character, keeping its length."""
    if "İ" in text:  # the only character whose lower() is two characters long
        return "İ".join([fold(part) for part in text.split("İ")])
    if len(text) > 2 * _CHUNK and not text.isascii():
        # str.lower() is fast only on ASCII strings; most chunks of a mostly-English text are
        return "".join([text[i : i + _CHUNK].lower() for i in range(0, len(text), _CHUNK)])
    return text.lower()


_CHUNK = 4096


def _squeeze(w: str) -> tuple[str, list[int], list[int]]:
    """Squeeze runs of spaces; return the string and a table for mapping offsets back."""
    if "  " not in w:
        return w, [], []
    at: list[int] = []  # squeezed offset of each run's single space
    shift: list[int] = []  # characters removed up to and including each run
    total = 0
    for m in _RUN_RE.finditer(w):
        a, z = m.span()
        at.append(a - total)
        total += z - a - 1
        shift.append(total)
    return _RUN_RE.sub(" ", w), at, shift


_HASHTAG_DROPS = re.compile(r"[\s'’.-]+")  # what a hashtag leaves out of a name


def _surface(alias: str) -> str:
    """Normalised, whitespace-squeezed, stripped form of an alias."""
    return _RUN_RE.sub(" ", normalise(alias)).strip()


def key_of(alias: str) -> str:
    """The case-folded lookup key of an alias or name."""
    return fold(_surface(alias))


def _is_acronym(form: str) -> bool:
    """All cased letters upper case and at least two letters: match case-sensitively."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


# --- variants generated from the reference rows (documented in pipeline/reference/README.md) --

_SPELLINGS = (("Centre", "Center"), ("Organisation", "Organization"), ("Programme", "Program"))
_SPELLINGS += (("Defence", "Defense"),)
_NUMBERED = re.compile(r"^(.*[A-Za-z'])[ -]?(\d+[A-Za-z]?)$")


def _spelling_variants(alias: str) -> set[str]:
    out = {alias}
    for a, b in _SPELLINGS:
        for form in list(out):
            for x, y in ((a, b), (b, a)):
                out.add(re.sub(rf"\b{x}\b", y, form))
    return out


def _number_variants(alias: str) -> set[str]:
    """``X 4`` / ``X-4`` / ``X4`` for a name ending in a number (missions, vehicles)."""
    m = _NUMBERED.match(alias)
    if not m or sum(c.isalpha() for c in m.group(1)) < 2:
        return {alias}
    base, num = m.groups()
    forms = {f"{base} {num}", f"{base}-{num}", f"{base}{num}"}
    if num.isdigit() and 0 < int(num) <= len(_NUMBER_NAMES):  # a transcript's "chang'e six"
        forms.add(f"{base} {_NUMBER_NAMES[int(num) - 1]}")
    return forms


_NUMBER_NAMES = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
)  # fmt: skip


def _demonym_plural(alias: str) -> str | None:
    return alias + "s" if alias.endswith(("an", "i")) else None


def _country_forms(name: str | None) -> set[str]:
    """pycountry name plus readable forms: "Korea, Republic of" -> "Republic of Korea",
    "Holy See (Vatican City State)" -> "Holy See"; a leading "the" is dropped."""
    if not name:
        return set()
    forms = {name}
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    forms.add(bare)
    head, sep, tail = bare.partition(", ")
    if sep and re.search(r"\bof( the)?$", tail, re.IGNORECASE):
        forms.add(f"{tail} {head}")
    return {re.sub(r"^[Tt]he ", "", f) for f in forms}


# Phrases that contain a country word but name no country; matched, then dropped.
_BLOCKERS = (
    "South America",
    "South American",
    "North America",
    "North American",
    "Latin America",
    "Latin American",
    "Central America",
    "Central American",
    "Indian Ocean",
    "New Mexico",
    "New Jersey",
    "New Guinea",
    "Gulf of Guinea",
    "Washington Post",
)

_EXT_RE = re.compile(r"[- ]?\d{1,2}[A-Z]?(?!\w)")  # "Shenzhou" + "-13", "Fengyun" + "-3D"
_NUM = "_num"  # automaton tag: a "-" or " " before a digit

# A candidate is (start, -length, extended, end, entry): plain tuple order puts the longest
# candidate first at each start, and an explicit alias before an extended series name.
_Cand = tuple[int, int, bool, int, Entry]
_BY_POSITION = itemgetter(0, 1)
_BY_PREFERENCE = itemgetter(1, 2, 0)


_PERMUTABLE_KINDS = frozenset(["framework", "agency", "institution", "country"])
_BAG_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_BAG_STOP = frozenset(
    ["of", "the", "for", "and", "in", "on", "de", "la", "del", "des", "du", "&"]
)  # not "bin"
_BAG_SPELLING = {"centre": "center", "organisation": "organization", "programme": "program"}


# Capitalised words joined by function words: "Station International for the Research Lunar"
_NAME_RUN_RE = re.compile(
    r"(?<![\w'-])[A-Z][\w'-]*(?:\s+(?:(?:of|for|the|and|de|la|del|bin|ibn|al|el|van|von|der)\s+)*[A-Z][\w'-]*)+"
)
_LEADING_ARTICLE_RE = re.compile(r"(?:(?:[Tt]he|of|for)\s+)*")


def _headed_outside(w: str, mention: Mention, b: int, e: int, offset: int) -> bool:
    """A registry name, or a name found by its shape whose head word lies outside [b, e)."""
    if not mention.source.startswith("shape"):
        return True
    outside = w[mention.start - offset : b - offset] + " " + w[e - offset : mention.end - offset]
    return any(word in _HEADS for word in outside.split())


def _sub_runs(w: str, start: int, end: int) -> list[tuple[int, int]]:
    """The run, its parts between "and", and each from a later capitalised word on: longest first."""
    parts = [(start, end)]
    cursor = start
    for joint in re.finditer(r"\s+and\s+(?:the\s+)?", w[start:end]):
        parts.append((cursor, start + joint.start()))
        cursor = start + joint.end()
    if cursor > start:
        parts.append((cursor, end))
    out = []
    for b, e in parts:
        starts = [b] + [b + m.start() for m in re.finditer(r"(?<=\s)[A-Z]", w[b:e])]  # each later capital
        for first in starts:
            out.append((first, _within_words(w, first, e, _MAX_NAME_WORDS)))
    return out


_MAX_NAME_WORDS = 12  # a registered name, with its "of" and "the", is never longer: keeps long runs linear


def _within_words(w: str, start: int, end: int, count: int) -> int:
    """The end of the first `count` words of w[start:end] (or `end`)."""
    spaces = 0
    for i in range(start, end):
        if w[i] == " " and w[i - 1] != " ":
            spaces += 1
            if spaces == count:
                return i
    return end


class Gazetteer:
    """Alias registry plus Aho-Corasick matcher; build once with :meth:`default`."""

    def __init__(
        self,
        country_rows: Iterable[dict[str, str]],
        entity_rows: Iterable[dict[str, str]],
        entity_countries: Iterable[dict[str, str]] = (),
    ):
        # folded key -> [(form, entry, needs_cap, extendable)], at most one per (key, case class)
        self._by_key: dict[str, list[tuple[str, Entry, bool, bool]]] = {}
        self.conflicts: list[tuple[str, str, str]] = []  # (key, kept canonical, dropped canonical)
        self._country_names: dict[str, str] = {}  # iso3 -> canonical country name
        self._add_countries(list(country_rows))
        entity_rows = list(entity_rows)
        self._add_entities(entity_rows)
        self._homes, self._national_agency = self._entity_homes(entity_rows, entity_countries)
        self._bags: dict[frozenset[tuple[str, int]], Entry] | None = None  # built on first use (`permuted`)
        self._bag_words: set[str] = set()
        self._permuted_cache: dict[tuple[str, ...], Entry | None] = {}
        for form in _BLOCKERS:
            self._add(form, Entry(_BLOCK, form, None, None), extendable=False)
        # Every alias is keyed case-folded; an all-caps alias ("US", "ESA", "CZ-5") carries its
        # exact form, which the text must then match. The automaton also carries the anchors of
        # the shape rules, so that one pass finds them too: head words ("University"; the tag is
        # the head) and a "-" or " " before a digit (tag _NUM).
        values: dict[str, tuple] = {}
        for key, aliases in self._by_key.items():
            # the exact-case alias (if any) is tried first: "US" before a hypothetical "Us"
            first, *more = (
                (form if _is_acronym(form) else None, needs_cap, ext, entry)
                for form, entry, needs_cap, ext in sorted(aliases, key=lambda a: not _is_acronym(a[0]))
            )
            values[key] = (len(key), key[0].isalnum(), key[-1].isalnum(), *first, tuple(more), None)
        for head in _HEADS:
            key = fold(head)
            old = values.get(key, (len(key), True, key[-1].isalnum(), None, False, False, None, (), None))
            values[key] = (*old[:8], head)
        for sep in " -":
            for digit in "0123456789":
                values.setdefault(sep + digit, (2, False, False, None, False, False, None, (), _NUM))
        self._automaton = ahocorasick.Automaton()
        for key, value in values.items():
            self._automaton.add_word(key, value)
        self._automaton.make_automaton()

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer built from the packaged reference files (cached)."""
        return _default()

    # --- construction -------------------------------------------------------------------------

    def _add(self, alias: str, entry: Entry, extendable: bool) -> None:
        form = _surface(alias)
        if not form:
            return
        key = fold(form)
        aliases = self._by_key.setdefault(key, [])
        for old_form, old_entry, _, _ in aliases:
            if _is_acronym(old_form) == _is_acronym(form):
                if old_entry != entry:
                    self.conflicts.append((key, old_entry.canonical, entry.canonical))
                return
        needs_cap = entry.kind != "target" and form[0].isupper()
        aliases.append((form, entry, needs_cap, extendable))

    def _add_countries(self, rows: list[dict[str, str]]) -> None:
        canonical: dict[str, str] = {}
        for row in rows:
            if row.get("canonical"):
                if canonical.get(row["iso3"], row["canonical"]) != row["canonical"]:
                    raise ValueError(f"two canonical names for {row['iso3']}")
                canonical[row["iso3"]] = row["canonical"]
        csv_names: list[tuple[str, str, str]] = []  # (alias, iso3, kind)
        for row in rows:
            kind = _ALIAS_KINDS.get(row["kind"])
            if kind is None:
                raise ValueError(f"unknown kind {row['kind']!r} in country_aliases.csv")
            csv_names.append((row["alias"], row["iso3"], kind))
            if kind == "demonym" and (plural := _demonym_plural(row["alias"])):
                csv_names.append((plural, row["iso3"], kind))
        pyc_names: list[tuple[str, str, str]] = []
        for c in pycountry.countries:
            canonical.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
            for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
                pyc_names.extend((form, c.alpha_3, "country") for form in sorted(_country_forms(name)))
        self._country_names = canonical
        # reference rows first, so that they win over a pycountry form with the same key
        for alias, iso3, kind in csv_names + pyc_names:
            if iso3 not in canonical:
                raise ValueError(f"no canonical name for {iso3} ({alias})")
            self._add(alias, Entry(kind, canonical[iso3], iso3, "country"), extendable=False)

    def _add_entities(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            kind, member_type = row["kind"], row.get("member_type") or None
            if kind not in ENTITY_KINDS:
                raise ValueError(f"unknown kind {kind!r} for {row['alias']!r}")
            if member_type is not None and member_type not in MEMBER_TYPES:
                raise ValueError(f"unknown member_type {member_type!r} for {row['alias']!r}")
            entry = Entry(kind, row["canonical"], None, member_type, row.get("wikidata") or None)
            forms = _spelling_variants(row["alias"])
            numbered = kind in ("mission", "launch_vehicle")
            if numbered:
                forms = {v for f in forms for v in _number_variants(f)}
            extendable = numbered and not row["alias"][-1].isdigit()
            if kind == "framework":  # "#ArtemisAccords": a hashtag, in any case
                forms |= {"#" + _HASHTAG_DROPS.sub("", f) for f in forms if _HASHTAG_DROPS.search(f)}
            for form in sorted(forms):
                self._add(form, entry, extendable=extendable)

    def _entity_homes(
        self, entity_rows: list[dict[str, str]], rows: Iterable[dict[str, str]]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """(body -> iso3, iso3 -> the country's space agency: the one agency the registry places there, or
        of several the one whose name says it is the national space agency)."""
        known = {row["canonical"] for row in entity_rows if row["kind"] in ("agency", "institution")}
        agencies = {row["canonical"] for row in entity_rows if row["kind"] == "agency"}
        homes: dict[str, str] = {}
        by_country: dict[str, set[str]] = {}
        for row in rows:
            if row["canonical"] not in known:
                raise ValueError(f"entity_countries.csv: {row['canonical']!r} is no agency or institution")
            if row["iso3"] not in self._country_names:
                raise ValueError(f"entity_countries.csv: unknown iso3 {row['iso3']!r}")
            homes[row["canonical"]] = row["iso3"]
            if row["canonical"] in agencies:
                by_country.setdefault(row["iso3"], set()).add(row["canonical"])
        national: dict[str, str] = {}
        for iso3, names in by_country.items():
            # several agencies in one country (CNSA, CMSA): the national space agency is the one whose
            # name says so ("China National Space Administration")
            named = [n for n in names if len(names) == 1 or ("National" in n and "Space" in n)]
            if len(named) == 1:
                national[iso3] = named[0]
        return homes, national

    # --- lookups ------------------------------------------------------------------------------

    def national_agency(self, iso3: str) -> str | None:
        """The space agency of a country: the one the registry places there, or of several the one
        named as national ("China National Space Administration"); None otherwise."""
        return self._national_agency.get(iso3)

    def placed_in_china(self, canonical: str) -> bool:
        """Is this agency or institution one the registry places in China?"""
        return self._homes.get(canonical) == "CHN"

    def home(self, canonical: str) -> tuple[str, str] | None:
        """``(country name, iso3)`` of a national agency or institution in the registry ("Roscosmos"
        -> Russia); None for international bodies and names the registry does not place."""
        iso3 = self._homes.get(canonical)
        return (self._country_names[iso3], iso3) if iso3 else None

    def country_of_code(self, code: str) -> str | None:
        """The canonical name of the country whose ISO 3166 alpha-3 code is ``code``, or None."""
        return self._country_names.get(code)

    def permuted(self, words: Sequence[str]) -> Entry | None:
        """The registered name made of the same content words in another order ("Station International
        for the Research Lunar", "Administration National Chinese for the Space"), or None."""
        if self._bags is None:
            self._bags = self._bag_index()
            self._bag_words = {word for bag in self._bags for word, _ in bag}
        key = tuple(words)
        if key in self._permuted_cache:
            return self._permuted_cache[key]
        if len(self._permuted_cache) > 4096:
            self._permuted_cache.clear()
        self._permuted_cache[key] = found = self._permuted(words)
        return found

    def _permuted(self, words: Sequence[str]) -> Entry | None:
        terms = []
        for term in self._bag_terms(words):
            if term not in self._bag_words:
                return None  # a word no registered name uses rules the run out at once
            terms.append(term)
        return self._bags.get(frozenset(Counter(terms).items()))

    def _bag_index(self) -> dict[frozenset[tuple[str, int]], Entry]:
        index: dict[frozenset[tuple[str, int]], Entry | None] = {}
        for aliases in self._by_key.values():
            for form, entry, _, _ in aliases:
                if entry.kind not in _PERMUTABLE_KINDS or _is_acronym(form):
                    continue
                bag = self._bag(_BAG_WORD_RE.findall(form))
                if len(bag) >= 2:
                    previous = index.get(bag, entry)
                    index[bag] = entry if previous is None or previous.canonical == entry.canonical else None
        return {bag: entry for bag, entry in index.items() if entry is not None}

    def _bag(self, words: Sequence[str]) -> frozenset[tuple[str, int]]:
        """Content words (with their counts)."""
        return frozenset(Counter(self._bag_terms(words)).items())

    def _bag_terms(self, words: Sequence[str]) -> Iterator[str]:
        """Content words, folded, hyphenated ones split, with country names and demonyms as ISO codes."""
        for part in (part for word in words for part in word.split("-") if part):
            low = fold(part).removesuffix("'s")
            if low in _BAG_STOP:
                continue
            entry = self.lookup(part) if part[:1].isupper() else None
            if entry is not None and entry.kind in ("country", "demonym") and entry.iso3:
                yield entry.iso3
            else:
                yield _BAG_SPELLING.get(low, low)

    def lookup(self, name: str) -> Entry | None:
        """The entry a surface form refers to, or None. All-caps aliases need exact case."""
        form = _surface(name)
        for alias_form, entry, _, _ in self._by_key.get(fold(form), ()):
            if entry.kind == _BLOCK or (_is_acronym(alias_form) and alias_form != form):
                continue
            return entry
        return None

    def country(self, name: str, kinds: Sequence[str] = ("country",)) -> tuple[str, str] | None:
        """``(canonical, iso3)`` for a country name or alias, else None; pass e.g.
        ``kinds=("country", "capital", "demonym")`` to accept capitals and demonyms too."""
        entry = self.lookup(name)
        if entry is None or entry.kind not in kinds or entry.iso3 is None:
            return None
        return entry.canonical, entry.iso3

    def aliases(self) -> Iterator[tuple[str, Entry]]:
        """Every (normalised surface form, entry) the matcher knows."""
        for aliases in self._by_key.values():
            for form, entry, _, _ in aliases:
                if entry.kind != _BLOCK:
                    yield form, entry

    # --- matching -----------------------------------------------------------------------------

    def find(
        self, text: str, start: int = 0, end: int | None = None, *, any_case: bool = False
    ) -> list[Mention]:
        """Mentions in ``text[start:end]`` with absolute offsets into ``text``: sorted,
        non-overlapping, longest match first, registry before shape rules. ``any_case`` accepts names
        and acronyms of three letters or more in lower case, for text written without capitals (an
        automatic transcript)."""
        start, end, _ = slice(start, end).indices(len(text))
        if start >= end:
            return []
        raw = text[start:end]
        w = normalise(raw)
        s, at, shift = _squeeze(w)
        # one character of real context on each side, for word boundaries at the slice edges
        before = normalise(text[start - 1]) if start else " "
        after = normalise(text[end]) if end < len(text) else " "
        cands, heads, nums = self._candidates(before + s + after, any_case)
        gaz = _map_back(_select(cands), at, shift)
        reg = _Registry(gaz, w)
        shapes, absorbed = _shape_institutions(w, raw, reg, _map_spans(heads, at, shift))
        if absorbed:
            gaz = [g for i, g in enumerate(gaz) if i not in absorbed]
        lettered = _LETTERED_HINT.search(w) is not None and _LETTERED_RE.search(w) is not None
        if nums or lettered:
            taken = sorted([(g[0], g[1]) for g in gaz] + [(x[0], x[1]) for x in shapes])
            if nums:
                shapes += _shape_missions(w, taken, _map_spans(nums, at, shift))
            if lettered:
                shapes += _lettered_missions(w, taken)
        out = [
            Mention(b + start, e + start, en.kind, en.canonical, en.iso3, en.member_type, "gazetteer")
            for b, e, en in gaz
        ]
        if shapes:
            out += [
                Mention(b + start, e + start, k, c, None, mt, src, acr) for b, e, k, c, mt, src, acr in shapes
            ]
            out.sort(key=_MENTION_START)
        out = self._with_permuted_names(w, start, out)
        return out

    def _with_permuted_names(self, w: str, offset: int, found: list[Mention]) -> list[Mention]:
        """Registered names written word for word from another language ("the Accords of Artemis")."""
        added: list[Mention] = []
        for run in _NAME_RUN_RE.finditer(w):
            words = run.group().count(" ") + 1
            if " of " not in run.group() and " for " not in run.group() and words < 4:
                continue  # word-for-word names run long, or join their words with "of" and "for"
            rb, re_ = run.start() + offset, run.end() + offset
            if any(m.start <= rb and re_ <= m.end and m.source == "gazetteer" for m in found):
                continue  # the run is a registered name as written
            taken: list[tuple[int, int]] = []
            for b, e in _sub_runs(w, run.start(), run.end()):
                if any(x < e and b < y for x, y in taken):
                    continue
                entry = self.permuted(_BAG_WORD_RE.findall(w[b:e]))
                if entry is None:
                    continue
                taken.append((b, e))
                b = _LEADING_ARTICLE_RE.match(w, b, e).end()  # "the Agency of ...": "Agency ..."
                b, e = b + offset, e + offset
                if any(
                    m.start < e
                    and b < m.end
                    and (m.start < b or m.end > e)
                    and _headed_outside(w, m, b, e, offset)
                    for m in found
                ):
                    continue  # inside a longer name: "University of the Republic of San Marino"
                if not any(m.start < e and b < m.end and m.canonical == entry.canonical for m in found):
                    added.append(
                        Mention(b, e, entry.kind, entry.canonical, entry.iso3, entry.member_type, "permuted")
                    )
        if not added:
            return found
        kept = [m for m in found if not any(a.start < m.end and m.start < a.end for a in added)]
        return sorted(kept + added, key=_MENTION_START)

    def _candidates(
        self, padded: str, any_case: bool = False
    ) -> tuple[list[_Cand], list[tuple[int, int]], list[tuple[int, int]]]:
        """Registry matches in ``padded`` (the squeezed text with one context character on
        each side) plus the head-word and number anchors of the shape rules; all offsets are
        into the squeezed text."""
        f = fold(padded)
        stop = len(padded) - 1
        cands: list[_Cand] = []
        heads: list[tuple[int, int]] = []
        nums: list[tuple[int, int]] = []
        append = cands.append
        ext_match = _EXT_RE.match
        # a value is (key length, check left edge, check right edge, first alias as
        # (exact form or None, needs capital, extendable, entry), further aliases, tag)
        for last, (
            klen,
            lcheck,
            rcheck,
            exact,
            needs_cap,
            extendable,
            entry,
            more,
            tag,
        ) in self._automaton.iter(f, 1, stop):
            b = last - klen + 1
            if tag is _NUM:
                nums.append((b - 1, b))
                continue
            if lcheck and f[b - 1].isalnum():
                continue
            e = last + 1
            if tag is not None and padded[b:e] == tag and not (rcheck and f[e].isalnum()):
                heads.append((b - 1, e - 1))
            if entry is None:
                continue
            if more:  # several aliases share the key: take the first whose case fits
                picked = _fitting(padded, b, e, ((exact, needs_cap, extendable, entry), *more), any_case)
                if picked is None:
                    continue
                extendable, entry = picked
            elif exact is not None:
                if padded[b:e] != exact and not (any_case and _lower_acronym(padded[b:e], exact)):
                    continue
            elif needs_cap and not padded[b].isupper() and not any_case:
                continue
            if (
                extendable
                and (m := ext_match(padded, e, stop))
                and not (m.end() == stop and padded[-1].isalnum())
            ):
                append((b - 1, b - m.end(), True, m.end() - 1, entry))
            elif not (rcheck and f[e].isalnum()):
                append((b - 1, b - e, False, e - 1, entry))
        return cands, heads, nums


def _fitting(
    padded: str, b: int, e: int, aliases: tuple, any_case: bool = False
) -> tuple[bool, Entry] | None:
    """(extendable, entry) of the first alias whose case fits the text, else None."""
    for exact, needs_cap, extendable, entry in aliases:
        if exact is not None:
            fits = padded[b:e] == exact or (any_case and _lower_acronym(padded[b:e], exact))
        else:
            fits = not needs_cap or padded[b].isupper() or any_case
        if fits:
            return extendable, entry
    return None


def _lower_acronym(written: str, exact: str) -> bool:
    """An acronym of three letters or more written in lower case ("ilrs", "apsco"); "us", "it" stay words."""
    return sum(c.isalpha() for c in exact) >= 3 and written == exact.lower()


_START = itemgetter(0)
_MENTION_START = attrgetter("start")


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping subset: in each cluster of overlapping candidates the longest wins,
    an explicit alias beats a series name extended to the same length."""
    cands.sort(key=_BY_POSITION)
    out: list[_Cand] = []
    i, n = 0, len(cands)
    while i < n:
        c = cands[i]
        reach = c[3]
        j = i + 1
        while j < n and cands[j][0] < reach:
            if cands[j][3] > reach:
                reach = cands[j][3]
            j += 1
        if j == i + 1:
            if c[4].kind != _BLOCK:
                out.append(c)
        else:
            picked: list[_Cand] = []
            for c in sorted(cands[i:j], key=_BY_PREFERENCE):
                if all(c[3] <= p[0] or c[0] >= p[3] for p in picked):
                    picked.append(c)
            out.extend(p for p in sorted(picked, key=_START) if p[4].kind != _BLOCK)
        i = j
    return out


def _map_back(chosen: list[_Cand], at: list[int], shift: list[int]) -> list[tuple[int, int, Entry]]:
    """Squeezed offsets -> offsets in the unsqueezed text (a merge walk over the runs)."""
    if not at:
        return [(c[0], c[3], c[4]) for c in chosen]
    out: list[tuple[int, int, Entry]] = []
    i, n, cur = 0, len(at), 0
    for b, _, _, e, entry in chosen:
        while i < n and at[i] < b:
            cur = shift[i]
            i += 1
        b2 = b + cur
        # the last character of a match is never a space, so e - 1 is mapped like b
        k, cur_e = i, cur
        while k < n and at[k] < e - 1:
            cur_e = shift[k]
            k += 1
        out.append((b2, e + cur_e, entry))
    return out


def _map_spans(spans: list[tuple[int, int]], at: list[int], shift: list[int]) -> list[tuple[int, int]]:
    """Map squeezed spans that contain no squeezed run back to unsqueezed offsets."""
    if not at:
        return spans
    out: list[tuple[int, int]] = []
    for b, e in spans:
        i = bisect_left(at, b) - 1  # runs before b (a span may start at a run's space)
        cur = shift[i] if i >= 0 else 0
        out.append((b + cur, e + cur))
    return out


# --- shape rules ------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HEADS = {
    "University": "university",
    "Universidad": "university",
    "Universidade": "university",
    "Université": "university",
    "Universität": "university",
    "Universiti": "university",
    "Universitas": "university",
    "Politecnico": "university",
    "College": "university",
    "Institute": "institution",
    "Instituto": "institution",
    "Institut": "institution",
    "Istituto": "institution",
    "Laboratory": "institution",
    "Laboratories": "institution",
    "Lab": "institution",
    "Academy": "institution",
    "Foundation": "institution",
    "Centre": "institution",
    "Center": "institution",
    "Centro": "institution",
    "Gabinete": "institution",
    "Agence": "institution",
    "Agência": "institution",
    "Agencia": "institution",
    "Laboratorio": "institution",
    "Laboratório": "institution",
    "Laboratoire": "institution",
    "Observatory": "institution",
    "Observatorium": "institution",
    "Observatoire": "institution",
    "Observatorio": "institution",
    "Osservatorio": "institution",
    "Office": "institution",
    "Consortium": "institution",
    "Organisation": "institution",
    "Organization": "institution",
    "Agency": "institution",
    "Administration": "institution",
    "Society": "organization",
    "Association": "organization",
    "Federation": "organization",
    "Alliance": "organization",
    "Council": "organization",
    "League": "organization",
    "Commission": "institution",
    "Comisión": "institution",
    "Comissão": "institution",
    "Service": "institution",
    "Services": "institution",
    "Department": "institution",
    "Division": "institution",
    "Directorate": "institution",
    "Direction": "institution",
    "Dirección": "institution",
    "Unit": "institution",
    "Committee": "institution",
    "Authority": "institution",
    "Corporation": "company",
    "Aerospace": "company",
    "Company": "company",
    "Co.": "company",
    "Ltd": "company",
    "Ltd.": "company",
    "Ltda": "company",
    "Limited": "company",
    "AG": "company",
    "GmbH": "company",
    "Inc": "company",
    "Inc.": "company",
    "LLC": "company",
    "plc": "company",
    "PLC": "company",
    "JSC": "company",
    "LLP": "company",
    "Pte": "company",
}
# A company's legal form, left out of its name: "Hanxing Orbital Technologies Co., Ltd.", "... JSC"
_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Co\.|Ltd\.?|Limited|Inc\.?|LLC|LLP|PLC|Pte|JSC))+$")
_INSTRUMENT_AFTER = re.compile(r" (?:Agreement|Contract|Memorandum|Protocol)\b")
_ELISION = re.compile(r" [dl]['’][A-ZÉ]")
_JOIN_AFTER = re.compile(
    r" (?:of|for|the|de|di|da|del|della|des|du|la|le|do|dos|das|von|der|für|bin|and|et|&) "
)
# Heads (of _HEADS) that open a name in languages that put the adjective after the noun ("Istituto
# Nazionale di Astrofisica", "Universidad Nacional Autónoma de México")
_HEAD_FIRST = _words(
    """Istituto Instituto Institut Universidad Universidade Université Universiti Universitas Centre Centro
    Direction Dirección
    Gabinete Agence
    Agência Agencia Observatoire Observatorio Laboratorio Laboratório Laboratoire Comisión Comissão"""
)
_JOINERS = _words("of and for the de di da del della des du la le do dos das von der für bin et e y &")
_LEAD_STOP = _words(
    """a an the this that these those its it their his her our my your we they he she i
    in on at by for from with through under over after before during since until within without
    among between into onto upon via per against toward towards despite following including
    and but or nor yet so as if when while where which who whose whom what how why
    also however meanwhile moreover furthermore additionally today yesterday recently earlier
    later now then here there such some many most all each every several other another both
    according like unlike led joined signed launched said says told announced only even
    technicians scientists researchers experts officials engineers students members partners
    representatives delegates leaders astronauts staff
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december c. ca. circa"""
)
# Titles of people that come before "of the <body>" and are no part of its name
_PERSON_TITLES = _words(
    """director rector president minister deputy head chairman chairwoman chair secretary dean professor
    chief administrator governor ambassador spokesperson spokesman spokeswoman officer manager
    coordinator commissioner vice"""
)
_ACRONYM_RE = re.compile(r" {0,2}\(([A-Z][A-Za-z0-9&\-]{1,11})\)")

_MISSION_WORD_RE = re.compile(
    "mission|probe|spacecraft|(?:nano|micro|mini|pico)?satellite|cubesat|smallsat|demonstrator|lander|rover|"
    "orbiter|orbit|payload|launch|lifted off|flew|station|telescope"
)
# "LUXLINK-A", "CONDOR-EC1": an upper-case name, a hyphen and a letter designation
_LETTERED_HINT = re.compile(r"[A-Z0-9]-[A-Z]")
_LETTERED_RE = re.compile(
    r"(?<![\w'.-])([A-Z][A-Z0-9]{2,})-[A-Z]{1,2}[0-9]{0,2}(?![\w-])|"
    r"(?<![\w'.-])([A-Z]{2,})(?:-[A-Z]{2,}){2,3}(?![\w-])|"  # "ET-SMART-RSS": three capitalised parts
    r"(?<![\w'.-])([A-Z][A-Za-z0-9]{1,11})-Sat-?[0-9]{1,2}[A-Z]?(?![\w-])"  # "YSU-Sat1": a numbered "-Sat"
)
_NUMBER_RE = re.compile(r"[- ](\d{1,3}[A-Z]?)(?![\w\-])")
_MISSION_STOP = _words(
    """the a an in on at by of for from with to over about around some all only nearly almost
    more than less under after before since until and or but table figure fig phase article
    section chapter page part vol volume no number resolution law agenda covid step stage
    level grade class type group team round day week year line list note box annex appendix speaker
    host guest panelist slide episode
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday lc slc lz pad update updated refile correction corrected version edition issue
    item slide"""
)
_NEAR = 60  # a mission word must be this close to a name-number designation

# Registry kinds whose names also serve as ordinary words inside an institution's name.
NAME_WORD_KINDS = frozenset({"target"})
_Token = tuple[int, int, str]  # (start, end, class): word | join | head | geo
_Shape = tuple[int, int, str, str, str | None, str, str | None]  # Mention fields minus iso3


def _classify(tok: str) -> str | None:
    if tok in _JOINERS:
        return "join"
    if tok[:1] in "dl" and tok[1:2] in "'’" and tok[2:3].isupper():
        return "word"  # "d'Études", "l'Espace"
    if tok in _HEADS:
        return "head"
    if tok[0].isupper() and not tok.endswith("'s"):
        return "word"
    return None


class _Registry:
    """The registry mentions of one search, for the shape rules (sorted, non-overlapping)."""

    def __init__(self, gaz: list[tuple[int, int, Entry]], w: str):
        self.gaz = gaz
        self.w = w
        self.starts = [g[0] for g in gaz]
        self.ends = [g[1] for g in gaz]

    def overlapping(self, a: int, b: int) -> range:
        """Indices of the registry mentions that overlap [a, b)."""
        return range(bisect_right(self.ends, a), bisect_left(self.starts, b))

    def token(self, a: int, b: int, leftward: bool) -> tuple[int, int, str] | None:
        """Classify the text token [a, b) for a name: None stops the walk. A token inside a
        capitalised geo mention stands for the whole mention."""
        i = bisect_right(self.ends, a)
        if i == len(self.starts) or self.starts[i] >= b:  # the usual case: no registry mention
            cls = _classify(self.w[a:b])
            return None if cls is None else (a, b, cls)
        hits = range(i, bisect_left(self.starts, b))
        if len(hits) == 1 and self.gaz[i][2].kind in NAME_WORD_KINDS and self.w[a].isupper():
            gs, ge = self.starts[i], self.ends[i]
            if a <= gs and ge <= b:  # "International Lunar Observatory": "Lunar" is a word of the name
                return (a, b, "word")
        for i in hits:
            if self.gaz[i][2].kind not in GEO_KINDS:
                return None
        gs, ge = self.starts[hits[0]], self.ends[hits[-1]]
        if gs >= a and ge <= b:  # "Nairobi", "China-Brazil", "Sino-Russian"
            rest = list(self.w[a:b])
            for i in hits:
                rest[self.starts[i] - a : self.ends[i] - a] = " " * (self.ends[i] - self.starts[i])
            if not "".join(rest).strip(" -"):
                if not self.w[a].isupper():
                    return None
                kind = self.gaz[hits[0]][2].kind if len(hits) == 1 else None
                return (a, b, "city" if kind == "capital" else "nation" if kind == "country" else "geo")
            cls = _classify(self.w[a:b])
            return None if cls is None else (a, b, cls)
        if leftward and ge == b and self.w[gs].isupper():
            return (gs, b, "geo")
        if not leftward and gs == a and self.w[a].isupper():
            return (a, ge, "geo")
        return None


_PLACES = ("geo", "nation", "city")
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:[Aa]n?|[Aa]ny|[Ee]very)\s+\Z")
_HEADS_ON = ("Commission", "Committee", "Council")  # heads a name continues after "on"
_DAY_OR_MONTH = re.compile(
    r" (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?: \d{1,2})? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
# ", Science and Technology" continuing a name's last words: capitalised words, then "and" and one more
_LIST_IN_NAME = re.compile(r", (?:[A-Z][\w-]+, ){0,3}[A-Z][\w-]+ and [A-Z][\w-]+")


# "Arthur C. Clarke Institute": an initial; "St. George's University": a saint
_WORD_FULL = re.compile(r"[^\W_][\w'\-]*|[A-Z]\.|(?:St|Ste|Ss|Sts|Mt)\.|&")
_OPENERS = "([{\"'“"
_CLOSERS = ").,;:!?]}\"”'"


def _walk_left(w: str, raw: str, reg: _Registry, hs: int) -> list[_Token]:
    """Name tokens left of a head word, nearest first."""
    out: list[_Token] = []
    edge = hs
    while len(out) < 12:
        k = edge
        while k > 0 and w[k - 1] == " ":
            k -= 1
        if k == edge or k == 0 or (edge - k > 1 and raw.count("\n", k, edge) > 1):
            break
        lo = max(0, k - 64)
        a = w.rfind(" ", lo, k) + 1
        if a == 0 and lo > 0:
            break
        opener = False
        while a < k and w[a] in _OPENERS:
            a += 1
            opener = True
        if a == k or not _WORD_FULL.fullmatch(w, a, k):
            break
        tok = reg.token(a, k, leftward=True)
        if (
            tok is None
            and not out
            and w[a].isupper()
            and w[k - 2 : k] in ("'s", "’s")
            and not reg.overlapping(a, k - 2)  # "Pakistan's Institute ...": the owner, not the name
        ):
            tok = (a, k, "word")  # "St. George's University", "King's College": a possessive inside the name
        if tok is None:
            break
        out.append(tok)
        edge = tok[0]
        if opener and edge == a:
            break
    return out


def _walk_right(w: str, raw: str, reg: _Registry, he: int, head_first: bool = False) -> list[_Token]:
    """Name tokens right of a head word: a joiner, then names and joiners."""
    out: list[_Token] = []
    n = len(w)
    edge = he
    while len(out) < 12:
        a = edge
        while a < n and w[a] == " ":
            a += 1
        if a in (edge, n) or (a - edge > 1 and raw.count("\n", edge, a) > 1):
            break
        hi = min(n, a + 64)
        k = w.find(" ", a, hi)
        if k == -1:
            if hi < n:
                break
            k = n
        closer = False
        semicolon = w.find(";", a, k)  # "University of Chile;in force": a field ends the name
        if semicolon > a:
            k, closer = semicolon, True
        while k > a and w[k - 1] in _CLOSERS:
            k -= 1
            closer = True
        if k == a or not _WORD_FULL.fullmatch(w, a, k):
            break
        tok = reg.token(a, k, leftward=False)
        if (
            tok is None
            and not out
            and w[a:k] == "on"
            and w[:he].endswith(_HEADS_ON)
            and not _DAY_OR_MONTH.match(w, k)
        ):
            tok = (a, k, "join")  # "Commission on Research, Science and Technology"
        if tok is None:
            if w[k - 2 : k] == "'s" and w[a].isupper() and out:
                out.append((a, k - 2, "word"))  # "University of Lagos's": the name ends here
            break
        if not out and (tok[2] != "join" or w[a:k] in ("and", "&", "et")) and not head_first:
            break  # right of the head a name goes on only after "of", "for", "di", ... (not "and")
        out.append(tok)
        edge = tok[1]
        if closer and edge == k:
            if w[k : k + 1] == "," and out[0][2] == "join" and _LIST_IN_NAME.match(w, k):
                edge = k + 1  # "Commission on Research, Science and Technology"
                continue
            break
    return out


def _trim(w: str, tokens: list[_Token], hi: int) -> list[_Token]:
    """Cut at an "and" that joins two names, drop edge joiners and leading stop words; keep
    the candidate only if it has a name word besides head and geo words."""
    for i in range(hi - 1, -1, -1):  # "University of Lagos and Nairobi Institute", "HIT and Kazan University"
        left = w[tokens[i - 1][0] : tokens[i - 1][1]] if i else ""
        if w[tokens[i][0] : tokens[i][1]] in ("and", "&") and (
            any(t[2] == "head" for t in tokens[:i])
            or (len(left) >= 2 and left.isupper())
            or w[tokens[i + 1][0] : tokens[i + 1][1]]
            == "the"  # "in Moratuwa and the Aerospace ... Institute"
        ):
            tokens, hi = tokens[i + 1 :], hi - i - 1
            break
    for j in range(hi - 2, -1, -1):
        if tokens[j][2] == "head" and w[tokens[j + 1][0] : tokens[j + 1][1]] == "of":
            tokens, hi = tokens[j + 2 :], hi - j - 2  # "... Institute of the Academy": the Academy's name
            break
    for i in range(hi + 1, len(tokens)):
        word = w[tokens[i][0] : tokens[i][1]]
        following = w[tokens[i + 1][0] : tokens[i + 1][1]] if i + 1 < len(tokens) else ""
        if word in ("and", "&") and (
            any(t[2] == "head" for t in tokens[i:])
            or following == "the"
            or (len(following) >= 3 and following.isupper())  # "... University of Norway and PRIC"
        ):
            tokens = tokens[:i]  # "... of Belgrade and the Brazilian company": a second name begins
            break
    for i in range(hi + 1, len(tokens)):
        if w[tokens[i][0] : tokens[i][1]] in ("of", "for") and any(t[2] == "head" for t in tokens[i + 1 :]):
            # "Ulugh Beg Astronomical Institute of the Academy of Sciences": its parent; "DFH Satellite
            # Co. for the Tanzania Commission ...": its customer
            tokens = tokens[:i]
            break
    for _ in range(2):  # again after a person's title: "the Director of the Ghana ... Institute"
        while tokens and (
            tokens[0][2] == "join"
            or (tokens[0][2] == "word" and w[tokens[0][0] : tokens[0][1]].lower() in _LEAD_STOP)
        ):
            tokens = tokens[1:]
        first_of = next((i for i, t in enumerate(tokens) if w[t[0] : t[1]] == "of"), None)
        if not (first_of and w[tokens[0][0] : tokens[0][1]].lower().split("-")[-1] in _PERSON_TITLES):
            break
        tokens = tokens[first_of + 1 :]
    while tokens and tokens[-1][2] == "join":
        tokens = tokens[:-1]
    if any(t[2] == "word" for t in tokens):
        return tokens
    # "University of Belgrade": a head, "of" and a place is a name; "Chinese University" alone is not
    classes = [t[2] for t in tokens]
    if len(classes) >= 3 and classes[0] == "head" and classes[1] == "join" and classes[-1] in _PLACES:
        return tokens
    if len(classes) >= 2 and classes[0] == "city" and set(classes[1:]) == {"head"}:
        return tokens  # "Kathmandu University", "Cairo University": a city's own institution
    head_first = w[tokens[0][0] : tokens[0][1]] in _HEAD_FIRST if tokens else False
    if head_first and len(classes) == 2 and classes[1] in _PLACES:
        return tokens  # "Universiti Brunei Darussalam", "Universitas Indonesia"
    if (
        classes == ["nation", "head"]
        and w[tokens[1][0] : tokens[1][1]] == "University"
        and not _INDEFINITE_BEFORE.search(w, 0, tokens[0][0])
    ):
        return (
            tokens  # "Qatar University", "Kuwait University" (not "Chinese University", "a Kenya University")
        )
    return []


def _shape_institutions(
    w: str, raw: str, reg: _Registry, heads: list[tuple[int, int]]
) -> tuple[list[_Shape], set[int]]:
    """Institution names built around a head word (University, Institute, ...) at ``heads``;
    returns the shapes and the indices of the geo mentions they contain."""
    cands: dict[tuple[int, int], list[_Token]] = {}
    for hs, he in heads:
        if reg.overlapping(hs, he):
            continue
        left = _walk_left(w, raw, reg, hs)
        head_first = w[hs:he] in _HEAD_FIRST and (
            w[he + 1 : he + 2].isupper() or _ELISION.match(w, he) is not None  # "Centre d'Études"
        )
        joined = _JOIN_AFTER.match(w, he) or (w.startswith(" on ", he) and w[hs:he] in _HEADS_ON)
        right = _walk_right(w, raw, reg, he, head_first) if joined or head_first else []
        left.reverse()
        tokens = _trim(w, [*left, (hs, he, "head"), *right], len(left))
        if tokens:
            cands[(tokens[0][0], tokens[-1][1])] = tokens
    if not cands:
        return [], set()
    out: list[_Shape] = []
    absorbed: set[int] = set()
    for b, _, _, e, _ in _select([(b, b - e, False, e, _SHAPE) for b, e in cands]):
        if _INSTRUMENT_AFTER.match(w, e):
            continue  # "the Launch Services Agreement": an instrument's title, not a body
        inside = reg.overlapping(b, e)
        head_words = [w[t[0] : t[1]] for t in cands[(b, e)] if t[2] == "head"]
        name = " ".join(w[b:e].split())
        member_type = _HEADS[head_words[-1]]
        if member_type == "company" and _LEGAL_FORM.search(name):
            name = _LEGAL_FORM.sub("", name) or name
        if head_words[-1] in ("Agency", "Administration") and " Space " in f" {name} ":
            member_type = "space_agency"
        acr = _ACRONYM_RE.match(w, e)
        acronym = acr.group(1) if acr and sum(c.isupper() for c in acr.group(1)) >= 2 else None
        out.append((b, e, "institution", name, member_type, "shape:institution", acronym))
        absorbed.update(inside)
    return out, absorbed


_SHAPE = Entry("_shape", "", None, None)


def _shape_missions(w: str, taken: list[tuple[int, int]], nums: list[tuple[int, int]]) -> list[_Shape]:
    """Name-number designations ("Shijian-21") within ``_NEAR`` characters of a mission word.
    ``nums`` are the "-" or " " before a digit; ``taken`` holds the sorted, non-overlapping
    spans already claimed."""
    tstarts = [t[0] for t in taken]
    out: list[_Shape] = []
    fw: str | None = None
    last_end = -1
    for p, _ in nums:
        if p == 0 or p < last_end or not w[p - 1].isalpha():
            continue
        m = _NUMBER_RE.match(w, p)
        if m is None:
            continue
        b = p
        while b > 0 and w[b - 1].isalpha():
            b -= 1
        if b > 2 and w[b - 1] == "-" and w[b].isupper():  # "Faso-Sat 1", "UY-Cubo 1": a compound name
            head = b - 1
            while head > 0 and w[head - 1].isalpha():
                head -= 1
            if (
                b - 1 - head >= 2
                and w[head].isupper()
                and not (head and (w[head - 1].isalnum() or w[head - 1] in "'-."))
            ):
                b = head
        e = m.end()
        word, sep, num = w[b:p], w[p], m.group(1)
        if (
            not ("A" <= word[0] <= "Z")
            or not all(c < "\u0250" for c in word)  # Latin letters ("Irazú-2"), not "长征-2"
            or len(word) < 2
            or (b and (w[b - 1].isalnum() or w[b - 1] in "'-."))
            or (sep == " " and sum(c.isdigit() for c in num) > 2)
        ):
            continue
        low = word.lower()
        if low in _MISSION_STOP or (len(word) > 4 and low.endswith(("ing", "ed", "ly"))):
            continue
        i = bisect_left(tstarts, e) - 1
        if i >= 0 and taken[i][1] > b:
            continue
        if fw is None:
            fw = fold(w)
        if not _near_mission_word(fw, b, e):
            continue
        if _ROCKET_AFTER.match(w, e):  # "a Zhuque-2E rocket": a launch vehicle, not a mission
            out.append((b, e, "launch_vehicle", f"{word}-{num}", None, "shape:vehicle", None))
        else:
            out.append((b, e, "mission", f"{word}-{num}", None, "shape:mission", None))
        last_end = e
    return out


_ROCKET_AFTER = re.compile(r"\s+(?:carrier\s+|launch\s+)?(?:rocket|launcher|vehicle)s?\b", re.IGNORECASE)


def _near_mission_word(folded: str, b: int, e: int) -> bool:
    return any(
        not (q and folded[q - 1].isalpha())
        for q in (x.start() for x in _MISSION_WORD_RE.finditer(folded, max(0, b - _NEAR), e + _NEAR))
    )


def _lettered_missions(w: str, taken: list[tuple[int, int]]) -> list[_Shape]:
    """Capitalised designations with a letter suffix ("LUXLINK-A", "CONDOR-EC1") near a mission word."""
    tstarts = [t[0] for t in taken]
    out: list[_Shape] = []
    fw = fold(w)
    for m in _LETTERED_RE.finditer(w):
        b, e = m.span()
        i = bisect_left(tstarts, e) - 1
        if (
            (i >= 0 and taken[i][1] > b)
            or (m.group(1) or m.group(2) or m.group(3)).lower() in _MISSION_STOP
            or not _near_mission_word(fw, b, e)
        ):
            continue
        out.append((b, e, "mission", m.group(), None, "shape:mission", None))
    return out


def _read_csv(name: str) -> list[dict[str, str]]:
    with resources.files("pipeline.reference").joinpath(name).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


@cache
def _default() -> Gazetteer:
    return Gazetteer(
        _read_csv("country_aliases.csv"), _read_csv("entities.csv"), _read_csv("entity_countries.csv")
    )
