namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>An image whose header was edited; <paramref name="DeclaredPixels"/> is the size it now claims (0: not a size edit).</summary>
public sealed record HeaderEdit(FuzzInput Input, long DeclaredPixels);
