using System.Text;
using System.Text.Json.Nodes;
using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Perturbations;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Data.Order;

/// <summary>
/// <see cref="KarpathySplitReader"/> over mutated split files: besides the JSON itself, every caption that survives
/// goes through the tokenizers, the tagger and the four perturbations, so odd captions (empty, whitespace, 3,000
/// words, 70,000 characters without a space, lone surrogates, right-to-left marks) are fuzzed there too.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class KarpathySplitReaderFuzzTests(ITestOutputHelper output)
{
    private const string Seed = """
        [
          {"image": "val2014/COCO_val2014_000000391895.jpg",
           "caption": ["A man with a red helmet on a small moped on a dirt road. ", "Man riding a motor bike on a dirt road on the countryside."],
           "image_id": "391895"},
          {"image": "val2014/COCO_val2014_000000522418.jpg", "caption": "A woman wearing a net on her head cutting a cake. "},
          {"image": "x.jpg", "caption": ["It's 5 o'clock -- \"really\"?!", "e.g. U.S.A. (hello) [world] ... don't", "     "]}
        ]
        """;

    [Fact]
    public async Task Split_files_read_or_fail_cleanly()
    {
        using var temp = new TempDirectory();
        var fileName = OrderSubset.Coco.Data.MarkerFile;
        var path = temp.File(fileName);
        var builder = new OrderCaseBuilder(seed: 1);
        var random = new Random(5);
        var valid = new FuzzInput(fileName, Encoding.UTF8.GetBytes(Seed.ReplaceLineEndings("\n")));
        var inputs = JsonMutations.Structural(fileName, JsonNode.Parse(Seed)!, random, 700)
            .Concat(JsonMutations.Textual(valid, random, truncations: 40, overwrites: 80, splices: 40))
            .Prepend(valid);

        var report = await FuzzRunner.RunAsync("KarpathySplitReader", inputs, async input =>
        {
            await File.WriteAllBytesAsync(path, input.Bytes);
            return await CaseInvariants.ReadAllAsync(new KarpathySplitReader(OrderSubset.Coco, temp.Path, builder));
        }, FuzzRunner.MustName(fileName, "record ", ": holds no "));

        FuzzAssert.Clean(report, output, allocationBound: 64L << 20, minimumInputs: 900);
    }

    [Fact]
    public async Task Odd_captions_build_five_options()
    {
        var builder = new OrderCaseBuilder(seed: 1);
        var report = await FuzzRunner.RunAsync("OrderCaseBuilder.BuildOptions", OddCaptions.Generate(1_000, seed: 9), input =>
        {
            var options = builder.BuildOptions(OddCaptions.Text(input), 7);
            return Task.FromResult(options.Count == 5 && options.All(o => o is not null) ? null : "options are not five strings");
        }, (_, _) => "a caption of any text must give options, not an error");

        FuzzAssert.Clean(report, output, allocationBound: 64L << 20, minimumInputs: 1_000);
    }
}
