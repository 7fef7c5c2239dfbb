
namespace Aro.Core.Metrics;

/// <summary>A group's running tally: cases seen and cases right.</summary>
public sealed record GroupCount(string Group, int Count, int Correct);
