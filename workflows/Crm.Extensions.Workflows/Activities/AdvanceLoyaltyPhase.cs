using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using AccountRow = Crm.Extensions.EarlyBound.Account;
using ContactRow = Crm.Extensions.EarlyBound.Contact;
using JourneyRow = Crm.Extensions.EarlyBound.LoyaltyJourney;
using ProductRow = Crm.Extensions.EarlyBound.Product;

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
    [ReferenceTarget(ContactRow.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(AccountRow.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [RequiredArgument]
    [Input("Product")]
    [ReferenceTarget(ProductRow.EntityLogicalName)]
    public InArgument<EntityReference> Product { get; set; } = null!;

    [Output("Product family")]
    [ReferenceTarget(ProductRow.EntityLogicalName)]
    public OutArgument<EntityReference> Family { get; set; } = null!;

    [Output("Loyalty phase")]
    [AttributeTarget(JourneyRow.EntityLogicalName, JourneyRow.Fields.Phase)]
    public OutArgument<OptionSetValue> Phase { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var customer = CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments));
        var result = Application.Loyalty.AdvanceLoyaltyPhase.Run(context, context.Workflow.UserId, customer, Product.Get(arguments));
        Family.Set(arguments, new EntityReference(ProductRow.EntityLogicalName, result.FamilyId));
        Phase.Set(arguments, result.PhaseOption is { } phase ? new OptionSetValue(phase) : null!);
    }
}
