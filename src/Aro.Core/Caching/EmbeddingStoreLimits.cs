using System.Globalization;

namespace Aro.Core.Caching;

/// <summary>
/// The bounds of a run's embedding store. Read from the environment by <see cref="FromEnvironment"/>:
/// <c>ARO_CACHE_MAX_MIB</c>, <c>ARO_SPILL_MAX_MIB</c>, <c>ARO_CACHE_MEMORY_ENTRIES</c>.
/// </summary>
/// <param name="MemoryEntries">
/// Embeddings kept in memory besides those the batches in flight use (which stay until their batch is scored,
/// whatever this bound): 16,384 by default, 32 MiB of 512-float vectors.
/// </param>
/// <param name="CacheMaxBytes">
/// Largest size of one model's persistent cache file (4 GiB by default, about two million 512-float embeddings).
/// A cache at its budget is still read; new embeddings then go to the temporary file.
/// </param>
/// <param name="SpillMaxBytes">
/// Largest size of the run's temporary file (2 GiB by default), used with <c>--no-cache</c> and whenever the
/// persistent cache cannot take new embeddings. Beyond it, embeddings live in memory only, and one that was
/// forgotten is encoded again when needed.
/// </param>
public sealed record EmbeddingStoreLimits(int MemoryEntries, long CacheMaxBytes, long SpillMaxBytes)
{
    public const string CacheMaxVariable = "ARO_CACHE_MAX_MIB";
    public const string SpillMaxVariable = "ARO_SPILL_MAX_MIB";
    public const string MemoryEntriesVariable = "ARO_CACHE_MEMORY_ENTRIES";

    /// <summary>The smallest memory bound: a few batches' worth is always kept.</summary>
    public const int MinMemoryEntries = 16;

    public static EmbeddingStoreLimits Default { get; } = new(16_384, 4L << 30, 2L << 30);

    /// <summary>The defaults, with any of the three variables the environment sets.</summary>
    /// <param name="lookup">Reads a variable; the process environment when null.</param>
    /// <exception cref="AroInputException">A variable is set to something other than a whole number in range.</exception>
    public static EmbeddingStoreLimits FromEnvironment(Func<string, string?>? lookup = null)
    {
        lookup ??= Environment.GetEnvironmentVariable;
        return new(
            (int)Read(lookup, MemoryEntriesVariable, Default.MemoryEntries, 1, MinMemoryEntries, int.MaxValue),
            Read(lookup, CacheMaxVariable, Default.CacheMaxBytes, 1L << 20, 1, 1L << 23),
            Read(lookup, SpillMaxVariable, Default.SpillMaxBytes, 1L << 20, 1, 1L << 23));
    }

    private static long Read(Func<string, string?> lookup, string variable, long fallback, long unit, long min, long max)
    {
        if (lookup(variable) is not { Length: > 0 } text)
        {
            return fallback;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new AroInputException(string.Create(CultureInfo.InvariantCulture,
                $"environment variable {variable} is '{text}'; expected a whole number from {min} to {max}{(unit > 1 ? " (MiB)" : "")}, or unset for the default"));
        }

        return value * unit;
    }
}
