using Crm.Extensions.Dataverse;
using Crm.Extensions.Dataverse.Portfolio;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Portfolio;

/// <summary>What "Calculate RFM" answers: the scores and the segment's name in the workflow user's language.</summary>
public sealed class RfmAnswer
{
    public RfmAnswer(CustomerRfm rfm, string segmentName)
    {
        Rfm = rfm;
        SegmentName = segmentName;
    }

    public CustomerRfm Rfm { get; }

    public string SegmentName { get; }
}

/// <summary>
/// Calculate RFM: the customer's standing in the base as the latest completed portfolio analysis scored it
/// (<see cref="StoredRfm"/> documents why a single customer is not re-ranked); the segment name comes from
/// <see cref="RfmSegmentNames"/> in the language of the workflow's user. Reads as the workflow's user.
/// </summary>
public static class CalculateRfmLogic
{
    public static RfmAnswer Run(WorkflowActivityContext context, EntityReference? customer) =>
        ActivityRefusals.Run(context, () =>
        {
            var rfm = StoredRfm.For(context.UserService, customer);
            var language = UserLanguage.Of(context.SystemService, context.Workflow.UserId);
            return new RfmAnswer(rfm, RfmSegmentNames.For(rfm.Segment).For(language));
        });
}
