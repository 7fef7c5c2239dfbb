#!/usr/bin/env python3
"""Demo data and PyTorch reference outputs for the benchmarks beside ARO (SugarCrepe, Winoground, retrieval), on the committed test models.

Run after scripts/make_test_models.py (which calls this script at its end, because it empties data/demo and
tests/fixtures/reference first). It rebuilds the seeded PyTorch models of make_test_models.py, checks that they
reproduce the committed reference embeddings (so they are the models the committed ONNX graphs were exported from),
then writes, following each benchmark's official evaluation code:

- data/demo/sugarcrepe/: the seven official file names (add_att.json ... swap_obj.json) in the official format
  ({"<id>": {"filename", "caption", "negative_caption"}}) over a few drawn images in val2017/;
- tests/fixtures/reference/{demo,tiny-blip}/scores/sugarcrepe-<part>.csv: each case's [caption, negative] scores;
- tests/fixtures/reference/{demo,tiny-blip}/expected/sugarcrepe.csv: the official accuracy per subset
  (`1 if pos_score > neg_score else 0`, averaged), the numbers aro must print;
- tests/fixtures/reference/demo/benchmark-tokens.csv: CLIP ids of every new caption;
- tests/fixtures/reference/demo/pixels/sugarcrepe-<id>.f32: one preprocessed image (a grayscale JPEG).

- data/demo/winoground/: examples.jsonl and images/<name>.png in the Hugging Face dataset's format, six instances
  whose two captions hold the same words in another order (one with two identical images: an exact tie);
- tests/fixtures/reference/{demo,tiny-blip}/scores/winoground.csv: s(c, i) of every instance and its outcomes, and
  .../expected/winoground.scores.csv: text, image and group scores with Winoground's strict comparisons;
- tests/fixtures/reference/{demo,tiny-blip}/expected/<subset>.retrieval.csv: recall@1/5/10 both ways on the demo
  Karpathy files (coco_karpathy_test.json, flickr30k_test.json) following main_retrieval.py and BLIP's
  evaluation (ITC, then the top k candidates re-scored with ITM + ITC, -100 elsewhere), ranked by a stable sort on
  descending score. The original texts are pre_caption(caption, 30), computed here; the perturbed texts are read from
  aro's own captions file (tests/golden/eval-demo-retrieval/<subset>.captions.csv, the golden copy the CLI tests
  check), because aro's tagger-based shuffles cannot be re-run in Python; this script re-derives shuffle_all_words
  and the image shuffles itself (SplitMix64 ported below, torch unfold/fold as the ARO code shuffles blocks) and
  checks that every perturbed text keeps its original's characters. Without that golden folder (a first
  generation), the retrieval references are skipped with a note: generate the goldens, then run this script again.

SugarCrepe's main_eval.py opens images with Image.open(path) and lets open_clip's transform convert to RGB after
the resize and crop; the reference does the same, while aro converts first (as for ARO): equal for COCO's JPEGs,
grayscale included, which the grayscale demo image checks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

import torch
import torch.nn.functional as F
from PIL import Image
from torchvision import transforms as T
from torchvision.transforms import InterpolationMode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_test_models as mtm  # noqa: E402  (the seeded models, tokenizers and drawing code)

SUGARCREPE_PARTS = ["add_att", "add_obj", "replace_att", "replace_obj", "replace_rel", "swap_att", "swap_obj"]

# SugarCrepe's images: COCO-style names in val2017/, one stored as a grayscale JPEG.
SUGARCREPE_IMAGES = [
    ("000000000101.jpg", (320, 240), "jpeg"),
    ("000000000102.jpg", (240, 320), "jpeg"),
    ("000000000103.jpg", (300, 200), "gray-jpeg"),
    ("000000000104.jpg", (420, 280), "jpeg"),
    ("000000000105.jpg", (256, 256), "jpeg"),
    ("000000000106.jpg", (500, 200), "jpeg"),
]
SUGARCREPE_PIXEL_CASE = "000000000103.jpg"

# open_clip's eval transform, in its order: resize and crop the image as opened, then convert to RGB.
OPEN_CLIP_TRANSFORM = T.Compose([
    T.Resize(224, interpolation=InterpolationMode.BICUBIC),
    T.CenterCrop(224),
    lambda image: image.convert("RGB"),
    T.ToTensor(),
    T.Normalize(mtm.CLIP_MEAN, mtm.CLIP_STD),
])

SUGARCREPE_README = """# SugarCrepe demo data

Made by scripts/make_benchmark_demos.py: {cases} cases in SugarCrepe's official format and file names
(`add_att.json` ... `swap_obj.json`, each `{{"<id>": {{"filename", "caption", "negative_caption"}}}}`) over {images}
drawn images in `val2017/` (one a grayscale JPEG), so that `aro eval --subset sugarcrepe --data data/demo` runs the
benchmark end to end. The negatives follow the seven kinds of the paper (replace, swap or add an object, attribute
or relation); `swap_att.json` holds one exact tie (caption and negative identical), which the official rule counts
wrong. The captions describe the shapes drawn, but the models are random, so accuracy is near chance.
"""

OPPOSITE = {"left of": "right of", "right of": "left of", "above": "below", "below": "above"}


class Models:
    """The seeded PyTorch models of make_test_models.py and their tokenizers, rebuilt from the committed files."""

    def __init__(self, root: Path):
        merges_text = (root / "models/demo/merges.txt").read_text(encoding="utf-8").splitlines()[1:]
        self.bpe = mtm.ClipBpe([tuple(line.split(" ")) for line in merges_text if line])
        vocab = (root / "tests/fixtures/tiny-blip/vocab.txt").read_text(encoding="utf-8").splitlines()
        self.wp = mtm.BertWordPiece(vocab)
        torch.manual_seed(mtm.SEED + 100)
        self.clip_vision = mtm.amplify(mtm.ClipVision()).eval()
        torch.manual_seed(mtm.SEED + 200)
        self.clip_text = mtm.amplify(mtm.ClipText(len(self.bpe.vocab))).eval()
        torch.manual_seed(mtm.SEED + 300)
        blip = mtm.amplify(mtm.TinyBlip(self.wp.size + 2)).eval()
        self.blip_vision = mtm.BlipVisionGraph(blip).eval()
        self.blip_text = mtm.BlipTextGraph(blip).eval()
        self.blip_itm = mtm.BlipItmGraph(blip).eval()
        self.check(root)

    def check(self, root: Path) -> None:
        """The rebuilt models must give the committed reference embeddings: otherwise they are not the exported ones."""
        with torch.no_grad():
            rows = (root / "tests/fixtures/reference/demo/embeddings/text_embeds.csv").read_text(encoding="utf-8").splitlines()
            import csv
            for record in list(csv.reader(rows[1:]))[:5]:
                caption, values = record[0], [float(v) for v in record[1:]]
                got = self.clip_text(torch.tensor([self.bpe.encode(caption)]))[0].tolist()
                worst = max(abs(a - b) for a, b in zip(got, values))
                assert worst < 1e-6, f"rebuilt CLIP text model differs from the committed reference by {worst}"
            rows = (root / "tests/fixtures/reference/tiny-blip/embeddings/text_embeds.csv").read_text(encoding="utf-8").splitlines()
            for record in list(csv.reader(rows[1:]))[:5]:
                caption, values = record[0], [float(v) for v in record[1:]]
                ids, mask = mtm.pad_bert([self.wp.encode(caption)], mtm.BLIP_CONTEXT)
                got = self.blip_text(ids, mask)[0].tolist()
                worst = max(abs(a - b) for a, b in zip(got, values))
                assert worst < 1e-6, f"rebuilt BLIP text model differs from the committed reference by {worst}"

    def clip_image(self, pixels: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.clip_vision(pixels[None])[0], dim=-1)

    def clip_caption(self, caption: str) -> torch.Tensor:
        return F.normalize(self.clip_text(torch.tensor([self.bpe.encode(caption)]))[0], dim=-1)

    def blip_scores(self, view: Image.Image, captions: list[str]) -> list[float]:
        """BLIP as the official ARO code scores it: the ITM head's positive logit plus the ITC cosine."""
        embeds, feats = self.blip_vision(mtm.BLIP_TRANSFORM(view)[None])
        image = F.normalize(embeds[0], dim=-1)
        scores = []
        for caption in captions:
            ids, mask = mtm.pad_bert([self.wp.encode(caption)], mtm.BLIP_CONTEXT)
            itc = float(image @ F.normalize(self.blip_text(ids, mask)[0], dim=-1))
            ids[:, 0] = self.wp.enc_id
            scores.append(float(self.blip_itm(feats, ids, mask)[0][1]) + itc)
        return scores


    def blip_image(self, pixels: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The normalised ITC embedding and the token features of one BLIP-transformed image."""
        embeds, feats = self.blip_vision(pixels[None])
        return F.normalize(embeds[0], dim=-1), feats

    def blip_text_embedding(self, caption: str) -> torch.Tensor:
        ids, mask = mtm.pad_bert([self.wp.encode(caption)], mtm.BLIP_CONTEXT)
        return F.normalize(self.blip_text(ids, mask)[0], dim=-1)

    def blip_itm_logit(self, feats: torch.Tensor, caption: str) -> float:
        """The ITM head's positive logit, [ENC] in place of [CLS] as BLIP's retrieval evaluation does."""
        ids, mask = mtm.pad_bert([self.wp.encode(caption)], mtm.BLIP_CONTEXT)
        ids[:, 0] = self.wp.enc_id
        return float(self.blip_itm(feats, ids, mask)[0][1])


def sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def sugarcrepe_cases(scenes) -> dict[str, dict[str, dict]]:
    """Three cases per official file, built from each scene's first two objects as the official negatives are
    described: REPLACE an object, attribute or relation; SWAP two objects or attributes; ADD an object or attribute."""
    files: dict[str, dict[str, dict]] = {part: {} for part in SUGARCREPE_PARTS}
    for k, (fname, _size, _kind, _bg, objs) in enumerate(scenes):
        a, b, c = objs
        rel = mtm.geometric_relation(a, b)
        absent_shape = next(s for s in mtm.SHAPES if s not in {o.shape for o in objs})
        absent_color = next(col for col in ["purple", "orange", "yellow", "green", "black"] if col not in {o.color for o in objs})
        pos = f"a {a.color} {a.shape} {rel} a {b.color} {b.shape}"
        negatives = {
            "replace_obj": f"a {a.color} {a.shape} {rel} a {b.color} {absent_shape}",
            "replace_att": f"a {absent_color} {a.shape} {rel} a {b.color} {b.shape}",
            "replace_rel": f"a {a.color} {a.shape} {OPPOSITE[rel]} a {b.color} {b.shape}",
            "swap_obj": f"a {a.color} {b.shape} {rel} a {b.color} {a.shape}",
            "swap_att": f"a {b.color} {a.shape} {rel} a {a.color} {b.shape}",
            "add_obj": f"a {a.color} {a.shape} and a {absent_color} {absent_shape} {rel} a {b.color} {b.shape}",
            "add_att": f"a large {a.color} {a.shape} {rel} a {b.color} {b.shape}",
        }
        for j, part in enumerate(SUGARCREPE_PARTS):
            if (k + j) % 2:  # each file gets three of the six scenes
                continue
            # swap_obj's ids skip numbers, as the official file's do: the id is the key, not the position.
            key = str(len(files[part]) * 3 + 1) if part == "swap_obj" else str(len(files[part]))
            files[part][key] = {"filename": fname, "caption": sentence(pos), "negative_caption": sentence(negatives[part])}
    # An exact tie (caption and negative identical): the official rule counts it wrong.
    files["swap_att"][str(len(files["swap_att"]))] = {
        "filename": scenes[0][0], "caption": "Three shapes on a plain background.", "negative_caption": "Three shapes on a plain background."}
    return files


def write_sugarcrepe(root: Path, models: Models) -> None:
    folder = root / "data/demo/sugarcrepe"
    ref = root / "tests/fixtures/reference"
    scenes = []
    for i, (fname, size, kind) in enumerate(SUGARCREPE_IMAGES):
        bg, objs = mtm.make_scene(100 + i, size)
        mtm.render_image(mtm._mkparent(folder / "val2017" / fname), size, kind, bg, objs)
        scenes.append((fname, size, kind, bg, objs))
    files = sugarcrepe_cases(scenes)
    for part, records in files.items():
        mtm.write_json(folder / f"{part}.json", records, indent=4)

    captions = sorted({r[key] for records in files.values() for r in records.values() for key in ("caption", "negative_caption")})
    mtm.write_csv(ref / "demo/benchmark-tokens.csv", ["caption", "ids"],
                  [[c, " ".join(map(str, models.bpe.encode(c)))] for c in captions])
    expected = {"demo": [], "tiny-blip": []}
    with torch.no_grad():
        text = {c: models.clip_caption(c) for c in captions}
        for part, records in files.items():
            name = "sugarcrepe-" + part.replace("_", "-")
            demo_rows, blip_rows = [], []
            right = {"demo": 0, "tiny-blip": 0}
            for key, record in records.items():
                path = folder / "val2017" / record["filename"]
                pixels = OPEN_CLIP_TRANSFORM(Image.open(path))
                pixel_file = ref / f"demo/pixels/sugarcrepe-{Path(SUGARCREPE_PIXEL_CASE).stem}.f32"
                if record["filename"] == SUGARCREPE_PIXEL_CASE and not pixel_file.exists():
                    mtm.write_f32(pixel_file, pixels)
                image = models.clip_image(pixels)
                pos, neg = float(image @ text[record["caption"]]), float(image @ text[record["negative_caption"]])
                demo_rows.append([key, mtm.fmt(pos), mtm.fmt(neg)])
                right["demo"] += 1 if pos > neg else 0
                bpos, bneg = models.blip_scores(Image.open(path).convert("RGB"), [record["caption"], record["negative_caption"]])
                blip_rows.append([key, mtm.fmt(bpos), mtm.fmt(bneg)])
                right["tiny-blip"] += 1 if bpos > bneg else 0
            mtm.write_csv(ref / f"demo/scores/{name}.csv", ["id", "score_0", "score_1"], demo_rows)
            mtm.write_csv(ref / f"tiny-blip/scores/{name}.csv", ["id", "score_0", "score_1"], blip_rows)
            for package in expected:
                expected[package].append([name, str(len(records)), str(right[package]), f"{right[package] / len(records):.7f}"])
    for package, rows in expected.items():
        mtm.write_csv(ref / f"{package}/expected/sugarcrepe.csv", ["subset", "cases", "correct", "accuracy"], rows)
    mtm.write_text(folder / "README.md", SUGARCREPE_README.format(cases=sum(len(r) for r in files.values()), images=len(scenes)))
    print(f"sugarcrepe: {sum(len(r) for r in files.values())} cases on {len(scenes)} images; {len(captions)} captions")


# ---------------------------------------------------------------------------------------------------------------
# SplitMix64, ported from src/Aro.Core/Randomness/SplitMix64.cs's description (Steele, Lea and Flood's generator,
# Lemire's bounded integers, Fisher-Yates from the last position down), so the references re-derive aro's seeded
# shuffles independently of aro.

MASK64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix64(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


class SplitMix64:
    def __init__(self, state: int):
        self.state = state & MASK64

    @staticmethod
    def for_stream(seed: int, *keys: int) -> "SplitMix64":
        state = mix64((seed + GOLDEN_GAMMA) & MASK64)
        for key in keys:
            state = mix64(state ^ mix64((key + GOLDEN_GAMMA) & MASK64))
        return SplitMix64(state)

    def next_u64(self) -> int:
        self.state = (self.state + GOLDEN_GAMMA) & MASK64
        return mix64(self.state)

    def next_int(self, bound: int) -> int:
        product = self.next_u64() * bound
        low = product & MASK64
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                product = self.next_u64() * bound
                low = product & MASK64
        return product >> 64

    def shuffle(self, items: list) -> None:
        for i in range(len(items) - 1, 0, -1):
            j = self.next_int(i + 1)
            items[i], items[j] = items[j], items[i]


# ---------------------------------------------------------------------------------------------------------------
# Winoground demo: six instances in the Hugging Face dataset's format.

WINOGROUND_README = """# Winoground demo data

Made by scripts/make_benchmark_demos.py: {count} instances in the Hugging Face dataset's format (`examples.jsonl` with
`id, image_0, image_1, caption_0, caption_1, tag, secondary_tag, num_main_preds, collapsed_tag`, and
`images/<name>.png`), so that `aro eval --subset winoground --data data/demo` runs the benchmark end to end. Each
instance's two captions hold the same words in another order and image 1 is image 0 with two objects' shapes,
positions or colours swapped; instance 5's two images are identical (an exact tie, which Winoground's strict
comparisons count wrong). The models are random, so the scores are near chance. The real dataset (400 instances) is
gated on Hugging Face: `HF_TOKEN=... aro data pull winoground`.
"""

# The first scene index for make_test_models.make_scene: the first of the bases tried (200, 208, ...) under which
# tiny-blip gets two instances right by every score, so the group rule is seen to count (the models are random; the
# demo CLIP gets none under any base near it).
WINOGROUND_SCENE_BASE = 264
WINOGROUND_SIZES = [(300, 200), (240, 240), (320, 180), (200, 260), (280, 210), (256, 192), (310, 230), (230, 300)]
WINOGROUND_KINDS = ["png", "rgba-png", "palette-png", "png", "png", "png", "png", "png"]
WINOGROUND_TAGS = ["Object", "Relation", "Both", "Object", "Relation", "Object", "Both", "Relation"]


def winoground_instance(k: int):
    """Two scenes and two captions: swap two objects' shapes (Object), positions (Relation) or colours (Both)."""
    size = WINOGROUND_SIZES[k]
    bg, objs = mtm.make_scene(WINOGROUND_SCENE_BASE + k, size)
    a, b = objs[0], objs[1]
    tag = WINOGROUND_TAGS[k]
    if tag == "Object":
        swapped = [mtm.Obj(a.color, b.shape, a.box), mtm.Obj(b.color, a.shape, b.box), objs[2]]
        captions = (f"a {a.color} {a.shape} and a {b.color} {b.shape}", f"a {a.color} {b.shape} and a {b.color} {a.shape}")
    elif tag == "Relation":
        swapped = [mtm.Obj(a.color, a.shape, b.box), mtm.Obj(b.color, b.shape, a.box), objs[2]]
        rel = mtm.geometric_relation(a, b)
        captions = (f"the {a.color} {a.shape} is {rel} the {b.color} {b.shape}", f"the {b.color} {b.shape} is {rel} the {a.color} {a.shape}")
    else:
        swapped = [mtm.Obj(b.color, a.shape, a.box), mtm.Obj(a.color, b.shape, b.box), objs[2]]
        captions = (f"a {a.color} {a.shape} next to a {b.color} {b.shape}", f"a {b.color} {a.shape} next to a {a.color} {b.shape}")
    if k == 5:
        swapped = objs  # identical images: every comparison between them is an exact tie
    return size, bg, objs, swapped, captions, tag


def write_winoground(root: Path, models: Models) -> None:
    folder = root / "data/demo/winoground"
    ref = root / "tests/fixtures/reference"
    examples = []
    for k in range(len(WINOGROUND_SIZES)):
        size, bg, first, second, captions, tag = winoground_instance(k)
        names = [f"ex_{k}_img_0", f"ex_{k}_img_1"]
        for name, scene in zip(names, (first, second)):
            mtm.render_image(mtm._mkparent(folder / "images" / f"{name}.png"), size, WINOGROUND_KINDS[k], bg, scene)
        examples.append({
            "id": k, "image_0": names[0], "image_1": names[1], "caption_0": captions[0], "caption_1": captions[1],
            "tag": "Noun" if tag == "Object" else "Adjective-Color" if tag == "Both" else "Relation",
            "secondary_tag": "Symbolic" if k % 2 else "", "num_main_preds": 1 + k % 2, "collapsed_tag": tag,
        })
    mtm.write_text(folder / "examples.jsonl", "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in examples))
    mtm.write_text(folder / "README.md", WINOGROUND_README.format(count=len(examples)))

    with torch.no_grad():
        for package in ("demo", "tiny-blip"):
            rows, tally = [], {}
            for e in examples:
                views = [Image.open(folder / "images" / f"{e[f'image_{j}']}.png").convert("RGB") for j in (0, 1)]
                if package == "demo":
                    images = [models.clip_image(mtm.CLIP_TRANSFORM(v)) for v in views]
                    texts = [models.clip_caption(e[f"caption_{c}"]) for c in (0, 1)]
                    s = {(c, j): float(images[j] @ texts[c]) for c in (0, 1) for j in (0, 1)}
                else:
                    per_image = [models.blip_scores(v, [e["caption_0"], e["caption_1"]]) for v in views]
                    s = {(c, j): per_image[j][c] for c in (0, 1) for j in (0, 1)}
                text = s[0, 0] > s[1, 0] and s[1, 1] > s[0, 1]
                image = s[0, 0] > s[0, 1] and s[1, 1] > s[1, 0]
                rows.append([str(e["id"]), e["collapsed_tag"], str(text).lower(), str(image).lower(), str(text and image).lower(),
                             mtm.fmt(s[0, 0]), mtm.fmt(s[0, 1]), mtm.fmt(s[1, 0]), mtm.fmt(s[1, 1])])
                for group in ("all", e["collapsed_tag"]):
                    counts = tally.setdefault(group, [0, 0, 0, 0])
                    counts[0] += 1
                    counts[1] += text
                    counts[2] += image
                    counts[3] += text and image
            mtm.write_csv(ref / f"{package}/scores/winoground.csv",
                          ["id", "collapsed_tag", "text_correct", "image_correct", "group_correct", "s_c0_i0", "s_c0_i1", "s_c1_i0", "s_c1_i1"], rows)
            mtm.write_csv(ref / f"{package}/expected/winoground.scores.csv", ["group", "count", "text_score", "image_score", "group_score"],
                          [[g, str(c[0])] + [f"{c[i] / c[0]:.7f}" for i in (1, 2, 3)] for g, c in tally.items()])
    print(f"winoground: {len(examples)} instances")


# ---------------------------------------------------------------------------------------------------------------
# Retrieval references.

RETRIEVAL_FILES = {"coco-retrieval": "coco_karpathy_test.json", "flickr-retrieval": "flickr30k_test.json"}
CAPTION_PERTURBATIONS = ["shuffle_all_words", "shuffle_nouns_and_adj", "shuffle_allbut_nouns_and_adj", "shuffle_within_trigrams", "shuffle_trigrams"]
ALL_WORDS_STREAM = 4
IMAGE_STREAMS = {"shuffle_rows_4": 16, "shuffle_patches_9": 17, "shuffle_cols_4": 18}
BLIP_FILL = -100.0

# (package, subsets, seeds, image perturbations, BLIP candidates or None for ITC, suffix of the expected file). The
# tests run aro with exactly these settings (tests/Aro.Cli.Tests/Golden and tests/Aro.Core.Tests/Benchmarks/Retrieval).
RETRIEVAL_RUNS = [
    ("demo", ["coco-retrieval", "flickr-retrieval"], [1, 2], ["shuffle_rows_4", "shuffle_patches_9", "shuffle_cols_4"], None, ""),
    ("tiny-blip", ["coco-retrieval"], [1], ["shuffle_cols_4"], 128, ""),
    ("tiny-blip", ["coco-retrieval"], [1], ["shuffle_cols_4"], 3, ".k3"),
]


def shuffle_blocks(x: torch.Tensor, kind: str, seed: int, index: int) -> torch.Tensor:
    """The ARO code's shuffle_rows / shuffle_patches / shuffle_columns on one CHW tensor: unfold into
    non-overlapping blocks (stride = block size), permute them, fold back (uncovered pixels become 0). The
    permutation is aro's: the identity shuffled by SplitMix64's stream (seed, image index, 16 + kind)."""
    _c, h, w = x.shape
    if kind == "shuffle_rows_4":
        kernel, stride = (h // 4, w), h // 4
    elif kind == "shuffle_cols_4":
        kernel, stride = (h, w // 4), w // 4
    else:
        kernel, stride = (h // 3, w // 3), (h // 3, w // 3)
    u = F.unfold(x[None], kernel_size=kernel, stride=stride)
    perm = list(range(u.shape[-1]))
    SplitMix64.for_stream(seed, index, IMAGE_STREAMS[kind]).shuffle(perm)
    return F.fold(u[:, :, perm], (h, w), kernel_size=kernel, stride=stride)[0]


def shuffle_all_words(text: str, seed: int, index: int) -> str:
    words = text.split(" ")
    SplitMix64.for_stream(seed, index, ALL_WORDS_STREAM).shuffle(words)
    return " ".join(words)


def read_golden_captions(path: Path) -> dict[tuple[str, str], list[str]]:
    import csv
    texts: dict[tuple[str, str], list[str]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            texts.setdefault((row["perturbation"], row["seed"]), []).append(row["text"])
    return texts


def stable_order(scores: np.ndarray) -> np.ndarray:
    """Descending score, equal scores lower index first."""
    return np.argsort(-scores, kind="stable")


def recalls(i2t: np.ndarray, t2i: np.ndarray, image_of: list[int]) -> list[float]:
    """i2t: images x texts, t2i: texts x images; R@1/5/10 image-to-text, then text-to-image."""
    n_img, n_txt = i2t.shape
    out = []
    orders = [stable_order(i2t[i])[:10] for i in range(n_img)]
    for k in (1, 5, 10):
        out.append(sum(any(image_of[t] == i for t in orders[i][:k]) for i in range(n_img)) / n_img)
    orders = [stable_order(t2i[t])[:10] for t in range(n_txt)]
    for k in (1, 5, 10):
        out.append(sum(image_of[t] in orders[t][:k] for t in range(n_txt)) / n_txt)
    return out


def smallest_gap(matrix: np.ndarray) -> float:
    """The closest two different scores among each row's best eleven (how near a recall is to flipping)."""
    gaps = []
    for row in matrix:
        top = np.sort(row)[::-1][:11]
        d = np.diff(top)
        d = d[d != 0]
        if d.size:
            gaps.append(float(np.min(-d)))
    return min(gaps) if gaps else float("inf")


class RetrievalScorer:
    """Embeddings (cached by input) and the two score matrices of one package."""

    def __init__(self, models: Models, package: str, folder: Path):
        self.models, self.package, self.folder = models, package, folder
        self.text_cache: dict[str, torch.Tensor] = {}
        self.itm_cache: dict[tuple, float] = {}
        self.transform = mtm.CLIP_TRANSFORM if package == "demo" else mtm.BLIP_TRANSFORM

    def text(self, caption: str) -> torch.Tensor:
        if caption not in self.text_cache:
            m = self.models
            self.text_cache[caption] = m.clip_caption(caption) if self.package == "demo" else m.blip_text_embedding(caption)
        return self.text_cache[caption]

    def images(self, paths: list[str], perturbation: tuple[str, int] | None):
        embeds, feats = [], []
        for index, path in enumerate(paths):
            pixels = self.transform(Image.open(self.folder / path).convert("RGB"))
            if perturbation is not None:
                pixels = shuffle_blocks(pixels, perturbation[0], perturbation[1], index)
            if self.package == "demo":
                embeds.append(self.models.clip_image(pixels))
                feats.append(None)
            else:
                e, f = self.models.blip_image(pixels)
                embeds.append(e)
                feats.append(f)
        return embeds, feats

    def matrices(self, paths, texts, perturbation, k):
        image_embeds, feats = self.images(paths, perturbation)
        itc = (torch.stack(image_embeds).double() @ torch.stack([self.text(t) for t in texts]).double().T).numpy()
        if k is None:
            return itc, itc.T.copy()
        n_img, n_txt = itc.shape
        key = perturbation or ("none", 0)

        def itm(i: int, t: int) -> float:
            cache_key = (key, i, texts[t])
            if cache_key not in self.itm_cache:
                self.itm_cache[cache_key] = self.models.blip_itm_logit(feats[i], texts[t])
            return self.itm_cache[cache_key] + float(itc[i, t])

        i2t = np.full((n_img, n_txt), BLIP_FILL)
        for i in range(n_img):
            for t in stable_order(itc[i])[: min(k, n_txt)]:
                i2t[i, t] = itm(i, t)
        t2i = np.full((n_txt, n_img), BLIP_FILL)
        for t in range(n_txt):
            for i in stable_order(itc[:, t])[: min(k, n_img)]:
                t2i[t, i] = itm(i, t)
        return i2t, t2i


def write_retrieval_references(root: Path, models: Models) -> None:
    data = root / "data/demo"
    golden = root / "tests/golden/eval-demo-retrieval"
    ref = root / "tests/fixtures/reference"
    if not golden.is_dir():
        print(f"retrieval: {golden} is missing; run the golden tests with ARO_UPDATE_GOLDEN=1, then this script again")
        return
    with torch.no_grad():
        for package, subsets, seeds, image_perturbations, k, suffix in RETRIEVAL_RUNS:
            scorer = RetrievalScorer(models, package, data)
            for subset in subsets:
                records = json.loads((data / RETRIEVAL_FILES[subset]).read_text(encoding="utf-8"))
                paths = [r["image"] for r in records]
                image_of = [i for i, r in enumerate(records) for _ in r["caption"]]
                cleaned = [mtm.pre_caption(c, 30) for r in records for c in r["caption"]]
                given = read_golden_captions(golden / f"{subset}.captions.csv")
                assert given[("none", "")] == cleaned, f"{subset}: aro's original texts differ from pre_caption's"
                rows, gaps = [], []

                def row(name, seed, i2t, t2i):
                    gaps.extend([smallest_gap(i2t), smallest_gap(t2i)])
                    return [name, seed, len(paths), len(cleaned)] + recalls(i2t, t2i, image_of)

                def seed_rows(runs):
                    if len(runs) < 2:
                        return []
                    values = np.array([r[4:] for r in runs], dtype=np.float64)
                    return [runs[0][:1] + ["mean"] + runs[0][2:4] + list(values.mean(axis=0)),
                            runs[0][:1] + ["std"] + runs[0][2:4] + list(values.std(axis=0, ddof=1))]

                rows.append(row("none", "", *scorer.matrices(paths, cleaned, None, k)))
                for name in CAPTION_PERTURBATIONS:
                    runs = []
                    for seed in seeds:
                        texts = given[(name, str(seed))]
                        for j, (text, original) in enumerate(zip(texts, cleaned)):
                            assert sorted(text.replace(" ", "")) == sorted(original.replace(" ", "")), f"{subset} {name} {seed} caption {j}: not a permutation"
                            if name == "shuffle_all_words":
                                assert text == shuffle_all_words(original, seed, j), f"{subset} caption {j}: shuffle_all_words differs from SplitMix64's"
                        runs.append(row(name, str(seed), *scorer.matrices(paths, texts, None, k)))
                    rows += runs + seed_rows(runs)
                for name in image_perturbations:
                    runs = [row(name, str(seed), *scorer.matrices(paths, cleaned, (name, seed), k)) for seed in seeds]
                    rows += runs + seed_rows(runs)
                mtm.write_csv(ref / f"{package}/expected/{subset}{suffix}.retrieval.csv",
                              ["perturbation", "seed", "images", "captions", "i2t_r1", "i2t_r5", "i2t_r10", "t2i_r1", "t2i_r5", "t2i_r10"],
                              [r[:4] + [f"{v:.7f}" for v in r[4:]] for r in rows])
                print(f"retrieval {package}{suffix} {subset}: {len(rows)} rows; smallest gap between two of a query's best eleven scores {min(gaps):.2e}")


def main(root: Path | None = None) -> int:
    if root is None:
        ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
        ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="where make_test_models.py wrote (default: the repository root)")
        root = ap.parse_args().root
    root = root.resolve()
    mtm.setup_determinism()
    models = Models(root)
    write_sugarcrepe(root, models)
    write_winoground(root, models)
    write_retrieval_references(root, models)
    return 0


if __name__ == "__main__":
    sys.exit(main())
