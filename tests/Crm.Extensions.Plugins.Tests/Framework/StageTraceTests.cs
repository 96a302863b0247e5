using System;
using System.Linq;
using System.ServiceModel;
using System.Text.RegularExpressions;
using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Emulator.Observability;
using Crm.Extensions.Plugins.Invoicing;
using Crm.Extensions.Plugins.Lifecycle;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Crm.Extensions.Plugins.Tests.Invoicing;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Framework;

/// <summary>
/// Every step ends with one trace line (PluginBase, StageTrace): the handler, the step, the outcome, the requests it made
/// by message, the elapsed time and the operation's correlation id, so the plugin trace log explains what ran. Dataverse
/// keeps a plugin's trace text in the plugin trace log, and the execution context carries the operation's CorrelationId
/// across the steps it fires (learn.microsoft.com/power-apps/developer/data-platform/logging-tracing and
/// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.correlationid).
/// </summary>
public sealed class StageTraceTests
{
    private static readonly Regex Line = new(
        @"^(?<name>\S+) \[(?<step>[^\]]+)\] (?<outcome>done|refused|failed): (?<requests>\d+ requests?[^,]*(\([^)]*\))?), (?<ms>\d+) ms, " +
        @"correlation (?<correlation>[0-9a-f-]{36}), depth (?<depth>\d+)$");

    [Fact]
    public void Should_TraceTheHandlerItsRequestsAndTheCorrelation_When_AnInvoiceIsPaid()
    {
        var scenario = new InvoiceScenario(100m, 50m);
        scenario.Crm.ResetObservations();

        scenario.Data.Pay(scenario.Invoice);

        var line = Assert.Single(StageLines(scenario.Crm.Traces, typeof(InvoiceLifecycle)));
        Assert.Equal("InvoiceLifecycleHandler.Handle/InvoicePaid", line.Groups["name"].Value);
        Assert.Equal("Update of invoice, stage 40, Synchronous", line.Groups["step"].Value);
        Assert.Equal("done", line.Groups["outcome"].Value);
        // The steps' requests, as the emulator counted them for the plugins: the trace lines tell the same story (the other
        // steps the payment fires, such as the ledger guard reading the SYSTEM user once, have lines of their own).
        var made = scenario.Crm.Requests.PluginTotal;
        var traced = scenario.Crm.Traces.Select(t => Line.Match(t.Text)).Where(m => m.Success)
            .Sum(m => int.Parse(m.Groups["requests"].Value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(made, traced);
        Assert.Matches("^[0-9]+ requests \\(", line.Groups["requests"].Value);
        Assert.Contains("RetrieveMultiple 4", line.Groups["requests"].Value, StringComparison.Ordinal);
        Assert.Equal("1", line.Groups["depth"].Value);
    }

    [Fact]
    public void Should_TraceOneCorrelationIdForEveryStage_When_OneOperationFiresSeveralSteps()
    {
        var scenario = new InvoiceScenario(100m);
        scenario.Crm.ResetObservations();

        scenario.Data.Pay(scenario.Invoice);

        // The payment's sync step creates the survey request, whose PreOperation step runs in the same operation.
        var lines = scenario.Crm.Traces.Where(t => !t.Step.IsAsync).Select(t => Line.Match(t.Text)).Where(m => m.Success).ToList();
        Assert.True(lines.Count >= 2, "Expected the invoice step and the survey request's step: " + lines.Count);
        Assert.Single(lines.Select(m => m.Groups["correlation"].Value).Distinct());
        Assert.Contains(lines, m => m.Groups["depth"].Value == "2");
    }

    [Fact]
    public void Should_TraceRefused_When_TheHandlerRefuses()
    {
        var crm = ProductSolution.Start();
        new DataProducer(crm).SetEnvironmentVariable(EnvironmentVariableNames.LapsedAfterDays, "90");

        var evaluate = new OrganizationRequest(EvaluateLifecycle.ApiName);

        Assert.Throws<FaultException<OrganizationServiceFault>>(() => crm.Service.Execute(evaluate));

        var line = Assert.Single(StageLines(crm.Traces, typeof(EvaluateLifecycle)));
        Assert.Equal("EvaluateLifecycle.Handle/EvaluateLifecycle", line.Groups["name"].Value);
        Assert.Equal("refused", line.Groups["outcome"].Value);
    }

    private static Match[] StageLines(System.Collections.Generic.IEnumerable<TraceEntry> traces, Type plugin) =>
        traces.Where(t => t.Step.PluginType == plugin.FullName).Select(t => Line.Match(t.Text)).Where(m => m.Success).ToArray();
}
