using System.Text.Json;
using Aro.Core.Cases;
using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// VG-Relation and VG-Attribution: one record per case in a JSON list, options <c>[false, true]</c> with label 1,
/// the image cropped to the record's box, macro accuracy over the groups the paper keeps. Both live in one folder
/// (<c>vg/</c>, the official layout) and share its <c>images/</c>.
/// </summary>
public abstract class VgSubset : NativeSubset
{
    /// <summary>The folder, under the data folder, where the VG images live.</summary>
    public const string ImageFolder = "images";

    /// <summary>The folder under a data root that holds both VG subsets (where <c>aro data pull</c> puts them).</summary>
    public const string SharedFolder = "vg";

    public override MetricOfRecord Metric => MetricOfRecord.MacroOverGroups;

    public override PredictionRule Prediction => PredictionRule.FirstArgmax;

    public override double? Chance => 0.5;

    public override ICaseReader OpenReader(string folder, int seed) => new VgJsonReader(this, folder);

    public override async Task<SubsetAnnotations> ScanAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(Path.Combine(folder, Data.MarkerFile));
        if (!File.Exists(path))
        {
            throw new AroInputException($"{Title} annotations not found: {path}");
        }

        var builder = new SubsetAnnotations.Builder(path);
        await foreach (var (record, at) in JsonRecordList.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            builder.AddImage($"{ImageFolder}/{JsonFields.RequireString(record, "image_path", at)}");
            builder.AddCases(1);
        }

        return builder.Build();
    }

    /// <summary>The group key of a record: the relation name, or the attribute pair.</summary>
    public abstract string ReadGroup(JsonElement record, RecordLocation at);
}

/// <summary>VG-Relation: <c>visual_genome_relation.json</c>; group = <c>relation_name</c>; 157 relations excluded.</summary>
public sealed class VgRelationSubset : VgSubset
{
    public static VgRelationSubset Instance { get; } = new();

    public override string Name => "relation";

    public override string Title => "VG-Relation";

    public override string IdPrefix => "vg-relation";

    public override IGroupFilter GroupFilter => ExcludedRelationsFilter.Instance;

    public override DataLayout Data { get; } = new(["relation", SharedFolder], "visual_genome_relation.json");

    public override int? OfficialCases => 23_937;

    public override IDataSource Source { get; } = new VgDataSource(AroDataSources.RelationDriveId);

    public override string ReadGroup(JsonElement record, RecordLocation at) => JsonFields.RequireString(record, "relation_name", at);
}

/// <summary>VG-Attribution: <c>visual_genome_attribution.json</c>; group = <c>{attributes[0]}_{attributes[1]}</c>; pairs under 25 cases excluded.</summary>
public sealed class VgAttributionSubset : VgSubset
{
    public static VgAttributionSubset Instance { get; } = new();

    public override string Name => "attribution";

    public override string Title => "VG-Attribution";

    public override string IdPrefix => "vg-attribution";

    public override IGroupFilter GroupFilter { get; } = new MinimumCountFilter(25);

    public override DataLayout Data { get; } = new(["attribution", SharedFolder], "visual_genome_attribution.json");

    public override int? OfficialCases => 28_748;

    public override IDataSource Source { get; } = new VgDataSource(AroDataSources.AttributionDriveId);

    public override string ReadGroup(JsonElement record, RecordLocation at)
    {
        var attributes = JsonFields.RequireStringArray(record, "attributes", at);
        if (attributes.Count != 2)
        {
            throw at.Error("attributes", $"must hold 2 attributes, found {attributes.Count}");
        }

        return $"{attributes[0]}_{attributes[1]}";
    }
}
