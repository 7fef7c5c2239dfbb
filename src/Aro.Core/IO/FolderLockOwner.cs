using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aro.Core.IO;

/// <summary>Who holds a <see cref="FolderLock"/>: what the lock file records, one JSON object on one line.</summary>
/// <param name="ProcessId">The holder's process id.</param>
/// <param name="Host">The machine it runs on (a results folder can be on a shared disk).</param>
/// <param name="Started">When the process started (UTC): with the id, it tells a live holder from a reused id.</param>
/// <param name="Command">Its command line.</param>
/// <param name="Purpose">What it locked the folder for ("aro eval results").</param>
public sealed record FolderLockOwner(int ProcessId, string Host, DateTime Started, string Command, string Purpose)
{
    /// <summary>This process.</summary>
    public static FolderLockOwner Current(string purpose)
    {
        using var self = Process.GetCurrentProcess();
        var args = Environment.GetCommandLineArgs();
        var command = string.Join(' ', ["aro", .. args.Skip(1).Select(Quote)]);
        return new FolderLockOwner(Environment.ProcessId, Environment.MachineName, self.StartTime.ToUniversalTime(), command, purpose);
    }

    /// <summary>"process 1234 on host (`aro eval ...`, started 2025-01-01 10:00:00Z, for aro eval results)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"process {ProcessId} on {Host} (`{Command}`, started {Started:yyyy-MM-dd HH:mm:ss}Z, for {Purpose})");

    /// <summary>
    /// True when this owner is a process running now on this machine: the id exists and started when recorded
    /// (ids are reused). Unknown for another machine, so false there (the lock file's own lock decides).
    /// </summary>
    public bool IsRunningHere()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            if (process.HasExited)
            {
                return false;
            }

            return Math.Abs((process.StartTime.ToUniversalTime() - Started).TotalSeconds) < 2;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // it exited while we looked
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true; // it exists but may not be inspected: assume it is the holder
        }
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("pid", ProcessId);
            json.WriteString("host", Host);
            json.WriteString("started", Started.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("command", Command);
            json.WriteString("purpose", Purpose);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The owner a lock file records, or null when it records none that can be read.</summary>
    public static FolderLockOwner? Parse(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(content);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("pid", out var pid) || !pid.TryGetInt32(out var id)
                || !root.TryGetProperty("started", out var started)
                || !DateTime.TryParse(started.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
            {
                return null;
            }

            return new FolderLockOwner(id, Text(root, "host"), start, Text(root, "command"), Text(root, "purpose"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '`') ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
