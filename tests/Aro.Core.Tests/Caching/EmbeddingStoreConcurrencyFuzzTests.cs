using System.Collections.Concurrent;
using Aro.Core.Caching;
using Aro.Core.Tests.Support.Fuzzing;
using Xunit;

namespace Aro.Core.Tests.Caching;

/// <summary>
/// The store's contract under the pipeline's concurrency, with random inputs: a producer thread prepares batches of
/// random keys (holding each, noting which are stored and which an earlier batch still in flight will add) while a
/// consumer thread, up to four batches behind, adds what its batch must encode, reads every key the batch holds and
/// releases it. Memory alone, 16 to 64 entries, 40 seeds of 150 batches over 400 keys: every read of a held key
/// succeeds with the right vector, and memory never holds more than the bound plus the keys in flight.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class EmbeddingStoreConcurrencyFuzzTests
{
    private static readonly byte[] Fingerprint = new byte[32];

    [Fact]
    public async Task Held_embeddings_are_always_there_when_their_batch_reads_them()
    {
        var problems = new ConcurrentQueue<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            await RunAsync(seed, problems);
        }

        Assert.True(problems.IsEmpty, string.Join('\n', problems.Take(20)));
    }

    private static async Task RunAsync(int seed, ConcurrentQueue<string> problems)
    {
        var random = new Random(seed);
        var capacity = 16 + random.Next(49);
        using var store = new EmbeddingStore(null, capacity);
        var scheduled = new HashSet<int>();
        var batches = new BlockingCollection<(EmbeddingHold Hold, int[] Keys, int[] ToAdd)>(boundedCapacity: 4);
        var inFlightKeys = 0;
        var producer = Task.Run(() =>
        {
            for (var b = 0; b < 150; b++)
            {
                var keys = Enumerable.Range(0, 1 + random.Next(24)).Select(_ => random.Next(400)).Distinct().ToArray();
                // Counted before they are held, so the consumer's bound never lags behind the holds.
                Interlocked.Add(ref inFlightKeys, keys.Length);
                var hold = store.BeginHold();
                var toAdd = new List<int>();
                foreach (var key in keys)
                {
                    var stored = store.Hold(Key(key), hold);
                    lock (scheduled)
                    {
                        if (!stored && scheduled.Add(key))
                        {
                            toAdd.Add(key);
                        }
                    }
                }

                batches.Add((hold, keys, [.. toAdd]));
            }

            batches.CompleteAdding();
        });
        var pause = new Random(seed + 1000);
        var consumer = Task.Run(() =>
        {
            foreach (var (hold, keys, toAdd) in batches.GetConsumingEnumerable())
            {
                Thread.SpinWait(pause.Next(2_000));
                foreach (var key in toAdd)
                {
                    store.Add(Key(key), Vector(key));
                }

                lock (scheduled)
                {
                    scheduled.ExceptWith(toAdd);
                }

                foreach (var key in keys)
                {
                    if (!store.TryGet(Key(key), out var vector) || vector[0] != key)
                    {
                        problems.Enqueue($"seed {seed} (capacity {capacity}): held key {key} was not there when its batch read it");
                    }
                }

                var bound = capacity + Volatile.Read(ref inFlightKeys);
                if (store.InMemory > bound)
                {
                    problems.Enqueue($"seed {seed}: {store.InMemory} embeddings in memory, more than {bound}");
                }

                hold.Dispose();
                Interlocked.Add(ref inFlightKeys, -keys.Length);
            }
        });
        await Task.WhenAll(producer, consumer);
    }

    private static EmbeddingKey Key(int i) => EmbeddingKey.ForCaption(Fingerprint, i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static float[] Vector(int i) => [i, 1, 2, 3];
}
