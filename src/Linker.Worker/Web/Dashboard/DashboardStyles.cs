namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>What the dashboard adds to the report's styles: the navigation bar, forms, the tree and the pager.</summary>
internal static class DashboardStyles
{
    public const string Css = """
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 6px 10px; }
        .skip:focus { left: 8px; z-index: 2; }
        .bar { background: #111827; color: #f9fafb; }
        .bar-inner { max-width: 1080px; margin: 0 auto; padding: 10px 20px; display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; justify-content: space-between; }
        .bar a { color: #f9fafb; font-weight: 600; }
        .bar nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
        .bar a[aria-current="page"] { text-decoration: underline; text-underline-offset: 4px; }
        .bar form { display: flex; gap: 6px; align-items: center; margin: 0; font-size: 14px; }
        .bar label { color: #e5e7eb; }
        select, input, button { font: inherit; font-size: 14px; padding: 5px 8px; border: 1px solid #9ca3af; border-radius: 6px; background: #fff; color: var(--text); }
        button { background: var(--linked); border-color: var(--linked); color: #fff; cursor: pointer; }
        .bar button { background: #374151; border-color: #6b7280; }
        form.filters { display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: end; margin: 0 0 14px; }
        form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 10px 18px; margin: 0; }
        .figures div { border-left: 3px solid var(--line); padding-left: 10px; }
        .figures dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
        .figures dd { margin: 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .tree ul { list-style: none; margin: 0; padding-left: 18px; border-left: 1px dashed var(--line); }
        .tree > ul { padding-left: 0; border-left: 0; }
        .tree li { margin: 4px 0; }
        .tree summary { cursor: pointer; padding: 3px 0; }
        .tree .objective > summary { font-weight: 700; font-size: 16px; }
        .tree .kr > summary { font-weight: 600; }
        .tree .leaf { padding-left: 18px; }
        .count { color: var(--muted); font-size: 13px; white-space: nowrap; font-weight: 400; }
        .metric-inline { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; margin: 2px 0 0 20px; font-weight: 400; font-size: 13px; }
        .flag-no-work { background: #fee2e2; color: var(--bad); }
        .pager { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-top: 12px; }
        .login { max-width: 420px; margin: 40px auto; }
        .login form { display: flex; flex-direction: column; gap: 10px; }
        .error { color: var(--bad); font-weight: 600; }
        svg .level { stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg .level.target { stroke: var(--ok); }
        svg .level.baseline { stroke: #9ca3af; }
        svg .metric-line { stroke: var(--linked); }
        svg .metric-point { fill: var(--linked); stroke: var(--linked); }
        th a { color: inherit; }
        td.suggestions { min-width: 220px; }
        ol.suggestions { margin: 0 0 4px; padding-left: 18px; }
        ol.suggestions .score { font-variant-numeric: tabular-nums; color: var(--muted); }
        ul.evidence { margin: 2px 0 4px; padding-left: 16px; color: var(--muted); }
        /* Links inside text are underlined, not told apart by colour alone (WCAG 1.4.1). */
        main a { text-decoration: underline; text-underline-offset: 2px; }
        @media (max-width: 640px) { .bar-inner { padding: 8px 10px; } .tree ul { padding-left: 10px; } }
        @media print { .bar, .skip, form.filters, .pager, .no-print { display: none; } details > summary { list-style: none; } }
        """;
}
