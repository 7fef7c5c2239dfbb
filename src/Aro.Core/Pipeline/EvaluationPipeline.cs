using System.Threading.Channels;
using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.IO;
using Aro.Core.Models;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>
/// Runs subsets through a loaded model as a bounded pipeline of three stages, each on its own threads:
/// <list type="number">
/// <item><b>prepare</b> (<see cref="BatchPreparer"/>): cases are cut into batches, and each batch's files are read,
/// hashed, decoded, cropped and transformed on the preparation threads, several batches at once;</item>
/// <item><b>encode</b> (<see cref="BatchEncoder"/>): one thread takes the prepared batches in case order and runs the
/// encoders on what each still needs;</item>
/// <item><b>write</b> (<see cref="BatchWriter"/>): the embeddings are stored, every option scored and the results
/// handed out in case order.</item>
/// </list>
/// At most <see cref="EvaluationSettings.PrefetchBatches"/> prepared (or preparing) batches wait for the encoders and
/// one encoded batch for the writer, so memory is bounded whatever the number of cases (and, per batch, by bytes:
/// <see cref="PipelineMemory"/>). When the stages take turns (<see cref="EvaluationSettings.EffectiveOverlap"/> off),
/// a batch's preparation starts only once the batch before it is written, so each stage has every core to itself.
/// </summary>
public sealed class EvaluationPipeline
{
    private readonly EvaluationSettings _settings;
    private readonly BatchPreparer _preparer;
    private readonly BatchEncoder _encoder;
    private readonly BatchWriter _writer;
    private readonly PipelineProfiler? _profiler;
    private readonly int _casesPerBatch;

    // Without overlap the stages take turns: the next batch is prepared only once the last one is written.
    private readonly SemaphoreSlim? _turn;

    // Numbers batches over the pipeline's life (several subsets may run through one pipeline).
    private int _batches;

    /// <param name="model">The model (the ONNX one or any other behind the seam).</param>
    /// <param name="settings">Batching, threads, overlap, error policy and memory bounds.</param>
    /// <param name="store">Where embeddings live.</param>
    /// <param name="fingerprint">The model's fingerprint (embedding keys).</param>
    /// <param name="profiler">Times every stage when given (<c>aro bench --profile</c>); null records nothing.</param>
    public EvaluationPipeline(IEvaluationModel model, EvaluationSettings settings, EmbeddingStore store, byte[] fingerprint, PipelineProfiler? profiler = null)
    {
        _settings = settings;
        _profiler = profiler;
        _casesPerBatch = (settings.Memory ?? PipelineMemory.Default).CasesPerBatch(settings.BatchSize, model.Transform.TensorLength);
        _preparer = new BatchPreparer(model, settings, store, fingerprint, _casesPerBatch, profiler);
        _encoder = new BatchEncoder(model, settings, profiler);
        _writer = new BatchWriter(model, store, _preparer, profiler, settings.OnError);
        _turn = settings.EffectiveOverlap ? null : new SemaphoreSlim(1, 1);
    }

    /// <summary>What was encoded and saved so far in this pipeline's life.</summary>
    public EncoderCalls Calls => _preparer.Calls;

    /// <summary>Cases per batch: the batch size, or fewer when their pixel tensor would exceed <see cref="PipelineMemory.TensorBytesPerBatch"/>.</summary>
    public int CasesPerBatch => _casesPerBatch;

    /// <summary>The bytes that images being read and decoded at once may take (<see cref="PipelineMemory.DecodeBytes"/>).</summary>
    public long DecodeBudgetBytes => _preparer.DecodeBudgetBytes;

    /// <summary>Whether the pixel tensors are page-locked for a GPU's DMA (<see cref="EvaluationSettings.PageLockTensors"/>, and the CUDA runtime agreed).</summary>
    public bool TensorsPageLocked => _preparer.TensorsPageLocked;

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
        var prepared = Channel.CreateBounded<Task<PreparedBatch>>(new BoundedChannelOptions(Math.Max(1, _settings.PrefetchBatches))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var encoded = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(cases, guard, prepared.Writer, stop.Token), CancellationToken.None);

        // The encoders block their thread for a whole graph run: a thread of their own keeps them off the pool that
        // the preparation and the writer use.
        var encoder = Task.Factory.StartNew(
            () => EncodeAll(prepared.Reader, encoded.Writer, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var batch in encoded.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                try
                {
                    done += _writer.Write(subset, batch, sink, stop.Token);
                }
                finally
                {
                    _preparer.Release(batch);
                    _turn?.Release();
                }

                progress?.Report(new EvaluationProgress(subset.Name, done, total));
            }
        }
        finally
        {
            // Whatever ended the loop, no stage may keep working on batches nobody will write.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(encoder).ConfigureAwait(false);
            while (encoded.Reader.TryRead(out var leftover))
            {
                _preparer.Release(leftover);
            }

            await Task.WhenAny(producer).ConfigureAwait(false);
            while (prepared.Reader.TryRead(out var waiting))
            {
                await ReleaseWhenDone(waiting).ConfigureAwait(false);
            }
        }

        await producer.ConfigureAwait(false);
        await encoder.ConfigureAwait(false);
    }

    private async Task ProduceAsync(IAsyncEnumerable<AroCase> cases, DataFolderGuard? guard, ChannelWriter<Task<PreparedBatch>> writer, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<AroCase>(_casesPerBatch);
            await foreach (var aroCase in cases.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(aroCase);
                if (batch.Count == _casesPerBatch)
                {
                    await StartAsync(batch, guard, writer, cancellationToken).ConfigureAwait(false);
                    batch = new List<AroCase>(_casesPerBatch);
                }
            }

            if (batch.Count > 0)
            {
                await StartAsync(batch, guard, writer, cancellationToken).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }

    /// <summary>Starts a batch's preparation (after its turn, when the stages take turns) and queues it for the encoders.</summary>
    private async Task StartAsync(List<AroCase> cases, DataFolderGuard? guard, ChannelWriter<Task<PreparedBatch>> writer, CancellationToken cancellationToken)
    {
        var waited = PipelineProfiler.Start(_profiler);
        if (_turn is not null)
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var number = _batches++;
        _profiler?.Add(number, PipelineStage.TurnWait, waited, 0);
        var preparing = _preparer.PrepareAsync(number, cases, guard, cancellationToken);
        try
        {
            await writer.WriteAsync(preparing, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _ = ReleaseWhenDone(preparing);
            throw;
        }
    }

    /// <summary>
    /// The encoding stage's loop, on its own thread: takes prepared batches in case order, stops at the first bad case
    /// under <see cref="ErrorPolicy.Fail"/>, encodes and passes each batch to the writer.
    /// </summary>
    private void EncodeAll(ChannelReader<Task<PreparedBatch>> prepared, ChannelWriter<PreparedBatch> encoded, CancellationToken cancellationToken)
    {
        try
        {
            while (prepared.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                if (!prepared.TryRead(out var preparing))
                {
                    continue;
                }

                var waited = PipelineProfiler.Start(_profiler);
                var batch = preparing.GetAwaiter().GetResult();
                _profiler?.Add(batch.Number, PipelineStage.EncoderWait, waited, 0);
                try
                {
                    _preparer.FailBorrowedImages(batch);
                    ThrowOnFailedCase(batch);
                    _encoder.Encode(batch, cancellationToken);
                    _preparer.ReturnPixels(batch);
                    encoded.WriteAsync(batch, cancellationToken).AsTask().GetAwaiter().GetResult();
                }
                catch
                {
                    _preparer.Release(batch);
                    throw;
                }
            }

            encoded.Complete();
        }
        catch (Exception ex)
        {
            encoded.Complete(ex);
        }
    }

    private void ThrowOnFailedCase(PreparedBatch batch)
    {
        if (_settings.OnError != ErrorPolicy.Fail)
        {
            return;
        }

        for (var i = 0; i < batch.Cases.Count; i++)
        {
            if (batch.Slots[i].Failure is { } failure)
            {
                throw new AroException($"case {batch.Cases[i].Id}: {failure} (use --on-error skip to leave bad cases out)", 2);
            }
        }
    }

    /// <summary>Releases a batch nobody will encode once its preparation is over (however it ended).</summary>
    private async Task ReleaseWhenDone(Task<PreparedBatch> preparing)
    {
        try
        {
            _preparer.Release(await preparing.ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is OperationCanceledException or AroException or ObjectDisposedException)
        {
            // Its preparation released what it held when it failed.
        }
    }
}

/// <summary>Progress of a subset: cases finished out of the total (null while unknown).</summary>
public readonly record struct EvaluationProgress(string Subset, int Done, int? Total);
