#!/usr/bin/python3
"""Expected outputs of NLTK's Punkt sentence tokenizer and word_tokenize, for aro's C# Punkt tests.

Loads the English Punkt parameters that aro ships (src/Aro.Core/Text/Punkt/english/: the four text files of
nltk_data's punkt model) into nltk's PunktParameters, then runs, on every text of a test set written and
generated here:

  sentences = PunktSentenceTokenizer(params).tokenize(text)                 # nltk.sent_tokenize
  tokens    = [t for s in sentences for t in NLTKWordTokenizer().tokenize(s)]  # nltk.word_tokenize

which is exactly how nltk.word_tokenize composes the two (nltk/tokenize/__init__.py), without needing the
pickled model. Writes tests/fixtures/reference/punkt/english.jsonl, one JSON object a line:
{"group": ..., "text": ..., "sentences": [...], "tokens": [...]}.

Run with Debian's python3-nltk (3.8):  /usr/bin/python3 scripts/make_punkt_reference.py
The test set is deterministic (random.Random seeded); two runs write identical files.
"""

import argparse
import json
import os
import random
from collections import defaultdict

import nltk
from nltk.tokenize.destructive import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PUNKT_DIR = os.path.join(ROOT, "src", "Aro.Core", "Text", "Punkt", "english")
OUT = os.path.join(ROOT, "tests", "fixtures", "reference", "punkt", "english.jsonl")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def load_params(folder):
    params = PunktParameters()
    params.abbrev_types = set(read_lines(os.path.join(folder, "abbrev_types.txt")))
    params.sent_starters = set(read_lines(os.path.join(folder, "sent_starters.txt")))
    params.collocations = set(tuple(line.split("\t")) for line in read_lines(os.path.join(folder, "collocations.tab")))
    ortho = defaultdict(int)
    for line in read_lines(os.path.join(folder, "ortho_context.tab")):
        word, flags = line.split("\t")
        ortho[word] = int(flags)
    params.ortho_context = ortho
    return params


# --------------------------------------------------------------------------------------------------------------
# The test set. Everything below was written for aro (no corpus text).

HARD_CASES = [
    # Abbreviations Punkt splits before a capital (the orthographic heuristic or a frequent sentence starter).
    "A view of Mt. Fuji from the lake.",
    "Snow on Mt. Fuji. The lake is calm.",
    "Fruit, e.g. apples and pears, on a table.",
    "Fruit, e.g. Apples and pears, on a table.",
    "Cups, plates, forks etc. are on the table.",
    "Cups, plates, forks etc. The table is set.",
    "Cups, plates, forks, etc.",
    "The No. 5 bus at the stop.",
    "A sign for route No. 5 near the station.",
    "Capt. Smith stands on the deck.",
    "A photo of Capt. Jack Sparrow.",
    "Made by Acme Inc. Phone number on the side.",
    "Acme Inc. is a company.",
    "The D.C. Circuit ruled on Monday.",
    "A street in Washington D.C. with cars.",
    "A street in Washington D.C. Cars drive by.",
    "Is that a word.? Yes it is.",
    "What a word.! It is long.",
    "A word.; another word.",
    "A man in Toms River, N.J. 08759 sells fish.",
    "Mail it to Trenton, N.J. 08608 today.",
    "The U.S. flag on a pole.",
    "A flag of the U.S. The pole is tall.",
    "Dr. Smith walks on St. Mark street.",
    "A sign for J. Smith and K. L. Jones.",
    "J. R. R. Tolkien wrote books.",
    "It's 5 p.m. now.",
    "It's 5 p.m. Now it is dark.",
    "At 10 a.m. The bus arrives.",
    "At 10 a.m. the bus arrives.",
    "Mr. and Mrs. Smith with their dog.",
    "Prof. Brown teaches at the Univ. of Oxford.",
    "Gen. Lee and Col. Sanders on a poster.",
    "A store on 5th Ave. in New York.",
    "A store on 5th Ave. New York is busy.",
    "He arrived on Jan. 5 and left on Feb. 2.",
    "Founded in 1999. The company grew.",
    "There were 3. Then there were 2.",
    "Chapter 3. the beginning.",
    "Room 101. it is empty.",
    "The price rose 4.5 percent to $3.25.",
    "The score was 3-2. Fans cheered.",
    "Wait... what is that?",
    "Wait... What is that?",
    "Wait . . . what is that?",
    "Wait . . . What is that?",
    "Hmm.. not sure.. Maybe.",
    "The end....",
    "He said \"stop.\" Then he left.",
    "He said \"stop\". Then he left.",
    "(How does it deal with this parenthesis?)  \"It should be part of the previous sentence.\"",
    "\"(And the same with this one.)\" ('And this one!')",
    "[(and this. )]",
    "A dog?! A cat!? Both!!!",
    "Very bad acting!!! I promise.",
    "Is it a dog? No, a cat.",
    "A bike. it is red",
    "A dog runs. A cat sleeps.",
    "This is it -- the end. Next --",
    "Sentence one.\nSentence two.\n\nA new paragraph.",
    "A line\nwithout periods\nbut newlines",
    "  Leading spaces. Trailing spaces.   ",
    "Tabs\tbetween. Words\there.",
    "i.e. the best one.",
    "vs. the other team.",
    "The U.K. and the U.S.A. flags.",
    "A man named O. J. walks.",
    "A. The first option. B. The second option.",
    "Item a. is here. Item b. is there.",
    "Plan B. It worked.",
    "Vitamin C. Good for you.",
    "World War II. The end.",
    "An apple a day. Keeps the doctor away.",
    "An apple a day. keeps the doctor away.",
    "Sen. Kennedy spoke. Rep. Jones replied.",
    "Jr. high school students.",
    "Martin Luther King Jr. Day parade.",
    "Smith Jr. and Smith Sr. pose together.",
    "It costs approx. 5 dollars.",
    "See fig. 3 for details.",
    "See Fig. 3. It shows the result.",
    "In Sept. 2001 the towers fell.",
    "On Dec. 25 there is a tree.",
    "Oct. 10 is a date.",
    "A. B. C. D.",
    "Mt. Everest. Mt. Fuji. Mt. Rainier.",
    "A 1.5 m tall sign reads 'No. 1'.",
    "The Co. was founded by Bros. Grimm.",
    "He lives at No. 10 Downing St. London.",
    "Ph.D. students and M.D. doctors.",
    "A Ph.D. The student smiles.",
    "A cat.. Another cat...",
    "word.' Next",
    "word.\" Next",
    "word.) Next",
    "word.] Next",
    "word.} Next",
    "word.'\" Next",
    "end.--Next",
    "end.-- Next",
    "a.b.c. d.e.f. Ghi",
    "Price: $5. Tax: $1.",
    "3.14. Pi is here.",
    "1,000. That is many.",
    "-5. Negative.",
    ".5. Half.",
    "No.",
    ".",
    "...",
    "",
    "   ",
    "?",
    "Hello?",
    "Hello.World. Yes.",
    "A sentence.A sentence without a space.",
    "Mr.Smith came.",
    "U.S.-based company. It grew.",
    "The so-called Mr. Big.",
    "A well-known Dr. Who fan.",
    "Two dogs  playing in the snow .",
    "A man riding a wave on top of a surfboard.",
    "an orange cat sitting on a brown couch\n",
    "A woman holding an umbrella. A man waits.",
    "“Smart” quotes. ‘Single’ ones too.",
    "He said “stop.” Then he left.",
    "A café in Zürich. Ça va.",
    "İstanbul. Σίσυφος.",
    "ÉCOLE. École.",
    "Straße. Next.",
    "An emoji 😀. Another one.",
    "Numbers 1. 2. 3.",
    "Chapter \U0001d7d3. the end.",
    "Page \u0665. the end.",
    "Items: a. b. c.",
    "The year 2000. The year 2001.",
    "Call 555-1234. Ask for Bob.",
    "The F.B.I. agent. The C.I.A. agent.",
    "The U.N. met. U.N. officials spoke.",
    "In the U.S. Army he served.",
    "In the U.S. army he served.",
    "Go to St. Louis. St. Louis is nice.",
    "Ms. Parker. Mrs. Parker. Miss Parker.",
    "A sign: No. Entry.",
    "A sign: NO. ENTRY.",
    "THE END. THE BEGINNING.",
    "the end. the beginning.",
]

NOUNS = ["dog", "cat", "man", "woman", "child", "bus", "train", "bike", "horse", "kite", "table", "plate", "pizza",
         "street", "sign", "clock", "tower", "beach", "field", "boat", "truck", "bear", "giraffe", "zebra",
         "elephant", "umbrella", "laptop", "phone", "couch", "bed", "kitchen", "sandwich", "banana", "skateboard",
         "surfboard", "frisbee", "motorcycle", "airplane", "bench", "sheep", "cow", "bird", "vase", "toilet"]
ADJS = ["red", "large", "small", "old", "young", "white", "black", "wooden", "busy", "empty", "tall", "green",
        "blue", "happy", "wet", "snowy", "grassy", "dark", "bright", "striped"]
VERBS = ["standing", "sitting", "walking", "riding", "holding", "eating", "looking", "playing", "lying",
         "flying", "parked", "running", "waiting", "crossing", "carrying"]
PREPS = ["on", "in", "near", "next to", "under", "behind", "beside", "in front of", "at", "by"]
PLACES = ["Mt. Fuji", "St. Louis", "Washington D.C.", "the U.S.", "N.Y.", "Ft. Lauderdale", "Mt. Hood",
          "St. Mark's Square", "the U.K.", "Jan. 5", "No. 5", "5th Ave.", "Capt. Cook's ship", "the D.C. area",
          "Acme Inc.", "Smith Bros.", "Dr. Brown's office", "Main St.", "e.g. a park", "etc.", "10 a.m.",
          "3 p.m.", "J. Smith's house", "the No. 7 train", "Gov. Brown", "vs. the wall", "Sgt. Pepper",
          "Lt. Dan", "approx. 5 feet", "Inc.", "Co.", "Corp.", "Ltd.", "Jr.", "Sr.", "Prof. Green"]
STARTERS = ["The", "A", "It", "This", "There", "He", "She", "They", "But", "And", "In", "However", "Some",
            "Two", "An", "Its", "One", "We", "Then", "Now", "Here", "Why", "What", "Many", "Most", "If", "After"]
CLOSERS = ["", "", "", "\"", "'", ")", "]", "”", "’", "\")"]
ENDS = [".", ".", ".", "?", "!", "...", "..", ". . .", ".?", ".!", ".;", "!!", "?!", ""]
NUMBERS = ["5", "10", "1,000", "3.5", "2001", "1999", "42", "-3", ".5", "5.5.", "08759", "1.", "2nd", "3rd"]
INITIALS = ["J.", "K.", "A.", "B.", "R.", "X.", "i.", "a."]


def caption(rng):
    """A COCO-like caption, sometimes with an abbreviation, number, initial or a second sentence."""
    det = rng.choice(["A", "An", "The", "Two", "a", "the", "Some", "Three"])
    parts = [det]
    if rng.random() < 0.5:
        parts.append(rng.choice(ADJS))
    parts.append(rng.choice(NOUNS) + ("s" if det in ("Two", "Some", "Three") else ""))
    parts.append(rng.choice(VERBS))
    parts.append(rng.choice(PREPS))
    roll = rng.random()
    if roll < 0.35:
        parts.append(rng.choice(PLACES))
    elif roll < 0.45:
        parts.append(rng.choice(NUMBERS))
    elif roll < 0.55:
        parts.append(rng.choice(INITIALS) + " " + rng.choice(["Smith", "Jones", "Bach", "smith", "Lee"]))
    else:
        parts.append(rng.choice(["the", "a"]) + " " + rng.choice(NOUNS))
    text = " ".join(parts) + rng.choice(ENDS) + rng.choice(CLOSERS)
    if rng.random() < 0.4:
        follow = rng.choice(STARTERS + [s.lower() for s in STARTERS] + NUMBERS + INITIALS + ["(", "\"", "--"])
        text += rng.choice([" ", "  ", "\n", " \n", "\t"]) + follow + " " + rng.choice(NOUNS) + " " + rng.choice(
            ["is here", "waits", "looks on", "sits nearby"]) + rng.choice(ENDS)
    return text


NEWS = [
    "{org} Inc. said on {day} it would cut {n} jobs. The shares fell {pct} percent.",
    "Sen. {name} of {state} told reporters the bill was dead. {starter} aides disagreed.",
    "The company, based in {city}, {state_abbr}, reported revenue of ${money} million. {starter} analysts expected more.",
    "Gov. {name} signed the law on {month} {dayn}. It takes effect in {year}.",
    "The U.S. {body} voted {n}-{m} on {day}. {starter} vote was close.",
    "Mr. {name} and Mrs. {name2} arrived at {time}. They left at {time2}.",
    "Dr. {name} of the Univ. of {city} said the results were clear. \"{quote}\" she said.",
    "Shares of {org} Corp. rose {pct}% to ${money}. {starter} rally surprised traders.",
    "The meeting is set for {month}. {dayn} at the {org} Co. offices.",
    "{initial} {name} Jr. won the race. His father, {initial2} {name} Sr., watched.",
    "About {n} people, e.g. students and workers, marched in {city}. Police said {m} were arrested.",
    "The flight from {city} to {city2} left at {time}. It landed {n} min. late.",
    "Capt. {name} said the ship would dock at Pier No. {n}. {starter} crew cheered.",
    "The {org} Ltd. deal, worth approx. ${money} billion, closed on {day}.",
    "\"We are done,\" said {name}. \"{quote}\"",
    "Asked about the plan, {name} said: \"{quote}\" {starter} reporters laughed.",
    "The vote was {n} to {m}... {starter} result stunned everyone.",
    "Was it fair? {starter} judges thought so. {name2} did not!",
    "{org} Bros. (the maker of toys) said sales rose. {starter} gain was small.",
    "Rev. {name} led the service at St. {name2}'s church on {month}. {dayn}.",
]
ORGS = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Tyrell"]
NAMES = ["Smith", "Jones", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Clark", "Lewis"]
STATES = [("Ohio", "Ohio"), ("New Jersey", "N.J."), ("California", "Calif."), ("Texas", "Tex."), ("Florida", "Fla."),
          ("New York", "N.Y."), ("Massachusetts", "Mass."), ("Pennsylvania", "Pa."), ("Illinois", "Ill.")]
CITIES = ["Boston", "Trenton", "Denver", "Austin", "Chicago", "Paris", "London", "Tokyo", "Madrid", "Dallas"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Oct", "Nov", "Dec", "June", "July", "May"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
QUOTES = ["It is over.", "We will win!", "Why not?", "I don't know...", "No comment.", "Yes. Absolutely.",
          "See you at 5 p.m.", "Ask Mr. Smith.", "That's it"]
TIMES = ["9 a.m.", "10:30 a.m.", "noon", "3 p.m.", "5:15 p.m.", "midnight"]


def news(rng):
    template = rng.choice(NEWS)
    state, abbr = rng.choice(STATES)
    month = rng.choice(MONTHS)
    values = {
        "org": rng.choice(ORGS), "day": rng.choice(DAYS), "n": str(rng.randint(2, 900)), "m": str(rng.randint(1, 99)),
        "pct": rng.choice(["2", "3.5", "0.7", "12"]), "name": rng.choice(NAMES), "name2": rng.choice(NAMES),
        "state": state, "state_abbr": abbr, "city": rng.choice(CITIES), "city2": rng.choice(CITIES),
        "money": rng.choice(["4.2", "310", "1,200", "7"]), "starter": rng.choice(STARTERS + ["the", "some", "many"]),
        "month": month, "dayn": str(rng.randint(1, 28)), "year": str(rng.randint(1990, 2030)),
        "body": rng.choice(["Senate", "House", "court", "panel"]), "time": rng.choice(TIMES),
        "time2": rng.choice(TIMES), "quote": rng.choice(QUOTES), "initial": rng.choice(INITIALS[:6]),
        "initial2": rng.choice(INITIALS[:6]),
    }
    return template.format(**values)


def soup_vocabulary(params, rng):
    """Tokens that reach every branch of Punkt's two passes, drawn partly from the model's own tables."""
    ortho = sorted(params.ortho_context.items())
    alpha = [(w, f) for w, f in ortho if w.isalpha()]
    # Words by orthographic evidence: seen lower case but never capitalised mid-sentence (sentence starters when
    # capitalised), seen capitalised mid-sentence, seen only lower case, never seen.
    lower_only = [w for w, f in alpha if f & 0x70 and not f & 0x0E]
    mid_upper = [w for w, f in alpha if f & 0x04]
    both = [w for w, f in alpha if f & 0x70 and f & 0x0E and not f & 0x04]
    beg_lc = [w for w, f in alpha if f & 0x10]
    picks = rng.sample(lower_only, 40) + rng.sample(mid_upper, 40) + rng.sample(both, 30) + beg_lc
    words = picks + [w.capitalize() for w in picks] + [w.upper() for w in rng.sample(picks, 10)]
    words += ["zyxwv", "Zyxwv", "qqq", "Qqq"]
    words += [s.capitalize() for s in sorted(params.sent_starters)] + sorted(params.sent_starters)
    abbrevs = sorted(a for a in params.abbrev_types if " " not in a)
    words += [a + "." for a in abbrevs] + [a.capitalize() + "." for a in rng.sample(abbrevs, 40)]
    words += [a.upper() + "." for a in rng.sample(abbrevs, 20)]
    words += ["pre-" + a + "." for a in rng.sample(abbrevs, 10)]
    for first, second in sorted(params.collocations):
        if first != "##number##":
            words += [first + ".", second, second.capitalize()]
        else:
            words += [second, second.capitalize()]
    words += ["J.", "k.", "X.", "é.", "_.", "1.", "5.", "12.", "1,000.", "3.5.", "-2.", ".5", "2nd.", "1990s."]
    words += ["..", "...", "....", ". .", ". . .", "--", "---", "-", ",", ";", ":", "?", "!", "?!", "!!", ".", "'",
              "\"", "(", ")", "[", "]", "{", "}", "*", "@", "&", "#", "%", "word.?", "word.!", "word.;", "word.,",
              "word.:", "Word.)", "end.\"", "end.'", "end.)", "x.y.", "A.B.", "a.b.c", "“Quote.”", "‘q.’", "¿Qué?",
              "İz.", "Σ.", "Éric.", "ñ.", "3:30", "a,b", "e.g.,", "i.e.,", "etc.,", "U.S.,", "U.S.-", "5%.", "$5."]
    return words


def soup(rng, vocabulary):
    count = rng.randint(2, 12)
    pieces = []
    for _ in range(count):
        pieces.append(rng.choice(vocabulary))
        pieces.append(rng.choice([" ", " ", " ", " ", "  ", "\n", "\t", " \n ", "", "\n\n", " \u00a0", "\u2003"]))
    return "".join(pieces[:-1]) if rng.random() < 0.5 else "".join(pieces)


def build_test_set(params):
    rng = random.Random(20240501)
    items = [("hard", text) for text in HARD_CASES]
    items += [("caption", caption(rng)) for _ in range(500)]
    items += [("news", news(rng)) for _ in range(300)]
    vocabulary = soup_vocabulary(params, rng)
    items += [("soup", soup(rng, vocabulary)) for _ in range(1200)]
    seen = set()
    unique = []
    for group, text in items:
        if text not in seen:
            seen.add(text)
            unique.append((group, text))
    return unique


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--punkt", default=PUNKT_DIR, help="folder of the four Punkt parameter files")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()

    assert nltk.__version__.startswith("3.8"), f"expected NLTK 3.8, found {nltk.__version__}"
    params = load_params(args.punkt)
    sentence_tokenizer = PunktSentenceTokenizer(params)
    word_tokenizer = NLTKWordTokenizer()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    count = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for group, text in build_test_set(params):
            sentences = sentence_tokenizer.tokenize(text)
            tokens = [t for s in sentences for t in word_tokenizer.tokenize(s)]
            f.write(json.dumps({"group": group, "text": text, "sentences": sentences, "tokens": tokens},
                               ensure_ascii=False) + "\n")
            count += 1
    print(f"wrote {count} texts to {args.out} (NLTK {nltk.__version__})")


if __name__ == "__main__":
    main()
