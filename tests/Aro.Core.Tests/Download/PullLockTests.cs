using Aro.Core.Download;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary><see cref="PullLock"/>: one pull at a time per place; the lock file goes away with the pull.</summary>
public sealed class PullLockTests
{
    [Fact]
    public void A_second_pull_into_the_same_place_is_refused_until_the_first_ends()
    {
        using var temp = new TempDirectory();
        var path = temp.File(".aro-pull-lock");

        using (PullLock.Acquire(path, "into x"))
        {
            var error = Assert.Throws<AroException>(() => PullLock.Acquire(path, "into x"));
            Assert.Contains("another aro is already pulling into x", error.Message, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(path));
        using var again = PullLock.Acquire(path, "into x");
    }
}
