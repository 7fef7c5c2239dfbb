using System.Globalization;
using System.Text.Json;

namespace Aro.Core.Text;

/// <summary>
/// A JSON value with the path that reached it (<c>normalizer.normalizers[2].type</c>), so that every refusal
/// names the file and the field.
/// </summary>
internal readonly struct JsonCursor(JsonElement element, string path, string file)
{
    public JsonElement Element { get; } = element;

    public string Path { get; } = path;

    public string File { get; } = file;

    public bool IsNull => Element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static JsonCursor Root(JsonElement element, string file) => new(element, "", file);

    public AroInputException Error(string message) =>
        new($"{File}: {(Path.Length == 0 ? "the file" : Path)} {message}");

    /// <summary>The field, or a null cursor when it is absent.</summary>
    public JsonCursor Field(string name)
    {
        var at = Path.Length == 0 ? name : $"{Path}.{name}";
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"must be a JSON object, found {Describe()}");
        }

        return Element.TryGetProperty(name, out var value) ? new JsonCursor(value, at, File) : new JsonCursor(default, at, File);
    }

    public JsonCursor Require(string name)
    {
        var field = Field(name);
        return field.IsNull ? throw field.Error("is missing") : field;
    }

    public string String()
    {
        return Element.ValueKind == JsonValueKind.String ? Element.GetString()! : throw Error($"must be a string, found {Describe()}");
    }

    public string? OptionalString() => IsNull ? null : String();

    public int Int()
    {
        return Element.ValueKind == JsonValueKind.Number && Element.TryGetInt32(out var value)
            ? value
            : throw Error($"must be an integer, found {Describe()}");
    }

    public double Number()
    {
        return Element.ValueKind == JsonValueKind.Number ? Element.GetDouble() : throw Error($"must be a number, found {Describe()}");
    }

    public bool Bool()
    {
        return Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"must be true or false, found {Describe()}"),
        };
    }

    public bool? OptionalBool() => IsNull ? null : Bool();

    public IEnumerable<JsonCursor> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Error($"must be a JSON array, found {Describe()}");
        }

        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new JsonCursor(item, $"{Path}[{index.ToString(CultureInfo.InvariantCulture)}]", File);
            index++;
        }
    }

    public IEnumerable<(string Name, JsonCursor Value)> Properties()
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"must be a JSON object, found {Describe()}");
        }

        foreach (var property in Element.EnumerateObject())
        {
            yield return (property.Name, new JsonCursor(property.Value, $"{Path}.{property.Name}", File));
        }
    }

    /// <summary>The <c>type</c> field every tokenizers component carries.</summary>
    public string Type() => Require("type").String();

    public string Describe() => Element.ValueKind switch
    {
        JsonValueKind.Undefined => "missing",
        JsonValueKind.String => $"the string \"{Element.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Element.GetRawText(),
    };
}
