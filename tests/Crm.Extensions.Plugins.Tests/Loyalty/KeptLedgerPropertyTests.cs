using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Xunit.Abstractions;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// Random sequences of the product's events, each through the emulator's pipeline (pay an invoice, cancel one, redeem a
/// reward, cancel a redemption, adjust points either way, run the ledger), with the clock moved between them by hours,
/// days past the pending window or a year past expiry. After every step the kept state (each lot's stored status and
/// remaining points, the member's balance columns) equals what the replay of the whole ledger gives at the time the
/// member was last written (<see cref="MemberBalances.From"/>, <see cref="LedgerReplay"/>). Seeded, so repeatable.
/// </summary>
public sealed class KeptLedgerPropertyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan[] Steps =
    {
        TimeSpan.FromMinutes(7), TimeSpan.FromHours(5), TimeSpan.FromDays(3), TimeSpan.FromDays(15), TimeSpan.FromDays(40),
        TimeSpan.FromDays(200), TimeSpan.FromDays(370),
    };

    [Theory]
    [InlineData(1701)]
    [InlineData(1702)]
    [InlineData(1703)]
    public void Should_KeepEveryLotAndBalanceEqualToTheReplay_When_RandomEventsRunThroughThePipeline(int seed)
    {
        var random = new Random(seed);
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        var program = data.Program();
        var customer = data.Contact();
        var family = data.Product();
        var reward = data.Reward(program, pointsCost: 120);
        var administrator = crm.CreateUser("Laura Loyalty", roles: new[] { "Loyalty Administrator" });
        var settings = LoyaltyProgramReader.Active(crm.Service)!.Settings;
        var paid = new List<Invoice>();
        var issued = new List<EntityReference>();
        var counts = new Dictionary<string, int>();

        for (var step = 0; step < 70; step++)
        {
            crm.Clock.Advance(Steps[random.Next(Steps.Length)]);
            var action = step < 3 ? "pay" : Pick(random, paid.Count, issued.Count);
            counts[action] = counts.TryGetValue(action, out var seen) ? seen + 1 : 1;
            switch (action)
            {
                case "pay":
                    var invoice = data.Invoice(customer);
                    for (var line = random.Next(1, 4); line > 0; line--) data.Line(invoice, data.ProductIn(family), random.Next(5, 400));
                    data.Pay(invoice);
                    paid.Add(invoice);
                    break;
                case "cancel":
                    var cancelled = paid[random.Next(paid.Count)];
                    paid.Remove(cancelled);
                    data.Cancel(cancelled);
                    break;
                case "redeem":
                    Refusable(() => issued.Add((EntityReference)crm.Service.Execute(new OrganizationRequest(RedeemReward.Api)
                    {
                        ["Customer"] = customer.ToEntityReference(),
                        ["Reward"] = reward.ToEntityReference(),
                    }).Results["Redemption"]));
                    break;
                case "unredeem":
                    var redemption = issued[random.Next(issued.Count)];
                    issued.Remove(redemption);
                    crm.Service.Execute(new OrganizationRequest(CancelRedemption.Api) { [CancelRedemption.Redemption] = redemption });
                    break;
                case "adjust":
                    Refusable(() => crm.ServiceAs(administrator).Execute(new OrganizationRequest(AdjustPoints.Api)
                    {
                        [AdjustPoints.Customer] = customer.ToEntityReference(),
                        [AdjustPoints.Points] = random.Next(2) == 0 ? random.Next(1, 300) : -random.Next(1, 300),
                        [AdjustPoints.ReasonCode] = new OptionSetValue((int)GlobalChoices.AdjustmentReason.Correction),
                        [AdjustPoints.Note] = "Property test.",
                    }));
                    break;
                default:
                    crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));
                    break;
            }

            crm.DrainAsyncJobs();
            AssertKeptEqualsReplay(crm, customer, settings, $"seed {seed}, step {step} ({action})");
        }

        output.WriteLine(string.Join(", ", counts.OrderBy(pair => pair.Key).Select(pair => pair.Key + " " + pair.Value)));
        Assert.True(counts.Count >= 6, "Every kind of event ran at least once.");
    }

    private static string Pick(Random random, int paid, int issued)
    {
        var roll = random.Next(100);
        if (roll < 35) return "pay";
        if (roll < 45 && paid > 0) return "cancel";
        if (roll < 65) return "redeem";
        if (roll < 73 && issued > 0) return "unredeem";
        if (roll < 88) return "adjust";
        return "ledger";
    }

    /// <summary>A redemption or a debit beyond the balance is refused by the product: that is a valid outcome of a random step.</summary>
    private static void Refusable(Action act)
    {
        try
        {
            act();
        }
        catch (FaultException<OrganizationServiceFault> refusal) when (refusal.Detail.ErrorCode == unchecked((int)0x80040265))
        {
            // A business refusal (not enough points): nothing was written, which the next assertion checks like any step.
        }
    }

    private static string Dump(IEnumerable<LedgerEntry> ledger,
        DateTime keptAt) => "kept at " + keptAt.ToString("o") + Environment.NewLine + string.Join(
        Environment.NewLine,
        ledger.OrderBy(entry => entry.OccurredOn).Select(entry =>
            $"{entry.Kind} {entry.Points} on {entry.OccurredOn:o} vests {entry.VestsOn:o} expires {entry.ExpiresOn:o} "
            + $"{entry.Status} {entry.Remaining} {entry.SourceKey}"));

    /// <summary>
    /// The member row was last written at its modifiedon (every writer rewrites the balances under RowVersion): the rows and
    /// balances must be the replay at that time.
    /// </summary>
    private static void AssertKeptEqualsReplay(
        Emulator.DataverseEmulator crm, Contact customer, Domain.Loyalty.Configuration.ProgramSettings settings, string where)
    {
        var member = crm.Get(Contact.EntityLogicalName, customer.Id)!;
        var keptAt = member.GetAttributeValue<DateTime>("modifiedon");
        var rows = crm.All(LoyaltyTransaction.EntityLogicalName)
            .Where(row => row.GetAttributeValue<EntityReference>(LoyaltyTransaction.Fields.CustomerId)?.Id == customer.Id).ToList();
        var ledger = rows.Select(row => LedgerRows.FromRow(row)!).ToList();
        var lots = LedgerReplay.Replay(ledger, keptAt).Lots.ToDictionary(lot => lot.Entry.Id);
        foreach (var entry in ledger.Where(entry => entry.IsCredit && entry.Points > 0))
        {
            var lot = lots[entry.Id];
            Assert.True(lot.Status == entry.Status,
                $"{where}: lot {entry.SourceKey} is {entry.Status}, the replay says {lot.Status}. {Dump(ledger, keptAt)}");
            Assert.True(lot.Remaining == entry.Remaining,
                $"{where}: lot {entry.SourceKey} keeps {entry.Remaining}, the replay says {lot.Remaining}.");
        }

        var expected = MemberBalances.From(ledger, keptAt, settings);
        // The row stores max(0, available) and the debt: available is negative only by the debt (no vested lot holds points then).
        var stored = member.GetAttributeValue<int?>(Contact.Fields.PointsBalance)
            - member.GetAttributeValue<int?>(Contact.Fields.PointsDebt);
        Assert.True(expected.Available == stored, $"{where}: available {expected.Available} (debt {expected.Debt}), stored {stored}.");
        Assert.True(expected.Debt == member.GetAttributeValue<int?>(Contact.Fields.PointsDebt), $"{where}: debt.");
        Assert.True(expected.Pending == member.GetAttributeValue<int?>(Contact.Fields.PendingPoints), $"{where}: pending.");
        Assert.True(expected.QualifyingInWindow == member.GetAttributeValue<int?>(Contact.Fields.QualifyingPoints),
            $"{where}: qualifying.");
    }
}
