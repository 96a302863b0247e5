import { LifecycleStage, LoyaltyPhase } from "./schema";
import type { MessageKey, Messages } from "./messages";

/** What the form already knows about a customer; read without any Web API call. */
export interface CustomerSnapshot {
  readonly name: string | null;
  readonly stage: number | null;
  readonly tierName: string | null;
  readonly phase: number | null;
  readonly pointsBalance: number | null;
  readonly qualifyingPoints: number | null;
  /** Null at the top tier (nothing left to reach) or before the tier plugin has run. */
  readonly pointsToNextTier: number | null;
}

/** The forward track prospect → advocate. At risk and lapsed sit beside it, not on it. */
export const StageTrack = [
  LifecycleStage.Prospect,
  LifecycleStage.New,
  LifecycleStage.Repeat,
  LifecycleStage.Loyal,
  LifecycleStage.Advocate,
] as const;

const stageKeys: ReadonlyMap<number, MessageKey> = new Map<number, MessageKey>([
  [LifecycleStage.Prospect, "stageProspect"],
  [LifecycleStage.New, "stageNew"],
  [LifecycleStage.Repeat, "stageRepeat"],
  [LifecycleStage.Loyal, "stageLoyal"],
  [LifecycleStage.Advocate, "stageAdvocate"],
  [LifecycleStage.AtRisk, "stageAtRisk"],
  [LifecycleStage.Lapsed, "stageLapsed"],
]);

const phaseKeys: ReadonlyMap<number, MessageKey> = new Map<number, MessageKey>([
  [LoyaltyPhase.Knowledge, "phaseKnowledge"],
  [LoyaltyPhase.Growth, "phaseGrowth"],
  [LoyaltyPhase.Retention, "phaseRetention"],
]);

export function stageLabel(stage: number | null, messages: Messages): string | null {
  const key = stage === null ? undefined : stageKeys.get(stage);
  return key === undefined ? null : messages[key];
}

export function phaseLabel(phase: number | null, messages: Messages): string | null {
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

export type TierProgress =
  | { readonly kind: "unknown" }
  | { readonly kind: "top" }
  | { readonly kind: "progress"; readonly value: number; readonly max: number; readonly percent: number; readonly remaining: number };

/**
 * Progress toward the next tier from qualifying points (points earned in the tier window,
 * not the redeemable balance) and the points still missing.
 */
export function tierProgress(snapshot: CustomerSnapshot): TierProgress {
  const qualifying = snapshot.qualifyingPoints;
  if (qualifying === null) return { kind: "unknown" };
  const remaining = snapshot.pointsToNextTier;
  if (remaining === null) return snapshot.tierName === null ? { kind: "unknown" } : { kind: "top" };
  const value = Math.max(0, qualifying);
  const max = value + Math.max(0, remaining);
  const percent = max === 0 ? 100 : Math.floor((value / max) * 100);
  return { kind: "progress", value, max, percent, remaining: Math.max(0, remaining) };
}

/** The one-line form notification: stage, tier and phase. */
export function journeySummary(snapshot: CustomerSnapshot, messages: Messages): string {
  const stage = stageLabel(snapshot.stage, messages) ?? messages.notSet;
  const tier = snapshot.tierName ?? messages.noTier;
  const phase = phaseLabel(snapshot.phase, messages) ?? messages.notSet;
  return `${messages.stage}: ${stage} · ${messages.tier}: ${tier} · ${messages.phase}: ${phase}`;
}
