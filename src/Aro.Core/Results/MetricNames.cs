using Aro.Core.Metrics;

namespace Aro.Core.Results;

/// <summary>The short names tables and JSON give the metric of record.</summary>
public static class MetricNames
{
    public const string PrecisionAt1 = "p@1";
    public const string Macro = "macro";

    public static string Of(MetricOfRecord metric) => metric == MetricOfRecord.Micro ? PrecisionAt1 : Macro;
}
