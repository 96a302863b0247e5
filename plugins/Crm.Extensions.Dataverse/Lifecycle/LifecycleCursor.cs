using System;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;

namespace Crm.Extensions.Dataverse.Lifecycle;

/// <summary>
/// Where a scheduled evaluation stopped: the table it was in (contacts first, then accounts) and the last customer id it
/// read there (null: that table's first page). As text, "lifecycle1|table|id": the caller passes it back unchanged.
/// </summary>
public sealed record LifecycleCursor(string Table, Guid? After)
{
    private const string Version = "lifecycle1";

    public static readonly LifecycleCursor Start = new(Contact.EntityLogicalName, null);

    public static readonly LocalizedText Unreadable = new(
        "The cursor is not one that Evaluate lifecycle returned. Leave it empty to start again from the first customer.",
        "El cursor no es uno devuelto por Evaluar ciclo de vida. Déjelo vacío para empezar de nuevo desde el primer cliente.");

    /// <summary>The next table's start after <see cref="Table"/> ends; null after the last table.</summary>
    public LifecycleCursor? NextTable() => Table == Contact.EntityLogicalName ? new LifecycleCursor(Account.EntityLogicalName, null) : null;

    public string ToText() => Version + "|" + Table + "|" + (After?.ToString("D") ?? string.Empty);

    /// <summary>
    /// Empty text is the start; anything else must be a cursor this class wrote (refused in English and Spanish otherwise).
    /// </summary>
    public static LifecycleCursor Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Start;
        var parts = text!.Split('|');
        if (parts.Length != 3 || parts[0] != Version || (parts[1] != Contact.EntityLogicalName && parts[1] != Account.EntityLogicalName))
        {
            throw new BusinessRuleException(Unreadable);
        }

        if (parts[2].Length == 0) return new LifecycleCursor(parts[1], null);
        return Guid.TryParse(parts[2], out var after) ? new LifecycleCursor(parts[1], after) : throw new BusinessRuleException(Unreadable);
    }
}
