using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Checkpoints;

/// <summary>
/// <c>&lt;out&gt;/.aro-partial/</c>: per subset run, the predictions written so far and a <see cref="SubsetCheckpoint"/>.
/// It exists only while a run is unfinished; a completed run removes it.
/// </summary>
/// <remarks>
/// A state file is <c>{"sha256":"…","checkpoint":{…}}</c>, the digest taken over the exact bytes of the checkpoint
/// object, and the checkpoint records the digest of the partial predictions it counts. So a state file changed by
/// hand or cut short (a torn write on a file system that does not keep renames atomic) and predictions changed after
/// the checkpoint are refused on <c>--resume</c> instead of being resumed into tallies that no rows back.
/// </remarks>
public sealed class CheckpointFolder(string outputDirectory)
{
    public const string FolderName = ".aro-partial";

    private const string StartOver =
        "to evaluate from the beginning, run again without --resume (adding --force if aro then refuses the interrupted run's finished subsets)";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Path { get; } = System.IO.Path.Combine(outputDirectory, FolderName);

    public bool Exists => Directory.Exists(Path);

    public string PartialPredictions(string stem) => System.IO.Path.Combine(Path, stem + ".predictions.csv");

    /// <summary>Whether an interrupted run left a checkpoint of <paramref name="stem"/>.</summary>
    public bool Holds(string stem) => File.Exists(StatePath(stem));

    private string StatePath(string stem) => System.IO.Path.Combine(Path, stem + ".state.json");

    /// <summary>The checkpoint of <paramref name="stem"/>, null if there is none; a damaged one is refused.</summary>
    public SubsetCheckpoint? Load(string stem)
    {
        var path = StatePath(stem);
        if (!File.Exists(path))
        {
            return null;
        }

        byte[] bytes;
        using (var stream = RegularFile.OpenRead(path, "checkpoint"))
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        string content;
        string? recorded;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("checkpoint", out var checkpoint) || checkpoint.ValueKind != JsonValueKind.Object)
            {
                throw Refused(path, "it is not a checkpoint with its checksum (an object with 'sha256' and 'checkpoint')");
            }

            recorded = sha.GetString();
            content = checkpoint.GetRawText();
        }
        catch (JsonException ex)
        {
            throw Refused(path, $"it is not valid JSON, probably cut short ({ex.Message})", ex);
        }

        if (!string.Equals(recorded, Digest(Encoding.UTF8.GetBytes(content)), StringComparison.Ordinal))
        {
            throw Refused(path, "its content does not match the SHA-256 checksum stored with it (the file was changed or damaged after aro wrote it)");
        }

        SubsetCheckpoint state;
        try
        {
            state = JsonSerializer.Deserialize<SubsetCheckpoint>(content, Json) ?? throw Refused(path, "it holds no checkpoint");
        }
        catch (JsonException ex)
        {
            throw Refused(path, $"its checkpoint cannot be read ({ex.Message})", ex);
        }

        return Consistent(path, state);
    }

    /// <summary>
    /// Refuses to resume from partial predictions whose kept prefix (<paramref name="prefixSha256"/>, as the writer read
    /// it back) is not the one the checkpoint counted.
    /// </summary>
    public void VerifyRows(string stem, SubsetCheckpoint state, string prefixSha256)
    {
        if (!string.Equals(state.RowsSha256, prefixSha256, StringComparison.Ordinal))
        {
            throw new AroInputException(
                $"--resume: {PartialPredictions(stem)}: its first {state.PredictionBytes} bytes do not match the SHA-256 checksum that the checkpoint " +
                $"{StatePath(stem)} records for them (the rows were changed or damaged after the checkpoint), so aro will not resume from them; {StartOver}");
        }
    }

    public void Save(string stem, SubsetCheckpoint checkpoint)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json);
        AtomicFile.WriteText(StatePath(stem), $"{{\"sha256\":\"{Digest(content)}\",\"checkpoint\":{Encoding.UTF8.GetString(content)}}}");
    }

    /// <summary>Removes every checkpoint (a fresh run, or a finished one).</summary>
    public void Delete()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static string Digest(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// What every checkpoint aro writes satisfies (each finished case is counted once, as scored or as skipped):
    /// checked besides the checksum, so that no arithmetic on impossible tallies is ever reported.
    /// </summary>
    private static SubsetCheckpoint Consistent(string path, SubsetCheckpoint state)
    {
        var problem = state switch
        {
            { RunKey: null } or { Groups: null } or { Skipped: null } => "a required field is missing",
            { CasesDone: < 0 } => $"cases_done is {state.CasesDone}",
            { PredictionBytes: < 0 } => $"prediction_bytes is {state.PredictionBytes}",
            _ when state.Groups.FirstOrDefault(g => g is null || g.Count < 0 || g.Correct < 0 || g.Correct > g.Count) is { } group =>
                $"group '{group.Group}' counts {group.Correct} correct of {group.Count}",
            _ when state.Groups.Sum(g => (long)g.Count) + state.Skipped.Count != state.CasesDone =>
                $"its {state.Groups.Sum(g => (long)g.Count)} scored and {state.Skipped.Count} skipped cases do not add up to its cases_done of {state.CasesDone}",
            _ => null,
        };
        return problem is null ? state : throw Refused(path, $"its tallies are impossible ({problem})");
    }

    private static AroInputException Refused(string path, string why, Exception? inner = null) =>
        new($"--resume: checkpoint {path} cannot be trusted: {why}; aro will not resume from it. {char.ToUpperInvariant(StartOver[0])}{StartOver[1..]}", inner);
}
