namespace Aro.Core.Results;

/// <summary>A model's weakest groups of a subset: the included groups with enough cases, lowest accuracy first.</summary>
public static class WorstGroups
{
    /// <summary>
    /// Up to <paramref name="take"/> included groups with at least <paramref name="minCases"/> cases, by accuracy
    /// ascending, then by count descending (a low accuracy over more cases is the surer finding), then by name.
    /// </summary>
    public static IReadOnlyList<GroupRow> Of(GroupTable table, int take, int minCases) =>
        [.. table.Groups
            .Where(g => g.Included && g.Count >= minCases)
            .OrderBy(g => g.Accuracy)
            .ThenByDescending(g => g.Count)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .Take(take)];
}
