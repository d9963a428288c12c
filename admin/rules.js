// Rules of `kennisbank check` that Sveltia's own field options cannot express:
// - a field the schema requires unless another field says otherwise (its `if`/`then`: a practice
//   needs a `plaats` unless it has a `regio` or its provincie is "landelijk"). output/cms.py writes
//   the cases into config.yml (`tenzij`); any other shape of `if`/`then` stops the build there, so
//   the form never misses a rule silently;
// - the check date (`gecontroleerd`) may not lie after today.
// Both show the check's own words (`fout` in config.yml).
import { Component, createElement } from "react";

export const CONDITIONAL = "kaart-verplicht-tenzij";
export const NOT_LATER = "kaart-datum-niet-later";

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
      if (filled(value) || lifted(cases, valueOf)) { return true; }
      return { error: { message: String(field.get("fout")) } };
    }

    render() {
      return createElement(Text, this.props);
    }
  }

  CMS.registerFieldType(CONDITIONAL, ConditionalText);

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
