using System.Text.Json;

namespace Aro.Core.Cases;

/// <summary>
/// Typed access to the fields of one JSON record, with errors that name the file, the record and the field.
/// </summary>
internal static class JsonFields
{
    public static string RequireString(JsonElement record, string field, RecordLocation at)
    {
        var value = Require(record, field, at);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw at.Error(field, $"must be a string, found {Describe(value)}");
        }

        return Text(value, field, at);
    }

    /// <summary>A string naming a file: a NUL character, which no file system allows, is refused here.</summary>
    public static string RequirePath(JsonElement record, string field, RecordLocation at)
    {
        var path = RequireString(record, field, at);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw at.Error(field, "is not a valid path: it holds a NUL character");
        }

        return path;
    }

    public static string? OptionalString(JsonElement record, string field, RecordLocation at)
    {
        if (!record.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw at.Error(field, $"must be a string, found {Describe(value)}");
        }

        return Text(value, field, at);
    }

    public static double RequireNumber(JsonElement record, string field, RecordLocation at) =>
        AsNumber(Require(record, field, at), field, at);

    public static int RequireInt(JsonElement record, string field, RecordLocation at)
    {
        var value = Require(record, field, at);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var result))
        {
            throw at.Error(field, $"must be an integer, found {Describe(value)}");
        }

        return result;
    }

    public static IReadOnlyList<string> RequireStringArray(JsonElement record, string field, RecordLocation at)
    {
        var value = Require(record, field, at);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw at.Error(field, $"must be an array of strings, found {Describe(value)}");
        }

        var result = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw at.Error(field, $"must hold only strings, found {Describe(item)} at position {result.Count}");
            }

            result.Add(Text(item, field, at));
        }

        return result;
    }

    /// <summary>A field holding either one string or an array of strings (Karpathy split files use both).</summary>
    public static IReadOnlyList<string> RequireStringOrStringArray(JsonElement record, string field, RecordLocation at)
    {
        var value = Require(record, field, at);
        return value.ValueKind switch
        {
            JsonValueKind.String => [Text(value, field, at)],
            JsonValueKind.Array => RequireStringArray(record, field, at),
            _ => throw at.Error(field, $"must be a string or an array of strings, found {Describe(value)}"),
        };
    }

    public static double[]? OptionalNumberArray(JsonElement record, string field, int length, RecordLocation at)
    {
        if (!record.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != length)
        {
            throw at.Error(field, $"must be an array of {length} numbers, found {Describe(value)}");
        }

        return [.. value.EnumerateArray().Select(item => AsNumber(item, field, at))];
    }

    public static void RequireObject(JsonElement record, RecordLocation at)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new AroInputException($"{at}: expected a JSON object, found {Describe(record)}");
        }
    }

    private static JsonElement Require(JsonElement record, string field, RecordLocation at)
    {
        if (!record.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw at.Error(field, "is missing");
        }

        return value;
    }

    private static double AsNumber(JsonElement value, string field, RecordLocation at)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var result) || !double.IsFinite(result))
        {
            throw at.Error(field, $"must be a finite number, found {Describe(value)}");
        }

        return result;
    }

    /// <summary>
    /// The value of a string element. System.Text.Json checks string contents only when they are read: invalid UTF-8
    /// bytes or an escaped lone surrogate (<c>"\ud800"</c>) throw <see cref="InvalidOperationException"/> here.
    /// </summary>
    private static string Text(JsonElement value, string field, RecordLocation at)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw at.Error(field, "holds text that is not valid Unicode (invalid UTF-8 bytes or a lone surrogate escape)");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TryText(value) is { } text ? $"the string \"{Truncate(text)}\"" : "a string that is not valid Unicode",
        JsonValueKind.Array => $"an array of {value.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => Truncate(value.GetRawText()),
    };

    private static string? TryText(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
