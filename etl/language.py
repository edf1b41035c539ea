"""Language identification (ISO 639-1) by function-word frequency.

Function words are the most reliable cheap signal of a language; this keeps
the default install small and deterministic. Text with too few function
words of any language is reported as ``und``-like fallback ``en`` only when
it is mostly ASCII Latin; otherwise the best-scoring language wins.
"""

from __future__ import annotations

import re
from collections import Counter


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _wordset("the of and to in is that for on with as was by are it from at be this have has an which will its their were said"),
    "fr": _wordset("le la les de des du et est une un en que pour dans sur au aux par avec qui ont été ses sont cette il elle"),
    "es": _wordset("el la los las de del y en que por con para una un es se al su sus como más fue han sobre entre"),
    "de": _wordset("der die das und ist nicht ein eine zu den mit von des auf für im dem sich auch wird sind bei"),
    "pt": _wordset("o a os as de do da dos das e em que para com uma um no na não por se ao pelo pela foram"),
    "it": _wordset("il la lo gli le di del della e è che per con una un in non sono nel alla dei delle"),
    "nl": _wordset("de het een en van is dat op te in niet zijn met voor aan er door ook bij"),
    "tr": _wordset("ve bir bu da de için ile olarak olan en çok daha ama gibi kadar sonra"),
    "id": _wordset("yang dan di ke dari untuk dengan ini itu pada dalam tidak akan adalah oleh juga"),
}
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ar", "\u0600-\u06ff"),
    ("ru", "\u0400-\u04ff"),
    ("zh", "\u4e00-\u9fff"),
    ("ja", "\u3040-\u30ff"),
    ("ko", "\uac00-\ud7af"),
    ("el", "\u0370-\u03ff"),
    ("he", "\u0590-\u05ff"),
    ("hi", "\u0900-\u097f"),
    ("th", "\u0e00-\u0e7f"),
    ("fa", "\u06a9\u06af\u06cc"),  # Persian-only letters, checked before Arabic below
    ("ur", "\u0679\u0688\u0691\u06ba\u06be\u06d2"),  # Urdu-only letters (ٹ ڈ ڑ ں ھ ے), checked before Persian
)
_WORD = re.compile(r"[^\W\d_]+")
#: Script checks in the order they are tried: Urdu-only letters, then Persian-only
#: letters, before the Arabic script as a whole; each with its share-of-letters threshold.
_SCRIPT_CHECKS: tuple[tuple[str, re.Pattern[str], float], ...] = tuple(
    (code, re.compile(f"[{ranges}]"), 0.02 if code in ("fa", "ur") else 0.3)
    for code, ranges in (_SCRIPTS[-1], _SCRIPTS[-2], *_SCRIPTS[:-2])
)
_ANY_SCRIPT = re.compile("[" + "".join(ranges for _, ranges in _SCRIPTS) + "]")
_STOPWORD_ITEMS = tuple(_STOPWORDS.items())


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language of ``text`` ('en' when nothing else scores)."""
    sample = text[:20000]
    ascii_only = sample.isascii()
    # Every script range is outside ASCII; with no letter of any of them, every count is 0.
    if not ascii_only and _ANY_SCRIPT.search(sample):
        letters = sum(map(str.isalpha, sample)) or 1
        for code, pattern, threshold in _SCRIPT_CHECKS:
            if len(pattern.findall(sample)) / letters > threshold:
                return code
    # Lower-casing ASCII before splitting words gives the same words as lower-casing each
    # word; outside ASCII it may not (a lower-cased letter can split into two characters).
    words = _WORD.findall(sample.lower()) if ascii_only else [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "en"
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in sw if w in counts) for lang, sw in _STOPWORD_ITEMS}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return best if scores[best] > 0 else "en"
