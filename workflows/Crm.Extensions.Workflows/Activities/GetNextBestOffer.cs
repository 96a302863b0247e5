using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>Get next best offer for a contact or an account; same reads and rule as cx_GetNextBestOffer.</summary>
[DisplayName("Get next best offer")]
public sealed class GetNextBestOffer : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(EarlyBound.Account.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [Output("Proposition")]
    [ReferenceTarget(EarlyBound.ValueProposition.EntityLogicalName)]
    public OutArgument<EntityReference> Proposition { get; set; } = null!;

    [Output("Offer text")]
    public OutArgument<string> OfferText { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        // The API names its own input and checks it in its handler; the activity checks its two customer arguments here.
        var customer = CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments));
        customer = CustomerArguments.Existing(context, customer, Application.Propositions.GetNextBestOffer.CustomerRequired);
        var answer = Application.Propositions.GetNextBestOffer.Run(context, customer);
        Proposition.Set(arguments, answer.Proposition!);
        OfferText.Set(arguments, answer.OfferText);
    }
}
