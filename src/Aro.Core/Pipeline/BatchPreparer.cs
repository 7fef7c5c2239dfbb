using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.IO;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>
/// The preparation stage. Each batch goes through three steps:
/// <list type="number">
/// <item><b>read</b>, in parallel: every image file the run has not seen yet is read and hashed (its cache key) and its
/// header's size noted;</item>
/// <item><b>plan</b>, one batch after another in case order: each case's image and caption keys are looked up, and what
/// still needs encoding — nothing stored, nothing an earlier batch already undertook, nothing twice in this batch —
/// is claimed by this batch; captions are tokenised;</item>
/// <item><b>decode</b>, in parallel: the claimed images are decoded, cropped and transformed into one pooled tensor.</item>
/// </list>
/// Several batches may be in preparation at once (the pipeline decides how many), their read and decode work sharing
/// one set of <see cref="EvaluationSettings.EffectivePreprocessThreads"/> threads, oldest batch first. Earlier, one
/// producer thread read and hashed a batch's files and tokenised its captions alone before decoding them in parallel,
/// and started the next batch only once the slowest image of this one was done: on the 16-core GPU machine that fed
/// the encoders 1,244 cases/s where the cores could decode about 4,000 images/s (see README, "Speed").
/// <para>
/// Planning in case order keeps results independent of thread timing: a key is always claimed by the earliest batch
/// that needs it, which the encoding stage reaches first, so every later batch finds the embedding stored (it holds
/// it from planning on) or, if that batch could not decode the image, fails its cases with the same reason.
/// </para>
/// <para>
/// Memory is bounded by bytes (<see cref="PipelineMemory"/>): the images being read or decoded at once share a
/// <see cref="DecodeBudget"/>; a file's bytes stay in memory from reading to decoding only within a per-batch limit
/// (others are read again when decoded, and their hash checked again); the tensor is pooled.
/// </para>
/// </summary>
internal sealed class BatchPreparer
{
    private const int KeyMemory = 1 << 16;
    private readonly IEvaluationModel _model;
    private readonly EmbeddingStore _store;
    private readonly byte[] _fingerprint;
    private readonly PipelineMemory _memory;
    private readonly PipelineProfiler? _profiler;
    private readonly TensorPool _pixelPool;
    private readonly DecodeBudget _budget;
    private readonly TaskScheduler _threads;
    private readonly int _threadCount;
    private readonly ImageLoader _loader = new();

    // Shared by the steps of every batch in preparation and the encoding stage's Completed.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ImageFileFacts> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unreadable = new(StringComparer.Ordinal);
    private readonly Dictionary<EmbeddingKey, string> _failedImages = [];
    private readonly Dictionary<EmbeddingKey, PreparedBatch> _scheduled = [];

    // Only the plan step touches these, one batch at a time (each plan awaits the one before it).
    private Task _lastPlanned = Task.CompletedTask;
    private long _imagesRequested;
    private long _imagesFromCache;
    private long _captionsRequested;
    private long _captionsEncoded;
    private long _captionsFromCache;

    // Counted by the decode step of any batch.
    private long _imagesEncoded;

    public BatchPreparer(IEvaluationModel model, EvaluationSettings settings, EmbeddingStore store, byte[] fingerprint, int batchCases, PipelineProfiler? profiler)
    {
        _model = model;
        _store = store;
        _fingerprint = fingerprint;
        _memory = settings.Memory ?? PipelineMemory.Default;
        _profiler = profiler;
        _threadCount = settings.EffectivePreprocessThreads;
        _threads = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, _threadCount).ConcurrentScheduler;
        _budget = new DecodeBudget(_memory.DecodeBytes > 0 ? _memory.DecodeBytes : DecodeBudget.DefaultBytes);

        // Batches in preparation (the ones queued for the encoders and the one the producer holds) and the one being
        // encoded each hold a tensor; one spare.
        _pixelPool = new TensorPool(batchCases * model.Transform.TensorLength, settings.PrefetchBatches + 3, settings.EffectivePageLockTensors);
    }

    /// <summary>BLIP's ITM head needs each image's token features, which are too large to store: encode per batch.</summary>
    private bool ImagesNeedFeatures => _model.Scoring == ScoringMode.ItmPlusItc;

    public EncoderCalls Calls => new(
        Interlocked.Read(ref _imagesRequested), Interlocked.Read(ref _imagesEncoded), Interlocked.Read(ref _imagesFromCache),
        Interlocked.Read(ref _captionsRequested), Interlocked.Read(ref _captionsEncoded), Interlocked.Read(ref _captionsFromCache));

    /// <summary>The decode budget in use, in bytes.</summary>
    public long DecodeBudgetBytes => _budget.Bytes;

    /// <summary>Whether the pixel tensors are page-locked for a GPU (asked for, and the CUDA runtime agreed).</summary>
    public bool TensorsPageLocked => _pixelPool.PageLocked;

    /// <summary>
    /// Starts preparing batch <paramref name="number"/>. Call it for one batch after another, in case order, from one
    /// thread: that order is the order batches are planned in.
    /// </summary>
    public Task<PreparedBatch> PrepareAsync(int number, IReadOnlyList<AroCase> cases, DataFolderGuard? guard, CancellationToken cancellationToken)
    {
        var previous = _lastPlanned;
        var planned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _lastPlanned = planned.Task;
        return Task.Run(() => PrepareAsync(new PreparedBatch(number, cases) { Hold = _store.BeginHold(), Guard = guard }, previous, planned, cancellationToken), CancellationToken.None);
    }

    /// <summary>
    /// Fails the cases whose image an earlier batch claimed and could not decode. Call it when the encoding stage takes
    /// the batch: the earlier batch's decoding is over by then.
    /// </summary>
    public void FailBorrowedImages(PreparedBatch batch)
    {
        for (var i = 0; i < batch.Slots.Length; i++)
        {
            var slot = batch.Slots[i];
            if (slot.Failure is null && batch.Borrowed.TryGetValue(slot.Image, out var owner) && owner.ImageFailures.TryGetValue(slot.Image, out var failure))
            {
                batch.Slots[i] = CaseSlot.Failed(failure);
            }
        }
    }

    /// <summary>Called by the encoding stage once a batch's outputs are stored: its claims end.</summary>
    public void Completed(PreparedBatch batch)
    {
        lock (_lock)
        {
            foreach (var key in batch.Claimed)
            {
                if (_scheduled.TryGetValue(key, out var owner) && owner == batch)
                {
                    _scheduled.Remove(key);
                }
            }
        }
    }

    /// <summary>Gives the batch's tensor back to the pool (once encoded, it is not needed).</summary>
    public void ReturnPixels(PreparedBatch batch)
    {
        if (batch.Pixels is { } pixels)
        {
            batch.Pixels = null;
            _pixelPool.Return(pixels);
        }
    }

    /// <summary>Ends the batch: its hold on the store and its tensor.</summary>
    public void Release(PreparedBatch batch)
    {
        batch.Hold?.Dispose();
        ReturnPixels(batch);
    }

    private async Task<PreparedBatch> PrepareAsync(PreparedBatch batch, Task previous, TaskCompletionSource planned, CancellationToken cancellationToken)
    {
        var claimed = false;
        try
        {
            _profiler?.Mark(batch.Number, BatchMark.PrepareStarted);
            var files = await ReadFilesAsync(batch, cancellationToken).ConfigureAwait(false);
            var waited = PipelineProfiler.Start(_profiler);
            await previous.ConfigureAwait(false);
            _profiler?.Add(batch.Number, PipelineStage.PlanWait, waited, 0);
            List<ImageJob> jobs;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                jobs = Plan(batch, files);
                claimed = true;
            }
            finally
            {
                planned.TrySetResult();
            }

            await DecodeAsync(batch, jobs, cancellationToken).ConfigureAwait(false);
            _profiler?.Mark(batch.Number, BatchMark.Prepared);
            return batch;
        }
        catch
        {
            planned.TrySetResult();
            if (claimed)
            {
                Completed(batch);
            }

            Release(batch);
            throw;
        }
    }

    /// <summary>
    /// Step 1: what is known of every file of the batch — from memory for files seen before, else read and hashed now,
    /// in parallel. The plan step then looks at this batch's view alone, whatever other batches remember or forget.
    /// </summary>
    private async Task<Dictionary<string, ImageFileRead>> ReadFilesAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        var byPath = new Dictionary<string, ImageFileRead>(StringComparer.Ordinal);
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var problems = batch.Problems;
        lock (_lock)
        {
            for (var i = 0; i < batch.Cases.Count; i++)
            {
                var path = batch.Cases[i].ImagePath;
                if (problems[i] is not null || !seen.Add(path))
                {
                    continue;
                }

                if (_files.TryGetValue(path, out var facts))
                {
                    byPath[path] = new ImageFileRead(facts, null, null);
                }
                else if (_unreadable.TryGetValue(path, out var reason))
                {
                    byPath[path] = new ImageFileRead(null, null, reason);
                }
                else
                {
                    paths.Add(path);
                }
            }
        }

        var reads = new ImageFileRead[paths.Count];
        if (paths.Count > 0)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, paths.Count), Parallelism(cancellationToken),
                async (j, token) => reads[j] = await ReadAsync(batch, paths[j], token).ConfigureAwait(false)).ConfigureAwait(false);
        }

        lock (_lock)
        {
            for (var j = 0; j < paths.Count; j++)
            {
                byPath[paths[j]] = reads[j];
                if (reads[j].Facts is { } facts)
                {
                    Remember(_files, paths[j], facts);
                }
                else
                {
                    Remember(_unreadable, paths[j], reads[j].Failure!);
                }
            }
        }

        return byPath;
    }

    private async Task<ImageFileRead> ReadAsync(PreparedBatch batch, string path, CancellationToken cancellationToken)
    {
        var waited = PipelineProfiler.Start(_profiler);
        using (await _budget.AcquireAsync(FileLength(path), cancellationToken).ConfigureAwait(false))
        {
            _profiler?.Add(batch.Number, PipelineStage.BudgetWait, waited, 0);

            // As in PreprocessAsync: the budget is given back once ReadFile has returned and its bytes, unless kept, are garbage.
            return ReadFile(batch, path);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ImageFileRead ReadFile(PreparedBatch batch, string path)
    {
        try
        {
            var started = PipelineProfiler.Start(_profiler);
            var bytes = ImageFiles.Read(path);
            _profiler?.Add(batch.Number, PipelineStage.Read, started);
            started = PipelineProfiler.Start(_profiler);
            var hash = SHA256.HashData(bytes);
            _profiler?.Add(batch.Number, PipelineStage.Hash, started);
            started = PipelineProfiler.Start(_profiler);
            var pixels = ImageMemory.DeclaredPixels(bytes);
            _profiler?.Add(batch.Number, PipelineStage.Decode, started, 0);
            var kept = batch.TryKeepFile(bytes.Length, _memory.KeptFileBytesPerBatch) ? bytes : null;
            return new ImageFileRead(new ImageFileFacts(hash, bytes.Length, pixels), kept, null);
        }
        catch (ImageLoadException ex)
        {
            return new ImageFileRead(null, null, ex.Message);
        }
    }

    /// <summary>Step 2, in case order: what each case reads, and what this batch must encode.</summary>
    private List<ImageJob> Plan(PreparedBatch batch, Dictionary<string, ImageFileRead> reads)
    {
        var started = PipelineProfiler.Start(_profiler);
        var jobs = new List<ImageJob>();
        var jobKeys = new HashSet<EmbeddingKey>();
        var captionsThisBatch = new HashSet<EmbeddingKey>();
        var captionCount = 0;
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var aroCase = batch.Cases[i];
            if (batch.Problems[i] is { } problem)
            {
                batch.Slots[i] = CaseSlot.Failed(problem);
                continue;
            }

            _imagesRequested++;
            var (imageKey, facts, failure) = ResolveImage(aroCase, reads);
            if (failure is not null)
            {
                batch.Slots[i] = CaseSlot.Failed(failure);
                continue;
            }

            if (!jobKeys.Contains(imageKey) && NeedsEncoding(imageKey, isImage: true, batch))
            {
                jobKeys.Add(imageKey);
                jobs.Add(new ImageJob(imageKey, aroCase, facts!, reads[aroCase.ImagePath].Bytes));
            }

            var keys = new EmbeddingKey[aroCase.Captions.Count];
            var ids = new int[aroCase.Captions.Count][];
            for (var c = 0; c < keys.Length; c++)
            {
                _captionsRequested++;
                captionCount++;
                keys[c] = EmbeddingKey.ForCaption(_fingerprint, aroCase.Captions[c]);
                ids[c] = _model.Tokenizer.Encode(aroCase.Captions[c]);
                if (!captionsThisBatch.Contains(keys[c]) && NeedsEncoding(keys[c], isImage: false, batch))
                {
                    captionsThisBatch.Add(keys[c]);
                    batch.CaptionsToEncode.Add((keys[c], ids[c]));
                }
            }

            batch.Slots[i] = new CaseSlot(imageKey, keys, ids, null);
        }

        _captionsEncoded += batch.CaptionsToEncode.Count;
        batch.Claimed.AddRange(jobKeys);
        batch.Claimed.AddRange(batch.CaptionsToEncode.Select(c => c.Key));
        lock (_lock)
        {
            foreach (var key in batch.Claimed)
            {
                _scheduled[key] = batch;
            }
        }

        _profiler?.Add(batch.Number, PipelineStage.Tokenise, started, captionCount);
        return jobs;
    }

    /// <summary>The embedding key of a case's image (model, file content, crop box) and its file's facts, or why it cannot be read.</summary>
    private (EmbeddingKey Key, ImageFileFacts? Facts, string? Failure) ResolveImage(AroCase aroCase, Dictionary<string, ImageFileRead> reads)
    {
        var read = reads[aroCase.ImagePath];
        if (read.Failure is { } readFailure)
        {
            return (default, null, readFailure);
        }

        var facts = read.Facts!;
        var key = EmbeddingKey.ForImage(_fingerprint, facts.Sha256, aroCase.Crop);
        lock (_lock)
        {
            return _failedImages.TryGetValue(key, out var failed) ? (key, facts, failed) : (key, facts, null);
        }
    }

    private bool NeedsEncoding(EmbeddingKey key, bool isImage, PreparedBatch batch)
    {
        if (isImage && ImagesNeedFeatures)
        {
            return true;
        }

        // Held before anything is decided, so neither a stored embedding nor one an earlier batch is encoding can be
        // evicted before this batch is scored.
        var stored = _store.Hold(key, batch.Hold!);
        lock (_lock)
        {
            if (_scheduled.TryGetValue(key, out var owner))
            {
                batch.Borrowed[key] = owner;
                return false;
            }
        }

        if (!stored)
        {
            return true;
        }

        if (_store.IsFromEarlierRun(key))
        {
            if (isImage)
            {
                _imagesFromCache++;
            }
            else
            {
                _captionsFromCache++;
            }
        }

        return false;
    }

    /// <summary>Step 3: decodes, crops and transforms the claimed images in parallel into one pooled tensor.</summary>
    private async Task DecodeAsync(PreparedBatch batch, List<ImageJob> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        var length = _model.Transform.TensorLength;
        var pixels = _pixelPool.Rent(jobs.Count * length);
        batch.Pixels = pixels;
        var failures = new string?[jobs.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), Parallelism(cancellationToken),
            async (j, token) => failures[j] = await PreprocessAsync(batch.Number, jobs[j], pixels, j * length, token).ConfigureAwait(false)).ConfigureAwait(false);

        // Keep the successes packed at the front of the buffer, in job order.
        var next = 0;
        for (var j = 0; j < jobs.Count; j++)
        {
            if (failures[j] is { } failure)
            {
                batch.ImageFailures[jobs[j].Key] = failure;
                continue;
            }

            if (next != j)
            {
                Array.Copy(pixels, j * length, pixels, next * length, length);
            }

            batch.ImagesToEncode.Add(jobs[j].Key);
            next++;
        }

        Interlocked.Add(ref _imagesEncoded, next);
        if (batch.ImageFailures.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var (key, failure) in batch.ImageFailures)
            {
                Remember(_failedImages, key, failure);
            }
        }

        for (var i = 0; i < batch.Slots.Length; i++)
        {
            var slot = batch.Slots[i];
            if (slot.Failure is null && batch.ImageFailures.TryGetValue(slot.Image, out var failure))
            {
                batch.Slots[i] = CaseSlot.Failed(failure);
            }
        }
    }

    private async Task<string?> PreprocessAsync(int number, ImageJob job, float[] pixels, int offset, CancellationToken cancellationToken)
    {
        var waited = PipelineProfiler.Start(_profiler);
        var cost = ImageMemory.Cost(job.Bytes is null ? job.Facts.Length : 0, job.Facts.DeclaredPixels, job.Case.Crop);
        using (await _budget.AcquireAsync(cost, cancellationToken).ConfigureAwait(false))
        {
            _profiler?.Add(number, PipelineStage.BudgetWait, waited, 0);

            // The budget is given back only once Preprocess has returned, when nothing references its buffers any more:
            // released from inside it, the next image could allocate while this one's raster was still reachable
            // (measured: four crops of an image at the pixel limit then ran out of a 640 MiB heap one after another).
            return Preprocess(number, job, pixels, offset);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private string? Preprocess(int number, ImageJob job, float[] pixels, int offset)
    {
        var aroCase = job.Case;
        try
        {
            var started = PipelineProfiler.Start(_profiler);
            var bytes = job.Bytes;
            if (bytes is null)
            {
                bytes = ImageFiles.Read(aroCase.ImagePath);
                _profiler?.Add(number, PipelineStage.Read, started);
                started = PipelineProfiler.Start(_profiler);
                var same = SHA256.HashData(bytes).AsSpan().SequenceEqual(job.Facts.Sha256);
                _profiler?.Add(number, PipelineStage.Hash, started);
                if (!same)
                {
                    throw new ImageLoadException(aroCase.ImagePath, "changed while the run was reading it (its content no longer matches its first read)");
                }

                started = PipelineProfiler.Start(_profiler);
            }

            using var image = _loader.Decode(bytes, aroCase.ImagePath);
            _profiler?.Add(number, PipelineStage.Decode, started);
            started = PipelineProfiler.Start(_profiler);
            using var cropped = aroCase.Crop is { } crop ? PilCrop.Crop(image, crop) : null;
            if (cropped is not null)
            {
                _profiler?.Add(number, PipelineStage.Crop, started);
            }

            started = PipelineProfiler.Start(_profiler);
            _model.Transform.Apply(cropped ?? image, pixels.AsSpan(offset, _model.Transform.TensorLength));
            _profiler?.Add(number, PipelineStage.Transform, started);
            return null;
        }
        catch (AroException ex)
        {
            return ex.Message;
        }
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) => new()
    {
        MaxDegreeOfParallelism = _threadCount,
        TaskScheduler = _threads,
        CancellationToken = cancellationToken,
    };

    private static long FileLength(string path)
    {
        try
        {
            // Only to size the budget: a file that cannot be looked at is reported by ImageFiles.Read.
            return Math.Min(new FileInfo(path).Length, ImageFiles.MaxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 0;
        }
    }

    private static void Remember<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        // A bounded memory of what was seen: forgetting only costs a re-read, never a wrong answer.
        if (map.Count >= KeyMemory)
        {
            map.Clear();
        }

        map[key] = value;
    }

    /// <summary>One image a batch decodes: its key, the first case that uses it, its file's facts, and its bytes if kept from reading.</summary>
    private sealed record ImageJob(EmbeddingKey Key, AroCase Case, ImageFileFacts Facts, byte[]? Bytes);
}

/// <summary>What reading an image file once told: its content hash, its length and the pixels its header declares (null: unknown).</summary>
internal sealed record ImageFileFacts(byte[] Sha256, long Length, long? DeclaredPixels);

/// <summary>The read step's result for one file: its facts and, within the batch's limit, its bytes; or why it cannot be read.</summary>
internal sealed record ImageFileRead(ImageFileFacts? Facts, byte[]? Bytes, string? Failure);
