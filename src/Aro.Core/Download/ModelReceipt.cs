using System.Text.Json;
using System.Text.Json.Serialization;
using Aro.Core.IO;

namespace Aro.Core.Download;

/// <summary>
/// <c>models/&lt;name&gt;/aro-download.json</c>: what <c>aro models pull</c> installed, from where, with which hashes
/// and what each hash was checked against, so a folder's provenance survives after the download.
/// </summary>
public sealed record ModelReceipt(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("aro_version")] string AroVersion,
    [property: JsonPropertyName("downloaded_at")] string DownloadedAt,
    [property: JsonPropertyName("files")] IReadOnlyList<ModelReceiptFile> Files)
{
    public const string FileName = "aro-download.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Write(string folder) =>
        AtomicFile.WriteText(System.IO.Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    public static ModelReceipt? Read(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModelReceipt>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
