
namespace Aro.Core.Benchmarks;

/// <summary>How <c>aro data pull</c> behaves.</summary>
/// <param name="KeepArchives">Keep <c>vgr_vga_images.zip</c> after unpacking it (default: delete it, 1 GB).</param>
public sealed record DataPullOptions(bool KeepArchives = false);
