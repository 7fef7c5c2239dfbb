using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aro.Core.IO;

namespace Aro.Core.Models;

/// <summary>
/// The models aro knows by name: <c>models/catalog.json</c>, compiled into aro so <c>aro models list</c> works from
/// any folder. Each entry says where the model comes from and either which files to download or which
/// scripts/export_onnx.py command builds it.
/// </summary>
public sealed partial class ModelCatalog
{
    public const string FileName = "catalog.json";

    private const string ResourceName = "Aro.Core.Models.catalog.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private ModelCatalog(IReadOnlyList<CatalogModel> models) => Models = models;

    public IReadOnlyList<CatalogModel> Models { get; }

    /// <summary>The catalog built into aro (models/catalog.json at build time).</summary>
    public static ModelCatalog BuiltIn { get; } = LoadBuiltIn();

    /// <summary>The entry called <paramref name="name"/>, or null.</summary>
    public CatalogModel? Find(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>Reads and checks a catalog file.</summary>
    public static ModelCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new AroInputException($"model catalog not found: {path}");
        }

        using var stream = RegularFile.OpenRead(path, "model catalog");
        return Parse(stream, path);
    }

    /// <summary>Reads and checks a catalog; <paramref name="source"/> names it in errors.</summary>
    public static ModelCatalog Parse(Stream json, string source)
    {
        CatalogDocument document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogDocument>(json, Options)
                ?? throw new AroInputException($"{source}: empty catalog");
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "" : $" at field '{ex.Path.TrimStart('$', '.')}'";
            throw new AroInputException($"{source}: malformed model catalog{field} (line {ex.LineNumber + 1}): {ex.Message.Split(" Path:")[0]}", ex);
        }

        if (document.Format != 1)
        {
            throw new AroInputException($"{source}: field 'format' is {document.Format}; this aro reads format 1");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Models.Count; i++)
        {
            // Nullable annotations do not reach list elements: a null entry deserialises as null.
            var model = document.Models[i]
                ?? throw new AroInputException($"{source}: models[{i}] is null; expected a model object");
            var where = $"{source}: models[{i}] ('{model.Name}')";
            Check(NamePattern().IsMatch(model.Name), where, "name", "lower-case letters, digits and '-' (it names a folder)");
            Check(names.Add(model.Name), where, "name", "unique; another entry has this name");
            Check(Families.ModelFamilies.Find(model.Family) is not null, where, "family", string.Join(" or ", Families.ModelFamilies.Names));
            Check(model.SizeBytes is null or > 0, where, "size_bytes", "a positive byte count or null");
            Check(model.PresentCheck.Count > 0 && model.PresentCheck.All(p => p is not null && IsRelativePath(p)), where, "present_check", "a non-empty list of paths inside the model folder");
            Check(model.Download is not null || model.Export is not null, where, "download", "set, or 'export' set: the model must be obtainable");
            Check(model.Export is null || model.Export.StartsWith("python scripts/export_onnx.py ", StringComparison.Ordinal), where, "export", "a 'python scripts/export_onnx.py ...' command or null");
            if (model.Download is { } download)
            {
                Check(download.Files.Count > 0, where, "download.files", "at least one file");
                foreach (var entry in download.Files)
                {
                    var file = entry ?? throw new AroInputException($"{where}: field 'download.files' holds null; expected file objects");
                    Check(IsRelativePath(file.Path), where, "download.files.path", $"a path inside the model folder, not '{file.Path}'");
                    Check(file.Url.StartsWith("https://", StringComparison.Ordinal), where, "download.files.url", $"an https URL, not '{file.Url}'");
                    Check(file.Size is null or > 0, where, "download.files.size", "a positive byte count or null");
                    Check(file.Sha256 is null || Sha256Pattern().IsMatch(file.Sha256), where, "download.files.sha256", "64 lower-case hex digits or null");
                }
            }
        }

        return new ModelCatalog(document.Models);
    }

    private static ModelCatalog LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        return Parse(stream, $"models/{FileName} (built in)");
    }

    private static void Check(bool ok, string where, string field, string expected)
    {
        if (!ok)
        {
            throw new AroInputException($"{where}: field '{field}' must be {expected}");
        }
    }

    private static bool IsRelativePath(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Split('/', '\\').Any(p => p is ".." or "");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    private sealed record CatalogDocument(
        [property: System.Text.Json.Serialization.JsonPropertyName("format")] int Format,
        [property: System.Text.Json.Serialization.JsonPropertyName("models")] IReadOnlyList<CatalogModel> Models);
}
