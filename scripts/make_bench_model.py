#!/usr/bin/python3
"""Write a CLIP ViT-B/32-sized model package with random (seeded) weights, for speed measurement only.

Run with Debian's Python (torch 1.13, onnx 1.12):

    /usr/bin/python3 scripts/make_bench_model.py [--out models/bench-vit-b32] [--vocab-dir ../shared/clip-bpe]

The graphs have OpenAI CLIP ViT-B/32's shapes and FLOPs (vision: patch-32, 12 x 768 wide, 12 heads; text:
49408-token vocabulary, 12 x 512 wide, 8 heads, causal) so that `aro bench` and `aro eval` timings on it are
those of the real model. Its scores mean nothing. The package is ~600 MB and is never committed.
"""

from __future__ import annotations

import argparse
import inspect
import hashlib
import io
import json
import shutil
import sys
import time
import warnings
from pathlib import Path

import onnx
import torch
import torch.nn as nn

SEED = 20240502
OPSET = 14
CREATED_BY = "scripts/make_bench_model.py"
SOURCE = "scripts/make_bench_model.py, random weights (speed measurement only)"
PACKAGE_NAME = "bench-vit-b32"

CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]

# OpenAI CLIP ViT-B/32 (clip/model.py build_model for "ViT-B/32").
IMAGE_SIZE = 224
PATCH = 32
VISION_WIDTH = 768
VISION_LAYERS = 12
VISION_HEADS = 12
EMBED_DIM = 512
VOCAB_SIZE = 49408
CONTEXT = 77
TEXT_WIDTH = 512
TEXT_LAYERS = 12
TEXT_HEADS = 8
SOT_ID = 49406
EOT_ID = 49407

REPO_ROOT = Path(__file__).resolve().parent.parent


class QuickGELU(nn.Module):
    """OpenAI CLIP's activation; exported as Sigmoid + Mul, as a real OpenAI-weights export would be."""

    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class Attention(nn.Module):
    """Multi-head self-attention with separate q, k, v projections (the Hugging Face CLIP layout; same FLOPs
    and parameter count as OpenAI's packed in_proj)."""

    def __init__(self, width: int, heads: int):
        super().__init__()
        self.heads, self.head_dim = heads, width // heads
        self.q = nn.Linear(width, width)
        self.k = nn.Linear(width, width)
        self.v = nn.Linear(width, width)
        self.out = nn.Linear(width, width)

    def split(self, x):
        return x.reshape(x.shape[0], -1, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, mask=None):
        q, k, v = self.split(self.q(x)), self.split(self.k(x)), self.split(self.v(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) * (self.head_dim ** -0.5)
        if mask is not None:
            scores = scores + mask
        y = torch.matmul(scores.softmax(dim=-1), v)
        y = y.transpose(1, 2).reshape(x.shape[0], -1, self.heads * self.head_dim)
        return self.out(y)


class Block(nn.Module):
    """CLIP's residual attention block: pre-LN attention, pre-LN MLP (4x wide, QuickGELU)."""

    def __init__(self, width: int, heads: int):
        super().__init__()
        self.ln_1 = nn.LayerNorm(width)
        self.attn = Attention(width, heads)
        self.ln_2 = nn.LayerNorm(width)
        self.mlp = nn.Sequential(nn.Linear(width, width * 4), QuickGELU(), nn.Linear(width * 4, width))

    def forward(self, x, mask=None):
        x = x + self.attn(self.ln_1(x), mask=mask)
        return x + self.mlp(self.ln_2(x))


class VisionTower(nn.Module):
    """pixel_values [B,3,224,224] -> image_embeds [B,512] (not normalised, as HF's CLIPVisionModelWithProjection)."""

    def __init__(self):
        super().__init__()
        grid = IMAGE_SIZE // PATCH
        scale = VISION_WIDTH ** -0.5
        self.conv1 = nn.Conv2d(3, VISION_WIDTH, kernel_size=PATCH, stride=PATCH, bias=False)
        self.class_embedding = nn.Parameter(scale * torch.randn(VISION_WIDTH))
        self.positional_embedding = nn.Parameter(scale * torch.randn(grid * grid + 1, VISION_WIDTH))
        self.ln_pre = nn.LayerNorm(VISION_WIDTH)
        self.blocks = nn.ModuleList([Block(VISION_WIDTH, VISION_HEADS) for _ in range(VISION_LAYERS)])
        self.ln_post = nn.LayerNorm(VISION_WIDTH)
        self.proj = nn.Parameter(scale * torch.randn(VISION_WIDTH, EMBED_DIM))

    def forward(self, pixel_values):
        x = self.conv1(pixel_values).flatten(2).transpose(1, 2)  # [B, 49, 768]
        cls = self.class_embedding.view(1, 1, -1).expand(x.shape[0], 1, x.shape[2])
        x = self.ln_pre(torch.cat([cls, x], dim=1) + self.positional_embedding)
        for blk in self.blocks:
            x = blk(x)
        return self.ln_post(x[:, 0, :]) @ self.proj


class TextTower(nn.Module):
    """input_ids [B,L] (L <= 77) -> text_embeds [B,512]: the positional embedding and causal mask are sliced to L,
    so the sequence axis is dynamic like a Hugging Face export and callers can trim padding."""

    def __init__(self):
        super().__init__()
        self.token_embedding = nn.Embedding(VOCAB_SIZE, TEXT_WIDTH)
        self.positional_embedding = nn.Parameter(torch.empty(CONTEXT, TEXT_WIDTH))
        self.blocks = nn.ModuleList([Block(TEXT_WIDTH, TEXT_HEADS) for _ in range(TEXT_LAYERS)])
        self.ln_final = nn.LayerNorm(TEXT_WIDTH)
        self.text_projection = nn.Parameter(torch.empty(TEXT_WIDTH, EMBED_DIM))
        self.register_buffer("causal_mask", torch.full((CONTEXT, CONTEXT), float("-inf")).triu(1), persistent=False)
        self._init_like_openai()

    def _init_like_openai(self) -> None:
        # OpenAI CLIP's initialize_parameters: keeps the 12-layer residual stream in a sane range.
        proj_std = (TEXT_WIDTH ** -0.5) * ((2 * TEXT_LAYERS) ** -0.5)
        attn_std = TEXT_WIDTH ** -0.5
        fc_std = (2 * TEXT_WIDTH) ** -0.5
        nn.init.normal_(self.token_embedding.weight, std=0.02)
        nn.init.normal_(self.positional_embedding, std=0.01)
        for blk in self.blocks:
            for lin in (blk.attn.q, blk.attn.k, blk.attn.v):
                nn.init.normal_(lin.weight, std=attn_std)
            nn.init.normal_(blk.attn.out.weight, std=proj_std)
            nn.init.normal_(blk.mlp[0].weight, std=fc_std)
            nn.init.normal_(blk.mlp[2].weight, std=proj_std)
        nn.init.normal_(self.text_projection, std=TEXT_WIDTH ** -0.5)

    def forward(self, input_ids):
        seq = input_ids.shape[1]
        x = self.token_embedding(input_ids) + self.positional_embedding[:seq]
        mask = self.causal_mask[:seq, :seq]
        for blk in self.blocks:
            x = blk(x, mask=mask)
        x = self.ln_final(x)
        # EOT has the largest id. int32: ONNX Runtime lacks an int64 ArgMax kernel on some versions.
        eot = input_ids.to(torch.int32).argmax(dim=-1)
        pooled = x.gather(1, eot.view(-1, 1, 1).expand(-1, 1, x.shape[2])).squeeze(1)
        return pooled @ self.text_projection


def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def sample_ids(lengths: list[int], generator: torch.Generator) -> torch.Tensor:
    """SOT, random body tokens, EOT, zero padding to the longest: what aro feeds a trimmed batch."""
    width = max(lengths)
    ids = torch.zeros((len(lengths), width), dtype=torch.int64)
    for row, n in enumerate(lengths):
        body = torch.randint(1, SOT_ID, (n - 2,), generator=generator)
        ids[row, :n] = torch.cat([torch.tensor([SOT_ID]), body, torch.tensor([EOT_ID])])
    return ids


def check_padding_invariance(text: TextTower, generator: torch.Generator) -> float:
    """The causal mask means tokens after EOT cannot reach the pooled state: padding to 77 must not change it."""
    trimmed = sample_ids([5, 12, 9], generator)
    padded = torch.zeros((trimmed.shape[0], CONTEXT), dtype=torch.int64)
    padded[:, : trimmed.shape[1]] = trimmed
    with torch.no_grad():
        diff = (text(trimmed) - text(padded)).abs().max().item()
    if not diff <= 1e-5:
        raise SystemExit(f"text embedding changes with padding: max |diff| {diff:.3g}")
    return diff


def export_onnx(module: nn.Module, example: torch.Tensor, path: Path, input_name: str, output_name: str,
                dynamic: dict[int, str]) -> None:
    buf = io.BytesIO()
    with torch.no_grad():
        # The TorchScript exporter on every torch version: newer torch defaults to the dynamo exporter and dropped
        # some keywords, so pass only what this torch's export() accepts.
        accepted = inspect.signature(torch.onnx.export).parameters
        extra = {k: v for k, v in {"dynamo": False, "training": torch.onnx.TrainingMode.EVAL,
                                   "keep_initializers_as_inputs": False}.items() if k in accepted}
        torch.onnx.export(module, (example,), buf, export_params=True, opset_version=OPSET, do_constant_folding=True,
                          input_names=[input_name], output_names=[output_name],
                          dynamic_axes={input_name: dynamic, output_name: {0: "batch"}}, **extra)
    model = onnx.load_from_string(buf.getvalue())
    del buf
    # Name the batch axis and give the embedding width by value, so `aro models inspect` can read D.
    dims = model.graph.output[0].type.tensor_type.shape.dim
    dims[0].dim_param = "batch"
    dims[1].dim_value = EMBED_DIM
    for node in model.graph.node:
        node.doc_string = ""
    model.doc_string = ""
    meta = model.metadata_props.add()
    meta.key, meta.value = "source", SOURCE
    onnx.checker.check_model(model)  # in memory: the graph is well under protobuf's 2 GB limit
    path.write_bytes(model.SerializeToString())


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(out: Path, files: list[str]) -> None:
    manifest = {
        "format": 1,
        "name": PACKAGE_NAME,
        "family": "clip",
        "vision_model": "vision_model.onnx",
        "text_model": "text_model.onnx",
        "itm_model": None,
        "image_transform": {
            "size": IMAGE_SIZE, "resize": "shortest-side", "center_crop": True, "interpolation": "bicubic",
            "mean": CLIP_MEAN, "std": CLIP_STD,
        },
        "tokenizer": {"kind": "clip-bpe", "context_length": CONTEXT, "pad_id": 0},
        "scoring": "itc",
        "provenance": {
            "source": SOURCE,
            "license": "MIT",
            "created_by": CREATED_BY,
            "activation": "quick_gelu",
            "sha256": {name: sha256(out / name) for name in files},
        },
    }
    with open(out / "aro-model.json", "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(manifest, indent=2) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("models") / PACKAGE_NAME,
                    help="package folder (relative paths are from the repository root)")
    ap.add_argument("--vocab-dir", type=Path, default=Path("../shared/clip-bpe"),
                    help="folder with CLIP's vocab.json and merges.txt (relative: from the repository root)")
    args = ap.parse_args()
    out = args.out if args.out.is_absolute() else REPO_ROOT / args.out
    vocab_dir = args.vocab_dir if args.vocab_dir.is_absolute() else REPO_ROOT / args.vocab_dir
    for name in ("vocab.json", "merges.txt"):
        if not (vocab_dir / name).is_file():
            print(f"error: {vocab_dir / name} not found (pass --vocab-dir)", file=sys.stderr)
            return 2
    with open(vocab_dir / "vocab.json", encoding="utf-8") as f:
        vocab = json.load(f)
    if vocab.get("<|startoftext|>") != SOT_ID or vocab.get("<|endoftext|>") != EOT_ID or len(vocab) != VOCAB_SIZE:
        print(f"error: {vocab_dir / 'vocab.json'} is not CLIP's 49408-token vocabulary", file=sys.stderr)
        return 2

    started = time.monotonic()
    # One thread: the machine is shared, and seeded single-threaded runs repeat their bytes.
    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    warnings.filterwarnings("ignore")
    generator = torch.Generator().manual_seed(SEED + 1)

    vision, text = VisionTower().eval(), TextTower().eval()
    n_vision, n_text = count_parameters(vision), count_parameters(text)
    print(f"parameters: vision {n_vision:,} ({n_vision / 1e6:.2f}M), text {n_text:,} ({n_text / 1e6:.2f}M)")
    diff = check_padding_invariance(text, generator)
    print(f"text: padded to {CONTEXT} vs trimmed, max |diff| {diff:.3g}")

    out.mkdir(parents=True, exist_ok=True)
    pixels = torch.randn((2, 3, IMAGE_SIZE, IMAGE_SIZE), generator=generator)
    export_onnx(vision, pixels, out / "vision_model.onnx", "pixel_values", "image_embeds", {0: "batch"})
    print(f"wrote {out / 'vision_model.onnx'} ({(out / 'vision_model.onnx').stat().st_size / 2**20:.0f} MiB)")
    del vision
    export_onnx(text, sample_ids([7, 4], generator), out / "text_model.onnx", "input_ids", "text_embeds",
                {0: "batch", 1: "sequence"})
    print(f"wrote {out / 'text_model.onnx'} ({(out / 'text_model.onnx').stat().st_size / 2**20:.0f} MiB)")
    del text

    for name in ("vocab.json", "merges.txt"):
        shutil.copyfile(vocab_dir / name, out / name)
    write_manifest(out, ["vision_model.onnx", "text_model.onnx", "vocab.json", "merges.txt"])
    print(f"wrote {out / 'aro-model.json'} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
