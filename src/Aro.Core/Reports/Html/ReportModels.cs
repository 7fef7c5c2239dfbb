using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>Labels and colours the report's models, in the order the folders were given.</summary>
internal static class ReportModels
{
    /// <summary>Okabe–Ito colours (distinguishable with colour-blindness), without the yellow that vanishes on white.</summary>
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#666666"];

    /// <summary>
    /// Each folder's label is its model name; models that share a name are told apart by their folder's name, then
    /// by position, so every label is unique.
    /// </summary>
    public static IReadOnlyList<ReportModel> Label(IReadOnlyList<ResultsFolder> folders)
    {
        var names = folders.Select(f => f.ModelName).ToList();
        var labels = names.ToList();
        for (var i = 0; i < folders.Count; i++)
        {
            if (names.Count(n => n == names[i]) > 1)
            {
                labels[i] = $"{folders[i].ModelName} ({Path.GetFileName(folders[i].Directory)})";
            }
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (labels.Take(i).Contains(labels[i]))
            {
                labels[i] = FormattableString.Invariant($"{labels[i]} #{i + 1}");
            }
        }

        return [.. folders.Select((f, i) => new ReportModel(labels[i], Palette[i % Palette.Length], f))];
    }
}

/// <summary>One results folder in the report: its unique label and the colour of its bars.</summary>
public sealed record ReportModel(string Label, string Color, ResultsFolder Folder);
