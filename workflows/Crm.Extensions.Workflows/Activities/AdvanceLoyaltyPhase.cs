using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Advance loyalty phase of a customer in a product's family, as far as the customer's standing allows (phase II → III
/// with a VIP tier or the target base); the phase is empty when the customer has no journey in the family yet. See
/// <see cref="Application.Loyalty.AdvanceLoyaltyPhase"/>.
/// </summary>
[DisplayName("Advance loyalty phase")]
public sealed class AdvanceLoyaltyPhase : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(EarlyBound.Account.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [RequiredArgument]
    [Input("Product")]
    [ReferenceTarget(EarlyBound.Product.EntityLogicalName)]
    public InArgument<EntityReference> Product { get; set; } = null!;

    [Output("Product family")]
    [ReferenceTarget(EarlyBound.Product.EntityLogicalName)]
    public OutArgument<EntityReference> Family { get; set; } = null!;

    [Output("Loyalty phase")]
    [AttributeTarget(EarlyBound.LoyaltyJourney.EntityLogicalName, EarlyBound.LoyaltyJourney.Fields.Phase)]
    public OutArgument<OptionSetValue> Phase { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var customer = CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments));
        var result = Application.Loyalty.AdvanceLoyaltyPhase.Run(context, context.Workflow.UserId, customer, Product.Get(arguments));
        Family.Set(arguments, new EntityReference(EarlyBound.Product.EntityLogicalName, result.FamilyId));
        Phase.Set(arguments, result.PhaseOption is { } phase ? new OptionSetValue(phase) : null!);
    }
}
