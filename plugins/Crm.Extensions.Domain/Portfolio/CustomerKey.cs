using System;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>Identifies a customer across both tables: the same id never means two customers.</summary>
public readonly record struct CustomerKey(CustomerType Type, Guid Id) : IComparable<CustomerKey>
{
    /// <summary>Contacts first, then by id: the order every deterministic listing and write batch uses.</summary>
    public int CompareTo(CustomerKey other)
    {
        var byType = Type.CompareTo(other.Type);
        return byType != 0 ? byType : Id.CompareTo(other.Id);
    }
}
