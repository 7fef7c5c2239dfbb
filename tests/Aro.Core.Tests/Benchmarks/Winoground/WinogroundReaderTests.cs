using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Winoground;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Benchmarks.Winoground;

/// <summary>Winoground's examples.jsonl as the Hugging Face dataset ships it: instances, their two cases, and errors that name the line and field.</summary>
public sealed class WinogroundReaderTests
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo");

    [Fact]
    public async Task The_demo_reads_as_instances_and_two_cases_each()
    {
        var folder = DataLocator.Resolve(WinogroundBenchmark.Subset, Demo, "data");
        var instances = await WinogroundBenchmark.Subset.ReadInstancesAsync(folder).ToListAsync();
        var cases = await WinogroundBenchmark.Subset.OpenReader(folder, 1).ReadAsync().ToListAsync();

        Assert.Equal(Path.Combine(Demo, "winoground"), folder);
        Assert.Equal(8, instances.Count);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7"], instances.Select(i => i.Id));
        Assert.Equal(Path.Combine(folder, "images", "ex_3_img_1.png"), instances[3].Image1);
        Assert.Equal(16, cases.Count);
        Assert.Equal(("3:i0", 0, instances[3].Image0), (cases[6].Id, cases[6].Label, cases[6].ImagePath));
        Assert.Equal(("3:i1", 1, instances[3].Image1), (cases[7].Id, cases[7].Label, cases[7].ImagePath));
        Assert.Equal([instances[3].Caption0, instances[3].Caption1], cases[7].Captions);
        Assert.Equal(instances[3].Group, cases[7].Group);
        Assert.Equal(folder, DataLocator.Resolve(WinogroundBenchmark.Subset, folder, "data"));
    }

    [Theory]
    [InlineData("{\"id\": 0, \"image_0\": \"a\", \"image_1\": \"b\", \"caption_0\": \"x\", \"collapsed_tag\": \"Object\"}", "line 2: field 'caption_1'")]
    [InlineData("{\"id\": 0, \"image_0\": \"a\", \"image_1\": 3, \"caption_0\": \"x\", \"caption_1\": \"y\", \"collapsed_tag\": \"Object\"}", "line 2: field 'image_1'")]
    [InlineData("{\"id\": 0, \"image_0\": \"a\"", "line 2: malformed JSON")]
    [InlineData("[1, 2]", "line 2")]
    public async Task A_bad_line_is_an_error_naming_the_line_and_field(string line, string expected)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("examples.jsonl"),
            "{\"id\": \"x-1\", \"image_0\": \"a\", \"image_1\": \"b\", \"caption_0\": \"x\", \"caption_1\": \"y\", \"collapsed_tag\": \"Object\"}\n" + line + "\n");

        var error = await Assert.ThrowsAsync<AroInputException>(async () => await WinogroundBenchmark.Subset.ReadInstancesAsync(temp.Path).ToListAsync());

        Assert.Contains("examples.jsonl: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task String_ids_are_accepted_and_the_scan_lists_each_image()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("examples.jsonl"),
            "{\"id\": \"x-1\", \"image_0\": \"a\", \"image_1\": \"b\", \"caption_0\": \"x\", \"caption_1\": \"y\", \"collapsed_tag\": \"Object\"}\n\n");

        var instance = Assert.Single(await WinogroundBenchmark.Subset.ReadInstancesAsync(temp.Path).ToListAsync());
        var scan = await WinogroundBenchmark.Subset.ScanAsync(temp.Path);

        Assert.Equal("x-1", instance.Id);
        Assert.Equal(1, scan.Cases);
        Assert.Equal(["images/a.png", "images/b.png"], scan.Images);
        Assert.Equal(["images/a.png", "images/b.png"], scan.MissingImages(temp.Path));
    }
}
