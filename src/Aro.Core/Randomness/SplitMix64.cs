namespace Aro.Core.Randomness;

/// <summary>
/// A small, seeded pseudo-random generator whose sequence is part of aro's contract: the same seed gives the
/// same numbers on every machine, runtime and version. <see cref="System.Random"/> promises no such thing for
/// a seeded instance, which is why it is not used for anything that ends up in a frozen cases file.
/// </summary>
/// <remarks>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// a 64-bit counter advanced by the golden-ratio increment and scrambled by a fixed mixing function.
/// Bounded integers use Lemire's multiply-and-reject method, so they are unbiased and also portable.
/// </remarks>
public sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>A generator starting from <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    /// <summary>
    /// A generator for one independent stream, derived from a seed and a path of stream keys
    /// (for example case index, then perturbation). Each key is mixed in turn, so streams that differ in any
    /// key start from unrelated states, and a stream does not depend on how many others were drawn before it.
    /// </summary>
    public static SplitMix64 ForStream(ulong seed, params ReadOnlySpan<ulong> keys)
    {
        var state = Mix(seed + GoldenGamma);
        foreach (var key in keys)
        {
            state = Mix(state ^ Mix(key + GoldenGamma));
        }

        return new SplitMix64(state);
    }

    /// <summary>The SplitMix64 output function: a bijective scramble of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += GoldenGamma;
        return Mix(_state);
    }

    /// <summary>A uniform integer in <c>[0, exclusiveMax)</c>.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var bound = (ulong)exclusiveMax;
        var product = (UInt128)NextUInt64() * bound;
        var low = (ulong)product;
        if (low < bound)
        {
            // Reject the few low words that would make some results one draw more likely than others.
            var threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * bound;
                low = (ulong)product;
            }
        }

        return (int)(product >> 64);
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates, from the last position down).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
