using System;
using Crm.Extensions.Dataverse;
using Crm.Extensions.Domain;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Framework;

/// <summary>
/// Turns a domain refusal into the <see cref="InvalidPluginExecutionException"/> the workflow shows, in the language of
/// the user who started it. Every activity's logic runs through this, so tests on net10.0 see the same exception as
/// the net462 activity does.
/// </summary>
public static class ActivityRefusals
{
    public static T Run<T>(WorkflowActivityContext context, Func<T> logic)
    {
        if (context is null) throw new ArgumentNullException(nameof(context));
        if (logic is null) throw new ArgumentNullException(nameof(logic));
        try
        {
            return logic();
        }
        catch (BusinessRuleException refusal)
        {
            context.Tracing.Trace("Refused: {0}", refusal.Text.English);
            var language = UserLanguage.Of(context.ServiceFactory.CreateOrganizationService(null), context.Workflow.InitiatingUserId);
            throw new InvalidPluginExecutionException(OperationStatus.Failed, refusal.Text.For(language));
        }
    }
}
