"""Language identification (ISO 639-1) by function-word frequency.

Function words are the most reliable cheap signal of a language; this keeps
the default install small and deterministic. Text with too few function
words of any language is reported as ``und``-like fallback ``en`` only when
it is mostly ASCII Latin; otherwise the best-scoring language wins.
"""

from __future__ import annotations

import re


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


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language of ``text`` ('en' when nothing else scores)."""
    sample = text[:20000]
    letters = sum(1 for ch in sample if ch.isalpha()) or 1
    # Letters unique to Urdu, then to Persian, are checked before the Arabic script as a whole.
    for code, ranges in (_SCRIPTS[-1], _SCRIPTS[-2], *_SCRIPTS[:-2]):
        count = len(re.findall(f"[{ranges}]", sample))
        threshold = 0.02 if code in ("fa", "ur") else 0.3
        if count / letters > threshold:
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "en"
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in _STOPWORDS.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return best if scores[best] > 0 else "en"
