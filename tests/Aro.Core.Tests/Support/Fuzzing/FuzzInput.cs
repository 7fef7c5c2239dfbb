namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>One mutated input: the bytes handed to the code under test and how they were made (for failure reports).</summary>
public sealed record FuzzInput(string Description, byte[] Bytes)
{
    public override string ToString() => $"{Description} ({Bytes.Length} bytes)";
}
