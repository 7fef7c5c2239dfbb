using System.Globalization;
using Aro.Core;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// Everything a training run of the tagger reads, as <c>aro tagger train</c> takes it: the treebank, the WordNet
/// database (word-class features and the synthetic captions' vocabulary), words the captions must not use, how
/// many captions, passes and the seed. <see cref="Train"/> runs it; the same recipe gives the same model bytes.
/// </summary>
/// <param name="TreebankConllu">CoNLL-U training file (UD English EWT's train split for the shipped model).</param>
/// <param name="WordNetFolder">A WordNet 3.0 database folder (Debian: /usr/share/wordnet), or null for none.</param>
/// <param name="HeldOutWordsFile">One word a line that synthetic captions never use (an evaluation set's vocabulary), or null.</param>
/// <param name="CaptionSentences">Synthetic caption sentences to add; needs <paramref name="WordNetFolder"/> when above 0.</param>
/// <param name="Iterations">Training passes per stage.</param>
/// <param name="Seed">Seed of the sentence order and of the captions.</param>
public sealed record TaggerTrainingRecipe(
    string TreebankConllu,
    string? WordNetFolder,
    string? HeldOutWordsFile,
    int CaptionSentences = TaggerTrainingRecipe.DefaultCaptionSentences,
    int Iterations = PerceptronTrainer.DefaultIterations,
    long Seed = PerceptronTrainer.DefaultSeed)
{
    /// <summary>Synthetic captions of the shipped model.</summary>
    public const int DefaultCaptionSentences = 6000;

    /// <summary>Reads the inputs, generates the captions and trains the two-stage model.</summary>
    public PerceptronModel Train(Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(CaptionSentences);
        if (CaptionSentences > 0 && WordNetFolder is null)
        {
            throw new AroInputException("synthetic captions need WordNet's word lists: give --wordnet DIR (Debian: /usr/share/wordnet), or --captions 0");
        }

        var treebank = ConlluReader.ReadAll(TreebankConllu);
        var wordnet = WordNetFolder is null ? null : WordNetLexicon.Load(WordNetFolder);
        IReadOnlyList<TaggedSentence> captions = [];
        if (wordnet is not null && CaptionSentences > 0)
        {
            var heldOut = HeldOutWordsFile is null ? new HashSet<string>(StringComparer.Ordinal) : ReadWords(HeldOutWordsFile);
            var vocabulary = CaptionVocabulary.Build(wordnet, treebank, heldOut);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"caption vocabulary: {vocabulary.Nouns.Count} nouns, {vocabulary.PluralNouns.Count} plurals, {vocabulary.Adjectives.Count} adjectives, {vocabulary.Gerunds.Count + vocabulary.PresentVerbs.Count + vocabulary.Participles.Count} verb forms ({heldOut.Count} held-out words left out)"));
            captions = SyntheticCaptions.Generate(vocabulary, CaptionSentences, Seed);
            CheckHeldOut(captions, heldOut);
        }

        return PerceptronTrainer.Train(treebank, captions, wordnet, Iterations, Seed, log);
    }

    // The point of held-out words is that no caption uses them: checked on the generated sentences themselves.
    private static void CheckHeldOut(IReadOnlyList<TaggedSentence> captions, HashSet<string> heldOut)
    {
        var used = captions
            .SelectMany(sentence => sentence.Words.Zip(sentence.Tags))
            .Where(pair => pair.Second.Upos is "NOUN" or "ADJ" or "VERB")
            .Select(pair => pair.First.ToLowerInvariant())
            .Where(heldOut.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (used.Count > 0)
        {
            throw new InvalidOperationException($"synthetic captions use {used.Count} held-out words: {string.Join(", ", used.Take(10))}");
        }
    }

    private static HashSet<string> ReadWords(string path)
    {
        if (!File.Exists(path))
        {
            throw new AroInputException($"held-out word list not found: {path}");
        }

        return File.ReadLines(path).Select(line => line.Trim()).Where(line => line.Length > 0).ToHashSet(StringComparer.Ordinal);
    }
}
