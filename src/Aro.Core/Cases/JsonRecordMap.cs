using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Cases;

/// <summary>
/// Reads the records of a file holding one JSON object of records keyed by id (SugarCrepe's
/// <c>{"0": {...}, "1": {...}}</c>), in file order, each with its key and location for error messages. The files
/// such benchmarks ship are small (SugarCrepe's largest is under 0.5 MB), so the document is parsed whole; a key
/// given twice is an error, because JSON parsers disagree on which copy wins. A file over
/// <see cref="RecordLimits.MaxDocumentBytes"/> is refused unread, and a record over <see cref="RecordLimits.MaxRecordBytes"/>
/// is an error naming it.
/// </summary>
internal static class JsonRecordMap
{
    public static async IAsyncEnumerable<(string Key, JsonElement Record, RecordLocation At)> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(path);
        JsonDocument document;
        await using (var stream = RegularFile.OpenRead(path, "annotation file", 1 << 16, FileOptions.Asynchronous))
        {
            if (stream.Length > RecordLimits.MaxDocumentBytes)
            {
                throw new AroInputException(
                    $"{fileName}: {stream.Length:N0} bytes is more than the limit of {RecordLimits.MaxDocumentBytes:N0} for a file of records keyed by id (such files are under 1 MB); is this the right file?");
            }

            try
            {
                document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new AroInputException(
                    $"{fileName}: malformed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): expected an object of records keyed by id", ex);
            }
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new AroInputException($"{fileName}: expected a JSON object of records keyed by id, found a JSON {document.RootElement.ValueKind}");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var at = new RecordLocation(fileName, "record", index, property.Name);
                if (!seen.Add(property.Name))
                {
                    throw new AroInputException($"{at}: the key appears twice in the file");
                }

                if (JsonMarshal.GetRawUtf8Value(property.Value).Length > RecordLimits.MaxRecordBytes)
                {
                    throw RecordLimits.TooLarge(at, "the record");
                }

                JsonFields.RequireObject(property.Value, at);
                yield return (property.Name, property.Value, at);
                index++;
            }
        }
    }
}
