using Aro.Core.Benchmarks.Aro;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks;

/// <summary>
/// The one place that names the ARO subsets. Every name the command line accepts resolves here.
/// </summary>
public static class SubsetRegistry
{
    public const string RelationName = "relation";
    public const string AttributionName = "attribution";
    public const string CocoOrderName = "coco-order";
    public const string FlickrOrderName = "flickr-order";
    public const string AllName = "all";

    /// <summary>The folder (under the data root) that holds both VG subsets and their shared images.</summary>
    public const string VgFolder = "vg";

    public static SubsetDefinition Relation { get; } = new(
        RelationName, "VG-Relation", "vg-relation", MetricOfRecord.MacroOverGroups,
        ExcludedRelationsFilter.Instance, "visual_genome_relation.json")
    {
        SharedFolder = VgFolder,
        OfficialCases = 23_937,
    };

    public static SubsetDefinition Attribution { get; } = new(
        AttributionName, "VG-Attribution", "vg-attribution", MetricOfRecord.MacroOverGroups,
        new MinimumCountFilter(25), "visual_genome_attribution.json")
    {
        SharedFolder = VgFolder,
        OfficialCases = 28_748,
    };

    public static SubsetDefinition CocoOrder { get; } = new(
        CocoOrderName, "COCO-Order", "coco-order", MetricOfRecord.Micro,
        AllGroupsFilter.Instance, "coco_karpathy_test.json")
    {
        OfficialCases = 25_010,
    };

    public static SubsetDefinition FlickrOrder { get; } = new(
        FlickrOrderName, "Flickr30k-Order", "flickr-order", MetricOfRecord.Micro,
        AllGroupsFilter.Instance, "flickr30k_test.json")
    {
        OfficialCases = 5_000,
    };

    /// <summary>The four subsets in the paper's column order.</summary>
    public static IReadOnlyList<SubsetDefinition> All { get; } = [Relation, Attribution, CocoOrder, FlickrOrder];

    /// <summary>Finds a subset by its command-line name (ordinal, case-sensitive).</summary>
    public static SubsetDefinition? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>The subset whose case ids start with <paramref name="id"/>'s prefix, if any.</summary>
    public static SubsetDefinition? FromCaseId(string id) =>
        All.FirstOrDefault(s => id.StartsWith(s.IdPrefix + "-", StringComparison.Ordinal));

    /// <summary>
    /// A subset for a cases file whose ids carry no known prefix: every group included, macro over groups.
    /// </summary>
    public static SubsetDefinition ForCasesFile(string name) =>
        new(name, name, name, MetricOfRecord.MacroOverGroups, AllGroupsFilter.Instance, null);

    /// <summary>The names <c>--subset</c> accepts besides a path to a cases file.</summary>
    public static IReadOnlyList<string> CommandLineNames { get; } = [.. All.Select(s => s.Name), AllName];
}
