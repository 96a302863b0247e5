import { textsFor, userLanguage, defineCatalog } from "../lib/i18n";
import { readNumber } from "../lib/formData";
import { Survey } from "../lib/schema";

/** cx_satisfactionsurvey main form -> CrmExtensions.Survey (cx_/scripts/survey_form.js). */

const surveyTexts = defineCatalog({
  en: {
    npsOutOfRange: "NPS must be a whole number from 0 to 10.",
    csatOutOfRange: "CSAT must be a whole number from 1 to 5.",
  },
  es: {
    npsOutOfRange: "El NPS debe ser un número entero de 0 a 10.",
    csatOutOfRange: "El CSAT debe ser un número entero de 1 a 5.",
  },
});

interface ScoreRule {
  readonly column: string;
  readonly min: number;
  readonly max: number;
  readonly message: keyof typeof surveyTexts.en;
}

/** NPS is asked on 0–10; CSAT is normalised to 1–5. */
const rules: readonly ScoreRule[] = [
  { column: Survey.nps, min: 0, max: 10, message: "npsOutOfRange" },
  { column: Survey.csat, min: 1, max: 5, message: "csatOutOfRange" },
];

const notificationId = (rule: ScoreRule): string => `${rule.column}_range`;

function isValidScore(value: number | null, rule: ScoreRule): boolean {
  // Empty is allowed: a survey may carry only one of the two scores.
  return value === null || (Number.isInteger(value) && value >= rule.min && value <= rule.max);
}

/** Shows or clears the control notification of one score; returns whether it is valid. */
function validate(formContext: Xrm.FormContext, rule: ScoreRule): boolean {
  const control = formContext.getControl<Xrm.Controls.NumberControl>(rule.column);
  const valid = isValidScore(readNumber(formContext, rule.column), rule);
  if (valid) {
    control?.clearNotification(notificationId(rule));
  } else {
    control?.setNotification(textsFor(surveyTexts, userLanguage())[rule.message], notificationId(rule));
  }
  return valid;
}

function validateAll(formContext: Xrm.FormContext): boolean {
  // Validate every rule (no short-circuit) so each invalid control shows its own message.
  return rules.map((rule) => validate(formContext, rule)).every(Boolean);
}

export function onLoad(executionContext: Xrm.Events.EventContext): void {
  validateAll(executionContext.getFormContext());
}

/** OnChange of cx_npsscore and cx_csatscore. */
export function onScoreChange(executionContext: Xrm.Events.EventContext): void {
  validateAll(executionContext.getFormContext());
}

/** OnSave: a score out of range blocks the save (the control notification says why). */
export function onSave(executionContext: Xrm.Events.SaveEventContext): void {
  if (!validateAll(executionContext.getFormContext())) {
    executionContext.getEventArgs().preventDefault();
  }
}
