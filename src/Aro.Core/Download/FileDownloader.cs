using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using Aro.Core.IO;

namespace Aro.Core.Download;

/// <summary>
/// Fetches one file into <c>{destination}.part</c>, resuming what an earlier attempt (or run) left there with an
/// HTTP Range request, retrying transient failures with backoff, then checks size, hash and content and only then
/// renames it to its final name. A server that ignores Range (200 instead of 206) restarts the file from zero.
/// A wrong hash deletes the file and fails with exit code 1, naming the file and both hashes.
/// </summary>
public sealed class FileDownloader(HttpClient http, DownloadOptions options)
{
    private const int BufferSize = 1 << 16;

    public DownloadOptions Options => options;

    public async Task<DownloadedFile> DownloadAsync(FileDownloadRequest request, IDownloadObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var folder = Path.GetDirectoryName(Path.GetFullPath(request.Destination))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"create the folder {folder} for {request.Label}", path: folder);
        }

        var progress = observer.Started(request.Label, request.ExpectedSize, DownloadUnit.Bytes);
        var retriesWithoutProgress = 0;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = PartLength(request.PartPath);
            try
            {
                await TransferAsync(request, observer, progress, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (TransientDownloadException ex)
            {
                var gained = PartLength(request.PartPath) > before;
                retriesWithoutProgress = gained ? 1 : retriesWithoutProgress + 1;
                if (retriesWithoutProgress > options.MaxRetries || attempt >= options.MaxAttempts)
                {
                    var kept = PartLength(request.PartPath) > 0
                        ? $" The {FormatBytes(PartLength(request.PartPath))} received are kept in {request.PartPath}; run the command again to resume."
                        : "";
                    throw new AroException($"download of {request.Label} failed after {attempt} attempt(s): {ex.Message} ({request.Url}).{kept}", 1, ex);
                }

                var wait = options.Backoff(retriesWithoutProgress, ex.RetryAfter);
                observer.Info(string.Create(CultureInfo.InvariantCulture,
                    $"{request.Label}: {ex.Message}; retrying in {wait.TotalSeconds:0.###}s (attempt {attempt + 1})"));
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        var result = await VerifyAndPlaceAsync(request, cancellationToken).ConfigureAwait(false);
        progress.Report(new DownloadProgress(result.Size, result.Size, Finished: true));
        return result;
    }

    private async Task TransferAsync(FileDownloadRequest request, IDownloadObserver observer, IProgress<DownloadProgress> progress, CancellationToken cancellationToken)
    {
        var bound = Bound(request);
        var existing = PartLength(request.PartPath);
        if (existing > bound.Bytes)
        {
            // Longer than the file can be: not a prefix of it. Start over.
            File.Delete(request.PartPath);
            existing = 0;
        }

        if (request.ExpectedSize is { } size && size > 0 && existing == size)
        {
            return;
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (existing > 0)
        {
            message.Headers.Range = new RangeHeaderValue(existing, null);
        }

        using var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
        {
            if (response.Content.Headers.ContentRange?.Length is { } length && length == existing)
            {
                return;
            }

            File.Delete(request.PartPath);
            throw new TransientDownloadException("the server refused to resume (HTTP 416); starting over");
        }

        CheckStatus(response, request, message.RequestUri ?? request.Url);
        if (request.RejectHtml && response.Content.Headers.ContentType?.MediaType is "text/html")
        {
            throw new AroException(
                $"download of {request.Label} failed: {request.Url.Host} answered a web page instead of the file ({request.Url}). " +
                "The link may have changed, need a sign-in, or be over its download quota; open it in a browser to see why.");
        }

        long offset;
        long? total;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            if (range?.From is null)
            {
                // A resume cannot be placed without a valid range; retrying the same server gives the same answer.
                File.Delete(request.PartPath);
                var raw = response.Content.Headers.NonValidated.TryGetValues("Content-Range", out var values) ? $"'{values}'" : "none";
                throw new AroException(
                    $"download of {request.Label} failed: the server answered 206 Partial Content without a valid Content-Range (it sent {raw}); " +
                    $"the partial file was deleted, run again to start over ({request.Url})");
            }

            if (range.From != existing)
            {
                File.Delete(request.PartPath);
                throw new TransientDownloadException($"the server sent bytes from {range?.From?.ToString(CultureInfo.InvariantCulture) ?? "an unknown offset"} instead of {existing}; starting over");
            }

            offset = existing;
            total = range.Length ?? (response.Content.Headers.ContentLength is { } rest ? existing + rest : null);
        }
        else
        {
            if (existing > 0)
            {
                observer.Info($"{request.Label}: the server ignored the Range request (HTTP {(int)response.StatusCode}); downloading from the start");
            }

            offset = 0;
            total = response.Content.Headers.ContentLength;
        }

        if (request.ExpectedSize is { } want && total is { } announced && announced != want)
        {
            throw new AroException(
                $"download of {request.Label} failed: the server sends {announced} bytes, {request.HashSource} says {want} ({request.Url})");
        }

        if (request.ExpectedSize is null && total is { } promised && promised > bound.Bytes)
        {
            throw new AroException(string.Create(CultureInfo.InvariantCulture,
                $"download of {request.Label} refused: the server announces {promised} bytes, more than the {bound.Bytes} {bound.Source} ({request.Url})"));
        }

        var sizeAnnounced = total is not null;
        total ??= request.ExpectedSize;
        progress.Report(new DownloadProgress(offset, total));
        var done = await CopyBodyAsync(response, request, offset, total, sizeAnnounced, bound, progress, cancellationToken).ConfigureAwait(false);
        if (total is { } t && done != t)
        {
            throw new TransientDownloadException(
                string.Create(CultureInfo.InvariantCulture, $"the connection closed after {done} of {t} bytes"));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ResponseTimeout);
        try
        {
            return await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (DownloadEndpoints.IsNameNotResolved(ex))
        {
            // Not transient: a name that does not resolve now will not in 30 s either (offline, a typo, a firewall).
            throw new AroException(DownloadEndpoints.FromEnvironment().NameNotResolved(message.RequestUri!), 1, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientDownloadException($"request failed: {ex.Message}", null, ex);
        }
        catch (Exception ex) when (ex is NotSupportedException or UriFormatException)
        {
            // The URL itself is not http(s): a mirror setting naming file:// or a typo.
            throw new AroException($"cannot download {DownloadEndpoints.NotHttp(message.RequestUri!)}", 2, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadException(
                string.Create(CultureInfo.InvariantCulture, $"no response within {options.ResponseTimeout.TotalSeconds:0.#}s"), null, ex);
        }
    }

    /// <summary>How many bytes the file may have, and who says so (for messages).</summary>
    private (long Bytes, string Source) Bound(FileDownloadRequest request) =>
        request.ExpectedSize is { } pinned ? (pinned, $"bytes {request.HashSource} gives as its size")
        : request.MaxSize is { } cap ? (cap, "bytes aro accepts for such a file")
        : (options.MaxUnpinnedBytes, "bytes aro accepts for a file whose size is not pinned");

    private static void CheckStatus(HttpResponseMessage response, FileDownloadRequest request, Uri url)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            // The client follows http(s) redirects itself; one it hands back points elsewhere (file://, ftp://) or
            // is one too many.
            var target = location.IsAbsoluteUri ? location : new Uri(url, location);
            throw new AroException(
                target.Scheme is "http" or "https"
                    ? $"download of {request.Label} failed: {url} redirects to {target}, which aro does not follow (more than 10 redirects, or from https to plain http)"
                    : $"download of {request.Label} failed: {url} redirects to {DownloadEndpoints.NotHttp(target)}",
                2);
        }

        var status = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        if (code is 408 or 425 or 429 or >= 500)
        {
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - DateTimeOffset.UtcNow,
                _ => (TimeSpan?)null,
            };
            throw new TransientDownloadException(status, retryAfter);
        }

        if (code is 401 or 403 && request.AccessHelp is { } help)
        {
            throw new AroException($"download of {request.Label} was refused: {status} from {request.Url}. {help}", 2);
        }

        var hint = code switch
        {
            401 or 403 => " (the server wants a sign-in or refuses access)",
            404 or 410 => " (the file is not there: the URL may have moved)",
            _ => "",
        };
        throw new AroException($"download of {request.Label} failed: {status}{hint} from {request.Url}");
    }

    private async Task<long> CopyBodyAsync(
        HttpResponseMessage response, FileDownloadRequest request, long offset, long? total, bool announced, (long Bytes, string Source) bound,
        IProgress<DownloadProgress> progress, CancellationToken cancellationToken)
    {
        var partPath = request.PartPath;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var done = offset;
        var overflow = false;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (var file = OpenPart(request, offset))
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                while (true)
                {
                    idle.CancelAfter(options.IdleTimeout);
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer.AsMemory(0, BufferSize), idle.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException or HttpRequestException)
                    {
                        throw new TransientDownloadException(
                            string.Create(CultureInfo.InvariantCulture, $"the connection broke after {done}{(total is { } t ? $" of {t}" : "")} bytes"), null, ex);
                    }
                    catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new TransientDownloadException(
                            string.Create(CultureInfo.InvariantCulture, $"no data for {options.IdleTimeout.TotalSeconds:0.#}s after {done} bytes"), null, ex);
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    if (done + read > bound.Bytes)
                    {
                        // More than the file can have, announced or not: never write past the bound.
                        overflow = true;
                        break;
                    }

                    await WritePartAsync(file, buffer.AsMemory(0, read), request, done, cancellationToken).ConfigureAwait(false);
                    done += read;
                    progress.Report(new DownloadProgress(done, total));
                }

                await WritePartAsync(file, ReadOnlyMemory<byte>.Empty, request, done, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (overflow)
        {
            File.Delete(partPath);
            throw new AroException(string.Create(CultureInfo.InvariantCulture,
                $"download of {request.Label} stopped: the server sent more than the {bound.Bytes} {bound.Source}" +
                $"{(announced ? "" : " (it announced no size)")}; the partial file was deleted ({request.Url})"));
        }

        return done;
    }

    private static FileStream OpenPart(FileDownloadRequest request, long offset)
    {
        try
        {
            // Unbuffered (the copy loop writes 64 KiB at a time): a failed write surfaces where it is handled, not
            // again from Dispose's flush.
            return new FileStream(request.PartPath, offset > 0 ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 0, useAsync: true);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"write {request.PartPath} (downloading {request.Label})", path: request.PartPath);
        }
    }

    /// <summary>Writes (or, with no bytes, flushes) part of the file; a full or read-only disk is a clean error that keeps what arrived.</summary>
    private static async Task WritePartAsync(FileStream file, ReadOnlyMemory<byte> bytes, FileDownloadRequest request, long done, CancellationToken cancellationToken)
    {
        try
        {
            if (bytes.IsEmpty)
            {
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"write {request.PartPath} (downloading {request.Label})",
                string.Create(CultureInfo.InvariantCulture,
                    $"{FileSystemErrors.Advice(FileSystemErrors.Classify(ex))}; the {done} bytes received so far are kept there and the next run resumes from them"));
        }
    }

    private static async Task<DownloadedFile> VerifyAndPlaceAsync(FileDownloadRequest request, CancellationToken cancellationToken)
    {
        var part = request.PartPath;
        var size = PartLength(part);
        if (!File.Exists(part))
        {
            // A zero-length file: the server sent an empty body and nothing was written.
            await File.WriteAllBytesAsync(part, [], cancellationToken).ConfigureAwait(false);
        }

        if (request.ExpectedSize is { } expected && size != expected)
        {
            File.Delete(part);
            throw new AroException($"download of {request.Label} failed: {size} bytes arrived, {request.HashSource} says {expected}; the file was deleted ({request.Url})");
        }

        var sha256 = await FileDigests.Sha256Async(part, cancellationToken).ConfigureAwait(false);
        if (request.ExpectedSha256 is { } want && !string.Equals(want, sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(part);
            throw new AroException(
                $"checksum mismatch for {request.Label}: expected sha256 {want.ToLowerInvariant()} ({request.HashSource}), found {sha256}. " +
                $"The bad download was deleted ({request.Url}).");
        }

        if (request.ExpectedGitSha1 is { } gitWant)
        {
            var git = await FileDigests.GitBlobSha1Async(part, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(gitWant, git, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(part);
                throw new AroException(
                    $"checksum mismatch for {request.Label}: expected git blob sha1 {gitWant.ToLowerInvariant()} ({request.HashSource}), found {git}. " +
                    $"The bad download was deleted ({request.Url}).");
            }
        }

        if (request.Validate?.Invoke(part) is { } problem)
        {
            File.Delete(part);
            throw new AroException($"download of {request.Label} is not usable: {problem}; the file was deleted ({request.Url})");
        }

        File.Move(part, request.Destination, overwrite: true);
        return new DownloadedFile(Path.GetFullPath(request.Destination), size, sha256);
    }

    private static long PartLength(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    private static string FormatBytes(long bytes) =>
        bytes < 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F1} MiB");
}

/// <summary>A file that arrived complete and verified.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record DownloadedFile(string Path, long Size, string Sha256);
