using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aro.Core.Tests.Support;

/// <summary>
/// Writes Hugging Face tokenizer.json files for the real vocabularies in the shared reference data (which may not be
/// committed, so their tokenizer.json is made at test time), in the layouts transformers' converters give
/// (convert_slow_tokenizer.py CLIPConverter and BertConverter), the same as scripts/make_tiny_siglip.py writes
/// for the committed demo vocabularies.
/// </summary>
internal static class HfTokenizerJsonWriter
{
    public const string ClipSplitPattern = @"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+";

    /// <summary>CLIP's tokenizer.json from vocab.json and merges.txt; merges as "a b" strings or, as tokenizers 0.20 writes them, ["a", "b"] pairs.</summary>
    public static string Clip(string vocabJson, string mergesTxt, bool mergesAsPairs)
    {
        var vocab = JsonNode.Parse(File.ReadAllText(vocabJson))!.AsObject();
        var merges = new JsonArray();
        foreach (var line in File.ReadLines(mergesTxt))
        {
            if (line.Length == 0 || line.StartsWith("#version", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(' ');
            merges.Add(mergesAsPairs ? new JsonArray(parts[0], parts[1]) : JsonValue.Create(line));
        }

        var sot = (int)vocab["<|startoftext|>"]!;
        var eot = (int)vocab["<|endoftext|>"]!;
        var tokenizer = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = new JsonArray(Added(sot, "<|startoftext|>"), Added(eot, "<|endoftext|>")),
            ["normalizer"] = Sequence("normalizers", Type("NFC"), Replace(@"\s+", " "), Type("Lowercase")),
            ["pre_tokenizer"] = Sequence("pretokenizers",
                new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = ClipSplitPattern }, ["behavior"] = "Removed", ["invert"] = true },
                new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = false }),
            ["post_processor"] = new JsonObject
            {
                ["type"] = "RobertaProcessing",
                ["sep"] = new JsonArray("<|endoftext|>", eot),
                ["cls"] = new JsonArray("<|startoftext|>", sot),
                ["trim_offsets"] = false,
                ["add_prefix_space"] = false,
            },
            ["decoder"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = true, ["trim_offsets"] = true, ["use_regex"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["dropout"] = null,
                ["unk_token"] = "<|endoftext|>",
                ["continuing_subword_prefix"] = "",
                ["end_of_word_suffix"] = "</w>",
                ["fuse_unk"] = false,
                ["byte_fallback"] = false,
                ["vocab"] = vocab,
                ["merges"] = merges,
            },
        };
        return tokenizer.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>BERT's tokenizer.json from vocab.txt (id = line number - 1), lower-casing as bert-base-uncased.</summary>
    public static string Bert(string vocabTxt)
    {
        var vocab = new JsonObject();
        var index = 0;
        foreach (var token in File.ReadLines(vocabTxt))
        {
            if (token.Length > 0)
            {
                vocab[token] = index;
            }

            index++;
        }

        var added = new JsonArray();
        foreach (var special in new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" })
        {
            added.Add(Added((int)vocab[special]!, special));
        }

        var tokenizer = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject { ["type"] = "BertNormalizer", ["clean_text"] = true, ["handle_chinese_chars"] = true, ["strip_accents"] = null, ["lowercase"] = true },
            ["pre_tokenizer"] = Type("BertPreTokenizer"),
            ["post_processor"] = new JsonObject
            {
                ["type"] = "TemplateProcessing",
                ["single"] = new JsonArray(Special("[CLS]"), new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } }, Special("[SEP]")),
            },
            ["decoder"] = new JsonObject { ["type"] = "WordPiece", ["prefix"] = "##", ["cleanup"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "WordPiece",
                ["unk_token"] = "[UNK]",
                ["continuing_subword_prefix"] = "##",
                ["max_input_chars_per_word"] = 100,
                ["vocab"] = vocab,
            },
        };
        return tokenizer.ToJsonString();
    }

    private static JsonObject Added(int id, string content) => new()
    {
        ["id"] = id,
        ["content"] = content,
        ["single_word"] = false,
        ["lstrip"] = false,
        ["rstrip"] = false,
        ["normalized"] = false,
        ["special"] = true,
    };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject Replace(string regex, string content) =>
        new() { ["type"] = "Replace", ["pattern"] = new JsonObject { ["Regex"] = regex }, ["content"] = content };

    private static JsonObject Special(string id) => new() { ["SpecialToken"] = new JsonObject { ["id"] = id, ["type_id"] = 0 } };

    private static JsonObject Sequence(string itemsField, params JsonObject[] items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return new JsonObject { ["type"] = "Sequence", [itemsField] = array };
    }
}
