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

    /// <summary>An output usable as an embedding: rank 2, float32.</summary>
    public static string RequireEmbedding(TensorSignature output, string fileName) =>
        output.Rank == 2 && output.ElementType == TensorElementType.Float
            ? output.Name
            : throw new AroInputException($"{fileName}: output {output} should be float32 [batch, dim]");

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
