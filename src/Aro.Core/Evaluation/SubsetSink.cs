using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.Checkpoints;
using Aro.Core.Metrics;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// Receives one subset run's outcomes: rows into the partial predictions file, tallies into the group counts and the
/// subset's diagnostics, skipped cases into a list, and after every batch a checkpoint from which the run can resume.
/// </summary>
internal sealed class SubsetSink(
    PredictionsCsvWriter predictions,
    GroupTally tally,
    CaseDiagnostics? diagnostics,
    List<SkippedCase> skipped,
    CheckpointFolder checkpoints,
    string stem,
    string runKey,
    int casesDone) : ICaseSink
{
    public void Add(AroCase aroCase, CaseResult result)
    {
        predictions.Write(result);
        tally.Add(result.Group, result.Correct);
        diagnostics?.Add(aroCase, result.Prediction, result.Correct);
        casesDone++;
    }

    public void Skip(SkippedCase skippedCase)
    {
        skipped.Add(skippedCase);
        casesDone++;
    }

    public void BatchCompleted() => checkpoints.Save(stem, Checkpoint(complete: false));

    public SubsetCheckpoint Checkpoint(bool complete)
    {
        var length = predictions.Checkpoint();
        return new(runKey, casesDone, length, tally.Counts(), diagnostics?.Counts, [.. skipped], complete, predictions.RowsSha256);
    }
}
