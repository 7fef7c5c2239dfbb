using Aro.Core.Benchmarks;
using Aro.Core.Metrics;

namespace Aro.Core.Evaluation;

/// <summary>A pair-matching subset's scores table, as its scores.csv holds it (for the console).</summary>
public sealed record PairScoresTable(SubsetDefinition Subset, IReadOnlyList<PairScoreRow> Rows);
