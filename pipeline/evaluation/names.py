"""Matching keys for names, through the project's own gazetteer.

Two names match when they have the same key. A name the gazetteer knows (a country under
any of its pycountry or reference names, an agency, framework, mission, launch site,
launch vehicle or target under any listed alias) is keyed by its canonical entry, so
"Türkiye" = "Turkey", "CNSA" = "China National Space Administration", "Tianwen 2" =
"Tianwen-2", "low Earth orbit" = "Earth orbit". Any other name is keyed by its folded
form: accents, case and punctuation removed, a leading "the" dropped. Capitals and
demonyms are not resolved to their country ("Beijing" is not a party called China).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from pipeline.core.gazetteer import Entry, Gazetteer

__all__ = ["NameKeys", "fold", "strip_accents"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_CHINESE_WORD = re.compile(r"\b(?:china|chinese)\b")
_RESOLVED_KINDS = frozenset(
    {"country", "framework", "agency", "institution", "mission", "launch_site", "launch_vehicle", "target"}
)

# Chinese bodies whose names do not say they are Chinese. An agreement whose only common
# party is the Chinese side is not the same agreement (see scoring.agreement_similarity).
CHINESE_BODIES_UNNAMED: tuple[str, ...] = (
    "Deep Space Exploration Laboratory",
    "Lunar Exploration and Space Engineering Center",
)


def strip_accents(text: str) -> str:
    """Drop combining marks after compatibility decomposition ("Études" -> "Etudes")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: object) -> str:
    """Lower-case ASCII words separated by single spaces: "Chang’e-4" -> "chang e 4"."""
    if text is None:
        return ""
    return _NON_ALNUM.sub(" ", strip_accents(str(text)).lower()).strip()


class NameKeys:
    """Name -> key, cached; one instance per evaluation."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self._keys: dict[str, str] = {}
        self._chinese_keys = self._chinese_entity_keys()

    def entry(self, name: str) -> Entry | None:
        """The gazetteer entry ``name`` stands for, trying it as written, without a leading
        "the" and without accents; None if it is unknown or only a capital or demonym."""
        text = " ".join(name.split())
        bare = _ARTICLE.sub("", text)
        for form in dict.fromkeys((text, bare, strip_accents(text), strip_accents(bare))):
            if not form:
                continue
            entry = self.gazetteer.lookup(form)
            if entry is not None and entry.kind in _RESOLVED_KINDS:
                return entry
        return None

    def key(self, name: object) -> str:
        """The matching key of a name; "" for None or an empty name."""
        if name is None:
            return ""
        text = str(name)
        cached = self._keys.get(text)
        if cached is None:
            entry = self.entry(text)
            folded = fold(entry.canonical if entry is not None else text)
            cached = _ARTICLE.sub("", folded)
            self._keys[text] = cached
        return cached

    def keys(self, names: Iterable[object]) -> frozenset[str]:
        """The set of keys of several names."""
        return frozenset(self.key(n) for n in names)

    def is_chinese_key(self, key: str) -> bool:
        """Whether a key stands for China or a Chinese body: "China" or "Chinese" in its
        name or in any alias of its gazetteer entry, or one of CHINESE_BODIES_UNNAMED."""
        return key in self._chinese_keys or bool(_CHINESE_WORD.search(key))

    def _chinese_entity_keys(self) -> frozenset[str]:
        keys = {self.key("China"), *(self.key(n) for n in CHINESE_BODIES_UNNAMED)}
        for form, entry in self.gazetteer.aliases():
            if entry.kind in ("agency", "institution") and _CHINESE_WORD.search(fold(form)):
                keys.add(self.key(entry.canonical))
        return frozenset(keys)
