using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.Models;
using Aro.Core.Pipeline;

namespace Aro.Core.Evaluation;

/// <summary>Everything <c>aro eval</c> was asked to do.</summary>
/// <param name="Model">A model name (under models/) or a package folder.</param>
/// <param name="Subset">The <c>--subset</c> argument: subset and benchmark names, cases .jsonl paths (see <see cref="SubsetSelection"/>).</param>
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
/// <param name="Paths">The default folders (models, data, cache), resolved from the environment by the caller.</param>
/// <param name="Force">Replace another run's results in the folder instead of refusing (see <see cref="ResultsFolderPlan"/>).</param>
/// <param name="CommandLine">The command line, for run.json.</param>
/// <param name="Variant">The graphs' file variant (<c>--variant</c>: fp32, fp16, quantized, ...); null: the manifest's, else fp32, else the only one there.</param>
/// <param name="Retrieval">Perturbations of the retrieval subsets (default: every caption perturbation, no image perturbation).</param>
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
    bool Resume = false,
    AroPaths? Paths = null,
    bool Force = false,
    IReadOnlyList<string>? CommandLine = null,
    string? Variant = null,
    RetrievalOptions? Retrieval = null)
{
    public IReadOnlyList<int> EffectiveSeeds => Seeds is { Count: > 0 } seeds ? seeds : [1];

    /// <summary>The folders to use: <see cref="Paths"/>, or the process environment's when none were given.</summary>
    public AroPaths EffectivePaths => Paths ?? AroPaths.FromEnvironment();
}
