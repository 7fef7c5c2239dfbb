using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks;

/// <summary>
/// The subset of a cases file whose records name no registered subset (no <c>subset</c> field, no known id
/// prefix): named after the file, every group included, macro accuracy over the groups, the first argmax.
/// </summary>
public sealed class CasesFileSubset(string name) : SubsetDefinition
{
    public override string Name => name;

    public override string Title => name;

    public override string IdPrefix => name;

    public override MetricOfRecord Metric => MetricOfRecord.MacroOverGroups;

    public override IGroupFilter GroupFilter => AllGroupsFilter.Instance;

    public override PredictionRule Prediction => PredictionRule.FirstArgmax;
}
