using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Models;

/// <summary>Finding and reading the outputs of encoder graphs.</summary>
internal static class GraphOutputs
{
    /// <summary>
    /// The embedding output: the one named <paramref name="preferred"/> if present, else the only float output of
    /// rank 2. Hidden-state outputs (rank 3) are never taken for an embedding.
    /// </summary>
    public static string FindEmbedding(GraphSignature signature, string preferred, string fileName)
    {
        var named = signature.Outputs.FirstOrDefault(o => o.Name == preferred);
        if (named is not null)
        {
            return named.Rank == 2 && named.ElementType == TensorElementType.Float
                ? named.Name
                : throw new AroInputException($"{fileName}: output {named} should be float32 [batch, dim]");
        }

        var candidates = signature.Outputs.Where(o => o.Rank == 2 && o.ElementType == TensorElementType.Float).ToList();
        return candidates.Count == 1
            ? candidates[0].Name
            : throw new AroInputException(
                $"{fileName}: expected an output '{preferred}' float32 [batch, dim] (or exactly one rank-2 float output), found {signature.DescribeOutputs()}");
    }

    /// <summary>Copies a [count, ...] float output into one array per batch row.</summary>
    public static float[][] ReadRows(OrtValue value, int count, string name, string fileName)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        if (shape.Length < 2 || shape[0] != count)
        {
            throw new AroException($"{fileName}: output '{name}' has shape [{string.Join(", ", shape)}], expected [{count}, ...]");
        }

        var data = value.GetTensorDataAsSpan<float>();
        var rowLength = data.Length / count;
        var rows = new float[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = data.Slice(i * rowLength, rowLength).ToArray();
        }

        return rows;
    }
}
