namespace Aro.Core.Reports.Html;

/// <summary>The failure gallery's part of the report's stylesheet.</summary>
internal static class GalleryStyle
{
    public const string Css = """
        .gallery h4 { font-size: 14px; margin: 16px 0 6px; }
        .cases { display: flex; flex-wrap: wrap; gap: 12px; }
        figure.case { margin: 0; width: 282px; border: 1px solid #e0e0e0; border-radius: 4px; padding: 6px 8px; }
        figure.case img.thumb { display: block; margin: 0 auto 4px; }
        .thumb.absent { color: #888; font-size: 11px; border: 1px dashed #ccc; padding: 8px; margin-bottom: 4px; text-align: center; overflow-wrap: anywhere; }
        figure.case figcaption { font-size: 12px; margin-bottom: 2px; overflow-wrap: anywhere; }
        .case-id { font-family: ui-monospace, monospace; font-size: 11px; }
        table.options { width: 100%; margin: 2px 0 0; font-size: 12px; }
        table.options td, table.options th { padding: 2px 4px; }
        table.options td.mark { width: 12px; text-align: center; font-weight: 700; }
        table.options tr.right td { background: #e6f4ea; }
        table.options tr.right td.mark { color: #1e7b34; }
        table.options tr.chosen:not(.right) td { background: #fce8e6; }
        table.options tr.chosen td.mark { color: #b00020; }
        table.options tr.chosen.right td.mark { color: #1e7b34; }
        table.options tr.chosen td, table.options td.score.chosen { font-weight: 700; }
        table.options td.score.chosen { text-decoration: underline; }
        .missing-images code { font-size: 11px; }

        """;
}
