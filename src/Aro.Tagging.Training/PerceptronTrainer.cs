using System.Diagnostics;
using System.Globalization;
using Aro.Core;
using Aro.Core.Randomness;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// Trains the averaged-perceptron tagger (Collins 2002) on a treebank: greedily left to right as it will tag,
/// learning from its own earlier guesses as history (so training sees the errors tagging will see), in two
/// stacked stages.
/// </summary>
/// <remarks>
/// <para>The label of a word is its (UPOS, XPOS) pair, so one model predicts both tag sets and they always agree
/// with each other: the Order perturbations read XPOS, the UPOS figures come from the same decision.</para>
/// <para>Stage one sees the words around a position and the tags already chosen on its left. Stage two also sees
/// stage one's tags of the position and the two words on its right. Stage one's tags for stage two's training
/// come from <see cref="Folds"/> models that each did not see the sentences they tag (jack-knifing), so stage
/// two learns how far to trust stage one on unseen text rather than on text it memorised.</para>
/// <para>Training is deterministic: the sentence order of each pass is a Fisher–Yates shuffle by
/// <see cref="SplitMix64"/> of (seed, stage, fold, pass), folds are sentence index modulo <see cref="Folds"/>,
/// weights are integers and ties go to the lower label index; the same data, iterations and seed give the same
/// model bytes.</para>
/// </remarks>
public static class PerceptronTrainer
{
    /// <summary>Passes over the training data of each stage of the shipped model.</summary>
    public const int DefaultIterations = 12;

    /// <summary>Seed of the shipped model.</summary>
    public const long DefaultSeed = 1;

    /// <summary>Jack-knife folds that produce stage one's tags for stage two's training.</summary>
    public const int Folds = 4;

    // A word seen at least this often, with one label at least this share of the time, is tagged by lookup.
    private const int DictionaryMinimumCount = 20;
    private const double DictionaryMinimumShare = 0.97;

    /// <summary>Trains on a CoNLL-U file alone (no synthetic captions).</summary>
    public static PerceptronModel Train(string trainConllu, int iterations = DefaultIterations, long seed = DefaultSeed, Action<string>? log = null) =>
        Train(ConlluReader.ReadAll(trainConllu), [], null, iterations, seed, log);

    /// <summary>Trains on tagged sentences alone.</summary>
    public static PerceptronModel Train(IReadOnlyList<TaggedSentence> sentences, int iterations = DefaultIterations, long seed = DefaultSeed, Action<string>? log = null) =>
        Train(sentences, [], null, iterations, seed, log);

    /// <summary>
    /// Trains on a treebank's sentences and extra sentences (the synthetic captions of <see cref="SyntheticCaptions"/>),
    /// with the word classes of <paramref name="wordnet"/> as features when given. Treebank and extra sentences are
    /// learned from alike, but the tag dictionary comes from the treebank alone.
    /// </summary>
    public static PerceptronModel Train(
        IReadOnlyList<TaggedSentence> treebank, IReadOnlyList<TaggedSentence> extra, WordNetLexicon? wordnet,
        int iterations = DefaultIterations, long seed = DefaultSeed, Action<string>? log = null) =>
        Train(treebank, extra, wordnet?.ToWordClassLexicon() ?? WordClassLexicon.Empty, iterations, seed, stacked: true, log);

    /// <summary>Trains a one-stage (<paramref name="stacked"/> false) or two-stage model.</summary>
    internal static PerceptronModel Train(
        IReadOnlyList<TaggedSentence> treebank, IReadOnlyList<TaggedSentence> extra, WordClassLexicon lexicon, int iterations, long seed, bool stacked, Action<string>? log)
    {
        ArgumentNullException.ThrowIfNull(treebank);
        ArgumentNullException.ThrowIfNull(extra);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        if (treebank.Count == 0)
        {
            throw new AroInputException("no training sentences");
        }

        IReadOnlyList<TaggedSentence> sentences = extra.Count == 0 ? treebank : [.. treebank, .. extra];
        var labels = BuildLabels(sentences);
        var labelIndex = labels.Select((label, i) => (label, i)).ToDictionary(pair => pair.label, pair => pair.i);
        var tagDictionary = BuildTagDictionary(treebank, labelIndex);
        var context = new TrainingContext(
            [.. sentences.Select(sentence => new SentenceFeatures(sentence.Words, lexicon))],
            [.. sentences.Select(sentence => sentence.Tags.Select(tag => labelIndex[tag]).ToArray())],
            sentences,
            tagDictionary,
            [.. labels.Select(label => label.ToString())],
            iterations,
            unchecked((ulong)seed),
            log);

        var all = Enumerable.Range(0, sentences.Count).ToArray();
        var stageOne = TrainStage(context, all, firstPass: null, stage: 1, fold: Folds);
        WeightTable[] stages = [stageOne];
        if (stacked)
        {
            var firstPass = new string[sentences.Count][];
            for (var fold = 0; fold < Folds; fold++)
            {
                var held = all.Where(s => s % Folds == fold).ToArray();
                var table = TrainStage(context, [.. all.Where(s => s % Folds != fold)], firstPass: null, stage: 1, fold);
                foreach (var s in held)
                {
                    var predicted = GreedyDecoder.Decode(table, context.Features[s], sentences[s].Words, tagDictionary, context.LabelNames, firstPass: null);
                    firstPass[s] = [.. predicted.Select(label => context.LabelNames[label])];
                }
            }

            stages = [stageOne, TrainStage(context, all, firstPass, stage: 2, fold: Folds)];
        }

        var tokens = context.Gold.Sum(gold => gold.Length);
        return new PerceptronModel(labels, tagDictionary, lexicon, stages, new PerceptronTrainingInfo(iterations, seed, treebank.Count, tokens, extra.Count));
    }

    private static WeightTable TrainStage(TrainingContext context, int[] sentenceIndices, string[][]? firstPass, int stage, int fold)
    {
        var weights = new TrainingWeights();
        var order = (int[])sentenceIndices.Clone();
        var tokens = order.Sum(s => context.Gold[s].Length);
        var watch = Stopwatch.StartNew();
        for (var pass = 0; pass < context.Iterations; pass++)
        {
            SplitMix64.ForStream(context.Seed, (ulong)stage, (ulong)fold, (ulong)pass).Shuffle(order);
            var correct = 0;
            foreach (var s in order)
            {
                var gold = context.Gold[s];
                var predicted = GreedyDecoder.Decode(
                    weights, context.Features[s], context.Sentences[s].Words, context.TagDictionary, context.LabelNames, firstPass?[s], weights, gold);
                for (var i = 0; i < gold.Length; i++)
                {
                    correct += predicted[i] == gold[i] ? 1 : 0;
                }
            }

            var part = fold == Folds ? "all sentences" : $"fold {fold + 1}/{Folds} held out";
            context.Log?.Invoke(string.Create(
                CultureInfo.InvariantCulture,
                $"stage {stage} ({part}), pass {pass + 1}/{context.Iterations}: {100.0 * correct / tokens:F2}% of training tokens right, {weights.FeatureCount} features, {watch.Elapsed.TotalSeconds:F1} s"));
        }

        return weights.Average();
    }

    private static PosTag[] BuildLabels(IReadOnlyList<TaggedSentence> sentences)
    {
        var counts = new Dictionary<PosTag, int>();
        foreach (var tag in sentences.SelectMany(sentence => sentence.Tags))
        {
            counts[tag] = counts.GetValueOrDefault(tag) + 1;
        }

        if (counts.Count > 256)
        {
            throw new AroInputException($"the training data has {counts.Count} distinct (UPOS, XPOS) pairs; a model holds at most 256");
        }

        return [.. counts
            .OrderByDescending(entry => entry.Value)
            .ThenBy(entry => entry.Key.Upos, StringComparer.Ordinal)
            .ThenBy(entry => entry.Key.Xpos, StringComparer.Ordinal)
            .Select(entry => entry.Key)];
    }

    private static Dictionary<string, int> BuildTagDictionary(IReadOnlyList<TaggedSentence> sentences, Dictionary<PosTag, int> labelIndex)
    {
        var counts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Words.Count; i++)
            {
                if (!counts.TryGetValue(sentence.Words[i], out var perLabel))
                {
                    perLabel = [];
                    counts.Add(sentence.Words[i], perLabel);
                }

                var label = labelIndex[sentence.Tags[i]];
                perLabel[label] = perLabel.GetValueOrDefault(label) + 1;
            }
        }

        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, perLabel) in counts)
        {
            var total = perLabel.Values.Sum();
            var (label, count) = perLabel.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key).First();
            if (total >= DictionaryMinimumCount && count >= DictionaryMinimumShare * total)
            {
                dictionary.Add(word, label);
            }
        }

        return dictionary;
    }

    /// <summary>What every stage's training shares.</summary>
    private sealed record TrainingContext(
        SentenceFeatures[] Features,
        int[][] Gold,
        IReadOnlyList<TaggedSentence> Sentences,
        Dictionary<string, int> TagDictionary,
        string[] LabelNames,
        int Iterations,
        ulong Seed,
        Action<string>? Log);
}
