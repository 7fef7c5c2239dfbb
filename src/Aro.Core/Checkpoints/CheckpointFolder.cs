using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Checkpoints;

/// <summary>
/// <c>&lt;out&gt;/.aro-partial/</c>: per subset run, the predictions written so far and a <see cref="SubsetCheckpoint"/>.
/// It exists only while a run is unfinished; a completed run removes it.
/// </summary>
public sealed class CheckpointFolder(string outputDirectory)
{
    public const string FolderName = ".aro-partial";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Path { get; } = System.IO.Path.Combine(outputDirectory, FolderName);

    public bool Exists => Directory.Exists(Path);

    public string PartialPredictions(string stem) => System.IO.Path.Combine(Path, stem + ".predictions.csv");

    /// <summary>Whether an interrupted run left a checkpoint of <paramref name="stem"/>.</summary>
    public bool Holds(string stem) => File.Exists(StatePath(stem));

    private string StatePath(string stem) => System.IO.Path.Combine(Path, stem + ".state.json");

    public SubsetCheckpoint? Load(string stem)
    {
        var path = StatePath(stem);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SubsetCheckpoint>(File.ReadAllText(path), Json)
                ?? throw new AroInputException($"{path}: empty checkpoint");
        }
        catch (JsonException ex)
        {
            throw new AroInputException($"{path}: corrupt checkpoint ({ex.Message}); run again without --resume", ex);
        }
    }

    public void Save(string stem, SubsetCheckpoint checkpoint) =>
        AtomicFile.WriteText(StatePath(stem), JsonSerializer.Serialize(checkpoint, Json));

    /// <summary>Removes every checkpoint (a fresh run, or a finished one).</summary>
    public void Delete()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
