using System.IO.Compression;
using System.Text;
using Aro.Core.IO;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// Writes a <see cref="PerceptronModel"/> in the file format <see cref="PerceptronModel.Load(string)"/> reads:
/// gzip-compressed binary with a header (format, feature set, training facts), the labels, the tag dictionary
/// (ordinal order), the word-class lexicon, then each stage's features in ascending hash order.
/// </summary>
public static class PerceptronModelWriter
{
    /// <summary>Writes the model to <paramref name="path"/> through a temporary file, so no half-written model remains.</summary>
    public static void Save(PerceptronModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(Path.GetFullPath(path), stream => Save(model, stream));
    }

    /// <summary>Writes the gzip-compressed model to <paramref name="stream"/> (left open).</summary>
    public static void Save(PerceptronModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(PerceptronModel.Magic);
        writer.Write(PerceptronModel.FormatVersion);
        writer.Write(SentenceFeatures.Version);
        writer.Write(model.Training.Iterations);
        writer.Write(model.Training.Seed);
        writer.Write(model.Training.Sentences);
        writer.Write(model.Training.Tokens);
        writer.Write(model.Training.CaptionSentences);

        writer.Write(model.Labels.Count);
        foreach (var label in model.Labels)
        {
            writer.Write(label.Upos);
            writer.Write(label.Xpos);
        }

        writer.Write(model.TagDictionary.Count);
        foreach (var (word, label) in model.TagDictionary.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            writer.Write(word);
            writer.Write((byte)label);
        }

        Write(writer, model.Lexicon);
        writer.Write(model.Stages.Count);
        foreach (var stage in model.Stages)
        {
            Write(writer, stage);
        }
    }

    /// <summary>Per class a count and the ascending lemma hashes as 7-bit varint deltas, then the irregular forms.</summary>
    private static void Write(BinaryWriter writer, WordClassLexicon lexicon)
    {
        foreach (var hashes in lexicon.Lemmas)
        {
            writer.Write(hashes.Length);
            var previous = 0u;
            foreach (var hash in hashes)
            {
                writer.Write7BitEncodedInt64(hash - previous);
                previous = hash;
            }
        }

        writer.Write(lexicon.Irregular.Count);
        foreach (var (hash, classes) in lexicon.Irregular.OrderBy(entry => entry.Key))
        {
            writer.Write(hash);
            writer.Write(classes);
        }
    }

    /// <summary>Feature count, then per feature: hash delta (7-bit varint), weight count - 1, labels, weight codes.</summary>
    private static void Write(BinaryWriter writer, WeightTable stage)
    {
        var keys = stage.Keys;
        var rowStarts = stage.RowStarts;
        var classes = stage.Classes;
        var codes = stage.Codes;
        writer.Write(keys.Length);
        var previous = 0u;
        for (var row = 0; row < keys.Length; row++)
        {
            writer.Write7BitEncodedInt64(keys[row] - previous);
            previous = keys[row];
            var start = rowStarts[row];
            var end = rowStarts[row + 1];
            writer.Write((byte)(end - start - 1));
            writer.Write(classes[start..end]);
            foreach (var code in codes[start..end])
            {
                writer.Write(code);
            }
        }
    }
}
