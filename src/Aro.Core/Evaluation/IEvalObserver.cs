using Aro.Core.Benchmarks;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>What an evaluation tells its caller as it goes (the CLI draws progress bars and tables from it).</summary>
public interface IEvalObserver
{
    void ModelLoaded(IEvaluationModel model);

    /// <summary>A subset starts; the returned progress sink receives its case counts.</summary>
    IProgress<EvaluationProgress> SubsetStarted(SubsetDefinition subset);

    void SubsetFinished(SubsetSummary summary);

    /// <summary>Something the user should know that does not stop the run (e.g. a corrupt cache file was ignored).</summary>
    void Warn(string message);
}
