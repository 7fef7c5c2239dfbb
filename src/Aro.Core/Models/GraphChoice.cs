namespace Aro.Core.Models;

/// <summary>A graph file the package loader chose and the file variant it is.</summary>
/// <param name="Path">The graph.</param>
/// <param name="Variant">Its variant.</param>
internal sealed record GraphChoice(string Path, GraphVariant Variant);
