namespace Aro.Core.Models;

/// <summary>
/// The batch axis (axis 0) of a graph's inputs as its metadata declares it. A graph exported with a fixed batch
/// (<c>[1, 3, 224, 224]</c>) fails inside ONNX Runtime on any other batch size, so the encoders run it in calls of
/// exactly that size, padding the last call and dropping the padded rows: every case's embedding is the same as in a
/// graph with a dynamic batch (rows of these encoders do not see each other).
/// </summary>
internal static class BatchAxis
{
    /// <summary>
    /// The fixed batch size of <paramref name="signature"/>'s inputs, or null when it is dynamic. Inputs that fix
    /// different sizes cannot be fed at all and are refused.
    /// </summary>
    public static int? Fixed(GraphSignature signature)
    {
        var fixedSizes = signature.Inputs.Where(i => i.Rank > 0 && !i.IsDynamic(0)).Select(i => i.Dimensions[0]).Distinct().ToList();
        return fixedSizes.Count switch
        {
            0 => null,
            1 => fixedSizes[0],
            _ => throw new AroInputException(
                $"{signature.FileName}: the inputs fix different batch sizes ({signature.DescribeInputs()}); re-export the graph with one batch axis, preferably dynamic"),
        };
    }
}
