using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aro.TestSupport;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) for download tests: one request per connection, answers from a
/// handler, and can cut a body off mid-way (<see cref="HttpReply.DropAfter"/>) — which is why it sits on a raw
/// <see cref="TcpListener"/> rather than HttpListener. Records every request.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RecordedRequest, HttpReply> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LocalHttpServer(Func<RecordedRequest, HttpReply> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, no trailing slash.</summary>
    public string BaseUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The requests for <paramref name="path"/> (without query), in order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. Requests.Where(r => r.Path == path)];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                if (await ReadRequestAsync(stream) is not { } request)
                {
                    return;
                }

                Requests.Enqueue(request);
                HttpReply reply;
                try
                {
                    reply = _handler(request);
                }
                catch (Exception ex)
                {
                    reply = HttpReply.Text(500, ex.ToString());
                }

                await WriteReplyAsync(stream, request, reply, _stop.Token);
                if (reply.DropAfter is not null)
                {
                    // End the connection before the announced length: the client sees the body end early.
                    client.Client.Shutdown(SocketShutdown.Send);
                }
            }
            catch (IOException)
            {
                // The client went away; nothing to answer.
            }
            catch (OperationCanceledException)
            {
                // The server stopped while a reply stalled or streamed.
            }
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var first = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new RecordedRequest(first[0], first[1], headers);
    }

    private static async Task WriteReplyAsync(NetworkStream stream, RecordedRequest request, HttpReply reply, CancellationToken stop)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} {ReasonPhrase(reply.Status)}\r\n");
        foreach (var (name, value) in reply.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (!reply.OmitContentLength)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {reply.Body.Length}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop);
        if (request.Method != "HEAD")
        {
            var length = Math.Min(Math.Min(reply.DropAfter ?? reply.Body.Length, reply.StallAfter ?? reply.Body.Length), reply.Body.Length);
            await stream.WriteAsync(reply.Body.AsMemory(0, length), stop);
            while (reply.RepeatForever && reply.Body.Length > 0)
            {
                await stream.WriteAsync(reply.Body, stop);
            }

            if (reply.StallAfter is not null)
            {
                await stream.FlushAsync(stop);
                await Task.Delay(Timeout.Infinite, stop);
            }
        }

        await stream.FlushAsync(stop);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        206 => "Partial Content",
        302 => "Found",
        303 => "See Other",
        404 => "Not Found",
        416 => "Range Not Satisfiable",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
