namespace Aro.Core.Data;

/// <summary>
/// Finds a subset's data folder: <c>--data DIR</c> when DIR holds the subset's annotation file, else
/// <c>DIR/&lt;subset&gt;</c>; without <c>--data</c>, <c>$ARO_DATA/&lt;subset&gt;</c> (default <c>data/&lt;subset&gt;</c>).
/// </summary>
public static class DataLocator
{
    public const string EnvironmentVariable = "ARO_DATA";

    public static string DataRoot =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } root ? root : "data";

    public static string Resolve(SubsetDefinition subset, string? data)
    {
        var candidates = data is null
            ? [Path.Combine(DataRoot, subset.Name)]
            : new[] { data, Path.Combine(data, subset.Name) };
        foreach (var candidate in candidates)
        {
            if (subset.NativeFile is null || File.Exists(Path.Combine(candidate, subset.NativeFile)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        var tried = string.Join(" or ", candidates.Select(c => Path.GetFullPath(Path.Combine(c, subset.NativeFile ?? ""))));
        throw new AroInputException(
            $"{subset.Title} data not found: expected {tried}. Download it with `aro data pull {subset.Name}` or pass --data DIR.");
    }
}
