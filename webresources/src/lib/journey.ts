import { LifecycleStage, LoyaltyPhase } from "./schema";

/** What the form's own columns say about a customer; read without any Web API call. */
export interface CustomerSnapshot {
  readonly name: string | null;
  readonly stage: number | null;
  /** Bare lower-case GUID of the current tier, or null. */
  readonly tierId: string | null;
  readonly tierName: string | null;
  readonly pointsBalance: number | null;
  readonly qualifyingPoints: number | null;
  /** Points waiting for the return window to pass (not redeemable yet). */
  readonly pendingPoints: number | null;
  /** Spend and paid purchases the customer row carries (cx_totalrevenue_base, cx_purchasecount). */
  readonly spend: number | null;
  readonly purchases: number | null;
  readonly tierValidUntil: Date | null;
  readonly upgradeBlocked: boolean;
  readonly upgradeBlockedReason: string | null;
  readonly profileCompleteness: number | null;
  readonly paidInvoiceCount: number | null;
  readonly lastInteractionOn: Date | null;
  readonly lastInteractionDuration: number | null;
}

/** Where one product line (product family) is in the three-phase loyalty cycle. */
export interface ProductLinePhase {
  readonly productLine: string | null;
  readonly phase: number | null;
}

/**
 * A tier of the customer's loyalty program with its qualification paths (null = the tier has no such path).
 * A tier without any path is never earned automatically (TierDefinition in the domain).
 */
export interface TierStep {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly minQualifyingPoints: number | null;
  readonly minSpend: number | null;
  readonly minPurchases: number | null;
}

/** The forward track prospect → advocate. At risk and lapsed sit beside it, not on it. */
export const StageTrack = [
  LifecycleStage.Prospect,
  LifecycleStage.New,
  LifecycleStage.Repeat,
  LifecycleStage.Loyal,
  LifecycleStage.Advocate,
] as const;

/** Position on the forward track, or -1 for at risk, lapsed and unknown values. */
export function stagePosition(stage: number | null): number {
  return StageTrack.findIndex((s) => s === stage);
}

export function isOffTrack(stage: number | null): boolean {
  return stage === LifecycleStage.AtRisk || stage === LifecycleStage.Lapsed;
}

/** 1, 2 or 3 for phases I–III; 0 when unknown. */
export function phaseNumber(phase: number | null): number {
  switch (phase) {
    case LoyaltyPhase.Knowledge:
      return 1;
    case LoyaltyPhase.Growth:
      return 2;
    case LoyaltyPhase.Retention:
      return 3;
    default:
      return 0;
  }
}

/** GUIDs arrive as "{ABC...}" from the form and "abc..." from the Web API. */
export function normalizeId(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}

export type QualificationMeasure = "points" | "spend" | "purchases";

/** What the customer did: qualifying points, spend and paid purchases. A missing value counts as nothing done yet. */
export interface QualificationMeasures {
  readonly points: number | null;
  readonly spend: number | null;
  readonly purchases: number | null;
}

export interface PathProgress {
  readonly measure: QualificationMeasure;
  readonly value: number;
  readonly threshold: number;
  readonly remaining: number;
  /** 0–100, floored, so 99.9 % never reads as done. */
  readonly percent: number;
}

export type TierProgress =
  | { readonly kind: "unknown" }
  | { readonly kind: "top" }
  | {
      readonly kind: "progress";
      readonly nextTier: string;
      /** The customer holds no tier yet: the next tier is their first. */
      readonly firstTier: boolean;
      /** One entry per path the next tier defines, in the order points, spend, purchases. */
      readonly paths: readonly PathProgress[];
      /** The path closest to completion (highest percentage; the earlier path on a tie). */
      readonly closest: PathProgress;
    };

function pathsOf(tier: TierStep, measures: QualificationMeasures): PathProgress[] {
  const candidates: [QualificationMeasure, number | null, number | null][] = [
    ["points", tier.minQualifyingPoints, measures.points],
    ["spend", tier.minSpend, measures.spend],
    ["purchases", tier.minPurchases, measures.purchases],
  ];
  return candidates.flatMap(([measure, threshold, measured]) => {
    if (threshold === null) return [];
    const value = Math.max(0, measured ?? 0);
    const percent = threshold <= 0 ? 100 : Math.min(100, Math.floor((value / threshold) * 100));
    return [{ measure, value, threshold, remaining: Math.max(0, threshold - value), percent }];
  });
}

/**
 * Progress to the next tier that can be earned (the next higher rank with at least one path), on every path it defines.
 * Tiers qualify on any one path, so the path closest to completion is the one to show first.
 */
export function tierProgress(measures: QualificationMeasures, currentTierId: string | null, tiers: readonly TierStep[]): TierProgress {
  if (tiers.length === 0) return { kind: "unknown" };
  const current = currentTierId === null ? undefined : tiers.find((tier) => normalizeId(tier.id) === normalizeId(currentTierId));
  if (currentTierId !== null && current === undefined) return { kind: "unknown" };
  const currentRank = current?.rank ?? Number.NEGATIVE_INFINITY;
  const next = [...tiers]
    .sort((a, b) => a.rank - b.rank)
    .find((tier) => tier.rank > currentRank && pathsOf(tier, measures).length > 0);
  if (next === undefined) return current === undefined ? { kind: "unknown" } : { kind: "top" };
  const paths = pathsOf(next, measures);
  const closest = paths.reduce((best, path) => (path.percent > best.percent ? path : best));
  return { kind: "progress", nextTier: next.name, firstTier: current === undefined, paths, closest };
}
