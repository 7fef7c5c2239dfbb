namespace Aro.Core.Text;

/// <summary>
/// CLIP's byte-level BPE read from tokenizer.json: the vocabulary and the merges, for <see cref="ClipBpeTokenizer"/>.
/// </summary>
/// <remarks>
/// <para>Accepted is the layout of transformers' CLIP converter (what openai/clip-* and Xenova/clip-* ship):
/// model <c>BPE</c> with <c>end_of_word_suffix</c> <c>&lt;/w&gt;</c>, no continuing-subword prefix, no dropout, no byte
/// fallback; normaliser steps among <c>NFC</c>, <c>Replace</c> of <c>\s+</c> by a space, and <c>Lowercase</c> (which
/// must be there); pre-tokenizer CLIP's <c>Split</c> pattern then <c>ByteLevel</c> without a prefix space;
/// post-processor none, <c>RobertaProcessing</c> or a template, framing with <c>&lt;|startoftext|&gt;</c> and
/// <c>&lt;|endoftext|&gt;</c>. GPT-2-style byte-level BPE (no <c>&lt;/w&gt;</c>) and other patterns are refused.</para>
/// <para>The ids then equal the vocab.json/merges.txt path's, which follows OpenAI's CLIP tokenizer: like it, and
/// unlike the Hugging Face fast tokenizer, captions are HTML-unescaped first (<see cref="ClipTextNormalizer"/>).</para>
/// </remarks>
/// <param name="Vocabulary"><c>model.vocab</c>: token to id.</param>
/// <param name="Merges"><c>model.merges</c> as "left right" lines, in rank order.</param>
public sealed record TokenizerJsonBpe(IReadOnlyDictionary<string, int> Vocabulary, IReadOnlyList<string> Merges)
{
    /// <summary>CLIP's pre-token pattern as the CLIP converter writes it, with and without the two special tokens.</summary>
    private static readonly string[] ClipPatterns =
    [
        @"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+",
        @"'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+",
    ];

    internal static TokenizerJsonBpe Read(JsonCursor model, JsonCursor normalizer, JsonCursor preTokenizer, JsonCursor postProcessor)
    {
        var suffix = model.Field("end_of_word_suffix");
        if (suffix.OptionalString() != "</w>")
        {
            throw suffix.Error($"is {suffix.Describe()}; aro's BPE is CLIP's, whose words end in '</w>' (a GPT-2-style byte-level BPE is not supported)");
        }

        var prefix = model.Field("continuing_subword_prefix");
        if (!string.IsNullOrEmpty(prefix.OptionalString()))
        {
            throw prefix.Error($"is {prefix.Describe()}; CLIP's BPE has no continuing-subword prefix");
        }

        var dropout = model.Field("dropout");
        if (!dropout.IsNull && dropout.Number() != 0)
        {
            throw dropout.Error("is set; BPE dropout samples segmentations, which an evaluation must not do");
        }

        var byteFallback = model.Field("byte_fallback");
        if (!byteFallback.IsNull && byteFallback.Bool())
        {
            throw byteFallback.Error("is true; CLIP's byte-level BPE has no byte fallback");
        }

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, id) in model.Require("vocab").Properties())
        {
            vocabulary[token] = id.Int();
        }

        var merges = new List<string>();
        foreach (var merge in model.Require("merges").Items())
        {
            merges.Add(merge.Element.ValueKind == System.Text.Json.JsonValueKind.Array ? MergeOfPair(merge) : merge.String());
        }

        CheckNormalizer(normalizer);
        CheckPreTokenizer(preTokenizer);
        CheckPostProcessor(postProcessor);
        return new TokenizerJsonBpe(vocabulary, merges);
    }

    /// <summary>tokenizers 0.20 and later write a merge as ["left", "right"].</summary>
    private static string MergeOfPair(JsonCursor merge)
    {
        var pair = merge.Items().ToList();
        return pair.Count == 2 ? $"{pair[0].String()} {pair[1].String()}" : throw merge.Error("must be a [left, right] pair");
    }

    private static void CheckNormalizer(JsonCursor normalizer)
    {
        var lowercase = false;
        foreach (var step in TokenizerJsonSteps.Flatten(normalizer, "normalizers"))
        {
            var type = step.Type();
            switch (type)
            {
                case "NFC":
                    break;
                case "Lowercase":
                    lowercase = true;
                    break;
                case "Replace" when TokenizerJsonSteps.Replace(step) is (true, @"\s+", " "):
                    break;
                default:
                    throw step.Field("type").Error($"is '{type}'; CLIP's text normalisation is NFC, whitespace collapse and lower case");
            }
        }

        if (!lowercase)
        {
            throw normalizer.Error("does not lower-case; CLIP's tokenizer lower-cases every caption");
        }
    }

    private static void CheckPreTokenizer(JsonCursor preTokenizer)
    {
        var steps = TokenizerJsonSteps.Flatten(preTokenizer, "pretokenizers");
        if (steps.Count != 2 || steps[0].Type() != "Split" || steps[1].Type() != "ByteLevel")
        {
            throw preTokenizer.Error("must be CLIP's Split pattern followed by ByteLevel");
        }

        var split = steps[0];
        var (isRegex, pattern, _) = SplitPattern(split);
        if (!isRegex || !ClipPatterns.Contains(pattern, StringComparer.Ordinal))
        {
            throw split.Field("pattern").Error($"is '{pattern}', not CLIP's pre-token pattern");
        }

        var behavior = split.Require("behavior").String();
        var invert = split.Field("invert").OptionalBool() ?? false;
        if (behavior != "Removed" || !invert)
        {
            throw split.Error($"splits with behavior '{behavior}' and invert {invert}; CLIP keeps the pattern's matches (Removed, invert true)");
        }

        var byteLevel = steps[1];
        if (byteLevel.Field("add_prefix_space").OptionalBool() == true)
        {
            throw byteLevel.Field("add_prefix_space").Error("is true; CLIP's BPE adds no prefix space");
        }

        if (byteLevel.Field("use_regex").OptionalBool() == true)
        {
            throw byteLevel.Field("use_regex").Error("is true; CLIP splits with its own pattern, not GPT-2's");
        }
    }

    private static (bool IsRegex, string Pattern, string Content) SplitPattern(JsonCursor split)
    {
        var pattern = split.Require("pattern");
        var regex = pattern.Field("Regex");
        return regex.IsNull ? (false, pattern.Require("String").String(), "") : (true, regex.String(), "");
    }

    private static void CheckPostProcessor(JsonCursor postProcessor)
    {
        if (postProcessor.IsNull)
        {
            return;
        }

        var type = postProcessor.Type();
        if (type == "RobertaProcessing")
        {
            var cls = postProcessor.Require("cls").Items().First().String();
            var sep = postProcessor.Require("sep").Items().First().String();
            if (cls != ClipBpeTokenizer.StartToken || sep != ClipBpeTokenizer.EndToken)
            {
                throw postProcessor.Error($"frames captions with {cls} ... {sep}; CLIP's are {ClipBpeTokenizer.StartToken} ... {ClipBpeTokenizer.EndToken}");
            }

            return;
        }

        if (type == "TemplateProcessing")
        {
            var single = TokenizerJsonSteps.SingleTemplate(postProcessor);
            if (single.SequenceEqual([ClipBpeTokenizer.StartToken, "$A", ClipBpeTokenizer.EndToken]))
            {
                return;
            }

            throw postProcessor.Field("single").Error($"is \"{string.Join(' ', single)}\"; CLIP's template is \"{ClipBpeTokenizer.StartToken} $A {ClipBpeTokenizer.EndToken}\"");
        }

        if (type == "ByteLevel")
        {
            // Offsets only: the framing is aro's.
            return;
        }

        throw postProcessor.Field("type").Error($"is '{type}'; CLIP's tokenizer frames captions with {ClipBpeTokenizer.StartToken} and {ClipBpeTokenizer.EndToken}");
    }
}
