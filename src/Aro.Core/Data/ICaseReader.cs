namespace Aro.Core.Data;

/// <summary>
/// A source of benchmark cases. Readers stream: cases are produced in subset order and nothing
/// requires the whole subset (or any image) to be in memory.
/// </summary>
public interface ICaseReader
{
    /// <summary>The subset this reader produces (e.g. <c>relation</c>, or a cases file's name).</summary>
    SubsetDefinition Subset { get; }

    /// <summary>Files that define the cases (annotation JSON, cases.jsonl), for provenance in run.json.</summary>
    IReadOnlyList<string> SourceFiles { get; }

    /// <summary>Streams the cases in order.</summary>
    IAsyncEnumerable<AroCase> ReadAsync(CancellationToken cancellationToken = default);
}
