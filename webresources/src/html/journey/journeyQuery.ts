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
const CustomerTable = /^(contact|account)$/;
/** Points expiring within 30 days are the ones worth telling the customer about. */
export const ExpiryHorizonDays = 30;

const JourneyColumns = [LoyaltyJourney.id, LoyaltyJourney.phase, LoyaltyJourney.productFamily];
/** The journey columns as the rows carry them: the product family by its display name. */
const JourneyValues = [LoyaltyJourney.id, LoyaltyJourney.phase, LoyaltyJourney.productFamily + FormattedValue];
const ProgramColumns = [LoyaltyProgram.id, LoyaltyProgram.createdOn];
const TierColumns = [
  LoyaltyTier.id, LoyaltyTier.name, LoyaltyTier.rank, LoyaltyTier.minQualifyingPoints, LoyaltyTier.minSpend, LoyaltyTier.minTransactions,
];
const LotColumns = [LoyaltyLedger.id, LoyaltyLedger.remainingPoints, LoyaltyLedger.expiresOn];
const TransitionColumns = [LifecycleTransition.id, LifecycleTransition.fromStage, LifecycleTransition.on];

const attributes = (names: readonly string[]): string => names.map((name) => `<attribute name="${name}"/>`).join("");
const condition = (attribute: string, operator: string, value?: string | number): string =>
  `<condition attribute="${attribute}" operator="${operator}"${value === undefined ? "" : ` value="${value}"`}/>`;
const values = (attribute: string, list: readonly number[]): string =>
  `<condition attribute="${attribute}" operator="in">${list.map((value) => `<value>${value}</value>`).join("")}</condition>`;
const active = condition("statecode", "eq", 0);
/** An outer join to \`table\` (\`from\` its column, to \`to\` of the parent), with its columns, filter and nested links. */
const link = (table: string, from: string, to: string, alias: string, columns: readonly string[], filter: string, nested = ""): string =>
  `<link-entity name="${table}" from="${from}" to="${to}" link-type="outer" alias="${alias}">`
  + `${attributes(columns)}<filter>${filter}</filter>${nested}</link-entity>`;

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
  if (!CustomerTable.test(customerTable)) throw new Error(`Not a customer table: ${customerTable}`);
  if (!GuidPattern.test(customerId)) throw new Error("The record id is not a GUID.");
  const key = `${customerTable}id`;
  const tiers = link(LoyaltyTier.table, LoyaltyTier.program, LoyaltyProgram.id, ProgramTierAlias, TierColumns, active);
  const lots = condition(LoyaltyLedger.status, "eq", LedgerEntryStatus.Available) + condition(LoyaltyLedger.remainingPoints, "gt", 0)
    + condition(LoyaltyLedger.expiresOn, "next-x-days", ExpiryHorizonDays);
  const offTrackMoves = values(LifecycleTransition.toStage, [LifecycleStage.AtRisk, LifecycleStage.Lapsed])
    + values(LifecycleTransition.fromStage, StageTrack);
  const transitions = link(LifecycleTransition.table, LifecycleTransition.customer, key, TransitionAlias, TransitionColumns, offTrackMoves);
  return `<fetch><entity name="${customerTable}">${attributes([key, CustomerColumn.paidInvoiceCount])}`
    + `<filter>${condition(key, "eq", customerId)}</filter>`
    + link(LoyaltyJourney.table, LoyaltyJourney.customer, key, JourneyAlias, JourneyColumns, active)
    + link(LoyaltyProgram.table, "statecode", "statecode", ProgramAlias, ProgramColumns, active, tiers)
    + link(LoyaltyLedger.table, LoyaltyLedger.customer, key, LotAlias, LotColumns, lots)
    + (offTrack ? transitions : "")
    + `</entity></fetch>`;
}

type Row = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const number = (value: unknown): number | null => (typeof value === "number" ? value : null);
const date = (value: unknown): Date | null => {
  const parsed = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? null : new Date(parsed);
};
/** The values of one joined table's columns in a row, in the order of its column list. */
const pick = (row: Row, alias: string, columns: readonly string[]): unknown[] => columns.map((column) => row[`${alias}.${column}`]);

/** The oldest active program, as LoyaltyProgramReader.Active picks it. */
function activeProgram(rows: readonly Row[]): string | null {
  let chosen: { id: string; created: number } | null = null;
  for (const row of rows) {
    const [id, createdOn] = pick(row, ProgramAlias, ProgramColumns);
    const created = date(createdOn)?.getTime() ?? Number.POSITIVE_INFINITY;
    if (typeof id === "string" && (chosen === null || created < chosen.created)) chosen = { id: normalizeId(id), created };
  }
  return chosen?.id ?? null;
}

/** Splits the joined rows back into distinct journeys, tiers, lots and transitions. */
export function parseJourneyRows(rows: readonly Row[]): JourneyData {
  const phases = new Map<string, ProductLinePhase>();
  const tiers = new Map<string, TierStep>();
  const lots = new Map<string, NextExpiry>();
  let previous: { stage: number; on: number } | null = null;
  const program = activeProgram(rows);
  for (const row of rows) {
    const [journeyId, phase, productLine] = pick(row, JourneyAlias, JourneyValues);
    if (typeof journeyId === "string") phases.set(normalizeId(journeyId), { productLine: text(productLine), phase: number(phase) });
    const [tierId, name, rank, points, spend, purchases] = pick(row, ProgramTierAlias, TierColumns);
    const [tierProgram] = pick(row, ProgramAlias, ProgramColumns);
    const ofProgram = typeof tierProgram !== "string" || normalizeId(tierProgram) === program;
    if (typeof tierId === "string" && typeof rank === "number" && ofProgram) {
      const id = normalizeId(tierId);
      const paths = { minQualifyingPoints: number(points), minSpend: number(spend), minPurchases: number(purchases) };
      tiers.set(id, { id, name: text(name) ?? "", rank, ...paths });
    }
    const [lotId, remaining, expiresOn] = pick(row, LotAlias, LotColumns);
    const on = date(expiresOn);
    if (typeof lotId === "string" && typeof remaining === "number" && on !== null) lots.set(normalizeId(lotId), { on, points: remaining });
    const [, fromStage, movedOn] = pick(row, TransitionAlias, TransitionColumns);
    const moved = date(movedOn)?.getTime() ?? 0;
    if (typeof fromStage === "number" && (previous === null || moved > previous.on)) previous = { stage: fromStage, on: moved };
  }
  const byProductLine = (a: ProductLinePhase, b: ProductLinePhase): number => (a.productLine ?? "").localeCompare(b.productLine ?? "");
  return {
    paidInvoiceCount: number(rows[0]?.[CustomerColumn.paidInvoiceCount]),
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
