namespace Aro.TestSupport;

/// <summary>
/// Pages shaped like Google Drive's answers for large files, written for these tests: the current virus-scan
/// warning with a confirm form, the older one with a confirm link, and the quota page.
/// </summary>
public static class DriveTestPages
{
    public static string ConfirmForm(string fileId, string fileName, string uuid) => $$"""
        <!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/>
        <title>Google Drive - Virus scan warning</title></head>
        <body><div class="uc-main"><div id="uc-text">
        <p class="uc-warning-caption">Google Drive can't scan this file for viruses.</p>
        <p class="uc-warning-subcaption"><span class="uc-name-size"><a href="/open?id={{fileId}}">{{fileName}}</a> (1.0G)</span>
        is too large for Google to scan for viruses. Would you still like to download this file?</p>
        <form id="download-form" action="https://drive.usercontent.google.com/download" method="get">
        <input type="submit" id="uc-download-link" class="goog-inline-block jfk-button jfk-button-action" value="Download anyway"/>
        <input type="hidden" name="id" value="{{fileId}}"><input type="hidden" name="export" value="download">
        <input type="hidden" name="confirm" value="t"><input type="hidden" name="uuid" value="{{uuid}}">
        </form></div></div></body></html>
        """;

    public static string ConfirmLink(string fileId, string token) => $"""
        <html><head><title>Google Drive - Virus scan warning</title></head><body>
        <p>Google Drive can't scan this file for viruses.</p>
        <a id="uc-download-link" class="goog-inline-block jfk-button" href="/uc?export=download&amp;confirm={token}&amp;id={fileId}">Download anyway</a>
        </body></html>
        """;

    public const string QuotaExceeded = """
        <html><head><title>Google Drive - Quota exceeded</title></head><body>
        <p class="uc-error-caption">Sorry, you can't view or download this file at this time.</p>
        <p class="uc-error-subcaption">Too many users have viewed or downloaded this file recently. Please try accessing the file again later.</p>
        </body></html>
        """;
}
