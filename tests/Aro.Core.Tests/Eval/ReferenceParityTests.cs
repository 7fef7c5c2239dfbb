using Aro.Core.Eval;
using Aro.Core.Models;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// The whole evaluation on ../shared/fixtures/tiny-clip + aro-synth against the PIL + PyTorch reference
/// (see <see cref="ExpectedResults"/>). Measured: max |score difference| 1.8e-6, every prediction equal.
/// </summary>
public sealed class ReferenceParityTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("relation", "relation")]
    [InlineData("attribution", "attribution")]
    [InlineData("order_cases.jsonl", "coco-order")]
    public async Task Results_match_the_reference(string subsetArgument, string subsetName)
    {
        var model = SharedData.Fixtures("tiny-clip");
        var data = SharedData.Fixtures("aro-synth");
        using var temp = new TempDirectory();
        var subset = subsetArgument.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(data, subsetArgument) : subsetArgument;
        var request = new EvalRequest(model, subset, data, temp.Path, new EvaluationSettings(BatchSize: 16), RuntimeOptions.Default);

        var outcome = await EvalJob.RunAsync(request, new NullEvalObserver());

        var maxDiff = ExpectedResults.AssertSubsetMatches(temp.Path, subsetName);
        output.WriteLine($"{subsetName}: max |score difference| {maxDiff:E2}");
        Assert.Equal(subsetName, outcome.Summaries.Single().Subset.Name);
    }
}
