
namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// The published ARO numbers aro's results are read beside (DESIGN.md §1 "paper anchors"): macro accuracy on
/// VG-Relation and VG-Attribution, precision@1 on COCO-Order and Flickr30k-Order. The one place these constants
/// live; reports print <see cref="Source"/> with them.
/// </summary>
public static class PaperAnchors
{
    /// <summary>The citation printed under every table that shows these numbers.</summary>
    public const string Source =
        "Yuksekgonul, Bianchi, Kalluri, Jurafsky, Zou: \"When and why vision-language models behave like bags-of-words, " +
        "and what to do about it?\", ICLR 2023 (macro accuracy on VG-Relation and VG-Attribution, precision@1 on the Order " +
        "subsets). CLIP ViT-B/32 and NegCLIP as the paper reports them (its Table 6, quoted by the authors in " +
        "github.com/mertyg/vision-language-models-are-bows issues #9 and #33); BLIP approximate, from the authors' rerun " +
        "(issue #17: VG-Relation 0.585) and a reproduction (issue #33: VG-Attribution 0.895 / 0.899), its Order numbers not " +
        "confirmed; chance by construction (2 options on VG, 5 on Order).";

    public static PaperAnchor Chance { get; } = Row("random chance", false, "2 options on VG, 5 on Order", 0.50, 0.50, 0.20, 0.20);

    public static PaperAnchor ClipVitB32 { get; } = Row("CLIP ViT-B/32", false, "paper, Table 6", 0.59, 0.62, 0.46, 0.59);

    public static PaperAnchor NegClip { get; } = Row("NegCLIP", false, "paper, Table 6", 0.81, 0.71, 0.86, 0.91);

    public static PaperAnchor Blip { get; } = Row("BLIP", true, "authors' rerun and a reproduction", 0.59, 0.89, null, null);

    /// <summary>The rows in the order reports print them.</summary>
    public static IReadOnlyList<PaperAnchor> All { get; } = [Chance, ClipVitB32, NegClip, Blip];

    private static PaperAnchor Row(string model, bool approximate, string note, double? relation, double? attribution, double? coco, double? flickr)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (subset, value) in new[]
                 {
                     (SubsetRegistry.RelationName, relation), (SubsetRegistry.AttributionName, attribution),
                     (SubsetRegistry.CocoOrderName, coco), (SubsetRegistry.FlickrOrderName, flickr),
                 })
        {
            if (value is { } v)
            {
                values[subset] = v;
            }
        }

        return new PaperAnchor(model, values, approximate, note);
    }
}
