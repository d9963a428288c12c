// The one layout of a card file, as the form writes it: the same rules as
// src/kennisbank/layout.py (`kennisbank opmaak`), which says why. tests/test_layout.py feeds both
// the same values, every real card and generated ones, and compares the text byte for byte.
// The form hands over the fields in the order of its config, which is the schema's order.

const INDENT = 2;
const WIDTH = 100;
const PRINTABLE =
  "\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\u{10000}-\\u{10ffff}";
const NOT_PRINTABLE = new RegExp(`[^${PRINTABLE}]`, "u");
const NOT_PRINTABLE_ALL = new RegExp(`[^${PRINTABLE}]`, "gu");
const TYPED = new RegExp(
  "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF" +
    "|~|null|Null|NULL|<<|=|[-+.]?[0-9][0-9_:.eExXa-fA-FoObB+-]*" +
    "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$",
);
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const FIRST = " -?:,[]{}#&*!|>'\"%@`";
const WORD = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const isMapping = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const length = (text) => [...text].length;

const plain = (text) =>
  text !== "" &&
  !FIRST.includes(text[0]) &&
  !text.endsWith(" ") &&
  !text.endsWith(":") &&
  !text.includes(": ") &&
  !text.includes(" #") &&
  !NOT_PRINTABLE.test(text) &&
  (!TYPED.test(text) || DATE.test(text));

const quoted = (text) =>
  JSON.stringify(text).replace(
    NOT_PRINTABLE_ALL,
    (c) => "\\u" + c.codePointAt(0).toString(16).padStart(4, "0"),
  );

const stripEnds = (text) => text.replace(/\n+$/, "");

const block = (text) => {
  const lines = stripEnds(text).split("\n");
  return (
    lines[0] !== "" &&
    !lines[0].startsWith(" ") &&
    !lines.some((line) => line.endsWith(" ") || NOT_PRINTABLE.test(line))
  );
};

const scalar = (value, indent, markdown = false) => {
  if (value === null || value === undefined) { return " null"; }
  if (typeof value === "boolean") { return value ? " true" : " false"; }
  if (typeof value === "number") { return ` ${value}`; }
  const text = String(value);
  if ((text.includes("\n") || markdown) && block(text)) {
    const ends = text.length - stripEnds(text).length;
    const header = ends === 0 ? "|-" : ends === 1 ? "|" : "|+";
    const body = stripEnds(text).split("\n").concat(Array(Math.max(ends - 1, 0)).fill(""));
    const pad = " ".repeat(indent);
    return ` ${header}` + body.map((line) => "\n" + (line ? pad + line : "")).join("");
  }
  return " " + (plain(text) ? text : quoted(text));
};

const key = (name) => (plain(String(name)) ? String(name) : quoted(String(name)));

const flow = (value, room) => {
  if (!value.every((v) => typeof v === "string" && WORD.test(v) && plain(v))) { return null; }
  const text = " [" + value.join(", ") + "]";
  return length(text) <= room ? text : null;
};

const lines = (value, indent, used, markdown = false) => {
  if (isMapping(value)) {
    return Object.keys(value).length ? "\n" + mapping(value, indent) : " {}";
  }
  if (Array.isArray(value)) {
    if (!value.length) { return " []"; }
    return flow(value, WIDTH - used) ?? "\n" + sequence(value, indent);
  }
  return scalar(value, indent, markdown);
};

const mapping = (value, indent, markdown = new Set()) => {
  const pad = " ".repeat(indent);
  return Object.entries(value)
    .map(([k, v]) => {
      const head = `${pad}${key(k)}:`;
      return head + lines(v, indent + INDENT, length(head), markdown.has(k));
    })
    .join("\n");
};

const sequence = (value, indent) => {
  const pad = " ".repeat(indent);
  return value
    .map((item) => {
      if (isMapping(item) && Object.keys(item).length) {
        return pad + "- " + mapping(item, indent + INDENT).slice(indent + INDENT);
      }
      if (Array.isArray(item) && item.length) {
        return pad + "- " + sequence(item, indent + INDENT).slice(indent + INDENT);
      }
      return pad + "-" + lines(item, indent + INDENT, indent + 1);
    })
    .join("\n");
};

/** Line 1 of a card: where the editor finds its schema. */
export const modeline = (schemaName) =>
  `# yaml-language-server: $schema=../schema/${schemaName}.schema.json`;

/**
 * The text of a card in the one layout; `data` has its fields in the schema's order, `markdown`
 * names its Markdown fields (a Markdown text is always a block; the form gives it without the
 * line end at its end).
 */
export const cardText = (data, schemaName, markdown = []) => {
  const body = Object.keys(data).length ? mapping(data, 0, new Set(markdown)) : "{}";
  return `${modeline(schemaName)}\n${body}\n`;
};
