import { OperationType, StructuralProperty } from "./xrmConstants";
import { PortfolioAnalysis, Redemption, Reward, Strategy } from "./schema";
import {
  AdvanceStrategyStepApi,
  CancelRedemptionApi,
  MarkVoucherUsedApi,
  RedeemRewardApi,
  ResumePortfolioAnalysisApi,
} from "./customApiContracts.generated";

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

const redeem = RedeemRewardApi.request;
const advance = AdvanceStrategyStepApi.request;
const resume = ResumePortfolioAnalysisApi.request;

/** Unbound custom API cx_RedeemReward(Customer, Reward) -> VoucherCode. */
export interface RedeemRewardRequest extends ExecuteRequest {
  readonly [RedeemRewardApi.request.Customer]: EntityReferenceParameter;
  readonly [RedeemRewardApi.request.Reward]: EntityReferenceParameter;
}

export interface RedeemRewardResponse {
  readonly [RedeemRewardApi.response.VoucherCode]?: string;
}

export function redeemRewardRequest(customer: EntityReferenceParameter, rewardId: string): RedeemRewardRequest {
  return {
    [redeem.Customer]: customer,
    [redeem.Reward]: { entityType: Reward.table, id: rewardId },
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Action,
      operationName: RedeemRewardApi.uniqueName,
      parameterTypes: {
        // Customer is contact or account, so the parameter is typed as the base entity.
        [redeem.Customer]: entityParameter("mscrm.crmbaseentity"),
        [redeem.Reward]: entityParameter(`mscrm.${Reward.table}`),
      },
    }),
  };
}

/** Unbound custom API cx_AdvanceStrategyStep(Strategy); refuses with the stage-gate message. */
export interface AdvanceStrategyStepRequest extends ExecuteRequest {
  readonly [AdvanceStrategyStepApi.request.Strategy]: EntityReferenceParameter;
}

export function advanceStrategyStepRequest(strategyId: string): AdvanceStrategyStepRequest {
  return {
    [advance.Strategy]: { entityType: Strategy.table, id: strategyId },
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Action,
      operationName: AdvanceStrategyStepApi.uniqueName,
      parameterTypes: { [advance.Strategy]: entityParameter(`mscrm.${Strategy.table}`) },
    }),
  };
}

/** Unbound custom API cx_ResumePortfolioAnalysis(Analysis): queues a paused or stopped analysis again. */
export interface ResumePortfolioAnalysisRequest extends ExecuteRequest {
  readonly [ResumePortfolioAnalysisApi.request.Analysis]: EntityReferenceParameter;
}

export function resumePortfolioAnalysisRequest(analysisId: string): ResumePortfolioAnalysisRequest {
  return {
    [resume.Analysis]: { entityType: PortfolioAnalysis.table, id: analysisId },
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Action,
      operationName: ResumePortfolioAnalysisApi.uniqueName,
      parameterTypes: { [resume.Analysis]: entityParameter(`mscrm.${PortfolioAnalysis.table}`) },
    }),
  };
}

/** Unbound custom APIs cx_MarkVoucherUsed(Redemption) and cx_CancelRedemption(Redemption) -> Refund, Balance. */
export interface VoucherRequest extends ExecuteRequest {
  readonly [MarkVoucherUsedApi.request.Redemption]: EntityReferenceParameter;
}

export interface CancelRedemptionResponse {
  readonly [CancelRedemptionApi.response.Balance]?: number;
}

export function voucherRequest(api: typeof MarkVoucherUsedApi | typeof CancelRedemptionApi, redemptionId: string): VoucherRequest {
  return {
    [api.request.Redemption]: { entityType: Redemption.table, id: redemptionId },
    getMetadata: () => ({
      boundParameter: null,
      operationType: OperationType.Action,
      operationName: api.uniqueName,
      parameterTypes: { [api.request.Redemption]: entityParameter(`mscrm.${Redemption.table}`) },
    }),
  };
}
