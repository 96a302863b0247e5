using System;
using System.Globalization;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// Fills Entity.FormattedValues as Retrieve and RetrieveMultiple return them: a choice's label and a two-option column's label
/// in the caller's language (usersettings.uilanguageid, English when the label has no translation), money and dates in that
/// language's culture (dates in UTC: users have no time zone here), a lookup's primary name. Computed only on reads, so the
/// write path pays nothing.
/// </summary>
internal static class FormattedValues
{
    public static void Apply(Entity entity, MetadataCatalog catalog, int language, Func<EntityReference, string?> primaryName)
    {
        if (!catalog.Tables.TryGetValue(entity.LogicalName, out var table)) return;
        var culture = Culture(language);
        foreach (var pair in entity.Attributes)
        {
            if (pair.Value is AliasedValue aliased)
            {
                if (catalog.Tables.TryGetValue(aliased.EntityLogicalName ?? "", out var linked)
                    && Format(linked.Column(aliased.AttributeLogicalName ?? ""), aliased.Value, language, culture,
                        primaryName) is { } linkedText)
                {
                    entity.FormattedValues[pair.Key] = linkedText;
                }

                continue;
            }

            if (Format(table.Column(pair.Key), pair.Value, language, culture,
                primaryName) is { } text) entity.FormattedValues[pair.Key] = text;
        }
    }

    private static string? Format(ColumnMetadata? column, object? value, int language, CultureInfo culture, Func<EntityReference,
        string?> primaryName) =>
        value switch
        {
            OptionSetValue option when column is not null => column.Label(option.Value, language)
                ?? option.Value.ToString(CultureInfo.InvariantCulture),
            bool flag when column is not null => column.Label(flag ? 1 : 0, language) ?? YesNo(flag, language),
            Money money => money.Value.ToString("C2", culture),
            DateTime date => date.ToString("g", culture),
            EntityReference reference => reference.Name ?? primaryName(reference),
            _ => null,
        };

    private static string YesNo(bool flag, int language) => language == 3082 ? (flag ? "Sí" : "No") : (flag ? "Yes" : "No");

    private static CultureInfo Culture(int language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(1033);
        }
    }
}
