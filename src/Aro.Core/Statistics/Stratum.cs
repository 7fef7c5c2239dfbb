namespace Aro.Core.Statistics;

/// <summary>One group's cases in one run: how many, how many right, and whether the group counts toward macro accuracy.</summary>
/// <param name="Group">The group key (relation, attribute pair); groups are resampled in ordinal order of this key.</param>
/// <param name="Count">Cases in the group (at least 1).</param>
/// <param name="Correct">Cases predicted right.</param>
/// <param name="Included">Whether the subset's filter counts the group toward macro accuracy.</param>
public readonly record struct Stratum(string Group, int Count, int Correct, bool Included);
