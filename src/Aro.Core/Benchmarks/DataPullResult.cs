namespace Aro.Core.Benchmarks;

/// <summary>A subset whose data is complete after <c>aro data pull</c>.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Folder">Where its data is.</param>
/// <param name="Cases">Cases in its annotation files.</param>
/// <param name="Images">Images its cases need (all present).</param>
/// <param name="Fetched">False when everything was already there and nothing was downloaded.</param>
public sealed record DataPullResult(NativeSubset Subset, string Folder, int Cases, int Images, bool Fetched);

/// <summary>How <c>aro data pull</c> behaves.</summary>
/// <param name="KeepArchives">Keep downloaded image archives after unpacking them (default: delete them).</param>
/// <param name="HuggingFaceToken">A Hugging Face access token for gated datasets (Winoground), from <c>HF_TOKEN</c>; null when unset.</param>
public sealed record DataPullOptions(bool KeepArchives = false, string? HuggingFaceToken = null)
{
    /// <summary>Says whether a token is set, never the token.</summary>
    public override string ToString() =>
        $"DataPullOptions {{ KeepArchives = {KeepArchives}, HuggingFaceToken = {(HuggingFaceToken is null ? "unset" : "set")} }}";
}
