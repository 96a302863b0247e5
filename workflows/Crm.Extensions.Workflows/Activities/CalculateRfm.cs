using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Calculate RFM for a contact or an account. A single customer is not re-ranked against the base (only the portfolio
/// analysis sees the whole base): the scores are those the latest completed analysis stored on the customer, the segment
/// follows from them by the analysis's RF grid, and a customer the analysis did not score is a Prospect with scores of 0.
/// Refused when no analysis has completed. See <see cref="Dataverse.Portfolio.StoredRfm"/>.
/// </summary>
[DisplayName("Calculate RFM")]
public sealed class CalculateRfm : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(EarlyBound.Account.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [Output("Recency score")]
    public OutArgument<int> RecencyScore { get; set; } = null!;

    [Output("Frequency score")]
    public OutArgument<int> FrequencyScore { get; set; } = null!;

    [Output("Monetary score")]
    public OutArgument<int> MonetaryScore { get; set; } = null!;

    [Output("RFM score")]
    public OutArgument<int> RfmScore { get; set; } = null!;

    [Output("Segment name")]
    public OutArgument<string> SegmentName { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var answer = Application.Portfolio.CalculateRfm.Run(context, context.Workflow.UserId,
            CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments)));
        RecencyScore.Set(arguments, answer.Rfm.Recency);
        FrequencyScore.Set(arguments, answer.Rfm.Frequency);
        MonetaryScore.Set(arguments, answer.Rfm.Monetary);
        RfmScore.Set(arguments, answer.Rfm.Score);
        SegmentName.Set(arguments, answer.SegmentName);
    }
}
