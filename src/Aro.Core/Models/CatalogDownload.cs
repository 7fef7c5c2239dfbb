using System.Text.Json.Serialization;

namespace Aro.Core.Models;

/// <summary>How a catalog model is fetched ready-made: the files to download into its folder.</summary>
public sealed record CatalogDownload([property: JsonPropertyName("files")] IReadOnlyList<CatalogFile> Files);
