using Aro.Core.Metrics;

namespace Aro.Core.Results;

/// <summary>One instance of a pair-matching subset (Winoground) as its predictions file lists it.</summary>
/// <param name="Index">Its position in the file.</param>
/// <param name="Id">The dataset's id.</param>
/// <param name="Group">Its group (<c>collapsed_tag</c>).</param>
/// <param name="Scores">Its four scores, and from them its outcomes.</param>
public sealed record PairMatchResult(int Index, string Id, string Group, PairScores Scores);
