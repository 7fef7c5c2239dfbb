#!/usr/bin/python3
"""What CPython's string functions do, for aro's tests of its Python-compatible text code (PythonText, PreCaption).

Writes tests/fixtures/reference/python-text/:

- lower.tsv         every code point whose str.lower() is not itself: `CODEPOINT<TAB>LOWERED` (hex, lowered code
                    points space-separated). Code points missing from the file lower to themselves.
- properties.tsv    `PROPERTY<TAB>FIRST-LAST ...` (hex ranges) for: isupper, islower (one-character str methods),
                    word_letter (the regex class [^\\W\\d]), decimal (regex \\d), space (str.isspace), cased and
                    case_ignorable (Unicode's Cased and Case_Ignorable, read off str.lower()'s Final_Sigma rule),
                    and unassigned (category Cn in this Python's Unicode database).
- strings.jsonl     {"text", "lower", "pre_caption"} for hand-picked and generated strings: capital sigma in every
                    kind of context, U+0130, astral letters, and the caption cleaning of BLIP/ARO's
                    pre_caption(caption, 30).

Run with Debian's Python 3.11 (Unicode 14.0):  /usr/bin/python3 scripts/make_python_text_reference.py
Deterministic: two runs write identical files.
"""

import json
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "reference", "python-text")
SIGMA = "\u03a3"


def code_points():
    return (cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)


def ranges(values):
    result = []
    for value in values:
        if result and result[-1][1] == value - 1:
            result[-1][1] = value
        else:
            result.append([value, value])
    return " ".join(f"{a:04X}-{b:04X}" for a, b in result)


def pre_caption(caption, max_words):
    """BLIP's and ARO's caption cleaning (dataset_zoo/retrieval.py in the ARO repository), step by step."""
    caption = re.sub(r"([.!\"()*#:;~])", " ", caption.lower())
    caption = re.sub(r"\s{2,}", " ", caption)
    caption = caption.rstrip("\n")
    caption = caption.strip(" ")
    words = caption.split(" ")
    if len(words) > max_words:
        caption = " ".join(words[:max_words])
    return caption


def is_final_after(prefix):
    return (prefix + SIGMA).lower()[-1] == "\u03c2"


HAND_PICKED = [
    "İstanbul", "İİ", "DİYARBAKIR", "A man in İzmir.", "ΣΊΣΥΦΟΣ", "ΟΔΥΣΣΕΥΣ", "Σ", "ΑΣ", "ΑΣ.", "ΑΣ'", "ΑΣ Β",
    "ΑΣΒ", "ΑΣ1", "1Σ", "Σ1", "ΑΣ\u0301", "Α\u0301Σ", "ΑΣ\u0301Β", "ΑΣ.Β", "Α.Σ", "'Σ", "ΑΣ:", "ΑΣ\u00ad",
    "\u02b0Σ", "Α\u02b0Σ", "ΑΣ\u02b0", "ǅΣ", "ΑΣǅ", "ⅧΣ", "ΑΣⅧ", "ⓐΣ", "𐐀Σ", "ΑΣ𐐀", "ΑΣ😀", "ΣΣΣ", "ΑΣΣ",
    "A Σ word", "The ΣΑΣ.", "ΜΕΓΑΛΟΣ ΣΚΥΛΟΣ", "ΈΝΑΣ ΣΚΎΛΟΣ ΤΡΈΧΕΙ.", "ABC", "Ǆ ǅ ǆ", "Ⅻ ⓑ Ⓑ", "ẞ straße", "K Å Ω",
    "ﬃ", "ΐ", "𐐀𐐁𐐂", "𞤀", "Ꭰ", "ꭰ", "A MAN\u00a0ON A BIKE.", "Caf\u00c9 ÉCOLE.", "İ.", "Σ.", "ΑΣ!", "ΑΣ ",
]

ALPHABET = [SIGMA, "\u0391", "a", "A", ".", "'", ":", "\u0301", "\u00ad", "\u02b0", " ", "1", "\u0130", "\u01c5",
            "\U00010400", "\u2167", "\u24d0", "\u03c2", "-", "\u00b7", "\u2019", "\u200d", "\u0345", "!", "\n"]


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"expected CPython 3.11 (Unicode 14.0), found {sys.version}")
    os.makedirs(OUT, exist_ok=True)

    with open(os.path.join(OUT, "lower.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for cp in code_points():
            lowered = chr(cp).lower()
            if lowered != chr(cp):
                f.write(f"{cp:04X}\t{' '.join(f'{ord(c):04X}' for c in lowered)}\n")

    word_letter = re.compile(r"[^\W\d]")
    decimal = re.compile(r"\d")
    properties = {
        "isupper": [], "islower": [], "word_letter": [], "decimal": [], "space": [], "cased": [],
        "case_ignorable": [], "unassigned": [],
    }
    for cp in code_points():
        c = chr(cp)
        if c.isupper():
            properties["isupper"].append(cp)
        if c.islower():
            properties["islower"].append(cp)
        if word_letter.match(c):
            properties["word_letter"].append(cp)
        if decimal.match(c):
            properties["decimal"].append(cp)
        if c.isspace():
            properties["space"].append(cp)
        # Final_Sigma: after a cased letter, a sigma is final unless a cased letter follows; case-ignorable code
        # points are skipped on both sides. So c is case-ignorable exactly when "A" + c + sigma ends in a final
        # sigma but c + sigma does not, and cased when it is not ignorable and c + sigma ends in a final sigma.
        ignorable = is_final_after("A" + c) and not is_final_after(c)
        if ignorable:
            properties["case_ignorable"].append(cp)
        if c.isupper() or c.islower() or unicodedata.category(c) == "Lt":
            properties["cased"].append(cp)
        if unicodedata.category(c) == "Cn":
            properties["unassigned"].append(cp)
    with open(os.path.join(OUT, "properties.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for name, values in properties.items():
            f.write(f"{name}\t{ranges(values)}\n")

    rng = random.Random(14)
    strings = list(HAND_PICKED)
    for _ in range(1500):
        strings.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 7))))
    seen = set()
    with open(os.path.join(OUT, "strings.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for text in strings:
            if text in seen:
                continue
            seen.add(text)
            f.write(json.dumps({"text": text, "lower": text.lower(), "pre_caption": pre_caption(text, 30)},
                               ensure_ascii=False) + "\n")
    print(f"wrote {OUT} (Python {sys.version.split()[0]}, Unicode {unicodedata.unidata_version})")


if __name__ == "__main__":
    main()
