using System.Text.Json;

namespace Aro.Core.Text;

/// <summary>Opens a JSON file with errors that name it: missing, unreadable or malformed (with the line).</summary>
internal static class JsonFiles
{
    public static JsonDocument Parse(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new AroInputException($"{path}: malformed JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message.Split(" Path:")[0]}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AroInputException($"{path}: cannot be read: {ex.Message}", ex);
        }
    }
}
