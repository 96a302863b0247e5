using System;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// What an analysis writes on a contact or account, as comparable values: "write only what changed" is record inequality.
/// The segment is compared by its code, not by the cx_customersegment row, because every analysis has its own segment rows:
/// a customer whose segment did not change keeps pointing at the row of the analysis that last changed it.
/// Money is rounded to cents on both sides, as stored.
/// </summary>
public sealed record PortfolioColumns(
    int? RecencyScore,
    int? FrequencyScore,
    int? MonetaryScore,
    int? RfmScore,
    int? SegmentCode,
    decimal Clv,
    decimal Revenue,
    decimal Profit,
    int Purchases,
    DateTime? LastPurchaseOn,
    bool IsTarget)
{
    /// <summary>
    /// The columns read with each customer page (the segment code comes through a link, see <see cref="CustomerPageReader"/>).
    /// </summary>
    public static readonly string[] Names =
    {
        Contact.Fields.RecencyScore, Contact.Fields.FrequencyScore, Contact.Fields.MonetaryScore, Contact.Fields.RfmScore,
        Contact.Fields.CustomerSegmentId, Contact.Fields.Clv, Contact.Fields.TotalRevenue, Contact.Fields.TotalProfit,
        Contact.Fields.PurchaseCount, Contact.Fields.LastPurchaseOn, Contact.Fields.IsTarget,
    };

    /// <summary>The option value of a domain segment in the global choice cx_rfmsegment (Champions = 586700000, in domain order).</summary>
    public static int SegmentChoice(RfmSegment segment)
        => (int)GlobalChoices.RFMSegment.Champions + (int)segment - (int)RfmSegment.Champions;

    /// <summary>The option value of a customer type in the global choice cx_customertype.</summary>
    public static int TypeChoice(CustomerType type) =>
        (int)(type == CustomerType.Contact ? GlobalChoices.CustomerType.Person : GlobalChoices.CustomerType.Organization);

    public static PortfolioColumns FromResult(CustomerPortfolioResult result, DateTime? lastPurchaseOn)
    {
        if (result is null) throw new ArgumentNullException(nameof(result));
        int? rfm = result.RecencyScore is { } r && result.FrequencyScore is { } f && result.MonetaryScore is { } m
            ? (r * 100) + (f * 10) + m : null;
        return new PortfolioColumns(
            result.RecencyScore, result.FrequencyScore, result.MonetaryScore, rfm, SegmentChoice(result.Segment),
            Cents(result.HistoricClv), Cents(result.Monetary), Cents(result.Profit), result.Frequency, lastPurchaseOn, result.IsTarget);
    }

    /// <param name="segmentCode">The cx_segmentcode of the row the customer's segment lookup points to (read through a link).</param>
    public static PortfolioColumns FromRow(Entity row, int? segmentCode)
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        return new PortfolioColumns(
            row.GetAttributeValue<int?>(Contact.Fields.RecencyScore),
            row.GetAttributeValue<int?>(Contact.Fields.FrequencyScore),
            row.GetAttributeValue<int?>(Contact.Fields.MonetaryScore),
            row.GetAttributeValue<int?>(Contact.Fields.RfmScore),
            row.GetAttributeValue<EntityReference>(Contact.Fields.CustomerSegmentId) is null ? null : segmentCode,
            Cents(row.GetAttributeValue<Money>(Contact.Fields.Clv)?.Value ?? 0m),
            Cents(row.GetAttributeValue<Money>(Contact.Fields.TotalRevenue)?.Value ?? 0m),
            Cents(row.GetAttributeValue<Money>(Contact.Fields.TotalProfit)?.Value ?? 0m),
            row.GetAttributeValue<int?>(Contact.Fields.PurchaseCount) ?? 0,
            row.GetAttributeValue<DateTime?>(Contact.Fields.LastPurchaseOn),
            row.GetAttributeValue<bool?>(Contact.Fields.IsTarget) ?? false);
    }

    /// <summary>The update of one customer row: every portfolio column, so a written row is always consistent.</summary>
    public Entity ToUpdate(CustomerKey customer, Guid segmentId)
    {
        var table = customer.Type == CustomerType.Contact ? Contact.EntityLogicalName : Account.EntityLogicalName;
        return new Entity(table, customer.Id)
        {
            [Contact.Fields.RecencyScore] = RecencyScore,
            [Contact.Fields.FrequencyScore] = FrequencyScore,
            [Contact.Fields.MonetaryScore] = MonetaryScore,
            [Contact.Fields.RfmScore] = RfmScore,
            [Contact.Fields.CustomerSegmentId] = new EntityReference(CustomerSegment.EntityLogicalName, segmentId),
            [Contact.Fields.Clv] = new Money(Clv),
            [Contact.Fields.TotalRevenue] = new Money(Revenue),
            [Contact.Fields.TotalProfit] = new Money(Profit),
            [Contact.Fields.PurchaseCount] = Purchases,
            [Contact.Fields.LastPurchaseOn] = LastPurchaseOn,
            [Contact.Fields.IsTarget] = IsTarget,
        };
    }

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
