namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// ARO (Yuksekgonul, Bianchi, Kalluri, Jurafsky, Zou, ICLR 2023, "When and why vision-language models behave like
/// bags-of-words"): VG-Relation, VG-Attribution, COCO-Order and Flickr30k-Order, scored as the official code scores
/// them (README.md in this folder).
/// </summary>
public sealed class AroBenchmark : BenchmarkDefinition
{
    public static AroBenchmark Instance { get; } = new();

    private AroBenchmark()
    {
    }

    public override string Name => "aro";

    public override string Title => "ARO (Yuksekgonul et al., ICLR 2023)";

    /// <summary><c>all</c> meant these four before other benchmarks were registered, and still does.</summary>
    public override IReadOnlyList<string> Aliases => ["all"];

    public override IReadOnlyList<NativeSubset> Subsets { get; } =
        [VgRelationSubset.Instance, VgAttributionSubset.Instance, OrderSubset.Coco, OrderSubset.Flickr];

    /// <summary>
    /// Macro accuracy on VG-Relation and VG-Attribution, precision@1 on the Order subsets, as the paper and its authors
    /// report them.
    /// </summary>
    public override PublishedResults Published { get; } = new(
        "Yuksekgonul, Bianchi, Kalluri, Jurafsky, Zou: \"When and why vision-language models behave like bags-of-words, " +
        "and what to do about it?\", ICLR 2023 (macro accuracy on VG-Relation and VG-Attribution, precision@1 on the Order " +
        "subsets). CLIP ViT-B/32 and NegCLIP as the paper reports them (its Table 6, quoted by the authors in " +
        "github.com/mertyg/vision-language-models-are-bows issues #9 and #33); BLIP approximate, from the authors' rerun " +
        "(issue #17: VG-Relation 0.585) and a reproduction (issue #33: VG-Attribution 0.895 / 0.899), its Order numbers not " +
        "confirmed; chance by construction (2 options on VG, 5 on Order).",
        [
            Row("random chance", false, "2 options on VG, 5 on Order", 0.50, 0.50, 0.20, 0.20),
            Row("CLIP ViT-B/32", false, "paper, Table 6", 0.59, 0.62, 0.46, 0.59),
            Row("NegCLIP", false, "paper, Table 6", 0.81, 0.71, 0.86, 0.91),
            Row("BLIP", true, "authors' rerun and a reproduction", 0.59, 0.89, null, null),
        ]);

    private static PaperAnchor Row(string model, bool approximate, string note, double? relation, double? attribution, double? coco, double? flickr) =>
        PaperAnchor.Of(model, approximate, note,
            (VgRelationSubset.Instance.Name, relation), (VgAttributionSubset.Instance.Name, attribution),
            (OrderSubset.Coco.Name, coco), (OrderSubset.Flickr.Name, flickr));
}
