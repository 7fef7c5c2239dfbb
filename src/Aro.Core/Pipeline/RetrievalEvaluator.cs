using System.Globalization;
using System.Runtime.CompilerServices;
using Aro.Core.Benchmarks;
using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.Core.Perturbations;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>
/// Retrieval as the ARO paper's <c>main_retrieval.py</c> runs it, for the original captions and each perturbation:
/// <list type="number">
/// <item>the texts: <c>pre_caption(caption, 30)</c>, or <c>p(pre_caption(caption, 30))</c> re-joined by single spaces and
/// not cleaned again (<see cref="CaptionPerturber"/>), each written to the captions file;</item>
/// <item>the embeddings: through the case pipeline (one case per image with its captions' texts), so each distinct image
/// and text is encoded once, shared with other subsets and seeds and kept in the embedding cache; perturbed images
/// (<see cref="ImagePerturbations"/>, applied to the transformed tensor) are encoded apart, never cached;</item>
/// <item>the ranking: the images x texts cosine matrix in tiles, keeping each query's best k
/// (<see cref="SimilarityRanking"/>; k = 10, or BLIP's 128 candidates);</item>
/// <item>for BLIP packages under ITM+ITC, BLIP's own re-ranking: every candidate pair re-scored with the ITM head's
/// positive logit plus its ITC cosine, everything else at -100 (<see cref="RescoredRanking"/>), each image encoded
/// again for its token features;</item>
/// <item>recall@1, 5, 10 in both directions (<see cref="RetrievalRecalls"/>).</item>
/// </list>
/// Memory: the image and caption embeddings of the original and of the perturbation being scored (for COCO at 512
/// floats: 2 x (5,000 + 25,010) x 2 KiB = 123 MB), the rankings (see <see cref="SimilarityRanking"/>) and, under ITM,
/// the candidate pairs (8 bytes + a score each, at most (images + captions) x 128: 46 MB for COCO) — never the matrix.
/// </summary>
public sealed class RetrievalEvaluator
{
    private readonly IEvaluationModel _model;
    private readonly EvaluationPipeline _itc;
    private readonly ImageBatchEncoder _images;

    private RetrievalEvaluator(IEvaluationModel model, EvaluationPipeline itc, EvaluationSettings settings)
    {
        _model = model;
        _itc = itc;
        _images = new ImageBatchEncoder(model, settings);
    }

    /// <summary>What this evaluator's case pipeline and its own image passes encoded.</summary>
    public EncoderCalls Calls => _itc.Calls.Plus(new EncoderCalls(_images.Encoded, _images.Encoded, 0, 0, 0, 0));

    /// <summary>
    /// An evaluator over the run's store: its case pipeline sees the model through its dual encoders, so a BLIP
    /// package's image embeddings come from the cache like CLIP's.
    /// </summary>
    public static RetrievalEvaluator Create(IEvaluationModel model, EvaluationSettings settings, EmbeddingStore store, byte[] fingerprint)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new RetrievalEvaluator(model, new EvaluationPipeline(new ItcModelView(model), settings, store, fingerprint), settings);
    }

    /// <summary>Evaluates <paramref name="corpus"/> with every perturbation of <paramref name="plan"/>.</summary>
    /// <param name="subset">The subset (its name and <c>pre_caption</c> word limit).</param>
    /// <param name="corpus">Its images and captions.</param>
    /// <param name="plan">Perturbations, seeds and BLIP's candidate count.</param>
    /// <param name="captions">Receives every text scored: (perturbation, seed, caption index, image index, text).</param>
    /// <param name="progress">Images processed, over all passes.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<RetrievalOutcome> RunAsync(
        RetrievalSubset subset,
        RetrievalCorpus corpus,
        RetrievalPlan plan,
        CaptionsCsvWriter captions,
        IProgress<EvaluationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subset);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(captions);
        if (corpus.Images.Count == 0 || corpus.Captions.Count == 0)
        {
            throw new AroInputException($"{subset.Name}: {corpus.AnnotationFile} holds {corpus.Images.Count} images and {corpus.Captions.Count} captions; retrieval needs both");
        }

        var encodedBefore = _images.Encoded;
        var problem = new Problem(subset, corpus);
        var cleaned = corpus.Captions.Select(c => PreCaption.Apply(c.Text, subset.MaxWords)).ToArray();
        var itm = _model.Scoring == ScoringMode.ItmPlusItc;
        var passes = 1 + (plan.Perturbed.Count * plan.Seeds.Count) + (plan.ImagePerturbations.Count * plan.Seeds.Count);
        var tracker = new Tracker(subset.Name, (long)corpus.Images.Count * passes * (itm ? 2 : 1), progress);
        tracker.Report();

        Write(captions, CaptionPerturbation.None.Name(), "", cleaned, problem);
        var (images, originalTexts) = await EncodeAsync(problem, cleaned, tracker, cancellationToken).ConfigureAwait(false);
        var original = Recalls(problem, plan, images, originalTexts, cleaned, null, tracker, cancellationToken);
        var rows = new List<RetrievalRow> { Row(CaptionPerturbation.None.Name(), "", problem, original) };

        var perturbers = plan.Seeds.ToDictionary(seed => seed, seed => new CaptionPerturber(seed));
        foreach (var perturbation in plan.Perturbed)
        {
            var runs = new List<RetrievalRow>();
            foreach (var seed in plan.Seeds)
            {
                var texts = cleaned.Select((text, j) => perturbers[seed].Perturb(text, perturbation, j)).ToArray();
                var seedText = seed.ToString(CultureInfo.InvariantCulture);
                Write(captions, perturbation.Name(), seedText, texts, problem);
                var (_, perturbed) = await EncodeAsync(problem, texts, tracker, cancellationToken).ConfigureAwait(false);
                runs.Add(Row(perturbation.Name(), seedText, problem, Recalls(problem, plan, images, perturbed, texts, null, tracker, cancellationToken)));
            }

            rows.AddRange(runs);
            rows.AddRange(RetrievalSeedRows.Of(runs));
        }

        foreach (var perturbation in plan.ImagePerturbations)
        {
            var runs = new List<RetrievalRow>();
            foreach (var seed in plan.Seeds)
            {
                var shuffled = EncodeImages(problem, (perturbation, seed), tracker, cancellationToken);
                var recalls = Recalls(problem, plan, shuffled, originalTexts, cleaned, (perturbation, seed), tracker, cancellationToken);
                runs.Add(Row(perturbation.Name(), seed.ToString(CultureInfo.InvariantCulture), problem, recalls));
            }

            rows.AddRange(runs);
            rows.AddRange(RetrievalSeedRows.Of(runs));
        }

        return new RetrievalOutcome(rows, original, _images.Encoded - encodedBefore);
    }

    private static RetrievalRow Row(string perturbation, string seed, Problem problem, RetrievalRecalls recalls) => new(
        perturbation, seed, problem.Corpus.Images.Count, problem.Corpus.Captions.Count,
        [.. RetrievalRecalls.Ks.Select(recalls.ImageToText)], [.. RetrievalRecalls.Ks.Select(recalls.TextToImage)]);

    private static void Write(CaptionsCsvWriter writer, string perturbation, string seed, string[] texts, Problem problem)
    {
        for (var j = 0; j < texts.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(texts[j]))
            {
                throw new AroInputException(
                    $"{problem.Subset.Name}: caption {j} of image {problem.ImageOf[j]} is empty after pre_caption (\"{problem.Corpus.Captions[j].Text}\" in {problem.Corpus.AnnotationFile}); every caption must have a word left");
            }

            writer.Write(perturbation, seed, j, problem.ImageOf[j], texts[j]);
        }
    }

    /// <summary>One pass through the case pipeline: image <c>i</c> with its captions' <paramref name="texts"/>.</summary>
    private async Task<(EmbeddingMatrix Images, EmbeddingMatrix Texts)> EncodeAsync(Problem problem, string[] texts, Tracker tracker, CancellationToken cancellationToken)
    {
        var sink = new RetrievalEncodingSink(problem.Subset, problem.Corpus, problem.CaptionsOfImage);
        await _itc.RunAsync(problem.Subset, Cases(problem, texts, cancellationToken), sink, checked((int)tracker.Total), checked((int)tracker.Done), tracker.Progress,
                [Path.GetDirectoryName(problem.Corpus.AnnotationFile)!], cancellationToken)
            .ConfigureAwait(false);
        tracker.Done += problem.Corpus.Images.Count;
        return sink.Result();
    }

    private static async IAsyncEnumerable<AroCase> Cases(Problem problem, string[] texts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < problem.Corpus.Images.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IReadOnlyList<string> options = [.. problem.CaptionsOfImage[i].Select(j => texts[j])];

            // A case needs two options; an image with one caption lists it twice (encoded once, read once).
            if (options.Count == 1)
            {
                options = [options[0], options[0]];
            }

            yield return new AroCase(i, problem.Subset.CaseId(i), problem.Corpus.Images[i], null, options, 0, problem.Subset.Name);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private EmbeddingMatrix EncodeImages(Problem problem, (ImagePerturbation Kind, long Seed) perturbation, Tracker tracker, CancellationToken cancellationToken)
    {
        EmbeddingMatrix? matrix = null;
        _images.Encode(problem.Corpus.Images, perturbation, (start, encodings) =>
        {
            for (var b = 0; b < encodings.Count; b++)
            {
                matrix ??= new EmbeddingMatrix(problem.Corpus.Images.Count, encodings[b].Embedding.Length);
                matrix.Set(start + b, encodings[b].Embedding);
            }
        }, problem.DescribeImage, tracker.Within(), cancellationToken);
        tracker.Done += problem.Corpus.Images.Count;
        return matrix!;
    }

    private RetrievalRecalls Recalls(
        Problem problem, RetrievalPlan plan, EmbeddingMatrix images, EmbeddingMatrix texts, string[] textStrings,
        (ImagePerturbation Kind, long Seed)? imagePerturbation, Tracker tracker, CancellationToken cancellationToken)
    {
        var itm = _model.Scoring == ScoringMode.ItmPlusItc;
        var k = itm ? plan.ItmCandidates : RetrievalRecalls.MaxK;
        var ranks = SimilarityRanking.Rank(images, texts, k, k, Environment.ProcessorCount, cancellationToken);
        if (!itm)
        {
            return RetrievalRecalls.From(
                [.. ranks.PerImage.Select(l => l.Indices)], [.. ranks.PerText.Select(l => l.Indices)], problem.ImageOf);
        }

        return Rerank(problem, ranks, texts, textStrings, imagePerturbation, tracker, cancellationToken);
    }

    /// <summary>
    /// BLIP's re-ranking: the union of both directions' candidate pairs, each scored once by the model's ITM + ITC
    /// scorer with the image's token features (images encoded again, one batch at a time), then each query's row
    /// ranked with -100 for every non-candidate.
    /// </summary>
    private RetrievalRecalls Rerank(
        Problem problem, SimilarityRankings ranks, EmbeddingMatrix texts, string[] textStrings,
        (ImagePerturbation Kind, long Seed)? imagePerturbation, Tracker tracker, CancellationToken cancellationToken)
    {
        var (imageCount, textCount) = (problem.Corpus.Images.Count, problem.Corpus.Captions.Count);
        var textsOfImage = ranks.PerImage.Select(l => l.Indices).ToArray();
        var imagesOfText = ranks.PerText.Select(l => l.Indices).ToArray();
        var keys = new List<long>();
        for (var i = 0; i < imageCount; i++)
        {
            keys.AddRange(textsOfImage[i].Select(t => Key(i, t, textCount)));
        }

        for (var t = 0; t < textCount; t++)
        {
            keys.AddRange(imagesOfText[t].Select(i => Key(i, t, textCount)));
        }

        var pairs = Distinct(keys);
        keys.Clear();
        var starts = new int[imageCount + 1];
        for (int i = 0, p = 0; i <= imageCount; i++)
        {
            while (p < pairs.Length && pairs[p] / textCount < i)
            {
                p++;
            }

            starts[i] = p;
        }

        var ids = textStrings.Select(_model.Tokenizer.Encode).ToArray();
        var scores = new double[pairs.Length];
        _images.Encode(problem.Corpus.Images, imagePerturbation, (start, encodings) =>
        {
            var requests = new List<ScoringRequest>(encodings.Count);
            for (var b = 0; b < encodings.Count; b++)
            {
                var i = start + b;

                // One TextEncoding per distinct text, so identical captions are one (image, caption) pair to the scorer.
                var shared = new Dictionary<string, TextEncoding>(StringComparer.Ordinal);
                var options = new List<TextEncoding>(starts[i + 1] - starts[i]);
                for (var p = starts[i]; p < starts[i + 1]; p++)
                {
                    var t = (int)(pairs[p] % textCount);
                    if (!shared.TryGetValue(textStrings[t], out var encoding))
                    {
                        encoding = new TextEncoding(ids[t], texts.RowArray(t));
                        shared[textStrings[t]] = encoding;
                    }

                    options.Add(encoding);
                }

                requests.Add(new ScoringRequest(encodings[b], options));
            }

            var batchScores = _model.Scorer.Score(requests, cancellationToken);
            for (var b = 0; b < encodings.Count; b++)
            {
                var i = start + b;
                for (var p = starts[i]; p < starts[i + 1]; p++)
                {
                    scores[p] = batchScores[b][p - starts[i]];
                }
            }
        }, problem.DescribeImage, tracker.Within(), cancellationToken);
        tracker.Done += imageCount;

        double Score(int i, int t) => scores[Array.BinarySearch(pairs, starts[i], starts[i + 1] - starts[i], Key(i, t, textCount))];
        var textRanking = textsOfImage.Select((candidates, i) =>
            RescoredRanking.First([.. candidates.Select(t => (t, Score(i, t)))], textCount, RescoredRanking.BlipFill, RetrievalRecalls.MaxK)).ToArray();
        var imageRanking = imagesOfText.Select((candidates, t) =>
            RescoredRanking.First([.. candidates.Select(i => (i, Score(i, t)))], imageCount, RescoredRanking.BlipFill, RetrievalRecalls.MaxK)).ToArray();
        return RetrievalRecalls.From(textRanking, imageRanking, problem.ImageOf);
    }

    private static long Key(int image, int text, int textCount) => ((long)image * textCount) + text;

    /// <summary>The keys sorted, each once (sorted in place: no hash set over millions of pairs).</summary>
    private static long[] Distinct(List<long> keys)
    {
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        var count = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (count == 0 || sorted[i] != sorted[count - 1])
            {
                sorted[count++] = sorted[i];
            }
        }

        return sorted[..count];
    }

    /// <summary>The corpus and its caption-to-image maps.</summary>
    private sealed class Problem
    {
        public Problem(RetrievalSubset subset, RetrievalCorpus corpus)
        {
            Subset = subset;
            Corpus = corpus;
            ImageOf = [.. corpus.Captions.Select(c => c.Image)];
            var lists = Enumerable.Range(0, corpus.Images.Count).Select(_ => new List<int>()).ToArray();
            for (var j = 0; j < ImageOf.Length; j++)
            {
                lists[ImageOf[j]].Add(j);
            }

            CaptionsOfImage = [.. lists.Select(l => l.ToArray())];
            var empty = Array.FindIndex(CaptionsOfImage, c => c.Length == 0);
            if (empty >= 0)
            {
                throw new AroInputException($"{subset.Name}: image {empty} ({corpus.Images[empty]}) has no caption; every retrieval image needs one");
            }
        }

        public RetrievalSubset Subset { get; }

        public RetrievalCorpus Corpus { get; }

        public int[] ImageOf { get; }

        public int[][] CaptionsOfImage { get; }

        public string DescribeImage(int index) => $"{Subset.Name}: image {index} ({Corpus.Images[index]})";
    }

    /// <summary>Progress over all passes, counted in images.</summary>
    private sealed class Tracker(string subset, long total, IProgress<EvaluationProgress>? progress)
    {
        public long Total { get; } = total;

        public long Done { get; set; }

        public IProgress<EvaluationProgress>? Progress => progress;

        public void Report() => progress?.Report(new EvaluationProgress(subset, (int)Done, (int)Total));

        /// <summary>Progress of a pass counted from its own start.</summary>
        public IProgress<int>? Within()
        {
            if (progress is null)
            {
                return null;
            }

            var before = Done;
            return new Relay(done => progress.Report(new EvaluationProgress(subset, (int)(before + done), (int)Total)));
        }

        private sealed class Relay(Action<int> report) : IProgress<int>
        {
            public void Report(int value) => report(value);
        }
    }
}
