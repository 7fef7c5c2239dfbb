using Xunit;

namespace Aro.Cli.Tests.Support;

/// <summary>
/// Tests that set process environment variables (ARO_MODELS, ARO_HF_ENDPOINT, ARO_DOWNLOAD_MIRROR): they run one at
/// a time and after the parallel tests, so no other test sees their settings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
