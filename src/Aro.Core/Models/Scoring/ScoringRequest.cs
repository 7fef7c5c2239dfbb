using Aro.Core.Models;

namespace Aro.Core.Models.Scoring;

/// <summary>One case ready to score: its encoded image and its encoded options, in option order.</summary>
public sealed record ScoringRequest(ImageEncoding Image, IReadOnlyList<TextEncoding> Options);
