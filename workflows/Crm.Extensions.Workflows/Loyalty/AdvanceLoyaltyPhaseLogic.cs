using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Loyalty;

/// <summary>Advance loyalty phase: <see cref="LoyaltyPhaseAdvance"/> (the invoice flow's family and journey rules) at the workflow's clock, as SYSTEM.</summary>
public static class AdvanceLoyaltyPhaseLogic
{
    public static PhaseAdvanceResult Run(WorkflowActivityContext context, EntityReference? customer, EntityReference? product) =>
        ActivityRefusals.Run(context, () => LoyaltyPhaseAdvance.Advance(context.SystemService, customer, product, context.Clock.UtcNow));
}
