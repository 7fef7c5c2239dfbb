using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Cases;
using Aro.Core.Perturbations;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Data.Order;

public sealed class KarpathySplitReaderTests
{
    private const string CocoSplit = """
        [
          {"image": "val2014/COCO_val2014_000000391895.jpg",
           "caption": ["A man with a red helmet on a small moped on a dirt road. ",
                       "Man riding a motor bike on a dirt road on the countryside."],
           "image_id": "391895"},
          {"image": "val2014/COCO_val2014_000000522418.jpg",
           "caption": "A woman wearing a net on her head cutting a cake. "}
        ]
        """;

    [Fact]
    public async Task Reads_one_case_per_caption_in_file_order()
    {
        using var folder = new TempDirectory();
        folder.Write("coco_karpathy_test.json", CocoSplit);
        var reader = new KarpathySplitReader(OrderSubset.Coco, folder.Path, seed: 1);

        var cases = await ReadAll(reader);

        Assert.Equal(3, cases.Count);
        Assert.Equal(["coco-order-000000", "coco-order-000001", "coco-order-000002"], cases.Select(c => c.Id));
        Assert.Equal([0, 1, 2], cases.Select(c => c.Index));
        Assert.Equal(
            [
                "a man with a red helmet on a small moped on a dirt road",
                "man riding a motor bike on a dirt road on the countryside",
                "a woman wearing a net on her head cutting a cake",
            ],
            cases.Select(c => c.Captions[0]));
        var firstImage = Path.Combine(folder.Path, "val2014", "COCO_val2014_000000391895.jpg");
        Assert.Equal([firstImage, firstImage, Path.Combine(folder.Path, "val2014", "COCO_val2014_000000522418.jpg")], cases.Select(c => c.ImagePath));
        Assert.All(cases, c =>
        {
            Assert.Equal(5, c.Captions.Count);
            Assert.Equal(0, c.Label);
            Assert.Equal("coco-order", c.Group);
            Assert.Null(c.Crop);
        });
        Assert.Equal(OrderSubset.Coco, reader.Subset);
        Assert.Equal([Path.Combine(folder.Path, "coco_karpathy_test.json")], reader.SourceFiles);
        Assert.Equal(1, reader.Seed);
    }

    [Fact]
    public async Task Options_are_the_builders_for_the_same_seed_and_index()
    {
        using var folder = new TempDirectory();
        folder.Write("flickr30k_test.json", """[{"image": "flickr30k-images/1007129816.jpg", "caption": ["The man with pierced ears is wearing glasses and an orange hat.", "A man with glasses is wearing a beer can crocheted hat."]}]""");

        var cases = await ReadAll(new KarpathySplitReader(OrderSubset.Flickr, folder.Path, seed: 4));

        var builder = new OrderCaseBuilder(4);
        Assert.Equal(builder.BuildOptions("A man with glasses is wearing a beer can crocheted hat.", 1), cases[1].Captions);
        Assert.Equal("flickr-order-000001", cases[1].Id);
        Assert.Equal("flickr-order", cases[1].Group);
        Assert.Equal(Path.Combine(folder.Path, "flickr30k-images", "1007129816.jpg"), cases[0].ImagePath);
    }

    [Fact]
    public async Task A_prefix_of_the_subset_has_the_options_of_the_full_run()
    {
        using var folder = new TempDirectory();
        folder.Write("coco_karpathy_test.json", CocoSplit);
        var full = await ReadAll(new KarpathySplitReader(OrderSubset.Coco, folder.Path, seed: 9));
        var again = await ReadAll(new KarpathySplitReader(OrderSubset.Coco, folder.Path, seed: 9));
        var prefix = new List<AroCase>();
        await foreach (var item in new KarpathySplitReader(OrderSubset.Coco, folder.Path, seed: 9).ReadAsync())
        {
            prefix.Add(item);
            if (prefix.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(full.Select(c => c.Captions), again.Select(c => c.Captions));
        Assert.Equal(full.Take(2).Select(c => c.Captions), prefix.Select(c => c.Captions));
    }

    [Theory]
    [InlineData("""[{"image": "a.jpg", "caption": ["x"]}, {"image": "b.jpg"}]""", "coco_karpathy_test.json: record 1: field 'caption' is missing")]
    [InlineData("""[{"image": "a.jpg", "caption": 5}]""", "coco_karpathy_test.json: record 0: field 'caption' must be a string or an array of strings, found 5")]
    [InlineData("""[{"image": "a.jpg", "caption": ["x", 3]}]""", "coco_karpathy_test.json: record 0: field 'caption' must hold only strings")]
    [InlineData("""[{"caption": ["x"]}]""", "coco_karpathy_test.json: record 0: field 'image' is missing")]
    [InlineData("""[["a.jpg"]]""", "coco_karpathy_test.json: record 0: expected a JSON object")]
    [InlineData("""{"image": "a.jpg"}""", "coco_karpathy_test.json: malformed JSON after record 0")]
    [InlineData("""[{"image": "a.jpg", "caption": ["x"]}, {"image": """, "coco_karpathy_test.json: malformed JSON after record 1")]
    public async Task Malformed_records_name_the_file_the_record_and_the_field(string json, string expected)
    {
        using var folder = new TempDirectory();
        folder.Write("coco_karpathy_test.json", json);
        var reader = new KarpathySplitReader(OrderSubset.Coco, folder.Path);

        var error = await Assert.ThrowsAsync<AroInputException>(() => ReadAll(reader));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void A_missing_split_file_is_an_input_error()
    {
        using var folder = new TempDirectory();
        var error = Assert.Throws<AroInputException>(() => new KarpathySplitReader(OrderSubset.Flickr, folder.Path));
        Assert.Contains("flickr30k_test.json", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<AroCase>> ReadAll(ICaseReader reader)
    {
        var cases = new List<AroCase>();
        await foreach (var item in reader.ReadAsync())
        {
            cases.Add(item);
        }

        return cases;
    }
}
