namespace Crm.Extensions.Emulator.Metadata;

/// <summary>CascadeType as relationship metadata names it ("Configure table relationship cascading behavior").</summary>
public enum CascadeType
{
    NoCascade,
    Cascade,
    Active,
    UserOwned,
    RemoveLink,
    Restrict,
}

public enum RelationshipKind
{
    OneToMany,
    ManyToMany,
}

/// <summary>
/// A relationship. One-to-many: Referenced (the "one") and Referencing (the "many", holding the lookup).
/// Many-to-many: Entity1/Entity2 and the intersect table holding their two ids.
/// </summary>
public sealed record RelationshipMetadata(string SchemaName, RelationshipKind Kind)
{
    public string ReferencedEntity { get; init; } = "";

    public string ReferencingEntity { get; init; } = "";

    public string ReferencingAttribute { get; init; } = "";

    /// <summary>A self-referencing one-to-many relationship marked hierarchical: the one Under/Above queries walk.</summary>
    public bool IsHierarchical { get; init; }

    /// <summary>What deleting the referenced row does to referencing rows: Cascade deletes them, RemoveLink clears the lookup,
    /// Restrict refuses.</summary>
    public CascadeType CascadeDelete { get; init; } = CascadeType.RemoveLink;

    /// <summary>Whether assigning the referenced row assigns the referencing rows too (Cascade, Active, UserOwned).</summary>
    public CascadeType CascadeAssign { get; init; } = CascadeType.NoCascade;

    public CascadeType CascadeShare { get; init; } = CascadeType.NoCascade;

    public CascadeType CascadeUnshare { get; init; } = CascadeType.NoCascade;

    /// <summary>What changing the lookup to a new parent does to the child's shares (Reparent): Cascade shares the child with
    /// the new parent's owner.</summary>
    public CascadeType CascadeReparent { get; init; } = CascadeType.NoCascade;

    public string Entity1 { get; init; } = "";

    public string Entity2 { get; init; } = "";

    public string IntersectEntity { get; init; } = "";

    public string Entity1IntersectAttribute { get; init; } = "";

    public string Entity2IntersectAttribute { get; init; } = "";
}
