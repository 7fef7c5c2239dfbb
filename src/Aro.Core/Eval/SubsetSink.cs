using Aro.Core.Reports;

namespace Aro.Core.Eval;

/// <summary>Streams a subset's results into its predictions file and keeps its skipped cases.</summary>
internal sealed class SubsetSink(PredictionsCsvWriter predictions) : ICaseSink
{
    public List<SkippedCase> Skipped { get; } = [];

    public void Add(CaseResult result) => predictions.Write(result);

    public void Skip(SkippedCase skipped) => Skipped.Add(skipped);
}
