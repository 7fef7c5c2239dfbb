
namespace Aro.Core.Benchmarks;

/// <summary>A subset whose data is complete after <c>aro data pull</c>.</summary>
/// <param name="Subset">The subset.</param>
/// <param name="Folder">Where its data is.</param>
/// <param name="Cases">Cases in its annotation file.</param>
/// <param name="Images">Images its cases need (all present).</param>
/// <param name="Fetched">False when everything was already there and nothing was downloaded.</param>
public sealed record DataPullResult(SubsetDefinition Subset, string Folder, int Cases, int Images, bool Fetched);
