using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>
/// The last stage, one batch after another in case order: stores the batch's new embeddings (in memory and the cache
/// file), ends its claims, scores every option and hands each outcome to the sink. It runs beside the encoders, so
/// the cache appends, the predictions file and the per-batch checkpoint (flushed to disk) never hold them up.
/// </summary>
internal sealed class BatchWriter(IEvaluationModel model, EmbeddingStore store, BatchPreparer preparer, PipelineProfiler? profiler, ErrorPolicy onError)
{
    /// <summary>Writes the batch's outcomes; returns how many cases it held.</summary>
    public int Write(SubsetDefinition subset, PreparedBatch batch, ICaseSink sink, CancellationToken cancellationToken)
    {
        var started = PipelineProfiler.Start(profiler);
        Store(batch);
        profiler?.Add(batch.Number, PipelineStage.Write, started, 0);
        started = PipelineProfiler.Start(profiler);
        var requests = new List<ScoringRequest>(batch.Cases.Count);
        for (var i = 0; i < batch.Cases.Count; i++)
        {
            var slot = batch.Slots[i];
            if (slot.Failure is null)
            {
                var request = new ScoringRequest(ImageFor(batch, slot.Image), [.. slot.Captions.Select((key, c) => TextFor(batch, key, slot.CaptionIds[c]))]);
                if (BadEmbedding(request) is { } problem)
                {
                    if (onError == ErrorPolicy.Fail)
                    {
                        throw new AroInputException($"case {batch.Cases[i].Id} of {subset.Name}: {problem} (use --on-error skip to leave bad cases out)");
                    }

                    batch.Slots[i] = CaseSlot.Failed(problem);
                    continue;
                }

                requests.Add(request);
            }
        }

        if (sink is IEncodingSink encodings)
        {
            HandOver(batch, requests, encodings);
            profiler?.Add(batch.Number, PipelineStage.Score, started, 0);
            sink.BatchCompleted();
            profiler?.Mark(batch.Number, BatchMark.Written);
            return batch.Cases.Count;
        }

        var scores = model.Scorer.Score(requests, cancellationToken);
        profiler?.Add(batch.Number, PipelineStage.Score, started, requests.Count);
        started = PipelineProfiler.Start(profiler);
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

        sink.BatchCompleted();
        profiler?.Add(batch.Number, PipelineStage.Write, started, batch.Cases.Count);
        profiler?.Mark(batch.Number, BatchMark.Written);
        return batch.Cases.Count;
    }

    /// <summary>Gives an <see cref="IEncodingSink"/> the encodings the scorer would have had, in case order.</summary>
    private static void HandOver(PreparedBatch batch, List<ScoringRequest> requests, IEncodingSink sink)
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
    }

    /// <summary>Why a case's image or caption embedding cannot be scored (<see cref="EmbeddingCheck"/>), or null.</summary>
    private string? BadEmbedding(ScoringRequest request)
    {
        if (EmbeddingCheck.Problem(request.Image.Embedding) is { } image)
        {
            return EmbeddingCheck.Describe("image", model.ImageEncoder.Signature.FileName, image);
        }

        for (var c = 0; c < request.Options.Count; c++)
        {
            if (EmbeddingCheck.Problem(request.Options[c].Embedding) is { } text)
            {
                return EmbeddingCheck.Describe("text", model.TextEncoder.Signature.FileName, text, $"caption option {c}");
            }
        }

        return null;
    }

    /// <summary>Stores what the batch encoded — images first, then captions in the order they were encoded — and ends its claims.</summary>
    /// <remarks>A bad embedding is stored as the graph gave it (it is what the graph gives for this input, and a batch
    /// prepared meanwhile may count on finding it): <see cref="Write"/> checks every embedding it scores, whatever its
    /// source.</remarks>
    private void Store(PreparedBatch batch)
    {
        foreach (var key in batch.ImagesToEncode)
        {
            store.Add(key, batch.Images[key].Embedding);
        }

        foreach (var (key, _) in batch.CaptionsToEncode.OrderBy(c => c.Ids.Length))
        {
            store.Add(key, batch.Captions[key]);
        }

        preparer.Completed(batch);
    }

    private ImageEncoding ImageFor(PreparedBatch batch, EmbeddingKey key) =>
        batch.Images.TryGetValue(key, out var encoding) ? encoding
        : store.TryGet(key, out var vector) ? new ImageEncoding(vector)
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
        : store.TryGet(key, out var stored) ? stored
        : throw new AroException($"internal error: caption embedding {key.Value:x} was neither encoded nor stored");
}
