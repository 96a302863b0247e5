using System;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

/// <summary>Loyalty and invoicing rows: an active program, tiers, products in families, open invoices with lines, journeys.</summary>
public sealed partial class DataProducer
{
    public LoyaltyProgram Program(Action<LoyaltyProgram>? with = null) => Seeded(NewProgram(), with);

    /// <summary>A valid program that is not saved yet (for tests of the save itself).</summary>
    public LoyaltyProgram NewProgram(Action<LoyaltyProgram>? with = null)
    {
        var program = new LoyaltyProgram
        {
            Id = Guid.NewGuid(),
            [LoyaltyProgram.Fields.Name] = "Club",
            [LoyaltyProgram.Fields.QualificationWindowMonths] = 12,
            [LoyaltyProgram.Fields.DowngradeGraceDays] = 30,
            [LoyaltyProgram.Fields.PendingDays] = 14,
            [LoyaltyProgram.Fields.PointsPerCurrencyUnit] = 1m,
            [LoyaltyProgram.Fields.ExpiryPolicy] = new OptionSetValue((int)GlobalChoices.ExpiryPolicy.AfterNDays),
            [LoyaltyProgram.Fields.ExpiryDays] = 365,
            [LoyaltyProgram.Fields.MaxBalance] = 1_000_000,
        };
        with?.Invoke(program);
        return program;
    }

    public LoyaltyTier Tier(LoyaltyProgram program, Action<LoyaltyTier>? with = null)
    {
        var tier = new LoyaltyTier
        {
            Id = Guid.NewGuid(),
            [LoyaltyTier.Fields.Name] = "Silver",
            [LoyaltyTier.Fields.Rank] = 1,
            [LoyaltyTier.Fields.PointsMultiplier] = 1m,
            [LoyaltyTier.Fields.LoyaltyProgramId] = program.ToEntityReference(),
        };
        return Seeded(tier, with);
    }

    /// <summary>A product under the top-level product <paramref name="family"/> (its product family).</summary>
    public Product ProductIn(Product family, Action<Product>? with = null) => Product(product =>
    {
        product[Extensions.EarlyBound.Product.Fields.ParentProductId] = family.ToEntityReference();
        with?.Invoke(product);
    });

    /// <summary>An active invoice of <paramref name="customer"/>; it is paid or cancelled through the service by the test.</summary>
    public Invoice Invoice(Entity customer, Action<Invoice>? with = null)
    {
        var invoice = new Invoice
        {
            Id = Guid.NewGuid(),
            [Extensions.EarlyBound.Invoice.Fields.Name] = "INV " + Guid.NewGuid().ToString("N")[..6],
            [Extensions.EarlyBound.Invoice.Fields.CustomerId] = customer.ToEntityReference(),
            [Extensions.EarlyBound.Invoice.Fields.StateCode] = new OptionSetValue(0),
            [Extensions.EarlyBound.Invoice.Fields.StatusCode] = new OptionSetValue(1),
        };
        return Seeded(invoice, with);
    }

    public InvoiceDetail Line(Invoice invoice, Product product, decimal amount = 100m, Action<InvoiceDetail>? with = null)
    {
        var line = new InvoiceDetail
        {
            Id = Guid.NewGuid(),
            [InvoiceDetail.Fields.InvoiceId] = invoice.ToEntityReference(),
            [InvoiceDetail.Fields.ProductId] = product.ToEntityReference(),
            [InvoiceDetail.Fields.Quantity] = 1m,
            [InvoiceDetail.Fields.ExtendedAmount] = new Money(amount),
        };
        return Seeded(line, with);
    }

    /// <summary>Marks the invoice paid through the service, as a user does (steps fire).</summary>
    public void Pay(Invoice invoice) => SetState(invoice, InvoiceStates.Paid, 100001);

    /// <summary>Cancels the invoice through the service (steps fire).</summary>
    public void Cancel(Invoice invoice) => SetState(invoice, InvoiceStates.Canceled, 100003);

    private void SetState(Invoice invoice, int state, int status)
        => Crm.Service.Update(new Entity(Extensions.EarlyBound.Invoice.EntityLogicalName, invoice.Id)
    {
        [Extensions.EarlyBound.Invoice.Fields.StateCode] = new OptionSetValue(state),
        [Extensions.EarlyBound.Invoice.Fields.StatusCode] = new OptionSetValue(status),
    });

    /// <summary>An invoice paid before the test starts (seeded: no steps fire).</summary>
    public Invoice PaidEarlier(Entity customer) => Invoice(customer, invoice =>
    {
        invoice[Extensions.EarlyBound.Invoice.Fields.StateCode] = new OptionSetValue(InvoiceStates.Paid);
        invoice[Extensions.EarlyBound.Invoice.Fields.StatusCode] = new OptionSetValue(100001);
    });

    public LoyaltyJourney Journey(Entity customer, Product family, Action<LoyaltyJourney>? with = null)
    {
        var journey = new LoyaltyJourney
        {
            Id = Guid.NewGuid(),
            [LoyaltyJourney.Fields.Name] = "Journey",
            [LoyaltyJourney.Fields.CustomerId] = customer.ToEntityReference(),
            [LoyaltyJourney.Fields.ProductFamilyId] = family.ToEntityReference(),
            [LoyaltyJourney.Fields.Phase] = new OptionSetValue((int)GlobalChoices.LoyaltyPhase.IKnowledge),
            [LoyaltyJourney.Fields.PurchaseCount] = 1,
        };
        return Seeded(journey, with);
    }

    public Reward Reward(LoyaltyProgram program, int pointsCost = 300, Action<Reward>? with = null)
    {
        var reward = new Reward
        {
            Id = Guid.NewGuid(),
            [Extensions.EarlyBound.Reward.Fields.Name] = "Coffee voucher",
            [Extensions.EarlyBound.Reward.Fields.RewardType] = new OptionSetValue((int)GlobalChoices.RewardType.FixedVoucher),
            [Extensions.EarlyBound.Reward.Fields.PointsCost] = pointsCost,
            [Extensions.EarlyBound.Reward.Fields.LoyaltyProgramId] = program.ToEntityReference(),
        };
        return Seeded(reward, with);
    }

    /// <summary>Points the customer can spend now: a vested bonus lot in the ledger (balances are computed from the ledger).</summary>
    /// <remarks>
    /// Ledger rows are written only by the product (GuardLedger), so a test states other facts through <paramref name="with"/>.
    /// </remarks>
    public LoyaltyTransaction AvailablePoints(Entity customer, LoyaltyProgram program, int points, Action<LoyaltyTransaction>? with = null)
    {
        var key = "bonus:test:" + Guid.NewGuid().ToString("N");
        var lot = new LoyaltyTransaction
        {
            Id = Guid.NewGuid(),
            [LoyaltyTransaction.Fields.Name] = "Bonus",
            [LoyaltyTransaction.Fields.CustomerId] = customer.ToEntityReference(),
            [LoyaltyTransaction.Fields.LoyaltyProgramId] = program.ToEntityReference(),
            [LoyaltyTransaction.Fields.EntryType] = new OptionSetValue((int)GlobalChoices.LedgerEntryType.Bonus),
            [LoyaltyTransaction.Fields.EntryStatus] = new OptionSetValue((int)GlobalChoices.LedgerEntryStatus.Available),
            [LoyaltyTransaction.Fields.Points] = points,
            [LoyaltyTransaction.Fields.EarnedOn] = Crm.Clock.UtcNow.AddDays(-30),
            [LoyaltyTransaction.Fields.AvailableOn] = Crm.Clock.UtcNow.AddDays(-30),
            [LoyaltyTransaction.Fields.ExpiresOn] = Crm.Clock.UtcNow.AddDays(300),
            [LoyaltyTransaction.Fields.SourceKey] = key,
            [LoyaltyTransaction.Fields.Reason] = "Welcome bonus.",
        };
        return Seeded(lot, with);
    }
}
