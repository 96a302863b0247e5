using System.Activities;
using Crm.Extensions.Workflows.Framework;
using Crm.Extensions.Workflows.Intimacy;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>Log interaction: one cx_interaction, now, for a contact or an account; see <see cref="LogInteractionLogic"/>.</summary>
public sealed class LogInteraction : WorkflowActivityBase
{
    [Input("Customer (contact)")]
    [ReferenceTarget("contact")]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Input("Customer (account)")]
    [ReferenceTarget("account")]
    public InArgument<EntityReference> Account { get; set; } = null!;

    [Input("Channel")]
    [AttributeTarget("cx_interaction", "cx_channel")]
    public InArgument<OptionSetValue> Channel { get; set; } = null!;

    [Input("Reason")]
    public InArgument<string> Reason { get; set; } = null!;

    [Input("Kind")]
    [AttributeTarget("cx_interaction", "cx_kind")]
    [Default("586700000")]
    public InArgument<OptionSetValue> Kind { get; set; } = null!;

    [Input("Duration (minutes)")]
    public InArgument<int> DurationMinutes { get; set; } = null!;

    [Output("Interaction")]
    [ReferenceTarget("cx_interaction")]
    public OutArgument<EntityReference> Interaction { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var interaction = LogInteractionLogic.Run(
            context,
            CustomerArguments.Customer(Contact.Get(arguments), Account.Get(arguments)),
            Channel.Get(arguments),
            Reason.Get(arguments),
            Kind.Get(arguments),
            DurationMinutes.Get(arguments));
        Interaction.Set(arguments, interaction);
    }
}
