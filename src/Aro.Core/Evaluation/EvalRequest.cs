using Aro.Core.Cases;
using Aro.Core.Models;
using Aro.Core.Pipeline;

namespace Aro.Core.Evaluation;

/// <summary>Everything <c>aro eval</c> was asked to do.</summary>
/// <param name="Model">A model name (under models/) or a package folder.</param>
/// <param name="Subset">A subset name, <c>all</c>, or a cases .jsonl path.</param>
/// <param name="Data">The <c>--data</c> folder, if given.</param>
/// <param name="Out">The results folder; default <c>results/&lt;model&gt;</c>.</param>
/// <param name="Settings">Batch size, limit, preprocessing threads.</param>
/// <param name="Runtime">ONNX Runtime device and threads.</param>
/// <param name="Scoring">Overrides the package's scoring when set.</param>
/// <param name="Seeds">Seeds of generated Order perturbations (default: 1); each Order subset runs once per seed.</param>
/// <param name="Cache">Embedding cache: a folder, or null for the default location.</param>
/// <param name="NoCache">Neither read nor write the persistent embedding cache.</param>
/// <param name="AllowSkips">With <c>--on-error skip</c>, skipped cases do not make the run fail.</param>
/// <param name="Shard">Evaluate only this shard of every subset (<c>--shard i/n</c>).</param>
/// <param name="Resume">Continue an interrupted run from its checkpoints in the results folder.</param>
public sealed record EvalRequest(
    string Model,
    string Subset,
    string? Data,
    string? Out,
    EvaluationSettings Settings,
    RuntimeOptions Runtime,
    ScoringMode? Scoring = null,
    IReadOnlyList<int>? Seeds = null,
    string? Cache = null,
    bool NoCache = false,
    bool AllowSkips = false,
    Shard? Shard = null,
    bool Resume = false)
{
    public IReadOnlyList<int> EffectiveSeeds => Seeds is { Count: > 0 } seeds ? seeds : [1];
}
