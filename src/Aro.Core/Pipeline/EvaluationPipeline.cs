using System.Buffers;
using System.Threading.Channels;
using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Models.Scoring;
using Aro.Core.Models;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>
/// Runs subsets through a loaded model as a bounded two-stage pipeline:
/// <list type="number">
/// <item>a producer reads cases, cuts them into batches and prepares each (decode, crop, resize, tokenise; see
/// <see cref="BatchPreparer"/>) while</item>
/// <item>the consumer encodes the previous batch's new images and captions, stores the embeddings, scores every
/// option and hands the results out in case order.</item>
/// </list>
/// At most <see cref="EvaluationSettings.PrefetchBatches"/> prepared batches wait between the stages, so memory is
/// bounded whatever the number of cases, and decoding overlaps inference.
/// </summary>
public sealed class EvaluationPipeline
{
    private readonly IEvaluationModel _model;
    private readonly EvaluationSettings _settings;
    private readonly EmbeddingStore _store;
    private readonly ArrayPool<float> _pixelPool;
    private readonly BatchPreparer _preparer;

    // Without overlap the stages take turns: the producer prepares a batch only once the consumer is done with the last.
    private readonly SemaphoreSlim? _turn;

    public EvaluationPipeline(IEvaluationModel model, EvaluationSettings settings, EmbeddingStore store, byte[] fingerprint)
    {
        _model = model;
        _settings = settings;
        _store = store;
        _pixelPool = ArrayPool<float>.Create(settings.BatchSize * model.Transform.TensorLength, settings.PrefetchBatches + 2);
        _preparer = new BatchPreparer(model, settings, store, fingerprint, _pixelPool);
        _turn = settings.EffectiveOverlap ? null : new SemaphoreSlim(1, 1);
    }

    /// <summary>What was encoded and saved so far in this pipeline's life.</summary>
    public EncoderCalls Calls => _preparer.Calls;

    /// <summary>
    /// Evaluates <paramref name="cases"/>; the sink sees every outcome in case order. Progress counts from
    /// <paramref name="alreadyDone"/> (cases a resumed run finished before) up to <paramref name="total"/>.
    /// Images outside every one of <paramref name="dataFolders"/> are bad cases unless the settings allow them (<see cref="DataFolderGuard"/>).
    /// </summary>
    public async Task RunAsync(
        SubsetDefinition subset,
        IAsyncEnumerable<AroCase> cases,
        ICaseSink sink,
        int? total = null,
        int alreadyDone = 0,
        IProgress<EvaluationProgress>? progress = null,
        IReadOnlyList<string>? dataFolders = null,
        CancellationToken cancellationToken = default)
    {
        var guard = DataFolderGuard.For(dataFolders ?? [], _settings.AllowOutsideData);
        var done = alreadyDone;
        progress?.Report(new EvaluationProgress(subset.Name, done, total));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(Math.Max(1, _settings.PrefetchBatches))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var producer = Task.Run(() => ProduceAsync(cases, guard, channel.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                try
                {
                    Encode(batch, stop.Token);
                    done += Emit(subset, batch, sink, stop.Token);
                    sink.BatchCompleted();
                }
                finally
                {
                    Release(batch);
                    _turn?.Release();
                }

                progress?.Report(new EvaluationProgress(subset.Name, done, total));
            }
        }
        finally
        {
            // Whatever ended the loop, the producer must not keep preparing batches nobody will read.
            await stop.CancelAsync().ConfigureAwait(false);
            while (channel.Reader.TryRead(out var leftover))
            {
                Release(leftover);
            }

            await Task.WhenAny(producer).ConfigureAwait(false);
        }

        await producer.ConfigureAwait(false);
    }

    private async Task ProduceAsync(IAsyncEnumerable<AroCase> cases, DataFolderGuard? guard, ChannelWriter<PreparedBatch> writer, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<AroCase>(_settings.BatchSize);
            await foreach (var aroCase in cases.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(aroCase);
                if (batch.Count == _settings.BatchSize)
                {
                    await writer.WriteAsync(PrepareOrFail(batch, guard, cancellationToken), cancellationToken).ConfigureAwait(false);
                    batch = new List<AroCase>(_settings.BatchSize);
                }
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync(PrepareOrFail(batch, guard, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }

    private PreparedBatch PrepareOrFail(List<AroCase> cases, DataFolderGuard? guard, CancellationToken cancellationToken)
    {
        _turn?.Wait(cancellationToken);
        var batch = _preparer.Prepare(cases, guard, cancellationToken);
        if (_settings.OnError == ErrorPolicy.Fail)
        {
            for (var i = 0; i < cases.Count; i++)
            {
                if (batch.Slots[i].Failure is { } failure)
                {
                    Release(batch);
                    throw new AroException($"case {cases[i].Id}: {failure} (use --on-error skip to leave bad cases out)", 2);
                }
            }
        }

        return batch;
    }

    private void Encode(PreparedBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.ImagesToEncode.Count > 0)
        {
            var encoded = _model.ImageEncoder.Encode(batch.Pixels!, batch.ImagesToEncode.Count, cancellationToken);
            for (var i = 0; i < encoded.Count; i++)
            {
                var key = batch.ImagesToEncode[i];
                batch.Images[key] = encoded[i];
                _store.Add(key, encoded[i].Embedding);
            }
        }

        // Shortest first, so each text batch is padded only to lengths close to its own.
        var captions = batch.CaptionsToEncode.OrderBy(c => c.Ids.Length).ToList();
        for (var start = 0; start < captions.Count; start += _settings.TextBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = captions.GetRange(start, Math.Min(_settings.TextBatchSize, captions.Count - start));
            var embeddings = _model.TextEncoder.Encode([.. chunk.Select(c => c.Ids)], cancellationToken);
            for (var i = 0; i < chunk.Count; i++)
            {
                batch.Captions[chunk[i].Key] = embeddings[i];
                _store.Add(chunk[i].Key, embeddings[i]);
            }
        }

        _preparer.Completed(batch);
    }

    private int Emit(SubsetDefinition subset, PreparedBatch batch, ICaseSink sink, CancellationToken cancellationToken)
    {
        var requests = new List<ScoringRequest>(batch.Cases.Count);
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var slot = batch.Slots[i];
            if (slot.Failure is null)
            {
                requests.Add(new ScoringRequest(ImageFor(batch, slot.Image), [.. slot.Captions.Select((key, c) => TextFor(batch, key, slot.CaptionIds[c]))]));
            }
        }

        if (sink is IEncodingSink encodings)
        {
            return HandOver(batch, requests, encodings);
        }

        var scores = _model.Scorer.Score(requests, cancellationToken);
        var next = 0;
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var aroCase = batch.Cases[i];
            if (batch.Slots[i].Failure is { } failure)
            {
                sink.Skip(new SkippedCase(aroCase.Index, aroCase.Id, aroCase.Group, failure));
                continue;
            }

            var caseScores = scores[next++];
            var result = new CaseResult(aroCase.Index, aroCase.Id, aroCase.Group, aroCase.Label, subset.Prediction.Predict(caseScores, aroCase.Label), caseScores, aroCase.Captions);
            sink.Add(aroCase, result);
        }

        return batch.Cases.Count;
    }

    /// <summary>Gives an <see cref="IEncodingSink"/> the encodings the scorer would have had, in case order.</summary>
    private static int HandOver(PreparedBatch batch, List<ScoringRequest> requests, IEncodingSink sink)
    {
        var next = 0;
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var aroCase = batch.Cases[i];
            if (batch.Slots[i].Failure is { } failure)
            {
                sink.Skip(new SkippedCase(aroCase.Index, aroCase.Id, aroCase.Group, failure));
                continue;
            }

            sink.Encoded(aroCase, requests[next++]);
        }

        return batch.Cases.Count;
    }

    private ImageEncoding ImageFor(PreparedBatch batch, EmbeddingKey key) =>
        batch.Images.TryGetValue(key, out var encoding) ? encoding
        : _store.TryGet(key, out var vector) ? new ImageEncoding(vector)
        : throw new AroException($"internal error: image embedding {key.Value:x} was neither encoded nor stored");

    /// <summary>One <see cref="TextEncoding"/> per distinct caption of the batch, so scorers can recognise repeats.</summary>
    private TextEncoding TextFor(PreparedBatch batch, EmbeddingKey key, int[] ids)
    {
        if (!batch.Texts.TryGetValue(key, out var text))
        {
            text = new TextEncoding(ids, CaptionFor(batch, key));
            batch.Texts[key] = text;
        }

        return text;
    }

    private float[] CaptionFor(PreparedBatch batch, EmbeddingKey key) =>
        batch.Captions.TryGetValue(key, out var vector) ? vector
        : _store.TryGet(key, out var stored) ? stored
        : throw new AroException($"internal error: caption embedding {key.Value:x} was neither encoded nor stored");

    private void Release(PreparedBatch batch)
    {
        batch.Hold?.Dispose();
        if (batch.Pixels is { } pixels)
        {
            _pixelPool.Return(pixels);
            batch.Pixels = null;
        }
    }
}

/// <summary>Progress of a subset: cases finished out of the total (null while unknown).</summary>
public readonly record struct EvaluationProgress(string Subset, int Done, int? Total);
