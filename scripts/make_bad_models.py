#!/usr/bin/env python3
"""Writes tiny ONNX graphs that do NOT fit aro's model package contract, for its rejection tests.

Each graph is a few hundred bytes (a mean over pixels or tokens and a small matrix), so no torch is needed: only
Debian's python3-onnx and numpy. Output: tests/fixtures/bad-models/<name>.onnx. Deterministic (fixed weights).

Usage: /usr/bin/python3 scripts/make_bad_models.py
"""
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "bad-models"


def weights(name, rows, cols, seed):
    rng = np.random.default_rng(seed)
    return numpy_helper.from_array(rng.standard_normal((rows, cols)).astype(np.float32), name)


def save(graph, name):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name="aro make_bad_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    OUT.mkdir(parents=True, exist_ok=True)
    onnx.save(model, OUT / name)


def vision(name, input_name="pixel_values", shape=("batch", 3, 224, 224), dim=32, extra_input=False):
    """pixel_values -> mean over H, W -> [N, 3] x W[3, dim] -> image_embeds [N, dim]."""
    inputs = [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, list(shape))]
    if extra_input:
        inputs.append(helper.make_tensor_value_info("scale", TensorProto.FLOAT, ["batch"]))
    nodes = [
        helper.make_node("ReduceMean", [input_name], ["pooled"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["pooled", "w"], ["image_embeds"]),
    ]
    graph = helper.make_graph(nodes, name, inputs,
                              [helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["batch", dim])],
                              [weights("w", 3, dim, 1)])
    save(graph, name)


def vision_flat(name):
    """A rank-2 pixel input: [N, 150528] -> mean -> [N, 1] x W[1, 32] -> image_embeds."""
    nodes = [
        helper.make_node("ReduceMean", ["pixel_values"], ["pooled"], axes=[1], keepdims=1),
        helper.make_node("MatMul", ["pooled", "w"], ["image_embeds"]),
    ]
    graph = helper.make_graph(nodes, name,
                              [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3 * 224 * 224])],
                              [helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["batch", 32])],
                              [weights("w", 1, 32, 2)])
    save(graph, name)


def text(name, input_name="input_ids", length="sequence", dim=32, rows=64):
    """input_ids mod 64 -> embedding lookup -> mean over tokens -> text_embeds [N, dim]."""
    nodes = [
        helper.make_node("Mod", [input_name, "rows"], ["row"]),
        helper.make_node("Gather", ["table", "row"], ["embedded"], axis=0),
        helper.make_node("ReduceMean", ["embedded"], ["text_embeds"], axes=[1], keepdims=0),
    ]
    graph = helper.make_graph(nodes, name,
                              [helper.make_tensor_value_info(input_name, TensorProto.INT64, ["batch", length])],
                              [helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["batch", dim])],
                              [weights("table", rows, dim, 3), numpy_helper.from_array(np.array(rows, dtype=np.int64), "rows")])
    save(graph, name)


def main():
    vision("vision_ok.onnx")
    vision("vision_two_inputs.onnx", extra_input=True)
    vision("vision_384.onnx", shape=("batch", 3, 384, 384))
    vision("vision_dim16.onnx", dim=16)
    vision_flat("vision_rank2.onnx")
    text("text_ok.onnx")
    text("text_wrong_name.onnx", input_name="tokens")
    text("text_fixed16.onnx", length=16)
    text("text_fixed77.onnx", length=77)
    for path in sorted(OUT.glob("*.onnx")):
        print(f"{path.relative_to(OUT.parent.parent.parent)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
