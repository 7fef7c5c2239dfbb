namespace Aro.Core.Text;

/// <summary>
/// A SentencePiece Unigram model read from tokenizer.json (SigLIP / T5 style): pieces with their scores in id
/// order, the unknown id and the SentencePiece character map of the <c>Precompiled</c> normaliser, if any.
/// </summary>
/// <remarks>
/// <para>What is accepted is what transformers' SentencePiece converters write for SigLIP and T5, every step of
/// which <see cref="SiglipTokenizer"/> performs: normaliser steps <c>Lowercase</c>, <c>Replace</c> deleting ASCII
/// punctuation, <c>Replace</c> of <c>\s+</c> by a space, <c>Strip</c>, one <c>Precompiled</c>, <c>Replace</c> of
/// <c>" {2,}"</c> by a space or U+2581, in any combination (SigLIP's own steps are applied whether the file lists
/// them or not, as the Python SiglipTokenizer does in code); pre-tokenizer <c>Metaspace</c> with U+2581 put in
/// front (prepend_scheme always or first, or add_prefix_space), optionally after <c>WhitespaceSplit</c>;
/// post-processor none or a template <c>$A &lt;/s&gt;</c>; <c>byte_fallback</c> off.</para>
/// <para>Anything else (NFD/NFKC normalisers, accent stripping, other replacements, BOS templates, byte
/// fallback) is refused with the field named.</para>
/// </remarks>
public sealed class TokenizerJsonUnigram
{
    private readonly Dictionary<string, int> _ids;

    private TokenizerJsonUnigram(IReadOnlyList<SentencePieceEntry> pieces, int unknownId, byte[]? precompiledCharsmap, string? endToken)
    {
        Pieces = pieces;
        EndToken = endToken;
        UnknownId = unknownId;
        PrecompiledCharsmap = precompiledCharsmap;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pieces.Count; i++)
        {
            _ids.TryAdd(pieces[i].Piece, i);
        }
    }

    /// <summary><c>model.vocab</c>: the pieces in id order.</summary>
    public IReadOnlyList<SentencePieceEntry> Pieces { get; }

    /// <summary><c>model.unk_id</c>.</summary>
    public int UnknownId { get; }

    /// <summary>The <c>Precompiled</c> normaliser's <c>precompiled_charsmap</c> (decoded), or null.</summary>
    public byte[]? PrecompiledCharsmap { get; }

    /// <summary>The token the post-processor appends (<c>&lt;/s&gt;</c>), or null when the file has no post-processor.</summary>
    public string? EndToken { get; }

    /// <summary>The id of a piece, or null.</summary>
    public int? IdOf(string piece) => _ids.TryGetValue(piece, out var id) ? id : null;

    internal static TokenizerJsonUnigram Read(JsonCursor model, JsonCursor normalizer, JsonCursor preTokenizer, JsonCursor postProcessor,
        IReadOnlyList<TokenizerJsonAddedToken> addedTokens)
    {
        var byteFallback = model.Field("byte_fallback");
        if (!byteFallback.IsNull && byteFallback.Bool())
        {
            throw byteFallback.Error("is true; SigLIP's SentencePiece model has no byte fallback and aro does not implement it");
        }

        var unkField = model.Require("unk_id");
        var unkId = unkField.Int();
        var specials = new HashSet<int>();
        foreach (var token in addedTokens)
        {
            if (token.Special)
            {
                specials.Add(token.Id);
            }
        }

        var pieces = new List<SentencePieceEntry>();
        foreach (var item in model.Require("vocab").Items())
        {
            var pair = item.Items().ToList();
            if (pair.Count != 2)
            {
                throw item.Error("must be a [piece, score] pair");
            }

            var id = pieces.Count;
            var type = id == unkId ? SentencePieceType.Unknown : specials.Contains(id) ? SentencePieceType.Control : SentencePieceType.Normal;
            pieces.Add(new SentencePieceEntry(pair[0].String(), (float)pair[1].Number(), type));
        }

        if (unkId < 0 || unkId >= pieces.Count)
        {
            throw unkField.Error($"is {unkId}, not the id of one of the {pieces.Count} pieces of model.vocab");
        }

        var charsmap = ReadNormalizer(normalizer);
        CheckPreTokenizer(preTokenizer);
        var endToken = ReadPostProcessor(postProcessor);
        return new TokenizerJsonUnigram(pieces, unkId, charsmap, endToken);
    }

    private static byte[]? ReadNormalizer(JsonCursor normalizer)
    {
        byte[]? charsmap = null;
        var precompiledSteps = 0;
        foreach (var step in TokenizerJsonSteps.Flatten(normalizer, "normalizers"))
        {
            var type = step.Type();
            switch (type)
            {
                case "Lowercase":
                case "Strip":
                    break;
                case "Precompiled":
                    if (++precompiledSteps > 1)
                    {
                        throw step.Error("is a second Precompiled normaliser; SentencePiece has one character map");
                    }

                    var map = step.Field("precompiled_charsmap").OptionalString();
                    if (!string.IsNullOrEmpty(map))
                    {
                        try
                        {
                            charsmap = Convert.FromBase64String(map);
                        }
                        catch (FormatException ex)
                        {
                            throw new AroInputException($"{step.File}: {step.Path}.precompiled_charsmap is not base64: {ex.Message}", ex);
                        }
                    }

                    break;
                case "Replace":
                    CheckReplace(step);
                    break;
                default:
                    throw step.Field("type").Error(
                        $"is '{type}'; in a Unigram tokenizer aro runs SigLIP's text steps (lower case, ASCII punctuation deleted, whitespace collapsed, stripped) and SentencePiece's character map only");
            }
        }

        return charsmap;
    }

    private static void CheckReplace(JsonCursor step)
    {
        var (isRegex, pattern, content) = TokenizerJsonSteps.Replace(step);
        var deletesPunctuation = content.Length == 0 && (isRegex ? IsPunctuationClass(pattern) : pattern.Length == 1 && SiglipTextCanonicalizer.AsciiPunctuation.Contains(pattern[0], StringComparison.Ordinal));
        var collapsesWhitespace = isRegex && pattern == @"\s+" && content == " ";
        var collapsesSpaces = isRegex && pattern == " {2,}" && content is " " or "\u2581";
        if (!deletesPunctuation && !collapsesWhitespace && !collapsesSpaces)
        {
            throw step.Error(
                $"replaces {(isRegex ? "the pattern" : "the text")} '{pattern}' with '{content}'; aro's SigLIP text steps delete ASCII punctuation and collapse whitespace only");
        }
    }

    /// <summary>A regex character class such as <c>[!"\#\$%...]</c> whose characters are all ASCII punctuation.</summary>
    private static bool IsPunctuationClass(string pattern)
    {
        if (pattern.Length < 3 || pattern[0] != '[' || pattern[^1] != ']' || pattern[1] == '^')
        {
            return false;
        }

        for (var i = 1; i < pattern.Length - 1; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (++i >= pattern.Length - 1 || char.IsAsciiLetterOrDigit(pattern[i]))
                {
                    return false;
                }

                c = pattern[i];
            }
            else if (c == '-' && i > 1 && i < pattern.Length - 2)
            {
                return false; // a range: not a plain list of characters
            }

            if (!SiglipTextCanonicalizer.AsciiPunctuation.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckPreTokenizer(JsonCursor preTokenizer)
    {
        var steps = TokenizerJsonSteps.Flatten(preTokenizer, "pretokenizers");
        var metaspace = steps.Count > 0 && steps[^1].Type() == "Metaspace" ? steps[^1] : default;
        if (steps.Count == 0 || metaspace.Element.ValueKind == System.Text.Json.JsonValueKind.Undefined)
        {
            throw (steps.Count == 0 ? preTokenizer : steps[^1]).Error("must be a Metaspace pre-tokenizer (SentencePiece's U+2581 word marks)");
        }

        foreach (var step in steps.Take(steps.Count - 1))
        {
            if (step.Type() != "WhitespaceSplit")
            {
                throw step.Field("type").Error($"is '{step.Type()}'; before Metaspace aro accepts WhitespaceSplit only");
            }
        }

        var replacement = metaspace.Require("replacement").String();
        if (replacement != "\u2581")
        {
            throw metaspace.Field("replacement").Error($"is '{replacement}'; SentencePiece marks words with U+2581");
        }

        var scheme = metaspace.Field("prepend_scheme").OptionalString();
        var addPrefix = metaspace.Field("add_prefix_space").OptionalBool();
        var prefixes = scheme is null ? addPrefix ?? true : scheme is "always" or "first";
        if (!prefixes)
        {
            throw metaspace.Field(scheme is null ? "add_prefix_space" : "prepend_scheme").Error(
                "does not put U+2581 in front of the text; SigLIP's tokenizer always does");
        }
    }

    private static string? ReadPostProcessor(JsonCursor postProcessor)
    {
        if (postProcessor.IsNull)
        {
            return null;
        }

        var type = postProcessor.Type();
        if (type != "TemplateProcessing")
        {
            throw postProcessor.Field("type").Error($"is '{type}'; a SigLIP tokenizer appends </s> only (TemplateProcessing \"$A </s>\")");
        }

        var single = TokenizerJsonSteps.SingleTemplate(postProcessor);
        if (single.Count != 2 || single[0] != "$A")
        {
            throw postProcessor.Field("single").Error(
                $"is \"{string.Join(' ', single)}\"; a SigLIP tokenizer appends one end token to the caption (\"$A </s>\")");
        }

        return single[1];
    }
}
