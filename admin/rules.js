// Rules of `kennisbank check` that Sveltia's own field options cannot express:
// - a field the schema requires unless another field says otherwise (its `if`/`then`: a practice
//   needs a `plaats` unless it has a `regio` or its provincie is "landelijk"). output/cms.py (with output/formrules.py) writes
//   the cases into config.yml (`tenzij`); any other shape of `if`/`then` stops the build there, so
//   the form never misses a rule silently;
// - the check date (`gecontroleerd`) may not lie after today.
// - a practice's `plaats` is a known place in its provincie, its `regio` a known region
//   (checking/places.py): output/cms.py (with output/formrules.py) writes the names, from the same data/gemeenten.json and
//   data/plaatsen.yml, and the check's message templates (`fouten`) into config.yml.
// All show the check's own words (`fout` and `fouten` in config.yml).
import { Component, createElement } from "react";

export const CONDITIONAL = "kaart-verplicht-tenzij";
export const NOT_LATER = "kaart-datum-niet-later";
export const PLACE = "kaart-plaats";

/** How the check compares names (geodata.fold): case and surrounding spaces do not count. */
const fold = (name) => String(name).split(/\s+/).filter(Boolean).join(" ").toLowerCase();

/** The longest common block of a[alo:ahi] and b[blo:bhi], as Python's difflib finds it (no junk). */
const longestMatch = (a, b, b2j, alo, ahi, blo, bhi) => {
  let [besti, bestj, bestsize] = [alo, blo, 0];
  let j2len = new Map();
  for (let i = alo; i < ahi; i += 1) {
    const next = new Map();
    for (const j of b2j.get(a[i]) ?? []) {
      if (j < blo) { continue; }
      if (j >= bhi) { break; }
      const k = (j2len.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) { [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k]; }
    }
    j2len = next;
  }
  return [besti, bestj, bestsize];
};

/** difflib.SequenceMatcher(None, a, b).ratio() for short names (no junk, no autojunk below 200). */
export const ratio = (first, second) => {
  const [a, b] = [[...first], [...second]];  // code points, as Python's str
  const b2j = new Map();
  [...b].forEach((c, j) => { b2j.set(c, [...(b2j.get(c) ?? []), j]); });
  let matched = 0;
  const queue = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop();
    const [i, j, k] = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
    if (k > 0) {
      matched += k;
      if (alo < i && blo < j) { queue.push([alo, i, blo, j]); }
      if (i + k < ahi && j + k < bhi) { queue.push([i + k, ahi, j + k, bhi]); }
    }
  }
  const total = a.length + b.length;
  return total > 0 ? (2 * matched) / total : 1;
};

/** difflib.get_close_matches(word, possibilities, n=1, cutoff): the best, ties to the larger name. */
const closeMatch = (word, possibilities, cutoff) => {
  let best = null;
  for (const x of possibilities) {
    const score = ratio(x, word);
    if (score >= cutoff && (best === null || score > best.score || (score === best.score && x > best.x))) {
      best = { score, x };
    }
  }
  return best?.x;
};

/** The check's `suggest` (checking/messages.py): the one name an editor most likely meant. */
export const suggest = (value, choices) => {
  const lowered = new Map(choices.map((c) => [c.toLowerCase(), c]));
  const needle = value.trim().toLowerCase();
  const folded = needle.replaceAll(" ", "-").replaceAll("_", "-");
  for (const key of [needle, folded]) {
    if (lowered.has(key)) { return lowered.get(key); }
  }
  const close = closeMatch(needle, [...lowered.keys()], 0.6);
  return close === undefined ? null : lowered.get(close);
};

/** A message template of config.yml with its {placeholders} filled in (each value once, as data). */
const fill = (template, values) =>
  String(template).replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));

const message = (words, hint) => {
  const text = hint ? `${words} (${hint})` : words;
  return text[0].toUpperCase() + text.slice(1);
};

const names = (text) => (text ? String(text).split("; ") : []);
const spots = (byProvince) =>
  Object.entries(byProvince ?? {}).flatMap(([provincie, text]) =>
    names(text).map((naam) => ({ naam, provincie })));
const sorted = (items) => [...new Set(items)].sort();

/** The check's place rule (checking/places.py `_place_problem`) as a message, or null. */
export const placeProblem = (value, provincie, rule) => {
  const { fouten } = rule;
  const known = [...spots(rule.gemeenten), ...spots(rule.kleine_plaatsen)];
  const found = known.filter((s) => fold(s.naam) === fold(value));
  const here = found.filter((s) => !provincie || provincie === "landelijk" || s.provincie === provincie);
  if (here.length > 0) {
    const spot = here[0];
    const unlocated = names(rule.zonder_plek?.[spot.provincie]).some((n) => fold(n) === fold(spot.naam));
    return unlocated ? message(fill(fouten.zonder_plek, { plaats: value }), fouten.zonder_plek_hint) : null;
  }
  const label = (slug) => rule.provincies?.[slug] ?? slug;
  if (found.length > 0) {
    return message(
      fill(fouten.elders, {
        plaats: value,
        waar: sorted(found.map((s) => label(s.provincie))).join(" en "),
        hier: label(provincie),
      }),
      fill(fouten.elders_hint, { provincies: sorted(found.map((s) => s.provincie)).join(" of ") }),
    );
  }
  const guess = suggest(value, sorted(spots(rule.gemeenten).map((s) => s.naam)))
    ?? suggest(value, sorted(spots(rule.kleine_plaatsen).map((s) => s.naam)));
  return message(
    fill(fouten.onbekend, { plaats: value }),
    guess ? fill(fouten.gok, { gok: guess }) : fouten.onbekend_hint,
  );
};

/** The check's region rule (checking/places.py `place_problems`) as a message, or null. */
export const regionProblem = (value, rule) => {
  const { fouten } = rule;
  if (rule.regios.some((r) => fold(r) === fold(value))) { return null; }
  const guess = suggest(value, rule.regios);
  return message(
    fill(fouten.onbekend, { regio: value }),
    guess ? fill(fouten.gok, { gok: guess }) : fouten.onbekend_hint,
  );
};

/** The place or region problem of a field of type PLACE or CONDITIONAL, or null. */
const whereProblem = (value, field, valueOf) => {
  const rule = field.toJS?.() ?? {};
  if (!filled(value) || !rule.fouten) { return null; }
  if (rule.regios) { return regionProblem(value, rule); }
  if (rule.gemeenten) { return placeProblem(value, valueOf("provincie"), rule); }
  return null;
};

/** Today as YYYY-MM-DD on this computer's calendar. */
const today = () => {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

const filled = (value) =>
  value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");

/** Whether one of the cases lifts the requirement, for the entry's current values. */
export const lifted = (cases, valueOf) =>
  cases.some(({ veld, waarde }) =>
    waarde === undefined ? filled(valueOf(veld)) : valueOf(veld) === waarde,
  );

export const registerRules = (CMS) => {
  const Text = CMS.getFieldType("string").control;

  // A text field like the built-in one, plus `isValid`, which the form calls before it saves.
  class ConditionalText extends Component {
    async isValid(value, field) {
      // The entry's values reach this control as a prop after each change; let the last one land.
      await new Promise((resolve) => { setTimeout(resolve, 50); });
      const entry = this.props.entry;
      const valueOf = (name) => entry?.getIn(["data", name]);
      const cases = field.get("tenzij")?.toJS?.() ?? [];
      if (!filled(value) && !lifted(cases, valueOf)) {
        return { error: { message: String(field.get("fout")) } };
      }
      const problem = whereProblem(value, field, valueOf);
      return problem ? { error: { message: problem } } : true;
    }

    render() {
      return createElement(Text, this.props);
    }
  }

  CMS.registerFieldType(CONDITIONAL, ConditionalText);

  // A text field like the built-in one that may stay empty; filled in, it must be a known place
  // or region (`regio`, and `plaats` when the schema has no condition on it).
  class PlaceText extends Component {
    async isValid(value, field) {
      await new Promise((resolve) => { setTimeout(resolve, 50); });
      const entry = this.props.entry;
      const problem = whereProblem(value, field, (name) => entry?.getIn(["data", name]));
      return problem ? { error: { message: problem } } : true;
    }

    render() {
      return createElement(Text, this.props);
    }
  }

  CMS.registerFieldType(PLACE, PlaceText);

  const DateField = CMS.getFieldType("datetime").control;

  class NotLaterDate extends Component {
    isValid(value, field) {
      if (typeof value !== "string" || value === "" || value <= today()) { return true; }
      return { error: { message: String(field.get("fout")).replace("{datum}", value) } };
    }

    render() {
      return createElement(DateField, this.props);
    }
  }

  CMS.registerFieldType(NOT_LATER, NotLaterDate);
};
