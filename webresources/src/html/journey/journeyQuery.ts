import { StageTrack, normalizeId, type ProductLinePhase, type TierStep } from "../../lib/journey";
import {
  CustomerColumn, LedgerEntryStatus, LifecycleStage, LifecycleTransition, LoyaltyJourney, LoyaltyLedger, LoyaltyProgram, LoyaltyTier,
} from "../../lib/schema";

/** Points that expire soon: the earliest expiry date and what expires on it. */
export interface NextExpiry {
  readonly on: Date;
  readonly points: number;
}


/** What the panel needs beyond the form. */
export interface JourneyData {
  /** cx_paidinvoicecount (paid invoices ever, which answers "products bought"): not on the form, so the query reads it. */
  readonly paidInvoiceCount: number | null;
  readonly phases: readonly ProductLinePhase[];
  readonly tiers: readonly TierStep[];
  readonly nextExpiry: NextExpiry | null;
  /** For an at-risk or lapsed customer: the forward stage they left, from the latest such transition. */
  readonly previousStage: number | null;
}

const JourneyAlias = "journey";
const ProgramAlias = "program";
const ProgramTierAlias = "programtier";
const LotAlias = "lot";
const TransitionAlias = "transition";
const FormattedValue = "@OData.Community.Display.V1.FormattedValue";
const GuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CustomerTables: ReadonlySet<string> = new Set(["contact", "account"]);
/** Points expiring within 30 days are the ones worth telling the customer about (business-rules §2.5 [C1]). */
export const ExpiryHorizonDays = 30;

const attributes = (...names: string[]): string => names.map((name) => `<attribute name="${name}"/>`).join("");
const condition = (attribute: string, operator: string, value?: string | number): string =>
  `<condition attribute="${attribute}" operator="${operator}"${value === undefined ? "" : ` value="${value}"`}/>`;
const values = (attribute: string, list: readonly number[]): string =>
  `<condition attribute="${attribute}" operator="in">${list.map((value) => `<value>${value}</value>`).join("")}</condition>`;
const active = condition("statecode", "eq", 0);

/**
 * One FetchXML query from the customer row, with outer joins to: its active journeys; the active programs with their
 * active tiers; its available lots expiring within ExpiryHorizonDays; and, for an at-risk or lapsed customer, the
 * transitions that took it off the forward track. The rows are the product of these (a handful each).
 *
 * No relationship links a customer to a program, and a customer without a tier (whose first tier the panel shows) has
 * no tier to start from. The tiers that count are those of the active program (LoyaltyProgramReader.Active), so the
 * program is joined on statecode with a filter to active programs: an active customer meets every active program.
 */
export function journeyFetchXml(customerTable: string, customerId: string, offTrack: boolean): string {
  // Both values come from the form, but they end up inside XML: accept only the expected shapes.
  if (!CustomerTables.has(customerTable)) throw new Error(`Not a customer table: ${customerTable}`);
  if (!GuidPattern.test(customerId)) throw new Error("The record id is not a GUID.");
  const key = `${customerTable}id`;
  const transitions = offTrack
    ? [
        `<link-entity name="${LifecycleTransition.table}" from="${LifecycleTransition.customer}" to="${key}" link-type="outer" alias="${TransitionAlias}">`,
        attributes(LifecycleTransition.id, LifecycleTransition.fromStage, LifecycleTransition.on),
        `<filter>${values(LifecycleTransition.toStage, [LifecycleStage.AtRisk, LifecycleStage.Lapsed])}`,
        `${values(LifecycleTransition.fromStage, StageTrack)}</filter>`,
        `</link-entity>`,
      ]
    : [];
  return [
    `<fetch>`,
    `<entity name="${customerTable}">`,
    attributes(key, CustomerColumn.paidInvoiceCount),
    `<filter>${condition(key, "eq", customerId)}</filter>`,
    `<link-entity name="${LoyaltyJourney.table}" from="${LoyaltyJourney.customer}" to="${key}" link-type="outer" alias="${JourneyAlias}">`,
    attributes(LoyaltyJourney.id, LoyaltyJourney.phase, LoyaltyJourney.productFamily),
    `<filter>${active}</filter>`,
    `</link-entity>`,
    `<link-entity name="${LoyaltyProgram.table}" from="statecode" to="statecode" link-type="outer" alias="${ProgramAlias}">`,
    attributes(LoyaltyProgram.id, LoyaltyProgram.createdOn),
    `<filter>${active}</filter>`,
    `<link-entity name="${LoyaltyTier.table}" from="${LoyaltyTier.program}" to="${LoyaltyProgram.id}" link-type="outer" alias="${ProgramTierAlias}">`,
    attributes(LoyaltyTier.id, LoyaltyTier.name, LoyaltyTier.rank, LoyaltyTier.minQualifyingPoints, LoyaltyTier.minSpend, LoyaltyTier.minTransactions),
    `<filter>${active}</filter>`,
    `</link-entity>`,
    `</link-entity>`,
    `<link-entity name="${LoyaltyLedger.table}" from="${LoyaltyLedger.customer}" to="${key}" link-type="outer" alias="${LotAlias}">`,
    attributes(LoyaltyLedger.id, LoyaltyLedger.remainingPoints, LoyaltyLedger.expiresOn),
    `<filter>${condition(LoyaltyLedger.status, "eq", LedgerEntryStatus.Available)}${condition(LoyaltyLedger.remainingPoints, "gt", 0)}`,
    `${condition(LoyaltyLedger.expiresOn, "next-x-days", ExpiryHorizonDays)}</filter>`,
    `</link-entity>`,
    ...transitions,
    `</entity>`,
    `</fetch>`,
  ].join("");
}

type Row = Readonly<Record<string, unknown>>;

const text = (row: Row, key: string): string | null => {
  const value = row[key];
  return typeof value === "string" ? value : null;
};
const number = (row: Row, key: string): number | null => {
  const value = row[key];
  return typeof value === "number" ? value : null;
};
const date = (row: Row, key: string): Date | null => {
  const value = text(row, key);
  const parsed = value === null ? Number.NaN : Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed);
};

/** The oldest active program, as LoyaltyProgramReader.Active picks it. */
function activeProgram(rows: readonly Row[]): string | null {
  let chosen: { id: string; created: number } | null = null;
  for (const row of rows) {
    const id = text(row, `${ProgramAlias}.${LoyaltyProgram.id}`);
    const created = date(row, `${ProgramAlias}.${LoyaltyProgram.createdOn}`)?.getTime() ?? Number.POSITIVE_INFINITY;
    if (id !== null && (chosen === null || created < chosen.created)) chosen = { id: normalizeId(id), created };
  }
  return chosen?.id ?? null;
}

/** Splits the joined rows back into the customer, distinct journeys, tiers, lots and transitions. */
export function parseJourneyRows(rows: readonly Row[]): JourneyData {
  const phases = new Map<string, ProductLinePhase>();
  const tiers = new Map<string, TierStep>();
  const lots = new Map<string, NextExpiry>();
  let previous: { stage: number; on: number } | null = null;
  const program = activeProgram(rows);
  for (const row of rows) {
    const journeyId = text(row, `${JourneyAlias}.${LoyaltyJourney.id}`);
    if (journeyId !== null) {
      phases.set(normalizeId(journeyId), {
        productLine: text(row, `${JourneyAlias}.${LoyaltyJourney.productFamily}${FormattedValue}`),
        phase: number(row, `${JourneyAlias}.${LoyaltyJourney.phase}`),
      });
    }
    const tierId = text(row, `${ProgramTierAlias}.${LoyaltyTier.id}`);
    const rank = number(row, `${ProgramTierAlias}.${LoyaltyTier.rank}`);
    const tierProgram = text(row, `${ProgramAlias}.${LoyaltyProgram.id}`);
    if (tierId !== null && rank !== null && (tierProgram === null || normalizeId(tierProgram) === program)) {
      tiers.set(normalizeId(tierId), {
        id: normalizeId(tierId),
        name: text(row, `${ProgramTierAlias}.${LoyaltyTier.name}`) ?? "",
        rank,
        minQualifyingPoints: number(row, `${ProgramTierAlias}.${LoyaltyTier.minQualifyingPoints}`),
        minSpend: number(row, `${ProgramTierAlias}.${LoyaltyTier.minSpend}`),
        minPurchases: number(row, `${ProgramTierAlias}.${LoyaltyTier.minTransactions}`),
      });
    }
    const lotId = text(row, `${LotAlias}.${LoyaltyLedger.id}`);
    const expiresOn = date(row, `${LotAlias}.${LoyaltyLedger.expiresOn}`);
    const remaining = number(row, `${LotAlias}.${LoyaltyLedger.remainingPoints}`);
    if (lotId !== null && expiresOn !== null && remaining !== null) lots.set(normalizeId(lotId), { on: expiresOn, points: remaining });
    const fromStage = number(row, `${TransitionAlias}.${LifecycleTransition.fromStage}`);
    const movedOn = date(row, `${TransitionAlias}.${LifecycleTransition.on}`)?.getTime() ?? 0;
    if (fromStage !== null && (previous === null || movedOn > previous.on)) previous = { stage: fromStage, on: movedOn };
  }
  const byProductLine = (a: ProductLinePhase, b: ProductLinePhase): number => (a.productLine ?? "").localeCompare(b.productLine ?? "");
  return {
    paidInvoiceCount: rows[0] === undefined ? null : number(rows[0], CustomerColumn.paidInvoiceCount),
    phases: [...phases.values()].sort(byProductLine),
    tiers: [...tiers.values()].sort((a, b) => a.rank - b.rank),
    nextExpiry: nextExpiry([...lots.values()]),
    previousStage: previous?.stage ?? null,
  };
}

/** The earliest expiry date among the lots, with the points of every lot expiring that day. */
function nextExpiry(lots: readonly NextExpiry[]): NextExpiry | null {
  if (lots.length === 0) return null;
  const day = (value: Date): string => value.toISOString().slice(0, 10);
  const first = lots.reduce((earliest, lot) => (lot.on < earliest.on ? lot : earliest));
  const points = lots.filter((lot) => day(lot.on) === day(first.on)).reduce((sum, lot) => sum + lot.points, 0);
  return { on: first.on, points };
}

/** The panel's only Web API call. */
export async function queryJourney(webApi: Xrm.WebApi, customerTable: string, customerId: string, offTrack: boolean): Promise<JourneyData> {
  const fetchXml = journeyFetchXml(customerTable, customerId, offTrack);
  const result = await webApi.retrieveMultipleRecords(customerTable, `?fetchXml=${encodeURIComponent(fetchXml)}`);
  return parseJourneyRows(result.entities as Row[]);
}
