using System.Text;
using System.Text.Json.Nodes;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Cases;
using Aro.Core.Perturbations;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Data;

/// <summary>
/// The VG readers and the cases.jsonl reader over thousands of mutated files (<see cref="JsonMutations"/>): each
/// file reads to sound cases or fails with an <see cref="AroInputException"/> naming the file and the record or
/// line, within 5 s, and reading them all leaves the process no larger.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private const string RelationSeed = """
        [
          {"image_id": "2380126", "image_path": "2380126.jpg", "bbox_x": 10.5, "bbox_y": 11, "bbox_w": 200, "bbox_h": 150.5,
           "relation_name": "on", "true_caption": "the cup is on the table", "false_caption": "the table is on the cup"},
          {"image_id": "2316493", "image_path": "2316493.jpg", "bbox_x": 0, "bbox_y": 0, "bbox_w": 12, "bbox_h": 7,
           "relation_name": "sitting on", "true_caption": "the man is sitting on the bench", "false_caption": "the bench is sitting on the man"},
          {"image_id": "1", "image_path": "sub/1.png", "bbox_x": -3, "bbox_y": 2.5, "bbox_w": 0.5, "bbox_h": 1e3,
           "relation_name": "x", "true_caption": "a", "false_caption": "b"}
        ]
        """;

    private const string AttributionSeed = """
        [
          {"image_id": "2380126", "image_path": "2380126.jpg", "bbox_x": 10.5, "bbox_y": 11, "bbox_w": 200, "bbox_h": 150.5,
           "attributes": ["white", "black"], "true_caption": "the white cup and the black table", "false_caption": "the black cup and the white table"},
          {"image_id": "7", "image_path": "7.jpg", "bbox_x": 1, "bbox_y": 2, "bbox_w": 3, "bbox_h": 4,
           "attributes": ["wooden", "metal"], "true_caption": "t", "false_caption": "f"}
        ]
        """;

    private static readonly string[] CasesSeed =
    [
        """{"id": "vg-relation-000000", "image": "images/a.jpg", "bbox": [10.5, 11, 200, 150.5], "captions": ["the table is on the cup", "the cup is on the table"], "label": 1, "group": "on"}""",
        """{"id": "coco-order-000001", "image": "b.png", "captions": ["a dog", "dog a", "a dog", "dog a", "a dog"], "label": 0}""",
        """{"id": "x", "image": "c.jpg", "bbox": null, "captions": ["one", "two"], "label": 0, "group": null}""",
    ];

    /// <summary>The inputs are at most ~1 MB; one allocating more than 64 MB would be a parser gone wrong.</summary>
    private const long AllocationBound = 64L << 20;

    [Fact]
    public async Task Vg_relation_files_read_or_fail_cleanly()
    {
        var report = await RunVgAsync("VgRelationReader", "visual_genome_relation.json", RelationSeed, 1200, root => new VgJsonReader(VgRelationSubset.Instance, root));
        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 1_400);
    }

    [Fact]
    public async Task Vg_attribution_files_read_or_fail_cleanly()
    {
        var report = await RunVgAsync("VgAttributionReader", "visual_genome_attribution.json", AttributionSeed, 700, root => new VgJsonReader(VgAttributionSubset.Instance, root));
        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 900);
    }

    [Fact]
    public async Task Cases_jsonl_files_read_or_fail_cleanly()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cases.jsonl");
        var report = await FuzzRunner.RunAsync("CasesJsonlReader", CasesInputs(), async input =>
        {
            await File.WriteAllBytesAsync(path, input.Bytes);
            return await CaseInvariants.ReadAllAsync(new CasesJsonlReader(path));
        }, FuzzRunner.MustName("cases.jsonl", "line ", ": holds no "));

        FuzzAssert.Clean(report, output, AllocationBound, minimumInputs: 1_400);
    }

    private static async Task<FuzzReport> RunVgAsync(string target, string fileName, string seed, int structural, Func<string, ICaseReader> open)
    {
        using var temp = new TempDirectory();
        var path = temp.File(fileName);
        var random = new Random(fileName.Length);
        var seedNode = JsonNode.Parse(seed)!;
        var valid = new FuzzInput(fileName, Encoding.UTF8.GetBytes(seed.ReplaceLineEndings("\n")));
        var inputs = JsonMutations.Structural(fileName, seedNode, random, structural)
            .Concat(JsonMutations.Textual(valid, random, truncations: 60, overwrites: 150, splices: 80))
            .Prepend(valid);
        var report = await FuzzRunner.RunAsync(target, inputs, async input =>
        {
            await File.WriteAllBytesAsync(path, input.Bytes);
            return await CaseInvariants.ReadAllAsync(open(temp.Path));
        }, FuzzRunner.MustName(fileName, "record ", ": holds no "));
        return report;
    }

    private static IEnumerable<FuzzInput> CasesInputs()
    {
        var random = new Random(3);
        var valid = new FuzzInput("cases.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', CasesSeed) + "\n"));
        yield return valid;
        for (var line = 0; line < CasesSeed.Length; line++)
        {
            foreach (var mutant in JsonMutations.Structural($"cases.jsonl line {line + 1}", JsonNode.Parse(CasesSeed[line])!, random, 400))
            {
                var lines = CasesSeed.Select(Encoding.UTF8.GetBytes).ToArray();
                lines[line] = mutant.Bytes;
                yield return mutant with { Bytes = [.. lines.SelectMany(l => l.Append((byte)'\n'))] };
            }
        }

        foreach (var mutant in JsonMutations.Textual(valid, random, truncations: 60, overwrites: 150, splices: 80))
        {
            yield return mutant;
        }
    }
}
