namespace Aro.Core.Pipeline;

/// <summary>
/// Refuses embeddings that cannot be scored: one holding NaN or an infinity, or one whose norm is 0 (normalising leaves
/// it zero). Every cosine with such a vector is NaN or 0, and a prediction rule would then pick the first option, so a
/// broken graph would score as a perfect model on subsets whose first option is right. Applied where embeddings leave
/// the encoders (the case pipeline and the whole-image encoder of retrieval), before they are scored.
/// </summary>
internal static class EmbeddingCheck
{
    /// <summary>Why <paramref name="embedding"/> cannot be scored, or null when it can.</summary>
    public static string? Problem(ReadOnlySpan<float> embedding)
    {
        if (embedding.IsEmpty)
        {
            return "is empty (the graph gave 0 values)";
        }

        var zero = true;
        for (var i = 0; i < embedding.Length; i++)
        {
            var v = embedding[i];
            if (!float.IsFinite(v))
            {
                return $"holds {(float.IsNaN(v) ? "NaN" : v > 0 ? "+Infinity" : "-Infinity")} at element {i} of {embedding.Length}";
            }

            zero &= v == 0;
        }

        return zero ? $"is all zeros ({embedding.Length} values; its norm is 0)" : null;
    }

    /// <summary>The sentence an error or skip gives for a bad embedding of <paramref name="tower"/> ("image" or "text") from <paramref name="graph"/>.</summary>
    public static string Describe(string tower, string graph, string problem, string? caption = null) =>
        $"the {tower} embedding{(caption is null ? "" : $" of {caption}")} from {graph} {problem}: such an embedding has no direction, " +
        "so no score can be given (the graph or its export is broken, or its inputs are out of range)";
}
