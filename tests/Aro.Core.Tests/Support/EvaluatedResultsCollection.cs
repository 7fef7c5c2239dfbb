using Xunit;

namespace Aro.Core.Tests.Support;

/// <summary>Test classes that share one <see cref="EvaluatedResults"/> (the evaluations run once).</summary>
[CollectionDefinition(Name)]
public sealed class EvaluatedResultsCollection : ICollectionFixture<EvaluatedResults>
{
    public const string Name = "evaluated results";
}
