using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.SugarCrepe;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Benchmarks.SugarCrepe;

/// <summary>The official SugarCrepe files as cases: ids are the keys, options [caption, negative], label 0; and their errors.</summary>
public sealed class SugarCrepeReaderTests
{
    [Fact]
    public async Task Cases_follow_the_file_with_the_key_as_id_and_the_caption_first()
    {
        var folder = RepoPaths.InRepo("data", "demo", "sugarcrepe");

        var cases = await SugarCrepeBenchmark.SwapObj.OpenReader(folder, seed: 1).ReadAsync().ToListAsync();

        Assert.Equal(["1", "4", "7"], cases.Select(c => c.Id));
        Assert.Equal([0, 1, 2], cases.Select(c => c.Index));
        Assert.All(cases, c =>
        {
            Assert.Equal(0, c.Label);
            Assert.Null(c.Crop);
            Assert.Equal("sugarcrepe-swap-obj", c.Group);
            Assert.Equal(2, c.Captions.Count);
            Assert.StartsWith(Path.Combine(folder, "val2017") + Path.DirectorySeparatorChar, c.ImagePath, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_data_folder_is_found_directly_or_as_sugarcrepe_under_a_root()
    {
        var demo = RepoPaths.InRepo("data", "demo");

        Assert.Equal(Path.Combine(demo, "sugarcrepe"), DataLocator.Resolve(SugarCrepeBenchmark.AddAtt, demo, "data"));
        Assert.Equal(Path.Combine(demo, "sugarcrepe"), DataLocator.Resolve(SugarCrepeBenchmark.AddAtt, Path.Combine(demo, "sugarcrepe"), "data"));
        var verification = await DataVerifier.VerifyAsync(SugarCrepeBenchmark.SwapAtt, demo, "data", deep: true);
        Assert.True(verification.Complete);
        Assert.Equal(4, verification.Cases);
        Assert.True(verification.CountDiffers);
        Assert.Equal(666, verification.Subset.OfficialCases);
    }

    [Theory]
    [InlineData("[]", "add_att.json: expected a JSON object of records keyed by id, found a JSON Array")]
    [InlineData("{\"0\": {\"filename\": \"a.jpg\", \"caption\": \"x\"}}", "add_att.json: record \"0\": field 'negative_caption'")]
    [InlineData("{\"7\": {\"filename\": 3, \"caption\": \"x\", \"negative_caption\": \"y\"}}", "add_att.json: record \"7\": field 'filename'")]
    [InlineData("{\"0\": {\"filename\": \"a.jpg\", \"caption\": \"x\", \"negative_caption\": \"y\"}, \"0\": {}}", "add_att.json: record \"0\": the key appears twice")]
    [InlineData("{\"0\": 5}", "add_att.json: record \"0\"")]
    [InlineData("{\"0\": {", "add_att.json: malformed JSON")]
    public async Task Malformed_files_name_the_file_the_record_and_the_field(string json, string expected)
    {
        using var temp = new TempDirectory();
        temp.Write("add_att.json", json);

        var error = await Assert.ThrowsAsync<AroInputException>(async () => await SugarCrepeBenchmark.AddAtt.OpenReader(temp.Path, 1).ReadAsync().ToListAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subset_names_and_official_counts_are_the_papers()
    {
        Assert.Equal(
            ["sugarcrepe-add-att", "sugarcrepe-add-obj", "sugarcrepe-replace-att", "sugarcrepe-replace-obj", "sugarcrepe-replace-rel", "sugarcrepe-swap-att", "sugarcrepe-swap-obj"],
            SugarCrepeBenchmark.Instance.Subsets.Select(s => s.Name));
        Assert.Equal([692, 2062, 788, 1652, 1406, 666, 245], SugarCrepeBenchmark.Instance.Subsets.Select(s => s.OfficialCases!.Value));
        Assert.Equal(7511, SugarCrepeBenchmark.Instance.Subsets.Sum(s => s.OfficialCases!.Value));
        Assert.Equal(["replace", "swap", "add"], SugarCrepeBenchmark.Instance.Averages.Select(a => a.Name));
    }
}
