namespace Aro.Core.Cases;

/// <summary>
/// A source of benchmark cases. Readers stream: cases are produced in subset order and nothing
/// requires the whole subset (or any image) to be in memory.
/// </summary>
public interface ICaseReader
{
    /// <summary>Files that define the cases (annotation JSON, cases.jsonl), for provenance in run.json.</summary>
    IReadOnlyList<string> SourceFiles { get; }

    /// <summary>
    /// The folders the cases' images must lie in: the subset's data folder (where <c>--data</c> leads); for a cases
    /// file, the folder holding it and the data folders it was given. Empty when the reader has none. Images
    /// elsewhere are refused unless allowed (<c>IO/DataFolderGuard</c>).
    /// </summary>
    IReadOnlyList<string> DataFolders => [];

    /// <summary>Streams the cases in order.</summary>
    IAsyncEnumerable<AroCase> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The number of cases, for progress and ETA. Readers that can count without building cases (generating
    /// perturbations, say) override this; the default reads them all.
    /// </summary>
    async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var _ in ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
