using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Log interaction: one cx_interaction, now, for a contact or an account; see <see cref="Application.Intimacy.LogInteraction"/>.
/// </summary>
[DisplayName("Log interaction")]
public sealed class LogInteraction : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget(EarlyBound.Account.EntityLogicalName)]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [Input("Channel")]
    [AttributeTarget(EarlyBound.Interaction.EntityLogicalName, EarlyBound.Interaction.Fields.Channel)]
    public InArgument<OptionSetValue> Channel { get; set; } = null!;

    [Input("Reason")]
    public InArgument<string> Reason { get; set; } = null!;

    [Input("Kind")]
    [AttributeTarget(EarlyBound.Interaction.EntityLogicalName, EarlyBound.Interaction.Fields.Kind)]
    [Default("586700000")] // Behavioural; an attribute argument must be a literal string, not the enum
    public InArgument<OptionSetValue> Kind { get; set; } = null!;

    [Input("Duration (minutes)")]
    public InArgument<int> DurationMinutes { get; set; } = null!;

    [Output("Interaction")]
    [ReferenceTarget(EarlyBound.Interaction.EntityLogicalName)]
    public OutArgument<EntityReference> Interaction { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var interaction = Application.Intimacy.LogInteraction.Run(
            context,
            CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments)),
            Channel.Get(arguments),
            Reason.Get(arguments),
            Kind.Get(arguments),
            DurationMinutes.Get(arguments));
        Interaction.Set(arguments, interaction);
    }
}
