import { OperationType, StructuralProperty } from "./xrmConstants";
import { Redemption, Reward, Strategy } from "./schema";

/** An entity-reference parameter as Xrm.WebApi.online.execute serializes it. */
export interface EntityReferenceParameter {
  readonly entityType: string;
  readonly id: string;
}

interface ParameterType {
  readonly typeName: string;
  readonly structuralProperty: number;
}

export interface ExecuteMetadata {
  readonly boundParameter: null;
  readonly operationType: number;
  readonly operationName: string;
  readonly parameterTypes: Readonly<Record<string, ParameterType>>;
}

export interface ExecuteRequest {
  getMetadata(): ExecuteMetadata;
}

const entityParameter = (typeName: string): ParameterType => ({
  typeName,
  structuralProperty: StructuralProperty.EntityType,
});

export const RedeemRewardApi = "cx_RedeemReward";
export const AdvanceStrategyStepApi = "cx_AdvanceStrategyStep";

/** Unbound custom API cx_RedeemReward(Customer, Reward) -> VoucherCode. */
export interface RedeemRewardRequest extends ExecuteRequest {
  readonly Customer: EntityReferenceParameter;
  readonly Reward: EntityReferenceParameter;
}

export interface RedeemRewardResponse {
  readonly VoucherCode?: string;
}

export function redeemRewardRequest(customer: EntityReferenceParameter, rewardId: string): RedeemRewardRequest {
  return {
    Customer: customer,
    Reward: { entityType: Reward.table, id: rewardId },
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Action,
      operationName: RedeemRewardApi,
      parameterTypes: {
        // Customer is contact or account, so the parameter is typed as the base entity.
        Customer: entityParameter("mscrm.crmbaseentity"),
        Reward: entityParameter(`mscrm.${Reward.table}`),
      },
    }),
  };
}

/** Unbound custom API cx_AdvanceStrategyStep(Strategy); refuses with the stage-gate message. */
export interface AdvanceStrategyStepRequest extends ExecuteRequest {
  readonly Strategy: EntityReferenceParameter;
}

export function advanceStrategyStepRequest(strategyId: string): AdvanceStrategyStepRequest {
  return {
    Strategy: { entityType: Strategy.table, id: strategyId },
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Action,
      operationName: AdvanceStrategyStepApi,
      parameterTypes: { Strategy: entityParameter(`mscrm.${Strategy.table}`) },
    }),
  };
}

export const MarkVoucherUsedApi = "cx_MarkVoucherUsed";
export const CancelRedemptionApi = "cx_CancelRedemption";

/** Unbound custom APIs cx_MarkVoucherUsed(Redemption) and cx_CancelRedemption(Redemption) -> Refund, Balance. */
export interface VoucherRequest extends ExecuteRequest {
  readonly Redemption: EntityReferenceParameter;
}

export interface CancelRedemptionResponse {
  readonly Balance?: number;
}

export function voucherRequest(api: typeof MarkVoucherUsedApi | typeof CancelRedemptionApi, redemptionId: string): VoucherRequest {
  return {
    Redemption: { entityType: Redemption.table, id: redemptionId },
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Action,
      operationName: api,
      parameterTypes: { Redemption: entityParameter(`mscrm.${Redemption.table}`) },
    }),
  };
}
