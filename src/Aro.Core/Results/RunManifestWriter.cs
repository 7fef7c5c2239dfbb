using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>Writes run.json (snake_case keys, indented, atomically).</summary>
public static class RunManifestWriter
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static void Write(string path, RunManifest manifest) =>
        AtomicFile.WriteText(path, JsonSerializer.Serialize(manifest, Options) + "\n");

    public static RunManifest Read(string path) =>
        JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Options)
        ?? throw new AroInputException($"{path}: empty run.json");
}
