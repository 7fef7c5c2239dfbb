#!/usr/bin/python3
"""The file variants transformers.js and Optimum publish beside an fp32 ONNX graph, made with plain onnx.helper passes
(Debian has neither onnxconverter-common nor onnxruntime's quantization tools):

    fp16       float16 weights AND float16 graph inputs/outputs (what an Optimum `--dtype fp16` export gives;
               integer inputs such as input_ids stay int64)
    quantized  dynamic 8-bit quantisation with uint8 weights: each MatMul with a constant weight becomes
               DynamicQuantizeLinear (activations, uint8) + MatMulInteger + Cast + Mul by the two scales; each
               Conv likewise with ConvInteger; each Gather of a constant table (embeddings) reads a uint8 table
               through DequantizeLinear. transformers.js' `_quantized` (q8) uses uint8 weights for models with a
               Conv layer and int8 otherwise.
    int8       the same with int8 weights (symmetric, zero point 0); Conv stays float32, as ONNX Runtime's
               ConvInteger takes uint8 weights only
    q4         each MatMul with a constant weight becomes com.microsoft MatMulNBits: 4-bit weights in blocks of
               32 along K, one float32 scale per block, implicit zero point 8 (symmetric)

    /usr/bin/python3 scripts/onnx_variants.py MODEL.onnx [--variants fp16,quantized,int8,q4]

writes MODEL_<variant>.onnx beside MODEL.onnx. The weight quantisation follows onnxruntime.quantization's
formulas (uint8: asymmetric over [min(w, 0), max(w, 0)]; int8: symmetric over max |w|; round half to even), so
the outputs move from fp32 about as much as with the published files; the graphs are not byte-equal to theirs.
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MS_DOMAIN = "com.microsoft"


def _initializers(graph: onnx.GraphProto) -> dict[str, onnx.TensorProto]:
    return {t.name: t for t in graph.initializer}


def _tensor_to_fp16(t: onnx.TensorProto) -> onnx.TensorProto:
    return numpy_helper.from_array(numpy_helper.to_array(t).astype(np.float16), t.name)


def to_fp16(model: onnx.ModelProto) -> onnx.ModelProto:
    """Every float32 tensor becomes float16: initializers, Constant/ConstantOfShape values, Cast targets, graph
    inputs and outputs. Intermediate type annotations are dropped (shape inference recomputes them)."""
    m = copy.deepcopy(model)
    g = m.graph
    for i, t in enumerate(g.initializer):
        if t.data_type == TensorProto.FLOAT:
            g.initializer[i].CopyFrom(_tensor_to_fp16(t))
    for node in g.node:
        for attr in node.attribute:
            if node.op_type == "Cast" and attr.name == "to" and attr.i == TensorProto.FLOAT:
                attr.i = TensorProto.FLOAT16
            if attr.type == onnx.AttributeProto.TENSOR and attr.t.data_type == TensorProto.FLOAT:
                attr.t.CopyFrom(_tensor_to_fp16(attr.t))
    for vi in list(g.input) + list(g.output):
        if vi.type.tensor_type.elem_type == TensorProto.FLOAT:
            vi.type.tensor_type.elem_type = TensorProto.FLOAT16
    del g.value_info[:]
    return m


def _quantize_weight(w: np.ndarray, weight_type: str) -> tuple[np.ndarray, np.float32, np.ndarray]:
    """Per-tensor weight quantisation as onnxruntime.quantization computes it."""
    rmin, rmax = min(float(w.min()), 0.0), max(float(w.max()), 0.0)
    if weight_type == "uint8":
        scale = (rmax - rmin) / 255.0 or 1.0
        zero = int(np.clip(np.rint(-rmin / scale), 0, 255))
        q = np.clip(np.rint(w / scale) + zero, 0, 255).astype(np.uint8)
        return q, np.float32(scale), np.array(zero, dtype=np.uint8)
    absmax = max(abs(rmin), abs(rmax))
    scale = absmax / 127.0 or 1.0
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
    return q, np.float32(scale), np.array(0, dtype=np.int8)


def quantize_dynamic(model: onnx.ModelProto, weight_type: str) -> onnx.ModelProto:
    """Dynamic 8-bit quantisation of MatMul (constant 2-D weight), Conv (uint8 only) and Gather (constant table)."""
    m = copy.deepcopy(model)
    g = m.graph
    inits = _initializers(g)
    new_nodes: list[onnx.NodeProto] = []
    new_inits: list[onnx.TensorProto] = []
    used: set[str] = set()

    def const(name: str, array: np.ndarray) -> str:
        new_inits.append(numpy_helper.from_array(array, name))
        return name

    def activation(x: str, tag: str) -> tuple[str, str, str]:
        q, s, z = f"{tag}_x_q", f"{tag}_x_scale", f"{tag}_x_zero"
        new_nodes.append(helper.make_node("DynamicQuantizeLinear", [x], [q, s, z], name=f"{tag}_DynamicQuantize"))
        return q, s, z

    def rescale(int_out: str, x_scale: str, w_scale: str, out: str, tag: str) -> None:
        new_nodes.append(helper.make_node("Cast", [int_out], [f"{tag}_float"], to=TensorProto.FLOAT,
                                          name=f"{tag}_Cast"))
        new_nodes.append(helper.make_node("Mul", [x_scale, w_scale], [f"{tag}_scale"], name=f"{tag}_ScaleMul"))
        new_nodes.append(helper.make_node("Mul", [f"{tag}_float", f"{tag}_scale"], [out], name=f"{tag}_Mul"))

    for k, node in enumerate(g.node):
        tag = f"q{k}_{node.op_type}"
        if node.op_type == "MatMul" and node.input[1] in inits and len(inits[node.input[1]].dims) == 2:
            q, scale, zero = _quantize_weight(numpy_helper.to_array(inits[node.input[1]]), weight_type)
            used.add(node.input[1])
            xq, xs, xz = activation(node.input[0], tag)
            wq = const(f"{tag}_w_q", q)
            ws = const(f"{tag}_w_scale", scale)
            wz = const(f"{tag}_w_zero", zero)
            new_nodes.append(helper.make_node("MatMulInteger", [xq, wq, xz, wz], [f"{tag}_int"], name=f"{tag}_Integer"))
            rescale(f"{tag}_int", xs, ws, node.output[0], tag)
        elif (node.op_type == "Conv" and weight_type == "uint8" and node.input[1] in inits):
            q, scale, zero = _quantize_weight(numpy_helper.to_array(inits[node.input[1]]), weight_type)
            used.add(node.input[1])
            xq, xs, xz = activation(node.input[0], tag)
            wq = const(f"{tag}_w_q", q)
            ws = const(f"{tag}_w_scale", scale)
            wz = const(f"{tag}_w_zero", zero)
            new_nodes.append(helper.make_node("ConvInteger", [xq, wq, xz, wz], [f"{tag}_int"], name=f"{tag}_Integer",
                                              **{a.name: helper.get_attribute_value(a) for a in node.attribute}))
            has_bias = len(node.input) > 2 and node.input[2]
            product = f"{tag}_product" if has_bias else node.output[0]
            rescale(f"{tag}_int", xs, ws, product, tag)
            if has_bias:
                bias = numpy_helper.to_array(inits[node.input[2]]).reshape(1, -1, 1, 1)
                used.add(node.input[2])
                b = const(f"{tag}_bias", bias.astype(np.float32))
                new_nodes.append(helper.make_node("Add", [product, b], [node.output[0]], name=f"{tag}_BiasAdd"))
        elif (node.op_type == "Gather" and node.input[0] in inits
              and all(a.name != "axis" or a.i == 0 for a in node.attribute)
              and inits[node.input[0]].data_type == TensorProto.FLOAT):
            q, scale, zero = _quantize_weight(numpy_helper.to_array(inits[node.input[0]]), weight_type)
            used.add(node.input[0])
            table = const(f"{tag}_table_q", q)
            s = const(f"{tag}_table_scale", scale)
            z = const(f"{tag}_table_zero", zero)
            new_nodes.append(helper.make_node("Gather", [table, node.input[1]], [f"{tag}_q"], name=f"{tag}_Gather",
                                              axis=0))
            new_nodes.append(helper.make_node("DequantizeLinear", [f"{tag}_q", s, z], [node.output[0]],
                                              name=f"{tag}_Dequantize"))
        else:
            new_nodes.append(node)

    still_used = {i for n in new_nodes for i in n.input}
    kept = [t for t in g.initializer if t.name not in used or t.name in still_used]
    del g.node[:]
    g.node.extend(new_nodes)
    del g.initializer[:]
    g.initializer.extend(kept + new_inits)
    del g.value_info[:]
    return m


def quantize_q4(model: onnx.ModelProto, block_size: int = 32) -> onnx.ModelProto:
    """Each MatMul with a constant [K, N] weight becomes MatMulNBits (bits 4): the weight is stored transposed,
    [N, blocks, block_size / 2] bytes, two values per byte (low nibble first), q = round(w / scale) + 8 with
    scale = max |w| / 7 per block of block_size values along K."""
    m = copy.deepcopy(model)
    g = m.graph
    inits = _initializers(g)
    new_nodes, new_inits, used = [], [], set()
    for k, node in enumerate(g.node):
        if node.op_type == "MatMul" and node.input[1] in inits and len(inits[node.input[1]].dims) == 2:
            w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)
            used.add(node.input[1])
            rows, cols = w.shape  # K, N
            blocks = -(-rows // block_size)
            padded = np.zeros((blocks * block_size, cols), dtype=np.float32)
            padded[:rows] = w
            per_block = padded.T.reshape(cols, blocks, block_size)
            scale = np.abs(per_block).max(axis=2) / 7.0
            scale[scale == 0] = 1.0
            q = np.clip(np.rint(per_block / scale[:, :, None]) + 8, 0, 15).astype(np.uint8)
            packed = (q[:, :, 0::2] | (q[:, :, 1::2] << 4)).astype(np.uint8)
            tag = f"q4_{k}"
            new_inits.append(numpy_helper.from_array(packed, f"{tag}_B"))
            new_inits.append(numpy_helper.from_array(scale.reshape(-1).astype(np.float32), f"{tag}_scales"))
            new_nodes.append(helper.make_node("MatMulNBits", [node.input[0], f"{tag}_B", f"{tag}_scales"],
                                              [node.output[0]], name=f"{tag}_MatMulNBits", domain=MS_DOMAIN,
                                              K=rows, N=cols, bits=4, block_size=block_size))
        else:
            new_nodes.append(node)
    still_used = {i for n in new_nodes for i in n.input}
    kept = [t for t in g.initializer if t.name not in used or t.name in still_used]
    del g.node[:]
    g.node.extend(new_nodes)
    del g.initializer[:]
    g.initializer.extend(kept + new_inits)
    del g.value_info[:]
    if not any(o.domain == MS_DOMAIN for o in m.opset_import):
        m.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
    return m


VARIANTS = {
    "fp16": to_fp16,
    "quantized": lambda m: quantize_dynamic(m, "uint8"),
    "int8": lambda m: quantize_dynamic(m, "int8"),
    "q4": quantize_q4,
}


def save(model: onnx.ModelProto, path: Path) -> None:
    """onnx.checker on the standard ops (the contrib MatMulNBits is checked by ONNX Runtime when loaded)."""
    if not any(o.domain == MS_DOMAIN for o in model.opset_import):
        onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(model.SerializeToString())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--variants", default=",".join(VARIANTS))
    args = ap.parse_args()
    fp32 = onnx.load(str(args.model))
    for name in args.variants.split(","):
        if name not in VARIANTS:
            print(f"unknown variant {name!r}; known: {', '.join(VARIANTS)}", file=sys.stderr)
            return 2
        out = args.model.with_name(f"{args.model.stem}_{name}.onnx")
        save(VARIANTS[name](fp32), out)
        print(f"wrote {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
