using Aro.Core.Benchmarks.Aro;
using Aro.Core.Benchmarks;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Data;

/// <summary><see cref="DataVerifier"/> on copies of the demo data: complete, missing images, broken images, absent or malformed annotations.</summary>
public sealed class DataVerifierTests
{
    [Fact]
    public async Task The_demo_relation_data_is_complete_and_its_count_differs_from_the_official_file()
    {
        var result = await DataVerifier.VerifyAsync(VgRelationSubset.Instance, RepoPaths.InRepo("data", "demo"), "data", deep: true);

        Assert.True(result.Complete);
        Assert.Equal(24, result.Cases);
        Assert.True(result.CountDiffers);
        Assert.Equal(23_937, result.Subset.OfficialCases);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public async Task Missing_and_undecodable_images_are_listed()
    {
        using var temp = CopyDemo();
        var images = Directory.GetFiles(temp.File("images")).Order(StringComparer.Ordinal).ToList();
        File.Delete(images[0]);
        await File.WriteAllBytesAsync(images[1], [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]);

        var shallow = await DataVerifier.VerifyAsync(VgRelationSubset.Instance, temp.Path, "data", deep: false);
        var deep = await DataVerifier.VerifyAsync(VgRelationSubset.Instance, temp.Path, "data", deep: true);

        Assert.False(shallow.Complete);
        Assert.Equal(["images/" + Path.GetFileName(images[0])], shallow.Missing);
        Assert.Empty(shallow.Undecodable);
        Assert.Equal("images/" + Path.GetFileName(images[1]), Assert.Single(deep.Undecodable).Image);
    }

    [Fact]
    public async Task A_deep_check_reports_an_image_linked_from_outside_the_data_folder_unless_allowed()
    {
        using var temp = CopyDemo();
        using var elsewhere = new TempDirectory();
        var image = Directory.GetFiles(temp.File("images")).Order(StringComparer.Ordinal).First();
        var outside = elsewhere.File(Path.GetFileName(image));
        File.Move(image, outside);
        File.CreateSymbolicLink(image, outside);

        var refused = await DataVerifier.VerifyAsync(VgRelationSubset.Instance, temp.Path, "data", deep: true);
        var allowed = await DataVerifier.VerifyAsync(VgRelationSubset.Instance, temp.Path, "data", deep: true, allowOutsideData: true);

        Assert.False(refused.Complete);
        var (name, reason) = Assert.Single(refused.Undecodable);
        Assert.Equal("images/" + Path.GetFileName(image), name);
        Assert.Contains("a symbolic link along the way leads to", reason, StringComparison.Ordinal);
        Assert.Contains("--allow-outside-data", reason, StringComparison.Ordinal);
        Assert.True(allowed.Complete);
        Assert.Empty(allowed.Undecodable);
    }

    [Fact]
    public async Task Absent_or_malformed_annotations_are_problems_that_name_the_file()
    {
        using var temp = new TempDirectory();
        var absent = await DataVerifier.VerifyAsync(VgAttributionSubset.Instance, temp.Path, "data", deep: false);
        temp.Write("vg/visual_genome_attribution.json", "[{\"image_path\": 3}]");
        var malformed = await DataVerifier.VerifyAsync(VgAttributionSubset.Instance, temp.Path, "data", deep: false);

        Assert.Contains("annotation file not found", absent.Problem, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(temp.Path, "vg", "visual_genome_attribution.json"), absent.Problem, StringComparison.Ordinal);
        Assert.Equal(temp.File("vg"), absent.Folder);
        Assert.Contains("visual_genome_attribution.json: record 0: field 'image_path'", malformed.Problem, StringComparison.Ordinal);
        Assert.False(malformed.Complete);
    }

    [Fact]
    public async Task Order_subsets_count_captions_and_need_each_image_once()
    {
        var result = await DataVerifier.VerifyAsync(OrderSubset.Coco, RepoPaths.InRepo("data", "demo"), "data", deep: false);

        Assert.True(result.Complete);
        Assert.Equal(6, result.Images);
        Assert.Equal(30, result.Cases);
    }

    [Fact]
    public void The_vg_folder_is_found_for_both_vg_subsets_and_is_where_pulls_go()
    {
        using var temp = new TempDirectory();
        Assert.Equal(temp.File("vg"), DataLocator.PullFolder(VgRelationSubset.Instance, temp.Path, "data"));
        Assert.Equal(temp.File("coco-order"), DataLocator.PullFolder(OrderSubset.Coco, temp.Path, "data"));
        temp.Write("relation/visual_genome_relation.json", "[]");
        temp.Write("vg/visual_genome_attribution.json", "[]");

        Assert.Equal(temp.File("relation"), DataLocator.Resolve(VgRelationSubset.Instance, temp.Path, "data"));
        Assert.Equal(temp.File("vg"), DataLocator.Resolve(VgAttributionSubset.Instance, temp.Path, "data"));
        Assert.Equal(temp.File("relation"), DataLocator.PullFolder(VgRelationSubset.Instance, temp.Path, "data"));
        var error = Assert.Throws<AroInputException>(() => DataLocator.Resolve(OrderSubset.Flickr, temp.Path, "data"));
        Assert.Contains($"`aro data pull flickr-order --data {temp.Path}`", error.Message, StringComparison.Ordinal);
    }

    private static TempDirectory CopyDemo()
    {
        var temp = new TempDirectory();
        var demo = RepoPaths.InRepo("data", "demo");
        foreach (var file in Directory.EnumerateFiles(demo, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(demo, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return temp;
    }
}
