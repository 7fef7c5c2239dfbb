namespace Aro.Core.Download;

/// <summary>A model installed by <c>aro models pull</c>.</summary>
/// <param name="Folder">Its folder.</param>
/// <param name="Receipt">What was installed (null when it was already installed and nothing was fetched).</param>
/// <param name="AlreadyInstalled">True when the folder was complete and nothing was downloaded.</param>
public sealed record ModelPullResult(string Folder, ModelReceipt? Receipt, bool AlreadyInstalled);
