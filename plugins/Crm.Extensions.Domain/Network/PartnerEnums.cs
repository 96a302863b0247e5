namespace Crm.Extensions.Domain.Network;

/// <summary>What the partner is to us; stored as option-set values.</summary>
public enum PartnerType
{
    Supplier = 1,
    Investor = 2,
    Distributor = 3,
    Employee = 4,
    ServicePartner = 5,
    Other = 6,
}

/// <summary>The table the partner lookup points to.</summary>
public enum PartnerKind
{
    Account = 1,
    Contact = 2,
    User = 3,
}

/// <summary>How much serving the segment depends on the partner. Only <see cref="Critical"/> counts for the gate and the KPI.</summary>
public enum Criticality
{
    Low = 1,
    Medium = 2,
    Critical = 3,
}

/// <summary>How often the relationship must be reviewed; the value is the number of months.</summary>
public enum ReviewCadence
{
    Monthly = 1,
    Quarterly = 3,
    HalfYearly = 6,
    Yearly = 12,
}
