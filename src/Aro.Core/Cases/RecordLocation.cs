namespace Aro.Core.Cases;

/// <summary>
/// Where a record sits in an input file, for error messages: "file.json: record 17", "cases.jsonl: line 4", or, for
/// a file of records keyed by id, "add_att.json: record \"17\"".
/// </summary>
public readonly record struct RecordLocation(string File, string Unit, long Number, string? Key = null)
{
    public override string ToString() => Key is null ? $"{File}: {Unit} {Number}" : $"{File}: {Unit} \"{Key}\"";

    /// <summary>An error about a field of this record (exit code 2).</summary>
    public AroInputException Error(string field, string problem) => new($"{this}: field '{field}' {problem}");
}
