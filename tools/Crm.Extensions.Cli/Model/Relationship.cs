using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>A one-to-many relationship, derived from a lookup column.</summary>
public sealed record Relationship(string Name, string ReferencedEntity, string ReferencingEntity, string ReferencingAttribute,
    CascadeRule Cascade, bool IsCustom)
{
    /// <summary>
    /// One relationship per lookup target: a customer column yields two, system columns yield the platform's own relationships.
    /// </summary>
    public static IEnumerable<Relationship> From(Table table)
    {
        foreach (var column in table.Columns.Where(c => c.Kind is ColumnKind.Lookup or ColumnKind.Customer or ColumnKind.Owner))
        {
            if (column.IsCustom)
            {
                foreach (var target in column.Targets)
                {
                    var name = $"cx_{Unprefixed(target)}_{Unprefixed(table.LogicalName)}_{Unprefixed(column.LogicalName)}";
                    yield return new Relationship(name, target, table.LogicalName, column.LogicalName, column.Cascade, IsCustom: true);
                }
            }
            else if (column.Kind == ColumnKind.Owner)
            {
                yield return new Relationship($"owner_{table.LogicalName}", "owner", table.LogicalName, column.LogicalName,
                    CascadeRule.NoCascade, IsCustom: false);
            }
            else
            {
                yield return new Relationship(SystemName(table.LogicalName, column.LogicalName), column.Targets[0], table.LogicalName,
                    column.LogicalName, CascadeRule.NoCascade, IsCustom: false);
            }
        }
    }

    private static string Unprefixed(string logicalName)
        => logicalName.StartsWith("cx_", System.StringComparison.Ordinal) ? logicalName[3..] : logicalName;

    private static string SystemName(string table, string column) => column switch
    {
        "owninguser" => $"user_{table}",
        "owningteam" => $"team_{table}",
        "owningbusinessunit" => $"business_unit_{table}",
        "organizationid" => $"organization_{table}",
        "transactioncurrencyid" => $"TransactionCurrency_{table}",
        _ => $"lk_{table}_{column}",
    };
}
