namespace Aro.Core.Reports.Gallery;

/// <summary>
/// Which cases the gallery shows, in which order. Every list is a total order, so the same predictions give the
/// same cards: by the list's margin, a NaN margin after every number (a NaN score is a broken case, not a confident
/// one), then by case id in ordinal order, then by row index.
/// <list type="bullet">
/// <item>Most confident mistakes: the wrong cases, largest <see cref="PredictionRow.MistakeMargin"/> first (the chosen
/// wrong option's score minus the right option's; a tie counted wrong has margin 0 and comes last).</item>
/// <item>Closest calls: every case, right or wrong, smallest |<see cref="PredictionRow.LabelMargin"/>| first (the right
/// option against the best other option).</item>
/// <item>Disagreements of two models, paired by case id: per direction, the cases the first model got right and the
/// second wrong (and the reverse), the wrong model's largest mistake margin first.</item>
/// </list>
/// </summary>
public static class GallerySelection
{
    public static IReadOnlyList<PredictionRow> MostConfidentMistakes(IEnumerable<PredictionRow> rows, int count) =>
        Top(rows.Where(r => !r.Correct), count, new MarginOrder<PredictionRow>(r => r.MistakeMargin, Descending: true, r => r));

    public static IReadOnlyList<PredictionRow> ClosestCalls(IEnumerable<PredictionRow> rows, int count) =>
        Top(rows, count, new MarginOrder<PredictionRow>(r => Math.Abs(r.LabelMargin), Descending: false, r => r));

    /// <summary>
    /// The cases two models disagree on. Rows are paired by id (a repeated id keeps its first row); a pair whose
    /// options differ (other data, or another seed's perturbations) is not a disagreement on the same question and
    /// is only counted in <see cref="Disagreements.Mismatched"/>.
    /// </summary>
    public static Disagreements Disagree(IEnumerable<PredictionRow> first, IEnumerable<PredictionRow> second, int count)
    {
        var byId = new Dictionary<string, PredictionRow>(StringComparer.Ordinal);
        foreach (var row in first)
        {
            byId.TryAdd(row.Id, row);
        }

        var paired = 0;
        var mismatched = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firstRight = new List<CasePair>();
        var secondRight = new List<CasePair>();
        foreach (var row in second)
        {
            if (!seen.Add(row.Id) || !byId.TryGetValue(row.Id, out var other))
            {
                continue;
            }

            if (!other.Options.SequenceEqual(row.Options, StringComparer.Ordinal) || other.Label != row.Label)
            {
                mismatched++;
                continue;
            }

            paired++;
            if (other.Correct && !row.Correct)
            {
                firstRight.Add(new CasePair(other, row));
            }
            else if (!other.Correct && row.Correct)
            {
                secondRight.Add(new CasePair(other, row));
            }
        }

        return new Disagreements(
            paired,
            mismatched,
            firstRight.Count,
            secondRight.Count,
            Top(firstRight, count, new MarginOrder<CasePair>(p => p.Second.MistakeMargin, Descending: true, p => p.First)),
            Top(secondRight, count, new MarginOrder<CasePair>(p => p.First.MistakeMargin, Descending: true, p => p.First)));
    }

    /// <summary>The first <paramref name="count"/> items in <paramref name="order"/>, keeping only that many while streaming.</summary>
    private static List<T> Top<T>(IEnumerable<T> items, int count, IComparer<T> order)
    {
        var kept = new List<T>(Math.Min(count, 1024));
        if (count <= 0)
        {
            return kept;
        }

        foreach (var item in items)
        {
            if (kept.Count == count && order.Compare(item, kept[^1]) >= 0)
            {
                continue;
            }

            var at = kept.BinarySearch(item, order);
            kept.Insert(at < 0 ? ~at : at, item);
            if (kept.Count > count)
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }

        return kept;
    }

    /// <summary>By margin (ascending or descending, NaN last), then the case's id (ordinal), then its row index.</summary>
    private sealed record MarginOrder<T>(Func<T, double> Margin, bool Descending, Func<T, PredictionRow> Case) : IComparer<T>
    {
        public int Compare(T? x, T? y)
        {
            var (a, b) = (Margin(x!), Margin(y!));
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                if (double.IsNaN(a) != double.IsNaN(b))
                {
                    return double.IsNaN(a) ? 1 : -1;
                }
            }
            else if (a != b)
            {
                return Descending ? b.CompareTo(a) : a.CompareTo(b);
            }

            var (left, right) = (Case(x!), Case(y!));
            var byId = string.CompareOrdinal(left.Id, right.Id);
            return byId != 0 ? byId : left.Index.CompareTo(right.Index);
        }
    }
}

/// <summary>One case as two models answered it: the first model's row and the second's.</summary>
public sealed record CasePair(PredictionRow First, PredictionRow Second);

/// <summary>What two models disagree on in one subset.</summary>
/// <param name="Paired">Cases both answered (same id, same options and label).</param>
/// <param name="Mismatched">Cases with the same id whose options or label differ, left out.</param>
/// <param name="FirstRightCount">Paired cases the first model got right and the second wrong.</param>
/// <param name="SecondRightCount">The reverse.</param>
/// <param name="FirstRight">The first of those, in gallery order.</param>
/// <param name="SecondRight">The first of the reverse, in gallery order.</param>
public sealed record Disagreements(
    int Paired,
    int Mismatched,
    int FirstRightCount,
    int SecondRightCount,
    IReadOnlyList<CasePair> FirstRight,
    IReadOnlyList<CasePair> SecondRight);
