using Aro.Core.Text;

namespace Aro.Core.Models.Families;

/// <summary>
/// The files that tell an unlabelled package's family, shared by the families' <see cref="ModelFamily.Recognize"/>:
/// a config.json <c>model_type</c> one of them claims decides; otherwise each family looks for its tokenizer files.
/// </summary>
public static class PackageSignals
{
    /// <summary>The config.json model types some family claims (CLIP, BLIP, SigLIP and SigLIP 2).</summary>
    public static IReadOnlyList<string> ClaimedModelTypes { get; } = ["clip", "blip", "siglip", "siglip2"];

    /// <summary>config.json's <c>model_type</c> when a family claims it, else null.</summary>
    public static string? ClaimedModelType(string directory) =>
        ModelConfigJson.ModelType(directory) is { } type && ClaimedModelTypes.Contains(type, StringComparer.Ordinal) ? type : null;

    /// <summary>Whether <paramref name="fileName"/> is in the package folder or its <c>tokenizer/</c> folder.</summary>
    public static bool HasTokenizerFile(string directory, string fileName) =>
        File.Exists(Path.Combine(directory, fileName)) || File.Exists(Path.Combine(directory, "tokenizer", fileName));

    /// <summary>
    /// The <c>model.type</c> of the package's tokenizer.json when no vocab.json, vocab.txt or spiece.model is there
    /// (those decide first); null otherwise.
    /// </summary>
    public static string? LoneTokenizerJsonType(string directory)
    {
        if (HasTokenizerFile(directory, "vocab.json") || HasTokenizerFile(directory, "vocab.txt") || HasTokenizerFile(directory, SiglipTokenizer.SentencePieceFileName))
        {
            return null;
        }

        var path = new[] { Path.Combine(directory, TokenizerJsonFile.FileName), Path.Combine(directory, "tokenizer", TokenizerJsonFile.FileName) }
            .FirstOrDefault(File.Exists);
        return path is null ? null : TokenizerJsonFile.ReadModelType(path);
    }
}
