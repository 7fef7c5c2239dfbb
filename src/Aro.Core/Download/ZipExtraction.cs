namespace Aro.Core.Download;

/// <summary>What an extraction did.</summary>
/// <param name="Extracted">Files written.</param>
/// <param name="AlreadyPresent">Files skipped because a file of the same size was already there (an earlier, interrupted run).</param>
/// <param name="Skipped">Entries outside the requested prefix, and folders.</param>
/// <param name="Bytes">Bytes written.</param>
public sealed record ZipExtraction(int Extracted, int AlreadyPresent, int Skipped, long Bytes);
