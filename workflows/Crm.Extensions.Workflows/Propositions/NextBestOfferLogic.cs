using Crm.Extensions.Application.Propositions;
using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Propositions;

/// <summary>The workflow face of cx_GetNextBestOffer: the same <see cref="NextBestOfferQuery"/>, refusals in the user's language.</summary>
public static class NextBestOfferLogic
{
    public static NextBestOfferAnswer Run(WorkflowActivityContext context, EntityReference? customer) =>
        ActivityRefusals.Run(context, () => NextBestOfferQuery.For(context.UserService, customer));
}
