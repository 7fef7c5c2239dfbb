namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>A valid image file generated for fuzzing, with its container format (<c>png</c>, <c>jpeg</c>, ...).</summary>
public sealed record ImageSeed(string Format, FuzzInput Input);
