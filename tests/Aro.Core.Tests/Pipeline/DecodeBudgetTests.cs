using Aro.Core.Pipeline;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>
/// The decode budget grants bytes first come, first served: what fits is granted at once, what does not waits for
/// releases (also behind an earlier waiter), and a request above the whole budget runs alone. Checked through the
/// completion state of the waits, never through timing.
/// </summary>
public sealed class DecodeBudgetTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public async Task Requests_that_fit_are_granted_at_once_and_one_that_does_not_waits_for_a_release()
    {
        var budget = new DecodeBudget(10 * MiB);
        using var first = await budget.AcquireAsync(4 * MiB, CancellationToken.None);
        using var second = await budget.AcquireAsync(6 * MiB, CancellationToken.None);

        var third = budget.AcquireAsync(1 * MiB, CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public async Task A_request_above_the_budget_waits_for_everything_to_be_released_and_then_runs_alone()
    {
        var budget = new DecodeBudget(10 * MiB);
        var small = await budget.AcquireAsync(1 * MiB, CancellationToken.None);

        var huge = budget.AcquireAsync(500 * MiB, CancellationToken.None).AsTask();
        Assert.False(huge.IsCompleted);

        // First come, first served: a small request behind the huge one waits although it would fit.
        var behind = budget.AcquireAsync(1 * MiB, CancellationToken.None).AsTask();
        Assert.False(behind.IsCompleted);

        small.Dispose();
        var hugeLease = await huge.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(behind.IsCompleted);

        hugeLease.Dispose();
        using var last = await behind.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(last.IsAcquired);
    }

    [Fact]
    public async Task A_waiting_request_ends_when_the_run_is_cancelled()
    {
        var budget = new DecodeBudget(MiB);
        using var held = await budget.AcquireAsync(MiB, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(MiB, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void The_budget_is_whole_kibibytes_and_the_default_a_quarter_of_the_heap_at_most_1_GiB()
    {
        Assert.Equal(2048, new DecodeBudget(1025).Bytes);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        Assert.Equal(Math.Clamp(available / 4, 64 * MiB, 1024 * MiB), DecodeBudget.DefaultBytes);
    }
}
