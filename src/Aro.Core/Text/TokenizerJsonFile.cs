namespace Aro.Core.Text;

/// <summary>
/// A Hugging Face <c>tokenizer.json</c> (the tokenizers library's serialisation) read for the three tokenizer
/// kinds aro implements, each checked against the pipeline aro runs for it, so that a file describing any other
/// tokenisation is refused with the field that differs instead of giving other ids without a word:
/// <list type="bullet">
/// <item><c>BPE</c>: CLIP's byte-level BPE (<see cref="TokenizerJsonBpe"/>), tokenised by <see cref="ClipBpeTokenizer"/>.</item>
/// <item><c>WordPiece</c>: BERT's (<see cref="TokenizerJsonWordPiece"/>), tokenised by <see cref="BertWordPieceTokenizer"/>.</item>
/// <item><c>Unigram</c>: a SentencePiece Unigram model (<see cref="TokenizerJsonUnigram"/>), tokenised by <see cref="SiglipTokenizer"/>.</item>
/// </list>
/// Microsoft.ML.Tokenizers does the tokenising in every case; this class only reads and checks the file.
/// </summary>
public sealed class TokenizerJsonFile
{
    public const string FileName = "tokenizer.json";

    private TokenizerJsonFile(string path, string modelTypeName, IReadOnlyList<TokenizerJsonAddedToken> addedTokens,
        TokenizerJsonBpe? bpe, TokenizerJsonWordPiece? wordPiece, TokenizerJsonUnigram? unigram)
    {
        Path = path;
        ModelTypeName = modelTypeName;
        AddedTokens = addedTokens;
        Bpe = bpe;
        WordPiece = wordPiece;
        Unigram = unigram;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary><c>model.type</c> as written: "BPE", "WordPiece" or "Unigram".</summary>
    public string ModelTypeName { get; }

    /// <summary><c>added_tokens</c>: the special and added tokens with their ids.</summary>
    public IReadOnlyList<TokenizerJsonAddedToken> AddedTokens { get; }

    /// <summary>The BPE model when <c>model.type</c> is "BPE", else null.</summary>
    public TokenizerJsonBpe? Bpe { get; }

    /// <summary>The WordPiece model when <c>model.type</c> is "WordPiece", else null.</summary>
    public TokenizerJsonWordPiece? WordPiece { get; }

    /// <summary>The Unigram model when <c>model.type</c> is "Unigram", else null.</summary>
    public TokenizerJsonUnigram? Unigram { get; }

    /// <summary>The id of an added token by its text (BLIP's <c>[ENC]</c>, for example), or null.</summary>
    public int? AddedTokenId(string content)
    {
        foreach (var token in AddedTokens)
        {
            if (token.Content == content)
            {
                return token.Id;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads and checks the file. <see cref="AroInputException"/> (naming the file and the field) when it is not
    /// JSON, when <c>model.type</c> is none of the three, or when its normaliser, pre-tokenizer, post-processor or
    /// model options describe a tokenisation aro does not run.
    /// </summary>
    public static TokenizerJsonFile Load(string path)
    {
        using var document = JsonFiles.Parse(path);
        var root = JsonCursor.Root(document.RootElement, path);
        if (root.Element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw root.Error("must be a JSON object");
        }

        var added = ReadAddedTokens(root.Field("added_tokens"));
        var model = root.Require("model");
        var type = model.Type();
        var normalizer = root.Field("normalizer");
        var preTokenizer = root.Field("pre_tokenizer");
        var postProcessor = root.Field("post_processor");
        return type switch
        {
            "BPE" => new TokenizerJsonFile(path, type, added, TokenizerJsonBpe.Read(model, normalizer, preTokenizer, postProcessor), null, null),
            "WordPiece" => new TokenizerJsonFile(path, type, added, null, TokenizerJsonWordPiece.Read(model, normalizer, preTokenizer, postProcessor), null),
            "Unigram" => new TokenizerJsonFile(path, type, added, null, null, TokenizerJsonUnigram.Read(model, normalizer, preTokenizer, postProcessor, added)),
            _ => throw model.Field("type").Error(
                $"is '{type}'; aro reads the tokenizer kinds it implements: BPE (CLIP's byte-level BPE), WordPiece (BERT) and Unigram (SentencePiece, as SigLIP)"),
        };
    }

    /// <summary>
    /// The file's <c>model.type</c> ("BPE", "WordPiece", "Unigram", ...) without building the document, for telling a
    /// package's family from its files; null when the file is not JSON, cannot be read or has no such field.
    /// </summary>
    public static string? ReadModelType(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions { MaxDepth = 256 });
            var inModel = false;
            while (reader.Read())
            {
                if (reader.TokenType != System.Text.Json.JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1)
                {
                    inModel = reader.ValueTextEquals("model");
                    if (!inModel)
                    {
                        reader.Skip();
                    }
                }
                else if (inModel && reader.CurrentDepth == 2 && reader.ValueTextEquals("type"))
                {
                    return reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
                }
                else if (inModel)
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }

        return null;
    }

    private static List<TokenizerJsonAddedToken> ReadAddedTokens(JsonCursor added)
    {
        var tokens = new List<TokenizerJsonAddedToken>();
        if (added.IsNull)
        {
            return tokens;
        }

        foreach (var item in added.Items())
        {
            tokens.Add(new TokenizerJsonAddedToken(item.Require("id").Int(), item.Require("content").String(), item.Field("special").OptionalBool() ?? false));
        }

        return tokens;
    }
}
