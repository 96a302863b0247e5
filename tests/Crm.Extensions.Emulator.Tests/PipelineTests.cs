using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

public class PipelineTests
{
    private const string Plugins = "Crm.Extensions.Emulator.Tests.Plugins.";
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private Guid SeedOrder(string name, decimal amount = 1m)
    {
        var order = new Entity("test_order") { ["test_name"] = name, ["test_amount"] = new Money(amount), ["test_note"] = "n" };
        _crm.Seed(order);
        return order.Id;
    }

    private string[] Logs() => _crm.All("test_log").Select(l => l.GetAttributeValue<string>("test_name")).ToArray();

    [Fact]
    public void Should_RunStagesInOrderByRank_When_StepsAreRegisteredOnSeveralStages()
    {
        _crm.Service.Create(new Entity("test_order") { ["test_name"] = "plain" });

        var topLevel = _crm.FiredSteps.Where(s => s.Depth == 1).Select(s => (s.PluginType.Replace(Plugins, ""), s.Stage)).ToArray();
        Assert.Equal(new[] { ("ScenarioPreValidation", 10), ("ScenarioPreOperation", 20), ("BulkCounter", 20), ("AuditLogPlugin", 40) },
            topLevel);
        var nested = _crm.FiredSteps.Where(s => s.Depth == 2).Select(s => s.PluginType.Replace(Plugins, "")).ToArray();
        Assert.Equal(new[] { "ConfigEcho", "RunAsEcho", "StatefulCounter", "GatePlugin", "ThrowingPlugin" }, nested);
    }

    [Fact]
    public void Should_StoreChangedTarget_When_PreOperationStepChangesInputParameters()
    {
        var id = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "upper case me" });

        Assert.Equal("UPPER CASE ME", _crm.Get("test_order", id)!.GetAttributeValue<string>("test_name"));
    }

    [Fact]
    public void Should_LeaveZeroRowsChanged_When_NestedSyncStepThrows()
    {
        var fault = Faults.Expect(ErrorCodes.IsvAborted,
            () => _crm.Service.Create(new Entity("test_order") { ["test_name"] = "throw me" }));

        Assert.Equal("Refused: created throw me", fault.Message);
        Assert.Equal(0, _crm.Count("test_order"));
        Assert.Equal(0, _crm.Count("test_log"));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == Plugins + "ThrowingPlugin" && s.Depth == 2);
    }

    [Fact]
    public void Should_RollBackEveryRequest_When_ExecuteTransactionItemFails()
    {
        var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
        transaction.Requests.Add(new CreateRequest { Target = new Entity("test_order") { ["test_name"] = "first" } });
        transaction.Requests.Add(new CreateRequest { Target = new Entity("test_order") { ["test_name"] = "throw second" } });
        var fault = Faults.Expect(ErrorCodes.IsvAborted, () => _crm.Service.Execute(transaction));

        Assert.Equal(1, Assert.IsType<ExecuteTransactionFault>(fault).FaultedRequestIndex);
        Assert.Equal(0, _crm.Count("test_order"));
        Assert.Equal(0, _crm.Count("test_log"));
    }

    [Fact]
    public void Should_RaiseIsvUnExpected_When_PluginThrowsAnyOtherException()
    {
        var fault = Faults.Expect(ErrorCodes.IsvUnExpected, () => _crm.Service.Create(new Entity("test_order") { ["test_name"] = "boom" }));

        Assert.Equal("An unexpected error occurred from ISV code.", fault.Message);
        Assert.Equal(0, _crm.Count("test_order"));
    }

    [Fact]
    public void Should_RunAsyncStepOnlyAfterCommitAndOncePerDrain_When_Drained()
    {
        var id = SeedOrder("async");
        _crm.Service.Update(new Entity("test_order", id) { ["test_amount"] = new Money(5m) });
        _crm.Service.Update(new Entity("test_order", id) { ["test_amount"] = new Money(7m) });

        Assert.Equal(2, _crm.PendingAsyncJobs);
        Assert.Empty(Logs());

        _crm.DrainAsyncJobs();
        // Both jobs run after both commits, so each reads the committed row as it is then.
        Assert.Equal(new[] { "async saw 7 in transaction False mode 1", "async saw 7 in transaction False mode 1" }, Logs());
        Assert.Equal(0, _crm.DrainAsyncJobs());
        Assert.Equal(2, Logs().Length);
    }

    [Fact]
    public void Should_DropAsyncStep_When_TheTransactionRollsBack()
    {
        var id = SeedOrder("async");
        var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
        transaction.Requests.Add(new UpdateRequest { Target = new Entity("test_order", id) { ["test_amount"] = new Money(9m) } });
        transaction.Requests.Add(new CreateRequest { Target = new Entity("test_order") { ["test_name"] = "throw" } });

        Assert.ThrowsAny<Exception>(() => _crm.Service.Execute(transaction));

        Assert.Equal(0, _crm.PendingAsyncJobs);
        Assert.Equal(1m, _crm.Get("test_order", id)!.GetAttributeValue<Money>("test_amount").Value);
    }

    [Fact]
    public void Should_AttemptFourTimes_When_AsyncStepThrowsRetry()
    {
        var id = SeedOrder("retry me");
        _crm.Service.Update(new Entity("test_order", id) { ["test_amount"] = new Money(3m) });

        _crm.DrainAsyncJobs();

        var job = Assert.Single(_crm.SystemJobs);
        Assert.Equal(4, job.Attempts);
        Assert.Equal(Observability.SystemJobStatus.Failed, job.Status);
        Assert.Equal(4, Logs().Length);
    }

    [Fact]
    public void Should_TrimImagesToRegisteredColumns_When_UpdateStepHasPreAndPostImages()
    {
        var id = SeedOrder("before", 2m);

        _crm.Service.Update(new Entity("test_order", id) { ["test_name"] = "after" });

        Assert.Contains("pre=before;post=after;preColumns=test_amount,test_name", Logs());
    }

    [Fact]
    public void Should_SkipStep_When_NoFilteringAttributeIsInTarget()
    {
        var id = SeedOrder("filter");
        _crm.ResetObservations();

        _crm.Service.Update(new Entity("test_order", id) { ["test_note"] = "only a note" });

        Assert.DoesNotContain(_crm.FiredSteps, s => s.PluginType == Plugins + "AmountWatcher");
        Assert.Equal("only a note", _crm.Get("test_order", id)!.GetAttributeValue<string>("test_note"));
    }

    [Fact]
    public void Should_ReevaluateFilteringAttributes_When_EarlierStepAddsAColumnToTarget()
    {
        var id = SeedOrder("filter");

        _crm.Service.Update(new Entity("test_order", id) { ["test_quantity"] = 3 });

        var row = _crm.Get("test_order", id)!;
        Assert.Equal(30m, row.GetAttributeValue<Money>("test_amount").Value);
        Assert.Equal("amount seen", row.GetAttributeValue<string>("test_note"));
    }

    [Fact]
    public void Should_FireFilteredStep_When_FilteringColumnIsIncludedWithAnUnchangedValue()
    {
        var id = SeedOrder("same", 1m);
        _crm.ResetObservations();

        _crm.Service.Update(new Entity("test_order", id) { ["test_amount"] = new Money(1m) });

        Assert.Contains(_crm.FiredSteps, s => s.PluginType == Plugins + "AmountWatcher");
    }

    [Fact]
    public void Should_FailAsInfiniteLoop_When_DepthExceedsEight()
    {
        var id = SeedOrder("loop");

        Faults.Expect(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
            () => _crm.Service.Update(new Entity("test_order", id) { ["test_counter"] = 1 }));

        Assert.Equal(8, _crm.FiredSteps.Where(s => s.PluginType == Plugins + "LoopPlugin").Max(s => s.Depth));
        Assert.Null(_crm.Get("test_order", id)!.GetAttributeValue<int?>("test_counter"));
    }

    [Fact]
    public void Should_RaiseDepthAndSetParentContext_When_PluginCallsTheService()
    {
        var id = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "depth" });

        var log = Assert.Single(_crm.All("test_log"));
        Assert.Equal(1, log.GetAttributeValue<int>("test_depth"));
        Assert.Equal(id, log.GetAttributeValue<EntityReference>("test_orderid").Id);
        Assert.All(_crm.FiredSteps.Where(s => s.PrimaryEntity == "test_log"), s => Assert.Equal(2, s.Depth));
    }

    [Fact]
    public void Should_PassSharedVariablesFromPreValidation_When_LaterStageReadsParentContext()
    {
        var id = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "shared" });

        Assert.Equal("hello from 10", _crm.Get("test_order", id)!.GetAttributeValue<string>("test_note"));
    }

    [Fact]
    public void Should_ExposeTagAsSharedVariable_When_RequestCarriesTag()
    {
        var request = new CreateRequest { Target = new Entity("test_order") { ["test_name"] = "tag" } };
        request["tag"] = "from the caller";

        var id = ((CreateResponse)_crm.Service.Execute(request)).id;

        Assert.Equal("from the caller", _crm.Get("test_order", id)!.GetAttributeValue<string>("test_note"));
    }

    [Fact]
    public void Should_ConstructOnePluginInstancePerStepWithItsConfiguration_When_StepFiresManyTimes()
    {
        _crm.SetSecureConfiguration(_crm.Metadata.Steps.Single(s => s.PluginTypeName.EndsWith("ConfigEcho", StringComparison.Ordinal)).Name,
            "secret");
        for (var i = 0; i < 3; i++) _crm.Service.Create(new Entity("test_order") { ["test_name"] = "order " + i });
        var distinctSteps = _crm.FiredSteps.Select(s => s.StepName).Distinct().Count();

        var log = _crm.Service.Create(new Entity("test_log") { ["test_name"] = "config" });

        Assert.Equal(distinctSteps, _crm.PluginInstanceCount);
        Assert.Equal("config:unsecure-value:secret", _crm.Get("test_log", log)!.GetAttributeValue<string>("test_name"));
    }

    [Fact]
    public void Should_RunUpdateStepsOncePerGroup_When_UpdateSplitsStateFromOrdinaryColumns()
    {
        var id = SeedOrder("split");

        _crm.Service.Update(new Entity("test_order", id) { ["test_note"] = "split", ["statecode"] = new OptionSetValue(1) });

        Assert.Equal(new[] { "update:test_note", "update:statecode" }, Logs());
        var row = _crm.Get("test_order", id)!;
        Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Should_RaiseBothPipelines_When_CreateMultipleAndCreateStepsExist()
    {
        var targets = new EntityCollection { EntityName = "test_order" };
        targets.Entities.Add(new Entity("test_order") { ["test_name"] = "bulk a" });
        targets.Entities.Add(new Entity("test_order") { ["test_name"] = "bulk b" });

        var ids = ((CreateMultipleResponse)_crm.Service.Execute(new CreateMultipleRequest { Targets = targets })).Ids;
        var single = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "bulk single" });

        Assert.All(ids, id => Assert.Equal(2, _crm.Get("test_order", id)!.GetAttributeValue<int>("test_counter")));
        Assert.Equal(1, _crm.Get("test_order", single)!.GetAttributeValue<int>("test_counter"));
        Assert.Equal(2, _crm.FiredSteps.Count(s => s.PluginType == Plugins + "BulkCounter"));
        Assert.Equal(3, _crm.FiredSteps.Count(s => s.PluginType == Plugins + "AuditLogPlugin"));
    }

    [Fact]
    public void Should_RunAsRegisteredUser_When_StepHasRunAsUser()
    {
        _crm.CreateUser(EmulatorFixture.RunAsUserId, "Integration User", isAdministrator: true);

        var id = _crm.Service.Create(new Entity("test_log") { ["test_name"] = "runas" });

        Assert.Equal($"runas:{EmulatorFixture.RunAsUserId}:{_crm.Users.DefaultUserId}",
            _crm.Get("test_log", id)!.GetAttributeValue<string>("test_name"));
    }

    [Fact]
    public void Should_RecordTraceOutputPerExecution_When_PluginTraces()
    {
        _crm.Service.Create(new Entity("test_order") { ["test_name"] = "traced" });

        var traces = _crm.Traces.Where(t => t.Step.PluginType == Plugins + "AuditLogPlugin").Select(t => t.Text).ToArray();
        Assert.Contains("logging traced", traces);
        Assert.All(_crm.Traces, t => Assert.Equal("Create", t.Step.Message));
    }

    [Fact]
    public void Should_CountCallerAndPluginRequestsSeparately_When_PluginCallsTheService()
    {
        _crm.Service.Create(new Entity("test_order") { ["test_name"] = "counted" });

        Assert.Equal(1, _crm.Requests.CallerCount("Create"));
        Assert.Equal(1, _crm.Requests.PluginCount("Create"));
        _crm.Requests.Reset();
        Assert.Equal(0, _crm.Requests.CallerTotal + _crm.Requests.PluginTotal);
    }

    [Fact]
    public void Should_StampOperationTimeFromTheClock_When_TestTravelsInTime()
    {
        _crm.Clock.Advance(TimeSpan.FromDays(30));

        var id = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "later" });

        Assert.Equal(_crm.Clock.UtcNow, _crm.Get("test_order", id)!.GetAttributeValue<DateTime>("createdon"));
    }

    [Fact]
    public void Should_DispatchCustomApiToItsPluginType_When_Executed()
    {
        var request = new OrganizationRequest("test_Calculate") { ["test_Input"] = 21 };

        var response = _crm.Service.Execute(request);

        Assert.Equal(42, response["test_Output"]);
        Assert.False(response.Results.Contains("undeclared"));
        Assert.Contains(_crm.FiredSteps, s => s.Stage == 30 && s.Message == "test_Calculate");
        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Execute(new OrganizationRequest("test_Calculate")));
    }

    [Fact]
    public void Should_CommitAndReturnNoResponses_When_ExecuteTransactionDoesNotAskForThem()
    {
        var id = SeedOrder("kept");
        var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
        transaction.Requests.Add(new UpdateRequest { Target = new Entity("test_order", id) { ["test_note"] = "changed" } });
        transaction.Requests.Add(
            new RetrieveRequest { Target = new EntityReference("test_order", id), ColumnSet = new ColumnSet("test_note") });

        var response = (ExecuteTransactionResponse)_crm.Service.Execute(transaction);

        Assert.Null(response.Responses);
        Assert.Equal("changed", _crm.Get("test_order", id)!.GetAttributeValue<string>("test_note"));
    }
}
