using Aro.Core.Perturbations;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Aro.Core.Models;

/// <summary>Finding and reading the outputs of encoder graphs.</summary>
public static class GraphOutputs
{
    /// <summary>
    /// A dual encoder's projected embedding: the output the manifest names, else <c>image_embeds</c> /
    /// <c>text_embeds</c>, float32 [batch, dim]. An export without one (only <c>pooler_output</c> or
    /// <c>last_hidden_state</c>, the hidden states before the projection) is refused: its cosines would be meaningless.
    /// </summary>
    public static string ProjectedEmbedding(GraphSignature signature, Families.Tower tower, string? manifestChoice)
    {
        var fileName = signature.FileName;
        if (manifestChoice is not null)
        {
            var chosen = signature.Outputs.FirstOrDefault(o => o.Name == manifestChoice)
                ?? throw new AroInputException($"{fileName}: aro-model.json names output '{manifestChoice}', which the graph does not have; found {signature.DescribeOutputs()}");
            return RequireEmbedding(chosen, fileName);
        }

        var preferred = tower == Families.Tower.Image ? "image_embeds" : "text_embeds";
        if (signature.Outputs.FirstOrDefault(o => o.Name == preferred) is { } named)
        {
            return RequireEmbedding(named, fileName);
        }

        var hidden = signature.Outputs.Where(o => o.Name is "pooler_output" or "last_hidden_state").Select(o => o.Name).ToList();
        var projection = tower == Families.Tower.Image ? "visual_projection" : "text_projection";
        throw new AroInputException(hidden.Count > 0
            ? $"{fileName}: no '{preferred}' output, only {string.Join(" and ", hidden)}: those are the tower's hidden states before {projection}, so scores would be meaningless. " +
              $"Export the graph with its projection (scripts/export_onnx.py writes '{preferred}'), or name the right output in aro-model.json ('{(tower == Families.Tower.Image ? "vision_output" : "text_output")}'). Found {signature.DescribeOutputs()}"
            : $"{fileName}: expected an output '{preferred}' float32 [batch, dim], found {signature.DescribeOutputs()}; name the embedding output in aro-model.json ('{(tower == Families.Tower.Image ? "vision_output" : "text_output")}')");
    }

    /// <summary>An output usable as an embedding: rank 2, float32 (or float16, as an fp16 export gives it).</summary>
    public static string RequireEmbedding(TensorSignature output, string fileName) =>
        output.Rank == 2 && output.ElementType is TensorElementType.Float or TensorElementType.Float16
            ? output.Name
            : throw new AroInputException($"{fileName}: output {output} should be float32 or float16 [batch, dim]");

    /// <summary>
    /// Copies the first <paramref name="take"/> rows of a [count, ...] float32 or float16 output into one float array
    /// per row (float16 widened exactly). <paramref name="take"/> is less than <paramref name="count"/> when a
    /// fixed-size batch was padded.
    /// </summary>
    public static float[][] ReadRows(OrtValue value, int count, string name, string fileName, int? take = null)
    {
        var info = value.GetTensorTypeAndShape();
        var shape = info.Shape;
        if (shape.Length < 2 || shape[0] != count)
        {
            throw new AroException($"{fileName}: output '{name}' has shape [{string.Join(", ", shape)}], expected [{count}, ...]");
        }

        var rows = new float[take ?? count][];
        if (info.ElementDataType == TensorElementType.Float16)
        {
            var half = value.GetTensorDataAsSpan<Float16>();
            var halfRow = half.Length / count;
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new float[halfRow];
                HalfValues.Widen(half.Slice(i * halfRow, halfRow), rows[i]);
            }

            return rows;
        }

        var data = value.GetTensorDataAsSpan<float>();
        var rowLength = data.Length / count;
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = data.Slice(i * rowLength, rowLength).ToArray();
        }

        return rows;
    }
}
