using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Tests.Support;

/// <summary>An observer that records what it is told and draws nothing.</summary>
public sealed class NullEvalObserver : IEvalObserver
{
    public List<EvaluationProgress> Progress { get; } = [];

    public List<string> Warnings { get; } = [];

    public void ModelLoaded(IEvaluationModel model)
    {
    }

    public IProgress<EvaluationProgress> SubsetStarted(SubsetRun run) => new SyncProgress(Progress);

    public void SubsetFinished(SubsetRun run, SubsetSummary summary)
    {
    }

    public void Warn(string message) => Warnings.Add(message);

    private sealed class SyncProgress(List<EvaluationProgress> sink) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => sink.Add(value);
    }
}
