using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Cases;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Data;

/// <summary>Malformed inputs name the file, the record or line, and the field.</summary>
public sealed class ReaderErrorTests
{
    [Theory]
    [InlineData("""[{"image_path": "a.jpg", "bbox_x": 0, "bbox_y": 0, "bbox_w": 1, "bbox_h": 1, "true_caption": "t", "false_caption": "f"}]""",
        "visual_genome_relation.json: record 0: field 'relation_name' is missing")]
    [InlineData("""[{"image_path": 3}]""", "record 0: field 'image_path' must be a string, found 3")]
    [InlineData("""[1]""", "record 0: expected a JSON object")]
    [InlineData("""[{"image_path": "a.jpg", "bbox_x": 0, "bbox_y": 0, "bbox_w": 1, "bbox_h": 1, "true_caption": "t", "false_caption": "f", "relation_name": "on"}, {""",
        "visual_genome_relation.json: malformed JSON after record 1")]
    [InlineData("""{"not": "a list"}""", "malformed JSON after record 0")]
    public async Task Vg_relation_errors(string json, string expected)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("visual_genome_relation.json"), json);

        var error = await Assert.ThrowsAsync<AroInputException>(async () => await new VgJsonReader(VgRelationSubset.Instance, temp.Path).ReadAsync().ToListAsync());

        Assert.Contains(expected, error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task Vg_attribution_needs_two_attributes()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("visual_genome_attribution.json"),
            """[{"image_path": "a.jpg", "bbox_x": 0, "bbox_y": 0, "bbox_w": 1, "bbox_h": 1, "true_caption": "t", "false_caption": "f", "attributes": ["red"]}]""");

        var error = await Assert.ThrowsAsync<AroInputException>(async () => await new VgJsonReader(VgAttributionSubset.Instance, temp.Path).ReadAsync().ToListAsync());

        Assert.Contains("record 0: field 'attributes' must hold 2 attributes, found 1", error.Message);
    }

    [Theory]
    [InlineData("""{"id": "a", "image": "x.jpg", "captions": ["one", "two"], "label": 0.5}""", "line 2: field 'label' must be an integer, found 0.5")]
    [InlineData("""{"id": "a", "image": "x\u0000.jpg", "captions": ["one", "two"], "label": 0}""", "line 2: field 'image' is not a valid path")]
    [InlineData("""{"id": "a", "image": "x.jpg", "captions": ["one", "\ud800"], "label": 0}""", "line 2: field 'captions' holds text that is not valid Unicode")]
    [InlineData("""{"id": "a", "image": "x.jpg", "captions": ["one", "two"], "label": 0, "bbox": [1, 2, 3]}""", "line 2: field 'bbox' must be an array of 4 numbers")]
    [InlineData("""{"id": "a", "image": "x.jpg", "captions": ["one", 2], "label": 0}""", "line 2: field 'captions' must hold only strings, found 2 at position 1")]
    [InlineData("""{"id": "a", "image": "x.jpg", "captions": ["one", "two"] "label": 0}""", "cases.jsonl: line 2: malformed JSON at column")]
    public async Task Cases_jsonl_errors_name_the_line_and_field(string secondLine, string expected)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("cases.jsonl"),
            """{"id": "ok", "image": "x.jpg", "captions": ["one", "two"], "label": 1}""" + "\n" + secondLine + "\n");

        var error = await Assert.ThrowsAsync<AroInputException>(async () => await new CasesJsonlReader(temp.File("cases.jsonl")).ReadAsync().ToListAsync());

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""["one"]""", 0)]
    [InlineData("""[]""", 0)]
    [InlineData("""["one", "two"]""", 2)]
    [InlineData("""["one", "two"]""", -1)]
    public async Task Cases_jsonl_reads_well_shaped_cases_it_cannot_score_for_the_pipeline_to_judge(string captions, int label)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("cases.jsonl"), $$"""{"id": "a", "image": "x.jpg", "captions": {{captions}}, "label": {{label}}}""" + "\n");

        var single = Assert.Single(await new CasesJsonlReader(temp.File("cases.jsonl")).ReadAsync().ToListAsync());

        Assert.Equal(label, single.Label);
        Assert.NotNull(Aro.Core.Pipeline.CaseProblems.Find(single));
    }

    [Fact]
    public async Task Cases_jsonl_resolves_images_against_its_folder_and_infers_the_subset()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("cases.jsonl"),
            """{"id": "vg-attribution-000007", "image": "img/a.jpg", "bbox": [1.5, 2, 3, 4], "captions": ["f", "t"], "label": 1, "group": "red_blue"}""" + "\n\n");

        var reader = new CasesJsonlReader(temp.File("cases.jsonl"));
        var cases = await reader.ReadAsync().ToListAsync();

        Assert.Equal("attribution", CasesFiles.SubsetOf(temp.File("cases.jsonl")).Name);
        var single = Assert.Single(cases);
        Assert.Equal(temp.File(Path.Combine("img", "a.jpg")), single.ImagePath);
        Assert.Equal(new CropBox(1.5, 2, 3, 4), single.Crop);
        Assert.Equal("red_blue", single.Group);
    }

    [SkippableFact]
    public async Task Fixture_vg_files_stream_in_order_with_ids_and_groups()
    {
        var root = SharedData.Fixtures("aro-synth");

        var relation = await new VgJsonReader(VgRelationSubset.Instance, root).ReadAsync().ToListAsync();
        var attribution = await new VgJsonReader(VgAttributionSubset.Instance, root).ReadAsync().ToListAsync();

        Assert.Equal(120, relation.Count);
        Assert.Equal(150, attribution.Count);
        Assert.Equal("vg-relation-000119", relation[^1].Id);
        Assert.Equal(["the bench is on the fence", "the fence is on the bench"], relation[0].Captions);
        Assert.Equal(1, relation[0].Label);
        Assert.Equal("wooden_metal", attribution[0].Group);
        Assert.Equal(new CropBox(10.5, 11.5, 200.5, 150.5), relation[0].Crop);
    }
}
