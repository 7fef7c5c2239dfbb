using System.Security.Cryptography;
using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.SugarCrepe;
using Aro.Core.Download;
using Aro.Core.Tests.Download;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Benchmarks.SugarCrepe;

/// <summary>
/// <c>aro data pull sugarcrepe</c> against a local server standing in for GitHub's raw files and COCO's image server
/// (through the download mirror): the pinned JSON files, COCO's val2017.zip fetched once for all seven subsets and
/// unpacked into val2017/, and a file that differs from its pinned hash refused.
/// </summary>
public sealed class SugarCrepeDataSourceTests
{
    private static readonly string Demo = RepoPaths.InRepo("data", "demo", "sugarcrepe");

    [Fact]
    public async Task All_seven_subsets_come_from_the_raw_files_and_one_val2017_zip()
    {
        using var hosts = new FakeBenchmarkHosts();
        using var temp = new TempDirectory();
        ServeDemo(hosts);
        var source = new SugarCrepeDataSource(subset => (new FileInfo(Path.Combine(Demo, subset.Data.MarkerFile)).Length, Sha256(Path.Combine(Demo, subset.Data.MarkerFile))));

        var results = new List<DataPullResult>();
        foreach (var subset in SugarCrepeBenchmark.Instance.Subsets)
        {
            var folder = DataLocator.PullFolder(subset, temp.Path, "data");
            Directory.CreateDirectory(folder);
            results.Add(await source.PullAsync(Context(hosts, subset, folder, temp.Path), CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal(temp.File("sugarcrepe"), r.Folder));
        Assert.Equal([3, 3, 3, 3, 3, 4, 3], results.Select(r => r.Cases));
        Assert.Single(hosts.Server.RequestsTo("/images.cocodataset.org/zips/val2017.zip"));
        Assert.False(File.Exists(temp.File("sugarcrepe", SugarCrepeDataSource.ImagesZip)));
        foreach (var subset in SugarCrepeBenchmark.Instance.Subsets)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(Demo, subset.Data.MarkerFile)), File.ReadAllBytes(temp.File("sugarcrepe", subset.Data.MarkerFile)));
            Assert.True((await DataVerifier.VerifyAsync(subset, temp.Path, "data", deep: true)).Complete, subset.Name);
        }
    }

    [Fact]
    public async Task A_file_that_differs_from_the_official_hash_is_refused_and_not_kept()
    {
        using var hosts = new FakeBenchmarkHosts();
        using var temp = new TempDirectory();
        ServeDemo(hosts);
        var subset = SugarCrepeBenchmark.SwapAtt;
        var folder = temp.File("sugarcrepe");
        Directory.CreateDirectory(folder);

        var error = await Assert.ThrowsAnyAsync<AroException>(() => SugarCrepeDataSource.Instance.PullAsync(Context(hosts, subset, folder, temp.Path), CancellationToken.None));

        Assert.Contains("swap_att.json", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "swap_att.json")));
    }

    [Fact]
    public void The_official_files_are_pinned_to_one_commit_of_the_official_repository()
    {
        Assert.Equal("https://raw.githubusercontent.com/RAIVNLab/sugar-crepe/0047054b243992f0fad63d6f64f7544862daf846/data/", SugarCrepeDataSource.RawBase);
        Assert.All(SugarCrepeBenchmark.Instance.Subsets.Cast<SugarCrepeSubset>(), s =>
        {
            Assert.Matches("^[0-9a-f]{64}$", s.Sha256);
            Assert.True(s.Size > 50_000);
        });
    }

    private static void ServeDemo(FakeBenchmarkHosts hosts)
    {
        foreach (var file in Directory.GetFiles(Demo, "*.json"))
        {
            hosts.Serve($"/raw.githubusercontent.com/RAIVNLab/sugar-crepe/{SugarCrepeDataSource.Commit}/data/{Path.GetFileName(file)}", File.ReadAllBytes(file));
        }

        var images = Directory.GetFiles(Path.Combine(Demo, "val2017")).Order(StringComparer.Ordinal)
            .Select(f => KeyValuePair.Create("val2017/" + Path.GetFileName(f), File.ReadAllBytes(f)));
        hosts.Serve("/images.cocodataset.org/zips/val2017.zip", TestZip.Create(images));
    }

    private static DataPullContext Context(FakeBenchmarkHosts hosts, NativeSubset subset, string folder, string data)
    {
        var options = FastDownloads.Options;
        var downloader = new FileDownloader(DownloadHttp.Shared, options);
        return new DataPullContext(subset, folder, data, new DataPullOptions(), new RecordingDownloadObserver(), downloader,
            new GoogleDriveResolver(DownloadHttp.Shared, hosts.Endpoints, options), new ImageFetcher(downloader, hosts.Endpoints), hosts.Endpoints);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
