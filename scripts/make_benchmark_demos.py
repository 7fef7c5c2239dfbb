#!/usr/bin/env python3
"""Demo data and PyTorch reference outputs for the benchmarks beside ARO (SugarCrepe), on the committed test models.

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

SugarCrepe's main_eval.py opens images with Image.open(path) and lets open_clip's transform convert to RGB after
the resize and crop; the reference does the same, while aro converts first (as for ARO): equal for COCO's JPEGs,
grayscale included, which the grayscale demo image checks.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
