using System.Text;
using Aro.Core.Cases;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Cases;

/// <summary>
/// One record may take at most 1 MiB: a cases.jsonl line, a record of a JSON list, a record of an object keyed by
/// id. A record of exactly the limit is read; one byte more is an error naming the file and the line or record; and
/// the bounded line reader splits lines exactly as <see cref="StreamReader.ReadLine"/> does.
/// </summary>
public sealed class RecordLimitTests
{
    private const int Limit = RecordLimits.MaxRecordBytes;

    [Theory]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb\r\n\r\nc")]
    [InlineData("\n\n\r\r\n")]
    [InlineData("single")]
    [InlineData("")]
    [InlineData("x\ry\n\rz\r")]
    public async Task Lines_split_as_the_framework_reader_splits_them(string text)
    {
        var expected = new List<string>();
        using (var framework = new StringReader(text))
        {
            while (framework.ReadLine() is { } line)
            {
                expected.Add(line);
            }
        }

        var actual = new List<string>();
        var bounded = new BoundedLineReader(new StringReader(text), 100);
        while (await bounded.ReadLineAsync(CancellationToken.None) is { Line: { } line })
        {
            actual.Add(line);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_line_split_across_the_reader_buffer_is_whole_and_its_length_counts_utf8_bytes()
    {
        // 20,000 characters of 2 UTF-8 bytes each: 40,000 bytes, across the 16 Ki-character buffer.
        var line = new string('é', 20_000);
        var reader = new BoundedLineReader(new StringReader(line + "\r\n" + line), 40_000);
        Assert.Equal((line, false), await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal((line, false), await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal((null, false), await reader.ReadLineAsync(CancellationToken.None));

        var strict = new BoundedLineReader(new StringReader(line), 39_999);
        Assert.Equal((null, true), await strict.ReadLineAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_cases_line_of_exactly_1_MiB_is_read_and_one_byte_more_is_an_error_naming_its_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cases.jsonl");
        File.WriteAllText(path, Case("short", 100) + "\n" + Case("limit", Limit) + "\n");

        var cases = await ReadAll(new CasesJsonlReader(path));
        Assert.Equal(["short", "limit"], cases.Select(c => c.Id));

        File.WriteAllText(path, Case("short", 100) + "\n\n" + Case("over", Limit + 1) + "\n" + Case("after", 100));
        var error = await Assert.ThrowsAsync<AroInputException>(() => ReadAll(new CasesJsonlReader(path)));
        Assert.StartsWith("cases.jsonl: line 3: the line is longer than the limit of 1,048,576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_no_line_break_is_refused_at_its_first_line()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cases.jsonl");
        File.WriteAllText(path, new string('[', 8 * Limit));

        var error = await Assert.ThrowsAsync<AroInputException>(() => ReadAll(new CasesJsonlReader(path)));

        Assert.StartsWith("cases.jsonl: line 1: the line is longer than the limit", error.Message, StringComparison.Ordinal);
        Assert.Equal((null, null), CasesJsonlReader.FirstRecord(path));
    }

    [Fact]
    public async Task A_record_of_a_list_over_1_MiB_is_an_error_naming_the_record()
    {
        using var temp = new TempDirectory();
        var path = temp.File("annotations.json");
        File.WriteAllText(path, $"[{Record(100)}, {Record(Limit)}, {Record(100)}]");
        Assert.Equal(3, (await ReadList(path)).Count);

        foreach (var size in new[] { Limit + 1, 3 * Limit, 20 * Limit })
        {
            File.WriteAllText(path, $"[{Record(100)}, {Record(100)}, {Record(size)}, {Record(100)}]");
            var error = await Assert.ThrowsAsync<AroInputException>(() => ReadList(path));
            Assert.StartsWith("annotations.json: record 2: the record is longer than the limit of 1,048,576 bytes", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_record_keyed_by_id_over_1_MiB_and_a_file_over_64_MiB_are_errors()
    {
        using var temp = new TempDirectory();
        var path = temp.File("swap_att.json");
        File.WriteAllText(path, $"{{\"0\": {Record(100)}, \"1\": {Record(Limit + 1)}}}");

        var error = await Assert.ThrowsAsync<AroInputException>(() => ReadMap(path));
        Assert.StartsWith("swap_att.json: record \"1\": the record is longer than the limit", error.Message, StringComparison.Ordinal);

        using (var file = File.Create(path))
        {
            file.SetLength(RecordLimits.MaxDocumentBytes + 1);
        }

        error = await Assert.ThrowsAsync<AroInputException>(() => ReadMap(path));
        Assert.StartsWith("swap_att.json: 67,108,865 bytes is more than the limit of 67,108,864", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A cases.jsonl line of exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Case(string id, int bytes)
    {
        var head = $"{{\"id\": \"{id}\", \"image\": \"images/x.jpg\", \"captions\": [\"a\", \"";
        const string Tail = "\"], \"label\": 0}";
        var line = head + new string('b', bytes - Encoding.UTF8.GetByteCount(head) - Tail.Length) + Tail;
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(line));
        return line;
    }

    /// <summary>A JSON object of exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Record(int bytes)
    {
        const string Head = "{\"caption\": \"";
        const string Tail = "\"}";
        return Head + new string('c', bytes - Head.Length - Tail.Length) + Tail;
    }

    private static async Task<List<AroCase>> ReadAll(ICaseReader reader)
    {
        var cases = new List<AroCase>();
        await foreach (var aroCase in reader.ReadAsync())
        {
            cases.Add(aroCase);
        }

        return cases;
    }

    private static async Task<List<string>> ReadList(string path)
    {
        var records = new List<string>();
        await foreach (var (record, _) in JsonRecordList.ReadAsync(path))
        {
            records.Add(record.GetProperty("caption").GetString()!);
        }

        return records;
    }

    private static async Task<int> ReadMap(string path)
    {
        var count = 0;
        await foreach (var _ in JsonRecordMap.ReadAsync(path))
        {
            count++;
        }

        return count;
    }
}
