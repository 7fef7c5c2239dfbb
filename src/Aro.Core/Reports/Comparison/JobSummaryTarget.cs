namespace Aro.Core.Reports.Comparison;

/// <summary>A file a Markdown job summary goes to.</summary>
/// <param name="Path">The file.</param>
/// <param name="Append">True to append (GitHub's step summary collects what every command of a step adds);
/// false to write the file anew.</param>
public sealed record JobSummaryTarget(string Path, bool Append);
