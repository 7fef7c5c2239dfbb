using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// Runs one ONNX graph on the CPU (one thread, deterministic) with a single input and returns every output as
/// float32, whatever the graph's element types: float16 inputs are fed as <see cref="Float16"/> and float16
/// outputs widened, so fp32 and fp16 files are compared on the same numbers.
/// </summary>
internal sealed class GraphRunner : IDisposable
{
    private readonly InferenceSession _session;

    public GraphRunner(string path)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(path, options);
    }

    public IReadOnlyDictionary<string, NodeMetadata> Inputs => _session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> Outputs => _session.OutputMetadata;

    /// <summary>The graph on float data of the given shape (fed as float16 when the input is float16).</summary>
    public Dictionary<string, float[]> Run(float[] data, long[] shape)
    {
        var (name, meta) = _session.InputMetadata.Single();
        using var input = meta.ElementDataType == TensorElementType.Float16
            ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (Float16)v), shape)
            : OrtValue.CreateTensorValueFromMemory(data, shape);
        return Run(name, input);
    }

    /// <summary>The graph on int64 ids of the given shape.</summary>
    public Dictionary<string, float[]> Run(long[] ids, long[] shape)
    {
        var name = _session.InputMetadata.Keys.Single();
        using var input = OrtValue.CreateTensorValueFromMemory(ids, shape);
        return Run(name, input);
    }

    public void Dispose() => _session.Dispose();

    private Dictionary<string, float[]> Run(string inputName, OrtValue input)
    {
        var outputNames = _session.OutputMetadata.Keys.ToList();
        using var options = new RunOptions();
        using var outputs = _session.Run(options, [inputName], [input], outputNames);
        var result = new Dictionary<string, float[]>();
        for (var i = 0; i < outputNames.Count; i++)
        {
            var value = outputs[i];
            result[outputNames[i]] = value.GetTensorTypeAndShape().ElementDataType == TensorElementType.Float16
                ? Array.ConvertAll(value.GetTensorDataAsSpan<Float16>().ToArray(), h => (float)h)
                : value.GetTensorDataAsSpan<float>().ToArray();
        }

        return result;
    }
}
