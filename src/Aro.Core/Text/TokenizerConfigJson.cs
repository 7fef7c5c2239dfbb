using System.Text.Json;

namespace Aro.Core.Text;

/// <summary>
/// The fields of a Hugging Face <c>tokenizer_config.json</c> (or <c>special_tokens_map.json</c>) that set a
/// tokenizer's special tokens and length. A token may be written as a string or as an AddedToken object
/// (<c>{"content": "&lt;/s&gt;", ...}</c>). Absent fields are null.
/// </summary>
/// <param name="Path">The file read.</param>
/// <param name="PadToken">pad_token.</param>
/// <param name="EosToken">eos_token.</param>
/// <param name="UnkToken">unk_token.</param>
/// <param name="ModelMaxLength">model_max_length, when it is a real limit (transformers writes 1e30 for "none").</param>
/// <param name="DoLowerCase">do_lower_case.</param>
public sealed record TokenizerConfigJson(
    string Path,
    string? PadToken,
    string? EosToken,
    string? UnkToken,
    int? ModelMaxLength,
    bool? DoLowerCase)
{
    public const string FileName = "tokenizer_config.json";
    public const string SpecialTokensMapFileName = "special_tokens_map.json";

    /// <summary>Reads the file; <see cref="AroInputException"/> when it is not a JSON object or a field has the wrong type.</summary>
    public static TokenizerConfigJson Read(string path)
    {
        using var document = JsonFiles.Parse(path);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new AroInputException($"{path}: expected a JSON object");
        }

        return new TokenizerConfigJson(
            path,
            Token(root, "pad_token", path),
            Token(root, "eos_token", path),
            Token(root, "unk_token", path),
            MaxLength(root, path),
            Bool(root, "do_lower_case", path));
    }

    private static string? Token(JsonElement root, string field, string path)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        throw new AroInputException($"{path}: field '{field}' must be a string or an object with a string 'content'");
    }

    private static int? MaxLength(JsonElement root, string path)
    {
        if (!root.TryGetProperty("model_max_length", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || number < 1 || number != Math.Floor(number))
        {
            throw new AroInputException($"{path}: field 'model_max_length' must be a positive integer");
        }

        // transformers' VERY_LARGE_INTEGER (1e30) means "no limit recorded".
        return number > int.MaxValue ? null : (int)number;
    }

    private static bool? Bool(JsonElement root, string field, string path)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AroInputException($"{path}: field '{field}' must be true or false"),
        };
    }
}
