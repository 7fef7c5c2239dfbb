using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace Aro.Core.Text;

/// <summary>
/// The CLIP byte-level BPE tokenizer on Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/>
/// (docs/model-packages.md, "Tokenizers"): byte-level symbols, <c>&lt;/w&gt;</c> end-of-word suffix, CLIP's pre-token regex,
/// <see cref="ClipTextNormalizer"/>. Ids are <c>[SOT] + body[..ContextLength-2] + [EOT]</c>: truncation keeps
/// EOT last, as <c>clip.tokenize(truncate=True)</c> does (the library's own max-count path would drop it).
/// </summary>
public sealed partial class ClipBpeTokenizer : ICaptionTokenizer, ITokenIdRange
{
    public const string StartToken = "<|startoftext|>";
    public const string EndToken = "<|endoftext|>";

    private readonly BpeTokenizer _bpe;

    /// <summary>CLIP's byte-level alphabet: each of the 256 bytes alone and with the end-of-word suffix.</summary>
    public const int ByteTokens = 2 * 256;

    private ClipBpeTokenizer(BpeTokenizer bpe, int startId, int endId, int contextLength, int padId, (int Id, string Token) highest, string source)
    {
        _bpe = bpe;
        (HighestId, HighestToken) = highest;
        VocabularySource = source;
        StartId = startId;
        EndId = endId;
        ContextLength = contextLength;
        PadId = padId;
    }

    public int StartId { get; }

    public int EndId { get; }

    public int ContextLength { get; }

    public int PadId { get; }

    public int HighestId { get; }

    public string HighestToken { get; }

    public string VocabularySource { get; }

    /// <summary>Loads <c>vocab.json</c> and <c>merges.txt</c>.</summary>
    /// <param name="padId">0 as open_clip and OpenAI pad; HF pads with EOT. Both pool the same under a causal mask.</param>
    public static ClipBpeTokenizer Load(string vocabJson, string mergesTxt, int contextLength = 77, int padId = 0)
    {
        CheckContextLength(contextLength);
        Dictionary<string, int> vocabulary;
        try
        {
            using var stream = File.OpenRead(vocabJson);
            vocabulary = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(stream)
                ?? throw new AroInputException($"{vocabJson}: empty vocabulary");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new AroInputException($"{vocabJson}: not a JSON object of token -> id ({ex.Message})", ex);
        }

        return Create(vocabulary, [.. ReadMerges(mergesTxt)], contextLength, padId, vocabJson, mergesTxt, $"{mergesTxt}: merges do not fit {vocabJson}");
    }

    /// <summary>
    /// From a Hugging Face <c>tokenizer.json</c> holding CLIP's BPE (see <see cref="TokenizerJsonBpe"/>): the same
    /// ids as <see cref="Load"/> on the vocab.json and merges.txt it was made from.
    /// </summary>
    public static ClipBpeTokenizer FromTokenizerJson(string tokenizerJson, int contextLength = 77, int padId = 0) =>
        FromTokenizerJson(TokenizerJsonFile.Load(tokenizerJson), contextLength, padId);

    /// <inheritdoc cref="FromTokenizerJson(string, int, int)"/>
    public static ClipBpeTokenizer FromTokenizerJson(TokenizerJsonFile file, int contextLength = 77, int padId = 0)
    {
        CheckContextLength(contextLength);
        var bpe = file.Bpe ?? throw new AroInputException(
            $"{file.Path}: model.type is '{file.ModelTypeName}'; CLIP's tokenizer is a byte-level BPE (\"BPE\")");
        return Create(bpe.Vocabulary, [.. bpe.Merges], contextLength, padId, $"{file.Path} (model.vocab)", $"{file.Path} (model.merges)", $"{file.Path}: model.merges do not fit model.vocab");
    }

    private static void CheckContextLength(int contextLength)
    {
        if (contextLength < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(contextLength), contextLength, "a CLIP context holds SOT, EOT and at least one token");
        }
    }

    private static ClipBpeTokenizer Create(IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<string> merges, int contextLength, int padId,
        string vocabularySource, string mergesSource, string mergeError)
    {
        if (!vocabulary.TryGetValue(StartToken, out var startId) || !vocabulary.TryGetValue(EndToken, out var endId))
        {
            throw new AroInputException($"{vocabularySource}: a CLIP vocabulary must hold {StartToken} and {EndToken}");
        }

        var highest = CheckIds(vocabulary, vocabularySource);

        // CLIP's vocabulary is built from its merges (simple_tokenizer.py): the 512 byte tokens, one token per merge, then
        // the two specials. Any other size means the two files do not belong together, most often a merges.txt cut short
        // (a truncated download), which the BPE library accepts and which silently changes every caption's ids.
        var expected = (long)ByteTokens + merges.Count + 2;
        if (vocabulary.Count != expected)
        {
            throw new AroInputException(
                $"{vocabularySource} holds {vocabulary.Count} tokens but {mergesSource} holds {merges.Count} merges, which make {ByteTokens} byte tokens + " +
                $"{merges.Count} merged tokens + 2 specials = {expected}: one of the files is cut short or they come from different tokenizers " +
                "(download both again from the same model)");
        }

        var specials = new Dictionary<string, int> { [StartToken] = startId, [EndToken] = endId };
        var options = new BpeOptions(vocabulary)
        {
            Merges = merges,
            ByteLevel = true,
            EndOfWordSuffix = "</w>",
            SpecialTokens = specials,
            Normalizer = ClipTextNormalizer.Instance,
            PreTokenizer = new RegexPreTokenizer(PreTokenPattern(), specials),
            UnknownToken = EndToken,
        };
        BpeTokenizer bpe;
        try
        {
            bpe = BpeTokenizer.Create(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new AroInputException($"{mergeError}: {ex.Message}", ex);
        }

        return new ClipBpeTokenizer(bpe, startId, endId, contextLength, padId, highest, vocabularySource);
    }

    /// <summary>Refuses negative ids and ids given to two tokens; returns the highest id and its token.</summary>
    private static (int Id, string Token) CheckIds(IReadOnlyDictionary<string, int> vocabulary, string source)
    {
        var owners = new Dictionary<int, string>(vocabulary.Count);
        (int Id, string Token) highest = (-1, "");
        foreach (var (token, id) in vocabulary)
        {
            if (id < 0)
            {
                throw new AroInputException($"{source}: token '{token}' has id {id}; ids must be 0 or more");
            }

            if (!owners.TryAdd(id, token))
            {
                throw new AroInputException(
                    $"{source}: tokens '{owners[id]}' and '{token}' both have id {id}; every token needs its own id (the file is damaged or was edited)");
            }

            if (id > highest.Id)
            {
                highest = (id, token);
            }
        }

        return highest;
    }

    public int[] Encode(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        return TokenFraming.Frame(StartId, _bpe.EncodeToIds(caption), EndId, ContextLength);
    }

    private static IEnumerable<string> ReadMerges(string mergesTxt)
    {
        // The first line of CLIP's merges.txt is a "#version" header; blank lines carry nothing.
        foreach (var line in File.ReadLines(mergesTxt))
        {
            if (line.Length == 0 || line.StartsWith("#version", StringComparison.Ordinal))
            {
                continue;
            }

            yield return line;
        }
    }

    // CLIP's pattern (simple_tokenizer.py), specials first; IGNORECASE as in the original.
    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase)]
    private static partial Regex PreTokenPattern();
}
