using System.Text.Json.Serialization;

namespace Aro.Core.Models;

/// <summary>The <c>tokenizer</c> object of <c>aro-model.json</c>.</summary>
public sealed class ManifestTokenizer
{
    /// <summary><c>clip-bpe</c>, <c>bert-wordpiece</c> or <c>sentencepiece</c> (SigLIP).</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    [JsonPropertyName("context_length")]
    public int? ContextLength { get; init; }

    [JsonPropertyName("pad_id")]
    public int? PadId { get; init; }

    [JsonPropertyName("enc_token_id")]
    public int? EncTokenId { get; init; }

    [JsonPropertyName("lowercase")]
    public bool? Lowercase { get; init; }
}
