using System;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Framework;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Framework;

/// <summary>
/// WorkflowActivityBase runs every activity through <see cref="WorkflowActivityContext.Run"/>: one trace line with the
/// activity, its outcome, the requests it made, the elapsed time and the correlation id (IExecutionContext.CorrelationId,
/// "the GUID for tracking plug-in or custom workflow activity execution":
/// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.correlationid).
/// </summary>
public sealed class ActivityTraceTests
{
    private readonly WorkflowRunner _workflow = new();

    [Fact]
    public void Should_TraceTheActivityItsRequestsAndTheCorrelation_When_AnActivityRuns()
    {
        var repeat = new OptionSetValue((int)GlobalChoices.LifecycleStage.Repeat);
        var contact = _workflow.Data.Contact(c => c[Contact.Fields.LifecycleStage] = repeat);
        _workflow.Data.PaidInvoiceOn(contact, _workflow.Crm.Clock.UtcNow.AddDays(-40));
        _workflow.Data.PaidInvoiceOn(contact, _workflow.Crm.Clock.UtcNow.AddDays(-10));
        Guid correlation = Guid.Empty;

        _workflow.Run(
            context =>
            {
                correlation = context.Workflow.CorrelationId;
                return Application.Lifecycle.EvaluateLifecycle.Customer(context, context.Workflow.UserId, contact.ToEntityReference());
            },
            activity: "EvaluateLifecycleStage");

        // The customer exists, the workflow's user may write it, then the settings (cold cache) and the customer's facts:
        // four requests, no write (a Repeat buyer, nothing aged).
        var line = Assert.Single(_workflow.Traces);
        Assert.Matches(
            "^EvaluateLifecycleStage/EvaluateLifecycle \\[workflow on none\\] done: 4 requests "
            + "\\(RetrieveMultiple 3, RetrievePrincipalAccess 1\\), [0-9]+ ms, "
            + "correlation " + correlation.ToString("D") + ", depth 1$",
            line);
    }

    [Fact]
    public void Should_TraceRefused_When_TheActivityRefuses()
    {
        Assert.Throws<InvalidPluginExecutionException>(() => _workflow.Run(
            context => Application.Lifecycle.EvaluateLifecycle.Customer(context, context.Workflow.UserId, null),
            activity: "EvaluateLifecycleStage"));

        const string Refused = "EvaluateLifecycleStage/EvaluateLifecycle [workflow on none] refused: ";
        Assert.Contains(_workflow.Traces, line => line.StartsWith(Refused, StringComparison.Ordinal));
    }
}
