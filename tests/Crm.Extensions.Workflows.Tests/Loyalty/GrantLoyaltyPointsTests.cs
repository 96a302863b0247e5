using System;
using System.Linq;
using Crm.Extensions.Application.Loyalty;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Workflows.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.Loyalty;

public sealed class GrantLoyaltyPointsTests
{
    private readonly WorkflowRunner _workflow = new();

    private GrantedPoints Grant(EntityReference? customer, int points = 250, string? sourceKey = "complaint-123",
        string? reason = "Goodwill for a late delivery")
    {
        _workflow.Crm.ResetObservations();
        return _workflow.Run(
            context => Application.Loyalty.GrantPoints.Run(context, context.Workflow.UserId, customer, points, reason, sourceKey));
    }

    private int? Balance(Entity customer) =>
        _workflow.Crm.Get(customer.LogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance);

    [Fact]
    public void Should_CreditOneBonusEntryAndTheBalance_When_PointsAreGranted()
    {
        _workflow.Data.Program();
        var customer = _workflow.Data.Contact();

        var granted = Grant(customer.ToEntityReference());

        Assert.True(granted.Written);
        Assert.Equal(LoyaltyTransaction.EntityLogicalName, granted.Entry.LogicalName);
        var entry = _workflow.Crm.Get(LoyaltyTransaction.EntityLogicalName, granted.Entry.Id)!;
        Assert.Equal(250, entry.GetAttributeValue<int>(LoyaltyTransaction.Fields.Points));
        Assert.Equal((int)GlobalChoices.LedgerEntryType.Bonus,
            entry.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryType).Value);
        Assert.Equal($"bonus:complaint-123:{customer.Id}", entry.GetAttributeValue<string>(LoyaltyTransaction.Fields.SourceKey));
        Assert.Equal("Goodwill for a late delivery", entry.GetAttributeValue<string>(LoyaltyTransaction.Fields.Reason));
        Assert.Equal(250, Balance(customer));
        // The guards fire and let the activity's SYSTEM writes through: the loyalty columns' guard on the balance update and
        // the ledger guard each recognise the SYSTEM user (SYSTEM started this run) with one query per plugin instance.
        Assert.Equal(
            new[] { "Crm.Extensions.Plugins.Loyalty.GuardLedger", "Crm.Extensions.Plugins.Loyalty.GuardLoyaltyColumns" },
            _workflow.Crm.FiredSteps.Select(s => s.PluginType).Distinct().OrderBy(s => s, System.StringComparer.Ordinal));
        // The activity's own: the customer exists, the program, the caller's rights, the ledger; then the entry and the balance.
        Assert.Equal(
            "caller 6 (CreateMultiple 1, RetrieveMultiple 3, RetrievePrincipalAccess 1, Update 1), plugins 2 (RetrieveMultiple 2)",
            _workflow.Crm.Requests.ToString());
    }

    [Fact]
    public void Should_ReturnTheSameEntryAndWriteNothing_When_TheSameSourceKeyIsGrantedAgain()
    {
        _workflow.Data.Program();
        var customer = _workflow.Data.Account();
        var first = Grant(customer.ToEntityReference());

        var replay = Grant(customer.ToEntityReference());

        Assert.False(replay.Written);
        Assert.Equal(first.Entry.Id, replay.Entry.Id);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(1, _workflow.Crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.Equal(250, Balance(customer));
    }

    [Fact]
    public void Should_CreditEachCustomerOnce_When_TwoCustomersShareTheSourceKey()
    {
        _workflow.Data.Program();
        var ana = _workflow.Data.Contact();
        var luis = _workflow.Data.Contact();

        var toAna = Grant(ana.ToEntityReference(), sourceKey: "spring-campaign");
        var toLuis = Grant(luis.ToEntityReference(), sourceKey: "spring-campaign");

        Assert.NotEqual(toAna.Entry.Id, toLuis.Entry.Id);
        Assert.Equal(250, Balance(ana));
        Assert.Equal(250, Balance(luis));
    }

    [Fact]
    public void Should_RefuseInSpanishAndWriteNothing_When_ThePointsAreNotPositive()
    {
        _workflow.Data.Program();
        var customer = _workflow.Data.Contact();
        _workflow.RunAsSpanishUser();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Grant(customer.ToEntityReference(), points: 0));

        Assert.Equal("Una bonificación debe sumar al menos un punto.", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
        Assert.Equal(0, _workflow.Crm.Count(LoyaltyTransaction.EntityLogicalName));
    }

    [Fact]
    public void Should_RefuseWithTheCapMessageAndWriteNothing_When_TheGrantPassesTheMaximumBalance()
    {
        _workflow.Data.Program(p => p[LoyaltyProgram.Fields.MaxBalance] = 1_000);
        var customer = _workflow.Data.Contact();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Grant(customer.ToEntityReference(), points: 5_000));

        Assert.Contains("above the program maximum of 1000", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workflow.Writes);
        Assert.Null(Balance(customer));
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_NoSourceKeyIsGiven()
    {
        _workflow.Data.Program();
        var customer = _workflow.Data.Contact();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Grant(customer.ToEntityReference(), sourceKey: "  "));

        Assert.StartsWith("Give a source key", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, _workflow.Writes);
    }

    [Fact]
    public void Should_RefuseAndWriteNothing_When_NoLoyaltyProgramIsActive()
    {
        var customer = _workflow.Data.Contact();

        var refusal = Assert.Throws<InvalidPluginExecutionException>(() => Grant(customer.ToEntityReference()));

        Assert.Equal("No loyalty program is active, so no points can be granted.", refusal.Message);
        Assert.Equal(0, _workflow.Writes);
    }
}
