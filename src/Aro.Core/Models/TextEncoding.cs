
namespace Aro.Core.Models;

/// <summary>One encoded caption: its ids (for cross-encoders such as BLIP's ITM head) and its normalised embedding.</summary>
public sealed record TextEncoding(int[] TokenIds, float[] Embedding);
