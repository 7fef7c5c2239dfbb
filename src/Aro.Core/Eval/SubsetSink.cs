using Aro.Core.Data;
using Aro.Core.Reports;

namespace Aro.Core.Eval;

/// <summary>Streams a subset's results into its predictions file, keeps its skipped cases and its diagnostics.</summary>
internal sealed class SubsetSink(PredictionsCsvWriter predictions, OrderDiagnostics? diagnostics) : ICaseSink
{
    public List<SkippedCase> Skipped { get; } = [];

    public OrderDiagnostics? Diagnostics => diagnostics;

    public void Add(AroCase aroCase, CaseResult result)
    {
        predictions.Write(result);
        diagnostics?.Add(aroCase, result);
    }

    public void Skip(SkippedCase skipped) => Skipped.Add(skipped);
}
