using Aro.Core.Data;
using Aro.Core.Imaging;
using Aro.Core.Models;

namespace Aro.Core.Eval;

/// <summary>
/// Runs one subset through a loaded model: cases stream in, are cut into batches, each batch's distinct
/// images (file + crop) are decoded, cropped and transformed in parallel and encoded once, its distinct captions
/// tokenised and encoded once, every option scored, and the results handed out in case order.
/// </summary>
public sealed class EvaluationPipeline(LoadedModel model, EvaluationSettings settings)
{
    private readonly ImageLoader _loader = new();

    /// <summary>Evaluates the subset; <paramref name="onResult"/> sees every result in case order.</summary>
    public async Task<SubsetSummary> RunAsync(
        ICaseReader reader,
        Action<CaseResult> onResult,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var metrics = new MacroAccuracy(reader.Subset);
        var total = await CountAsync(reader, cancellationToken).ConfigureAwait(false);
        var done = 0;
        progress?.Report(new EvaluationProgress(reader.Subset.Name, 0, total));
        var batch = new List<AroCase>(settings.BatchSize);
        await foreach (var aroCase in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (settings.Limit is { } limit && aroCase.Index >= limit)
            {
                break;
            }

            batch.Add(aroCase);
            if (batch.Count == settings.BatchSize)
            {
                done += Flush(batch, metrics, onResult, cancellationToken);
                progress?.Report(new EvaluationProgress(reader.Subset.Name, done, total));
            }
        }

        if (batch.Count > 0)
        {
            done += Flush(batch, metrics, onResult, cancellationToken);
            progress?.Report(new EvaluationProgress(reader.Subset.Name, done, total));
        }

        return metrics.Summarize();
    }

    /// <summary>Scores one batch of cases against the model.</summary>
    public IReadOnlyList<CaseResult> Evaluate(IReadOnlyList<AroCase> cases, CancellationToken cancellationToken = default)
    {
        var images = EncodeImages(cases, cancellationToken);
        var captions = EncodeCaptions(cases);
        var requests = cases
            .Select(c => new ScoringRequest(images[ImageKey.Of(c)], [.. c.Captions.Select(t => captions[t])]))
            .ToList();
        var scores = model.Scorer.Score(requests);
        return [.. cases.Select((c, i) => new CaseResult(c.Index, c.Id, c.Group, c.Label, FirstArgmax.Of(scores[i]), scores[i]))];
    }

    private int Flush(List<AroCase> batch, MacroAccuracy metrics, Action<CaseResult> onResult, CancellationToken cancellationToken)
    {
        foreach (var result in Evaluate(batch, cancellationToken))
        {
            metrics.Add(result.Group, result.Correct);
            onResult(result);
        }

        var count = batch.Count;
        batch.Clear();
        return count;
    }

    private async Task<int?> CountAsync(ICaseReader reader, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var aroCase in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            if (settings.Limit is { } limit && count >= limit)
            {
                break;
            }
        }

        return count;
    }

    private Dictionary<ImageKey, ImageEncoding> EncodeImages(IReadOnlyList<AroCase> cases, CancellationToken cancellationToken)
    {
        var distinct = new List<(ImageKey Key, AroCase First)>();
        var seen = new HashSet<ImageKey>();
        foreach (var aroCase in cases)
        {
            var key = ImageKey.Of(aroCase);
            if (seen.Add(key))
            {
                distinct.Add((key, aroCase));
            }
        }

        var length = model.Transform.TensorLength;
        var pixels = new float[distinct.Count * length];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = settings.EffectivePreprocessThreads,
            CancellationToken = cancellationToken,
        };
        // Failures are kept per image and the first in case order is thrown, so the error a user sees does not
        // depend on thread timing.
        var failures = new AroException?[distinct.Count];
        Parallel.For(0, distinct.Count, options, i => failures[i] = Preprocess(distinct[i].First, pixels.AsSpan(i * length, length)));
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            throw failure;
        }

        var encoded = model.ImageEncoder.Encode(pixels, distinct.Count);
        var result = new Dictionary<ImageKey, ImageEncoding>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            result[distinct[i].Key] = encoded[i];
        }

        return result;
    }

    /// <summary>Decodes, crops and transforms one image; returns the failure instead of throwing it.</summary>
    private AroException? Preprocess(AroCase aroCase, Span<float> destination)
    {
        try
        {
            var image = _loader.Load(aroCase.ImagePath);
            if (aroCase.Crop is { } crop)
            {
                image = PilCrop.Crop(image, crop);
            }

            model.Transform.Apply(image, destination);
            return null;
        }
        catch (AroException ex)
        {
            return new AroException($"case {aroCase.Id}: {ex.Message}", ex.ExitCode, ex);
        }
    }

    private Dictionary<string, TextEncoding> EncodeCaptions(IReadOnlyList<AroCase> cases)
    {
        var distinct = cases.SelectMany(c => c.Captions).Distinct(StringComparer.Ordinal).ToList();
        var ids = distinct.Select(model.Tokenizer.Encode).ToList();
        var result = new Dictionary<string, TextEncoding>(distinct.Count, StringComparer.Ordinal);
        var chunk = Math.Max(settings.BatchSize, 1);
        for (var start = 0; start < distinct.Count; start += chunk)
        {
            var count = Math.Min(chunk, distinct.Count - start);
            var embeddings = model.TextEncoder.Encode(ids.GetRange(start, count));
            for (var i = 0; i < count; i++)
            {
                result[distinct[start + i]] = new TextEncoding(ids[start + i], embeddings[i]);
            }
        }

        return result;
    }
}
