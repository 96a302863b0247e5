using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Portfolio;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// One writing unit: re-reads one page of 5,000 customers with what they hold now and their invoice-line aggregate, scores
/// each from the persisted <see cref="ScoringModel"/> (exactly what the whole-base scoring gave them), and writes only the
/// rows that differ, in UpdateMultiple batches of at most 1,000. At most 2 reads and 5 writes, whatever the size of the base.
/// </summary>
public static class WritingUnit
{
    public static AnalysisState Write(IOrganizationService service, AnalysisState state, AnalysisStep step, ScoringModel model)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (step is null) throw new ArgumentNullException(nameof(step));
        if (model is null) throw new ArgumentNullException(nameof(model));

        var page = CustomerPageReader.Read(service, step.Table, step.PagingCookie);
        var metrics = new CustomerMetricsAccumulator(model.Window);
        var stored = new Dictionary<CustomerKey, PortfolioColumns>();
        foreach (var customer in page.Customers)
        {
            metrics.AddCustomer(customer.Customer);
            stored[customer.Customer] = customer.Stored;
        }

        var lastPurchase = new Dictionary<CustomerKey, DateTime>();
        foreach (var purchases in InvoiceLineAggregate.Read(service, step.Table, page.Customers.Select(c => c.Customer.Id).ToList(),
            model.Window))
        {
            metrics.AddPurchases(purchases);
            var paidOn = purchases.LastPurchaseUtc;
            if (!lastPurchase.TryGetValue(purchases.Customer, out var last) || paidOn > last) lastPurchase[purchases.Customer] = paidOn;
        }

        var changed = new List<Entity>();
        foreach (var result in metrics.Build().Select(model.Score))
        {
            var columns = PortfolioColumns.FromResult(result, lastPurchase.TryGetValue(result.Customer, out var last) ? last : null);
            if (stored.TryGetValue(result.Customer, out var before) && before == columns) continue;
            changed.Add(columns.ToUpdate(result.Customer, SegmentWriter.IdOf(new SegmentGroup(result.Customer.Type, result.Segment))));
        }

        foreach (var batch in PortfolioChanges.Batches(changed))
            CustomerWriter.Write(service, CustomerPageReader.TableOf(step.Table), batch);
        return AnalysisPlan.AfterPageWritten(state, page.Customers.Count, changed.Count, page.MoreRecords, page.PagingCookie);
    }
}
