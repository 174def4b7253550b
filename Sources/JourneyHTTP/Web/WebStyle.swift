/// The web view's one stylesheet, served at `/web.css`: plain CSS, colours chosen for WCAG 2.1 AA contrast (body text
/// 16:1, links and buttons at least 7:1 on their backgrounds), a focus ring on everything that takes focus, and a
/// layout that fits a phone.
enum WebStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1b1b1b; --link: #0b4f8a; --line: #6b6b6b; --soft: #f2f4f7; --focus: #b34700; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--link); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
        header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; padding: .75rem 1rem; border-bottom: 2px solid var(--ink); }
        header .product { font-weight: 700; margin: 0; margin-right: auto; }
        header nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; }
        .sign-out { margin: 0; }
        main { padding: 1rem; max-width: 72rem; }
        h1 { font-size: 1.6rem; margin-top: 0; }
        button { font: inherit; padding: .4rem 1rem; color: #fff; background: var(--link); border: 2px solid var(--link); border-radius: 4px; cursor: pointer; }
        .sign-out button { color: var(--link); background: #fff; }
        form.inline { display: inline; }
        label { display: block; font-weight: 600; }
        input, select { font: inherit; padding: .35rem; border: 2px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); max-width: 100%; }
        .field { margin-bottom: .75rem; }
        .help { color: #404040; font-size: .9rem; margin: .25rem 0; }
        .error { border-left: 4px solid #a4000f; padding: .5rem 1rem; background: #fdecee; }
        fieldset { border: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: flex-end; }
        fieldset .field { margin: 0; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--soft); }
        td.number, th.number { text-align: right; }
        .chart { max-width: 100%; height: auto; }
        .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
        .swatch { display: inline-block; width: 1rem; height: 1rem; margin-right: .4rem; vertical-align: middle; border: 1px solid var(--ink); }
        dl.counts { display: grid; grid-template-columns: max-content max-content; gap: .25rem 1.5rem; }
        dl.counts dd { margin: 0; font-weight: 700; }
        @media (max-width: 40rem) { header { gap: .5rem; } main { padding: .75rem; } }
        """
}
