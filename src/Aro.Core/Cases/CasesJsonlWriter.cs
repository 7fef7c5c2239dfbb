using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Cases;

/// <summary>
/// Writes cases in the frozen <c>cases.jsonl</c> form (docs/cases-format.md), the format <see cref="CasesJsonlReader"/>
/// reads: one compact JSON object a line, <c>{"id", "image", "bbox"?, "captions", "label", "group", "subset"?}</c>, with the
/// image path relative to the output file's folder (always with <c>/</c>), <c>\n</c> line ends and UTF-8 without
/// a byte-order mark. The same cases give the same bytes. The file appears only when complete: it is written
/// under a temporary name and renamed, and a failure or cancellation leaves nothing behind.
/// </summary>
public static class CasesJsonlWriter
{
    // Captions keep apostrophes and non-ASCII letters readable; only what JSON requires is escaped.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>Writes <paramref name="cases"/> to <paramref name="path"/>; returns how many were written.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="cancellationToken">Stops writing; nothing is left behind.</param>
    /// <param name="subset">
    /// Written as each record's <c>subset</c> field when the ids alone do not say which subset the cases belong to
    /// (SugarCrepe's ids are its JSON keys), so the file is scored with that subset's metric and tie rule.
    /// </param>
    public static async Task<int> WriteAsync(string path, IAsyncEnumerable<AroCase> cases, CancellationToken cancellationToken = default, string? subset = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(cases);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var count = 0;
        await AtomicFile.WriteAsync(full, async stream =>
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            await foreach (var item in cases.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                buffer.ResetWrittenCount();
                WriteLine(buffer, item, folder, subset);
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }).ConfigureAwait(false);
        return count;
    }

    /// <summary>Writes <paramref name="cases"/> to <paramref name="path"/>; returns how many were written.</summary>
    public static Task<int> WriteAsync(string path, IEnumerable<AroCase> cases, CancellationToken cancellationToken = default) =>
        WriteAsync(path, ToAsync(cases), cancellationToken);

    private static void WriteLine(ArrayBufferWriter<byte> buffer, AroCase item, string folder, string? subset)
    {
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("image", RelativeImagePath(item.ImagePath, folder));
            if (item.Crop is { } crop)
            {
                writer.WriteStartArray("bbox");
                writer.WriteNumberValue(crop.X);
                writer.WriteNumberValue(crop.Y);
                writer.WriteNumberValue(crop.Width);
                writer.WriteNumberValue(crop.Height);
                writer.WriteEndArray();
            }

            writer.WriteStartArray("captions");
            foreach (var caption in item.Captions)
            {
                writer.WriteStringValue(caption);
            }

            writer.WriteEndArray();
            writer.WriteNumber("label", item.Label);
            writer.WriteString("group", item.Group);
            if (subset is not null)
            {
                writer.WriteString("subset", subset);
            }

            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
    }

    private static string RelativeImagePath(string imagePath, string folder)
    {
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(imagePath));
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static async IAsyncEnumerable<AroCase> ToAsync(IEnumerable<AroCase> cases)
    {
        foreach (var item in cases)
        {
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
