namespace Aro.Core.Perturbations;

/// <summary>The names of <see cref="CaptionPerturbation"/> values as the official code spells them, and the <c>--perturbations</c> list.</summary>
public static class CaptionPerturbations
{
    /// <summary>Every perturbation, the original first, in the order result files list them.</summary>
    public static IReadOnlyList<CaptionPerturbation> All { get; } =
    [
        CaptionPerturbation.None,
        CaptionPerturbation.ShuffleAllWords,
        CaptionPerturbation.ShuffleNounsAndAdjectives,
        CaptionPerturbation.ShuffleAllButNounsAndAdjectives,
        CaptionPerturbation.ShuffleWithinTrigrams,
        CaptionPerturbation.ShuffleTrigrams,
    ];

    /// <summary>The official name, e.g. <c>shuffle_all_words</c> (<c>none</c> for the original).</summary>
    public static string Name(this CaptionPerturbation perturbation) => perturbation switch
    {
        CaptionPerturbation.None => "none",
        CaptionPerturbation.ShuffleAllWords => "shuffle_all_words",
        CaptionPerturbation.ShuffleNounsAndAdjectives => OrderPerturbation.ShuffleNounsAndAdjectives.Name(),
        CaptionPerturbation.ShuffleAllButNounsAndAdjectives => OrderPerturbation.ShuffleAllButNounsAndAdjectives.Name(),
        CaptionPerturbation.ShuffleWithinTrigrams => OrderPerturbation.ShuffleWithinTrigrams.Name(),
        CaptionPerturbation.ShuffleTrigrams => OrderPerturbation.ShuffleTrigrams.Name(),
        _ => throw new ArgumentOutOfRangeException(nameof(perturbation), perturbation, "not a caption perturbation"),
    };

    /// <summary>The Order perturbation that does the same shuffle, or null (<c>none</c>, <c>shuffle_all_words</c>).</summary>
    public static OrderPerturbation? AsOrder(this CaptionPerturbation perturbation) => perturbation switch
    {
        CaptionPerturbation.ShuffleNounsAndAdjectives => OrderPerturbation.ShuffleNounsAndAdjectives,
        CaptionPerturbation.ShuffleAllButNounsAndAdjectives => OrderPerturbation.ShuffleAllButNounsAndAdjectives,
        CaptionPerturbation.ShuffleWithinTrigrams => OrderPerturbation.ShuffleWithinTrigrams,
        CaptionPerturbation.ShuffleTrigrams => OrderPerturbation.ShuffleTrigrams,
        _ => null,
    };

    /// <summary>The perturbation named <paramref name="name"/> (ordinal), or null.</summary>
    public static CaptionPerturbation? Parse(string name) =>
        All.Cast<CaptionPerturbation?>().FirstOrDefault(p => string.Equals(p!.Value.Name(), name, StringComparison.Ordinal));

    /// <summary>
    /// A comma-separated list (<c>--perturbations</c>), in the order given, each once; an unknown name is an error naming
    /// the known ones.
    /// </summary>
    public static IReadOnlyList<CaptionPerturbation> ParseList(string text, string option = "--perturbations")
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<CaptionPerturbation>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var perturbation = Parse(part) ?? throw new AroInputException(
                $"{option}: unknown perturbation '{part}'.{NameSuggestions.DidYouMean(part, All.Select(p => p.Name()))} Known: {string.Join(", ", All.Select(p => p.Name()))}.");
            if (!result.Contains(perturbation))
            {
                result.Add(perturbation);
            }
        }

        return result.Count > 0 ? result : throw new AroInputException($"{option} names no perturbation. Known: {string.Join(", ", All.Select(p => p.Name()))}.");
    }
}
