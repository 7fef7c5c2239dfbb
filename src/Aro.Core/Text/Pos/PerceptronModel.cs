using System.IO.Compression;
using System.Text;

namespace Aro.Core.Text.Pos;

/// <summary>
/// The trained weights of <see cref="PerceptronTagger"/>: the label set (joint UPOS + XPOS tags), a dictionary of
/// frequent unambiguous words, and one or two stages of weights. The second stage, when present, re-tags with
/// the first stage's tags of the words to the right as extra features.
/// </summary>
/// <remarks>
/// Weights are averaged perceptron weights stored as one-byte logarithmic codes (<see cref="LogWeightCodes"/>),
/// scaled per stage so that stage's largest weight gets the top code. Tagging sums integers decoded from the
/// codes, so a model tags identically on every machine; one scale per stage changes no decision. The file is
/// gzip-compressed binary: a header (format, feature set, training facts), the labels, the tag dictionary, the
/// word-class lexicon (<see cref="WordClassLexicon.Read"/>), then each stage's features in ascending hash order
/// (<see cref="WeightTable.Read"/>).
/// </remarks>
public sealed class PerceptronModel
{
    /// <summary>The first bytes of a model file (after decompression).</summary>
    internal static ReadOnlySpan<byte> Magic => "AROPOS"u8;

    /// <summary>The layout of the model file this code reads (and the trainer's writer writes).</summary>
    internal const int FormatVersion = 2;

    private readonly string[] _labelNames;

    internal PerceptronModel(PosTag[] labels, Dictionary<string, int> tagDictionary, WordClassLexicon lexicon, WeightTable[] stages, PerceptronTrainingInfo training)
    {
        if (labels.Length is 0 or > 256)
        {
            throw new ArgumentException($"a model holds 1 to 256 labels, found {labels.Length}", nameof(labels));
        }

        if (stages.Length is not (1 or 2))
        {
            throw new ArgumentException($"a model has 1 or 2 stages, found {stages.Length}", nameof(stages));
        }

        Labels = labels;
        _labelNames = [.. labels.Select(label => label.ToString())];
        TagDictionary = tagDictionary;
        Lexicon = lexicon;
        Stages = stages;
        Training = training;
    }

    /// <summary>The labels, each a (UPOS, XPOS) pair seen in training; index order is the tie-break order.</summary>
    public IReadOnlyList<PosTag> Labels { get; }

    /// <summary>How the model was trained (iterations, seed, sentences, tokens).</summary>
    public PerceptronTrainingInfo Training { get; }

    /// <summary>How many (stage, hashed feature) pairs carry at least one weight.</summary>
    public int FeatureCount => Stages.Sum(stage => stage.FeatureCount);

    /// <summary>How many (stage, feature, label) weights the model holds.</summary>
    public int WeightCount => Stages.Sum(stage => stage.WeightCount);

    /// <summary>Frequent words whose label is fixed without scoring (word form → label index).</summary>
    internal IReadOnlyDictionary<string, int> TagDictionary { get; }

    /// <summary>The word classes of the dictionary the model was trained with (empty when none).</summary>
    internal WordClassLexicon Lexicon { get; }

    /// <summary>The weight tables: the first stage, then optionally the stacked second stage.</summary>
    internal IReadOnlyList<WeightTable> Stages { get; }

    /// <summary>Label names as the history features see them (<c>NOUN/NN</c>).</summary>
    internal string[] LabelNames => _labelNames;

    /// <summary>The label index of each word of a sentence, by every stage in turn.</summary>
    internal int[] Predict(IReadOnlyList<string> forms)
    {
        var sentence = new SentenceFeatures(forms, Lexicon);
        var labels = GreedyDecoder.Decode(Stages[0], sentence, forms, TagDictionary, _labelNames, firstPass: null);
        for (var stage = 1; stage < Stages.Count; stage++)
        {
            var firstPass = labels.Select(label => _labelNames[label]).ToArray();
            labels = GreedyDecoder.Decode(Stages[stage], sentence, forms, TagDictionary, _labelNames, firstPass);
        }

        return labels;
    }

    /// <summary>Reads a model file (written by the trainer: Aro.Tagging.Training's <c>PerceptronModelWriter</c>).</summary>
    public static PerceptronModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new AroInputException($"tagger model not found: {path}");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, Path.GetFileName(path));
    }

    /// <summary>Reads a model from <paramref name="stream"/>; <paramref name="name"/> names it in errors.</summary>
    public static PerceptronModel Load(Stream stream, string name = "tagger model")
    {
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new AroInputException($"{name}: not an aro part-of-speech model");
            }

            var format = reader.ReadInt32();
            var featureVersion = reader.ReadInt32();
            if (format != FormatVersion || featureVersion != SentenceFeatures.Version)
            {
                throw new AroInputException(
                    $"{name}: model format {format} with feature set {featureVersion}; this aro reads format {FormatVersion} with feature set {SentenceFeatures.Version} (re-train the tagger)");
            }

            var training = new PerceptronTrainingInfo(reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            var labels = new PosTag[reader.ReadInt32()];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = new PosTag(reader.ReadString(), reader.ReadString());
            }

            var dictionaryCount = reader.ReadInt32();
            var tagDictionary = new Dictionary<string, int>(Math.Max(dictionaryCount, 0), StringComparer.Ordinal);
            for (var i = 0; i < dictionaryCount; i++)
            {
                var word = reader.ReadString();
                var label = reader.ReadByte();
                if (label >= labels.Length)
                {
                    throw new InvalidDataException($"tag dictionary entry {i} names label {label} of {labels.Length}");
                }

                tagDictionary[word] = label;
            }

            var lexicon = WordClassLexicon.Read(reader);
            var stages = new WeightTable[reader.ReadInt32()];
            for (var i = 0; i < stages.Length; i++)
            {
                stages[i] = WeightTable.Read(reader, labels.Length);
            }

            return new PerceptronModel(labels, tagDictionary, lexicon, stages, training);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or FormatException or ArgumentException or OverflowException)
        {
            throw new AroInputException($"{name}: truncated or corrupt tagger model ({ex.Message})", ex);
        }
    }
}
