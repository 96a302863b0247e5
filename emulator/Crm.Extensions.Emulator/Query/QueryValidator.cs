using System.Collections;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// The checks Dataverse makes on a query before it reads any row, so a malformed query fails even on an empty table:
/// TopCount with paging or a total record count, between with other than two values, an array passed as one In value,
/// and aggregate columns that neither aggregate nor group.
/// </summary>
internal static class QueryValidator
{
    public static void Validate(QueryExpression query, Metadata.TableMetadata root, Metadata.MetadataCatalog catalog)
    {
        ValidateColumns(root, query.ColumnSet);
        foreach (var link in All(query.LinkEntities)) ValidateColumns(catalog.Table(link.LinkToEntityName), link.Columns);

        if (query.TopCount is not null)
        {
            var paging = query.PageInfo;
            if (paging is not null && (paging.Count > 0 || paging.PageNumber > 1 || !string.IsNullOrEmpty(paging.PagingCookie)))
            {
                throw PlatformFault.InvalidArgument("The Top and PageInfo properties cannot both be set on a query (TopCount cannot be "
                    + "used with paging)."
                    + " / No se pueden usar a la vez TopCount y la paginación (PageInfo) en una consulta.");
            }

            if (paging?.ReturnTotalRecordCount == true)
            {
                throw PlatformFault.InvalidArgument("TopCount cannot be used with ReturnTotalRecordCount."
                    + " / TopCount no se puede usar con ReturnTotalRecordCount.");
            }
        }

        foreach (var expression in query.ColumnSet.AttributeExpressions)
        {
            if (expression.AggregateType == XrmAggregateType.None && !expression.HasGroupBy)
            {
                throw PlatformFault.InvalidArgument($"The aggregate column '{expression.AttributeName}' has neither an aggregate function "
                    + $"nor group by."
                    + $" / La columna '{expression.AttributeName}' de la consulta agregada no tiene función de agregado ni agrupación.");
            }
        }

        Validate(query.Criteria);
        foreach (var link in All(query.LinkEntities)) Validate(link.LinkCriteria);
    }

    /// <summary>Every column a column set names must exist, with its exact (lower-case) logical name, even when no row matches.</summary>
    private static void ValidateColumns(Metadata.TableMetadata table, ColumnSet? columns)
    {
        if (columns is null || columns.AllColumns) return;
        foreach (var name in columns.Columns)
        {
            if (table.Column(name) is null) throw PlatformFault.UnknownColumn(table.LogicalName, name);
        }
    }

    private static System.Collections.Generic.IEnumerable<LinkEntity> All(System.Collections.Generic.IEnumerable<LinkEntity> links) =>
        links.SelectMany(l => new[] { l }.Concat(All(l.LinkEntities)));

    private static void Validate(FilterExpression filter)
    {
        foreach (var condition in filter.Conditions) Validate(condition);
        foreach (var child in filter.Filters) Validate(child);
    }

    private static void Validate(ConditionExpression condition)
    {
        if (condition.Operator is ConditionOperator.Between or ConditionOperator.NotBetween && condition.Values.Count != 2)
        {
            throw PlatformFault.InvalidArgument($"The {condition.Operator} operator on '{condition.AttributeName}' needs exactly 2 "
                + $"values, not {condition.Values.Count}."
                + $" / El operador {condition.Operator} sobre '{condition.AttributeName}' necesita exactamente 2 valores, "
                + $"no {condition.Values.Count}.");
        }

        // ConditionExpression(name, In, guidArray) passes the whole array as one value (params object[] does not expand a Guid[]).
        if (condition.Values.Count == 1 && condition.Values[0] is IEnumerable and not string and not byte[])
        {
            throw PlatformFault.InvalidArgument($"Condition for attribute '{condition.AttributeName}': a value is an array "
                + $"({condition.Values[0].GetType().Name}); "
                + "pass each value separately (object[]). / Un valor de la condición es una matriz: pase cada valor por separado.");
        }
    }
}
