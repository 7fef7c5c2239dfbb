namespace Aro.Core.Models;

/// <summary>
/// Turns <c>--model</c> into a folder: an existing path is used as is; a bare name is looked up under
/// the models root (<see cref="AroPaths.ModelsRoot"/>: <c>$ARO_MODELS</c>, default <c>models/</c> in the working directory).
/// </summary>
public static class ModelLocator
{
    public const string EnvironmentVariable = AroPaths.ModelsVariable;

    public static string Resolve(string model, string modelsRoot)
    {
        if (Directory.Exists(model))
        {
            return Path.GetFullPath(model);
        }

        var looksLikePath = model.Contains('/') || model.Contains('\\') || model.StartsWith('.');
        if (!looksLikePath)
        {
            var candidate = Path.Combine(modelsRoot, model);
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        if (!looksLikePath && ModelCatalog.BuiltIn.Find(model) is { } entry)
        {
            var folder = Path.GetFullPath(Path.Combine(modelsRoot, model));
            var how = entry.Export is not null
                ? $"Export it from its checkpoint with: {entry.Export}"
                : $"Download it with `aro models pull {model}` (or add --pull to aro eval).";
            throw new AroInputException($"model '{model}' ({entry.Title}) is not installed: no folder {folder}. {how}");
        }

        var known = KnownNames(modelsRoot);
        var knownText = known.Count == 0 ? "none" : string.Join(", ", known);
        throw new AroInputException(looksLikePath
            ? $"model folder not found: {Path.GetFullPath(model)}.{PathSuggestions.DidYouMean(model)} Pass a model package folder, or a model name under {Path.GetFullPath(modelsRoot)}."
            : $"unknown model '{model}': no folder {Path.GetFullPath(Path.Combine(modelsRoot, model))}.{NameSuggestions.DidYouMean(model, [.. known, .. ModelCatalog.BuiltIn.Models.Select(m => m.Name)])} Models present under {Path.GetFullPath(modelsRoot)}: {knownText}. Pass a folder with --model DIR or set {EnvironmentVariable}; `aro models list` shows the catalog.");
    }

    /// <summary>The model folders present under <paramref name="modelsRoot"/> (not the hidden ones a pull is still filling).</summary>
    public static IReadOnlyList<string> KnownNames(string modelsRoot) =>
        Directory.Exists(modelsRoot)
            ? [.. Directory.EnumerateDirectories(modelsRoot)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .Where(d => Directory.EnumerateFiles(d, "*.onnx", SearchOption.AllDirectories).Any())
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
}
