using Aro.Core.Models;

namespace Aro.Core.Pipeline;

/// <summary>
/// The encoding stage: runs a prepared batch's new images through the vision graph and its new captions through the
/// text graph, shortest captions first so each text batch is padded only to lengths close to its own. The stage does
/// nothing else — storing, scoring and writing happen in <see cref="BatchWriter"/> on another thread — so the encoders
/// go from one batch to the next without waiting for the disk. With
/// <see cref="EvaluationSettings.EffectiveOverlapEncoders"/> the text graph runs beside the vision graph.
/// </summary>
internal sealed class BatchEncoder(IEvaluationModel model, EvaluationSettings settings, PipelineProfiler? profiler)
{
    public void Encode(PreparedBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        profiler?.Mark(batch.Number, BatchMark.EncodeStarted);
        var beside = settings.EffectiveOverlapEncoders && batch.ImagesToEncode.Count > 0 && batch.CaptionsToEncode.Count > 0
            ? Task.Run(() => EncodeCaptions(batch, cancellationToken), cancellationToken)
            : null;
        try
        {
            EncodeImages(batch, cancellationToken);
        }
        catch
        {
            // The text graph must not outlive the batch it reads.
            try
            {
                beside?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The vision graph's failure is the one reported.
            }

            throw;
        }

        if (beside is null)
        {
            EncodeCaptions(batch, cancellationToken);
        }
        else
        {
            beside.GetAwaiter().GetResult();
        }

        profiler?.Describe(batch.Number, batch.Cases.Count, batch.ImagesToEncode.Count, batch.CaptionsToEncode.Count);
        profiler?.Mark(batch.Number, BatchMark.Encoded);
    }

    private void EncodeImages(PreparedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.ImagesToEncode.Count == 0)
        {
            return;
        }

        var started = PipelineProfiler.Start(profiler);
        var encoded = model.ImageEncoder.Encode(batch.Pixels!, batch.ImagesToEncode.Count, cancellationToken);
        profiler?.Add(batch.Number, PipelineStage.EncodeImages, started, batch.ImagesToEncode.Count);
        for (var i = 0; i < encoded.Count; i++)
        {
            batch.Images[batch.ImagesToEncode[i]] = encoded[i];
        }
    }

    private void EncodeCaptions(PreparedBatch batch, CancellationToken cancellationToken)
    {
        var captions = batch.CaptionsToEncode.OrderBy(c => c.Ids.Length).ToList();
        for (var start = 0; start < captions.Count; start += settings.TextBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = captions.GetRange(start, Math.Min(settings.TextBatchSize, captions.Count - start));
            var started = PipelineProfiler.Start(profiler);
            var embeddings = model.TextEncoder.Encode([.. chunk.Select(c => c.Ids)], cancellationToken);
            profiler?.Add(batch.Number, PipelineStage.EncodeCaptions, started, chunk.Count);
            for (var i = 0; i < chunk.Count; i++)
            {
                batch.Captions[chunk[i].Key] = embeddings[i];
            }
        }
    }
}
