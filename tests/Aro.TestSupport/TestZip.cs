using System.IO.Compression;

namespace Aro.TestSupport;

/// <summary>Builds zip archives in memory, including ones no honest tool would write (for extraction safety tests).</summary>
public static class TestZip
{
    /// <summary>A zip of <paramref name="entries"/> (name → bytes), names used exactly as given.</summary>
    public static byte[] Create(IEnumerable<KeyValuePair<string, byte[]>> entries, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = archive.CreateEntry(name, level);
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A zip whose single entry <paramref name="name"/> is marked as a Unix symbolic link to <paramref name="target"/>.</summary>
    public static byte[] WithSymlink(string name, string target)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry(name);
            entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            using var stream = entry.Open();
            stream.Write(System.Text.Encoding.UTF8.GetBytes(target));
        }

        return memory.ToArray();
    }

    /// <summary>A zip of every file under <paramref name="folder"/>, named <paramref name="prefix"/> + its relative path.</summary>
    public static byte[] OfFolder(string folder, string prefix) =>
        Create(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => KeyValuePair.Create(prefix + Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f))));
}
