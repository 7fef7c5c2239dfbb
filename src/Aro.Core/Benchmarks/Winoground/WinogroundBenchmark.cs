namespace Aro.Core.Benchmarks.Winoground;

/// <summary>
/// Winoground (Thrush, Jiang, Bartolo, Singh, Williams, Kiela, Ross, CVPR 2022, "Winoground: Probing Vision and Language
/// Models for Visio-Linguistic Compositionality"): 400 instances of two images and two captions made of the same words
/// in a different order, scored by text, image and group score (README.md in this folder).
/// </summary>
public sealed class WinogroundBenchmark : BenchmarkDefinition
{
    public static WinogroundSubset Subset { get; } = new();

    /// <summary>The paper's text, image and group scores (its table of results), as shares.</summary>
    public static IReadOnlyList<WinogroundAnchor> PublishedScores { get; } =
    [
        new("random chance", 0.25, 0.25, 1.0 / 6, "by construction: 1/4, 1/4 and 1/6"),
        new("CLIP ViT-B/32", 0.3075, 0.105, 0.08, "paper, results table"),
    ];

    // Declared after the subset and the scores: static initialisers run in text order, and the constructor reads them.
    public static WinogroundBenchmark Instance { get; } = new();

    private WinogroundBenchmark()
    {
    }

    public override string Name => "winoground";

    public override string Title => "Winoground (Thrush et al., CVPR 2022)";

    public override IReadOnlyList<NativeSubset> Subsets { get; } = [Subset];

    /// <summary>The group score (the metric of record) of <see cref="PublishedScores"/>.</summary>
    public override PublishedResults Published { get; } = new(
        "Thrush, Jiang, Bartolo, Singh, Williams, Kiela, Ross: \"Winoground: Probing Vision and Language Models for Visio-Linguistic " +
        "Compositionality\", CVPR 2022 (group score; CLIP ViT-B/32 text 30.75, image 10.50, group 8.00); chance by construction.",
        [.. PublishedScores.Select(a => PaperAnchor.Of(a.Model, false, a.Note, (Subset.Name, a.Group)))]);
}

/// <summary>A model's published Winoground scores, as shares.</summary>
public sealed record WinogroundAnchor(string Model, double Text, double Image, double Group, string Note);
