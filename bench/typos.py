""" "Bedoel je ...?": the search page's own correction (optimal string alignment, a
Damerau-Levenshtein with adjacent swaps, hand-written in docs/assets/zoeken.js) against two
well-kept npm libraries, on typos made from the site's own word list.

    .venv/bin/python bench/typos.py

The libraries come from node_modules (package.json, npm ci): fastest-levenshtein (Levenshtein,
`closest`) and fuse.js (Bitap fuzzy search). All three run in the same page of Debian's Chromium,
over the same word list (/zoeken/woorden.json). A typo counts as corrected when the first
suggestion is the word it was made from. Typos are made early in the word, where Pagefind's
prefix match cannot help: a swap of the 2nd and 3rd letter, a dropped 2nd letter, a neighbouring
key for the 2nd letter, a doubled 2nd letter.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import REPO, browser, build, copy_repo, machine, serve

MODULES = REPO / "node_modules"
LIBRARIES = """
var module = { exports: {} }, exports = module.exports;
%s
window.fastestLevenshtein = module.exports;
module = { exports: {} }; exports = module.exports;
%s
window.Fuse = module.exports.default || module.exports;
"""
COMPARE = """async (n) => {
  const words = (await (await fetch('../zoeken/woorden.json')).json()).woorden;
  const near = {a:'s',b:'v',c:'x',d:'s',e:'r',f:'d',g:'f',h:'g',i:'o',j:'h',k:'j',l:'k',m:'n',n:'m',
                o:'i',p:'o',q:'w',r:'e',s:'a',t:'r',u:'y',v:'c',w:'q',x:'z',y:'u',z:'x'};
  const known = new Set(words);
  const typos = [];
  for (const w of words.filter(w => w.length >= 5 && /^[a-z]+$/.test(w)).slice(0, n)) {
    const made = [w[0] + w[2] + w[1] + w.slice(3), w[0] + w.slice(2), w[0] + (near[w[1]] || 'a') + w.slice(2),
                  w[0] + w[1] + w.slice(1)];
    for (const t of made) { if (!known.has(t)) { typos.push([t, w]); } }
  }
  const fuse = new Fuse(words, { includeScore: true });
  const methods = {
    'eigen (OSA, zoeken.js)': t => (kbZoeken.nearest(t, words)[0] || null),
    'fastest-levenshtein closest': t => fastestLevenshtein.closest(t, words),
    'fuse.js': t => { const r = fuse.search(t, { limit: 1 }); return r.length ? r[0].item : null; },
  };
  const out = {};
  for (const [name, fn] of Object.entries(methods)) {
    let right = 0;
    const start = performance.now();
    for (const [t, w] of typos) { if (fn(t) === w) { right += 1; } }
    out[name] = [right, typos.length, (performance.now() - start) / typos.length];
  }
  return [out, words.length];
}"""


def main() -> None:
    fl = (MODULES / "fastest-levenshtein" / "mod.js").read_text(encoding="utf-8")
    fuse = (MODULES / "fuse.js" / "dist" / "fuse.min.cjs").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_repo(Path(tmp) / "repo")
        site = Path(tmp) / "site"
        build(root, site)
        with browser() as b, serve(site) as base:
            page = b.new_page()
            page.goto(f"{base}/zoeken/")
            page.wait_for_function("window.kbZoeken !== undefined")
            page.add_script_tag(content=LIBRARIES % (fl, fuse))
            results, size = page.evaluate(COMPARE, 300)
    print(f"Tikfouten verbeteren: {size} woorden in de woordenlijst; {machine()}")
    print(f"{'methode':<32}{'goed':>8}{'van':>6}{'ms per woord':>15}")
    for name, (right, total, ms) in results.items():
        print(f"{name:<32}{right / total:>8.0%}{total:>6}{ms:>15.2f}")


if __name__ == "__main__":
    main()
