using System.Text.Json;

namespace Aro.Core.Models;

/// <summary>
/// A Hugging Face <c>config.json</c>, read only for what tells a package's family: its <c>model_type</c>
/// (<c>clip</c>, <c>blip</c>, <c>siglip</c>, <c>siglip2</c>). Token ids are never taken from it: transformers leaves
/// other models' defaults there (SigLIP's carry CLIP's 49406/49407).
/// </summary>
public static class ModelConfigJson
{
    public const string FileName = "config.json";

    /// <summary>The <c>model_type</c> of <paramref name="directory"/>'s config.json; null when there is none or it cannot be read.</summary>
    public static string? ModelType(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("model_type", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }
}
