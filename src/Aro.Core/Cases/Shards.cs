
namespace Aro.Core.Cases;

/// <summary>Which cases a run evaluates: the first <c>--limit</c> of the subset, then those in <c>--shard</c>.</summary>
public static class Shards
{
    public static async IAsyncEnumerable<AroCase> Select(IAsyncEnumerable<AroCase> cases, int? limit, Shard? shard)
    {
        await foreach (var aroCase in cases.ConfigureAwait(false))
        {
            if (limit is { } max && aroCase.Index >= max)
            {
                yield break;
            }

            if (shard is null || shard.Contains(aroCase.Index))
            {
                yield return aroCase;
            }
        }
    }

    /// <summary>How many of a subset's <paramref name="count"/> cases a run with this limit and shard evaluates.</summary>
    public static int CountIn(int count, int? limit, Shard? shard)
    {
        var n = limit is { } max ? Math.Min(count, max) : count;
        return shard is null ? n : (n / shard.Count) + (shard.Index < n % shard.Count ? 1 : 0);
    }
}
