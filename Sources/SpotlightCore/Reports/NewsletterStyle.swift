/// The newsletter's one inline style sheet: readable on screen, and on paper without the
/// coloured backgrounds, with each story kept whole on a page. System fonts only, so the
/// file needs nothing from the network.
enum NewsletterStyle {
    static let css = """
        :root { --ink: #1f2933; --muted: #52606d; --accent: #b7791f; --line: #e4e7eb; --card: #fffaf0; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f5f7fa; color: var(--ink);
               font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif; }
        main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: #fff; }
        header { border-bottom: 4px solid var(--accent); margin-bottom: 1.5rem; }
        h1 { font-size: 2rem; margin: 0 0 .25rem; line-height: 1.2; }
        h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
        h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; color: var(--muted); }
        .edition { display: inline-block; background: var(--accent); color: #fff; font-weight: 600;
                   padding: .1rem .6rem; border-radius: .25rem; margin: .25rem 0; }
        .period { color: var(--muted); margin: .25rem 0 1rem; }
        .intro { font-size: 1.05rem; }
        .empty { padding: 1rem; border: 1px dashed var(--accent); border-radius: .5rem; background: var(--card); }
        article { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: .5rem;
                  padding: .75rem 1rem; margin: .75rem 0; background: var(--card);
                  break-inside: avoid; page-break-inside: avoid; overflow-wrap: anywhere; }
        article h4 { margin: 0 0 .25rem; font-size: 1.05rem; }
        .meta, .by { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
        .hero { color: var(--ink); font-weight: 600; }
        .note { font-style: italic; margin: .25rem 0; }
        .excerpt { margin: .5rem 0; }
        ul { padding-left: 1.25rem; }
        li { margin: .35rem 0; overflow-wrap: anywhere; }
        .ref { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; color: var(--muted); }
        footer { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: .75rem; color: var(--muted); font-size: .85rem; }
        @media print {
          @page { margin: 1.5cm; }
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          article { background: #fff; border-color: #999; }
          .edition { color: #000; background: none; border: 1px solid #000; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
        }
        """
}
