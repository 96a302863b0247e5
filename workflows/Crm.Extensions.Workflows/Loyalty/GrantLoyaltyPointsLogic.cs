using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Loyalty;

/// <summary>
/// Grant loyalty points: <see cref="PointsGrant"/> (idempotent by source key, capped by the program's maximum balance, balances
/// under RowVersion) at the workflow's clock, written as SYSTEM, for a workflow whose user is a loyalty administrator.
/// </summary>
public static class GrantLoyaltyPointsLogic
{
    /// <summary>cx_loyaltytransaction.cx_reason holds 400 characters; a longer reason is refused, never cut.</summary>
    public const int MaxReasonLength = 400;

    public static GrantedPoints Run(WorkflowActivityContext context, EntityReference? customer, int points, string? reason, string? sourceKey) =>
        ActivityRefusals.Run(context, () =>
        {
            var member = CustomerArguments.Existing(context, customer, PointsGrant.CustomerRequired);
            InputRules.AtMostCharacters("Reason", reason?.Trim(), MaxReasonLength);
            var grantedBy = context.Workflow.UserId;
            return PointsGrant.Grant(context.SystemService, grantedBy, member, points, reason, sourceKey, context.Clock.UtcNow);
        });
}
