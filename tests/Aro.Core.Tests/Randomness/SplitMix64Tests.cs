using Aro.Core.Randomness;
using Xunit;

namespace Aro.Core.Tests.Randomness;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Matches_the_reference_sequence_for_seed_zero()
    {
        // The first outputs of Vigna's reference splitmix64.c started from x = 0.
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void Same_seed_same_sequence_other_seed_other_sequence()
    {
        var a = Draw(new SplitMix64(42));
        var b = Draw(new SplitMix64(42));
        var c = Draw(new SplitMix64(43));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Streams_differ_by_every_key_and_do_not_depend_on_each_other()
    {
        var first = Draw(SplitMix64.ForStream(1, 7, 2));
        Assert.Equal(first, Draw(SplitMix64.ForStream(1, 7, 2)));
        Assert.NotEqual(first, Draw(SplitMix64.ForStream(1, 7, 3)));
        Assert.NotEqual(first, Draw(SplitMix64.ForStream(1, 8, 2)));
        Assert.NotEqual(first, Draw(SplitMix64.ForStream(2, 7, 2)));
        Assert.NotEqual(Draw(SplitMix64.ForStream(1, 2, 7)), first);
    }

    [Fact]
    public void Bounded_integers_stay_in_range_and_cover_it_evenly()
    {
        var random = new SplitMix64(5);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[random.NextInt(6)]++;
        }

        // Each face expects 10,000; 5 standard deviations is about ±456.
        Assert.All(counts, count => Assert.InRange(count, 9_500, 10_500));
        Assert.Equal(0, new SplitMix64(9).NextInt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitMix64(9).NextInt(0));
    }

    [Fact]
    public void Shuffle_is_a_permutation_and_every_order_occurs()
    {
        var random = new SplitMix64(11);
        var seen = new HashSet<string>();
        for (var i = 0; i < 600; i++)
        {
            var items = new List<int> { 1, 2, 3 };
            random.Shuffle(items);
            Assert.Equal([1, 2, 3], items.Order());
            seen.Add(string.Join(',', items));
        }

        Assert.Equal(6, seen.Count);
    }

    private static ulong[] Draw(SplitMix64 random) => [.. Enumerable.Range(0, 8).Select(_ => random.NextUInt64())];
}
