namespace Aro.Core.Text;

/// <summary>
/// The special tokens, length and casing of a SigLIP tokenizer, as transformers' SiglipTokenizer takes them:
/// tokens by their text (ids come from the vocabulary), defaults pad = eos = <c>&lt;/s&gt;</c>, unk =
/// <c>&lt;unk&gt;</c>, 64 positions, lower-casing on.
/// </summary>
/// <param name="ContextLength">Ids per caption including <c>&lt;/s&gt;</c>: model_max_length (64).</param>
/// <param name="PadToken">pad_token, written after <c>&lt;/s&gt;</c> up to the context length.</param>
/// <param name="EosToken">eos_token, appended to every caption.</param>
/// <param name="UnkToken">unk_token, whose text the Python tokenizer encodes in front of the caption.</param>
/// <param name="Lowercase">do_lower_case.</param>
public sealed record SiglipTokenizerSettings(
    int ContextLength = SiglipTokenizer.DefaultContextLength,
    string PadToken = SiglipTokenizer.DefaultPadToken,
    string EosToken = SiglipTokenizer.DefaultEosToken,
    string UnkToken = SiglipTokenizer.DefaultUnkToken,
    bool Lowercase = true)
{
    /// <summary>T5's padding piece: a control piece in the vocabulary even though SigLIP pads with <c>&lt;/s&gt;</c>.</summary>
    internal const string T5PadPiece = "<pad>";

    public static SiglipTokenizerSettings Default { get; } = new();

    /// <summary>
    /// From a package folder's <c>tokenizer_config.json</c>, then <c>special_tokens_map.json</c> for the tokens
    /// the first leaves out; the defaults for what neither gives.
    /// </summary>
    public static SiglipTokenizerSettings FromPackage(string directory)
    {
        var config = ReadIfPresent(Path.Combine(directory, TokenizerConfigJson.FileName));
        var map = ReadIfPresent(Path.Combine(directory, TokenizerConfigJson.SpecialTokensMapFileName));
        var length = config?.ModelMaxLength ?? SiglipTokenizer.DefaultContextLength;
        if (length < 2)
        {
            throw new AroInputException($"{config!.Path}: field 'model_max_length' is {length}; a SigLIP caption needs room for a token and </s>");
        }

        return new SiglipTokenizerSettings(
            length,
            config?.PadToken ?? map?.PadToken ?? SiglipTokenizer.DefaultPadToken,
            config?.EosToken ?? map?.EosToken ?? SiglipTokenizer.DefaultEosToken,
            config?.UnkToken ?? map?.UnkToken ?? SiglipTokenizer.DefaultUnkToken,
            config?.DoLowerCase ?? true);
    }

    private static TokenizerConfigJson? ReadIfPresent(string path) => File.Exists(path) ? TokenizerConfigJson.Read(path) : null;
}
