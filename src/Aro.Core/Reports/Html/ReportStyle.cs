namespace Aro.Core.Reports.Html;

/// <summary>The report's only stylesheet, inlined: the file must open anywhere, offline, with nothing fetched.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 14px;
               color: #1a1a1a; background: #fff; margin: 24px 32px; max-width: 1400px; line-height: 1.4; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 20px 0 6px; }
        .note, .source, .subtitle { color: #555; font-size: 13px; max-width: 1000px; }
        .source { font-size: 12px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
        th, td { border: 1px solid #e0e0e0; padding: 3px 7px; text-align: left; vertical-align: top; }
        thead th { background: #f5f5f5; font-weight: 600; }
        th.subset { text-align: center; }
        th.sub { font-weight: 500; font-size: 11px; color: #444; }
        table.summary { font-size: 12px; }
        table.summary th, table.summary td { padding: 3px 5px; }
        table.summary tbody th { white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.record { font-weight: 600; }
        td.missing { color: #aaa; text-align: center; }
        td.warn { color: #b00020; font-weight: 600; }
        td.excluded { color: #888; }
        td.partial { background: #fff6e0; }
        sup.mark { color: #b26a00; font-weight: 700; cursor: help; }
        .ci { white-space: nowrap; }
        .banner { border: 1px solid #e0b050; background: #fff6e0; border-radius: 4px; padding: 8px 12px; margin: 12px 0; max-width: 1000px; }
        .banner ul { margin: 4px 0 0; padding-left: 20px; }
        tr.paper th, tr.paper td { background: #fafafa; color: #333; }
        tr.paper-head th { background: #eee; font-weight: 600; text-align: left; }
        .metric, .detail { color: #666; font-weight: 400; font-size: 12px; }
        .swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
        .legend .key { margin-right: 18px; white-space: nowrap; }
        figure { margin: 8px 0 4px; }
        svg.chart { display: block; font-size: 11px; }
        svg.chart .grid { stroke: #e6e6e6; stroke-width: 1; }
        svg.chart .tick, svg.chart .reference-label { fill: #666; font-size: 10px; }
        svg.chart .reference { stroke: #b00020; stroke-width: 1; stroke-dasharray: 4 3; }
        svg.chart .label { fill: #222; }
        svg.chart .value { fill: #444; font-size: 9px; }
        svg.chart .absent { fill: #aaa; font-size: 10px; }
        svg.chart rect.bar { stroke-width: 0.5; }
        details { margin: 4px 0 16px; }
        summary { cursor: pointer; color: #0b5394; }
        .cards { display: flex; flex-wrap: wrap; gap: 16px; }
        .card { border: 1px solid #e0e0e0; border-radius: 4px; padding: 4px 12px 8px; min-width: 260px; }
        .card h3 { margin-top: 8px; }
        table.provenance th { width: 160px; background: #f9f9f9; }
        table.files caption { text-align: left; font-weight: 600; padding: 4px 0; }
        code { font-size: 11px; }
        footer { margin-top: 40px; color: #777; font-size: 12px; }

        """ + GalleryStyle.Css;
}
