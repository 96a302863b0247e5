using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Inputs;

/// <summary>
/// The checks every entry point applies to what a caller sends (custom API parameters, a Target's columns, workflow
/// arguments), each refusing with a <see cref="BusinessRuleException"/> in English and Spanish that names the input, so
/// a wrong type, an out-of-range number or an unknown id never surfaces as an unexpected error.
/// </summary>
public static class InputRules
{
    /// <summary>The value as <typeparamref name="T"/>; default when absent or null; refused when it has another type.</summary>
    public static T? As<T>(string name, object? value)
    {
        if (value is null) return default;
        if (value is T typed) return typed;
        throw new BusinessRuleException(WrongType(name, typeof(T), value));
    }

    public static LocalizedText WrongType(string name, Type expected, object given)
    {
        var (english, spanish) = Kind(expected);
        var (givenEnglish, givenSpanish) = Kind(given.GetType());
        return new LocalizedText(
            $"{name} takes {english}, but the request gave {givenEnglish} ({given.GetType().Name}). Send a value of the right type.",
            $"{name} admite {spanish}, pero la solicitud indicó {givenSpanish} ({given.GetType().Name}). Envíe un valor del tipo " +
            $"correcto.");
    }

    /// <summary>Refuses a number below <paramref name="minimum"/> (a batch size of 0 or less is a mistake, not "all").</summary>
    public static int? AtLeast(string name, int? value, int minimum)
    {
        if (value is null || value.Value >= minimum) return value;
        throw new BusinessRuleException(new LocalizedText(
            $"{name} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}; the request gave " +
            $"{value.Value.ToString(CultureInfo.InvariantCulture)}. Leave it empty to use the default.",
            $"{name} debe ser como mínimo {minimum.ToString(CultureInfo.InvariantCulture)}; la solicitud indicó " +
            $"{value.Value.ToString(CultureInfo.InvariantCulture)}. Déjelo vacío para usar el valor predeterminado."));
    }

    public static LocalizedText Missing(string name) => new(
        $"{name} is required. Give a value and try again.",
        $"{name} es obligatorio. Indique un valor y vuelva a intentarlo.");

    /// <summary>
    /// The reference when it names an existing row of one of <paramref name="tables"/>; null when absent. Refuses a
    /// reference without a table or id, to another table, or to a row that does not exist. Reads as SYSTEM: whether the
    /// caller may act on the row is the caller's own check.
    /// </summary>
    public static EntityReference? ExistingRow(IOrganizationService service, string name, EntityReference? reference,
        params string[] tables)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (reference is null) return null;
        EnsureTable(name, reference, tables);

        var query = new QueryExpression(reference.LogicalName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(reference.LogicalName + "id", ConditionOperator.Equal, reference.Id);
        if (reference.Id == Guid.Empty || service.RetrieveMultiple(query).Entities.Count == 0)
        {
            throw new BusinessRuleException(new LocalizedText(
                $"{name} points at a {reference.LogicalName} row that does not exist (id {reference.Id}). It may have been deleted; pick " +
                $"another.",
                $"{name} apunta a un registro de {reference.LogicalName} que no existe (id {reference.Id}). Puede que se haya eliminado; " +
                $"elija otro."));
        }

        return reference;
    }

    /// <summary>Refuses a reference without a table name or to a table not among <paramref name="tables"/>; null passes.</summary>
    public static void EnsureTable(string name, EntityReference? reference, params string[] tables)
    {
        if (reference is null) return;
        var known = !string.IsNullOrEmpty(reference.LogicalName)
            && tables.Contains(reference.LogicalName, StringComparer.OrdinalIgnoreCase);
        if (known) return;
        var given = string.IsNullOrEmpty(reference.LogicalName) ? "?" : reference.LogicalName;
        throw new BusinessRuleException(new LocalizedText(
            $"{name} must point at a row of {string.Join(" or ", tables)}; the request gave a {given} reference.",
            $"{name} debe apuntar a un registro de {string.Join(" o ", tables)}; la solicitud indicó una referencia a {given}."));
    }

    /// <summary>
    /// Refuses text longer than <paramref name="maxLength"/> before anything is written. Dataverse would refuse it too, but
    /// only when the row is saved, with an error that names a column the user never saw (solution/SECURITY.md).
    /// </summary>
    public static string? AtMostCharacters(string name, string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength) return value;
        var limit = maxLength.ToString(CultureInfo.InvariantCulture);
        var given = value.Length.ToString(CultureInfo.InvariantCulture);
        throw new BusinessRuleException(new LocalizedText(
            $"{name} takes at most {limit} characters; the request gave {given}. Shorten it and try again.",
            $"{name} admite como máximo {limit} caracteres; la solicitud indicó {given}. Acórtelo y vuelva a intentarlo."));
    }

    /// <summary>Refuses a number outside [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static int Between(string name, int value, int minimum, int maximum)
    {
        if (value >= minimum && value <= maximum) return value;
        var low = minimum.ToString(CultureInfo.InvariantCulture);
        var high = maximum.ToString(CultureInfo.InvariantCulture);
        var given = value.ToString(CultureInfo.InvariantCulture);
        throw new BusinessRuleException(new LocalizedText(
            $"{name} must be between {low} and {high}; the request gave {given}.",
            $"{name} debe estar entre {low} y {high}; la solicitud indicó {given}."));
    }

    /// <summary>Refuses a choice value that is not one of <typeparamref name="TChoice"/>'s options; null passes.</summary>
    public static OptionSetValue? OneOf<TChoice>(string name, OptionSetValue? value)
        where TChoice : struct, Enum
    {
        if (value is null || Enum.IsDefined(typeof(TChoice), value.Value)) return value;
        var given = value.Value.ToString(CultureInfo.InvariantCulture);
        throw new BusinessRuleException(new LocalizedText(
            $"{name} has no option {given}. Pick one of the listed options.",
            $"{name} no tiene la opción {given}. Elija una de las opciones de la lista."));
    }

    private static readonly Dictionary<Type, LocalizedText> Kinds = new()
    {
        [typeof(string)] = new("text", "texto"),
        [typeof(int)] = new("a whole number", "un número entero"),
        [typeof(long)] = new("a whole number", "un número entero"),
        [typeof(decimal)] = new("a decimal number", "un número decimal"),
        [typeof(double)] = new("a floating-point number", "un número de coma flotante"),
        [typeof(bool)] = new("yes or no", "sí o no"),
        [typeof(DateTime)] = new("a date and time", "una fecha y hora"),
        [typeof(Guid)] = new("an id", "un identificador"),
        [typeof(OptionSetValue)] = new("a choice", "una opción"),
        [typeof(OptionSetValueCollection)] = new("several choices", "varias opciones"),
        [typeof(Money)] = new("a currency amount", "un importe"),
        [typeof(EntityReference)] = new("a reference to a row", "una referencia a un registro"),
        [typeof(Entity)] = new("a row", "un registro"),
        [typeof(EntityCollection)] = new("a list of rows", "una lista de registros"),
    };

    private static LocalizedText Kind(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return Kinds.TryGetValue(plain, out var kind) ? kind : new LocalizedText("a " + plain.Name, "un valor " + plain.Name);
    }
}
