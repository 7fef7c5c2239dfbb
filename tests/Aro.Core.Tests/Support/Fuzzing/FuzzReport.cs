using System.Globalization;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>What one fuzz target did with its inputs.</summary>
/// <param name="Target">What was fuzzed, e.g. <c>VgRelationReader</c>.</param>
/// <param name="Tried">Inputs run.</param>
/// <param name="Accepted">Inputs that loaded without error (a mutation can leave an input valid).</param>
/// <param name="CleanErrors">Inputs refused with a well-formed <see cref="AroException"/>.</param>
/// <param name="Failures">Everything else: other exceptions, bad messages, hangs, broken invariants.</param>
/// <param name="MaxAllocatedBytes">The most bytes one input allocated (process-wide, the suite runs alone).</param>
/// <param name="HeaviestInput">The input that allocated the most.</param>
/// <param name="SlowestTime">The longest one input took.</param>
/// <param name="SlowestInput">The input that took longest.</param>
/// <param name="Before">Memory before the first input.</param>
/// <param name="After">Memory after the last input.</param>
public sealed record FuzzReport(
    string Target,
    int Tried,
    int Accepted,
    int CleanErrors,
    IReadOnlyList<string> Failures,
    long MaxAllocatedBytes,
    string HeaviestInput,
    TimeSpan SlowestTime,
    string SlowestInput,
    MemorySnapshot Before,
    MemorySnapshot After)
{
    public long ManagedGrowth => After.ManagedBytes - Before.ManagedBytes;

    public long WorkingSetGrowth => After.WorkingSetBytes - Before.WorkingSetBytes;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Target}: {Tried} inputs tried, {Accepted} accepted, {CleanErrors} clean errors, {Failures.Count} failures; " +
        $"max allocation per input {Mb(MaxAllocatedBytes)} ({HeaviestInput}), slowest input {SlowestTime.TotalMilliseconds:F0} ms ({SlowestInput}); " +
        $"managed heap {Mb(Before.ManagedBytes)} -> {Mb(After.ManagedBytes)}, working set {Mb(Before.WorkingSetBytes)} -> {Mb(After.WorkingSetBytes)}");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MiB");
}
