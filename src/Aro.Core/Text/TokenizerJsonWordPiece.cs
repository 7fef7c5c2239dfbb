namespace Aro.Core.Text;

/// <summary>
/// BERT's WordPiece read from tokenizer.json, for <see cref="BertWordPieceTokenizer"/>: the vocabulary in id
/// order and the options aro passes on to Microsoft.ML.Tokenizers' <c>BertTokenizer</c>.
/// </summary>
/// <remarks>
/// Accepted is the layout of transformers' BERT converter (bert-base-uncased, BLIP): normaliser
/// <c>BertNormalizer</c> with <c>clean_text</c> and <c>handle_chinese_chars</c> on and accents stripped exactly when
/// lower-casing (<c>strip_accents</c> null or equal to <c>lowercase</c>, as aro ties them); pre-tokenizer
/// <c>BertPreTokenizer</c>; post-processor none, <c>BertProcessing</c> or a template <c>[CLS] $A [SEP]</c>; ids
/// 0..n-1 without gaps (a vocab.txt). Anything else is refused with the field named.
/// </remarks>
/// <param name="Tokens">The vocabulary, token i having id i.</param>
/// <param name="UnknownToken"><c>model.unk_token</c>.</param>
/// <param name="ContinuingSubwordPrefix"><c>model.continuing_subword_prefix</c> ("##").</param>
/// <param name="MaxInputCharsPerWord"><c>model.max_input_chars_per_word</c> (100): longer words become the unknown token.</param>
/// <param name="Lowercase"><c>normalizer.lowercase</c> (accents are stripped with it).</param>
/// <param name="ClassificationToken">The template's first token, <c>[CLS]</c>.</param>
/// <param name="SeparatorToken">The template's last token, <c>[SEP]</c>.</param>
public sealed record TokenizerJsonWordPiece(
    IReadOnlyList<string> Tokens,
    string UnknownToken,
    string ContinuingSubwordPrefix,
    int MaxInputCharsPerWord,
    bool Lowercase,
    string ClassificationToken,
    string SeparatorToken)
{
    internal static TokenizerJsonWordPiece Read(JsonCursor model, JsonCursor normalizer, JsonCursor preTokenizer, JsonCursor postProcessor)
    {
        var vocab = model.Require("vocab");
        var byId = new SortedDictionary<int, string>();
        foreach (var (token, idField) in vocab.Properties())
        {
            var id = idField.Int();
            if (token.Length == 0 || token.Contains('\n', StringComparison.Ordinal) || token.Contains('\r', StringComparison.Ordinal))
            {
                throw idField.Error("names an empty token or one holding a line break, which a WordPiece vocabulary (vocab.txt) cannot hold");
            }

            if (!byId.TryAdd(id, token))
            {
                throw idField.Error($"is {id}, the id of '{byId[id]}' as well");
            }
        }

        var tokens = new List<string>(byId.Count);
        foreach (var (id, token) in byId)
        {
            if (id != tokens.Count)
            {
                throw vocab.Error($"has no token with id {tokens.Count} (ids must run from 0 without gaps, as in a vocab.txt)");
            }

            tokens.Add(token);
        }

        var lowercase = ReadNormalizer(normalizer);
        var preType = preTokenizer.IsNull ? null : preTokenizer.Type();
        if (preType != "BertPreTokenizer")
        {
            throw (preTokenizer.IsNull ? preTokenizer : preTokenizer.Field("type")).Error(
                $"is {(preType is null ? "missing" : $"'{preType}'")}; BERT splits words with BertPreTokenizer (whitespace and punctuation)");
        }

        var (cls, sep) = ReadPostProcessor(postProcessor);
        return new TokenizerJsonWordPiece(
            tokens,
            model.Field("unk_token").OptionalString() ?? "[UNK]",
            model.Field("continuing_subword_prefix").OptionalString() ?? "##",
            model.Field("max_input_chars_per_word").IsNull ? 100 : model.Field("max_input_chars_per_word").Int(),
            lowercase,
            cls,
            sep);
    }

    private static bool ReadNormalizer(JsonCursor normalizer)
    {
        var type = normalizer.IsNull ? null : normalizer.Type();
        if (type != "BertNormalizer")
        {
            throw (normalizer.IsNull ? normalizer : normalizer.Field("type")).Error(
                $"is {(type is null ? "missing" : $"'{type}'")}; aro's WordPiece runs BERT's normaliser (BertNormalizer)");
        }

        foreach (var flag in new[] { "clean_text", "handle_chinese_chars" })
        {
            var field = normalizer.Field(flag);
            if (field.OptionalBool() == false)
            {
                throw field.Error("is false; aro's BERT normaliser always does it, as bert-base-uncased's does");
            }
        }

        var lowercase = normalizer.Field("lowercase").OptionalBool() ?? true;
        var strip = normalizer.Field("strip_accents");
        if (strip.OptionalBool() is { } stripAccents && stripAccents != lowercase)
        {
            throw strip.Error($"is {(stripAccents ? "true" : "false")} with lowercase {(lowercase ? "true" : "false")}; aro strips accents exactly when it lower-cases (strip_accents null)");
        }

        return lowercase;
    }

    private static (string Cls, string Sep) ReadPostProcessor(JsonCursor postProcessor)
    {
        if (postProcessor.IsNull)
        {
            return ("[CLS]", "[SEP]");
        }

        var type = postProcessor.Type();
        if (type == "BertProcessing")
        {
            return (postProcessor.Require("cls").Items().First().String(), postProcessor.Require("sep").Items().First().String());
        }

        if (type == "TemplateProcessing")
        {
            var single = TokenizerJsonSteps.SingleTemplate(postProcessor);
            if (single.Count == 3 && single[1] == "$A")
            {
                return (single[0], single[2]);
            }

            throw postProcessor.Field("single").Error($"is \"{string.Join(' ', single)}\"; BERT's template is \"[CLS] $A [SEP]\"");
        }

        throw postProcessor.Field("type").Error($"is '{type}'; BERT frames captions as [CLS] ... [SEP]");
    }
}
