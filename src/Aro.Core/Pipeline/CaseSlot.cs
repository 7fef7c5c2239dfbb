using Aro.Core.Caching;

namespace Aro.Core.Pipeline;

/// <summary>Where one prepared case gets its inputs from, or why it cannot be scored.</summary>
internal readonly record struct CaseSlot(EmbeddingKey Image, EmbeddingKey[] Captions, int[][] CaptionIds, string? Failure)
{
    public static CaseSlot Failed(string reason) => new(default, [], [], reason);
}
