/**
 * Which of the eight "who is the customer?" questions are still open, as far as the customer row tells.
 * The score (cx_profilecompleteness) is computed by ProfileCompleteness in plugins/Crm.Extensions.Domain/Intimacy:
 * each question weighs 12.5 points, rounded half away from zero. Three answers live on the customer row (stage,
 * paid invoices, last interaction with its duration); the other five need related rows (interactions, preferences,
 * cases), so the panel names them as a group with the count the score implies, instead of querying five tables.
 */
export type ProfileQuestion =
  | "qStage"
  | "qWhyToday"
  | "qInterest"
  | "qBought"
  | "qProblems"
  | "qPreferences"
  | "qResponse"
  | "qLastInteraction";

/** The five questions only related rows answer, in the order of ProfileQuestion in the domain. */
export const RelatedRowQuestions: readonly ProfileQuestion[] = ["qWhyToday", "qInterest", "qProblems", "qPreferences", "qResponse"];

const QuestionCount = 8;

export interface CompletenessFacts {
  readonly score: number | null;
  readonly stage: number | null;
  readonly paidInvoiceCount: number | null;
  readonly lastInteractionOn: Date | null;
  readonly lastInteractionDuration: number | null;
}

export interface CompletenessGaps {
  readonly score: number;
  /** Open questions the customer row proves open. */
  readonly missing: readonly ProfileQuestion[];
  /** How many of RelatedRowQuestions are open, from the score; all five are listed as "one of these". */
  readonly relatedMissing: number;
}

/** Null when the score was never computed. */
export function completenessGaps(facts: CompletenessFacts): CompletenessGaps | null {
  if (facts.score === null) return null;
  const score = Math.min(100, Math.max(0, facts.score));
  const missing: ProfileQuestion[] = [];
  if (facts.stage === null) missing.push("qStage");
  if ((facts.paidInvoiceCount ?? 0) <= 0) missing.push("qBought");
  if (facts.lastInteractionOn === null || facts.lastInteractionDuration === null) missing.push("qLastInteraction");
  // Inverse of the domain's rounding: the answered count is the one whose rounded score is the stored score.
  const answered = Math.round((score * QuestionCount) / 100);
  const open = QuestionCount - answered;
  const relatedMissing = Math.min(RelatedRowQuestions.length, Math.max(0, open - missing.length));
  return { score, missing, relatedMissing };
}
