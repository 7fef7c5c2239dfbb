using Aro.Core.Caching;
using Aro.Core.Models;
using Aro.Core.Pipeline;

namespace Aro.Core.Evaluation;

/// <summary>What the runs of retrieval and pair-matching subsets share with the rest of one <c>aro eval</c>.</summary>
/// <param name="Request">The request.</param>
/// <param name="Model">The loaded model.</param>
/// <param name="Pipeline">The run's case pipeline (pair-matching subsets go through it).</param>
/// <param name="Store">The run's embedding store.</param>
/// <param name="OutDir">The results folder.</param>
/// <param name="Observer">Progress and warnings.</param>
internal sealed record ShapedRunContext(EvalRequest Request, IEvaluationModel Model, EvaluationPipeline Pipeline, EmbeddingStore Store, string OutDir, IEvalObserver Observer)
{
    private RetrievalEvaluator? _retrieval;

    /// <summary>One retrieval evaluator for every retrieval subset of the run (made when the first needs it).</summary>
    public RetrievalEvaluator Retrieval => _retrieval ??= RetrievalEvaluator.Create(Model, Request.Settings, Store, Model.Fingerprint);

    /// <summary>What the retrieval evaluator encoded (none when no retrieval subset ran).</summary>
    public Results.EncoderCalls RetrievalCalls => _retrieval?.Calls ?? Results.EncoderCalls.None;
}
