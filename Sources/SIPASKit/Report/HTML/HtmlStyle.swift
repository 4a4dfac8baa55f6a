/// The report's one stylesheet, inlined in `<style>`: sober, readable, system fonts with Vietnamese
/// glyphs, and an A4 print layout (15 mm margins, no ink-wasting backgrounds, figures and table rows
/// kept whole where possible). No `@import`, no `url(…)`: nothing is fetched. The text contains no
/// `<` or `&`, so the document stays well-formed XML.
enum HtmlStyle {
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    html {
      font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, "Liberation Sans", sans-serif;
      font-size: 15px; line-height: 1.5; color: #1b1b1b; background: #fff;
    }
    body { max-width: 1000px; margin: 0 auto; padding: 24px 28px 40px; }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .25rem; color: #13294b; }
    h2 {
      font-size: 1.25rem; margin: 2.2rem 0 .7rem; padding-bottom: .2rem;
      border-bottom: 2px solid #13294b; color: #13294b;
    }
    h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
    h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
    p { margin: .4rem 0; }
    code { font-family: "DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", Consolas, monospace; font-size: .9em; }
    .department { font-size: 1.1rem; font-weight: 600; margin: 0; }
    .muted, .small { color: #555; }
    .small { font-size: .82rem; }
    .nowrap { white-space: nowrap; }

    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .9rem 0 0; }
    dl.meta dt { color: #555; }
    dl.meta dd { margin: 0; }

    .headline { display: grid; grid-template-columns: 1fr 1fr 1.35fr; gap: 14px; margin-top: 1.4rem; }
    .headline > section { border: 1px solid #b9c3cf; border-radius: 4px; padding: 10px 14px; }
    .headline h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; color: #444;
      border: 0; margin: 0 0 .3rem; padding: 0; }
    .big { font-size: 3.1rem; font-weight: 700; line-height: 1.05; color: #13294b; margin: .1rem 0 .2rem; }
    .gap { font-size: 1.35rem; font-weight: 700; margin: .1rem 0 .2rem; }
    .prev-line { margin: .15rem 0 .45rem; }
    .prev-line strong { font-size: 1.15rem; }

    .v-below, .v-fell { color: #a3161a; }
    .v-possibly { color: #8a4b00; }
    .v-few { color: #555; }
    .v-ok { color: #1d6b3a; }
    .v-up { color: #1d6b3a; }
    .mark { font-weight: 600; }

    figure { margin: 1rem 0 1.4rem; }
    figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
    svg text { font-family: inherit; }
    figcaption { font-size: .85rem; color: #333; margin-top: .35rem; }

    table { border-collapse: collapse; width: 100%; font-size: .86rem; margin: .4rem 0 1rem; }
    th, td { border-bottom: 1px solid #d3d9e1; padding: 4px 6px; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid #13294b; font-weight: 600; background: #eef2f7; vertical-align: bottom; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.element th, tr.element td { background: #f5f7fa; font-weight: 600; border-top: 1px solid #8d9bad; }
    tr.few td, tr.few th { color: #555; }
    table.criteria, table.procedures { table-layout: fixed; }
    thead th.num { white-space: normal; }
    table.criteria td, table.procedures td { overflow-wrap: break-word; }
    td .sub { display: block; font-size: .78rem; color: #555; font-weight: 400; }
    td .sub code { font-size: .95em; color: #333; }

    article.flag {
      border: 1px solid #b9c3cf; border-left: 4px solid #a3161a; border-radius: 3px;
      padding: 10px 16px; margin: 14px 0;
    }
    article.flag.minor { border-left-color: #8a4b00; }
    article.flag h3 .rank { display: inline-block; min-width: 1.6em; color: #555; }
    ul.badges { list-style: none; padding: 0; margin: .35rem 0; display: flex; flex-wrap: wrap; gap: 6px; }
    ul.badges li { border: 1px solid currentColor; border-radius: 3px; padding: 0 6px; font-size: .82rem; font-weight: 600; }
    .impact { font-weight: 700; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .05rem 1rem; margin: .4rem 0; }
    dl.facts dt { color: #555; }
    dl.facts dd { margin: 0; }
    table.weak { width: auto; min-width: 60%; }
    blockquote { margin: .35rem 0; padding: .25rem .8rem; border-left: 3px solid #8d9bad; }
    blockquote p { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
    blockquote footer { font-size: .8rem; color: #555; }

    footer.report { margin-top: 2.6rem; border-top: 1px solid #8d9bad; padding-top: .7rem; font-size: .85rem; color: #333; }
    a { color: #13294b; }

    @page { size: A4; margin: 15mm; }
    @media print {
      html { font-size: 9.5pt; background: none; }
      body { max-width: none; margin: 0; padding: 0; }
      h2 { break-after: avoid; page-break-after: avoid; }
      h3, h4, p.lead { break-after: avoid; page-break-after: avoid; }
      p { orphans: 2; widows: 2; }
      div.keep { break-inside: avoid; page-break-inside: avoid; }
      thead th, tr.element th, tr.element td { background: none; }
      thead { display: table-header-group; }
      tr, figure, blockquote, .headline, dl.facts { break-inside: avoid; page-break-inside: avoid; }
      article.flag { break-inside: avoid; page-break-inside: avoid; border-left-width: 3px; }
      table { font-size: 8.5pt; }
      th, td { padding: 3px 4px; }
      .big { font-size: 2.4rem; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
