using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>The result of one retrieval or pair-matching subset: its summary.csv row, its run.json entry and its table.</summary>
internal sealed record ShapedSubsetResult(SubsetSummary Summary, RunSubset Manifest, RetrievalTable? Retrieval = null, PairScoresTable? Pairs = null);
