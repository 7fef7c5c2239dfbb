using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Aro.Core.Download;

/// <summary>
/// Reads the page Google Drive shows instead of a large file ("Google Drive can't scan this file for viruses"):
/// the confirm form (<c>drive.usercontent.google.com/download</c> with hidden <c>id</c>, <c>export</c>,
/// <c>confirm</c>, <c>uuid</c> fields), or, on older pages, a <c>/uc?export=download&amp;confirm=TOKEN&amp;id=...</c>
/// link; and recognises the quota page ("Too many users have viewed or downloaded this file recently").
/// </summary>
public static partial class DriveWarningPage
{
    /// <summary>The URL that confirms the download, or null when the page offers none.</summary>
    /// <param name="html">The page.</param>
    /// <param name="page">The page's own URL, to resolve relative links against.</param>
    /// <param name="fileId">The file id, for pages that give only a bare confirm token.</param>
    public static Uri? ConfirmUrl(string html, Uri page, string fileId)
    {
        if (FormPattern().Match(html) is { Success: true } form)
        {
            var attributes = Attributes(form.Groups["open"].Value);
            if (attributes.TryGetValue("action", out var action))
            {
                var query = new StringBuilder();
                foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
                {
                    var fields = Attributes(input.Value);
                    if (fields.TryGetValue("type", out var type) && type.Equals("hidden", StringComparison.OrdinalIgnoreCase)
                        && fields.TryGetValue("name", out var name))
                    {
                        query.Append(query.Length == 0 ? '?' : '&')
                            .Append(Uri.EscapeDataString(name)).Append('=')
                            .Append(Uri.EscapeDataString(fields.GetValueOrDefault("value", "")));
                    }
                }

                var target = new Uri(page, action);
                return new Uri(target.GetLeftPart(UriPartial.Path) + query);
            }
        }

        if (ConfirmLinkPattern().Match(html) is { Success: true } link)
        {
            return new Uri(page, WebUtility.HtmlDecode(link.Groups["href"].Value));
        }

        if (ConfirmTokenPattern().Match(html) is { Success: true } token)
        {
            return new Uri(page, $"/uc?export=download&confirm={Uri.EscapeDataString(token.Groups["token"].Value)}&id={Uri.EscapeDataString(fileId)}");
        }

        return null;
    }

    /// <summary>True when the page says the file's download quota is used up for now.</summary>
    public static bool IsQuotaExceeded(string html) =>
        html.Contains("Too many users have viewed or downloaded this file", StringComparison.OrdinalIgnoreCase)
        || html.Contains("download quota", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributePattern().Matches(tag))
        {
            result.TryAdd(attribute.Groups["name"].Value, WebUtility.HtmlDecode(attribute.Groups["value"].Value));
        }

        return result;
    }

    [GeneratedRegex("""(?<open><form\b[^>]*\bid\s*=\s*["']download-form["'][^>]*>)(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("""(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)')""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("""href\s*=\s*"(?<href>[^"]*[?&](?:amp;)?confirm=[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ConfirmLinkPattern();

    [GeneratedRegex("""confirm=(?<token>[0-9A-Za-z_-]+)""")]
    private static partial Regex ConfirmTokenPattern();
}
