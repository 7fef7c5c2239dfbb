
namespace Aro.Core.Results;

/// <summary>A case left out under <see cref="ErrorPolicy.Skip"/>, with the reason.</summary>
public sealed record SkippedCase(int Index, string Id, string Group, string Reason);
