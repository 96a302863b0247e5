namespace Crm.Extensions.Domain.Intimacy;

/// <summary>
/// The source separates behavioural (transactional: orders, invoices, payments, shipments) from preference
/// (surveys, profile) data; only preference data needs the customer's consent.
/// </summary>
public enum InteractionKind
{
    Behavioural = 1,
    Preference = 2,
}
