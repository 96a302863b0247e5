using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>The columns Dataverse creates with every custom table; a real export lists them, so ours does too.</summary>
internal static class SystemColumns
{
    public static IReadOnlyList<Column> For(Table table)
    {
        var name = table.Display;
        var columns = new List<Column>
        {
            System(table.SchemaName + "Id", ColumnKind.PrimaryKey, name,
                Label.Of("Unique identifier of the row.", "Identificador único de la fila."), RequiredLevel.SystemRequired, create: true,
                update: false),
            System("CreatedOn", ColumnKind.DateTime, Label.Of("Created On", "Fecha de creación"),
                Label.Of("When the row was created.", "Cuándo se creó la fila."), create: false, update: false),
            System("CreatedBy", ColumnKind.Lookup, Label.Of("Created By", "Creado por"),
                Label.Of("Who created the row.", "Quién creó la fila."), create: false, update: false, target: TableNames.SystemUser),
            System("CreatedOnBehalfBy", ColumnKind.Lookup, Label.Of("Created By (Delegate)", "Creado por (delegado)"),
                Label.Of("Who created the row on behalf of another user.", "Quién creó la fila en nombre de otro usuario."), create: false,
                update: false, target: TableNames.SystemUser),
            System("ModifiedOn", ColumnKind.DateTime, Label.Of("Modified On", "Fecha de modificación"),
                Label.Of("When the row was last changed.", "Cuándo se cambió la fila por última vez."), create: false, update: false),
            System("ModifiedBy", ColumnKind.Lookup, Label.Of("Modified By", "Modificado por"),
                Label.Of("Who last changed the row.", "Quién cambió la fila por última vez."), create: false, update: false,
                target: TableNames.SystemUser),
            System("ModifiedOnBehalfBy", ColumnKind.Lookup, Label.Of("Modified By (Delegate)", "Modificado por (delegado)"),
                Label.Of("Who last changed the row on behalf of another user.", "Quién cambió la fila en nombre de otro usuario."),
                create: false, update: false, target: TableNames.SystemUser),
            System("OverriddenCreatedOn", ColumnKind.DateOnly, Label.Of("Record Created On", "Registro creado el"),
                Label.Of("When the row was created in the system it was migrated from.",
                    "Cuándo se creó la fila en el sistema del que se migró."), update: false),
            System("ImportSequenceNumber", ColumnKind.WholeNumber, Label.Of("Import Sequence Number", "Número de secuencia de importación"),
                Label.Of("Sequence number of the import that created the row.", "Número de secuencia de la importación que creó la fila."),
                update: false) with { MinValue = int.MinValue, MaxValue = int.MaxValue },
            System("TimeZoneRuleVersionNumber", ColumnKind.WholeNumber,
                Label.Of("Time Zone Rule Version Number", "Versión de la regla de zona horaria"),
                Label.Of("For internal use only.", "Solo para uso interno."), RequiredLevel.None) with { MinValue = -1,
                MaxValue = int.MaxValue },
            System("UTCConversionTimeZoneCode", ColumnKind.WholeNumber,
                Label.Of("UTC Conversion Time Zone Code", "Código de zona horaria de conversión UTC"),
                Label.Of("Time zone code in use when the row was created.", "Código de zona horaria en uso al crear la fila."),
                RequiredLevel.None) with { MinValue = -1, MaxValue = int.MaxValue },
            System("VersionNumber", ColumnKind.BigInt, Label.Of("Version Number", "Número de versión"),
                Label.Of("Row version, for optimistic concurrency.", "Versión de la fila, para la concurrencia optimista."), create: false,
                update: false),
            System("statecode", ColumnKind.State, Label.Of("Status", "Estado"),
                Label.Of("Whether the row is active or inactive.", "Si la fila está activa o inactiva."), RequiredLevel.SystemRequired,
                create: false),
            System("statuscode", ColumnKind.Status, Label.Of("Status Reason", "Razón para el estado"),
                Label.Of("Reason for the status of the row.", "Razón del estado de la fila.")),
        };

        if (table.Ownership == Ownership.User)
        {
            columns.Add(
                System("OwnerId", ColumnKind.Owner, Label.Of("Owner", "Propietario"),
                    Label.Of("Owner of the row.", "Propietario de la fila."), RequiredLevel.SystemRequired));
            columns.Add(
                System("OwningBusinessUnit", ColumnKind.Lookup, Label.Of("Owning Business Unit", "Unidad de negocio propietaria"),
                    Label.Of("Business unit that owns the row.", "Unidad de negocio propietaria de la fila."), create: false, update: false,
                    target: TableNames.BusinessUnit));
            columns.Add(
                System("OwningUser", ColumnKind.Lookup, Label.Of("Owning User", "Usuario propietario"),
                    Label.Of("User who owns the row.", "Usuario propietario de la fila."), create: false, update: false,
                    target: TableNames.SystemUser));
            columns.Add(
                System("OwningTeam", ColumnKind.Lookup, Label.Of("Owning Team", "Equipo propietario"),
                    Label.Of("Team that owns the row.", "Equipo propietario de la fila."), create: false, update: false,
                    target: TableNames.Team));
        }
        else
        {
            columns.Add(
                System("OrganizationId", ColumnKind.Lookup, Label.Of("Organization", "Organización"),
                    Label.Of("Organization the row belongs to.", "Organización a la que pertenece la fila."), create: false, update: false,
                    target: TableNames.Organization));
        }

        if (table.HasMoney)
        {
            columns.Add(
                System("TransactionCurrencyId", ColumnKind.Lookup, Label.Of("Currency", "Divisa"),
                    Label.Of("Currency of the row's amounts.", "Divisa de los importes de la fila."),
                    target: TableNames.TransactionCurrency));
            columns.Add(
                System("ExchangeRate", ColumnKind.Decimal, Label.Of("Exchange Rate", "Tipo de cambio"),
                    Label.Of("Rate from the row's currency to the base currency.",
                        "Tipo de cambio de la divisa de la fila a la divisa base."), create: false, update: false) with {
                    MinValue = 0.0000000001, MaxValue = 100000000000, Precision = 10 });
        }

        return columns;
    }

    /// <summary>Every money column has a read-only twin in the organization's base currency.</summary>
    public static IEnumerable<Column> BaseCurrencyTwins(IEnumerable<Column> columns) =>
        columns.Where(c => c.Kind == ColumnKind.Money && !c.SchemaName.EndsWith("_Base", StringComparison.Ordinal))
            .Select(c => c with
            {
                SchemaName = c.SchemaName + "_Base",
                Display = Label.Of(c.Display.En + " (Base)", c.Display.Es + " (base)"),
                Description = Label.Of("Value of " + c.Display.En + " in base currency.",
                    "Valor de " + c.Display.Es + " en la divisa base."),
                Required = RequiredLevel.None,
                ValidForCreate = false,
                ValidForUpdate = false,
                IsSecured = c.IsSecured,
                IsReadOnlyOnForm = true,
            });

    private static Column System(string schema, ColumnKind kind, Label display, Label description,
        RequiredLevel required = RequiredLevel.None, bool create = true, bool update = true, string? target = null) =>
        new(schema, kind, display, description)
        {
            IsSystem = true,
            Required = required,
            ValidForCreate = create,
            ValidForUpdate = update,
            Targets = target is null ? [] : [target],
            IsAudited = false,
        };
}
