using Microsoft.ML.Tokenizers;

namespace Aro.Core.Text;

/// <summary>
/// BERT WordPiece as BLIP uses it (bert-base-uncased conventions), on Microsoft.ML.Tokenizers'
/// <see cref="BertTokenizer"/>: lower-case, accents stripped, <c>[CLS] body [SEP]</c> with the body truncated so
/// <c>[SEP]</c> stays last within <see cref="ContextLength"/> (HF <c>truncation=True, max_length=35</c>).
/// Two library gaps of 2.0 are closed here (docs/model-packages.md, "Tokenizers"): whitespace is normalised before the library
/// sees the text (<see cref="BertTextCleaner"/>), and <see cref="BertPreTokenizer"/> keeps symbols the default
/// pre-tokenizer drops, so they become their ids or <c>[UNK]</c>.
/// </summary>
/// <remarks>
/// Known differences from Hugging Face's basic tokenizer that English captions never meet: the library's
/// normaliser also drops spacing combining marks (Mc, used by Indic scripts) when stripping accents, recomposes
/// the result to NFC, and lower-cases only Lu letters (not titlecase Lt).
/// </remarks>
public sealed class BertWordPieceTokenizer : ICaptionTokenizer, ITokenIdRange
{
    private readonly BertTokenizer _bert;

    private BertWordPieceTokenizer(BertTokenizer bert, int contextLength, int padId, int? encTokenId, IReadOnlyList<string> tokens, string source)
    {
        _bert = bert;
        HighestId = tokens.Count - 1;
        HighestToken = tokens.Count > 0 ? tokens[^1] : "";
        VocabularySource = source;
        ContextLength = contextLength;
        PadId = padId;
        EncTokenId = encTokenId;
    }

    public int ContextLength { get; }

    public int PadId { get; }

    public int HighestId { get; }

    public string HighestToken { get; }

    public string VocabularySource { get; }

    /// <summary><c>[CLS]</c>, the first id of every caption (101 in bert-base-uncased).</summary>
    public int ClassificationId => _bert.ClassificationTokenId;

    /// <summary><c>[SEP]</c>, the last id of every caption (102).</summary>
    public int SeparatorId => _bert.SeparatorTokenId;

    /// <summary><c>[UNK]</c>, the id of a word WordPiece cannot spell (100).</summary>
    public int UnknownId => _bert.UnknownTokenId;

    /// <summary>
    /// BLIP's <c>[ENC]</c> (30523 for real BLIP), which replaces <c>[CLS]</c> at position 0 for the ITM pass; the ITC
    /// pass keeps <c>[CLS]</c>. Null when the package names none.
    /// </summary>
    public int? EncTokenId { get; }

    /// <summary>Loads a <c>vocab.txt</c> (one token a line, id = line number - 1).</summary>
    /// <param name="vocabTxt">The WordPiece vocabulary.</param>
    /// <param name="contextLength">Most ids per caption, <c>[CLS]</c> and <c>[SEP]</c> included (35 in BLIP).</param>
    /// <param name="padId">The id written after a caption up to the batch length (0, <c>[PAD]</c>).</param>
    /// <param name="encTokenId">BLIP's <c>[ENC]</c> id, if any.</param>
    /// <param name="lowercase">Uncased BERT: lower-case and strip accents (HF ties accent stripping to lower-casing).</param>
    public static BertWordPieceTokenizer Load(string vocabTxt, int contextLength = 35, int padId = 0, int? encTokenId = null, bool lowercase = true)
    {
        var options = Options(lowercase);
        return Create(() => BertTokenizer.Create(vocabTxt, options), vocabTxt, contextLength, padId, encTokenId, ReadTokens(vocabTxt));
    }

    /// <summary>
    /// From a Hugging Face <c>tokenizer.json</c> holding BERT's WordPiece (see <see cref="TokenizerJsonWordPiece"/>):
    /// the same ids as <see cref="Load"/> on the vocab.txt it was made from; lower-casing as its normaliser says.
    /// </summary>
    /// <param name="encTokenId">BLIP's <c>[ENC]</c> id; by default the file's added token <c>[ENC]</c>, if any.</param>
    public static BertWordPieceTokenizer FromTokenizerJson(string tokenizerJson, int contextLength = 35, int padId = 0, int? encTokenId = null) =>
        FromTokenizerJson(TokenizerJsonFile.Load(tokenizerJson), contextLength, padId, encTokenId);

    /// <inheritdoc cref="FromTokenizerJson(string, int, int, int?)"/>
    public static BertWordPieceTokenizer FromTokenizerJson(TokenizerJsonFile file, int contextLength = 35, int padId = 0, int? encTokenId = null)
    {
        var wordPiece = file.WordPiece ?? throw new AroInputException(
            $"{file.Path}: model.type is '{file.ModelTypeName}'; BERT's tokenizer is WordPiece (\"WordPiece\")");
        var options = Options(wordPiece.Lowercase);
        options.UnknownToken = wordPiece.UnknownToken;
        options.ContinuingSubwordPrefix = wordPiece.ContinuingSubwordPrefix;
        options.MaxInputCharsPerWord = wordPiece.MaxInputCharsPerWord;
        options.ClassificationToken = wordPiece.ClassificationToken;
        options.SeparatorToken = wordPiece.SeparatorToken;
        var vocabTxt = string.Join('\n', wordPiece.Tokens) + "\n";
        return Create(
            () => BertTokenizer.Create(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(vocabTxt)), options),
            file.Path, contextLength, padId, encTokenId ?? file.AddedTokenId("[ENC]"), wordPiece.Tokens);
    }

    private static BertOptions Options(bool lowercase) => new()
    {
        LowerCaseBeforeTokenization = lowercase,
        RemoveNonSpacingMarks = lowercase,
        ApplyBasicTokenization = true,
        IndividuallyTokenizeCjk = true,
        // Captions are plain text: "[CLS]" written in a caption is not a control token.
        SplitOnSpecialTokens = false,
        PreTokenizer = BertPreTokenizer.Instance,
    };

    /// <summary>
    /// The tokens of a vocab.txt by id (line number - 1), refusing a token listed twice: the library would keep one of
    /// the two ids and silently shift what the other line's id means.
    /// </summary>
    private static List<string> ReadTokens(string vocabTxt)
    {
        var tokens = new List<string>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(vocabTxt))
            {
                var token = line;
                if (token.Length > 0 && !lines.TryAdd(token, tokens.Count))
                {
                    throw new AroInputException(
                        $"{vocabTxt}: line {tokens.Count + 1} repeats the token '{token}' of line {lines[token] + 1} (id {lines[token]}); each token is listed once, its id being its line number - 1");
                }

                tokens.Add(token);
            }
        }
        catch (IOException ex)
        {
            throw new AroInputException($"{vocabTxt}: cannot be read: {ex.Message}", ex);
        }

        return tokens;
    }

    private static BertWordPieceTokenizer Create(Func<BertTokenizer> create, string source, int contextLength, int padId, int? encTokenId, IReadOnlyList<string> tokens)
    {
        if (contextLength < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "a BERT context holds [CLS], [SEP] and at least one token");
        }

        try
        {
            return new BertWordPieceTokenizer(create(), contextLength, padId, encTokenId, tokens, source);
        }
        catch (Exception ex) when (ex is ArgumentException or KeyNotFoundException)
        {
            // Missing [CLS]/[SEP]/[PAD]/[UNK]/[MASK], or a token listed twice.
            throw new AroInputException($"{source}: not a usable BERT WordPiece vocabulary: {ex.Message}", ex);
        }
    }

    public int[] Encode(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var body = _bert.EncodeToIds(BertTextCleaner.Clean(caption), addSpecialTokens: false);
        return TokenFraming.Frame(ClassificationId, body, SeparatorId, ContextLength);
    }
}
