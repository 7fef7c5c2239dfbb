using Microsoft.ML.Tokenizers;

namespace Aro.Core.Text;

/// <summary>
/// SigLIP's text pipeline as transformers' Python SiglipTokenizer runs it (docs/siglip.md): the caption is
/// canonicalised (<see cref="SiglipTextCanonicalizer"/>: U+2581 prefix, lower case, ASCII punctuation deleted,
/// whitespace collapsed and stripped), SentencePiece Unigram encodes it on Microsoft.ML.Tokenizers'
/// <see cref="SentencePieceTokenizer"/>, and <c>&lt;/s&gt;</c> is appended: <c>body[..ContextLength-1] + &lt;/s&gt;</c>,
/// so truncation keeps <c>&lt;/s&gt;</c> last. The text tower pools its last position and has no attention mask:
/// it must be fed all <see cref="ContextLength"/> positions, padded with <see cref="PadId"/> (<see cref="EncodePadded"/>).
/// </summary>
/// <remarks>
/// Two things the library does differently from the sentencepiece package are closed here: it fails on models
/// without <c>&lt;s&gt;</c> (T5's layout; the model is patched before loading) and it does not merge a run of
/// unknown characters into one <c>&lt;unk&gt;</c> (merged after encoding). As the Python tokenizer does, the text
/// is encoded behind the characters of the unknown token ("&lt;unk&gt;" + text) whose pieces are then dropped, so
/// the segmentation's running scores are the same. Known remaining difference: on an exact tie between two
/// segmentations (equal pieces in another order, e.g. "z" + "zz" and "zz" + "z"), the library compares float
/// path scores where sentencepiece compares a double candidate with a float best, and may keep the other one.
/// A caption holding a special token's text (<c>&lt;/s&gt;</c>) is plain text here; Python splits it out.
/// </remarks>
public sealed class SiglipTokenizer : ICaptionTokenizer
{
    public const int DefaultContextLength = 64;
    public const string DefaultEosToken = "</s>";
    public const string DefaultUnkToken = "<unk>";

    /// <summary>SiglipTokenizer's default pad token: the end token, not T5's <c>&lt;pad&gt;</c>.</summary>
    public const string DefaultPadToken = "</s>";

    public const string SentencePieceFileName = "spiece.model";
    public const string TokenizerJsonFileName = "tokenizer.json";

    private readonly SentencePieceTokenizer _sentencePiece;
    private readonly string _unkText;
    private readonly int _unkPrefixLength;

    private SiglipTokenizer(SentencePieceTokenizer sentencePiece, SiglipTokenizerSettings settings, string source)
    {
        _sentencePiece = sentencePiece;
        Source = source;
        Lowercase = settings.Lowercase;
        ContextLength = settings.ContextLength;
        _unkText = settings.UnkToken;
        EndId = IdOf(settings.EosToken, "eos_token", source);
        PadId = IdOf(settings.PadToken, "pad_token", source);
        UnknownId = sentencePiece.UnknownId;
        _unkPrefixLength = Pieces(_unkText).Count;
    }

    /// <summary>The vocabulary file the tokenizer was built from (spiece.model or tokenizer.json).</summary>
    public string Source { get; }

    public int ContextLength { get; }

    /// <summary>The pad token's id (<c>&lt;/s&gt;</c> = 1 for SigLIP), written after the end token up to <see cref="ContextLength"/>.</summary>
    public int PadId { get; }

    /// <summary><c>&lt;/s&gt;</c>, the last id of every caption.</summary>
    public int EndId { get; }

    /// <summary><c>&lt;unk&gt;</c>, the id of a run of characters the vocabulary cannot spell.</summary>
    public int UnknownId { get; }

    /// <summary>Whether captions are lower-cased (tokenizer_config.json <c>do_lower_case</c>, true by default).</summary>
    public bool Lowercase { get; }

    /// <summary>
    /// True: SigLIP's text tower reads the hidden state at the last position, so a batch must be padded to
    /// <see cref="ContextLength"/>, never to its longest caption (trimming changes every embedding).
    /// </summary>
    public bool RequiresFullContext => true;

    /// <summary>
    /// Builds the tokenizer of a SigLIP package folder: <c>spiece.model</c> when present, else <c>tokenizer.json</c>;
    /// special tokens, length and lower-casing from <c>tokenizer_config.json</c> (then <c>special_tokens_map.json</c>),
    /// with SiglipTokenizer's defaults (pad and eos <c>&lt;/s&gt;</c>, unk <c>&lt;unk&gt;</c>, 64, lower-case) for what
    /// they leave out. <c>config.json</c> is never read: its token ids are not the tokenizer's.
    /// </summary>
    public static SiglipTokenizer LoadPackage(string directory)
    {
        var settings = SiglipTokenizerSettings.FromPackage(directory);
        var spiece = Path.Combine(directory, SentencePieceFileName);
        if (File.Exists(spiece))
        {
            return FromSentencePieceModel(spiece, settings);
        }

        var json = Path.Combine(directory, TokenizerJsonFileName);
        if (File.Exists(json))
        {
            return FromTokenizerJson(json, settings);
        }

        throw new AroInputException($"{directory}: a SigLIP package needs {SentencePieceFileName} or {TokenizerJsonFileName} (neither is there)");
    }

    /// <summary>From a SentencePiece Unigram model file (spiece.model).</summary>
    public static SiglipTokenizer FromSentencePieceModel(string spieceModel, SiglipTokenizerSettings? settings = null)
    {
        settings ??= SiglipTokenizerSettings.Default;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(spieceModel);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AroInputException($"{spieceModel}: cannot be read: {ex.Message}", ex);
        }

        var summary = SentencePieceModelProto.Read(bytes, spieceModel);
        if (summary.ModelType != SentencePieceModelProto.UnigramModelType)
        {
            throw new AroInputException($"{spieceModel}: trainer_spec.model_type is {summary.ModelType}; SigLIP's SentencePiece model is Unigram (1)");
        }

        if (summary.ByteFallback)
        {
            throw new AroInputException($"{spieceModel}: trainer_spec.byte_fallback is true; SigLIP's SentencePiece model has no byte fallback and aro does not implement it");
        }

        if (summary.EosId < 0 || summary.EosId >= summary.Pieces || summary.UnkId < 0 || summary.UnkId >= summary.Pieces)
        {
            throw new AroInputException($"{spieceModel}: trainer_spec.eos_id {summary.EosId} / unk_id {summary.UnkId} are not ids of its {summary.Pieces} pieces");
        }

        var tokenizer = Create(SentencePieceModelProto.ForSiglip(bytes, summary.EosId, summary.EosPiece), spieceModel);
        return new SiglipTokenizer(tokenizer, settings, spieceModel);
    }

    /// <summary>From a Hugging Face tokenizer.json whose model is Unigram (see <see cref="TokenizerJsonFile"/> for what it accepts).</summary>
    public static SiglipTokenizer FromTokenizerJson(string tokenizerJson, SiglipTokenizerSettings? settings = null) =>
        FromTokenizerJson(TokenizerJsonFile.Load(tokenizerJson), settings);

    /// <inheritdoc cref="FromTokenizerJson(string, SiglipTokenizerSettings?)"/>
    public static SiglipTokenizer FromTokenizerJson(TokenizerJsonFile file, SiglipTokenizerSettings? settings = null)
    {
        settings ??= SiglipTokenizerSettings.Default;
        var unigram = file.Unigram ?? throw new AroInputException(
            $"{file.Path}: model.type is '{file.ModelTypeName}'; SigLIP's tokenizer is a SentencePiece Unigram model (\"Unigram\")");
        var eosId = unigram.IdOf(settings.EosToken) ?? throw new AroInputException($"{file.Path}: model.vocab has no eos_token '{settings.EosToken}'");
        if (unigram.EndToken is { } appended && appended != settings.EosToken)
        {
            throw new AroInputException($"{file.Path}: post_processor appends '{appended}', but the eos_token is '{settings.EosToken}'");
        }

        var padId = unigram.IdOf(SiglipTokenizerSettings.T5PadPiece) ?? -1;
        var model = SentencePieceModelProto.BuildUnigram(unigram.Pieces, unigram.UnknownId, eosId, padId, unigram.PrecompiledCharsmap);
        return new SiglipTokenizer(Create(model, file.Path), settings, file.Path);
    }

    /// <summary>The caption's ids: <c>body[..ContextLength-1] + &lt;/s&gt;</c>, not padded.</summary>
    public int[] Encode(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var pieces = Pieces(_unkText + SiglipTextCanonicalizer.Canonicalize(caption, Lowercase));
        var skip = pieces.Count >= _unkPrefixLength ? _unkPrefixLength : 0;
        var length = Math.Min(pieces.Count - skip, ContextLength - 1);
        var ids = new int[length + 1];
        for (var i = 0; i < length; i++)
        {
            ids[i] = pieces[skip + i];
        }

        ids[^1] = EndId;
        return ids;
    }

    /// <summary>The ids the text graph must be fed: <see cref="Encode"/> padded with <see cref="PadId"/> to <see cref="ContextLength"/>.</summary>
    public int[] EncodePadded(string caption)
    {
        var ids = Encode(caption);
        var padded = new int[ContextLength];
        ids.CopyTo(padded, 0);
        padded.AsSpan(ids.Length).Fill(PadId);
        return padded;
    }

    /// <summary>SentencePiece ids of normalised text, each run of unknown pieces merged into one as sentencepiece does.</summary>
    private List<int> Pieces(string text)
    {
        var raw = _sentencePiece.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false);
        var ids = new List<int>(raw.Count);
        foreach (var id in raw)
        {
            if (id == UnknownId && ids.Count > 0 && ids[^1] == UnknownId)
            {
                continue;
            }

            ids.Add(id);
        }

        return ids;
    }

    private int IdOf(string token, string field, string source) =>
        _sentencePiece.Vocabulary.TryGetValue(token, out var id)
            ? id
            : throw new AroInputException($"{source}: the {field} '{token}' is not a piece of the vocabulary");

    private static SentencePieceTokenizer Create(byte[] model, string source)
    {
        try
        {
            return SentencePieceTokenizer.Create(new MemoryStream(model), addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or Google.Protobuf.InvalidProtocolBufferException)
        {
            throw new AroInputException($"{source}: Microsoft.ML.Tokenizers cannot load this SentencePiece model: {ex.Message}", ex);
        }
    }
}
