using System.Runtime.CompilerServices;
using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Cases;

/// <summary>
/// Streams the records of a file holding one JSON list (the official ARO and Karpathy annotation files), each with
/// its location for error messages. Syntax errors name the file, the record after which they occur and the line.
/// </summary>
internal static class JsonRecordList
{
    public static async IAsyncEnumerable<(JsonElement Record, RecordLocation At)> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = RegularFile.OpenRead(path, "annotation file", 1 << 16, FileOptions.Asynchronous);
        var fileName = Path.GetFileName(path);
        var records = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: cancellationToken);
        await using var enumerator = records.GetAsyncEnumerator(cancellationToken);
        var index = 0;
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (JsonException ex)
            {
                throw new AroInputException(
                    $"{fileName}: malformed JSON after record {index} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): expected a list of records", ex);
            }

            var at = new RecordLocation(fileName, "record", index);
            JsonFields.RequireObject(enumerator.Current, at);
            yield return (enumerator.Current, at);
            index++;
        }
    }
}
