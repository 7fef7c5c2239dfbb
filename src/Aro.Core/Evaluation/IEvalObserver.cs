using Aro.Core.Benchmarks;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>What an evaluation tells its caller as it goes (the CLI draws progress bars and tables from it).</summary>
public interface IEvalObserver
{
    void ModelLoaded(IEvaluationModel model);

    /// <summary>A subset run (one seed of a seeded subset) starts; the returned progress sink receives its case counts.</summary>
    IProgress<EvaluationProgress> SubsetStarted(SubsetRun run);

    /// <summary>A subset run is done (or was done already, when resuming).</summary>
    void SubsetFinished(SubsetRun run, SubsetSummary summary);

    /// <summary>Something the user should know that does not stop the run (e.g. a corrupt cache file was ignored).</summary>
    void Warn(string message);

    /// <summary>Something worth saying that is not a problem (e.g. an earlier run's subsets are kept beside this run's).</summary>
    void Note(string message)
    {
    }
}
