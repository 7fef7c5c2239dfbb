using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Support;

/// <summary>
/// Two real results folders, made once per test collection through <see cref="EvalJob"/>: models/demo on every
/// demo subset with two Order seeds (so seeds.csv and per-seed group tables exist), and tests/fixtures/tiny-blip
/// (ITM+ITC) on the same data with one seed.
/// </summary>
public sealed class EvaluatedResults : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    public string Demo => _temp.File("demo");

    public string Blip => _temp.File("tiny-blip");

    public async Task InitializeAsync()
    {
        var data = RepoPaths.InRepo("data", "demo");
        await EvalJob.RunAsync(
            new EvalRequest(RepoPaths.InRepo("models", "demo"), "all", data, Demo, new EvaluationSettings(BatchSize: 16), RuntimeOptions.Default, Seeds: [1, 2]),
            new NullEvalObserver());
        await EvalJob.RunAsync(
            new EvalRequest(RepoPaths.InRepo("tests", "fixtures", "tiny-blip"), "all", data, Blip, new EvaluationSettings(BatchSize: 16), RuntimeOptions.Default),
            new NullEvalObserver());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();
}
