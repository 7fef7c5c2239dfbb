namespace Aro.Core.Download;

/// <summary>How <c>aro models pull</c> behaves.</summary>
/// <param name="Force">Download again and replace an installed (or foreign, incomplete) model folder.</param>
/// <param name="AllowUnverified">Install a file for which neither the catalog nor the server gives a hash (its sha256 is still recorded).</param>
public sealed record ModelPullOptions(bool Force = false, bool AllowUnverified = false);
