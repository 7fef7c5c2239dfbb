namespace Aro.Core.Benchmarks.SugarCrepe;

/// <summary>
/// SugarCrepe (Hsieh, Zhang, Ma, Kembhavi, Krishna, NeurIPS 2023 Datasets and Benchmarks, "SugarCrepe: Fixing Hackable
/// Benchmarks for Vision-Language Compositionality"): seven subsets of COCO val2017 images, each case a positive caption
/// and one hard negative written to be fluent and plausible, so that a text-only model cannot solve them as it can ARO.
/// Scored as the official <c>main_eval.py</c> scores them (README.md in this folder).
/// </summary>
public sealed class SugarCrepeBenchmark : BenchmarkDefinition
{
    private SugarCrepeBenchmark()
    {
        Subsets =
        [
            AddAtt, AddObj, ReplaceAtt, ReplaceObj, ReplaceRel, SwapAtt, SwapObj,
        ];
        Averages =
        [
            new SubsetAverage("replace", "SugarCrepe REPLACE", [ReplaceObj.Name, ReplaceAtt.Name, ReplaceRel.Name]),
            new SubsetAverage("swap", "SugarCrepe SWAP", [SwapObj.Name, SwapAtt.Name]),
            new SubsetAverage("add", "SugarCrepe ADD", [AddObj.Name, AddAtt.Name]),
        ];
    }

    public static SugarCrepeSubset AddAtt { get; } = new("add_att", "ADD-att", 692, "012d88d729693d193760e6f3393b06a1cf874380a9db0062e937201199fe044d", 158_863);

    public static SugarCrepeSubset AddObj { get; } = new("add_obj", "ADD-obj", 2_062, "1b9d76b93139a937b8dc1ada92a4f05ecc821bb3c291d752428bafadd4bb0682", 484_593);

    public static SugarCrepeSubset ReplaceAtt { get; } = new("replace_att", "REPLACE-att", 788, "9fe55fd4c0a9ad1f85d486d9f6d0215b41f867eb025026e7f7b5ce44352545ee", 176_843);

    public static SugarCrepeSubset ReplaceObj { get; } = new("replace_obj", "REPLACE-obj", 1_652, "9d299600639947e9d15281a9ded1382b376cf4ea088a8d08a1314bfe76e81898", 361_126);

    public static SugarCrepeSubset ReplaceRel { get; } = new("replace_rel", "REPLACE-rel", 1_406, "356bcc2fc4c6aed3f4d9fd50acc58489bb1fe70c28791f9368d4cbf9ea39cdc9", 312_629);

    public static SugarCrepeSubset SwapAtt { get; } = new("swap_att", "SWAP-att", 666, "7a7ce04e5c4c80412b48c6f0c1347fb1a2f5d54c0be6aa429b64d390e442f8d0", 154_665);

    public static SugarCrepeSubset SwapObj { get; } = new("swap_obj", "SWAP-obj", 245, "073cdb8e253d053614e80710834d9773b09dbc1dd0a412f6f9492262caa1dcad", 57_569);

    // Declared after the subsets: static initialisers run in text order, and the constructor reads them.
    public static SugarCrepeBenchmark Instance { get; } = new();

    public override string Name => "sugarcrepe";

    public override string Title => "SugarCrepe (Hsieh et al., NeurIPS 2023)";

    public override IReadOnlyList<NativeSubset> Subsets { get; }

    public override IReadOnlyList<SubsetAverage> Averages { get; }

    /// <summary>
    /// The paper's pretrained-CLIP table (accuracy per subset) for OpenAI's ViT-B/32, the model most ARO numbers are
    /// read beside, and NegCLIP from its re-evaluation of NegCLIP; chance by construction (two options).
    /// </summary>
    public override PublishedResults Published { get; } = new(
        "Hsieh, Zhang, Ma, Kembhavi, Krishna: \"SugarCrepe: Fixing Hackable Benchmarks for Vision-Language Compositionality\", " +
        "NeurIPS 2023 Datasets and Benchmarks (accuracy per subset: its table of pretrained CLIP models for OpenAI ViT-B/32, " +
        "its re-evaluation of NegCLIP for NegCLIP); transcribed by hand from the paper, so check a number against it before " +
        "quoting it; chance by construction (2 options).",
        [
            Row("random chance", "2 options", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5),
            Row("CLIP ViT-B/32", "paper, pretrained CLIP models (OpenAI)", 0.909, 0.801, 0.692, 0.614, 0.640, 0.772, 0.682),
            Row("NegCLIP", "paper, re-evaluation of NegCLIP", 0.927, 0.859, 0.765, 0.752, 0.754, 0.888, 0.828),
        ]);

    private static PaperAnchor Row(string model, string note,
        double replaceObj, double replaceAtt, double replaceRel, double swapObj, double swapAtt, double addObj, double addAtt) =>
        PaperAnchor.Of(model, false, note,
            (ReplaceObj.Name, replaceObj), (ReplaceAtt.Name, replaceAtt), (ReplaceRel.Name, replaceRel),
            (SwapObj.Name, swapObj), (SwapAtt.Name, swapAtt), (AddObj.Name, addObj), (AddAtt.Name, addAtt));
}
