using System.Buffers;
using System.Security.Cryptography;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>
/// The preparation stage: for each case, finds its image's and captions' embedding keys, decides what still needs
/// encoding (nothing that is stored, already scheduled by an earlier batch, or repeated in this batch), then decodes,
/// crops and transforms the new images in parallel into one pooled buffer and tokenises the new captions.
/// Runs on one thread at a time (the pipeline's producer), so its bookkeeping needs no locks except the set of
/// keys shared with the encoding stage.
/// </summary>
internal sealed class BatchPreparer(
    IEvaluationModel model,
    EvaluationSettings settings,
    EmbeddingStore store,
    byte[] fingerprint,
    ArrayPool<float> pixelPool)
{
    private const int KeyMemory = 1 << 16;
    private readonly ImageLoader _loader = new();
    private readonly Dictionary<ImageKey, EmbeddingKey> _keysByImage = [];
    private readonly Dictionary<ImageKey, string> _unreadable = [];
    private readonly Dictionary<EmbeddingKey, string> _failedImages = [];
    private readonly HashSet<EmbeddingKey> _scheduled = [];
    private readonly Lock _scheduledLock = new();
    private long _imagesRequested;
    private long _imagesEncoded;
    private long _imagesFromCache;
    private long _captionsRequested;
    private long _captionsEncoded;
    private long _captionsFromCache;

    /// <summary>BLIP's ITM head needs each image's token features, which are too large to store: encode per batch.</summary>
    private bool ImagesNeedFeatures => model.Scoring == ScoringMode.ItmPlusItc;

    public EncoderCalls Calls => new(_imagesRequested, _imagesEncoded, _imagesFromCache, _captionsRequested, _captionsEncoded, _captionsFromCache);

    public PreparedBatch Prepare(IReadOnlyList<AroCase> cases, DataFolderGuard? guard, CancellationToken cancellationToken)
    {
        var batch = new PreparedBatch(cases) { Hold = store.BeginHold() };
        var jobs = new Dictionary<EmbeddingKey, (AroCase First, byte[]? Bytes)>();
        var captionsThisBatch = new HashSet<EmbeddingKey>();
        for (var i = 0; i < cases.Count; i++)
        {
            var aroCase = cases[i];
            if ((CaseProblems.Find(aroCase) ?? guard?.Problem(aroCase.ImagePath)) is { } problem)
            {
                batch.Slots[i] = CaseSlot.Failed(problem);
                continue;
            }

            _imagesRequested++;
            var (imageKey, bytes, failure) = ResolveImage(aroCase);
            if (failure is not null)
            {
                batch.Slots[i] = CaseSlot.Failed(failure);
                continue;
            }

            if (!jobs.ContainsKey(imageKey) && NeedsEncoding(imageKey, isImage: true, batch.Hold))
            {
                jobs[imageKey] = (aroCase, bytes);
            }

            var keys = new EmbeddingKey[aroCase.Captions.Count];
            var ids = new int[aroCase.Captions.Count][];
            for (var c = 0; c < keys.Length; c++)
            {
                _captionsRequested++;
                keys[c] = EmbeddingKey.ForCaption(fingerprint, aroCase.Captions[c]);
                ids[c] = model.Tokenizer.Encode(aroCase.Captions[c]);
                if (!captionsThisBatch.Contains(keys[c]) && NeedsEncoding(keys[c], isImage: false, batch.Hold))
                {
                    captionsThisBatch.Add(keys[c]);
                    batch.CaptionsToEncode.Add((keys[c], ids[c]));
                }
            }

            batch.Slots[i] = new CaseSlot(imageKey, keys, ids, null);
        }

        DecodeImages(batch, [.. jobs.Select(j => (j.Key, j.Value.First, j.Value.Bytes))], cancellationToken);
        _captionsEncoded += batch.CaptionsToEncode.Count;
        lock (_scheduledLock)
        {
            foreach (var key in batch.ImagesToEncode)
            {
                _scheduled.Add(key);
            }

            foreach (var (key, _) in batch.CaptionsToEncode)
            {
                _scheduled.Add(key);
            }
        }

        return batch;
    }

    /// <summary>Called by the encoding stage once a batch's outputs are stored.</summary>
    public void Completed(PreparedBatch batch)
    {
        lock (_scheduledLock)
        {
            foreach (var key in batch.ImagesToEncode)
            {
                _scheduled.Remove(key);
            }

            foreach (var (key, _) in batch.CaptionsToEncode)
            {
                _scheduled.Remove(key);
            }
        }
    }

    private bool NeedsEncoding(EmbeddingKey key, bool isImage, EmbeddingHold hold)
    {
        if (isImage && ImagesNeedFeatures)
        {
            return true;
        }

        // Held before anything is decided, so neither a stored embedding nor one an earlier batch is encoding can be
        // evicted before this batch is scored.
        var stored = store.Hold(key, hold);
        lock (_scheduledLock)
        {
            if (_scheduled.Contains(key))
            {
                return false;
            }
        }

        if (!stored)
        {
            return true;
        }

        if (store.IsFromEarlierRun(key))
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

    /// <summary>The embedding key of a case's image: model, file content and crop box.</summary>
    private (EmbeddingKey Key, byte[]? Bytes, string? Failure) ResolveImage(AroCase aroCase)
    {
        var imageKey = ImageKey.Of(aroCase);
        if (_unreadable.TryGetValue(imageKey, out var reason))
        {
            return (default, null, reason);
        }

        if (_keysByImage.TryGetValue(imageKey, out var known))
        {
            return _failedImages.TryGetValue(known, out var failed) ? (known, null, failed) : (known, null, null);
        }

        byte[] bytes;
        try
        {
            bytes = ImageFiles.Read(aroCase.ImagePath);
        }
        catch (ImageLoadException ex)
        {
            Remember(_unreadable, imageKey, ex.Message);
            return (default, null, ex.Message);
        }

        var key = EmbeddingKey.ForImage(fingerprint, SHA256.HashData(bytes), aroCase.Crop);
        Remember(_keysByImage, imageKey, key);
        return _failedImages.TryGetValue(key, out var known2) ? (key, null, known2) : (key, bytes, null);
    }

    private void DecodeImages(PreparedBatch batch, List<(EmbeddingKey Key, AroCase First, byte[]? Bytes)> jobs, CancellationToken cancellationToken)
    {
        if (jobs.Count == 0)
        {
            return;
        }

        var length = model.Transform.TensorLength;
        var pixels = pixelPool.Rent(jobs.Count * length);
        var failures = new string?[jobs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.EffectivePreprocessThreads, CancellationToken = cancellationToken };
        Parallel.For(0, jobs.Count, options, j => failures[j] = Preprocess(jobs[j].First, jobs[j].Bytes, pixels.AsSpan(j * length, length)));

        // Keep the successes packed at the front of the buffer, in job order.
        var next = 0;
        for (var j = 0; j < jobs.Count; j++)
        {
            if (failures[j] is { } failure)
            {
                Remember(_failedImages, jobs[j].Key, failure);
                continue;
            }

            if (next != j)
            {
                Array.Copy(pixels, j * length, pixels, next * length, length);
            }

            batch.ImagesToEncode.Add(jobs[j].Key);
            next++;
        }

        _imagesEncoded += next;
        batch.Pixels = pixels;
        for (var i = 0; i < batch.Slots.Length; i++)
        {
            var slot = batch.Slots[i];
            if (slot.Failure is null && _failedImages.TryGetValue(slot.Image, out var failure))
            {
                batch.Slots[i] = CaseSlot.Failed(failure);
            }
        }
    }

    private string? Preprocess(AroCase aroCase, byte[]? bytes, Span<float> destination)
    {
        try
        {
            using var image = _loader.Decode(bytes ?? ImageFiles.Read(aroCase.ImagePath), aroCase.ImagePath);
            using var cropped = aroCase.Crop is { } crop ? PilCrop.Crop(image, crop) : null;
            model.Transform.Apply(cropped ?? image, destination);
            return null;
        }
        catch (AroException ex)
        {
            return ex.Message;
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
}

/// <summary>What makes two cases' images the same encoder input: the file and the crop box.</summary>
public readonly record struct ImageKey(string Path, CropBox? Crop)
{
    public static ImageKey Of(AroCase aroCase) => new(aroCase.ImagePath, aroCase.Crop);
}
