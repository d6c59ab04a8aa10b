# Regenerates test/fixtures/site-good and test/fixtures/site-broken (run from the repo root:
#   python3 scripts/gates/fixture-src/make-fixtures.py). The generated files are committed.
import os, random
RNG = random.Random(42)
ORIGIN = 'https://send-outcomes-england.org.uk'
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"

def page(title, body, head_extra='', csp=True, css='/_astro/site.css', canonical=None):
    h = ['<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if csp:
        h.append(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">')
    h.append(f'<title>{title} – SEND outcomes in England</title>')
    h.append(f'<meta name="description" content="{title}: fixture page for the quality-gate self-tests.">')
    if canonical:
        h.append(f'<link rel="canonical" href="{ORIGIN}{canonical}">')
    if css:
        h.append(f'<link rel="stylesheet" href="{css}">')
    if head_extra:
        h.append(head_extra)
    h += ['</head>', '<body>', '<a class="skip-link" href="#main">Skip to main content</a>',
          '<header>', '<nav aria-label="Main">', '<ul>', '<li><a href="/">Home</a></li>',
          '<li><a href="/areas/warwickshire/">Warwickshire</a></li>', '</ul>', '</nav>', '</header>',
          '<main id="main">', f'<h1>{title}</h1>', body, '</main>',
          '<footer>', '<p>Source: <a href="https://explore-education-statistics.service.gov.uk/">Explore education statistics</a>.</p>', '</footer>',
          '</body>', '</html>', '']
    return '\n'.join(h)

FIGURE = '''<figure id="chart-ehcp">
<figcaption>EHC plans issued within 20 weeks, 2024</figcaption>
<svg role="img" aria-labelledby="chart-ehcp-title" viewBox="0 0 200 60" width="200" height="60">
<title id="chart-ehcp-title">Bar chart: EHC plans issued within 20 weeks</title>
<rect x="0" y="0" width="120" height="25" fill="#1d70b8"></rect>
<rect x="0" y="30" width="80" height="25" fill="#1d70b8"></rect>
</svg>
<details>
<summary>Show the data as a table</summary>
<table>
<caption>EHC plans issued within 20 weeks</caption>
<thead><tr><th scope="col">Area</th><th scope="col">Per cent</th></tr></thead>
<tbody><tr><td>Warwickshire</td><td>60</td></tr><tr><td>England</td><td>46</td></tr></tbody>
</table>
</details>
</figure>'''

GOOD_CSS = '''body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #0b0c0c; background: #fff; }
a { color: #1d70b8; }
nav ul { display: flex; gap: 1rem; list-style: none; padding: 0; }
li a { display: inline-block; padding: 0.5rem 0; }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #fd0; outline-offset: 0; box-shadow: 0 4px #0b0c0c; }
.skip-link { position: absolute; left: -9999px; }
.skip-link:focus { position: static; }
'''

def write(root, rel, text):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w') as f:
        f.write(text)

def sitemap(paths):
    urls = ''.join(f'<url><loc>{ORIGIN}{p}</loc></url>' for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'

G = 'test/fixtures/site-good'
write(G, '_astro/site.css', GOOD_CSS)
write(G, '_astro/search.js', "import { filter } from './chunk.js';\nconst input = document.querySelector('#area-search');\nif (input) input.addEventListener('input', () => filter(input.value));\n")
write(G, '_astro/chunk.js', "export function filter(q) {\n  for (const li of document.querySelectorAll('[data-area]')) li.hidden = !li.dataset.area.includes(q.toLowerCase());\n}\n")
write(G, 'index.html', page('Home', '''<p>How England's local areas do for children with SEND. Read about <a href="/inspections/#ratings">inspection ratings</a>.</p>
<form role="search" action="/areas/">
<label for="area-search">Find an area</label>
<input id="area-search" name="q" type="search">
<button type="submit">Search</button>
</form>
<ul>
<li data-area="warwickshire"><a href="/areas/warwickshire/">Warwickshire</a></li>
</ul>''', head_extra='<script type="module" src="/_astro/search.js"></script>', canonical='/'))
write(G, 'areas/warwickshire/index.html', page('Warwickshire', FIGURE + '''
<p><a href="#chart-ehcp">Jump to the chart</a>. <a href="/data/ehcp.csv">Download the data (CSV)</a>. <a href="https://reports.ofsted.gov.uk/">Ofsted reports</a>.</p>''', canonical='/areas/warwickshire/'))
write(G, 'inspections/index.html', page('Inspections', '''<h2 id="ratings">Ratings</h2>
<p>Inspection outcomes, from <a href="https://www.gov.uk/government/organisations/ofsted">Ofsted</a>.</p>''', canonical='/inspections/'))
write(G, 'areas/index.html', page('Areas', '<ul>\n<li><a href="/areas/warwickshire/">Warwickshire</a></li>\n</ul>', canonical='/areas/'))
write(G, 'embed/areas/warwickshire/index.html', page('Warwickshire chart', FIGURE, head_extra='<meta name="robots" content="noindex">'))
write(G, 'data/ehcp.csv', 'area,value\nWarwickshire,60\n')
write(G, 'data/ehcp.meta.csv', 'column,description\narea,Local authority\nvalue,Per cent of EHC plans issued within 20 weeks\n')
write(G, 'data/catalogue.json', '{"datasets":[{"file":"ehcp.csv","meta":"ehcp.meta.csv"}]}\n')
write(G, 'sitemap.xml', sitemap(['/', '/areas/', '/areas/warwickshire/', '/inspections/']))
write(G, 'robots.txt', f'User-agent: *\nAllow: /\nSitemap: {ORIGIN}/sitemap.xml\n')

B = 'test/fixtures/site-broken'
write(B, '_astro/site.css', GOOD_CSS)
write(B, '_astro/no-focus.css', GOOD_CSS + 'a:focus, a:focus-visible { outline: none; box-shadow: none; }\n')
write(B, '_astro/island.js', "document.documentElement.dataset.js = 'yes';\n")
write(B, 'pixel.png', '')
pages = {
  '/img-no-alt/': page('Image without alt', '<p>A picture:</p>\n<img src="/pixel.png" width="1" height="1">'),
  '/broken-link/': page('Broken links', '<p><a href="/no-such-page/">Missing page</a>. <a href="/areas/warwickshire/#no-such-anchor">Missing anchor</a>. <a href="#nowhere">Missing local anchor</a>. <a href="/img-no-alt/">Fine</a>.</p>'),
  '/external-link/': page('External link', '<p><a href="https://evil.example.com/">Not an official source</a>. <a href="http://www.gov.uk/">Plain http</a>.</p>'),
  '/external-script/': page('External script', '<p>Loads a script from a CDN.</p>', head_extra='<script src="https://cdn.example.com/lib.js"></script>'),
  '/external-style/': page('External font', '<p>Loads a web font.</p>', head_extra='<link rel="stylesheet" href="https://fonts.example.com/css?family=Foo">'),
  '/onclick/': page('Inline handler', '<p><button type="button" onclick="alert(1)">Click</button></p>'),
  '/inline-script/': page('Inline script', '<p>Inline script below.</p>\n<script>document.title = "x";</script>\n<script type="application/ld+json">{"@context":"https://schema.org"}</script>'),
  '/no-csp/': page('No CSP', '<p>This page has no Content-Security-Policy.</p>', csp=False),
  '/invalid-html/': page('Invalid HTML', '<div><p>Unclosed paragraph <span>and a stray end tag</div></p>\n<ul><div>not a list item</div></ul>'),
  '/no-figcaption/': page('Chart without caption', '<figure>\n<svg role="img" aria-label="A chart" viewBox="0 0 10 10" width="10" height="10"><rect x="0" y="0" width="10" height="10" fill="#1d70b8"></rect></svg>\n</figure>'),
  '/focus-hidden/': page('Focus hidden', '<p><a href="/img-no-alt/">A link with no focus style</a>.</p>', css='/_astro/no-focus.css'),
  '/oversize/': page('Oversize page', '<p>' + ''.join(RNG.choice('abcdefghijklmnopqrstuvwxyz0123456789 ') for _ in range(12000)) + '</p>'),
  '/unexpected-js/': page('Script on a page type with no JS budget', '<p>This page type has no island.</p>', head_extra='<script type="module" src="/_astro/island.js"></script>'),
}
# a minimal valid page for the focus/axe baseline and for links to resolve
pages['/areas/warwickshire/'] = page('Warwickshire', '<p>Fine.</p>')
for url, html in pages.items():
    write(B, url.strip('/') + '/index.html', html)
write(B, 'index.html', page('Broken site', '<ul>' + ''.join(f'<li><a href="{u}">{u}</a></li>' for u in pages) + '</ul>'))
write(B, 'sitemap.xml', sitemap(['/'] + list(pages)))
write(B, 'budgets.json', '''{
  "$comment": "Tiny budgets for the gate self-tests: the oversize page (~9 KB gzipped) and the script on a no-JS page type must fail; the other pages must pass.",
  "pageTypes": [
    { "type": "oversize", "pattern": "^/oversize/$", "totalKB": 4, "cssKB": 2, "jsKB": 0 },
    { "type": "page", "pattern": ".*", "totalKB": 4, "cssKB": 2, "jsKB": 0 }
  ]
}
''')
