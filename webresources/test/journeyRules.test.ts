import { describe, expect, it } from "vitest";
import { errorMessage } from "../src/lib/errors";
import { format, languageFromLcid } from "../src/lib/i18n";
import { isOffTrack, phaseNumber, stagePosition } from "../src/lib/journey";
import { LifecycleStage, LoyaltyPhase } from "../src/lib/schema";

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

  it("fills placeholders as plain text", () => {
    expect(format("Hello {name} {missing}", { name: "<b>x</b>" })).toBe("Hello <b>x</b> {missing}");
  });

  it("reads error messages defensively", () => {
    expect(errorMessage({ message: "refused" }, "fallback")).toBe("refused");
    expect(errorMessage("boom", "fallback")).toBe("fallback");
    expect(errorMessage({ message: "  " }, "fallback")).toBe("fallback");
  });
});
