using System.Text.Json.Serialization;
using Aro.Core.Perturbations;

namespace Aro.Core.Models;

/// <summary>A model aro knows by name (models/catalog.json): where it comes from and how to get it.</summary>
/// <param name="Name">The name <c>--model</c> takes, also its folder under the models root.</param>
/// <param name="Title">What it is, for people.</param>
/// <param name="Family"><c>clip</c> or <c>blip</c>.</param>
/// <param name="Source">Where the weights come from.</param>
/// <param name="License">The weights' licence as far as it is known.</param>
/// <param name="Homepage">The project page.</param>
/// <param name="SizeBytes">The package's size on disk, null when unknown.</param>
/// <param name="PresentCheck">Files (relative to the folder) whose presence means the model is installed.</param>
/// <param name="Download">Ready-made files to fetch, or null when the model must be exported.</param>
/// <param name="Export">The scripts/export_onnx.py command that builds the package from a checkpoint, or null.</param>
public sealed record CatalogModel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("family")] string Family,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("license")] string License,
    [property: JsonPropertyName("homepage")] string Homepage,
    [property: JsonPropertyName("size_bytes")] long? SizeBytes,
    [property: JsonPropertyName("present_check")] IReadOnlyList<string> PresentCheck,
    [property: JsonPropertyName("download")] CatalogDownload? Download,
    [property: JsonPropertyName("export")] string? Export)
{
    /// <summary>The architecture family (the catalog is checked at load, so the name is known).</summary>
    [JsonIgnore]
    public Families.ModelFamily ModelFamily => Families.ModelFamilies.Find(Family) ?? throw new InvalidOperationException($"unknown family '{Family}'");

    /// <summary>The <see cref="PresentCheck"/> files missing from <paramref name="folder"/> (all of them when it does not exist).</summary>
    public IReadOnlyList<string> MissingFiles(string folder) =>
        [.. PresentCheck.Where(f => !File.Exists(System.IO.Path.Combine(folder, f)))];

    /// <summary>True when every <see cref="PresentCheck"/> file is in <paramref name="folder"/>.</summary>
    public bool IsPresentIn(string folder) => MissingFiles(folder).Count == 0;
}

/// <summary>How a catalog model is fetched ready-made: the files to download into its folder.</summary>
public sealed record CatalogDownload([property: JsonPropertyName("files")] IReadOnlyList<CatalogFile> Files);

/// <summary>One file of a catalog model's download.</summary>
/// <param name="Path">Where it goes, relative to the model's folder (<c>onnx/vision_model.onnx</c>).</param>
/// <param name="Url">Where it comes from (https).</param>
/// <param name="Size">Its size in bytes, null until someone has measured it.</param>
/// <param name="Sha256">Its SHA-256 (64 lower-case hex digits), null until someone has measured it.</param>
public sealed record CatalogFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("sha256")] string? Sha256);
