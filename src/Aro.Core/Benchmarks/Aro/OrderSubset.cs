using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// COCO-Order and Flickr30k-Order: every caption of a Karpathy test split is one case whose options are the original
/// and its four perturbations (generated here, seeded), label 0, precision@1 over all cases. A tie goes to the
/// first option, the original, so it counts right.
/// </summary>
public sealed class OrderSubset : NativeSubset
{
    public static OrderSubset Coco { get; } = new(
        "coco-order", "COCO-Order", "coco_karpathy_test.json", 25_010, new KarpathyDataSource(KarpathyDataSource.Coco));

    public static OrderSubset Flickr { get; } = new(
        "flickr-order", "Flickr30k-Order", "flickr30k_test.json", 5_000, new KarpathyDataSource(KarpathyDataSource.Flickr));

    private OrderSubset(string name, string title, string splitFile, int officialCases, IDataSource source)
    {
        Name = name;
        Title = title;
        Data = new DataLayout([name], splitFile);
        OfficialCases = officialCases;
        Source = source;
    }

    public override string Name { get; }

    public override string Title { get; }

    public override string IdPrefix => Name;

    public override MetricOfRecord Metric => MetricOfRecord.PrecisionAt1;

    public override IGroupFilter GroupFilter => AllGroupsFilter.Instance;

    public override PredictionRule Prediction => PredictionRule.FirstArgmax;

    public override DiagnosticsDefinition Diagnostics => OrderDiagnostics.Definition;

    public override double? Chance => 1.0 / (OrderPerturbationNames.All.Count + 1);

    public override DataLayout Data { get; }

    public override int? OfficialCases { get; }

    public override bool UsesSeed => true;

    public override IDataSource Source { get; }

    public override ICaseReader OpenReader(string folder, int seed) => new KarpathySplitReader(this, folder, seed);

    public override Task<SubsetAnnotations> ScanAsync(string folder, CancellationToken cancellationToken = default) =>
        KarpathySplitReader.ScanAsync(Title, Path.Combine(folder, Data.MarkerFile), cancellationToken);
}
