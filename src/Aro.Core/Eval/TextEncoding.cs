namespace Aro.Core.Eval;

/// <summary>One encoded caption: its ids (for cross-encoders such as BLIP's ITM head) and its normalised embedding.</summary>
public sealed record TextEncoding(int[] TokenIds, float[] Embedding);
