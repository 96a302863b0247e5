namespace Crm.Extensions.Cli.Model;

/// <summary>The column types the solution uses; each maps to one Dataverse attribute type and form control.</summary>
public enum ColumnKind
{
    PrimaryKey,
    Text,
    Email,
    Url,
    Memo,
    WholeNumber,
    BigInt,
    Decimal,
    Money,
    DateOnly,
    DateTime,
    Boolean,
    Choice,
    State,
    Status,
    Lookup,
    Customer,
    Owner,
}

public enum RequiredLevel
{
    None,
    Recommended,
    Required,
    SystemRequired,
}

public enum Ownership
{
    User,
    Organization,
}

/// <summary>Delete behaviour chosen per relationship; assign/share follow from it.</summary>
public enum CascadeRule
{
    /// <summary>The child belongs to the parent: every action cascades (Dataverse "parental").</summary>
    Parental,

    /// <summary>Deleting the parent clears the lookup.</summary>
    RemoveLink,

    /// <summary>The parent cannot be deleted while children point to it.</summary>
    Restrict,

    /// <summary>Nothing follows the parent: the platform's own relationships (owner, created by, …) as exports carry them.</summary>
    NoCascade,
}
