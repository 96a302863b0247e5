using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>Invoice <c>statecode</c> values of Dataverse (Active 0, Closed 1, Paid 2, Canceled 3) and the events they make.</summary>
public static class InvoiceStates
{
    public const int Paid = 2;
    public const int Canceled = 3;

    /// <summary>The invoice entered <paramref name="state"/> in this update: it was in another state before (pre-image).</summary>
    public static bool Entered(int state, Entity? before, Entity? after) =>
        StateOf(after) == state && StateOf(before) != state;

    private static int? StateOf(Entity? row) => row?.GetAttributeValue<OptionSetValue>(EarlyBound.Invoice.Fields.StateCode)?.Value;
}
