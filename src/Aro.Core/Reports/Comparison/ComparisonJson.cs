using System.Text.Json;
using Aro.Core.IO;
using Aro.Core.Perturbations;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// Writes <c>aro compare --json</c>: the verdict, the thresholds, every subset and group compared, and the notes,
/// with snake_case keys and statuses in lower case. Written atomically, so a CI step never reads half a file.
/// </summary>
public static class ComparisonJson
{
    public static void Write(string path, ComparisonResult result) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteBoolean("passed", result.Passed);
            json.WriteNumber("drops", result.Drops);
            json.WriteString("baseline", result.Baseline);
            json.WriteString("candidate", result.Candidate);
            if (result.Thresholds.SignificantOnly)
            {
                json.WriteString("max_drop", ComparisonThresholds.Significant);
            }
            else
            {
                json.WriteNumber("max_drop", result.Thresholds.MaxDrop);
            }

            Number(json, "max_group_drop", result.Thresholds.MaxGroupDrop);
            json.WriteStartArray("subsets");
            foreach (var subset in result.Subsets)
            {
                json.WriteStartObject();
                json.WriteString("subset", subset.Subset);
                json.WriteString("metric", subset.Metric);
                Number(json, "baseline", subset.Baseline);
                Number(json, "candidate", subset.Candidate);
                Number(json, "delta", subset.Delta);
                json.WriteString("status", Status(subset.Status));
                Paired(json, subset);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("groups");
            foreach (var group in result.Groups)
            {
                json.WriteStartObject();
                json.WriteString("subset", group.Subset);
                json.WriteString("group", group.Group);
                json.WriteNumber("baseline_count", group.BaselineCount);
                json.WriteNumber("candidate_count", group.CandidateCount);
                json.WriteNumber("baseline", group.Baseline);
                json.WriteNumber("candidate", group.Candidate);
                json.WriteNumber("delta", group.Delta);
                json.WriteString("status", Status(group.Status));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        });

    /// <summary>The case-by-case comparison: null when only one run has the subset, else its counts and statistics.</summary>
    private static void Paired(Utf8JsonWriter json, SubsetDelta subset)
    {
        if (subset.Pairing is not { } pairing)
        {
            json.WriteNull("paired");
            return;
        }

        json.WriteStartObject("paired");
        if (pairing.Comparison is { } c)
        {
            json.WriteNumber("cases", c.Cases);
            json.WriteNumber("both_correct", c.BothCorrect);
            json.WriteNumber("only_baseline_correct", c.BaselineOnly);
            json.WriteNumber("only_candidate_correct", c.CandidateOnly);
            json.WriteNumber("both_wrong", c.BothWrong);
            json.WriteNumber("only_in_baseline", pairing.OnlyInBaseline);
            json.WriteNumber("only_in_candidate", pairing.OnlyInCandidate);
            json.WriteStartArray("seeds");
            foreach (var seed in pairing.Seeds)
            {
                json.WriteNumberValue(seed);
            }

            json.WriteEndArray();
            Difference(json, "micro", c.Micro);
            if (c.Macro is { } macro)
            {
                Difference(json, "macro", macro);
            }
            else
            {
                json.WriteNull("macro");
            }

            json.WriteNumber("mcnemar_p", c.McNemarP);
        }
        else
        {
            json.WriteString("unavailable", pairing.Unavailable);
        }

        json.WriteEndObject();
    }

    private static void Difference(Utf8JsonWriter json, string name, Statistics.PairedDifference difference)
    {
        json.WriteStartObject(name);
        json.WriteNumber("baseline", difference.Baseline);
        json.WriteNumber("candidate", difference.Candidate);
        json.WriteNumber("difference", difference.Difference);
        json.WriteNumber("ci_low", difference.Interval.Lower);
        json.WriteNumber("ci_high", difference.Interval.Upper);
        json.WriteBoolean("significant_drop", difference.IsSignificantDrop);
        json.WriteEndObject();
    }

    private static string Status(DeltaStatus status) => DeltaStatuses.Name(status).ToLowerInvariant();

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
