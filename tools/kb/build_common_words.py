"""Build etl/kb/common_words.txt: the TOP_N most frequent English words (wordfreq, lower-case,
letters only). The extractor never takes one of them as an unknown place after a locative
("worked in Marketing", "at Google"): a frequent word is a common noun or a famous name that a
gazetteer would already list if it were a place.

    pip install -c constraints.txt -e ".[kb]"
    .venv/bin/python tools/kb/build_common_words.py
"""
from __future__ import annotations

import re

from kbcommon import KB_DIR
from wordfreq import top_n_list

TOP_N = 30_000


def main() -> None:
    words = sorted({w for w in top_n_list("en", TOP_N) if re.fullmatch(r"[^\W\d_]{2,}", w)})
    header = f"# wordfreq top {TOP_N} English words: built by tools/kb/build_common_words.py\n"
    (KB_DIR / "common_words.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words")


if __name__ == "__main__":
    main()
