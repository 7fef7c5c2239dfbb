using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Models.Scoring;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>
/// Collects one retrieval pass's embeddings from the case pipeline: case <c>i</c> is image <c>i</c> with the texts of its
/// captions in caption order, so its image embedding is row <c>i</c> of the image matrix and its option <c>j</c> is the
/// row of its <c>j</c>-th caption. A case the pipeline could not score stops the run: recall is over every image and
/// caption, so none can be left out.
/// </summary>
internal sealed class RetrievalEncodingSink(RetrievalSubset subset, RetrievalCorpus corpus, IReadOnlyList<int[]> captionsOfImage) : IEncodingSink
{
    private EmbeddingMatrix? _images;
    private EmbeddingMatrix? _texts;

    public void Encoded(AroCase aroCase, ScoringRequest encodings)
    {
        var image = aroCase.Index;
        _images ??= new EmbeddingMatrix(corpus.Images.Count, encodings.Image.Embedding.Length);
        _texts ??= new EmbeddingMatrix(corpus.Captions.Count, encodings.Image.Embedding.Length);
        _images.Set(image, encodings.Image.Embedding);
        var captions = captionsOfImage[image];
        for (var j = 0; j < captions.Length; j++)
        {
            _texts.Set(captions[j], encodings.Options[j].Embedding);
        }
    }

    public void Add(AroCase aroCase, CaseResult result) =>
        throw new InvalidOperationException("an encoding sink is given encodings, not scores");

    public void Skip(SkippedCase skipped) => throw new AroInputException(
        $"{subset.Name}: image {skipped.Index} ({corpus.Images[skipped.Index]}) cannot be used: {skipped.Reason}. " +
        "Retrieval ranks every image against every caption, so no image can be left out (--on-error skip does not apply); fix or replace the image.");

    public void BatchCompleted()
    {
    }

    /// <summary>The image and text matrices, every row filled.</summary>
    public (EmbeddingMatrix Images, EmbeddingMatrix Texts) Result()
    {
        if (_images is null || _texts is null || _images.FirstMissing >= 0 || _texts.FirstMissing >= 0)
        {
            throw new AroException($"internal error: {subset.Name}'s pass left embeddings missing (image {_images?.FirstMissing}, caption {_texts?.FirstMissing})");
        }

        return (_images, _texts);
    }
}
