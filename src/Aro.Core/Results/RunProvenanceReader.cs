using System.Text.Json;

namespace Aro.Core.Results;

/// <summary>
/// Reads <c>run.json</c> into <see cref="RunProvenance"/>. Missing fields are allowed; malformed JSON, or a field of
/// the wrong type, is an input error naming the file and the field.
/// </summary>
public static class RunProvenanceReader
{
    public static RunProvenance Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new AroInputException($"{path}: line {(ex.LineNumber ?? 0) + 1}: malformed JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AroInputException($"{path}: expected a JSON object, found {root.ValueKind}");
            }

            var fields = new Fields(path);
            var model = fields.Object(root, "model");
            return new RunProvenance(
                fields.Text(root, "aro_version"),
                fields.Text(model, "name", "model."),
                fields.Text(model, "family", "model."),
                fields.Text(model, "scoring", "model."),
                fields.Text(model, "layout", "model."),
                fields.Text(model, "directory", "model."),
                fields.Text(model, "variant", "model."),
                fields.Files(model, "files", "model."),
                [.. fields.Array(root, "subsets").SelectMany(s => fields.Files(s, "files", "subsets[].")).DistinctBy(f => f.Path)],
                [.. fields.Array(root, "seeds").Select(s => fields.Int(s, "seeds[]"))],
                fields.OptionalInt(root, "limit"),
                fields.OptionalInt(root, "batch_size"),
                fields.Text(root, "onnxruntime_version"),
                fields.Text(root, "execution_provider"),
                fields.Text(root, "started_utc"),
                fields.OptionalNumber(root, "elapsed_seconds"),
                [.. fields.Array(root, "subsets").Select(s => new ProvenanceSubset(
                    fields.Text(s, "name", "subsets[].") ?? "",
                    fields.OptionalInt(s, "seed"),
                    fields.Text(s, "result_stem", "subsets[]."),
                    fields.Files(s, "files", "subsets[]."))).Where(s => s.Name.Length > 0)]);
        }
    }

    /// <summary>Typed optional access to run.json fields; <c>prefix</c> places a nested field in messages (<c>model.name</c>).</summary>
    private sealed class Fields(string path)
    {
        public JsonElement? Object(JsonElement parent, string name) =>
            Get(parent, name) is { } value
                ? value.ValueKind == JsonValueKind.Object ? value : throw Wrong(name, "an object", value)
                : null;

        public IEnumerable<JsonElement> Array(JsonElement? parent, string name, string prefix = "") =>
            Get(parent, name) is { } value
                ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : throw Wrong(prefix + name, "an array", value)
                : [];

        public string? Text(JsonElement? parent, string name, string prefix = "") =>
            Get(parent, name) is { } value
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong(prefix + name, "a string", value)
                : null;

        public int? OptionalInt(JsonElement? parent, string name) =>
            Get(parent, name) is { } value ? Int(value, name) : null;

        public int Int(JsonElement value, string name) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Wrong(name, "an integer", value);

        public double? OptionalNumber(JsonElement? parent, string name) =>
            Get(parent, name) is { } value
                ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Wrong(name, "a number", value)
                : null;

        public IReadOnlyList<HashedFile> Files(JsonElement? parent, string name, string prefix) =>
            [.. Array(parent, name, prefix).Select(file => new HashedFile(
                Text(file, "path", prefix + name + "[].") ?? "",
                Text(file, "sha256", prefix + name + "[].") ?? ""))];

        private static JsonElement? Get(JsonElement? parent, string name) =>
            parent is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value
                : null;

        private AroInputException Wrong(string field, string expected, JsonElement found) =>
            new($"{path}: field '{field}' must be {expected}, found {found.ValueKind.ToString().ToLowerInvariant()}");
    }
}
