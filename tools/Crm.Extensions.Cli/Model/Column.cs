using System.Collections.Generic;

namespace Crm.Extensions.Cli.Model;

/// <summary>A choice option: its value (publisher prefix × 10000 + n) and labels.</summary>
public sealed record ChoiceOption(int Value, Label Label);

/// <summary>A choice list, global (shared by tables) or local to one column.</summary>
public sealed record Choice(string Name, Label Display, Label Description, IReadOnlyList<ChoiceOption> Options, bool IsGlobal);

/// <summary>One column of a table, with everything the solution XML records about it.</summary>
public sealed record Column(string SchemaName, ColumnKind Kind, Label Display, Label Description)
{
    public string LogicalName => SchemaName.ToLowerInvariant();

    public RequiredLevel Required { get; init; } = RequiredLevel.None;

    public int? MaxLength { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? Precision { get; init; }

    /// <summary>Name of the global choice, or the local choice, for Choice columns.</summary>
    public Choice? Choice { get; init; }

    public int? DefaultValue { get; init; }

    /// <summary>Referenced table logical names (one for a lookup, account and contact for a customer column).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    public CascadeRule Cascade { get; init; } = CascadeRule.RemoveLink;

    /// <summary>Column-level security: only the field security profile may read or change it.</summary>
    public bool IsSecured { get; init; }

    /// <summary>Columns the platform creates for every table (owner, created on, ...).</summary>
    public bool IsSystem { get; init; }

    public bool IsCustom => !IsSystem;

    /// <summary>Calculated by the platform or our plugins: shown read-only, never required on create.</summary>
    public bool ValidForCreate { get; init; } = true;

    public bool ValidForUpdate { get; init; } = true;

    public bool IsAudited { get; init; } = true;

    /// <summary>Written by plugins or batch jobs, so the form shows it locked.</summary>
    public bool IsReadOnlyOnForm { get; init; }

    /// <summary>The product's own bookkeeping (a paging cursor): kept off forms and views, and not searchable (Advanced Find).</summary>
    public bool IsInternal { get; init; }
}
