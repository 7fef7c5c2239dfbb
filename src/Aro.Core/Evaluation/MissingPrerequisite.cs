using Aro.Core.Benchmarks;
using Aro.Core.Models;

namespace Aro.Core.Evaluation;

/// <summary>Something <c>aro eval</c> needs that is not on disk, and the command that gets it.</summary>
/// <param name="Problem">What is missing and where it was looked for.</param>
/// <param name="Command">The command that fetches (or, for export-only models, builds) it.</param>
/// <param name="Model">The catalog model, when it is the model that is missing.</param>
/// <param name="Subset">The subset, when it is data that is missing.</param>
public sealed record MissingPrerequisite(string Problem, string Command, CatalogModel? Model, SubsetDefinition? Subset)
{
    /// <summary>True when <c>--pull</c> can fetch it (data, or a model with a download).</summary>
    public bool Pullable => Subset is not null || Model?.Download is not null;
}
