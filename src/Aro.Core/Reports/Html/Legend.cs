using System.Text;

namespace Aro.Core.Reports.Html;

/// <summary>The colour key of the charts: one swatch per model.</summary>
internal static class Legend
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models)
    {
        html.Append("<p class=\"legend\">");
        foreach (var model in models)
        {
            html.Append("<span class=\"key\"><span class=\"swatch\" style=\"background:").Append(model.Color).Append("\"></span>")
                .Append(HtmlText.Escape(model.Label)).Append("</span>");
        }

        html.Append("</p>\n");
    }
}
