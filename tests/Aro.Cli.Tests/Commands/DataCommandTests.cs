using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary><c>aro data list | verify | pull</c>: messages and exit codes, downloads from <see cref="DemoHosts"/>.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DataCommandTests
{
    private static string Demo => RepoPaths.InRepo("data", "demo");

    [Fact]
    public async Task Verify_a_complete_subset_exits_0_and_warns_that_the_count_is_not_the_official_one()
    {
        var run = await CliRun.InvokeAsync("data", "verify", "relation", "--data", Demo);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("annotations  visual_genome_relation.json: 24 cases", run.Out, StringComparison.Ordinal);
        Assert.Contains("status       complete", run.Out, StringComparison.Ordinal);
        Assert.Contains("warning: relation: 24 cases, the official visual_genome_relation.json has 23,937", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_deep_decodes_every_image()
    {
        var run = await CliRun.InvokeAsync("data", "verify", "attribution", "--data", Demo, "--deep");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"images\s+\d+ needed, (\d+) present, \1 decode", run.Out);
    }

    [Fact]
    public async Task Verify_an_incomplete_subset_exits_1_and_names_what_is_missing()
    {
        using var temp = CopyDemo();
        File.Delete(temp.File("images", "img_00.jpg"));
        File.Delete(temp.File("images", "img_05.jpg"));

        var run = await CliRun.InvokeAsync("data", "verify", "relation", "--data", temp.Path, "--show", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing      2: images/img_00.jpg and 1 more", run.Out, StringComparison.Ordinal);
        Assert.Contains($"`aro data pull relation --data {temp.Path}` fetches what is missing", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_absent_data_exits_1_with_the_pull_command()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.InvokeAsync("data", "verify", "coco-order", "--data", temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("annotation file not found", run.Out, StringComparison.Ordinal);
        Assert.Contains($"aro data pull coco-order --data {temp.Path}", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_every_subset_with_its_folder_and_state()
    {
        using var temp = new TempDirectory();
        Copy(Path.Combine(Demo, "visual_genome_relation.json"), temp.File("vg", "visual_genome_relation.json"));
        foreach (var image in Directory.EnumerateFiles(Path.Combine(Demo, "images")))
        {
            Copy(image, temp.File("vg", "images", Path.GetFileName(image)));
        }

        Copy(Path.Combine(Demo, "coco_karpathy_test.json"), temp.File("coco-order", "coco_karpathy_test.json"));

        var run = await CliRun.InvokeAsync("data", "list", "--data", temp.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("│ relation ", StringComparison.Ordinal) && l.Contains("complete", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ attribution ", StringComparison.Ordinal) && l.Contains("absent", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ coco-order ", StringComparison.Ordinal) && l.Contains("6 images missing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ flickr-order ", StringComparison.Ordinal) && l.Contains("absent", StringComparison.Ordinal));
        Assert.Contains($"  aro data pull attribution --data {temp.Path}", lines);
        Assert.Contains($"  aro data pull coco-order --data {temp.Path}", lines);
        Assert.DoesNotContain($"  aro data pull relation --data {temp.Path}", lines);
    }

    [Fact]
    public async Task Pull_relation_then_attribution_fetches_into_vg_and_the_zip_once()
    {
        using var hosts = new DemoHosts();
        using var temp = new TempDirectory();
        using var environment = hosts.Environment();

        var relation = await CliRun.InvokeAsync("data", "pull", "relation", "--data", temp.Path);
        var attribution = await CliRun.InvokeAsync("data", "pull", "attribution", "--data", temp.Path);
        var verify = await CliRun.InvokeAsync("data", "verify", "all", "--data", temp.Path);

        Assert.True(relation.ExitCode == 0, relation.Error);
        Assert.Contains($"relation: complete in {temp.File("vg")} (24 cases, 12 images)", relation.Out, StringComparison.Ordinal);
        Assert.Contains($"attribution: complete in {temp.File("vg")} (30 cases", attribution.Out, StringComparison.Ordinal);
        Assert.Single(hosts.Server.RequestsTo("/drive.usercontent.google.com/download"), r => r.QueryValue("confirm") == "t");
        Assert.Contains("status       complete", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_coco_order_with_an_image_that_fails_exits_1_and_keeps_the_others()
    {
        using var hosts = new DemoHosts(brokenCocoImage: "img_03_gray.jpg");
        using var temp = new TempDirectory();
        using var environment = hosts.Environment();

        var run = await CliRun.InvokeAsync("data", "pull", "coco-order", "--data", temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("aro: error: 1 of 4 COCO images could not be downloaded (first: val2014/img_03_gray.jpg: ", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("coco-order", "val2014", "img_00.jpg")));
        Assert.False(File.Exists(temp.File("coco-order", "val2014", "img_03_gray.jpg")));
    }

    [Fact]
    public async Task Pull_flickr_order_fetches_the_split_then_exits_2_saying_where_the_images_go()
    {
        using var hosts = new DemoHosts();
        using var temp = new TempDirectory();
        using var environment = hosts.Environment();

        var run = await CliRun.InvokeAsync("data", "pull", "flickr-order", "--data", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("https://forms.illinois.edu/sec/229675", run.Error, StringComparison.Ordinal);
        Assert.Contains(temp.File("flickr-order", "flickr30k-images", "1000092795.jpg"), run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("flickr-order", "flickr30k_test.json")));
    }

    [Fact]
    public async Task Pull_rejects_an_unknown_subset_as_a_usage_error()
    {
        var run = await CliRun.InvokeAsync("data", "pull", "vg-relation");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("vg-relation", run.Error, StringComparison.Ordinal);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }

    private static TempDirectory CopyDemo()
    {
        var temp = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(Demo, "*", SearchOption.AllDirectories))
        {
            Copy(file, Path.Combine(temp.Path, Path.GetRelativePath(Demo, file)));
        }

        return temp;
    }
}
