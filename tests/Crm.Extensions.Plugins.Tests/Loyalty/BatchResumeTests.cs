using System;
using System.Linq;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// The batch custom APIs are safe to re-run after an interruption. Each runs in the caller's transaction, so a run cut
/// off mid-way (here by the platform's 2-minute limit, reached because every request "takes" 30 s on the emulator clock)
/// leaves nothing half-written, and the next run does the whole job exactly once. They read in 5,000-row pages with
/// paging cookies and write lot statuses in UpdateMultiple batches of at most 1,000.
/// </summary>
public sealed class BatchResumeTests
{
    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();

    private DataProducer Data => new(_crm);

    [Fact]
    public void Should_ChangeNothing_When_TheLedgerRunIsInterruptedMidway()
    {
        var program = Data.Program();
        var customers = Enumerable.Range(0, 4).Select(_ => Data.Contact()).ToList();
        foreach (var customer in customers) PendingLot(customer, program, 100);

        Interrupted(() => Process());

        Assert.All(_crm.All(LoyaltyTransaction.EntityLogicalName),
            lot => Assert.Equal((int)GlobalChoices.LedgerEntryStatus.Pending, Status(lot)));
        Assert.All(customers,
            customer => Assert.Null(
                _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance)));
    }

    [Fact]
    public void Should_VestEveryLotExactlyOnce_When_TheLedgerRunIsRepeatedAfterAnInterruption()
    {
        var program = Data.Program();
        var customers = Enumerable.Range(0, 4).Select(_ => Data.Contact()).ToList();
        foreach (var customer in customers) PendingLot(customer, program, 100);
        Interrupted(() => Process());

        var resumed = Process();
        var again = Process();

        Assert.Equal(4, resumed.Results["Vested"]);
        Assert.Equal(0, again.Results["Vested"]);
        Assert.Equal(4, _crm.Count(LoyaltyTransaction.EntityLogicalName));
        Assert.All(customers,
            customer => Assert.Equal(100,
                _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance)));
        Assert.Contains(_crm.FiredSteps, s => s.PluginType == typeof(ProcessLoyaltyLedger).FullName && s.Stage == 30);
    }

    [Fact]
    public void Should_DowngradeEveryMemberExactlyOnce_When_TheTierRunIsRepeatedAfterAnInterruption()
    {
        var program = Data.Program();
        var gold = Data.Tier(program, t => t[LoyaltyTier.Fields.MinQualifyingPoints] = 1000);
        var members = Enumerable.Range(0, 4).Select(_ => Data.Contact(c =>
        {
            c[Contact.Fields.LoyaltyTierId] = gold.ToEntityReference();
            c[Contact.Fields.TierValidUntil] = _crm.Clock.UtcNow.AddDays(-40);
        })).ToList();

        Interrupted(() => Evaluate());
        var stillGold = members.Count(
            m => _crm.Get(Contact.EntityLogicalName, m.Id)!
            .GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id == gold.Id);
        var resumed = Evaluate();
        var again = Evaluate();

        Assert.Equal(4, stillGold);
        Assert.Equal(4, resumed.Results["Changed"]);
        Assert.Equal(0, again.Results["Changed"]);
        Assert.All(members,
            m => Assert.Null(_crm.Get(Contact.EntityLogicalName, m.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)));
    }

    [Fact]
    public void Should_VestInParts_When_EachCallMayChangeOnlyTwoMembers()
    {
        var program = Data.Program();
        var customers = Enumerable.Range(0, 5).Select(_ => Data.Contact()).ToList();
        foreach (var customer in customers) PendingLot(customer, program, 100);

        var parts = Enumerable.Range(0, 3).Select(_ => Process(maxMembers: 2)).ToList();

        Assert.Equal(new[] { 2, 2, 1 }, parts.Select(p => (int)p.Results["Vested"]));
        Assert.Equal(new[] { true, true, false }, parts.Select(p => (bool)p.Results["More"]));
        Assert.All(customers,
            customer => Assert.Equal(100,
                _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance)));
    }

    [Fact]
    public void Should_DowngradeInParts_When_EachCallMayWriteOnlyTwoMembers()
    {
        var program = Data.Program();
        var gold = Data.Tier(program, t => t[LoyaltyTier.Fields.MinQualifyingPoints] = 1000);
        var members = Enumerable.Range(0, 5).Select(_ => Data.Contact(c =>
        {
            c[Contact.Fields.LoyaltyTierId] = gold.ToEntityReference();
            c[Contact.Fields.TierValidUntil] = _crm.Clock.UtcNow.AddDays(-40);
        })).ToList();

        var parts = Enumerable.Range(0, 3).Select(_ => Evaluate(maxChanges: 2)).ToList();

        Assert.Equal(new[] { 2, 2, 1 }, parts.Select(p => (int)p.Results["Changed"]));
        Assert.Equal(new[] { true, true, false }, parts.Select(p => (bool)p.Results["More"]));
        Assert.All(members,
            m => Assert.Null(_crm.Get(Contact.EntityLogicalName, m.Id)!.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)));
    }

    [Fact]
    public void Should_VestInBatchesOfAThousandAndCountTheWholeBalance_When_TheLedgerHoldsMoreThanOnePage()
    {
        var program = Data.Program();
        var customer = Data.Contact();
        for (var i = 0; i < 5001; i++) PendingLot(customer, program, 1);
        _crm.Requests.Reset();

        var response = Process();

        Assert.Equal(5001, response.Results["Vested"]);
        Assert.Equal(6, _crm.Requests.PluginCount("UpdateMultiple"));
        Assert.Equal(5001, _crm.Get(Contact.EntityLogicalName, customer.Id)!.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
    }

    /// <summary>Runs <paramref name="run"/> with every request taking 30 s, so the operation passes 2 minutes and rolls back.</summary>
    private void Interrupted(Action run)
    {
        _crm.Options.ClockAdvancePerRequest = TimeSpan.FromSeconds(30);
        Assert.Throws<TimeoutException>(run);
        _crm.Options.ClockAdvancePerRequest = TimeSpan.Zero;
    }

    /// <summary>A lot earned 20 days ago that is still pending: the 14 pending days have passed, so the run vests it.</summary>
    private void PendingLot(Contact customer, LoyaltyProgram program, int points) => _crm.Seed(new LoyaltyTransaction
    {
        Id = Guid.NewGuid(),
        [LoyaltyTransaction.Fields.Name] = "Purchase",
        [LoyaltyTransaction.Fields.CustomerId] = customer.ToEntityReference(),
        [LoyaltyTransaction.Fields.LoyaltyProgramId] = program.ToEntityReference(),
        [LoyaltyTransaction.Fields.EntryType] = new OptionSetValue((int)GlobalChoices.LedgerEntryType.Bonus),
        [LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue((int)GlobalChoices.LedgerEntryStatus.Pending),
        [LoyaltyTransaction.Fields.Points] = points,
        [LoyaltyTransaction.Fields.EarnedOn] = _crm.Clock.UtcNow.AddDays(-20),
        [LoyaltyTransaction.Fields.AvailableOn] = _crm.Clock.UtcNow.AddDays(-6),
        [LoyaltyTransaction.Fields.ExpiresOn] = _crm.Clock.UtcNow.AddDays(300),
        [LoyaltyTransaction.Fields.SourceKey] = "bonus:test:" + Guid.NewGuid().ToString("N"),
        [LoyaltyTransaction.Fields.Reason] = "Test lot.",
    });

    private static int Status(Entity lot) => lot.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryStatus).Value;

    private OrganizationResponse Process(int? maxMembers = null)
    {
        var request = new OrganizationRequest(ProcessLoyaltyLedger.Api);
        if (maxMembers is { } max) request["MaxMembers"] = max;
        return _crm.Service.Execute(request);
    }

    private OrganizationResponse Evaluate(int? maxChanges = null)
    {
        var request = new OrganizationRequest(EvaluateTiers.Api);
        if (maxChanges is { } max) request["MaxChanges"] = max;
        return _crm.Service.Execute(request);
    }
}
