using Aro.Core.IO;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.IO;

/// <summary>
/// Concurrent runs on one folder: eight threads at a time race for the same folder, 60 rounds, each holder
/// releasing at a random moment while others still try. At no moment do two hold it; every loser gets the clean
/// refusal (exit 2) naming the holder, never another exception.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class FolderLockRaceTests
{
    [Fact]
    public async Task At_most_one_of_many_racing_acquirers_holds_the_folder()
    {
        using var temp = new TempDirectory();
        var holders = 0;
        var maxHolders = 0;
        var wins = 0;
        var refusals = 0;
        var problems = new List<string>();
        for (var round = 0; round < 60; round++)
        {
            using var start = new Barrier(8);
            var racers = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    using var held = FolderLock.Acquire(temp.Path, $"racer {i}");
                    var now = Interlocked.Increment(ref holders);
                    InterlockedMax(ref maxHolders, now);
                    Interlocked.Increment(ref wins);
                    Thread.SpinWait(Random.Shared.Next(20_000));
                    Interlocked.Decrement(ref holders);
                }
                catch (AroInputException ex) when (ex.ExitCode == 2 && ex.Message.Contains(" is in use by ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref refusals);
                }
                catch (Exception ex)
                {
                    lock (problems)
                    {
                        problems.Add($"{ex.GetType().Name}: {ex.Message}");
                    }
                }
            }));
            await Task.WhenAll(racers);
        }

        Assert.Empty(problems);
        Assert.Equal(1, maxHolders);
        Assert.Equal(60 * 8, wins + refusals);
        Assert.True(wins >= 60, $"{wins} wins in 60 rounds");
        Assert.False(File.Exists(Path.Combine(temp.Path, FolderLock.FileName)));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
