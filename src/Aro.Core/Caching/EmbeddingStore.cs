namespace Aro.Core.Caching;

/// <summary>
/// Where encoder outputs live during a run: a bounded in-memory LRU in front of an <see cref="EmbeddingCacheFile"/>.
/// The file is the persistent cache (reused by later runs of the same model) or, with <c>--no-cache</c>, a
/// temporary file deleted at the end; either way each distinct input is encoded once per run while memory stays
/// bounded, whatever the number of cases.
/// </summary>
public sealed class EmbeddingStore : IDisposable
{
    private readonly EmbeddingCacheFile? _file;
    private readonly int _capacity;
    private readonly Dictionary<EmbeddingKey, LinkedListNode<(EmbeddingKey Key, float[] Vector)>> _map = [];
    private readonly LinkedList<(EmbeddingKey Key, float[] Vector)> _order = new();
    private readonly Lock _lock = new();

    public EmbeddingStore(EmbeddingCacheFile? file, int memoryCapacity = 16384)
    {
        _file = file;
        _capacity = Math.Max(memoryCapacity, 16);
    }

    /// <summary>The backing file, if any.</summary>
    public EmbeddingCacheFile? File => _file;

    public bool TryGet(EmbeddingKey key, out float[] vector)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }

        if (_file is not null && _file.TryRead(key, out vector))
        {
            Remember(key, vector);
            return true;
        }

        vector = [];
        return false;
    }

    public bool Contains(EmbeddingKey key)
    {
        lock (_lock)
        {
            if (_map.ContainsKey(key))
            {
                return true;
            }
        }

        return _file?.Contains(key) == true;
    }

    public void Add(EmbeddingKey key, float[] vector)
    {
        Remember(key, vector);
        _file?.Append(key, vector);
    }

    /// <summary>True when an earlier run of the same model stored <paramref name="key"/>.</summary>
    public bool IsFromEarlierRun(EmbeddingKey key) => _file?.IsFromEarlierRun(key) == true;

    public void Dispose() => _file?.Dispose();

    private void Remember(EmbeddingKey key, float[] vector)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
            }

            _map[key] = _order.AddFirst((key, vector));
            while (_map.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}
