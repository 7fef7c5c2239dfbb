namespace Aro.Core.Cases;

/// <summary>
/// How large one input record may be. A benchmark case is a few hundred bytes (the longest line of ARO's, SugarCrepe's
/// and the demo's files is under 2 KB), but a line or record costs many times its size once parsed (a 600 MB
/// cases.jsonl line took 10.2 GB), so a runaway one — a file of the wrong kind, a missing newline, a crafted input —
/// is refused with its location before it is parsed, instead of exhausting memory.
/// </summary>
public static class RecordLimits
{
    /// <summary>The most UTF-8 bytes one cases.jsonl line or one annotation record may have: 1 MiB.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>
    /// The largest annotation file parsed as one document (SugarCrepe's object of records keyed by id; its largest file is
    /// under 0.5 MB): 64 MiB. Lists of records (ARO's, Karpathy's) are streamed record by record and have no file limit.
    /// </summary>
    public const long MaxDocumentBytes = 64L << 20;

    /// <summary>The error for a record over <see cref="MaxRecordBytes"/>.</summary>
    public static AroInputException TooLarge(RecordLocation at, string what) =>
        new($"{at}: {what} is longer than the limit of {MaxRecordBytes:N0} bytes (1 MiB); a case takes a few hundred bytes, so this is not a file of cases (a missing line break, or the wrong file?)");
}
