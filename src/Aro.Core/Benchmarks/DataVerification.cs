namespace Aro.Core.Benchmarks;

/// <summary>What <c>aro data verify</c> found for one subset.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Folder">The folder checked (where the data was found, or where it was expected).</param>
/// <param name="AnnotationFile">The annotation file, if found.</param>
/// <param name="Problem">Why the annotation file could not be used (absent, malformed), or null.</param>
/// <param name="Cases">Cases in the annotation file.</param>
/// <param name="Images">Distinct images the cases need.</param>
/// <param name="Missing">Needed images that are not there.</param>
/// <param name="Undecodable">With <c>--deep</c>: images present that do not decode, or that lie outside the data folder, with the reason.</param>
/// <param name="Deep">Whether images were decoded.</param>
public sealed record DataVerification(
    NativeSubset Subset,
    string Folder,
    string? AnnotationFile,
    string? Problem,
    int Cases,
    int Images,
    IReadOnlyList<string> Missing,
    IReadOnlyList<(string Image, string Reason)> Undecodable,
    bool Deep)
{
    /// <summary>True when the annotation file parses and every image it needs is there (and decodes, with <see cref="Deep"/>).</summary>
    public bool Complete => Problem is null && Missing.Count == 0 && Undecodable.Count == 0;

    /// <summary>True when the case count differs from the official files'.</summary>
    public bool CountDiffers => Problem is null && Subset.OfficialCases is { } official && official != Cases;
}
