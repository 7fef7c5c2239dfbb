namespace Aro.Core;

/// <summary>"Did you mean" for mistyped names (subsets, models, commands, options): the known names closest in edit distance.</summary>
public static class NameSuggestions
{
    /// <summary>
    /// The candidates within a small edit distance of <paramref name="input"/> (at most a third of its length, at
    /// least 1, at most 3), closest first; a candidate that starts with the input counts as close.
    /// </summary>
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Clamp(input.Length / 3, 1, 3);
        return [.. candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: c.StartsWith(input, StringComparison.OrdinalIgnoreCase) && input.Length >= 3 ? 0 : Distance(input.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit && c.Name != input)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)];
    }

    /// <summary>" Did you mean x?" or "" when nothing is close.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var close = Closest(input, candidates);
        return close.Count == 0 ? "" : $" Did you mean {string.Join(" or ", close.Select(c => $"'{c}'"))}?";
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
