namespace Aro.Core.Results;

/// <summary>
/// The results folder's layout, declared once: the file names here and each file's columns in
/// <see cref="ResultColumns"/>. The writers, the readers (report, compare, merge) and the tests all use these.
/// </summary>
public static class ResultFiles
{
    public const string Summary = "summary.csv";
    public const string Run = "run.json";
    public const string Skipped = "skipped.csv";
    public const string Seeds = "seeds.csv";

    public static string Groups(string stem) => $"{stem}.groups.csv";

    public static string Predictions(string stem) => $"{stem}.predictions.csv";

    /// <summary>A subset's diagnostics file (<see cref="Benchmarks.DiagnosticsDefinition"/>), e.g. <c>coco-order.perturbations.csv</c>.</summary>
    public static string Diagnostics(string stem, string suffix) => $"{stem}.{suffix}.csv";

    /// <summary>A retrieval subset's recalls, one row per perturbation and seed.</summary>
    public static string Retrieval(string stem) => $"{stem}.retrieval.csv";

    /// <summary>Every caption text a retrieval subset scored.</summary>
    public static string Captions(string stem) => $"{stem}.captions.csv";

    /// <summary>A pair-matching subset's (Winoground's) text, image and group scores, overall and per group.</summary>
    public static string Scores(string stem) => $"{stem}.scores.csv";
}

/// <summary>The columns of each CSV in a results folder, in file order.</summary>
public static class ResultColumns
{
    /// <summary>
    /// summary.csv: one row per subset. <c>groups</c> counts the included groups; <c>skipped</c> the cases left out; then
    /// the model, the metric of record's name and value with its 95% interval, micro accuracy's 95% interval, how many
    /// seeds a mean is over and their standard deviation, and why the row is partial (empty when it is not). Columns
    /// after <c>macro_accuracy</c> came later, so readers accept files without them.
    /// </summary>
    public static IReadOnlyList<string> Summary { get; } =
    [
        "subset", "samples", "groups", "micro_accuracy", "macro_accuracy", "skipped",
        "model", "metric", "record", "record_ci_low", "record_ci_high", "micro_ci_low", "micro_ci_high", "seeds", "seed_std", "partial",
    ];

    /// <summary>The summary.csv columns every reader requires (older files lack the rest).</summary>
    public static IReadOnlyList<string> SummaryRequired { get; } = [.. Summary.Take(5)];

    /// <summary><c>&lt;stem&gt;.groups.csv</c>: one row per group, then the subset's diagnostic rows.</summary>
    public static IReadOnlyList<string> Groups { get; } = ["group", "count", "accuracy", "included", "ci_low", "ci_high"];

    /// <summary>The groups.csv columns every reader requires.</summary>
    public static IReadOnlyList<string> GroupsRequired { get; } = [.. Groups.Take(4)];

    /// <summary><c>&lt;stem&gt;.predictions.csv</c>: these, then <see cref="Score"/> for each option, then <see cref="Option"/> (its text) for each.</summary>
    public static IReadOnlyList<string> PredictionsLeading { get; } = ["index", "id", "group", "label", "prediction", "correct"];

    /// <summary>seeds.csv: one row per seed, then <c>mean</c> and <c>std</c> rows, per subset.</summary>
    public static IReadOnlyList<string> Seeds { get; } = ["subset", "seed", "samples", "micro_accuracy", "macro_accuracy", "record", "record_ci_low", "record_ci_high"];

    /// <summary>The seeds.csv columns every reader requires.</summary>
    public static IReadOnlyList<string> SeedsRequired { get; } = [.. Seeds.Take(5)];

    /// <summary>skipped.csv: one row per case left out under <c>--on-error skip</c>.</summary>
    public static IReadOnlyList<string> Skipped { get; } = ["subset", "index", "id", "group", "reason"];

    /// <summary><c>&lt;stem&gt;.retrieval.csv</c>: recalls as shares, the <c>none</c> row first with its seed empty.</summary>
    public static IReadOnlyList<string> Retrieval { get; } =
        ["perturbation", "seed", "images", "captions", "i2t_r1", "i2t_r5", "i2t_r10", "t2i_r1", "t2i_r5", "t2i_r10"];

    /// <summary><c>&lt;stem&gt;.captions.csv</c>: every caption text a retrieval subset scored, in file order per perturbation and seed.</summary>
    public static IReadOnlyList<string> Captions { get; } = ["perturbation", "seed", "caption_index", "image_index", "text"];

    /// <summary><c>winoground.predictions.csv</c>: one row per instance; <c>s_cX_iY</c> is caption X's score against image Y.</summary>
    public static IReadOnlyList<string> PairPredictions { get; } =
        ["index", "id", "collapsed_tag", "text_correct", "image_correct", "group_correct", "s_c0_i0", "s_c0_i1", "s_c1_i0", "s_c1_i1"];

    /// <summary><c>winoground.scores.csv</c>: the row <c>all</c>, then one per group in order of first appearance.</summary>
    public static IReadOnlyList<string> PairScores { get; } = ["group", "count", "text_score", "image_score", "group_score"];

    /// <summary>The predictions column of option <paramref name="option"/>'s score.</summary>
    public static string Score(int option) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"score_{option}");

    /// <summary>True for a predictions column holding an option's score.</summary>
    public static bool IsScore(string column) => column.StartsWith("score_", StringComparison.Ordinal);

    /// <summary>The predictions column of option <paramref name="option"/>'s text, as scored.</summary>
    public static string Option(int option) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"option_{option}");

    /// <summary>Every predictions column for <paramref name="options"/> options.</summary>
    public static IReadOnlyList<string> Predictions(int options) =>
        [.. PredictionsLeading, .. Enumerable.Range(0, options).Select(Score), .. Enumerable.Range(0, options).Select(Option)];
}
