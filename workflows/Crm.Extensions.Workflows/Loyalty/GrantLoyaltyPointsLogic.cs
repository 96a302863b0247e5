using Crm.Extensions.Application.Loyalty;
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
    public static GrantedPoints Run(WorkflowActivityContext context, EntityReference? customer, int points, string? reason, string? sourceKey) =>
        ActivityRefusals.Run(context, () => PointsGrant.Grant(context.SystemService, context.Workflow.UserId, customer, points, reason, sourceKey, context.Clock.UtcNow));
}
