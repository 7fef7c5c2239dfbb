using System.Globalization;
using System.Text;

namespace Aro.TestSupport;

/// <summary>What <see cref="LocalHttpServer"/> answers.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body (not sent for HEAD).</param>
public sealed record HttpReply(int Status, byte[] Body)
{
    /// <summary>Headers besides Content-Length and Connection.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Send only this many body bytes (Content-Length still announces all of them), then close the connection:
    /// a download cut off mid-file.
    /// </summary>
    public int? DropAfter { get; init; }

    /// <summary>Send no Content-Length: the body ends when the connection closes (HTTP/1.1 close-delimited).</summary>
    public bool OmitContentLength { get; init; }

    /// <summary>After the body, send it again and again until the client goes away: a server that never stops.</summary>
    public bool RepeatForever { get; init; }

    /// <summary>Send only this many body bytes, then keep the connection open sending nothing: a stalled server.</summary>
    public int? StallAfter { get; init; }

    /// <summary>An endless close-delimited body of <paramref name="chunk"/> repeated, with no Content-Length.</summary>
    public static HttpReply Endless(byte[] chunk) => Bytes(chunk) with { OmitContentLength = true, RepeatForever = true };

    public static HttpReply Bytes(byte[] body, string contentType = "application/octet-stream") =>
        new(200, body) { Headers = new Dictionary<string, string> { ["Content-Type"] = contentType } };

    public static HttpReply Text(int status, string text, string contentType = "text/plain; charset=utf-8") =>
        new(status, Encoding.UTF8.GetBytes(text)) { Headers = new Dictionary<string, string> { ["Content-Type"] = contentType } };

    public static HttpReply Html(string html) => Text(200, html, "text/html; charset=utf-8");

    public static HttpReply NotFound() => Text(404, "not found");

    public static HttpReply Redirect(string location, int status = 302) =>
        new(status, []) { Headers = new Dictionary<string, string> { ["Location"] = location } };

    /// <summary>
    /// <paramref name="content"/> as a static file server sends it: 206 with Content-Range for <c>Range: bytes=N-</c>
    /// (416 past the end), 200 otherwise, or always 200 when <paramref name="honourRange"/> is false.
    /// </summary>
    public static HttpReply File(RecordedRequest request, byte[] content, bool honourRange = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!honourRange || request.RangeStart is not { } start)
        {
            return Bytes(content) with { Headers = new Dictionary<string, string> { ["Content-Type"] = "application/octet-stream", ["Accept-Ranges"] = honourRange ? "bytes" : "none" } };
        }

        if (start >= content.Length)
        {
            return new HttpReply(416, []) { Headers = new Dictionary<string, string> { ["Content-Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes */{content.Length}") } };
        }

        return new HttpReply(206, content[(int)start..])
        {
            Headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "application/octet-stream",
                ["Content-Range"] = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{content.Length - 1}/{content.Length}"),
            },
        };
    }
}
