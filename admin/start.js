// The form editors use at /admin/: Sveltia CMS from npm (pinned in package-lock.json), bundled
// by `make cms` into build/admin/ and copied into the site by the build. It reads config.yml
// beside the page, which the build writes from the schemas and data/vocabulaire.yml.
import CMS from "@sveltia/cms";
import { parse } from "yaml";

import { cardText } from "./layout.js";
import { registerRules } from "./rules.js";

// Each kind of card is saved in the one card layout (admin/layout.js, the same as `kennisbank
// opmaak`), so that changing one field changes only that field's lines. A collection names its
// format in config.yml ("kaart-praktijk" and so on); its Markdown fields are always written as a
// block, so the writer reads which fields those are from the same config. Reading a card uses
// the same YAML library as Sveltia's own "yaml" format.
const config = parse(await (await fetch("config.yml", { cache: "no-cache" })).text());
for (const collection of config.collections ?? []) {
  const schema = String(collection.format ?? "").replace(/^kaart-/, "");
  if (!collection.format?.startsWith("kaart-")) { continue; }
  const markdown = (collection.fields ?? []).filter((f) => f.widget === "markdown").map((f) => f.name);
  CMS.registerCustomFormat(collection.format, "yml", {
    fromFile: (text) => parse(text),
    toFile: (data) => cardText(data, schema, markdown),
  });
}

registerRules(CMS);
CMS.init();
