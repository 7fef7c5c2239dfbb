using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>A retrieval subset's rows, as its retrieval.csv holds them (for the console).</summary>
public sealed record RetrievalTable(SubsetDefinition Subset, IReadOnlyList<RetrievalRow> Rows);
