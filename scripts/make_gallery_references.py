#!/usr/bin/python3
"""Write what Pillow makes of a few demo cases' images when the report's failure gallery shrinks them.

Run with Debian's Python (Pillow 9.4):

    /usr/bin/python3 scripts/make_gallery_references.py [--out DIR]

Writes (relative to the repository root, or to --out):

    tests/fixtures/gallery/cases.json    per case: subset, id, image, crop box, thumbnail size
    tests/fixtures/gallery/<id>.png      the thumbnail's RGB pixels, lossless

Each thumbnail follows the official ARO code's semantics for what the model is given: Image.open(p).convert('RGB'),
then, on VG, image.crop((x, y, x + w, y + h)) with the record's box; then Image.resize(size, BICUBIC) to a longest
side of 160 (the other side scaled and rounded with Python's round, at least 1; an image no larger is kept). The
cases are read from data/demo's annotation files here, by this script's own reading of them. Two runs write
identical files.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import PIL
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
LONGEST = 160

# (subset, index): a fractional box, a box reaching past the image (black fill), a crop small enough to keep, a wide
# crop, a palette PNG's crop, whole images (colour and greyscale JPEG).
VG_CASES = [("relation", 0), ("relation", 3), ("relation", 14), ("relation", 23), ("attribution", 4)]
ORDER_CASES = [("coco-order", 0), ("coco-order", 15)]
VG_FILES = {"relation": ("visual_genome_relation.json", "vg-relation"), "attribution": ("visual_genome_attribution.json", "vg-attribution")}


def thumbnail_size(width: int, height: int) -> tuple[int, int]:
    longest = max(width, height)
    if longest <= LONGEST:
        return width, height
    scale = lambda side: max(1, round(side * LONGEST / longest))
    return (LONGEST, scale(height)) if width >= height else (scale(width), LONGEST)


def order_images(demo: Path) -> list[str]:
    """One entry per caption, in file order: the case index of a Karpathy split is its caption's position."""
    images = []
    for record in json.loads((demo / "coco_karpathy_test.json").read_text()):
        captions = record["caption"] if isinstance(record["caption"], list) else [record["caption"]]
        images += [record["image"]] * len(captions)
    return images


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT)
    out = parser.parse_args().out / "tests" / "fixtures" / "gallery"
    if PIL.__version__ != "9.4.0":
        raise SystemExit(f"needs Pillow 9.4.0 (Debian 12), found {PIL.__version__}")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    demo = ROOT / "data" / "demo"
    cases = []
    for subset, index in VG_CASES:
        file, prefix = VG_FILES[subset]
        record = json.loads((demo / file).read_text())[index]
        box = [record["bbox_x"], record["bbox_y"], record["bbox_w"], record["bbox_h"]]
        image = Image.open(demo / "images" / record["image_path"]).convert("RGB")
        image = image.crop((box[0], box[1], box[0] + box[2], box[1] + box[3]))
        cases.append((subset, f"{prefix}-{index:06d}", "images/" + record["image_path"], box, image))
    images = order_images(demo)
    for subset, index in ORDER_CASES:
        image = Image.open(demo / images[index]).convert("RGB")
        cases.append((subset, f"{subset}-{index:06d}", images[index], None, image))

    manifest = []
    for subset, case_id, path, box, image in cases:
        size = thumbnail_size(*image.size)
        thumbnail = image if size == image.size else image.resize(size, Image.BICUBIC)
        thumbnail.save(out / f"{case_id}.png", optimize=False, compress_level=9)
        manifest.append({"subset": subset, "id": case_id, "image": path, "box": box, "crop_size": list(image.size), "size": list(size)})
    (out / "cases.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(f"wrote {len(manifest)} thumbnails to {out}")


if __name__ == "__main__":
    main()
