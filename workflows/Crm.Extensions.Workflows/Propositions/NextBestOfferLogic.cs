using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Propositions;

/// <summary>
/// The workflow face of cx_GetNextBestOffer: the same <see cref="NextBestOfferQuery"/>, read as the workflow's user, for a
/// customer that exists (checked first, so an unknown id is refused in the user's language, not by the platform).
/// </summary>
public static class NextBestOfferLogic
{
    public static NextBestOfferAnswer Run(WorkflowActivityContext context, EntityReference? customer) =>
        ActivityRefusals.Run(context, () =>
        {
            var existing = CustomerArguments.Existing(context, customer, NextBestOfferQuery.CustomerRequired);
            return NextBestOfferQuery.For(context.UserService, existing);
        });
}
