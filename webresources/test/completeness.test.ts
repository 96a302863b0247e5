import { describe, expect, it } from "vitest";
import { completenessGaps, type CompletenessFacts } from "../src/lib/completeness";

/** ProfileCompleteness (plugins/Crm.Extensions.Domain/Intimacy): eight questions, 12.5 points each, rounded half away from zero. */
const answeredOnRow: CompletenessFacts = {
  score: 38, stage: 586700001, paidInvoiceCount: 2, lastInteractionOn: new Date("2026-11-02T10:00:00Z"), lastInteractionDuration: 15,
};

describe("profile completeness gaps", () => {
  it("names what the customer row proves missing and counts the rest from the score", () => {
    // 38 % = 3 of 8 answered; the row answers stage only, so bought and last interaction are missing, plus 3 of the other 5.
    expect(completenessGaps({ ...answeredOnRow, paidInvoiceCount: 0, lastInteractionDuration: null }))
      .toEqual({ score: 38, missing: ["qBought", "qLastInteraction"], relatedMissing: 3 });
  });

  it("lists all five related-row questions when none of them is answered", () => {
    expect(completenessGaps({ ...answeredOnRow, score: 38 })).toEqual({ score: 38, missing: [], relatedMissing: 5 });
  });

  it("has no gaps at 100 %", () => {
    expect(completenessGaps({ ...answeredOnRow, score: 100 })).toEqual({ score: 100, missing: [], relatedMissing: 0 });
  });

  it("is null when the score was never computed", () => {
    expect(completenessGaps({ ...answeredOnRow, score: null })).toBeNull();
  });

  it("treats an unknown stage as the missing stage answer", () => {
    expect(completenessGaps({ ...answeredOnRow, score: 88, stage: null })).toEqual({ score: 88, missing: ["qStage"], relatedMissing: 0 });
  });
});
