using System.Globalization;
using System.Text;

namespace Aro.Core.Download;

/// <summary>
/// Turns a Google Drive file id into a URL that serves the file itself. Small files come straight from
/// <c>drive.google.com/uc?export=download&amp;id=ID</c> (after a redirect); large ones first answer a virus-scan
/// warning page whose form (or older confirm link) is followed, as gdown does. A quota page or any other page is a
/// clear error that says how to fetch the file by hand.
/// </summary>
public sealed class GoogleDriveResolver(HttpClient http, DownloadEndpoints endpoints, DownloadOptions options)
{
    public const string DriveOrigin = "https://drive.google.com";

    private const int MaxPageBytes = 2 * 1024 * 1024;

    /// <summary>The browser link of a file, for messages.</summary>
    public static string BrowserUrl(string fileId) => $"{DriveOrigin}/file/d/{fileId}/view";

    /// <summary>A URL serving the file's bytes.</summary>
    /// <param name="fileId">The Drive file id.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="placeAt">Where the user should put the file if the download has to be done by hand.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public async Task<Uri> ResolveAsync(string fileId, string fileName, string placeAt, CancellationToken cancellationToken = default)
    {
        var start = endpoints.Rewrite($"{DriveOrigin}/uc?export=download&id={Uri.EscapeDataString(fileId)}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ResolveOnceAsync(start, fileId, fileName, placeAt, cancellationToken).ConfigureAwait(false);
            }
            catch (TransientDownloadException ex) when (attempt <= options.MaxRetries)
            {
                await Task.Delay(options.Backoff(attempt, ex.RetryAfter), cancellationToken).ConfigureAwait(false);
            }
            catch (TransientDownloadException ex)
            {
                throw new AroException($"Google Drive did not answer for {fileName}: {ex.Message} ({start}). {ByHand(fileId, placeAt)}", 1, ex);
            }
        }
    }

    private async Task<Uri> ResolveOnceAsync(Uri start, string fileId, string fileName, string placeAt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ResponseTimeout);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(start, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (DownloadEndpoints.IsNameNotResolved(ex))
        {
            throw new AroException($"{endpoints.NameNotResolved(start)} {ByHand(fileId, placeAt)}", 1, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientDownloadException(ex.Message, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadException("no response", null, ex);
        }

        using (response)
        {
            var code = (int)response.StatusCode;
            if (code is 408 or 429 or >= 500)
            {
                throw new TransientDownloadException($"HTTP {code}", response.Headers.RetryAfter?.Delta);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new AroException(
                    $"Google Drive refused {fileName}: HTTP {code} {response.ReasonPhrase} ({start}); the file may have been removed or made private. {ByHand(fileId, placeAt)}");
            }

            var final = response.RequestMessage?.RequestUri ?? start;
            if (response.Content.Headers.ContentType?.MediaType is not "text/html")
            {
                // The file itself: fetch it again from where the redirects led, with Range when resuming.
                return final;
            }

            var html = await ReadPageAsync(response, timeout.Token).ConfigureAwait(false);
            if (DriveWarningPage.IsQuotaExceeded(html))
            {
                throw new AroException(
                    $"Google Drive refuses to serve {fileName} right now: too many people downloaded it recently (its quota resets within a day). " +
                    $"Try again later, or {ByHand(fileId, placeAt)}");
            }

            if (DriveWarningPage.ConfirmUrl(html, endpoints.Original(final), fileId) is { } confirm)
            {
                return endpoints.Rewrite(confirm);
            }

            throw new AroException(
                $"Google Drive answered a page without a download for {fileName} ({final}): the file may be private, removed or need a sign-in. {ByHand(fileId, placeAt)}");
        }
    }

    private static async Task<string> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxPageBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static string ByHand(string fileId, string placeAt) =>
        string.Create(CultureInfo.InvariantCulture, $"To fetch it by hand, open {BrowserUrl(fileId)} in a browser, download it and put it at {placeAt}.");
}
