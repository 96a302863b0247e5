using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Tiers;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Loyalty;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// One call of cx_EvaluateTiers and one of cx_ProcessLoyaltyLedger give every member exactly what the domain gives it from
/// its own ledger, however many 5,000-row pages the readers cross (members and ledger rows are read by a key cursor). The
/// data is skewed as real purchase data is: a few heavy buyers with dozens of paid lines, most members with one or none,
/// some redemptions; tier standings spread over every case (no tier, expired beyond grace, in grace, valid, a manual
/// floor), a few recent detractors, and profit concentrated in a few members (the top-profit share). Seeded, so repeatable.
/// </summary>
public sealed class LoyaltyBatchPropertyTests
{
    private const int Contacts = 5150;
    private const int Accounts = 350;

    private readonly Emulator.DataverseEmulator _crm = ProductSolution.Start();
    private readonly DataProducer _data;
    private readonly LoyaltyProgram _program;
    private readonly List<LoyaltyTier> _tiers;
    private readonly Product _product;

    public LoyaltyBatchPropertyTests()
    {
        _data = new DataProducer(_crm);
        _program = _data.Program();
        _product = _data.Product();
        _tiers = new List<LoyaltyTier>
        {
            _data.Tier(_program,
                t => { t[LoyaltyTier.Fields.Name] = "Silver"; t[LoyaltyTier.Fields.Rank] = 1;
                    t[LoyaltyTier.Fields.MinQualifyingPoints] = 300; }),
            _data.Tier(_program,
                t => { t[LoyaltyTier.Fields.Name] = "Gold"; t[LoyaltyTier.Fields.Rank] = 2;
                    t[LoyaltyTier.Fields.MinSpend] = new Money(3000m); }),
            _data.Tier(_program, t =>
            {
                t[LoyaltyTier.Fields.Name] = "Platinum";
                t[LoyaltyTier.Fields.Rank] = 3;
                t[LoyaltyTier.Fields.MinQualifyingPoints] = 8000;
                t[LoyaltyTier.Fields.IsVip] = true;
            }),
        };
    }

    [Fact]
    public void Should_GiveEveryMemberTheDomainTier_When_OneRunPagesThroughSkewedData()
    {
        var members = Seed(new Random(7100));
        var asOf = _crm.Clock.UtcNow;
        var program = LoyaltyProgramReader.Active(_crm.Service)!;
        var tiers = new TierEvaluator(program.Settings, program.Tiers);
        var top = new HashSet<Guid>(
            TopProfitShare.Select(members.Select(m => new CustomerProfit(m.Row.Id, m.Profit)).ToList(),
                program.Settings.VipTopProfitShare));

        var response = _crm.Service.Execute(new OrganizationRequest(EvaluateTiers.Api));

        var changes = 0;
        foreach (var member in members)
        {
            var purchases = member.Paid.Select(p => new PurchaseActivity(p.InvoiceId, p.PaidOn, p.Amount)).ToList();
            var measures = QualificationWindow.Measure(purchases, member.Ledger, asOf, program.Settings.QualificationWindowMonths);
            var input = new TierEvaluationInput(new TierStanding(member.TierId, member.ValidUntil, member.FloorId), measures, asOf)
            {
                InTopProfitShare = top.Contains(member.Row.Id),
                LastDetractorOn = member.DetractorOn,
            };
            var expected = tiers.Evaluate(input, TierEvaluationMode.PeriodEnd);
            if (expected.TierId != member.TierId || expected.ValidUntil != member.ValidUntil || expected.IsUpgradeBlocked) changes++;
            var stored = _crm.Get(member.Row.LogicalName, member.Row.Id)!;
            var tier = stored.GetAttributeValue<EntityReference>(Contact.Fields.LoyaltyTierId)?.Id;
            Assert.True(expected.TierId == tier,
                $"{member.Row.LogicalName} {member.Row.Id}: expected tier {expected.TierId}, stored {tier}.");
            Assert.Equal(expected.ValidUntil, stored.GetAttributeValue<DateTime?>(Contact.Fields.TierValidUntil));
            Assert.Equal(expected.IsUpgradeBlocked, stored.GetAttributeValue<bool?>(Contact.Fields.UpgradeBlocked) == true);
        }

        Assert.True(changes > 500, "the seed must change the tier of many members");
        Assert.Equal(changes, response["Changed"]);
        Assert.Equal(false, response["More"]);
    }

    [Fact]
    public void Should_GiveEveryMemberTheDomainLotsAndBalances_When_OneLedgerRunPagesThroughSkewedData()
    {
        var members = Seed(new Random(7200));
        var asOf = _crm.Clock.UtcNow;
        var program = LoyaltyProgramReader.Active(_crm.Service)!;

        var response = _crm.Service.Execute(new OrganizationRequest(ProcessLoyaltyLedger.Api));

        var vested = 0;
        var expired = 0;
        foreach (var member in members.Where(m => m.Ledger.Count > 0))
        {
            var result = LedgerProcessor.Process(member.Ledger, asOf, program.Settings);
            vested += result.StatusChanges.Count(c => c.From == LedgerEntryStatus.Pending && c.To == LedgerEntryStatus.Available);
            expired += result.ExpiryEntries.Count;
            var to = result.StatusChanges.ToDictionary(c => c.EntryId, c => c.To);
            foreach (var lot in member.Ledger.Where(entry => entry.IsCredit))
            {
                var expected = LedgerRows.StoredStatus(to.TryGetValue(lot.Id, out var status) ? status : lot.Status);
                var stored = (GlobalChoices.LedgerEntryStatus?)_crm.Get(LoyaltyTransaction.EntityLogicalName, lot.Id)!
                    .GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryStatus)?.Value;
                Assert.True(expected == stored, $"lot {lot.Id} of {member.Row.Id}: expected {expected}, stored {stored}.");
            }

            var row = _crm.Get(member.Row.LogicalName, member.Row.Id)!;
            if (result.StatusChanges.Count == 0 && result.ExpiryEntries.Count == 0)
            {
                Assert.Null(row.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
                continue;
            }

            var balances = MemberBalances.From(member.Ledger.Concat(result.ExpiryEntries).ToList(), asOf, program.Settings);
            Assert.Equal(balances.Available, row.GetAttributeValue<int?>(Contact.Fields.PointsBalance));
            Assert.Equal(balances.Pending, row.GetAttributeValue<int?>(Contact.Fields.PendingPoints));
            Assert.Equal(balances.QualifyingInWindow, row.GetAttributeValue<int?>(Contact.Fields.QualifyingPoints));
        }

        Assert.True(vested > 500 && expired > 500, "the seed must vest and expire many lots");
        Assert.Equal(vested, response["Vested"]);
        Assert.Equal(expired, response["Expired"]);
        Assert.Equal(expired, _crm.All(LoyaltyTransaction.EntityLogicalName)
            .Count(
                r => r.GetAttributeValue<OptionSetValue>(LoyaltyTransaction.Fields.EntryType)?.Value == (
                    int)GlobalChoices.LedgerEntryType.Expire));
        Assert.Equal(false, response["More"]);
    }

    private sealed record Purchase(Guid InvoiceId, DateTime PaidOn, decimal Amount);

    private sealed record Member(EntityReference Row, Guid? TierId, DateTime? ValidUntil, Guid? FloorId, decimal Profit,
        DateTime? DetractorOn,
        IReadOnlyList<Purchase> Paid, IReadOnlyList<LedgerEntry> Ledger);

    /// <summary>The members with their ledgers (more than 5,000 rows in all), as the batches will read them.</summary>
    private List<Member> Seed(Random random)
    {
        var settings = LoyaltyProgramReader.Active(_crm.Service)!.Settings;
        var now = _crm.Clock.UtcNow;
        var members = new List<Member>();
        for (var i = 0; i < Contacts + Accounts; i++)
        {
            var tierRoll = random.Next(4);
            Guid? tierId = tierRoll == 0 ? null : _tiers[tierRoll - 1].Id;
            DateTime? validUntil = tierId is null ? null : random.Next(4) switch
            {
                0 => now.Date.AddDays(-random.Next(31, 200)),
                1 => now.Date.AddDays(-random.Next(1, 29)),
                2 => now.Date.AddDays(random.Next(1, 300)),
                _ => null,
            };
            Guid? floorId = random.NextDouble() < 0.03 ? _tiers[0].Id : null;
            var profitRoll = random.NextDouble();
            var profit = profitRoll < 0.02 ? random.Next(5_000, 50_000) : profitRoll < 0.7 ? random.Next(0, 400) : -random.Next(0, 100);
            void Standing(Entity row)
            {
                if (tierId is { } tier) row[Contact.Fields.LoyaltyTierId] = new EntityReference(LoyaltyTier.EntityLogicalName, tier);
                row[Contact.Fields.TierValidUntil] = validUntil;
                if (floorId is { } floor) row[Contact.Fields.TierFloorId] = new EntityReference(LoyaltyTier.EntityLogicalName, floor);
                row[Contact.Fields.TotalProfit] = new Money(profit);
            }

            Entity customer = i < Contacts ? _data.Contact(Standing) : _data.Account(Standing);
            var reference = customer.ToEntityReference();
            var (paid, ledger) = History(random, reference, now, settings);
            DateTime? detractorOn = random.NextDouble() < 0.04 ? now.AddDays(-random.Next(0, 200)) : null;
            if (detractorOn is { } answered)
            {
                _crm.Seed(new SatisfactionSurvey
                {
                    Id = Guid.NewGuid(),
                    [SatisfactionSurvey.Fields.Name] = "NPS",
                    [SatisfactionSurvey.Fields.CustomerId] = reference,
                    [SatisfactionSurvey.Fields.NpsCategory] = new OptionSetValue((int)SatisfactionSurvey.NpsCategoryChoice.Detractor),
                    [SatisfactionSurvey.Fields.AnsweredOn] = answered,
                });
            }

            members.Add(new Member(reference, tierId, validUntil, floorId, profit, detractorOn, paid, ledger));
        }

        Assert.True(members.Sum(m => m.Ledger.Count) > 5000, "the ledger must cross more than one page");
        return members;
    }

    /// <summary>
    /// Skewed: 2% buy 20–45 lines, 55% one, the rest 2–5 or none; paid 0–500 days ago (some lots still pending, some
    /// expired); one member in ten redeemed part of what had vested. Earn rows are built as the paid step builds them.
    /// </summary>
    private (List<Purchase> Paid, List<LedgerEntry> Ledger) History(
        Random random, EntityReference customer, DateTime now, Crm.Extensions.Domain.Loyalty.Configuration.ProgramSettings settings)
    {
        var roll = random.NextDouble();
        var count = roll < 0.02 ? random.Next(20, 46) : roll < 0.57 ? 1 : roll < 0.9 ? random.Next(2, 6) : 0;
        var paid = new List<Purchase>();
        var ledger = new List<LedgerEntry>();
        for (var i = 0; i < count; i++)
        {
            var paidOn = now.AddDays(-random.Next(0, 500)).AddMinutes(-random.Next(0, 1440));
            var amount = (decimal)random.Next(20, 900);
            var paidRow = _data.PaidEarlier(
                customer.LogicalName == Contact.EntityLogicalName ? new Contact { Id = customer.Id } : new Account { Id = customer.Id });
            var line = _data.Line(paidRow, _product, amount);
            var invoice = new Crm.Extensions.Domain.Loyalty.Ledger.PaidInvoice(paidRow.Id, customer.Id, paidOn,
                new[] { new PaidInvoiceLine(line.Id, _product.Id, _product.Id, amount) });
            var earn = LedgerEntries.Earn(invoice, invoice.Lines[0], EarnPlanner.PointsFor(amount, 1m, 1m), 1m, settings, capped: false);
            paid.Add(new Purchase(invoice.InvoiceId, paidOn, amount));
            ledger.Add(earn);
        }

        var vestedBefore = ledger.Where(e => e.VestsOn < now.AddDays(-30) && e.ExpiresOn > now.AddDays(-30)).Sum(e => e.Points);
        if (vestedBefore > 10 && random.NextDouble() < 0.1)
        {
            ledger.Add(LedgerEntries.Redeem(customer.Id, Guid.NewGuid(), random.Next(1, vestedBefore / 2), now.AddDays(-30), "Voucher"));
        }

        foreach (var entry in ledger) _crm.Seed(LedgerRows.ToRow(entry, customer, _program.Id));
        return (paid, ledger);
    }
}
