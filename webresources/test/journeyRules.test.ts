import { describe, expect, it } from "vitest";
import { errorMessage } from "../src/lib/errors";
import { format, languageFromLcid } from "../src/lib/i18n";
import { isOffTrack, journeySummary, phaseNumber, stagePosition, tierProgress, type CustomerSnapshot, type TierStep } from "../src/lib/journey";
import { journeyLabelsFor as messagesFor } from "../src/lib/journeyLabels";
import { LifecycleStage, LoyaltyPhase } from "../src/lib/schema";

const tiers: TierStep[] = [
  { id: "b0000000-0000-0000-0000-000000000002", name: "Silver", rank: 2, minQualifyingPoints: 500 },
  { id: "b0000000-0000-0000-0000-000000000001", name: "Bronze", rank: 1, minQualifyingPoints: 0 },
  { id: "b0000000-0000-0000-0000-000000000003", name: "Gold", rank: 3, minQualifyingPoints: 2000 },
];

const base: CustomerSnapshot = {
  name: "Ana", stage: LifecycleStage.Repeat, tierId: "b0000000-0000-0000-0000-000000000002", tierName: "Silver",
  pointsBalance: 100, qualifyingPoints: 800,
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

  it("measures progress from the current tier's threshold to the next one by rank", () => {
    expect(tierProgress(800, "{B0000000-0000-0000-0000-000000000002}", tiers))
      .toEqual({ kind: "progress", value: 300, max: 1500, percent: 20, remaining: 1200, nextTier: "Gold" });
  });

  it("measures a customer without a tier against the lowest tier", () => {
    expect(tierProgress(0, null, tiers)).toMatchObject({ kind: "progress", nextTier: "Bronze", remaining: 0, percent: 100 });
  });

  it("says top tier at the highest rank and unknown without data", () => {
    expect(tierProgress(5000, "b0000000-0000-0000-0000-000000000003", tiers)).toEqual({ kind: "top" });
    expect(tierProgress(null, base.tierId, tiers)).toEqual({ kind: "unknown" });
    expect(tierProgress(800, base.tierId, [])).toEqual({ kind: "unknown" });
  });

  it("summarises stage, tier and phases", () => {
    expect(journeySummary(base, [{ productLine: "Coffee", phase: LoyaltyPhase.Knowledge }], messagesFor("en")))
      .toBe("Stage: Repeat · Tier: Silver · Phase: I – Knowledge (Coffee)");
    expect(journeySummary({ ...base, stage: 42 }, [{ productLine: null, phase: 7 }], messagesFor("es")))
      .toBe("Etapa: sin definir · Nivel: Silver · Fase: sin definir");
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
