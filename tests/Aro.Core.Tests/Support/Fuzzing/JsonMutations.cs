using System.Text;
using System.Text.Json.Nodes;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// Mutations of a JSON document. Structural ones work on the parsed tree: delete, duplicate, swap and rename fields,
/// change a value's type, grow or empty arrays, wrap values, nest arrays deeply, and put in values JSON cannot hold
/// (NaN, Infinity, 1e400, lone surrogates) as raw text. Textual ones work on the bytes: truncation, random bytes,
/// invalid UTF-8, byte-order marks, UTF-16, CRLF and stray bytes around the document.
/// </summary>
public static class JsonMutations
{
    /// <summary>Replacement values, as raw JSON text (some deliberately not JSON).</summary>
    private static readonly string[] Values =
    [
        "\"\"", "\" \"", "\"\\t\\n \"", "\"x\"", "\"\\u0000\"", "\"a\\u0000b.jpg\"", "\"\\ud800\"", "\"\\udc00x\\ud83d\"",
        "\"../../../../etc/passwd\"", "\"/\"", "\".\"", "\"images/\"", "\"C:\\\\x.jpg\"", "\"\\u00e9t\\u00e9 caf\\u00e9 \\ud83d\\ude42\"",
        "\"\\u202eright to left\"", "\"a\\r\\nb\"", "\"" + new string('w', 70_000) + "\"", "\"" + string.Concat(Enumerable.Repeat("a dog ", 3_000)) + "\"",
        "0", "-0", "1", "-1", "0.5", "2", "5", "1e308", "-1e308", "1e400", "-1e400", "1e-400", "2147483647", "2147483648", "-2147483649",
        "9223372036854775808", "123456789012345678901234567890", "1.0", "1E2", "4.9e-324",
        "NaN", "Infinity", "-Infinity", "nan", "0x10", "01", "+1", ".5", "1.",
        "null", "true", "false", "[]", "{}", "[1, 2, 3, 4]", "[-1, -2, 0, 0]", "[1e308, 1e308, 1e308, 1e308]", "[\"a\", \"b\"]", "[\"a\"]",
        "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]", "[null]", "[[]]", "{\"a\": 1}", "[\"\", \" \"]",
        new string('[', 100) + new string(']', 100), new string('[', 5_000) + new string(']', 5_000),
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3],
    ];

    /// <summary><paramref name="count"/> structural mutants of <paramref name="seed"/>, each with 1 to 3 changes.</summary>
    public static IEnumerable<FuzzInput> Structural(string name, JsonNode seed, Random random, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var root = new JsonArray(seed.DeepClone());
            var raw = new Dictionary<string, string>();
            var changes = new List<string>();
            var steps = random.Next(1, 4);
            for (var s = 0; s < steps; s++)
            {
                changes.Add(MutateOnce(root, random, raw));
            }

            var text = root[0]?.ToJsonString() ?? "null";

            // Placeholders may sit inside other placeholders' raw text: substitute until none is left.
            for (var pass = 0; pass < 4 && raw.Count > 0; pass++)
            {
                foreach (var (key, value) in raw)
                {
                    text = text.Replace($"\"{key}\"", value, StringComparison.Ordinal);
                }
            }

            yield return new FuzzInput($"{name}: {string.Join("; ", changes)}", Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>Byte-level mutants of a serialised document.</summary>
    public static IEnumerable<FuzzInput> Textual(FuzzInput seed, Random random, int truncations, int overwrites, int splices)
    {
        var bytes = seed.Bytes;
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var input in ByteMutations.Truncations(seed, truncations, headerBytes: 4))
        {
            yield return input;
        }

        foreach (var input in ByteMutations.Overwrites(seed, random, overwrites))
        {
            yield return input;
        }

        foreach (var input in ByteMutations.Splices(seed, random, splices))
        {
            yield return input;
        }

        for (var n = 0; n < 2 * InvalidUtf8.Length; n++)
        {
            var sequence = InvalidUtf8[n % InvalidUtf8.Length];
            var at = StringPosition(bytes, random);
            yield return new FuzzInput($"{seed.Description}, invalid UTF-8 {Convert.ToHexString(sequence)} at {at}", [.. bytes.AsSpan(0, at), .. sequence, .. bytes.AsSpan(at)]);
        }

        yield return new FuzzInput($"{seed.Description}, UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. bytes]);
        yield return new FuzzInput($"{seed.Description}, two UTF-8 BOMs", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. bytes]);
        yield return new FuzzInput($"{seed.Description}, BOM mid-file", [.. bytes.AsSpan(0, bytes.Length / 2), 0xEF, 0xBB, 0xBF, .. bytes.AsSpan(bytes.Length / 2)]);
        yield return new FuzzInput($"{seed.Description}, UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        yield return new FuzzInput($"{seed.Description}, UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]);
        yield return new FuzzInput($"{seed.Description}, UTF-32 with BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)]);
        yield return new FuzzInput($"{seed.Description}, CRLF line ends", Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
        yield return new FuzzInput($"{seed.Description}, CR line ends", Encoding.UTF8.GetBytes(text.Replace('\n', '\r')));
        yield return new FuzzInput($"{seed.Description}, CRLF and trailing blank lines", Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n  \r\n"));
        yield return new FuzzInput($"{seed.Description}, NUL appended", [.. bytes, 0]);
        yield return new FuzzInput($"{seed.Description}, NUL prepended", [0, .. bytes]);
        yield return new FuzzInput($"{seed.Description}, trailing garbage", [.. bytes, .. "}]garbage"u8]);
        yield return new FuzzInput($"{seed.Description}, trailing comma", [.. bytes, .. ","u8]);
        yield return new FuzzInput($"{seed.Description}, a comment", [.. "// comment\n"u8, .. bytes]);
        yield return new FuzzInput($"{seed.Description}, 1 MiB of leading spaces", [.. Enumerable.Repeat((byte)' ', 1 << 20), .. bytes]);
        yield return new FuzzInput($"{seed.Description}, doubled", [.. bytes, .. bytes]);
        yield return new FuzzInput($"{seed.Description}, empty", []);
        yield return new FuzzInput($"{seed.Description}, whitespace only", " \n\t\r\n"u8.ToArray());
    }

    /// <summary>A position inside a string value when one is found near a random point, else the random point.</summary>
    private static int StringPosition(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        var quote = Array.IndexOf(bytes, (byte)'"', at);
        return quote >= 0 && quote + 1 < bytes.Length ? quote + 1 : at;
    }

    private static string MutateOnce(JsonArray root, Random random, Dictionary<string, string> raw)
    {
        var nodes = new List<(JsonNode Parent, object Key)>();
        Collect(root, nodes);
        var (parent, key) = nodes[random.Next(nodes.Count)];
        var node = Get(parent, key);
        var where = Describe(parent, key);
        switch (random.Next(10))
        {
            case 0 when parent is JsonObject obj:
                obj.Remove((string)key);
                return $"deleted {where}";
            case 1 when parent is JsonObject obj && obj.Count > 1:
            {
                var other = obj.ElementAt(random.Next(obj.Count)).Key;
                var a = obj[(string)key];
                var b = obj[other];
                obj[(string)key] = null;
                obj[other] = null;
                obj[(string)key] = b;
                obj[other] = a;
                return $"swapped {where} and {other}";
            }

            case 2 when parent is JsonObject obj && ((string)key).Length > 1:
            {
                var renamed = random.Next(3) switch { 0 => ((string)key).ToUpperInvariant(), 1 => ((string)key) + " ", _ => ((string)key)[1..] };
                var value = node;
                obj.Remove((string)key);
                obj[renamed] = value;
                return $"renamed {where} to '{renamed}'";
            }

            case 3 when parent is JsonObject:
            {
                // A duplicate key: the later value is the one readers see.
                var value = Values[random.Next(Values.Length)];
                var placeholder = Placeholder(raw, $"{{\"{key}\": {value}, \"{key}\": {node?.ToJsonString() ?? "null"}}}");
                Set(parent, key, placeholder);
                return $"{where} wrapped in an object with a duplicated key";
            }

            case 4 when node is JsonArray array && array.Count > 0:
                array.RemoveAt(random.Next(array.Count));
                return $"removed an element of {where}";
            case 5 when node is JsonArray array && array.Count > 0:
                array.Add(array[random.Next(array.Count)]?.DeepClone());
                return $"duplicated an element of {where}";
            case 6 when node is JsonArray array:
                array.Clear();
                return $"emptied {where}";
            case 7:
                Set(parent, key, new JsonArray(node?.DeepClone()));
                return $"wrapped {where} in an array";
            default:
            {
                var value = Values[random.Next(Values.Length)];
                Set(parent, key, Placeholder(raw, value));
                return $"set {where} to {(value.Length > 24 ? value[..24] + "…" : value)}";
            }
        }
    }

    private static string Placeholder(Dictionary<string, string> raw, string text)
    {
        var key = $"@@raw{raw.Count}@@";
        raw[key] = text;
        return key;
    }

    private static void Collect(JsonNode? node, List<(JsonNode Parent, object Key)> nodes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    nodes.Add((obj, name));
                    Collect(child, nodes);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    nodes.Add((array, i));
                    Collect(array[i], nodes);
                }

                break;
        }
    }

    private static JsonNode? Get(JsonNode parent, object key) => key is string name ? parent[name] : parent[(int)key];

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name)
        {
            parent[name] = value;
        }
        else
        {
            parent[(int)key] = value;
        }
    }

    private static string Describe(JsonNode parent, object key) => parent.GetPath() + (key is string name ? $".{name}" : $"[{key}]");
}
