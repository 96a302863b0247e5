using System;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>
/// The one Update of the customer an invoice event makes: balances, purchase facts and stage together, under the RowVersion
/// read with them (<c>IfRowVersionMatches</c>), so a concurrent payment, redemption or ledger run is never overwritten.
/// The invoice steps run inside the payment's transaction, where a failed request dooms the transaction: a retry cannot
/// run there, so a conflict refuses the payment with a clear en/es message and the user saves it again (the payment and
/// everything it wrote roll back together; the async <see cref="BalanceWriter"/> keeps its retry).
/// </summary>
public static class CustomerRowWriter
{
    /// <summary>A row for <paramref name="customer"/> to collect the changed columns in.</summary>
    public static Entity NewRow(EntityReference customer)
    {
        if (customer is null) throw new ArgumentNullException(nameof(customer));
        return new Entity(customer.LogicalName, customer.Id);
    }

    /// <summary>Adds the balances to the row when they differ from the stored ones; true when they did.</summary>
    public static bool SetBalances(Entity row, MemberBalances balances, MemberBalances stored)
    {
        if (row is null) throw new ArgumentNullException(nameof(row));
        if (balances is null) throw new ArgumentNullException(nameof(balances));
        if (stored is null) throw new ArgumentNullException(nameof(stored));
        if (balances.Available == stored.Available && balances.Pending == stored.Pending
            && balances.QualifyingInWindow == stored.QualifyingInWindow) return false;
        row[Contact.Fields.PointsBalance] = balances.Available;
        row[Contact.Fields.PendingPoints] = balances.Pending;
        row[Contact.Fields.QualifyingPoints] = balances.QualifyingInWindow;
        return true;
    }

    /// <summary>Writes the row if it holds any column; nothing changed, nothing written. Without a RowVersion it writes plainly.</summary>
    public static void Write(IOrganizationService service, Entity row, string? rowVersion)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (row is null) throw new ArgumentNullException(nameof(row));
        if (row.Attributes.Count == 0) return;
        row.RowVersion = rowVersion;
        try
        {
            service.Execute(
                new UpdateRequest { Target = row,
                    ConcurrencyBehavior = rowVersion is null ? ConcurrencyBehavior.Default : ConcurrencyBehavior.IfRowVersionMatches });
        }
        catch (Exception conflict) when (BalanceWriter.IsVersionMismatch(conflict))
        {
            throw new BusinessRuleException(new LocalizedText(
                "This customer's points or purchase history changed while the invoice was being saved. Nothing was saved: save the " +
                "invoice again.",
                "Los puntos o el historial de compras de este cliente cambiaron mientras se guardaba la factura. No se guardó nada: " +
                "guarde la factura de nuevo."));
        }
    }
}
