#!/usr/bin/env python3
"""Export CLIP, NegCLIP, BLIP, any open_clip model and SigLIP to aro model packages (ONNX graphs + tokenizer files +
aro-model.json).

    python scripts/export_onnx.py clip    --out models/clip-openai [--impl open_clip|openai]
    python scripts/export_onnx.py negclip --checkpoint negclip.pth --activation gelu      --out models/negclip
    python scripts/export_onnx.py negclip --checkpoint negclip.pth --activation quickgelu --out models/negclip-quickgelu
    python scripts/export_onnx.py blip    --head coco --checkpoint model_base_retrieval_coco.pth --out models/blip-coco
    python scripts/export_onnx.py open_clip --model ViT-H-14 --pretrained laion2b_s32b_b79k --out models/clip-vit-h-14-laion
    python scripts/export_onnx.py siglip  --checkpoint google/siglip-base-patch16-224 --out models/siglip-base
    python scripts/export_onnx.py --self-test [--out DIR]

open_clip takes any --model NAME --pretrained TAG open_clip lists (open_clip.list_pretrained()): the LAION and DataComp
CLIPs, CoCa's contrastive towers (encode_image / encode_text), EVA and MetaCLIP where open_clip has them, as long as
the model tokenises with OpenAI's CLIP BPE and preprocesses with a bicubic shortest-side resize and center crop (the
script checks both and refuses others). siglip takes a Hugging Face SigLIP checkpoint (name or folder) and writes its
towers' pooler_output graphs with spiece.model and the tokenizer files; SigLIP 2 (Gemma tokenizer) is refused. Graphs
over 2 GB keep their weights in one `<graph>.onnx_data` file beside them (ONNX external data).

Every export is verified before it is reported: ONNX Runtime runs each graph on fixed inputs (another batch size,
and for BLIP another sequence length, than the export used) and must match PyTorch to --tolerance (max abs diff,
default 1e-4); otherwise nothing is written and the exit status is 1. The package is assembled in a temporary
folder next to --out and renamed into place only when complete.

--self-test runs the same export, verification and manifest code on tiny randomly initialised CLIP-, BLIP- and
SigLIP-shaped modules (no downloads, no checkpoints; the SigLIP one with its weights in external data files). Without onnxruntime it skips the ONNX Runtime comparison, loudly; a real
export without onnxruntime fails. Requirements: scripts/requirements-export.txt; see scripts/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import shutil
import sys
import tempfile
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn as nn

CREATED_BY = "scripts/export_onnx.py"
DEFAULT_OPSET = 14
DEFAULT_TOLERANCE = 1e-4
OPENAI_MEAN = [0.48145466, 0.4578275, 0.40821073]
OPENAI_STD = [0.26862954, 0.26130258, 0.27577711]
CLIP_CONTEXT = 77
BLIP_CONTEXT = 35
BLIP_IMAGE_SIZE = 384
BLIP_ENC_TOKEN_ID = 30523  # bert-base-uncased's 30522 entries, then BLIP's [DEC] (30522) and [ENC] (30523)
BERT_VOCAB_SIZE = 30522
NEGCLIP_ACTIVATIONS = {"gelu": "gelu", "quickgelu": "quick_gelu"}
BLIP_CHECKPOINT_URL = "https://storage.googleapis.com/sfr-vision-language-research/BLIP/models/model_base_retrieval_{head}.pth"
SAMPLE_CAPTIONS = [
    "a photo of a dog",
    "the horse is to the left of the man",
    "A red square, left of the blue circle!",
    "two zebras grazing next to a wooden fence on a sunny day in the savanna",
]


class ExportError(Exception):
    """A problem the user must fix (missing package, mismatched checkpoint, failed verification)."""


# ---------------------------------------------------------------------------------------------------------------
# What each family hands to the common export path


@dataclass
class ClipParts:
    """A CLIP-style dual encoder: `model.encode_image(pixels)`, `model.encode_text(ids)` (unnormalised)."""

    model: nn.Module
    transform: dict
    sample_ids: torch.Tensor  # [n, 77] int64, the library tokenizer's ids of SAMPLE_CAPTIONS (or fixed ids)
    write_tokenizer: Callable[[Path], list]  # writes vocab.json + merges.txt, returns the file names
    activation: str  # "gelu" or "quick_gelu", as found in the model
    source: str
    license: str
    context_length: int = CLIP_CONTEXT


@dataclass
class BlipParts:
    """BLIP retrieval: visual_encoder, text_encoder (BLIP's med.BertModel), vision_proj, text_proj, itm_head."""

    model: nn.Module
    sample_ids: torch.Tensor  # [n, 35] int64 with [CLS] first, padded with 0
    sample_mask: torch.Tensor  # [n, 35] int64
    enc_token_id: int
    write_tokenizer: Callable[[Path], list]  # writes vocab.txt, returns the file names
    source: str
    license: str
    image_size: int = BLIP_IMAGE_SIZE
    activation: str = "gelu"
    transform: dict = field(default_factory=lambda: {
        "size": BLIP_IMAGE_SIZE, "resize": "squash", "center_crop": False, "interpolation": "bicubic",
        "mean": OPENAI_MEAN, "std": OPENAI_STD})


@dataclass
class SiglipParts:
    """SigLIP: `model.vision_model(pixel_values=...)` and `model.text_model(input_ids=...)`, each with a pooler_output."""

    model: nn.Module
    transform: dict
    sample_ids: torch.Tensor  # [n, context] int64: the tokenizer's ids, padded with </s> to max_length
    write_tokenizer: Callable[[Path], list]  # writes spiece.model and the tokenizer configs, returns the file names
    lowercase: bool
    source: str
    license: str
    context_length: int = 64


# ---------------------------------------------------------------------------------------------------------------
# Graph wrappers: the exact computations aro runs (docs/model-packages.md, "Graphs")


class ClipImageGraph(nn.Module):
    """pixel_values [N,3,H,W] -> image_embeds [N,D], the projected class token, not normalised."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, pixel_values):
        return self.model.encode_image(pixel_values)


class ClipTextGraph(nn.Module):
    """input_ids [N,77] int64 -> text_embeds [N,D] pooled at EOT (the largest id).

    The ids are cast to int32 inside the graph: CLIP pools at input_ids.argmax(-1), and ONNX Runtime's ArgMax has
    no int64 kernel (onnxruntime#10068), while int64 stays the graph's input type as every tokenizer emits it.
    """

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model.encode_text(input_ids.to(torch.int32))


class BlipImageGraph(nn.Module):
    """pixel_values [N,3,384,384] -> image_embeds [N,256] (vision_proj of the class token), image_feats [N,577,768]."""

    def __init__(self, blip: nn.Module):
        super().__init__()
        self.blip = blip

    def forward(self, pixel_values):
        feats = self.blip.visual_encoder(pixel_values)
        return self.blip.vision_proj(feats[:, 0, :]), feats


class BlipTextGraph(nn.Module):
    """input_ids, attention_mask [N,L] -> text_embeds [N,256]: text_proj of the [CLS] state, text-only mode."""

    def __init__(self, blip: nn.Module):
        super().__init__()
        self.blip = blip

    def forward(self, input_ids, attention_mask):
        out = self.blip.text_encoder(input_ids, attention_mask=attention_mask, return_dict=True, mode="text")
        return self.blip.text_proj(out.last_hidden_state[:, 0, :])


class BlipItmGraph(nn.Module):
    """image_feats [N,577,768], input_ids ([ENC] first), attention_mask -> itm_logits [N,2]; image attention all ones."""

    def __init__(self, blip: nn.Module):
        super().__init__()
        self.blip = blip

    def forward(self, image_feats, input_ids, attention_mask):
        image_atts = torch.ones_like(image_feats[:, :, 0], dtype=torch.long)
        out = self.blip.text_encoder(input_ids, attention_mask=attention_mask, encoder_hidden_states=image_feats,
                                     encoder_attention_mask=image_atts, return_dict=True)
        return self.blip.itm_head(out.last_hidden_state[:, 0, :])


class SiglipImageGraph(nn.Module):
    """pixel_values [N,3,H,W] -> pooler_output [N,D]: the attention-pooling head's output, not normalised."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, pixel_values):
        return self.model.vision_model(pixel_values=pixel_values).pooler_output


class SiglipTextGraph(nn.Module):
    """input_ids [N,64] -> pooler_output [N,D]: the last position through the head, no attention mask (SigLIP pads
    with </s> to 64 and pools the last position, so the graph takes exactly 64 positions)."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model.text_model(input_ids=input_ids).pooler_output


# ---------------------------------------------------------------------------------------------------------------
# Export, verification, manifest


@dataclass
class Graph:
    file: str
    module: nn.Module
    export_inputs: tuple
    verify_inputs: tuple  # what ONNX Runtime gets
    torch_inputs: tuple  # what PyTorch gets for the reference (may be padded where ORT gets trimmed ids)
    input_names: list
    output_names: list
    dynamic_axes: dict


# protobuf cannot serialise a message over 2 GB: larger graphs keep their weights in <graph>.onnx_data.
EXTERNAL_DATA_THRESHOLD = 1_800_000_000


external_data_threshold = EXTERNAL_DATA_THRESHOLD  # the self-test lowers it to exercise the external data path


def export_graph(graph: Graph, path: Path, opset: int) -> list:
    """Exports, fixes the output axes, checks and saves `graph` to `path`; returns the files written (the graph, and
    its external data file when the weights do not fit in one protobuf message)."""
    import onnx

    scratch = Path(tempfile.mkdtemp(prefix=".export.", dir=path.parent))
    try:
        return _export_graph(graph, path, scratch / path.name, opset)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _export_graph(graph: Graph, path: Path, raw: Path, opset: int) -> list:
    import onnx

    kwargs = dict(export_params=True, opset_version=opset, do_constant_folding=True, input_names=graph.input_names,
                  output_names=graph.output_names, dynamic_axes=graph.dynamic_axes,
                  training=torch.onnx.TrainingMode.EVAL)
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kwargs["dynamo"] = False  # the TorchScript exporter: dynamic_axes, opset 14 (torch >= 2.9 defaults to dynamo)
    fastpath = getattr(getattr(torch.backends, "mha", None), "set_fastpath_enabled", None)
    if fastpath is not None:
        fastpath(False)  # nn.MultiheadAttention's fused fast path has no ONNX export
    # Traced with autograd on: the fast path is only taken without grad, and older torch cannot switch it off.
    # Exported into a scratch folder: over 2 GB the exporter writes one external file per tensor beside the graph.
    with torch.enable_grad():
        torch.onnx.export(graph.module, graph.export_inputs, str(raw), **kwargs)
    with torch.no_grad():
        outputs = graph.module(*graph.export_inputs)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    # Declare every output axis: the dynamic ones by name, the others by value (the exporter leaves generated
    # names such as "Addimage_feats_dim_1", which would hide BLIP's 577 x 768 feature shape from aro).
    model = onnx.load(str(raw))
    for value_info, tensor in zip(model.graph.output, outputs):
        for axis, dim in enumerate(value_info.type.tensor_type.shape.dim):
            name = graph.dynamic_axes.get(value_info.name, {}).get(axis)
            if name is not None:
                dim.dim_param = name
            else:
                dim.dim_value = tensor.shape[axis]
    for node in model.graph.node:
        node.doc_string = ""  # no local source paths in the package
    weights = sum(t.ByteSize() for t in model.graph.initializer)
    if weights < external_data_threshold:
        onnx.checker.check_model(model)
        onnx.save(model, str(path))
        return [path.name]
    data = path.name + "_data"
    onnx.save_model(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True, location=data,
                    size_threshold=1024)
    onnx.checker.check_model(str(path))  # by path: the checker reads the external data beside it
    return [path.name, data]


def load_onnxruntime(required: bool):
    try:
        import onnxruntime
        return onnxruntime
    except ImportError:
        if required:
            raise ExportError("onnxruntime is not installed: every export is verified with it before it is reported "
                              "(pip install -r scripts/requirements-export.txt)")
        banner = "!" * 100
        print(f"\n{banner}\n!!! onnxruntime is not installed: SKIPPING the ONNX Runtime vs PyTorch comparison.\n"
              f"!!! Only the self-test may skip it; a real export fails without onnxruntime.\n{banner}\n", flush=True)
        return None


def verify_graph(ort, graph: Graph, path: Path, tolerance: float) -> float:
    """Runs the graph in ONNX Runtime and PyTorch; returns the max abs difference, raising when over tolerance."""
    with torch.no_grad():
        expected = graph.module(*graph.torch_inputs)
    expected = expected if isinstance(expected, tuple) else (expected,)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feeds = {name: tensor.numpy() for name, tensor in zip(graph.input_names, graph.verify_inputs)}
    actual = session.run(graph.output_names, feeds)
    worst = 0.0
    for name, want, got in zip(graph.output_names, expected, actual):
        want = want.numpy()
        if want.shape != got.shape:
            raise ExportError(f"{graph.file}: output {name} has shape {got.shape} in ONNX Runtime, {want.shape} in PyTorch")
        diff = float(np.max(np.abs(want - got))) if want.size else 0.0
        print(f"  verify {graph.file} {name} {list(got.shape)}: max |onnxruntime - torch| = {diff:.2e}")
        worst = max(worst, diff)
    if not worst < tolerance:
        raise ExportError(f"{graph.file}: ONNX Runtime differs from PyTorch by {worst:.3e} (tolerance {tolerance:g})")
    return worst


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> str:
    versions = [f"torch {torch.__version__}"]
    for module in ("onnx", "onnxruntime", "open_clip", "clip", "transformers", "timm"):
        mod = sys.modules.get(module)
        if mod is not None:
            versions.append(f"{module} {getattr(mod, '__version__', '?')}")
    return ", ".join(versions)


def write_package(out: Path, name: str, family: str, graphs: list, write_tokenizer: Callable[[Path], list],
                  transform: dict, tokenizer: dict, scoring: str, source: str, license: str, activation: str,
                  command: str, opset: int, tolerance: float, require_ort: bool, force: bool) -> Path:
    """Exports and verifies the graphs, writes tokenizer files and aro-model.json, then moves the folder to `out`."""
    if out.exists() and any(out.iterdir()) and not force:
        raise ExportError(f"{out} exists and is not empty (use --force to replace it)")
    out.parent.mkdir(parents=True, exist_ok=True)
    ort = load_onnxruntime(require_ort)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        verification = {}
        graph_files = []
        for graph in graphs:
            print(f"exporting {graph.file} (opset {opset}) ...", flush=True)
            graph_files += export_graph(graph, work / graph.file, opset)
            if ort is not None:
                verification[graph.file] = verify_graph(ort, graph, work / graph.file, tolerance)
        tokenizer_files = write_tokenizer(work)
        files = graph_files + tokenizer_files
        roles = {g.file.replace(".onnx", ""): g.file for g in graphs}
        manifest = {
            "format": 1,
            "name": name,
            "family": family,
            "vision_model": roles["vision_model"],
            "text_model": roles["text_model"],
            "itm_model": roles.get("itm_model"),
            "image_transform": transform,
            "tokenizer": tokenizer,
            "scoring": scoring,
            "provenance": {
                "source": source,
                "license": license,
                "created_by": f"{CREATED_BY} {command} ({library_versions()})",
                "activation": activation,
                "verification": {
                    "onnxruntime": sys.modules["onnxruntime"].__version__ if ort is not None else None,
                    "tolerance": tolerance,
                    "max_abs_diff": verification if ort is not None else None,
                },
                "sha256": {f: sha256_of(work / f) for f in files},
            },
        }
        (work / "aro-model.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        work.rename(out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    size = sum(f.stat().st_size for f in out.iterdir())
    print(f"wrote {out} ({size / 1e6:.1f} MB): {', '.join(sorted(p.name for p in out.iterdir()))}")
    return out


def export_clip_package(parts: ClipParts, out: Path, name: str, command: str, args, require_ort: bool) -> Path:
    model = parts.model.eval()
    size = parts.transform["size"]
    generator = torch.Generator().manual_seed(0)
    pixels_export = torch.randn(2, 3, size, size, generator=generator)
    pixels_verify = torch.randn(3, 3, size, size, generator=generator)
    ids = parts.sample_ids.to(torch.int64)
    if ids.shape[1] != parts.context_length:
        raise ExportError(f"sample ids have {ids.shape[1]} positions, expected {parts.context_length}")
    graphs = [
        Graph("vision_model.onnx", ClipImageGraph(model), (pixels_export,), (pixels_verify,), (pixels_verify,),
              ["pixel_values"], ["image_embeds"], {"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}}),
        # The built-in CLIP text tower adds all 77 positional embeddings, so only the batch axis is dynamic.
        Graph("text_model.onnx", ClipTextGraph(model), (ids[:2],), (ids[1:],), (ids[1:],),
              ["input_ids"], ["text_embeds"], {"input_ids": {0: "batch"}, "text_embeds": {0: "batch"}}),
    ]
    tokenizer = {"kind": "clip-bpe", "context_length": parts.context_length, "pad_id": 0}
    return write_package(out, name, "clip", graphs, parts.write_tokenizer, parts.transform, tokenizer, "itc",
                         parts.source, parts.license, parts.activation, command, args.opset, args.tolerance,
                         require_ort, args.force)


def export_blip_package(parts: BlipParts, out: Path, name: str, command: str, args, require_ort: bool) -> Path:
    model = parts.model.eval()
    generator = torch.Generator().manual_seed(0)
    size = parts.image_size
    pixels_export = torch.randn(2, 3, size, size, generator=generator)
    pixels_verify = torch.randn(3, 3, size, size, generator=generator)
    ids, mask = parts.sample_ids.to(torch.int64), parts.sample_mask.to(torch.int64)
    # aro pads each batch only to its longest caption: verify ONNX Runtime on trimmed ids against PyTorch on the
    # max_length padding BLIP uses, which also proves the sequence axis is really dynamic.
    verify_ids, verify_mask = ids[1:], mask[1:]
    trimmed = int(verify_mask.sum(dim=1).max())
    if trimmed == ids.shape[1]:
        raise ExportError("the sample captions fill the whole context; the trimming check needs shorter ones")
    enc_ids = ids.clone()
    enc_ids[:, 0] = parts.enc_token_id
    enc_verify = verify_ids.clone()
    enc_verify[:, 0] = parts.enc_token_id
    with torch.no_grad():
        feats_export = model.visual_encoder(pixels_export)
        feats_verify = model.visual_encoder(pixels_verify[: verify_ids.shape[0]])
    seq = {0: "batch", 1: "sequence"}
    graphs = [
        Graph("vision_model.onnx", BlipImageGraph(model), (pixels_export,), (pixels_verify,), (pixels_verify,),
              ["pixel_values"], ["image_embeds", "image_feats"],
              {"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}, "image_feats": {0: "batch"}}),
        Graph("text_model.onnx", BlipTextGraph(model), (ids[:2], mask[:2]),
              (verify_ids[:, :trimmed], verify_mask[:, :trimmed]), (verify_ids, verify_mask),
              ["input_ids", "attention_mask"], ["text_embeds"],
              {"input_ids": seq, "attention_mask": seq, "text_embeds": {0: "batch"}}),
        Graph("itm_model.onnx", BlipItmGraph(model), (feats_export, enc_ids[:2], mask[:2]),
              (feats_verify, enc_verify[:, :trimmed], verify_mask[:, :trimmed]), (feats_verify, enc_verify, verify_mask),
              ["image_feats", "input_ids", "attention_mask"], ["itm_logits"],
              {"image_feats": {0: "batch"}, "input_ids": seq, "attention_mask": seq, "itm_logits": {0: "batch"}}),
    ]
    tokenizer = {"kind": "bert-wordpiece", "context_length": BLIP_CONTEXT, "pad_id": 0,
                 "enc_token_id": parts.enc_token_id, "lowercase": True}
    return write_package(out, name, "blip", graphs, parts.write_tokenizer, parts.transform, tokenizer, "itm+itc",
                         parts.source, parts.license, parts.activation, command, args.opset, args.tolerance,
                         require_ort, args.force)


def export_siglip_package(parts: SiglipParts, out: Path, name: str, command: str, args, require_ort: bool) -> Path:
    model = parts.model.eval()
    size = parts.transform["size"]
    generator = torch.Generator().manual_seed(0)
    pixels_export = torch.randn(2, 3, size, size, generator=generator)
    pixels_verify = torch.randn(3, 3, size, size, generator=generator)
    ids = parts.sample_ids.to(torch.int64)
    if ids.shape[1] != parts.context_length:
        raise ExportError(f"sample ids have {ids.shape[1]} positions, expected {parts.context_length} (padding='max_length')")
    graphs = [
        Graph("vision_model.onnx", SiglipImageGraph(model), (pixels_export,), (pixels_verify,), (pixels_verify,),
              ["pixel_values"], ["pooler_output"], {"pixel_values": {0: "batch"}, "pooler_output": {0: "batch"}}),
        # Only the batch axis is dynamic: the text tower pools the last of exactly context_length positions.
        Graph("text_model.onnx", SiglipTextGraph(model), (ids[:2],), (ids[1:],), (ids[1:],),
              ["input_ids"], ["pooler_output"], {"input_ids": {0: "batch"}, "pooler_output": {0: "batch"}}),
    ]
    tokenizer = {"kind": "sentencepiece", "context_length": parts.context_length, "lowercase": parts.lowercase}
    return write_package(out, name, "siglip", graphs, parts.write_tokenizer, parts.transform, tokenizer, "itc",
                         parts.source, parts.license, "gelu_pytorch_tanh", command, args.opset, args.tolerance,
                         require_ort, args.force)


# ---------------------------------------------------------------------------------------------------------------
# CLIP and NegCLIP: open_clip (or OpenAI's clip package)


def find_activation(model: nn.Module) -> str:
    """quick_gelu when the transformer MLPs use QuickGELU (x * sigmoid(1.702 x)), gelu for nn.GELU."""
    names = {type(m).__name__ for m in model.modules()}
    if "QuickGELU" in names:
        return "quick_gelu"
    if "GELU" in names:
        return "gelu"
    raise ExportError(f"cannot tell the model's activation (module types: {sorted(names)})")


def clip_transform_of(preprocess) -> dict:
    """Reads Resize / CenterCrop / Normalize off a torchvision Compose and checks aro can reproduce it."""
    steps = {type(t).__name__: t for t in getattr(preprocess, "transforms", [])}
    missing = [s for s in ("Resize", "CenterCrop", "Normalize") if s not in steps]
    if missing:
        raise ExportError(f"unexpected preprocessing {preprocess}: no {', '.join(missing)}")
    resize, crop, norm = steps["Resize"], steps["CenterCrop"], steps["Normalize"]
    size = resize.size if isinstance(resize.size, int) else (resize.size[0] if len(resize.size) == 1 else None)
    crop_size = crop.size if isinstance(crop.size, int) else crop.size[0]
    if isinstance(crop.size, (tuple, list)) and len(set(crop.size)) != 1:
        raise ExportError(f"non-square center crop {crop.size} is not supported by aro")
    interpolation = str(getattr(resize, "interpolation", "")).lower()
    if size is None or size != crop_size:
        raise ExportError(f"preprocessing resizes to {resize.size} and crops {crop.size}; aro expects the shorter side "
                          "resized to the crop size")
    if not (interpolation.endswith("bicubic") or interpolation == "3"):
        raise ExportError(f"preprocessing interpolation is {interpolation}; aro implements bicubic only")
    return {"size": int(crop_size), "resize": "shortest-side", "center_crop": True, "interpolation": "bicubic",
            "mean": [float(v) for v in norm.mean], "std": [float(v) for v in norm.std]}


# open_clip's SimpleTokenizer spells CLIP's two special tokens differently (same ids, 49406 and 49407); aro and
# Hugging Face read OpenAI's spelling from vocab.json.
SPECIAL_TOKEN_SPELLINGS = {"<start_of_text>": "<|startoftext|>", "<end_of_text>": "<|endoftext|>"}


def clip_bpe_writer(encoder: dict, bpe_ranks: dict) -> Callable[[Path], list]:
    """vocab.json (token -> id) and merges.txt (by rank, HF's '#version' header) from a CLIP SimpleTokenizer."""

    def write(folder: Path) -> list:
        vocab = {SPECIAL_TOKEN_SPELLINGS.get(token, token): i for token, i in encoder.items()}
        if len(vocab) != len(encoder) or "<|startoftext|>" not in vocab or "<|endoftext|>" not in vocab:
            raise ExportError("the tokenizer has no <|startoftext|> / <|endoftext|> (or <start_of_text> / <end_of_text>)")
        (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        merges = sorted(bpe_ranks.items(), key=lambda kv: kv[1])
        lines = ["#version: 0.2"] + [f"{a} {b}" for (a, b), _ in merges]
        (folder / "merges.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return ["vocab.json", "merges.txt"]

    return write


def check_clip_tokenizer(tokenize, encoder: dict) -> None:
    """Golden ids (Hugging Face's CLIP tokenizer): 'a photo of a fox' -> 49406 320 1125 539 320 3240 49407."""
    ids = tokenize(["a photo of a fox"])[0].tolist()
    if ids[:7] != [49406, 320, 1125, 539, 320, 3240, 49407] or len(encoder) != 49408:
        raise ExportError(f"the CLIP tokenizer is not OpenAI's: 'a photo of a fox' -> {ids[:8]}, {len(encoder)} entries")


def load_open_clip(model_name: str, pretrained: str):
    try:
        import open_clip
    except ImportError as ex:
        raise ExportError("open_clip is not installed (pip install -r scripts/requirements-export.txt)") from ex
    model, _, preprocess = open_clip.create_model_and_transforms(model_name, pretrained=pretrained, device="cpu")
    tokenizer = open_clip.tokenizer._tokenizer  # the SimpleTokenizer behind open_clip.tokenize
    check_clip_tokenizer(open_clip.tokenize, tokenizer.encoder)
    ids = open_clip.tokenize(SAMPLE_CAPTIONS)
    return model.float().eval(), preprocess, ids, clip_bpe_writer(tokenizer.encoder, tokenizer.bpe_ranks)


def command_clip(args) -> Path:
    if args.impl == "openai":
        try:
            import clip
            from clip.simple_tokenizer import SimpleTokenizer
        except ImportError as ex:
            raise ExportError("OpenAI's clip package is not installed "
                              "(pip install git+https://github.com/openai/CLIP.git, see scripts/requirements-export.txt)") from ex
        model, preprocess = clip.load("ViT-B/32", device="cpu", jit=False)
        tokenizer = SimpleTokenizer()
        check_clip_tokenizer(clip.tokenize, tokenizer.encoder)
        ids = clip.tokenize(SAMPLE_CAPTIONS)
        writer = clip_bpe_writer(tokenizer.encoder, tokenizer.bpe_ranks)
        source = "OpenAI CLIP ViT-B/32 via the clip package (clip.load('ViT-B/32'))"
        model = model.float().eval()
    else:
        # pretrained='openai' builds the OpenAI weights with QuickGELU, as they were trained.
        model, preprocess, ids, writer = load_open_clip("ViT-B-32", "openai")
        source = "OpenAI CLIP ViT-B/32 via open_clip ('ViT-B-32', pretrained='openai')"
    parts = ClipParts(model, clip_transform_of(preprocess), ids, writer, find_activation(model), source, "MIT")
    if parts.activation != "quick_gelu":
        raise ExportError(f"OpenAI CLIP must run with QuickGELU, the model has {parts.activation}")
    return export_clip_package(parts, Path(args.out), args.name or Path(args.out).name, f"clip --impl {args.impl}", args, True)


def command_negclip(args) -> Path:
    checkpoint = Path(args.checkpoint)
    if not checkpoint.is_file():
        raise ExportError(f"checkpoint not found: {checkpoint} (the NegCLIP checkpoint of the ARO repository, "
                          "Google Drive id 1ooVVPxB-tvptgmHlIMMFGV3Cg-IrhbRZ)")
    # The official ARO code loads 'ViT-B-32' with a file path: nn.GELU, although NegCLIP was fine-tuned from the
    # OpenAI weights with QuickGELU (ARO#35, open_clip#771). 'ViT-B-32-quickgelu' is the same network as trained.
    model_name = "ViT-B-32" if args.activation == "gelu" else "ViT-B-32-quickgelu"
    model, preprocess, ids, writer = load_open_clip(model_name, str(checkpoint))
    activation = find_activation(model)
    if activation != NEGCLIP_ACTIVATIONS[args.activation]:
        raise ExportError(f"open_clip built {model_name} with {activation}, expected {NEGCLIP_ACTIVATIONS[args.activation]}")
    how = "as the official ARO code evaluates it" if args.activation == "gelu" else "as it was trained"
    source = (f"NegCLIP (Yuksekgonul et al., ICLR 2023) checkpoint {checkpoint.name} (sha256 {sha256_of(checkpoint)}) "
              f"in open_clip '{model_name}', {activation} {how}")
    parts = ClipParts(model, clip_transform_of(preprocess), ids, writer, activation, source,
                      "MIT (ARO code release); fine-tuned from OpenAI CLIP (MIT)")
    return export_clip_package(parts, Path(args.out), args.name or Path(args.out).name,
                               f"negclip --activation {args.activation}", args, True)


def activation_of(model: nn.Module) -> str:
    """The MLP activation for the provenance: find_activation's answer, or the activation modules found (EVA's
    SwiGLU, ...) where it is neither GELU nor QuickGELU."""
    try:
        return find_activation(model)
    except ExportError:
        names = sorted({type(m).__name__ for m in model.modules()} & {"SiLU", "SwiGLU", "SwiGLUPacked", "GELUTanh", "ReLU"})
        return "+".join(names) or "unknown"


def load_open_clip_model(model_name: str, pretrained: str):
    """Any open_clip model: the weights, its eval transform, its own tokenizer (which must be OpenAI's CLIP BPE with
    its lower-casing: the tokenizer aro's CLIP family runs) and the sample ids at the model's context length."""
    try:
        import open_clip
    except ImportError as ex:
        raise ExportError("open_clip is not installed (pip install -r scripts/requirements-export.txt)") from ex
    known = {(m, t) for m, t in open_clip.list_pretrained()}
    if (model_name, pretrained) not in known and not Path(pretrained).is_file():
        tags = sorted(t for m, t in known if m == model_name)
        raise ExportError(f"open_clip has no pretrained '{pretrained}' for '{model_name}'"
                          + (f"; it has {', '.join(tags)}" if tags else "; see open_clip.list_pretrained()"))
    model, _, preprocess = open_clip.create_model_and_transforms(model_name, pretrained=pretrained, device="cpu")
    for method in ("encode_image", "encode_text"):
        if not callable(getattr(model, method, None)):
            raise ExportError(f"open_clip '{model_name}' has no {method}(): not a contrastive dual encoder")
    tokenize = open_clip.get_tokenizer(model_name)
    # open_clip before 2.23 returns the module's tokenize() function for CLIP-BPE models, later a SimpleTokenizer.
    simple = tokenize if hasattr(tokenize, "encoder") else (open_clip.tokenizer._tokenizer if tokenize is open_clip.tokenize else None)
    if simple is None or not hasattr(simple, "bpe_ranks"):
        raise ExportError(f"open_clip '{model_name}' tokenises with {type(tokenize).__name__}, not OpenAI's CLIP BPE; "
                          "aro's clip family implements that tokenizer only")
    check_clip_tokenizer(tokenize, simple.encoder)
    if tokenize(["A PHOTO of a Fox"]).tolist() != tokenize(["a photo of a fox"]).tolist():
        raise ExportError(f"open_clip '{model_name}' does not lower-case captions as CLIP's tokenizer does")
    ids = tokenize(SAMPLE_CAPTIONS)
    return model.float().eval(), preprocess, ids, clip_bpe_writer(simple.encoder, simple.bpe_ranks)


def open_clip_source(model_name: str, pretrained: str) -> str:
    import open_clip
    cfg = {}
    if hasattr(open_clip, "get_pretrained_cfg"):
        cfg = open_clip.get_pretrained_cfg(model_name, pretrained) or {}
    where = cfg.get("hf_hub") or cfg.get("url") or pretrained
    return f"open_clip '{model_name}' pretrained '{pretrained}' ({where}), open_clip {getattr(open_clip, '__version__', '?')}"


def command_open_clip(args) -> Path:
    model, preprocess, ids, writer = load_open_clip_model(args.model, args.pretrained)
    parts = ClipParts(model, clip_transform_of(preprocess), ids, writer, activation_of(model),
                      open_clip_source(args.model, args.pretrained), args.license, context_length=int(ids.shape[1]))
    default = f"{args.model}-{args.pretrained}".lower()
    return export_clip_package(parts, Path(args.out), args.name or Path(args.out).name or default,
                               f"open_clip --model {args.model} --pretrained {args.pretrained}", args, True)


# ---------------------------------------------------------------------------------------------------------------
# SigLIP: a Hugging Face checkpoint through transformers (SiglipModel, SiglipProcessor)


PIL_RESAMPLE_NAMES = {2: "bilinear", 3: "bicubic"}


def siglip_transform_of(image_processor) -> dict:
    """SiglipImageProcessor's settings as aro's squash transform, checked: a square size, resample 2 or 3, rescale by
    1/255, normalisation on (aro refuses the rest too, but an export should fail before minutes of work)."""
    kind = type(image_processor).__name__
    if not kind.startswith("SiglipImageProcessor"):
        raise ExportError(f"the image processor is {kind}; aro reproduces SiglipImageProcessor (SigLIP 2's NaFlex "
                          "Siglip2ImageProcessor cuts images into a variable number of patches)")
    size = image_processor.size
    height, width = size.get("height"), size.get("width")
    if height is None or height != width:
        raise ExportError(f"image processor size {size}: aro's squash transform takes a square height x width")
    resample = int(getattr(image_processor, "resample", 3))
    if resample not in PIL_RESAMPLE_NAMES:
        raise ExportError(f"image processor resample {resample}; aro reproduces PIL's bilinear (2) and bicubic (3)")
    if not image_processor.do_resize or not image_processor.do_rescale or abs(image_processor.rescale_factor - 1 / 255) > 1e-12:
        raise ExportError("the image processor must resize and rescale by 1/255, as aro does")
    normalize = image_processor.do_normalize
    return {"size": int(height), "resize": "squash", "center_crop": False, "interpolation": PIL_RESAMPLE_NAMES[resample],
            "mean": [float(v) for v in image_processor.image_mean] if normalize else [0.0, 0.0, 0.0],
            "std": [float(v) for v in image_processor.image_std] if normalize else [1.0, 1.0, 1.0]}


def siglip_tokenizer_writer(tokenizer) -> Callable[[Path], list]:
    def write(folder: Path) -> list:
        before = {p.name for p in folder.iterdir()}
        tokenizer.save_pretrained(str(folder))
        written = sorted({p.name for p in folder.iterdir()} - before)
        if "spiece.model" not in written:
            raise ExportError(f"the tokenizer wrote {written}, without spiece.model")
        return written

    return write


def command_siglip(args) -> Path:
    try:
        import transformers
        from transformers import AutoModel, AutoProcessor
    except ImportError as ex:
        raise ExportError("transformers is not installed (SigLIP needs transformers >= 4.37: "
                          "pip install -r scripts/requirements-export-siglip.txt)") from ex
    processor = AutoProcessor.from_pretrained(args.checkpoint, revision=args.revision)
    tokenizer = processor.tokenizer
    if type(tokenizer).__name__ != "SiglipTokenizer":
        raise ExportError(f"the tokenizer is {type(tokenizer).__name__}: SigLIP 2 tokenises with Gemma's byte-fallback "
                          "BPE, which aro does not implement; aro runs SigLIP's SentencePiece tokenizer (SiglipTokenizer)")
    model = AutoModel.from_pretrained(args.checkpoint, revision=args.revision).float().eval()
    if type(model).__name__ != "SiglipModel":
        raise ExportError(f"{args.checkpoint} loads as {type(model).__name__}, not SiglipModel")
    context = int(tokenizer.model_max_length)
    if not 2 <= context <= 4096:
        raise ExportError(f"the tokenizer's model_max_length is {context}; SigLIP's is 64")
    ids = tokenizer(SAMPLE_CAPTIONS, padding="max_length", truncation=True, max_length=context, return_tensors="pt").input_ids
    revision = f" at revision {args.revision}" if args.revision else ""
    parts = SiglipParts(model, siglip_transform_of(processor.image_processor), ids, siglip_tokenizer_writer(tokenizer),
                        bool(getattr(tokenizer, "do_lower_case", True)),
                        f"Hugging Face {args.checkpoint}{revision} (SiglipModel, transformers {transformers.__version__})",
                        args.license, context_length=context)
    return export_siglip_package(parts, Path(args.out), args.name or Path(args.out).name, f"siglip --checkpoint {args.checkpoint}",
                                 args, True)


# ---------------------------------------------------------------------------------------------------------------
# BLIP: Salesforce's BLIP repository code (models/blip_retrieval.py) on PYTHONPATH or --blip-repo


def find_blip_repo(given: str | None) -> Path:
    candidates = [Path(given)] if given else [Path(p) for p in sys.path if p] + [Path.cwd()]
    for root in candidates:
        if (root / "models" / "blip_retrieval.py").is_file() and (root / "configs" / "med_config.json").is_file():
            return root.resolve()
    where = given or "PYTHONPATH and the working folder"
    raise ExportError(f"BLIP's code (models/blip_retrieval.py, configs/med_config.json) not found in {where}: "
                      "git clone https://github.com/salesforce/BLIP and pass --blip-repo or add it to PYTHONPATH")


def load_blip(repo: Path, checkpoint: str):
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    from models.blip import load_checkpoint
    from models.blip_retrieval import BLIP_Retrieval

    # configs/retrieval_{coco,flickr}.yaml: vit base, image 384, queue 57600; gradient checkpointing off for eval.
    wanted = dict(med_config=str(repo / "configs" / "med_config.json"), image_size=BLIP_IMAGE_SIZE, vit="base",
                  vit_grad_ckpt=False, vit_ckpt_layer=0, queue_size=57600, negative_all_rank=False)
    accepted = inspect.signature(BLIP_Retrieval.__init__).parameters
    model = BLIP_Retrieval(**{k: v for k, v in wanted.items() if k in accepted})
    model, message = load_checkpoint(model, checkpoint)
    missing = [k for k in message.missing_keys if not k.endswith("_queue")]
    if missing:
        raise ExportError(f"{checkpoint} does not fit BLIP_Retrieval: missing {missing[:8]}{' ...' if len(missing) > 8 else ''}")
    return model.eval()


def bert_vocab_writer(tokenizer) -> Callable[[Path], list]:
    """bert-base-uncased's vocab.txt (30522 lines); BLIP's [DEC] and [ENC] are added ids after it."""

    def write(folder: Path) -> list:
        tokenizer.save_vocabulary(str(folder))
        lines = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
        if len(lines) != BERT_VOCAB_SIZE:
            raise ExportError(f"vocab.txt has {len(lines)} entries, expected bert-base-uncased's {BERT_VOCAB_SIZE}")
        return ["vocab.txt"]

    return write


def blip_sample_tokens(tokenizer) -> tuple:
    text = tokenizer(SAMPLE_CAPTIONS, padding="max_length", truncation=True, max_length=BLIP_CONTEXT, return_tensors="pt")
    return text.input_ids, text.attention_mask


def command_blip(args) -> Path:
    checkpoint = args.checkpoint
    if not (Path(checkpoint).is_file() or checkpoint.startswith("https://")):
        raise ExportError(f"checkpoint not found: {checkpoint} (download {BLIP_CHECKPOINT_URL.format(head=args.head)})")
    if args.head not in Path(checkpoint).name:
        print(f"warning: --head {args.head} but the checkpoint is {Path(checkpoint).name}", file=sys.stderr)
    model = load_blip(find_blip_repo(args.blip_repo), checkpoint)
    tokenizer = model.tokenizer
    enc = int(tokenizer.enc_token_id)
    if enc != BLIP_ENC_TOKEN_ID:
        raise ExportError(f"BLIP's tokenizer gives [ENC] id {enc}, expected {BLIP_ENC_TOKEN_ID}")
    ids, mask = blip_sample_tokens(tokenizer)
    name = Path(checkpoint).name
    digest = sha256_of(Path(checkpoint)) if Path(checkpoint).is_file() else "not computed (URL)"
    parts = BlipParts(model, ids, mask, enc, bert_vocab_writer(tokenizer),
                      f"Salesforce BLIP base retrieval, {args.head} head: {name} (sha256 {digest}); BLIP code {find_blip_repo(args.blip_repo)}",
                      "BSD-3-Clause")
    return export_blip_package(parts, Path(args.out), args.name or Path(args.out).name, f"blip --head {args.head}", args, True)


# ---------------------------------------------------------------------------------------------------------------
# Self-test: the same export path on tiny random modules


class QuickGELU(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class TinyClip(nn.Module):
    """CLIP-shaped: patch ViT with a class token; causal text transformer pooled at argmax(ids); projections."""

    def __init__(self, vocab: int, width: int = 32, embed: int = 16, image: int = 64, patch: int = 16,
                 context: int = CLIP_CONTEXT, quick_gelu: bool = True):
        super().__init__()
        act = QuickGELU if quick_gelu else nn.GELU
        self.conv = nn.Conv2d(3, width, patch, patch, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(width) * 0.1)
        self.visual_pos = nn.Parameter(torch.randn((image // patch) ** 2 + 1, width) * 0.1)
        self.visual_mlp = nn.Sequential(nn.LayerNorm(width), nn.Linear(width, 2 * width), act(), nn.Linear(2 * width, width))
        self.visual_proj = nn.Linear(width, embed, bias=False)
        self.token_embedding = nn.Embedding(vocab, width)
        self.positional_embedding = nn.Parameter(torch.randn(context, width) * 0.1)
        layer = nn.TransformerEncoderLayer(width, 2, 2 * width, dropout=0.0, activation="gelu")
        self.text_transformer = nn.TransformerEncoder(layer, 1)
        self.text_act = act()
        self.ln_final = nn.LayerNorm(width)
        self.text_projection = nn.Parameter(torch.randn(width, embed) * 0.2)
        self.register_buffer("attn_mask", torch.full((context, context), float("-inf")).triu(1), persistent=False)

    def encode_image(self, pixels):
        x = self.conv(pixels).flatten(2).transpose(1, 2)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], dim=1) + self.visual_pos
        x = x + self.visual_mlp(x)
        return self.visual_proj(x[:, 0, :])

    def encode_text(self, text):
        x = self.token_embedding(text) + self.positional_embedding
        x = self.text_transformer(x.transpose(0, 1), mask=self.attn_mask).transpose(0, 1)
        x = self.ln_final(self.text_act(x))
        return x[torch.arange(x.shape[0]), text.argmax(dim=-1)] @ self.text_projection


class TinyBertLayer(nn.Module):
    def __init__(self, width: int):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(width, 2, batch_first=True)
        self.cross_attn = nn.MultiheadAttention(width, 2, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(width, 2 * width), nn.GELU(), nn.Linear(2 * width, width))
        self.norms = nn.ModuleList([nn.LayerNorm(width) for _ in range(3)])

    def forward(self, x, pad_mask, feats):
        x = self.norms[0](x + self.self_attn(x, x, x, key_padding_mask=pad_mask, need_weights=False)[0])
        if feats is not None:
            x = self.norms[1](x + self.cross_attn(x, feats, feats, need_weights=False)[0])
        return self.norms[2](x + self.mlp(x))


class TinyBertEncoder(nn.Module):
    """Takes BLIP med.BertModel's arguments (attention_mask, encoder_hidden_states, return_dict, mode)."""

    def __init__(self, vocab: int, width: int, context: int = BLIP_CONTEXT):
        super().__init__()
        self.embeddings = nn.Embedding(vocab, width)
        self.positions = nn.Parameter(torch.randn(context, width) * 0.1)
        self.layers = nn.ModuleList([TinyBertLayer(width), TinyBertLayer(width)])

    def forward(self, input_ids, attention_mask=None, encoder_hidden_states=None, encoder_attention_mask=None,
                return_dict=True, mode="multimodal"):
        x = self.embeddings(input_ids) + self.positions[: input_ids.shape[1]]
        pad_mask = attention_mask == 0
        feats = None if mode == "text" else encoder_hidden_states
        for layer in self.layers:
            x = layer(x, pad_mask, feats)
        return types.SimpleNamespace(last_hidden_state=x)


class TinyBlip(nn.Module):
    def __init__(self, vocab: int, width: int = 32, embed: int = 16, image: int = 64, patch: int = 16):
        super().__init__()
        self.patch = nn.Conv2d(3, width, patch, patch)
        self.class_embedding = nn.Parameter(torch.randn(1, 1, width) * 0.1)
        self.vision_norm = nn.LayerNorm(width)
        self.text_encoder = TinyBertEncoder(vocab, width)
        self.vision_proj = nn.Linear(width, embed)
        self.text_proj = nn.Linear(width, embed)
        self.itm_head = nn.Linear(width, 2)

    def visual_encoder(self, pixels):
        x = self.patch(pixels).flatten(2).transpose(1, 2)
        x = torch.cat([self.class_embedding.expand(x.shape[0], -1, -1), x], dim=1)
        return self.vision_norm(x)


def bytes_to_unicode() -> dict:
    """GPT-2 / CLIP's byte -> printable character table."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    table = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in table:
            table[b] = chr(256 + extra)
            extra += 1
    return table


def tiny_clip_tokenizer() -> tuple:
    """A small byte-level BPE in CLIP's layout: 256 bytes, 256 with </w>, a few merges spelling 'photo</w>'."""
    symbols = list(bytes_to_unicode().values())
    merges = [("p", "h"), ("ph", "o"), ("pho", "t"), ("phot", "o</w>")]
    # open_clip's spelling of the specials: the writer must rename them to OpenAI's for vocab.json.
    vocab = symbols + [s + "</w>" for s in symbols] + [a + b for a, b in merges] + ["<start_of_text>", "<end_of_text>"]
    encoder = {token: i for i, token in enumerate(vocab)}
    return encoder, {pair: rank for rank, pair in enumerate(merges)}


class TinySiglipTower(nn.Module):
    """Returns what transformers' SigLIP towers return: an object with pooler_output (here: the last position's or the
    mean patch's state through a linear head)."""

    def __init__(self, width: int = 32, embed: int = 16, vocab: int | None = None, image: int = 32, patch: int = 8):
        super().__init__()
        self.text = vocab is not None
        if self.text:
            self.embed = nn.Embedding(vocab, width)
            self.positions = nn.Parameter(torch.randn(64, width) * 0.1)
        else:
            self.patch = nn.Conv2d(3, width, patch, patch)
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, embed)

    def forward(self, input_ids=None, pixel_values=None):
        if self.text:
            x = self.norm(self.embed(input_ids) + self.positions[: input_ids.shape[1]])
            pooled = x[:, -1, :]
        else:
            pooled = self.norm(self.patch(pixel_values).flatten(2).transpose(1, 2)).mean(dim=1)
        return types.SimpleNamespace(pooler_output=self.head(pooled))


class TinySiglip(nn.Module):
    def __init__(self, vocab: int):
        super().__init__()
        self.vision_model = TinySiglipTower()
        self.text_model = TinySiglipTower(vocab=vocab)


class SiglipImageProcessor:
    """A stand-in with SiglipImageProcessor's name and settings, for siglip_transform_of in the self-test."""

    size = {"height": 32, "width": 32}
    resample = 3
    do_resize = True
    do_rescale = True
    rescale_factor = 1 / 255
    do_normalize = True
    image_mean = [0.5, 0.5, 0.5]
    image_std = [0.5, 0.5, 0.5]


class TinySiglipTokenizer:
    """save_pretrained() as SiglipTokenizer's: spiece.model (a small T5-layout Unigram model trained here) and configs."""

    def save_pretrained(self, folder: str) -> None:
        import sentencepiece as spm

        words = "a photo of dog the red square circle left right blue horse man two shapes on".split()
        corpus = Path(folder) / ".corpus.txt"
        corpus.write_text("\n".join(" ".join(words[i:] + words[:i]) for i in range(len(words))) + "\n", encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            spm.SentencePieceTrainer.train(input=corpus.name, model_prefix="spiece", model_type="unigram", vocab_size=40,
                                           pad_id=0, eos_id=1, unk_id=2, bos_id=-1, pad_piece="<pad>", eos_piece="</s>",
                                           unk_piece="<unk>", num_threads=1, minloglevel=2)
        finally:
            os.chdir(cwd)
        corpus.unlink()
        (Path(folder) / "spiece.vocab").unlink()
        config = {"model_max_length": 64, "pad_token": "</s>", "eos_token": "</s>", "unk_token": "<unk>",
                  "do_lower_case": True, "tokenizer_class": "SiglipTokenizer"}
        (Path(folder) / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def tiny_bert_vocab() -> list:
    return ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "a", "photo", "of", "dog", "the", "red", "##s"]


def self_test(args) -> int:
    torch.manual_seed(20240601)
    root = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="aro-export-self-test-"))
    args.force = True
    print(f"self-test: tiny random CLIP, BLIP and SigLIP modules -> {root}")
    encoder, ranks = tiny_clip_tokenizer()
    sot, eot = encoder["<start_of_text>"], encoder["<end_of_text>"]
    ids = torch.zeros(4, CLIP_CONTEXT, dtype=torch.int64)
    for row, body in enumerate([[1, 2, 3], [400, 5], [7], list(range(10, 40))]):
        ids[row, : len(body) + 2] = torch.tensor([sot] + body + [eot])
    from torchvision import transforms as T
    preprocess = T.Compose([T.Resize(64, interpolation=T.InterpolationMode.BICUBIC), T.CenterCrop(64), T.ToTensor(),
                            T.Normalize(OPENAI_MEAN, OPENAI_STD)])
    written = []
    for activation, quick in (("quick_gelu", True), ("gelu", False)):
        model = TinyClip(len(encoder), quick_gelu=quick)
        parts = ClipParts(model, clip_transform_of(preprocess), ids, clip_bpe_writer(encoder, ranks),
                          find_activation(model), "self-test: tiny random CLIP", "MIT")
        if parts.activation != activation:
            raise ExportError(f"self-test: activation found {parts.activation}, built {activation}")
        written.append(export_clip_package(parts, root / f"tiny-clip-{activation}", f"tiny-clip-{activation}",
                                           "--self-test", args, require_ort=False))

    vocab = tiny_bert_vocab()
    enc = len(vocab) + 1  # BLIP's layout: [DEC] = len(vocab), [ENC] = len(vocab) + 1
    blip = TinyBlip(len(vocab) + 2)
    captions = [[7, 8, 9, 7, 10], [11, 12, 10, 5], [7, 10, 13], [8, 9, 11, 12, 10, 6, 7, 8]]
    blip_ids = torch.zeros(4, BLIP_CONTEXT, dtype=torch.int64)
    blip_mask = torch.zeros(4, BLIP_CONTEXT, dtype=torch.int64)
    for row, body in enumerate(captions):
        blip_ids[row, : len(body) + 2] = torch.tensor([2] + body + [3])
        blip_mask[row, : len(body) + 2] = 1

    def write_vocab(folder: Path) -> list:
        (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
        return ["vocab.txt"]

    parts = BlipParts(blip, blip_ids, blip_mask, enc, write_vocab, "self-test: tiny random BLIP", "MIT", image_size=64)
    parts.transform = dict(parts.transform, size=64)
    written.append(export_blip_package(parts, root / "tiny-blip", "tiny-blip", "--self-test", args, require_ort=False))

    global external_data_threshold
    try:
        import sentencepiece  # noqa: F401
        have_spm = True
    except ImportError:
        have_spm = False
        print("self-test: sentencepiece is not installed: SKIPPING the tiny SigLIP package", flush=True)
    if have_spm:
        siglip_ids = torch.ones(4, 64, dtype=torch.int64)  # </s> = 1 pads, as SiglipTokenizer's max_length padding
        for row, body in enumerate([[5, 6, 7], [8, 9], [10], list(range(3, 39))]):
            siglip_ids[row, : len(body)] = torch.tensor(body)
        parts = SiglipParts(TinySiglip(40), siglip_transform_of(SiglipImageProcessor()), siglip_ids,
                            siglip_tokenizer_writer(TinySiglipTokenizer()), True, "self-test: tiny random SigLIP", "MIT")
        # Every weight over 1 KB into vision_model.onnx_data / text_model.onnx_data: the path graphs over 2 GB take.
        external_data_threshold = 1
        try:
            written.append(export_siglip_package(parts, root / "tiny-siglip", "tiny-siglip", "--self-test", args, require_ort=False))
        finally:
            external_data_threshold = EXTERNAL_DATA_THRESHOLD

    for package in written:
        manifest = json.loads((package / "aro-model.json").read_text(encoding="utf-8"))
        files = sorted(p.name for p in package.iterdir() if p.name != "aro-model.json")
        if sorted(manifest["provenance"]["sha256"]) != files:
            raise ExportError(f"{package}: manifest hashes {sorted(manifest['provenance']['sha256'])}, files {files}")
        for name, digest in manifest["provenance"]["sha256"].items():
            if sha256_of(package / name) != digest:
                raise ExportError(f"{package / name}: sha256 differs from the manifest")
        if manifest["family"] == "clip":
            clip_vocab = json.loads((package / "vocab.json").read_text(encoding="utf-8"))
            first = (package / "merges.txt").read_text(encoding="utf-8").splitlines()[0]
            if (clip_vocab.get("<|startoftext|>"), clip_vocab.get("<|endoftext|>")) != (sot, eot) or first != "#version: 0.2":
                raise ExportError(f"{package}: vocab.json / merges.txt not in CLIP's layout")
            if manifest["provenance"]["activation"] != package.name.removeprefix("tiny-clip-"):
                raise ExportError(f"{package}: manifest activation {manifest['provenance']['activation']}")
        elif manifest["family"] == "siglip":
            expected = ["spiece.model", "text_model.onnx", "text_model.onnx_data", "tokenizer_config.json",
                        "vision_model.onnx", "vision_model.onnx_data"]
            if files != expected or manifest["tokenizer"] != {"kind": "sentencepiece", "context_length": 64, "lowercase": True}:
                raise ExportError(f"{package}: SigLIP package holds {files}, tokenizer {manifest['tokenizer']}")
            import onnx
            graph = onnx.load(str(package / "text_model.onnx"), load_external_data=False)
            locations = {e.value for t in graph.graph.initializer for e in t.external_data if e.key == "location"}
            if locations != {"text_model.onnx_data"} or [o.name for o in graph.graph.output] != ["pooler_output"]:
                raise ExportError(f"{package}: text graph external data {locations}, outputs {[o.name for o in graph.graph.output]}")
        elif manifest["tokenizer"]["enc_token_id"] != len(vocab) + 1 or manifest["itm_model"] != "itm_model.onnx":
            raise ExportError(f"{package}: BLIP manifest lacks [ENC] {len(vocab) + 1} or the ITM graph")
    compared = "done" if "onnxruntime" in sys.modules else "SKIPPED: onnxruntime missing"
    if args.out:
        print(f"self-test passed: {len(written)} packages under {root} (ONNX Runtime comparison {compared})")
    else:
        shutil.rmtree(root, ignore_errors=True)
        print(f"self-test passed: {len(written)} packages (ONNX Runtime comparison {compared}); "
              "removed, pass --out DIR to keep them")
    return 0


# ---------------------------------------------------------------------------------------------------------------
# Command line


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0], epilog="See scripts/README.md.")
    parser.add_argument("--self-test", action="store_true", help="export + verify + manifest on tiny random modules")
    parser.add_argument("--out", help="with --self-test: where to keep the tiny packages (default: a temp folder)")
    parser.add_argument("--opset", type=int, default=DEFAULT_OPSET, help=f"ONNX opset (default {DEFAULT_OPSET})")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE,
                        help=f"max abs ONNX Runtime vs PyTorch difference allowed (default {DEFAULT_TOLERANCE:g})")
    sub = parser.add_subparsers(dest="command")

    def common(p):
        p.add_argument("--out", required=True, help="the package folder to write (e.g. models/negclip)")
        p.add_argument("--name", help="package name in aro-model.json (default: the folder name)")
        p.add_argument("--force", action="store_true", help="replace --out if it exists")
        p.add_argument("--opset", type=int, default=DEFAULT_OPSET)
        p.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE)

    clip = sub.add_parser("clip", help="OpenAI CLIP ViT-B/32 (QuickGELU)")
    clip.add_argument("--impl", choices=["open_clip", "openai"], default="open_clip",
                      help="open_clip 'ViT-B-32' pretrained 'openai' (default) or OpenAI's clip package")
    common(clip)
    negclip = sub.add_parser("negclip", help="NegCLIP from its checkpoint file, in open_clip ViT-B-32")
    negclip.add_argument("--checkpoint", required=True, help="the NegCLIP .pth you downloaded")
    negclip.add_argument("--activation", required=True, choices=sorted(NEGCLIP_ACTIVATIONS),
                         help="gelu: as the official ARO code ran it (paper tables); quickgelu: as it was trained")
    common(negclip)
    oc = sub.add_parser("open_clip", help="any open_clip model with OpenAI's CLIP BPE (LAION, DataComp, CoCa, EVA, MetaCLIP, ...)")
    oc.add_argument("--model", required=True, help="open_clip model name, e.g. ViT-H-14, ViT-L-14, coca_ViT-L-14, EVA02-L-14")
    oc.add_argument("--pretrained", required=True, help="open_clip pretrained tag (e.g. laion2b_s32b_b79k) or a checkpoint file")
    oc.add_argument("--license", default="see the model card of the pretrained weights", help="licence text for the manifest")
    common(oc)
    sg = sub.add_parser("siglip", help="SigLIP from a Hugging Face checkpoint (SiglipModel; not SigLIP 2)")
    sg.add_argument("--checkpoint", required=True, help="a Hugging Face model id (google/siglip-base-patch16-224) or folder")
    sg.add_argument("--revision", help="the hub revision (commit) to pin")
    sg.add_argument("--license", default="Apache-2.0 (google/siglip-* model cards)", help="licence text for the manifest")
    common(sg)
    blip = sub.add_parser("blip", help="Salesforce BLIP base retrieval: vision, text and ITM graphs")
    blip.add_argument("--head", required=True, choices=["coco", "flickr"], help="which retrieval fine-tune")
    blip.add_argument("--checkpoint", required=True, help="model_base_retrieval_{coco,flickr}.pth (file or https URL)")
    blip.add_argument("--blip-repo", help="a clone of github.com/salesforce/BLIP (default: found on PYTHONPATH)")
    common(blip)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    torch.set_num_threads(max(1, min(8, os.cpu_count() or 1)))
    try:
        if args.self_test:
            return self_test(args)
        if args.command is None:
            parser.error("choose clip, negclip, blip, open_clip or siglip (or --self-test)")
        load_onnxruntime(required=True)  # fail before minutes of model loading, not after
        commands = {"clip": command_clip, "negclip": command_negclip, "blip": command_blip,
                    "open_clip": command_open_clip, "siglip": command_siglip}
        commands[args.command](args)
        return 0
    except ExportError as ex:
        print(f"export_onnx.py: error: {ex}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
