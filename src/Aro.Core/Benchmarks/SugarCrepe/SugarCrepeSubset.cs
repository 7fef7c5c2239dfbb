using Aro.Core.Cases;
using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks.SugarCrepe;

/// <summary>
/// One SugarCrepe subset: the official <c>&lt;part&gt;.json</c> (<c>{"&lt;id&gt;": {"filename", "caption",
/// "negative_caption"}}</c>) beside COCO's <c>val2017/</c>. Case id = the JSON key; options
/// <c>[caption, negative_caption]</c>, label 0; the caption must score strictly higher, so a tie counts wrong as in
/// <c>main_eval.py</c> (CLIP_benchmark's argmax and MTEB count it right); accuracy over all cases, one group.
/// </summary>
public sealed class SugarCrepeSubset : NativeSubset
{
    /// <summary>The folder, under the data folder, holding COCO's val2017 images.</summary>
    public const string ImageFolder = "val2017";

    /// <summary>The folder under a data root that holds SugarCrepe.</summary>
    public const string Folder = "sugarcrepe";

    internal SugarCrepeSubset(string part, string title, int officialCases, string sha256, long size)
    {
        Part = part;
        Name = "sugarcrepe-" + part.Replace('_', '-');
        Title = "SugarCrepe " + title;
        Data = new DataLayout([Folder], part + ".json");
        OfficialCases = officialCases;
        Sha256 = sha256;
        Size = size;
    }

    /// <summary>The official file's stem (<c>add_att</c>).</summary>
    public string Part { get; }

    /// <summary>The SHA-256 of the official file at the pinned commit (<see cref="SugarCrepeDataSource.Commit"/>).</summary>
    public string Sha256 { get; }

    /// <summary>Its size in bytes at that commit.</summary>
    public long Size { get; }

    public override string Name { get; }

    public override string Title { get; }

    public override string IdPrefix => Name;

    public override MetricOfRecord Metric => MetricOfRecord.Accuracy;

    public override IGroupFilter GroupFilter => AllGroupsFilter.Instance;

    public override PredictionRule Prediction => PredictionRule.LabelStrictlyHighest;

    public override double? Chance => 0.5;

    public override DataLayout Data { get; }

    public override int? OfficialCases { get; }

    public override IDataSource Source => SugarCrepeDataSource.Instance;

    /// <summary>Case ids are the official JSON keys, which do not name the subset.</summary>
    public override bool IdsNameTheSubset => false;

    public override ICaseReader OpenReader(string folder, int seed) => new SugarCrepeReader(this, folder);

    public override async Task<SubsetAnnotations> ScanAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(Path.Combine(folder, Data.MarkerFile));
        if (!File.Exists(path))
        {
            throw new AroInputException($"{Title} annotations not found: {path}");
        }

        var builder = new SubsetAnnotations.Builder(path);
        await foreach (var (_, record, at) in JsonRecordMap.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            builder.AddImage($"{ImageFolder}/{JsonFields.RequirePath(record, "filename", at)}");
            builder.AddCases(1);
        }

        return builder.Build();
    }
}
