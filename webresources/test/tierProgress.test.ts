import { describe, expect, it } from "vitest";
import { tierProgress, type PathProgress, type QualificationMeasures, type TierStep } from "../src/lib/journey";

/**
 * Tiers qualify on any one of their paths (TierDefinition.IsQualifiedBy in plugins/Crm.Extensions.Domain): qualifying
 * points, spend or number of purchases in the window. A path the tier row leaves empty is no path.
 */
type Paths = Partial<Pick<TierStep, "minQualifyingPoints" | "minSpend" | "minPurchases">>;
const tier = (id: number, name: string, rank: number, paths: Paths): TierStep => ({
  id: `b0000000-0000-0000-0000-00000000000${String(id)}`,
  name,
  rank,
  minQualifyingPoints: paths.minQualifyingPoints ?? null,
  minSpend: paths.minSpend ?? null,
  minPurchases: paths.minPurchases ?? null,
});

const bronze = tier(1, "Bronze", 1, { minQualifyingPoints: 500 });
const silver = tier(2, "Silver", 2, { minQualifyingPoints: 1000, minSpend: 2000, minPurchases: 10 });
const gold = tier(3, "Gold", 3, { minSpend: 5000 });
const vip = tier(4, "VIP", 4, {});
const tiers = [gold, bronze, vip, silver];
const measures = (points: number | null, spend: number | null, purchases: number | null): QualificationMeasures =>
  ({ points, spend, purchases });
/** The paths of a progress, or none when there is no next tier. */
const pathsOf = (progress: ReturnType<typeof tierProgress>): readonly PathProgress[] =>
  (progress.kind === "progress" ? progress.paths : []);

describe("tier progress on every qualification path", () => {
  it("shows a customer without a tier the points to the first tier", () => {
    expect(tierProgress(measures(null, null, null), null, tiers)).toEqual({
      kind: "progress",
      nextTier: "Bronze",
      firstTier: true,
      paths: [{ measure: "points", value: 0, threshold: 500, remaining: 500, percent: 0 }],
      closest: { measure: "points", value: 0, threshold: 500, remaining: 500, percent: 0 },
    });
  });

  it("measures the qualifying-points path", () => {
    const progress = tierProgress(measures(750, 0, 0), bronze.id, tiers);
    expect(progress).toMatchObject({ kind: "progress", nextTier: "Silver", firstTier: false });
    expect(pathsOf(progress)[0]).toEqual({ measure: "points", value: 750, threshold: 1000, remaining: 250, percent: 75 });
  });

  it("measures the spend path", () => {
    const progress = tierProgress(measures(0, 1500, 0), "{B0000000-0000-0000-0000-000000000001}", tiers);
    expect(pathsOf(progress)[1]).toEqual({ measure: "spend", value: 1500, threshold: 2000, remaining: 500, percent: 75 });
  });

  it("measures the number-of-purchases path", () => {
    const progress = tierProgress(measures(0, 0, 9), bronze.id, tiers);
    expect(pathsOf(progress)[2]).toEqual({ measure: "purchases", value: 9, threshold: 10, remaining: 1, percent: 90 });
  });

  it("lists every path of the next tier and picks the one closest to completion", () => {
    const progress = tierProgress(measures(100, 1800, 3), bronze.id, tiers);
    expect(pathsOf(progress).map((path) => [path.measure, path.percent])).toEqual([["points", 10], ["spend", 90], ["purchases", 30]]);
    expect(progress.kind === "progress" && progress.closest.measure).toBe("spend");
  });

  it("keeps the earlier path on a tie", () => {
    const progress = tierProgress(measures(500, 1000, 5), bronze.id, tiers);
    expect(progress.kind === "progress" && progress.closest.measure).toBe("points");
  });

  it("floors the percentage and caps it at 100 with nothing remaining", () => {
    const progress = tierProgress(measures(999, 9000, 0), bronze.id, tiers);
    expect(pathsOf(progress).map((path) => [path.percent, path.remaining])).toEqual([[99, 1], [100, 0], [0, 10]]);
  });

  it("skips a tier without paths (granted by hand or the VIP guarantee only) and calls the last earnable tier the top", () => {
    expect(tierProgress(measures(0, 0, 0), gold.id, tiers)).toEqual({ kind: "top" });
    expect(tierProgress(measures(0, 0, 0), vip.id, tiers)).toEqual({ kind: "top" });
  });

  it("is unknown without tiers or with a tier outside the program", () => {
    expect(tierProgress(measures(800, 0, 0), bronze.id, [])).toEqual({ kind: "unknown" });
    expect(tierProgress(measures(800, 0, 0), "c0000000-0000-0000-0000-000000000009", tiers)).toEqual({ kind: "unknown" });
    expect(tierProgress(measures(800, 0, 0), null, [vip])).toEqual({ kind: "unknown" });
  });
});
