using System.Activities;
using System.ComponentModel;
using Crm.Extensions.Workflows.Framework;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Crm.Extensions.Workflows.Activities;

/// <summary>
/// Is birthday today: today's date of the workflow's user (their time zone, else UTC); see
/// <see cref="Application.Intimacy.IsBirthdayToday"/>.
/// </summary>
[DisplayName("Is birthday today")]
public sealed class IsBirthdayToday : WorkflowActivityBase
{
    [RequiredArgument]
    [Input("Contact")]
    [ReferenceTarget(EarlyBound.Contact.EntityLogicalName)]
    public InArgument<EntityReference> Contact { get; set; } = null!;

    [Output("Is birthday today")]
    public OutArgument<bool> IsBirthday { get; set; } = null!;

    [Output("Age")]
    public OutArgument<int> Age { get; set; } = null!;

    protected override void Execute(CodeActivityContext arguments, WorkflowActivityContext context)
    {
        var answer = Application.Intimacy.IsBirthdayToday.Run(context, context.Workflow.UserId, Contact.Get(arguments));
        IsBirthday.Set(arguments, answer.IsBirthday);
        Age.Set(arguments, answer.Age);
    }
}
