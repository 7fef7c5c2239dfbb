
namespace Aro.Core.Results;

/// <summary>The names of the files in a results folder (DESIGN.md §5).</summary>
public static class ResultFiles
{
    public const string Summary = "summary.csv";
    public const string Run = "run.json";
    public const string Skipped = "skipped.csv";
    public const string Seeds = "seeds.csv";

    public static string Groups(string subset) => $"{subset}.groups.csv";

    public static string Predictions(string subset) => $"{subset}.predictions.csv";
}
