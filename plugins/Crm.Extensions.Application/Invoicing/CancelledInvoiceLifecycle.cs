using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Lifecycle;

namespace Crm.Extensions.Application.Invoicing;

/// <summary>
/// A cancelled invoice moves the stage at once and rebuilds the customer's purchase facts from the invoices themselves
/// (the cancelled one no longer counts), so the next payment starts from the truth.
/// </summary>
internal static class CancelledInvoiceLifecycle
{
    public static void Apply(IUseCaseContext context, InvoiceEvent cancelled)
    {
        var service = context.SystemService;
        // Request only when the instance's settings cache is cold or expired (SettingsCache): the lifecycle variables.
        var thresholds = context.Settings.Lifecycle();
        // Request: RetrieveMultiple — stage, RowVersion, paid invoices and NPS answers of the customer.
        var history = CustomerLifecycleReader.History(service, cancelled.Customer, cancelled.On, thresholds);
        var transition = LifecycleEngine.Evaluate(history.Stage, history.Facts.ToLifecycleFacts(cancelled.On, thresholds), LifecycleTrigger.InvoiceCancelled, cancelled.On, thresholds);

        var row = CustomerRowWriter.NewRow(cancelled.Customer);
        PurchaseFactsColumns.Set(row, history.Facts);
        if (transition is not null) LifecycleWriter.SetStage(row, transition);
        // Request: Update with IfRowVersionMatches — purchase facts (and the stage on a change).
        CustomerRowWriter.Write(service, row, history.RowVersion);
        // Request only on a stage change: Create of the transition.
        if (transition is not null) LifecycleWriter.Record(service, cancelled.Customer, transition, cancelled.TransitionKey(transition.Trigger));
    }
}
