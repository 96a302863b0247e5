import { LifecycleStage, LoyaltyPhase } from "./schema";
import type { JourneyLabelKey, JourneyLabels } from "./journeyLabels";

/** What the form's own columns say about a customer; read without any Web API call. */
export interface CustomerSnapshot {
  readonly name: string | null;
  readonly stage: number | null;
  /** Bare lower-case GUID of the current tier, or null. */
  readonly tierId: string | null;
  readonly tierName: string | null;
  readonly pointsBalance: number | null;
  readonly qualifyingPoints: number | null;
}

/** Where one product line (product family) is in the three-phase loyalty cycle. */
export interface ProductLinePhase {
  readonly productLine: string | null;
  readonly phase: number | null;
}

/** A tier of the customer's loyalty program. */
export interface TierStep {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly minQualifyingPoints: number;
}

/** The forward track prospect → advocate. At risk and lapsed sit beside it, not on it. */
export const StageTrack = [
  LifecycleStage.Prospect,
  LifecycleStage.New,
  LifecycleStage.Repeat,
  LifecycleStage.Loyal,
  LifecycleStage.Advocate,
] as const;

const stageKeys: ReadonlyMap<number, JourneyLabelKey> = new Map<number, JourneyLabelKey>([
  [LifecycleStage.Prospect, "stageProspect"],
  [LifecycleStage.New, "stageNew"],
  [LifecycleStage.Repeat, "stageRepeat"],
  [LifecycleStage.Loyal, "stageLoyal"],
  [LifecycleStage.Advocate, "stageAdvocate"],
  [LifecycleStage.AtRisk, "stageAtRisk"],
  [LifecycleStage.Lapsed, "stageLapsed"],
]);

const phaseKeys: ReadonlyMap<number, JourneyLabelKey> = new Map<number, JourneyLabelKey>([
  [LoyaltyPhase.Knowledge, "phaseKnowledge"],
  [LoyaltyPhase.Growth, "phaseGrowth"],
  [LoyaltyPhase.Retention, "phaseRetention"],
]);

export function stageLabel(stage: number | null, messages: JourneyLabels): string | null {
  const key = stage === null ? undefined : stageKeys.get(stage);
  return key === undefined ? null : messages[key];
}

export function phaseLabel(phase: number | null, messages: JourneyLabels): string | null {
  const key = phase === null ? undefined : phaseKeys.get(phase);
  return key === undefined ? null : messages[key];
}

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

export type TierProgress =
  | { readonly kind: "unknown" }
  | { readonly kind: "top" }
  | {
      readonly kind: "progress";
      readonly value: number;
      readonly max: number;
      readonly percent: number;
      readonly remaining: number;
      readonly nextTier: string;
    };

/**
 * Progress from the current tier's threshold to the next tier's, on qualifying points
 * (points earned in the tier window, not the redeemable balance). Higher rank = better tier.
 */
export function tierProgress(qualifyingPoints: number | null, currentTierId: string | null, tiers: readonly TierStep[]): TierProgress {
  if (qualifyingPoints === null || tiers.length === 0) return { kind: "unknown" };
  const current = currentTierId === null ? undefined : tiers.find((tier) => normalizeId(tier.id) === normalizeId(currentTierId));
  const currentRank = current?.rank ?? Number.NEGATIVE_INFINITY;
  const next = [...tiers].sort((a, b) => a.rank - b.rank).find((tier) => tier.rank > currentRank);
  if (next === undefined) return current === undefined ? { kind: "unknown" } : { kind: "top" };
  const floor = current?.minQualifyingPoints ?? 0;
  const max = Math.max(0, next.minQualifyingPoints - floor);
  const value = Math.min(max, Math.max(0, qualifyingPoints - floor));
  const remaining = Math.max(0, next.minQualifyingPoints - qualifyingPoints);
  const percent = max === 0 ? 100 : Math.floor((value / max) * 100);
  return { kind: "progress", value, max, percent, remaining, nextTier: next.name };
}

/** At most this many product lines in the one-line notification; the panel lists them all. */
const MaxPhasesInSummary = 3;

function phasesSummary(phases: readonly ProductLinePhase[], messages: JourneyLabels): string {
  const known = phases.filter((line) => phaseLabel(line.phase, messages) !== null);
  if (known.length === 0) return messages.notSet;
  const parts = known.slice(0, MaxPhasesInSummary).map((line) => {
    const label = phaseLabel(line.phase, messages) ?? "";
    return line.productLine === null ? label : `${label} (${line.productLine})`;
  });
  const more = known.length - MaxPhasesInSummary;
  return more > 0 ? `${parts.join(", ")} +${more}` : parts.join(", ");
}

/** The one-line form notification: stage, tier and loyalty phase per product line. */
export function journeySummary(snapshot: CustomerSnapshot, phases: readonly ProductLinePhase[], messages: JourneyLabels): string {
  const stage = stageLabel(snapshot.stage, messages) ?? messages.notSet;
  const tier = snapshot.tierName ?? messages.noTier;
  return `${messages.stage}: ${stage} · ${messages.tier}: ${tier} · ${messages.phase}: ${phasesSummary(phases, messages)}`;
}
