using Aro.Core.Download;
using Aro.Core.Tests.Support;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Download;

/// <summary>
/// Downloads from a local server that sends random sizes with and without Content-Length, or streams forever,
/// against random pinned sizes and caps. A download succeeds, with exactly the body's bytes, only when the body is
/// all there and within its bound (the pinned size, else the cap); every other case is a clean error; and no file
/// or partial file is ever left longer than the bound.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class DownloadBoundFuzzTests(ITestOutputHelper output)
{
    private const long DefaultCap = 256 * 1024;

    [Fact]
    public async Task Every_download_is_bounded_with_or_without_content_length()
    {
        var random = new Random(5);
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        using var server = new LocalHttpServer(request => Serve(plans[request.Path.TrimStart('/')]));
        using var temp = new TempDirectory();
        var downloader = new FileDownloader(DownloadHttp.Shared, FastDownloads.Options with { MaxUnpinnedBytes = DefaultCap, MaxRetries = 2 });
        var inputs = Enumerable.Range(0, 80).Select(i =>
        {
            var body = FastDownloads.RandomBytes(random.Next(400_000));
            var pinned = random.Next(3) switch { 0 => (long?)null, 1 => body.Length, _ => body.Length + random.Next(-1000, 1000) };
            var cap = random.Next(3) == 0 ? (long?)random.Next(1, 400_000) : null;
            var plan = new Plan(body, OmitLength: random.Next(2) == 0, Endless: random.Next(6) == 0, pinned is < 0 ? 0 : pinned, cap);
            var name = $"file-{i}";
            plans[name] = plan;
            return new FuzzInput($"{name} {plan}", []);
        });

        var report = await FuzzRunner.RunAsync("FileDownloader bounds", inputs, async input =>
        {
            var name = input.Description.Split(' ')[0];
            var plan = plans[name];
            var request = new FileDownloadRequest(new Uri($"{server.BaseUrl}/{name}"), temp.File(name), name) { ExpectedSize = plan.Pinned, MaxSize = plan.Cap };
            try
            {
                await downloader.DownloadAsync(request, new RecordingDownloadObserver());
            }
            finally
            {
                if (Longest(request) > plan.Bound)
                {
                    throw new InvalidOperationException($"{Longest(request)} bytes on disk, more than the bound of {plan.Bound}");
                }
            }

            return !plan.Succeeds ? "the download succeeded"
                : !File.ReadAllBytes(request.Destination).AsSpan().SequenceEqual(plan.Body) ? "the file differs from the body" : null;
        }, (input, error) => plans[input.Description.Split(' ')[0]].Succeeds ? "a download that should succeed failed"
            : error.Message.Contains(input.Description.Split(' ')[0], StringComparison.Ordinal) ? null : "the message does not name the file",
            TimeSpan.FromSeconds(30));

        FuzzAssert.Clean(report, output, allocationBound: 64L << 20, minimumInputs: 80);
        output.WriteLine($"{plans.Values.Count(p => p.Succeeds)} of {plans.Count} downloads should succeed");
    }

    private static HttpReply Serve(Plan plan) =>
        plan.Endless ? HttpReply.Endless(plan.Body.Length > 0 ? plan.Body : [1, 2, 3])
        : HttpReply.Bytes(plan.Body) with { OmitContentLength = plan.OmitLength };

    private static long Longest(FileDownloadRequest request) =>
        Math.Max(File.Exists(request.Destination) ? new FileInfo(request.Destination).Length : 0, File.Exists(request.PartPath) ? new FileInfo(request.PartPath).Length : 0);

    /// <summary>What the server does and what the request pins.</summary>
    private sealed record Plan(byte[] Body, bool OmitLength, bool Endless, long? Pinned, long? Cap)
    {
        public long Bound => Pinned ?? Cap ?? DefaultCap;

        /// <summary>A complete body within its bound, matching a pinned size if one is pinned.</summary>
        public bool Succeeds => !Endless && Body.Length <= Bound && (Pinned is null || Pinned == Body.Length);

        public override string ToString() =>
            $"(body {Body.Length}{(OmitLength ? " without Content-Length" : "")}{(Endless ? " endless" : "")}, pinned {Pinned?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, cap {Cap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})";
    }
}
