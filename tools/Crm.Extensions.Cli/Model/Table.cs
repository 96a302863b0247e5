using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

public enum SpanishGender
{
    Masculine,
    Feminine,
}

/// <summary>The order of a view: one column, ascending or descending.</summary>
public sealed record ViewSort(string Column, bool Descending = false);

/// <summary>A FetchXML condition of a working view; operators without a value (null, eq-userid, this-month) take none.</summary>
public sealed record ViewCondition(string Column, string Operator, params string[] Values);

/// <summary>A list a user works from (my customers at risk, points expiring soon, ...): a public view of active rows.</summary>
public sealed record WorkingView(string Key, Label Name, Label Description, IReadOnlyList<string> Columns,
    IReadOnlyList<ViewCondition> Conditions, ViewSort Sort)
{
    /// <summary>Conditions of which one must hold (an "or" filter beside <see cref="Conditions"/>); empty for none.</summary>
    public IReadOnlyList<ViewCondition> AnyOf { get; init; } = [];
}

/// <summary>A list of related rows on the main form: the rows of <see cref="Table"/> whose <see cref="Lookup"/> points here.</summary>
public sealed record FormSubgrid(string Name, Label Title, string Table, string Lookup);

/// <summary>A group of columns as a user thinks of them; becomes a form section.</summary>
public sealed record FormSection(string Name, Label Title, IReadOnlyList<string> Columns);

/// <summary>An alternate key: the columns that make a row unique for idempotent Upsert.</summary>
public sealed record AlternateKey(string SchemaName, Label Display, IReadOnlyList<string> Columns);

/// <summary>
/// A table of the solution. For a custom table every part is ours; for a standard table (contact, account)
/// only the added columns and the added form are.
/// </summary>
public sealed record Table(string SchemaName, Label Display, Label Plural, Label Description)
{
    /// <summary>Grammatical gender of the Spanish name, so generated names agree ("Recompensas activas", "Niveles activos").</summary>
    public SpanishGender Gender { get; init; } = SpanishGender.Masculine;

    /// <summary>An adjective in the Spanish plural that agrees with the table's name: "activo" gives "activas" or "activos".</summary>
    public string SpanishPlural(string masculineSingular) =>
        Gender == SpanishGender.Feminine ? masculineSingular[..^1] + "as" : masculineSingular + "s";

    public string LogicalName => SchemaName.ToLowerInvariant();

    public bool IsCustom { get; init; } = true;

    /// <summary>A standard table that carries only our columns: no form, view, chart or command of ours.</summary>
    public bool ColumnsOnly { get; init; }

    public Ownership Ownership { get; init; } = Ownership.User;

    public string PrimaryNameColumn { get; init; } = "cx_name";

    public IReadOnlyList<Column> Columns { get; init; } = [];

    public IReadOnlyList<FormSection> Sections { get; init; } = [];

    /// <summary>Related lists shown below the sections of the main form.</summary>
    public IReadOnlyList<FormSubgrid> Subgrids { get; init; } = [];

    /// <summary>Sections shown on the quick create form; empty when users do not create the row inline.</summary>
    public IReadOnlyList<string> QuickCreateColumns { get; init; } = [];

    /// <summary>Columns of the quick view form (the member card other forms show for this row); empty for none.</summary>
    public IReadOnlyList<string> QuickViewColumns { get; init; } = [];

    /// <summary>
    /// A customer lookup of this table whose row's quick view form (the member card of contact or account) the main form
    /// shows under it; null for none.
    /// </summary>
    public string? MemberCardLookup { get; init; }

    /// <summary>Columns of the active view after the primary name.</summary>
    public IReadOnlyList<string> ViewColumns { get; init; } = [];

    /// <summary>Columns that quick find searches besides the primary name.</summary>
    public IReadOnlyList<string> FindColumns { get; init; } = [];

    public IReadOnlyList<AlternateKey> Keys { get; init; } = [];

    /// <summary>The order of the system views; null sorts by the primary name.</summary>
    public ViewSort? Sort { get; init; }

    /// <summary>Public views beyond the system set, for the lists users act on.</summary>
    public IReadOnlyList<WorkingView> WorkingViews { get; init; } = [];

    public string PrimaryIdColumn => LogicalName + "id";

    /// <summary>The Web API's name for the table's rows (EntitySetName in Entity.xml), which flows and OData queries use.</summary>
    public string EntitySetName => LogicalName + "s";

    public IEnumerable<Column> CustomColumns => Columns.Where(c => c.IsCustom);

    public Column Column(string logicalName) => Columns.Single(c => c.LogicalName == logicalName);

    public bool HasMoney => Columns.Any(c => c.Kind == ColumnKind.Money && !c.IsSystem);
}
