using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Cases;

/// <summary>
/// Streams the records of a file holding one JSON list (the official ARO and Karpathy annotation files), each with
/// its location for error messages. Syntax errors name the file, the record after which they occur and the line.
/// A record longer than <see cref="RecordLimits.MaxRecordBytes"/> is an error naming it.
/// </summary>
internal static class JsonRecordList
{
    /// <summary>
    /// The serializer reads ahead into a buffer that grows to hold the largest record so far (doubling), so between two
    /// records of at most the limit it reads less than four limits' worth; reading more means a record over the limit,
    /// stopped before it is buffered whole. Records between the limit and that are caught by their exact size.
    /// </summary>
    private const long ReadAheadAllowance = 4L * RecordLimits.MaxRecordBytes;

    public static async IAsyncEnumerable<(JsonElement Record, RecordLocation At)> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = new ReadCountingStream(RegularFile.OpenRead(path, "annotation file", 1 << 16, FileOptions.Asynchronous), ReadAheadAllowance);
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
            catch (ReadCountingStream.LimitExceededException)
            {
                throw RecordLimits.TooLarge(new RecordLocation(fileName, "record", index), "the record");
            }

            var at = new RecordLocation(fileName, "record", index);
            if (JsonMarshal.GetRawUtf8Value(enumerator.Current).Length > RecordLimits.MaxRecordBytes)
            {
                throw RecordLimits.TooLarge(at, "the record");
            }

            stream.Restart();
            JsonFields.RequireObject(enumerator.Current, at);
            yield return (enumerator.Current, at);
            index++;
        }
    }
}
