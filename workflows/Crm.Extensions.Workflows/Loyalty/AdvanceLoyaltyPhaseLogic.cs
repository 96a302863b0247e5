using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Dataverse.Security;
using Crm.Extensions.Domain;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Loyalty;

/// <summary>
/// Advance loyalty phase: <see cref="LoyaltyPhaseAdvance"/> (the invoice flow's family and journey rules) at the workflow's
/// clock, as SYSTEM (journeys are system-managed), only for a customer the workflow's user may write, asked before anything
/// is written, as "Redeem reward" asks.
/// </summary>
public static class AdvanceLoyaltyPhaseLogic
{
    public static PhaseAdvanceResult Run(WorkflowActivityContext context, EntityReference? customer, EntityReference? product) =>
        ActivityRefusals.Run(context, () =>
        {
            var member = CustomerArguments.Existing(context, customer, LoyaltyPhaseAdvance.CustomerRequired);
            if (product is null || product.LogicalName != EarlyBound.Product.EntityLogicalName || product.Id == System.Guid.Empty)
            {
                throw new BusinessRuleException(LoyaltyPhaseAdvance.ProductRequired);
            }

            CallerAccess.DemandWrite(context.SystemService, context.Workflow.UserId, member);
            return LoyaltyPhaseAdvance.Advance(context.SystemService, member, product, context.Clock.UtcNow);
        });
}
