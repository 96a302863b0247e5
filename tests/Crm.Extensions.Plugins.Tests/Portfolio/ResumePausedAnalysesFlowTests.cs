using System;
using System.IO;
using System.Linq;
using System.ServiceModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Portfolio;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Status = Crm.Extensions.EarlyBound.PortfolioAnalysis.AnalysisStatusChoice;

namespace Crm.Extensions.Plugins.Tests.Portfolio;

/// <summary>
/// The shipped cloud flow (solution/src/Workflows) resumes paused analyses with two Dataverse requests made as the user of
/// its connection: "List rows" (RetrieveMultiple on the table of its entity set, filtered as its $filter says) and, for
/// each row, "Update a row" (the item/ columns it sets). These tests read both requests from the committed JSON and send
/// them through the emulator's pipeline as a user of the shipped roles, so a change to the flow or to the metadata shows
/// here. The flow's Update comes from outside the plug-in pipeline, so the unit it queues runs at depth 1
/// (IExecutionContext.Depth, https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iexecutioncontext.depth).
/// </summary>
public sealed partial class ResumePausedAnalysesFlowTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly PortfolioScenario _base;
    private readonly FlowRequests _flow = FlowRequests.Committed();

    public ResumePausedAnalysesFlowTests() => _base = new PortfolioScenario(_crm);

    [Fact]
    public void Should_ListOnlyThePausedAnalysis_When_AStrategyManagersConnectionRunsTheFlowsQuery()
    {
        var paused = Seeded(Status.Paused);
        Seeded(Status.Completed);
        Seeded(Status.Failed);
        var manager = _crm.CreateUser("Marta Estrategia", roles: ["CRM Strategy Manager"]);

        var listed = _crm.ServiceAs(manager).RetrieveMultiple(_flow.List()).Entities.Select(e => e.Id).ToList();

        Assert.Equal([paused], listed);
    }

    [Fact]
    public void Should_RunTheAnalysisToTheEndFromDepthOne_When_AStrategyManagersConnectionQueuesIt()
    {
        var paused = Seeded(Status.Paused);
        var service = _crm.ServiceAs(_crm.CreateUser("Marta Estrategia", roles: ["CRM Strategy Manager"]));
        _crm.ResetObservations();

        foreach (var row in service.RetrieveMultiple(_flow.List()).Entities)
        {
            service.Update(_flow.Update(row.Id));
        }

        _crm.DrainAsyncJobs();

        var resumed = _base.Analysis(paused);
        Assert.Equal((Status.Completed, 5), (resumed.AnalysisStatus, resumed.CustomerCount));
        var first = _crm.FiredSteps.First(s => s.PluginType == typeof(RunPortfolioAnalysis).FullName);
        Assert.Equal(("Update", true, 1), (first.Message, first.IsAsync, first.Depth));
    }

    [Fact]
    public void Should_RefuseAndLeaveItPaused_When_TheConnectionBelongsToACustomerRelationshipUser()
    {
        var paused = Seeded(Status.Paused);
        var service = _crm.ServiceAs(_crm.CreateUser("Luis Cuentas", roles: ["Customer Relationship User"]));
        _crm.ResetObservations();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => service.Update(_flow.Update(paused)));

        Assert.Contains("prvWritecx_portfolioanalysis", fault.Detail.Message, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(Status.Paused, _base.Analysis(paused).AnalysisStatus);
        Assert.Equal(0, _crm.PendingAsyncJobs);
    }

    private Guid Seeded(Status status)
    {
        var row = new PortfolioAnalysis { Id = Guid.NewGuid(), Name = status.ToString(), AnalysisStatus = status };
        _crm.Seed(row);
        return row.Id;
    }

    /// <summary>The flow's two Dataverse requests, as its committed JSON defines them, on the table its entity set names.</summary>
    private sealed partial record FlowRequests(
        string Table, string IdColumn, string FilterColumn, int FilterValue, string SetColumn, int SetValue)
    {
        public static FlowRequests Committed()
        {
            var source = ProductSolution.SolutionSource;
            var file = Directory.GetFiles(Path.Combine(source, "Workflows"), "*.json").Single();
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            var actions = json.RootElement.GetProperty("properties").GetProperty("definition").GetProperty("actions");
            var list = actions.EnumerateObject().Single(a => Operation(a.Value) == "ListRecords").Value
                .GetProperty("inputs").GetProperty("parameters");
            var update = actions.EnumerateObject().Single(a => a.Value.TryGetProperty("foreach", out _)).Value.GetProperty("actions")
                .EnumerateObject().Single(a => Operation(a.Value) == "UpdateRecord").Value.GetProperty("inputs").GetProperty("parameters");
            var filter = FilterTerm().Match(list.GetProperty("$filter").GetString()!);
            Assert.True(filter.Success, "The flow's $filter is one \"column eq value\" term.");
            var set = update.EnumerateObject().Single(p => p.Name.StartsWith("item/", StringComparison.Ordinal));
            Assert.Equal(list.GetProperty("entityName").GetString(), update.GetProperty("entityName").GetString());
            return new(TableOf(source, list.GetProperty("entityName").GetString()!), list.GetProperty("$select").GetString()!,
                filter.Groups[1].Value, int.Parse(filter.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                set.Name["item/".Length..], set.Value.GetInt32());
        }

        public QueryExpression List()
        {
            var query = new QueryExpression(Table) { ColumnSet = new ColumnSet(IdColumn) };
            query.Criteria.AddCondition(FilterColumn, ConditionOperator.Equal, FilterValue);
            return query;
        }

        public Entity Update(Guid id) => new(Table, id) { [SetColumn] = new OptionSetValue(SetValue) };

        private static string? Operation(JsonElement action) =>
            action.TryGetProperty("inputs", out var inputs) && inputs.TryGetProperty("host", out var host)
                ? host.GetProperty("operationId").GetString()
                : null;

        /// <summary>The logical name of the table whose Entity.xml declares this EntitySetName (the flow speaks Web API).</summary>
        private static string TableOf(string source, string entitySet) =>
            Directory.GetFiles(Path.Combine(source, "Entities"), "Entity.xml", SearchOption.AllDirectories).Select(XElement.Load)
                .Select(e => e.Descendants("entity").First())
                .Single(e => e.Element("EntitySetName")?.Value == entitySet).Attribute("Name")!.Value.ToLowerInvariant();

        [GeneratedRegex(@"^(\w+) eq (\d+)$", RegexOptions.CultureInvariant)]
        private static partial Regex FilterTerm();
    }
}
