namespace Aro.Core.Caching;

/// <summary>
/// The embeddings one batch will read, pinned in the store's memory from the moment the batch is prepared until it
/// is scored (<see cref="EmbeddingStore.Hold"/>, released by <see cref="Dispose"/>). Whatever else is added in
/// between, a held key that was reported stored, or that an earlier batch is still encoding, is there when the
/// batch asks for it: eviction only ever takes entries no batch in flight holds.
/// </summary>
public sealed class EmbeddingHold : IDisposable
{
    private readonly EmbeddingStore _store;
    private bool _released;

    internal EmbeddingHold(EmbeddingStore store) => _store = store;

    /// <summary>The keys held, each once.</summary>
    internal HashSet<EmbeddingKey> Keys { get; } = [];

    public int Count => Keys.Count;

    public void Dispose()
    {
        if (!_released)
        {
            _released = true;
            _store.Release(this);
        }
    }
}
