using System.Globalization;

namespace Aro.Core.Cases;

/// <summary>
/// <c>--shard i/n</c>: this run evaluates the cases whose index modulo <see cref="Count"/> is <see cref="Index"/>
/// (0-based), so n machines split a subset evenly and <c>aro merge</c> puts the pieces back in case order.
/// Encoder outputs do not depend on which other inputs share a batch (checked bitwise on CPU), so merged
/// shards give the same bytes as one run.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public bool Contains(int caseIndex) => caseIndex % Count == Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 0 && index < count)
        {
            return new Shard(index, count);
        }

        throw new AroInputException($"--shard '{text}' is not i/n with 0 <= i < n (e.g. 0/4 for the first of four shards)");
    }
}
