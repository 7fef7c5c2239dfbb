
namespace Aro.Core.Perturbations;

/// <summary>The names of <see cref="OrderPerturbation"/> values as ARO's code spells them (for reports and logs).</summary>
public static class OrderPerturbationNames
{
    /// <summary>All four perturbations in option order (option <c>i + 1</c> is <c>All[i]</c>).</summary>
    public static IReadOnlyList<OrderPerturbation> All { get; } =
    [
        OrderPerturbation.ShuffleNounsAndAdjectives,
        OrderPerturbation.ShuffleAllButNounsAndAdjectives,
        OrderPerturbation.ShuffleWithinTrigrams,
        OrderPerturbation.ShuffleTrigrams,
    ];

    /// <summary>ARO's function name, e.g. <c>shuffle_nouns_and_adj</c>.</summary>
    public static string Name(this OrderPerturbation perturbation) => perturbation switch
    {
        OrderPerturbation.ShuffleNounsAndAdjectives => "shuffle_nouns_and_adj",
        OrderPerturbation.ShuffleAllButNounsAndAdjectives => "shuffle_allbut_nouns_and_adj",
        OrderPerturbation.ShuffleWithinTrigrams => "shuffle_within_trigrams",
        OrderPerturbation.ShuffleTrigrams => "shuffle_trigrams",
        _ => throw new ArgumentOutOfRangeException(nameof(perturbation), perturbation, "not an Order perturbation"),
    };

    /// <summary>The perturbation named <paramref name="name"/> (ordinal), or null.</summary>
    public static OrderPerturbation? Parse(string name) =>
        All.Cast<OrderPerturbation?>().FirstOrDefault(p => string.Equals(p!.Value.Name(), name, StringComparison.Ordinal));
}
