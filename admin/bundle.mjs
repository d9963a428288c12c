// `make cms`: bundles the form at /admin/ (Sveltia CMS from npm, exactly the version in
// package-lock.json, whose integrity npm checked on install) into build/admin/, with the fonts
// and other files it loads beside it and the licence of every package that is in the bundle.
// The build copies build/admin/ into the site as /admin/. Nothing is fetched from elsewhere.
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = "build/admin";
const cms = "node_modules/@sveltia/cms";
rmSync(out, { recursive: true, force: true });  // never keep a file a pull request left there
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: { "kennisbank-cms": "admin/start.js" },  // not "sveltia-cms": it would start twice
  bundle: true,
  format: "esm",
  splitting: true,  // the syntax colours of 300 languages load only when used
  minify: true,
  outdir: out,
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",  // the licences are in LICENSES.txt
  metafile: true,
  logLevel: "warning",
});

// Its fonts, icons and image decoders, loaded relative to the bundle.
cpSync(join(cms, "npm", "assets"), join(out, "assets"), {
  recursive: true,
  filter: (src) => !src.endsWith(".map"),
});

// One licence file for everything in the bundle: every package whose code went in.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match) { packages.add(match[1]); }
}
const sections = [];
for (const name of [...packages].sort()) {
  const folder = join("node_modules", name);
  const meta = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const licence = readdirSync(folder).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = licence ? readFileSync(join(folder, licence), "utf8").trim() : `License: ${meta.license}`;
  sections.push(`${name} ${meta.version} (${meta.license})\n\n${text}`);
}
for (const licence of readdirSync(join(cms, "npm", "assets")).filter((f) => f.endsWith(".LICENSE.txt"))) {
  sections.push(`${licence.replace(".LICENSE.txt", "")} (font)\n\n` +
    readFileSync(join(cms, "npm", "assets", licence), "utf8").trim());
}
writeFileSync(join(out, "LICENSES.txt"), sections.join("\n\n" + "-".repeat(72) + "\n\n") + "\n");
const version = JSON.parse(readFileSync(join(cms, "package.json"), "utf8")).version;
writeFileSync(join(out, "VERSION.txt"), `@sveltia/cms ${version}\n`);
if (!existsSync(join(out, "kennisbank-cms.js"))) { throw new Error("no bundle"); }
console.log(`build/admin: Sveltia CMS ${version}, ${packages.size} packages`);
