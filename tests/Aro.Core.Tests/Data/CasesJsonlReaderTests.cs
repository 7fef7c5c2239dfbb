using Aro.Core.Benchmarks.Aro;
using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Data;

public sealed class CasesJsonlReaderTests
{
    [SkippableFact]
    public async Task Reads_the_frozen_order_fixture()
    {
        var path = SharedData.Fixtures("aro-synth", "order_cases.jsonl");
        var reader = new CasesJsonlReader(path);
        var cases = new List<AroCase>();
        await foreach (var item in reader.ReadAsync())
        {
            cases.Add(item);
        }

        Assert.Equal(60, cases.Count);
        Assert.Same(OrderSubset.Coco, CasesFiles.SubsetOf(path));
        Assert.Equal("coco-order-000000", cases[0].Id);
        Assert.Equal("three people standing next to a pizza while it rains", cases[0].Captions[0]);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "images", "img_008_square.jpg"), cases[0].ImagePath);
        Assert.All(cases, c =>
        {
            Assert.Equal(5, c.Captions.Count);
            Assert.Equal(0, c.Label);
            Assert.Equal("coco-order", c.Group);
        });
    }
}
