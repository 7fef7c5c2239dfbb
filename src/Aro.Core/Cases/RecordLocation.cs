
namespace Aro.Core.Cases;

/// <summary>Where a record sits in an input file, for error messages: "file.json: record 17" or "cases.jsonl: line 4".</summary>
public readonly record struct RecordLocation(string File, string Unit, long Number)
{
    public override string ToString() => $"{File}: {Unit} {Number}";

    /// <summary>An error about a field of this record (exit code 2).</summary>
    public AroInputException Error(string field, string problem) => new($"{this}: field '{field}' {problem}");
}
