namespace OkrLinker.Core.Reports;

/// <summary>The page's only styles, inline so the file stands alone (no fonts, images or scripts are fetched).</summary>
public static class HtmlStyles
{
    public const string Css = """
        :root { color-scheme: light; --text: #1f2937; --muted: #6b7280; --line: #e5e7eb; --page: #f6f7f9; --card: #fff;
          --unlinked: #d97706; --unlinked-soft: #fef3c7; --linked: #2563eb; --ok: #15803d; --bad: #b91c1c; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--page); color: var(--text); line-height: 1.45;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 28px 20px 40px; }
        h1 { font-size: 28px; margin: 2px 0 4px; letter-spacing: -0.01em; }
        h2 { font-size: 18px; margin: 0 0 14px; }
        h3 { font-size: 15px; margin: 22px 0 8px; }
        p { margin: 0 0 8px; }
        a { color: var(--linked); text-decoration: none; }
        a:hover, a:focus { text-decoration: underline; }
        .eyebrow { color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; margin: 0; }
        .muted { color: var(--muted); }
        .small { font-size: 13px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        header.page { margin-bottom: 20px; }
        section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 20px 22px; margin: 0 0 18px; }
        .headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 18px; align-items: start; }
        .hero-figure { font-size: 44px; font-weight: 700; line-height: 1.05; color: var(--unlinked); margin: 0 0 4px; font-variant-numeric: tabular-nums; }
        .hero-text { margin: 0; }
        .stats { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px 18px; margin: 0; }
        .stats div { border-left: 3px solid var(--line); padding-left: 10px; }
        .stats dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
        .stats dd { margin: 0; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .stats .is-unlinked { border-left-color: var(--unlinked); }
        .stats .is-linked { border-left-color: var(--linked); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; border-bottom: 2px solid var(--line); white-space: nowrap; }
        tbody tr:last-child td { border-bottom: 0; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.all td { font-weight: 600; background: #fafafa; }
        .key { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; white-space: nowrap; }
        table.krs th, table.krs td { padding-left: 6px; padding-right: 6px; }
        table.krs thead th { letter-spacing: 0.02em; }
        td.kr { min-width: 220px; width: 30%; }
        .kr-title { display: block; }
        .kr-teams { display: block; color: var(--muted); font-size: 0.85em; }
        .kr-source, .kr-stale { display: block; color: var(--muted); font-size: 0.8em; }
        .kr-stale { color: var(--bad); }
        .status { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.85em; white-space: nowrap; }
        .status.on-track { background: #dcfce7; color: #166534; }
        .status.at-risk { background: var(--unlinked-soft); color: #92400e; }
        .status.off-track { background: #fee2e2; color: var(--bad); }
        svg.spark { display: block; }
        svg.spark polyline { fill: none; stroke: var(--linked); stroke-width: 1.5; }
        svg.spark circle { fill: var(--linked); }
        .badge { display: inline-block; padding: 1px 8px; margin: 1px 2px 1px 0; border-radius: 999px; font-size: 0.85em; line-height: 1.5; white-space: nowrap;
          background: var(--unlinked-soft); color: #92400e; }
        .badge.error { background: #fee2e2; color: var(--bad); }
        .badge.warning { background: var(--unlinked-soft); color: #92400e; }
        .badge.info { background: #dbeafe; color: #1e40af; }
        .badge.other { background: #f3f4f6; color: var(--text); }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; background: #f3f4f6; padding: 1px 5px; border-radius: 4px; }
        .progress { display: inline-block; width: 44px; height: 6px; border-radius: 3px; background: var(--line); vertical-align: middle; margin-left: 6px; overflow: hidden; }
        .progress span { display: block; height: 100%; background: var(--linked); }
        .split { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; }
        /* Below 640 px a chart scrolls sideways instead of shrinking its labels out of reading size. */
        .chart-wrap { overflow-x: auto; }
        svg.chart { display: block; width: 100%; min-width: 640px; height: auto; font-family: inherit; }
        svg.bars { margin-bottom: 12px; }
        svg .bar-label { font-size: 13px; fill: var(--text); }
        svg .bar-value, svg .overall-label { font-size: 12px; fill: var(--muted); }
        svg .track { fill: #f1f2f4; }
        svg .bar { fill: var(--unlinked); }
        svg .overall { stroke: var(--text); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg .grid { stroke: var(--line); stroke-width: 1; }
        svg .axis { stroke: #9ca3af; stroke-width: 1; }
        svg .tick, svg .week { font-size: 11px; fill: var(--muted); }
        svg .empty { font-size: 14px; fill: var(--muted); }
        svg .area { fill: var(--unlinked); fill-opacity: 0.08; }
        svg .line { fill: none; stroke: var(--unlinked); stroke-width: 2.5; stroke-linejoin: round; }
        svg .point { fill: var(--unlinked); stroke: var(--unlinked); stroke-width: 2; }
        svg .point.reconstructed { fill: #fff; }
        svg .point-value { font-size: 11px; font-weight: 600; fill: var(--text); }
        figure { margin: 0; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 8px; }
        .legend-hollow { display: inline-block; width: 10px; height: 10px; border: 2px solid var(--unlinked); border-radius: 50%; background: #fff; vertical-align: -1px; }
        footer { color: var(--muted); font-size: 13px; text-align: center; margin-top: 8px; }
        @media (max-width: 640px) { main { padding: 16px 10px 28px; } section { padding: 16px 12px; } .hero-figure { font-size: 36px; } }
        @media print {
          @page { margin: 14mm; }
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section { border: 0; border-radius: 0; padding: 0; margin: 0 0 14pt; break-inside: avoid; }
          section.long { break-inside: auto; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
          a { color: inherit; }
          .table-wrap, .chart-wrap { overflow: visible; }
          svg.chart { min-width: 0; }
          table { font-size: 8.5pt; }
          th, td, table.krs th, table.krs td { padding: 4px 5px; }
          thead th { font-size: 7pt; letter-spacing: 0; }
          td.kr { min-width: 0; }
          .progress { width: 28px; }
          .hero-figure { font-size: 30pt; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
