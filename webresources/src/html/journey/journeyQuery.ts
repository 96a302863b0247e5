import { normalizeId, type ProductLinePhase, type TierStep } from "../../lib/journey";
import { LoyaltyJourney, LoyaltyTier } from "../../lib/schema";

/** What the panel needs beyond the form: the phase per product line and the tiers of the program. */
export interface JourneyData {
  readonly phases: readonly ProductLinePhase[];
  readonly tiers: readonly TierStep[];
}

const JourneyAlias = "journey";
const ProgramTierAlias = "programtier";
const FormattedValue = "@OData.Community.Display.V1.FormattedValue";
const GuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CustomerTables: ReadonlySet<string> = new Set(["contact", "account"]);

/**
 * One FetchXML query from the customer row: outer joins to its active loyalty journeys and,
 * through its current tier, to every tier of the same program. The rows are the product of
 * journeys × tiers (a handful each), which is cheaper than a second round trip.
 */
export function journeyFetchXml(customerTable: string, customerId: string): string {
  // Both values come from the form, but they end up inside XML: accept only the expected shapes.
  if (!CustomerTables.has(customerTable)) throw new Error(`Not a customer table: ${customerTable}`);
  if (!GuidPattern.test(customerId)) throw new Error("The record id is not a GUID.");
  const key = `${customerTable}id`;
  return [
    `<fetch>`,
    `<entity name="${customerTable}">`,
    `<attribute name="${key}"/>`,
    `<filter><condition attribute="${key}" operator="eq" value="${customerId}"/></filter>`,
    `<link-entity name="${LoyaltyJourney.table}" from="${LoyaltyJourney.customer}" to="${key}" link-type="outer" alias="${JourneyAlias}">`,
    `<attribute name="${LoyaltyJourney.id}"/><attribute name="${LoyaltyJourney.phase}"/><attribute name="${LoyaltyJourney.productFamily}"/>`,
    `<filter><condition attribute="statecode" operator="eq" value="0"/></filter>`,
    `</link-entity>`,
    `<link-entity name="${LoyaltyTier.table}" from="${LoyaltyTier.id}" to="cx_loyaltytierid" link-type="outer" alias="currenttier">`,
    `<link-entity name="${LoyaltyTier.table}" from="${LoyaltyTier.program}" to="${LoyaltyTier.program}" link-type="outer" alias="${ProgramTierAlias}">`,
    `<attribute name="${LoyaltyTier.id}"/><attribute name="${LoyaltyTier.name}"/><attribute name="${LoyaltyTier.rank}"/><attribute name="${LoyaltyTier.minQualifyingPoints}"/>`,
    `<filter><condition attribute="statecode" operator="eq" value="0"/></filter>`,
    `</link-entity>`,
    `</link-entity>`,
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

/** Splits the joined rows back into distinct journeys and distinct tiers. */
export function parseJourneyRows(rows: readonly Row[]): JourneyData {
  const phases = new Map<string, ProductLinePhase>();
  const tiers = new Map<string, TierStep>();
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
    if (tierId !== null && rank !== null) {
      tiers.set(normalizeId(tierId), {
        id: normalizeId(tierId),
        name: text(row, `${ProgramTierAlias}.${LoyaltyTier.name}`) ?? "",
        rank,
        minQualifyingPoints: number(row, `${ProgramTierAlias}.${LoyaltyTier.minQualifyingPoints}`) ?? 0,
      });
    }
  }
  const byProductLine = (a: ProductLinePhase, b: ProductLinePhase): number => (a.productLine ?? "").localeCompare(b.productLine ?? "");
  return { phases: [...phases.values()].sort(byProductLine), tiers: [...tiers.values()].sort((a, b) => a.rank - b.rank) };
}

/** The panel's only Web API call. */
export async function queryJourney(webApi: Xrm.WebApi, customerTable: string, customerId: string): Promise<JourneyData> {
  const fetchXml = journeyFetchXml(customerTable, customerId);
  const result = await webApi.retrieveMultipleRecords(customerTable, `?fetchXml=${encodeURIComponent(fetchXml)}`);
  return parseJourneyRows(result.entities as Row[]);
}
