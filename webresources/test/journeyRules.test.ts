import { describe, expect, it } from "vitest";
import { languageFromLcid, format } from "../src/lib/i18n";
import { isOffTrack, journeySummary, phaseNumber, stagePosition, tierProgress, type CustomerSnapshot } from "../src/lib/journey";
import { messagesFor } from "../src/lib/messages";
import { LifecycleStage, LoyaltyPhase } from "../src/lib/schema";
import { errorMessage } from "../src/lib/errors";

const base: CustomerSnapshot = {
  name: "Ana", stage: LifecycleStage.Repeat, tierName: "Silver", phase: LoyaltyPhase.Knowledge,
  pointsBalance: 100, qualifyingPoints: 300, pointsToNextTier: 700,
};

describe("journey rules", () => {
  it.each([[1033, "en"], [3082, "es"], [1034, "es"], [2058, "es"], [1036, "en"], [undefined, "en"]] as const)(
    "maps LCID %s to %s", (lcid, language) => {
      expect(languageFromLcid(lcid)).toBe(language);
    });

  it("places forward stages on the track and keeps at risk / lapsed off it", () => {
    expect(stagePosition(LifecycleStage.Prospect)).toBe(0);
    expect(stagePosition(LifecycleStage.Advocate)).toBe(4);
    expect(stagePosition(LifecycleStage.Lapsed)).toBe(-1);
    expect(isOffTrack(LifecycleStage.AtRisk)).toBe(true);
    expect(isOffTrack(LifecycleStage.Loyal)).toBe(false);
  });

  it("numbers phases I–III", () => {
    expect([LoyaltyPhase.Knowledge, LoyaltyPhase.Growth, LoyaltyPhase.Retention, null].map(phaseNumber)).toEqual([1, 2, 3, 0]);
  });

  it("computes progress to the next tier from qualifying points", () => {
    expect(tierProgress(base)).toEqual({ kind: "progress", value: 300, max: 1000, percent: 30, remaining: 700 });
    expect(tierProgress({ ...base, pointsToNextTier: null })).toEqual({ kind: "top" });
    expect(tierProgress({ ...base, pointsToNextTier: null, tierName: null })).toEqual({ kind: "unknown" });
    expect(tierProgress({ ...base, qualifyingPoints: null })).toEqual({ kind: "unknown" });
    expect(tierProgress({ ...base, qualifyingPoints: 0, pointsToNextTier: 0 })).toMatchObject({ percent: 100 });
  });

  it("summarises stage, tier and phase", () => {
    expect(journeySummary(base, messagesFor("en"))).toBe("Stage: Repeat · Tier: Silver · Phase: I – Knowledge");
    expect(journeySummary({ ...base, stage: 42 }, messagesFor("es"))).toBe("Etapa: sin definir · Nivel: Silver · Fase: I – Conocimiento");
  });

  it("fills placeholders as plain text", () => {
    expect(format("Hello {name} {missing}", { name: "<b>x</b>" })).toBe("Hello <b>x</b> {missing}");
  });

  it("reads error messages defensively", () => {
    expect(errorMessage({ message: "refused" }, "fallback")).toBe("refused");
    expect(errorMessage("boom", "fallback")).toBe("fallback");
    expect(errorMessage({ message: "  " }, "fallback")).toBe("fallback");
  });
});
