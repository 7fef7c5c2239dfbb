using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Tests.Support;

/// <summary>An observer that cancels the run once a subset named <paramref name="subset"/> reports <paramref name="after"/> finished cases.</summary>
public sealed class CancellingObserver(CancellationTokenSource cancellation, string subset, int after) : IEvalObserver
{
    public List<string> Warnings { get; } = [];

    public void ModelLoaded(IEvaluationModel model)
    {
    }

    public IProgress<EvaluationProgress> SubsetStarted(SubsetRun started) => new Cancel(cancellation, subset, after);

    public void SubsetFinished(SubsetRun run, SubsetSummary summary)
    {
    }

    public void Warn(string message) => Warnings.Add(message);

    private sealed class Cancel(CancellationTokenSource cancellation, string subset, int after) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
            if (value.Subset == subset && value.Done >= after)
            {
                cancellation.Cancel();
            }
        }
    }
}
