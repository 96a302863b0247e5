using System.Linq;

namespace Crm.Extensions.Cli.Model;

/// <summary>Short constructors for the column declarations of <see cref="CrmExtensionsModel"/>.</summary>
internal static class Columns
{
    public static Column Text(string schema, string en, string es, int maxLength, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.Text, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs)) { MaxLength = maxLength };

    public static Column Memo(string schema, string en, string es, int maxLength, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.Memo, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs)) { MaxLength = maxLength };

    public static Column Whole(string schema, string en, string es, int min, int max, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.WholeNumber, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs)) { MinValue = min, MaxValue = max };

    public static Column Decimal(string schema, string en, string es, double min, double max, int precision, string descriptionEn,
        string descriptionEs) =>
        new(schema, ColumnKind.Decimal, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs)) { MinValue = min, MaxValue = max,
            Precision = precision };

    public static Column Money(string schema, string en, string es, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.Money, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs))
        {
            MinValue = -922337203685477, MaxValue = 922337203685477, Precision = 2,
        };

    public static Column Date(string schema, string en, string es, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.DateOnly, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs));

    public static Column DateTime(string schema, string en, string es, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.DateTime, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs));

    public static Column YesNo(string schema, string en, string es, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.Boolean, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs)) { DefaultValue = 0 };

    public static Column Pick(string schema, string en, string es, Choice choice, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.Choice, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs)) { Choice = choice };

    public static Column Lookup(string schema, string en, string es, string target, CascadeRule cascade, string descriptionEn,
        string descriptionEs) =>
        new(schema, ColumnKind.Lookup, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs)) { Targets = [target], Cascade = cascade };

    /// <summary>A customer column: one lookup that points to an account or a contact, with one relationship to each.</summary>
    public static Column Customer(string schema, string en, string es, CascadeRule cascade, string descriptionEn, string descriptionEs) =>
        new(schema, ColumnKind.Customer, Label.Of(en, es), Label.Of(descriptionEn, descriptionEs))
        {
            Targets = [TableNames.Account, TableNames.Contact], Cascade = cascade, Required = RequiredLevel.Required,
        };

    /// <summary>The primary name column every custom table has.</summary>
    public static Column Name(string en, string es, string descriptionEn, string descriptionEs, int maxLength = 200) =>
        Text("cx_Name", en, es, maxLength, descriptionEn, descriptionEs) with { Required = RequiredLevel.Required };

    public static Column Required(this Column column) => column with { Required = RequiredLevel.Required };

    public static Column Recommended(this Column column) => column with { Required = RequiredLevel.Recommended };

    public static Column Secured(this Column column) => column with { IsSecured = true };

    public static Column Default(this Column column, int value) => column with { DefaultValue = value };

    /// <summary>Kept current by plugins or batch jobs; users read it but do not type it.</summary>
    public static Column Calculated(this Column column) => column with { IsReadOnlyOnForm = true };

    public static ChoiceOption[] Options(int firstValue, params Label[] labels) =>
        labels.Select((label, index) => new ChoiceOption(firstValue + index, label)).ToArray();
}

/// <summary>Logical names of standard tables the solution points to.</summary>
internal static class TableNames
{
    public const string Account = "account";
    public const string Contact = "contact";
    public const string SystemUser = "systemuser";
    public const string Team = "team";
    public const string BusinessUnit = "businessunit";
    public const string Organization = "organization";
    public const string TransactionCurrency = "transactioncurrency";
    public const string Product = "product";
    public const string PriceLevel = "pricelevel";
    public const string Invoice = "invoice";
    public const string InvoiceDetail = "invoicedetail";
    public const string SalesOrder = "salesorder";
    public const string Incident = "incident";
    public const string MarketingList = "list";

    /// <summary>The activity base table: its privileges (prvReadActivity, ...) cover tasks, phone calls, emails and appointments.</summary>
    public const string Activity = "activitypointer";
}
