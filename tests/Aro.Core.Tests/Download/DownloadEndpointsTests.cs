using Aro.Core.Download;
using Xunit;

namespace Aro.Core.Tests.Download;

/// <summary><see cref="DownloadEndpoints"/>: the Hugging Face endpoint and the download mirror, and back.</summary>
public sealed class DownloadEndpointsTests
{
    [Fact]
    public void The_hub_endpoint_replaces_huggingface_co_and_the_mirror_takes_every_other_host()
    {
        var endpoints = new DownloadEndpoints("http://127.0.0.1:9/hf/", "http://127.0.0.1:9/mirror");

        Assert.Equal("http://127.0.0.1:9/hf/org/m/resolve/main/a.onnx", endpoints.Rewrite("https://huggingface.co/org/m/resolve/main/a.onnx").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/mirror/images.cocodataset.org/val2014/x.jpg", endpoints.Rewrite("http://images.cocodataset.org/val2014/x.jpg").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/mirror/drive.google.com/uc?export=download&id=A", endpoints.Rewrite("https://drive.google.com/uc?export=download&id=A").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9/mirror/x.org/y", endpoints.Rewrite(endpoints.Rewrite("https://x.org/y")).AbsoluteUri);
        Assert.Equal("https://drive.google.com/uc?id=A", endpoints.Original(new Uri("http://127.0.0.1:9/mirror/drive.google.com/uc?id=A")).AbsoluteUri);
        Assert.Equal("https://huggingface.co/org/m", endpoints.Original(new Uri("http://127.0.0.1:9/hf/org/m")).AbsoluteUri);
    }

    [Fact]
    public void Without_overrides_urls_are_fetched_as_written()
    {
        Assert.Equal("https://huggingface.co/org/m", DownloadEndpoints.Direct.Rewrite("https://huggingface.co/org/m").AbsoluteUri);
    }
}
