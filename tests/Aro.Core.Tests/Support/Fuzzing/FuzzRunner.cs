using System.Diagnostics;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// Runs a fuzz target over its inputs, one at a time, each on the thread pool with a time limit, and sorts every
/// outcome: accepted (the code under test returned; <c>attempt</c> checks what it returned), a clean error (an
/// <see cref="AroException"/> that <c>judge</c> finds well-formed), or a failure (any other exception, a message
/// <c>judge</c> rejects, a broken invariant, or no result within <see cref="PerInputLimit"/>).
/// </summary>
public static class FuzzRunner
{
    /// <summary>Every input here is at most a few hundred kilobytes; anything slower than this is a hang.</summary>
    public static TimeSpan PerInputLimit { get; } = TimeSpan.FromSeconds(5);

    /// <param name="target">The name reported for this target.</param>
    /// <param name="inputs">The inputs, generated lazily.</param>
    /// <param name="attempt">Runs one input; returns null when the result is sound, else what is wrong with it.</param>
    /// <param name="judge">Returns null when an error is clean, else what is wrong with its message.</param>
    /// <param name="limit">The time one input may take; <see cref="PerInputLimit"/> by default.</param>
    public static async Task<FuzzReport> RunAsync(
        string target,
        IEnumerable<FuzzInput> inputs,
        Func<FuzzInput, Task<string?>> attempt,
        Func<FuzzInput, AroException, string?> judge,
        TimeSpan? limit = null)
    {
        var timeLimit = limit ?? PerInputLimit;
        var before = MemorySnapshot.Take();
        var failures = new List<string>();
        int tried = 0, accepted = 0, clean = 0;
        long maxAllocated = 0;
        var slowest = TimeSpan.Zero;
        string heaviestInput = "", slowestInput = "";
        foreach (var input in inputs)
        {
            tried++;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var clock = Stopwatch.StartNew();
            var task = Task.Run(() => attempt(input));
            var finished = await Task.WhenAny(task, Task.Delay(timeLimit)).ConfigureAwait(false) == task;
            clock.Stop();
            if (clock.Elapsed > slowest)
            {
                (slowest, slowestInput) = (clock.Elapsed, input.ToString());
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            if (allocated > maxAllocated)
            {
                (maxAllocated, heaviestInput) = (allocated, input.ToString());
            }

            if (!finished)
            {
                failures.Add($"{input}: no result within {timeLimit.TotalSeconds} s (hang)");
                continue;
            }

            if (task.IsCompletedSuccessfully)
            {
                if (task.Result is { } broken)
                {
                    failures.Add($"{input}: accepted, but {broken}");
                }
                else
                {
                    accepted++;
                }

                continue;
            }

            var error = task.Exception!.InnerException!;
            if (error is AroException aro)
            {
                if (judge(input, aro) is { } bad)
                {
                    failures.Add($"{input}: {bad}: {aro.Message}");
                }
                else
                {
                    clean++;
                }

                continue;
            }

            failures.Add($"{input}: {error.GetType().Name}: {error.Message} at {FirstFrame(error)}");
        }

        return new FuzzReport(target, tried, accepted, clean, failures, maxAllocated, heaviestInput, slowest, slowestInput, before, MemorySnapshot.Take());
    }

    /// <summary>A judge for errors that must name <paramref name="fileName"/> and, optionally, where in it.</summary>
    public static Func<FuzzInput, AroException, string?> MustName(string fileName, params string[] anyOf) => (_, error) =>
    {
        if (!error.Message.Contains(fileName, StringComparison.Ordinal))
        {
            return $"the message does not name {fileName}";
        }

        if (anyOf.Length > 0 && !anyOf.Any(part => error.Message.Contains(part, StringComparison.Ordinal)))
        {
            return $"the message names none of {string.Join(", ", anyOf)}";
        }

        return null;
    };

    private static string FirstFrame(Exception error) =>
        error.StackTrace?.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no stack)";
}
