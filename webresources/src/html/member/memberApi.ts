import { OperationType, StructuralProperty } from "../../lib/xrmConstants";
import { redeemRewardRequest, voucherRequest, type EntityReferenceParameter, type ExecuteRequest } from "../../lib/customApis";
import {
  CancelRedemptionApi, GetPointsStatementApi, GetRedeemableRewardsApi, MarkVoucherUsedApi, RedeemRewardApi,
} from "../../lib/customApiContracts.generated";
import { Redemption } from "../../lib/schema";

/**
 * The dialog's server calls, all custom APIs through Xrm.WebApi.online.execute: the catalogue and the statement are
 * functions (read-only, GET), redeeming, marking used and cancelling are the existing actions.
 */

export interface RedeemableReward {
  readonly id: string;
  readonly name: string;
  readonly cost: number;
  readonly after: number;
}

export interface Catalogue {
  readonly available: number;
  readonly rewards: readonly RedeemableReward[];
}

export interface StatementLine {
  readonly occurredOn: Date | null;
  readonly entryType: string;
  readonly state: string;
  readonly points: number;
  readonly balance: number;
  readonly reason: string;
  readonly source: string;
}

export interface Voucher {
  readonly code: string;
  readonly redemptionId: string | null;
}

type Json = Readonly<Record<string, unknown>>;
type WebApi = Pick<Xrm.WebApiOnline, "execute">;

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const number = (value: unknown): number => (typeof value === "number" ? value : 0);
const rows = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((row): row is Json => typeof row === "object" && row !== null) : []);

/** A function taking the customer (contact or account, so typed as the base entity). */
function customerFunction(api: typeof GetRedeemableRewardsApi | typeof GetPointsStatementApi, customer: EntityReferenceParameter): ExecuteRequest & Json {
  const parameter = api.request.Customer;
  return {
    [parameter]: customer,
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Function,
      operationName: api.uniqueName,
      parameterTypes: { [parameter]: { typeName: "mscrm.crmbaseentity", structuralProperty: StructuralProperty.EntityType } },
    }),
  };
}

async function call(webApi: WebApi, request: ExecuteRequest): Promise<Json> {
  const response = await webApi.execute(request);
  // An action without response properties answers 204 with no body.
  const body: unknown = response.status === 204 ? {} : await response.json();
  return typeof body === "object" && body !== null ? (body as Json) : {};
}

export async function loadCatalogue(webApi: WebApi, customer: EntityReferenceParameter): Promise<Catalogue> {
  const api = GetRedeemableRewardsApi;
  const body = await call(webApi, customerFunction(api, customer));
  return {
    available: number(body[api.response.Available]),
    rewards: rows(body[api.response.Rewards]).map((row) => ({
      id: text(row["rewardid"]),
      name: text(row["name"]),
      cost: number(row["pointscost"]),
      after: number(row["balanceafter"]),
    })),
  };
}

export async function loadStatement(webApi: WebApi, customer: EntityReferenceParameter): Promise<StatementLine[]> {
  const api = GetPointsStatementApi;
  const body = await call(webApi, customerFunction(api, customer));
  return rows(body[api.response.Lines]).map((row) => {
    const on = text(row["occurredon"]);
    return {
      occurredOn: on === "" ? null : new Date(on),
      entryType: text(row["entrytype"]),
      state: text(row["state"]),
      points: number(row["points"]),
      balance: number(row["runningbalance"]),
      reason: text(row["reason"]),
      source: text(row["source"]),
    };
  });
}

export async function redeem(webApi: WebApi, customer: EntityReferenceParameter, rewardId: string): Promise<Voucher> {
  const body = await call(webApi, redeemRewardRequest(customer, rewardId));
  const redemption = body[RedeemRewardApi.response.Redemption];
  const id = typeof redemption === "object" && redemption !== null ? (redemption as Json)[`${Redemption.table}id`] : undefined;
  return { code: text(body[RedeemRewardApi.response.VoucherCode]), redemptionId: typeof id === "string" ? id : null };
}

export async function markVoucherUsed(webApi: WebApi, redemptionId: string): Promise<void> {
  await call(webApi, voucherRequest(MarkVoucherUsedApi, redemptionId));
}

/** Cancels the redemption; the available points after the refund. */
export async function cancelRedemption(webApi: WebApi, redemptionId: string): Promise<number> {
  const body = await call(webApi, voucherRequest(CancelRedemptionApi, redemptionId));
  return number(body[CancelRedemptionApi.response.Balance]);
}
