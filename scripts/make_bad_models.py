#!/usr/bin/env python3
"""Writes tiny ONNX graphs that do NOT fit aro's model package contract, for its rejection tests, and tiny graphs in
the other shapes real exports come in (fixed batch axes, hidden states only, a combined two-tower graph, open_clip
names, weights in an external data file).

Each graph is a few hundred bytes (a mean over pixels or tokens and a small matrix), so no torch is needed: only
Debian's python3-onnx and numpy. Output: tests/fixtures/bad-models/<name>.onnx (and external-data/). Deterministic
(fixed weights): two runs write the same bytes.

- vision_ok / text_ok: the fitting pair; every graph below with the same seed computes the same embeddings.
- *_batch1, *_batch3: the batch axis fixed at 1 or 3 (aro must run them in calls of that size); the text ones are
  text_blind.onnx's tower (padding-blind: the pad row is zero and tokens are summed) so that any batching gives the
  same embeddings.
- *_pooler_only, *_hidden_only: a tower exported without its projection (outputs pooler_output and/or
  last_hidden_state only), as an export of CLIPVisionModel / CLIPTextModel gives.
- combined_model.onnx: both towers in one graph (inputs pixel_values, input_ids, attention_mask; outputs image_embeds,
  text_embeds), as Optimum's and transformers.js' model.onnx; combined_split_{vision,text}.onnx: it split with the
  onnx.utils.extract_model calls aro's error message gives.
- openclip_visual.onnx / openclip_textual.onnx: open_clip-style names (inputs image, text; outputs image_features,
  text_features).
- external-data/: vision_model.onnx with its weight in vision_model.onnx_data (ONNX external data), and
  vision_model.onnx_data.other: other weights for the same, unchanged graph file; escaping.onnx: the same graph with
  its location pointing out of its folder (../vision_model.onnx_data).
- vision_nan / vision_zero / text_nan / text_zero: the fitting shapes with weights that are all NaN or all zero, so
  every embedding is NaN or has norm 0 (aro must refuse or skip the case, never score it).

Usage: /usr/bin/python3 scripts/make_bad_models.py
"""
import shutil
import tempfile
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "bad-models"


def weights(name, rows, cols, seed):
    rng = np.random.default_rng(seed)
    return numpy_helper.from_array(rng.standard_normal((rows, cols)).astype(np.float32), name)


def model_of(graph):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name="aro make_bad_models.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def save(graph, name):
    OUT.mkdir(parents=True, exist_ok=True)
    onnx.save(model_of(graph), OUT / name)


def vision_graph(name, input_name="pixel_values", shape=("batch", 3, 224, 224), dim=32, extra_input=False,
                 output="image_embeds", seed=1):
    """pixel_values -> mean over H, W -> [N, 3] x W[3, dim] -> image_embeds [N, dim]."""
    inputs = [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, list(shape))]
    if extra_input:
        inputs.append(helper.make_tensor_value_info("scale", TensorProto.FLOAT, ["batch"]))
    nodes = [
        helper.make_node("ReduceMean", [input_name], ["pooled"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["pooled", "w"], [output]),
    ]
    return helper.make_graph(nodes, name, inputs,
                             [helper.make_tensor_value_info(output, TensorProto.FLOAT, [shape[0], dim])],
                             [weights("w", 3, dim, seed)])


def vision(name, **kwargs):
    save(vision_graph(name, **kwargs), name)


def with_weights(graph, name, value):
    """The graph with its float initializer <name> filled with <value> (NaN or 0)."""
    for i, tensor in enumerate(graph.initializer):
        if tensor.name == name:
            values = np.full_like(numpy_helper.to_array(tensor), value)
            graph.initializer[i].CopyFrom(numpy_helper.from_array(values, name))
    return graph


def vision_hidden(name, pooler=True):
    """A vision tower without its projection: last_hidden_state [N, 4, 32] (the mean pixel, per channel and quarter
    of the rows, times W) and, when pooler, pooler_output [N, 32] (its mean over the 4 tokens)."""
    nodes = [
        helper.make_node("Reshape", ["pixel_values", "quarters"], ["rows"]),
        helper.make_node("ReduceMean", ["rows"], ["tokens"], axes=[3, 4], keepdims=0),
        helper.make_node("Transpose", ["tokens"], ["by_token"], perm=[0, 2, 1]),
        helper.make_node("MatMul", ["by_token", "w"], ["last_hidden_state"]),
    ]
    outputs = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", 4, 32])]
    if pooler:
        nodes.append(helper.make_node("ReduceMean", ["last_hidden_state"], ["pooler_output"], axes=[1], keepdims=0))
        outputs.insert(0, helper.make_tensor_value_info("pooler_output", TensorProto.FLOAT, ["batch", 32]))
    graph = helper.make_graph(nodes, name,
                              [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3, 224, 224])],
                              outputs,
                              [weights("w", 3, 32, 1), numpy_helper.from_array(np.array([-1, 3, 4, 56, 224], dtype=np.int64), "quarters")])
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


def text_graph(name, input_name="input_ids", length="sequence", dim=32, rows=64, batch="batch", output="text_embeds",
               hidden=None, blind=False):
    """input_ids mod 64 -> embedding lookup -> mean over tokens -> text_embeds [N, dim]. With hidden, the outputs
    are named as a tower without its projection: "pooler" gives pooler_output (the same mean) and
    last_hidden_state (the looked-up rows), "only" gives last_hidden_state alone. With blind, the pad id's row (0)
    is zero and the tokens are summed, so padding cannot change the embedding (as CLIP's causal mask and EOT pooling
    hide it): results do not depend on how captions are batched."""
    nodes = [
        helper.make_node("Mod", [input_name, "rows"], ["row"]),
        helper.make_node("Gather", ["table", "row"], ["last_hidden_state" if hidden else "embedded"], axis=0),
    ]
    table = weights("table", rows, dim, 3)
    if blind:
        values = numpy_helper.to_array(table).copy()
        values[0] = 0
        table = numpy_helper.from_array(values, "table")
    outputs = []
    if hidden != "only":
        pooled = "pooler_output" if hidden else output
        nodes.append(helper.make_node("ReduceSum" if blind else "ReduceMean", ["last_hidden_state" if hidden else "embedded"] + (["sum_axes"] if blind else []),
                                      [pooled], keepdims=0, **({} if blind else {"axes": [1]})))
        outputs.append(helper.make_tensor_value_info(pooled, TensorProto.FLOAT, [batch, dim]))
    if hidden:
        outputs.append(helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, [batch, length, dim]))
    return helper.make_graph(nodes, name,
                             [helper.make_tensor_value_info(input_name, TensorProto.INT64, [batch, length])],
                             outputs,
                             [table, numpy_helper.from_array(np.array(rows, dtype=np.int64), "rows")]
                             + ([numpy_helper.from_array(np.array([1], dtype=np.int64), "sum_axes")] if blind else []))


def text(name, **kwargs):
    save(text_graph(name, **kwargs), name)


def combined(name):
    """Both towers in one graph, with the names of Optimum's CLIP model.onnx (an attention_mask input the tiny text
    tower does not use)."""
    v = vision_graph("v")
    t = text_graph("t")
    graph = helper.make_graph(
        list(v.node) + list(t.node), name,
        [t.input[0], helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch_image", 3, 224, 224]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["batch", 32]),
         helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["batch_image", 32])],
        list(v.initializer) + list(t.initializer))
    save(graph, name)
    # The split aro's message gives (CombinedGraphs.cs): each tower extracted by its inputs and embedding output.
    onnx.utils.extract_model(str(OUT / name), str(OUT / "combined_split_vision.onnx"), ["pixel_values"], ["image_embeds"])
    onnx.utils.extract_model(str(OUT / name), str(OUT / "combined_split_text.onnx"), ["input_ids", "attention_mask"], ["text_embeds"])


def external_data():
    """vision_ok's graph with its weight stored in vision_model.onnx_data, and other weights for the same graph file."""
    folder = OUT / "external-data"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    graphs = []
    for seed, data_name in ((1, "vision_model.onnx_data"), (11, "vision_model.onnx_data.other")):
        with tempfile.TemporaryDirectory() as tmp:
            model = model_of(vision_graph("vision_external", seed=seed))
            onnx.save_model(model, str(Path(tmp) / "vision_model.onnx"), save_as_external_data=True,
                            all_tensors_to_one_file=True, location="vision_model.onnx_data", size_threshold=0)
            graphs.append((Path(tmp) / "vision_model.onnx").read_bytes())
            shutil.copyfile(Path(tmp) / "vision_model.onnx_data", folder / data_name)
    assert graphs[0] == graphs[1], "the two weight files must fit one unchanged graph file"
    (folder / "vision_model.onnx").write_bytes(graphs[0])
    # A graph whose weight location leaves its folder (ONNX Runtime refuses such paths; aro names the field first).
    escaping = onnx.ModelProto()
    escaping.ParseFromString(graphs[0])
    for entry in escaping.graph.initializer[0].external_data:
        if entry.key == "location":
            entry.value = "../vision_model.onnx_data"
    (folder / "escaping.onnx").write_bytes(escaping.SerializeToString())


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
    vision("vision_batch1.onnx", shape=(1, 3, 224, 224))
    vision("vision_batch3.onnx", shape=(3, 3, 224, 224))
    text("text_blind.onnx", blind=True)
    text("text_batch1.onnx", batch=1, blind=True)
    text("text_batch3.onnx", batch=3, blind=True)
    vision_hidden("vision_pooler_only.onnx")
    vision_hidden("vision_hidden_only.onnx", pooler=False)
    text("text_pooler_only.onnx", hidden="pooler")
    text("text_hidden_only.onnx", hidden="only")
    combined("combined_model.onnx")
    vision("openclip_visual.onnx", input_name="image", output="image_features")
    text("openclip_textual.onnx", input_name="text", length=77, output="text_features")
    external_data()
    save(with_weights(vision_graph("vision_nan.onnx"), "w", np.nan), "vision_nan.onnx")
    save(with_weights(vision_graph("vision_zero.onnx"), "w", 0), "vision_zero.onnx")
    save(with_weights(text_graph("text_nan.onnx"), "table", np.nan), "text_nan.onnx")
    save(with_weights(text_graph("text_zero.onnx"), "table", 0), "text_zero.onnx")
    for path in sorted(OUT.rglob("*.onnx*")):
        print(f"{path.relative_to(OUT.parent.parent.parent)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
