namespace Aro.Core.Reports.Comparison;

/// <summary>
/// Where <c>aro compare --markdown</c> writes: the file the user named, and — when the job runs on GitHub Actions,
/// which names its step summary in <c>$GITHUB_STEP_SUMMARY</c> — that file too, appended to. The environment is a
/// parameter, so the rule is tested without touching the process environment.
/// </summary>
public static class JobSummaryTargets
{
    /// <summary>The variable GitHub Actions sets to the current step's summary file.</summary>
    public const string GitHubStepSummary = "GITHUB_STEP_SUMMARY";

    /// <param name="markdownFile">The <c>--markdown FILE</c> value; null when not given.</param>
    /// <param name="environment">The process environment (or a test's).</param>
    public static IReadOnlyList<JobSummaryTarget> Resolve(string? markdownFile, IReadOnlyDictionary<string, string?> environment)
    {
        var targets = new List<JobSummaryTarget>();
        var summary = environment.TryGetValue(GitHubStepSummary, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        if (!string.IsNullOrEmpty(markdownFile)
            && (summary is null || !string.Equals(Path.GetFullPath(markdownFile), Path.GetFullPath(summary), StringComparison.Ordinal)))
        {
            targets.Add(new JobSummaryTarget(markdownFile, Append: false));
        }

        if (summary is not null)
        {
            // Named by --markdown too: appended once, never replaced (earlier commands of the step wrote there).
            targets.Add(new JobSummaryTarget(summary, Append: true));
        }

        return targets;
    }
}

/// <summary>A file a Markdown job summary goes to.</summary>
/// <param name="Path">The file.</param>
/// <param name="Append">True to append (GitHub's step summary collects what every command of a step adds);
/// false to write the file anew.</param>
public sealed record JobSummaryTarget(string Path, bool Append);
