namespace Aro.Core.Models;

/// <summary>
/// Recognises a combined dual-encoder graph (Optimum's and transformers.js' <c>model.onnx</c>: one graph taking both
/// <c>pixel_values</c> and <c>input_ids</c>) among a package's files and says how to split it: aro runs each tower on
/// its own (images and captions are encoded once each and cached apart), which a combined graph cannot do.
/// </summary>
public static class CombinedGraphs
{
    /// <summary>
    /// A sentence for a missing-graph error when one of <paramref name="found"/> (paths relative to
    /// <paramref name="dir"/>) is a combined graph: what it is and the one-line <c>onnx.utils.extract_model</c> recipe
    /// that splits it into the two files aro reads; empty when none is.
    /// </summary>
    public static string Hint(string dir, IReadOnlyList<string> found)
    {
        foreach (var relative in found.Where(f => Path.GetFileNameWithoutExtension(f) == "model" || Path.GetFileName(f).StartsWith("model_", StringComparison.Ordinal))
                     .OrderBy(f => Path.GetFileNameWithoutExtension(f) == "model" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal))
        {
            OnnxGraphFile graph;
            try
            {
                graph = OnnxGraphFile.Read(Path.Combine(dir, relative));
            }
            catch (AroInputException)
            {
                continue;
            }

            if (IsCombined(graph))
            {
                return " " + Describe(relative, graph);
            }
        }

        return "";
    }

    /// <summary>True when the graph takes both towers' inputs.</summary>
    public static bool IsCombined(OnnxGraphFile graph) => graph.Inputs.Contains("pixel_values") && graph.Inputs.Contains("input_ids");

    private static string Describe(string relative, OnnxGraphFile graph)
    {
        var folder = Path.GetDirectoryName(relative) is { Length: > 0 } f ? f + "/" : "";
        var source = relative.Replace('\\', '/');
        var textInputs = graph.Inputs.Where(i => i is "input_ids" or "attention_mask").ToList();
        var imageOutput = Pick(graph.Outputs, "image_embeds");
        var textOutput = Pick(graph.Outputs, "text_embeds");
        var recipe = $"python -c \"import onnx.utils as u; u.extract_model('{source}', '{folder}vision_model.onnx', ['pixel_values'], ['{imageOutput}']); " +
                     $"u.extract_model('{source}', '{folder}text_model.onnx', [{string.Join(", ", textInputs.Select(i => $"'{i}'"))}], ['{textOutput}'])\"";
        return $"{source} is one graph holding both towers (inputs {string.Join(", ", graph.Inputs)}); aro runs each tower on its own. " +
               $"Split it once, in the package folder, with ONNX's extractor: {recipe}";
    }

    private static string Pick(IReadOnlyList<string> outputs, string preferred) =>
        outputs.Contains(preferred) ? preferred : preferred + " (name the graph's output)";
}
