namespace Crm.Extensions.Domain.Portfolio;

/// <summary>The two Dataverse tables a customer lookup can point to; groups are reported per type.</summary>
public enum CustomerType
{
    Contact = 0,
    Account = 1,
}
