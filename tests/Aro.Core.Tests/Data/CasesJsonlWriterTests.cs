using Aro.Core.Benchmarks;
using System.Text;
using Aro.Core.Cases;
using Aro.Core.Perturbations;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Data;

public sealed class CasesJsonlWriterTests
{
    [Fact]
    public async Task Writes_one_compact_object_a_line_with_relative_image_paths()
    {
        using var folder = new TempDirectory();
        var output = folder.File("frozen", "cases.jsonl");
        AroCase[] cases =
        [
            new(0, "vg-relation-000000", folder.File("frozen", "images", "a.jpg"), new CropBox(1.5, 2, 30, 40.25),
                ["the grass is eating the horse", "the horse is eating the grass"], 1, "eating"),
            new(1, "coco-order-000001", folder.File("coco", "val2014", "b.jpg"), null,
                ["a man's \"café\"", "x"], 0, "coco-order"),
        ];

        var written = await CasesJsonlWriter.WriteAsync(output, cases);

        Assert.Equal(2, written);
        var expected =
            "{\"id\":\"vg-relation-000000\",\"image\":\"images/a.jpg\",\"bbox\":[1.5,2,30,40.25],\"captions\":[\"the grass is eating the horse\",\"the horse is eating the grass\"],\"label\":1,\"group\":\"eating\"}\n" +
            "{\"id\":\"coco-order-000001\",\"image\":\"../coco/val2014/b.jpg\",\"captions\":[\"a man's \\\"café\\\"\",\"x\"],\"label\":0,\"group\":\"coco-order\"}\n";
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), bytes);
        Assert.Equal([output], Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public async Task What_it_writes_reads_back_unchanged()
    {
        using var folder = new TempDirectory();
        var output = folder.File("cases.jsonl");
        AroCase[] cases =
        [
            new(0, "coco-order-000000", folder.File("val2014", "COCO_val2014_000000391895.jpg"), null,
                ["a man on a moped", "a moped on a man", "man a on a moped", "a on man a moped", "a moped a man on"], 0, "coco-order"),
            new(1, "coco-order-000001", folder.File("val2014", "x y.jpg"), new CropBox(0.1, 0.2, 100.5, 7),
                ["tabs\tand ünïcode ✓", "quotes \" and \\ backslash"], 1, "coco-order"),
        ];

        await CasesJsonlWriter.WriteAsync(output, cases);
        var reader = new CasesJsonlReader(output);
        var read = new List<AroCase>();
        await foreach (var item in reader.ReadAsync())
        {
            read.Add(item);
        }

        Assert.Equal(cases.Length, read.Count);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(cases[i].Index, read[i].Index);
            Assert.Equal(cases[i].Id, read[i].Id);
            Assert.Equal(cases[i].ImagePath, read[i].ImagePath);
            Assert.Equal(cases[i].Crop, read[i].Crop);
            Assert.Equal(cases[i].Captions, read[i].Captions);
            Assert.Equal(cases[i].Label, read[i].Label);
            Assert.Equal(cases[i].Group, read[i].Group);
        }

        Assert.Equal("coco-order", CasesFiles.SubsetOf(output).Name);
    }

    [Fact]
    public async Task The_same_cases_give_the_same_bytes()
    {
        using var folder = new TempDirectory();
        AroCase[] cases = [new(0, "coco-order-000000", folder.File("a.jpg"), new CropBox(1.0 / 3, 2, 3, 4), ["a", "b"], 0, "coco-order")];
        await CasesJsonlWriter.WriteAsync(folder.File("one.jsonl"), cases);
        await CasesJsonlWriter.WriteAsync(folder.File("two.jsonl"), cases);
        Assert.Equal(await File.ReadAllBytesAsync(folder.File("one.jsonl")), await File.ReadAllBytesAsync(folder.File("two.jsonl")));
    }

    [Fact]
    public async Task A_failure_midway_leaves_the_previous_file_and_no_temporary_file()
    {
        using var folder = new TempDirectory();
        var output = folder.Write("cases.jsonl", "previous content\n");

        await Assert.ThrowsAsync<InvalidOperationException>(() => CasesJsonlWriter.WriteAsync(output, Failing(folder)));

        Assert.Equal("previous content\n", await File.ReadAllTextAsync(output));
        Assert.Equal([output], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Cancellation_leaves_no_file()
    {
        using var folder = new TempDirectory();
        var output = folder.File("cases.jsonl");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CasesJsonlWriter.WriteAsync(output, [new AroCase(0, "x-000000", folder.File("a.jpg"), null, ["a", "b"], 0, "x")], cancellation.Token));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    private static IEnumerable<AroCase> Failing(TempDirectory folder)
    {
        yield return new AroCase(0, "coco-order-000000", folder.File("a.jpg"), null, ["a", "b"], 0, "coco-order");
        throw new InvalidOperationException("the source failed");
    }
}
