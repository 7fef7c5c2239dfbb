using Microsoft.ML.OnnxRuntime;

namespace Aro.Core.Models;

/// <summary>The inputs and outputs of one ONNX graph, read from its session metadata.</summary>
public sealed record GraphSignature(string Path, IReadOnlyList<TensorSignature> Inputs, IReadOnlyList<TensorSignature> Outputs)
{
    public static GraphSignature Read(string path, InferenceSession session) => new(
        path,
        [.. session.InputMetadata.Select(p => TensorSignature.From(p.Key, p.Value))],
        [.. session.OutputMetadata.Select(p => TensorSignature.From(p.Key, p.Value))]);

    public string FileName => System.IO.Path.GetFileName(Path);

    public string DescribeInputs() => string.Join("; ", Inputs);

    public string DescribeOutputs() => string.Join("; ", Outputs);
}
