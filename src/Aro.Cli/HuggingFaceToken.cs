namespace Aro.Cli;

/// <summary>The Hugging Face access token for gated datasets (Winoground), read once from <c>HF_TOKEN</c> as huggingface_hub reads it.</summary>
internal static class HuggingFaceToken
{
    public const string Variable = "HF_TOKEN";

    /// <summary>The token, or null when the variable is unset or blank.</summary>
    public static string? FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } token && !string.IsNullOrWhiteSpace(token) ? token.Trim() : null;
}
