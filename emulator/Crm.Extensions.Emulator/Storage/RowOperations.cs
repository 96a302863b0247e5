using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>The platform's main operations on rows (stage 30): validation, system columns, keys, concurrency and column security.</summary>
internal sealed class RowOperations
{
    private static readonly string[] StateColumns = { "statecode", "statuscode" };

    private readonly MetadataCatalog _catalog;
    private readonly DataStore _store;
    private readonly AttributeValidator _validator;
    private readonly FieldSecurity _fieldSecurity;
    private readonly Func<DateTime> _now;
    private readonly Cascades _cascades;

    private readonly Func<Guid> _newId;

    public RowOperations(MetadataCatalog catalog, DataStore store, FieldSecurity fieldSecurity, Func<DateTime> now, Func<Guid> newId)
    {
        _catalog = catalog;
        _store = store;
        _fieldSecurity = fieldSecurity;
        _now = now;
        _newId = newId;
        _validator = new AttributeValidator(catalog, store);
        _cascades = new Cascades(catalog, store, this);
    }

    public Guid Create(Entity target, Guid userId, bool enforceSecurity = true)
    {
        var table = _catalog.Table(target.LogicalName);
        var id = target.Id != Guid.Empty ? target.Id
            : target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var given) && given is Guid g && g != Guid.Empty ? g : _newId();
        foreach (var key in target.KeyAttributes.Where(k => !target.Attributes.Contains(k.Key)).ToList())
            target.Attributes[key.Key] = key.Value;
        if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var primary) && primary is not null and not Guid)
        {
            _validator.Validate(table, new Entity(table.LogicalName) { [table.PrimaryIdAttribute] = primary });
        }

        target.Attributes.Remove(table.PrimaryIdAttribute);
        _validator.Validate(table, target);
        if (enforceSecurity) _fieldSecurity.DemandWrite(userId, table, target, FieldAccess.Create);
        if (_store.Find(table.LogicalName, id) is not null) throw PlatformFault.Create(ErrorCodes.DuplicateRecord, "Cannot insert "
            + "duplicate key.");

        var values = ValueCopier.CopyAll(target.Attributes);
        StoredValues.BlankStringsToNull(values);
        StoredValues.ApplyDefaults(table, values);
        StoredValues.ComposeFullName(table, values, values);
        values[table.PrimaryIdAttribute] = id;
        // Boxed once: createdon and modifiedon share the stored instance.
        object now = _now();
        var user = new EntityReference("systemuser", userId);
        SetIfColumn(table, values, "createdon", now, overwrite: true);
        SetIfColumn(table, values, "modifiedon", now, overwrite: true);
        SetIfColumn(table, values, "createdby", user, overwrite: true);
        SetIfColumn(table, values, "modifiedby", user, overwrite: true);
        SetIfColumn(table, values, "ownerid", user, overwrite: false);
        SetIfColumn(table, values, "statecode", new OptionSetValue(0), overwrite: false);
        if (table.Column("statuscode") is { } status && !values.ContainsKey("statuscode"))
        {
            var state = ((OptionSetValue)values["statecode"]!).Value;
            values["statuscode"] = new OptionSetValue(DefaultStatus(status, state));
        }

        CheckKeys(table, id, values);
        var row = _store.Insert(table.LogicalName, id, values);
        if (table.Column("versionnumber") is not null) row.Set("versionnumber", row.Version);
        return id;
    }

    public void Update(Entity target, Guid userId, ConcurrencyBehavior concurrency, bool enforceSecurity = true)
    {
        var table = _catalog.Table(target.LogicalName);
        var row = Resolve(table, target.ToEntityReference());
        target.Id = row.Id;
        CheckConcurrency(table, row, target.RowVersion, concurrency);
        var changes = new Entity(target.LogicalName, row.Id);
        foreach (var pair in target.Attributes)
        {
            if (!pair.Key.Equals(table.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase)) changes[pair.Key] = pair.Value;
            else if (pair.Value is not null and not Guid)
                _validator.Validate(table, new Entity(table.LogicalName) { [pair.Key] = pair.Value });
        }

        _validator.Validate(table, changes);
        if (enforceSecurity) _fieldSecurity.DemandWrite(userId, table, changes, FieldAccess.Update);
        AlignStateAndStatus(table, changes);
        changes["modifiedon"] = _now();
        changes["modifiedby"] = new EntityReference("systemuser", userId);
        var values = changes.Attributes.Where(a => table.Column(a.Key) is not null).ToDictionary(a => a.Key, a => (object?)a.Value);
        StoredValues.BlankStringsToNull(values);

        // The row's values after the change are copied only when something needs them: alternate keys or a full name.
        if (table.Keys.Count > 0 || StoredValues.ChangesFullName(table, values))
        {
            var merged = new Dictionary<string, object?>(row.Values);
            foreach (var pair in values) merged[pair.Key] = pair.Value;
            StoredValues.ComposeFullName(table, merged, values);
            if (values.TryGetValue("fullname", out var fullName)) merged["fullname"] = fullName;
            if (table.Keys.Count > 0) CheckKeys(table, row.Id, merged);
        }

        var previousOwner = row.Get("ownerid") as EntityReference;
        _store.Update(table.LogicalName, row, values);
        if (table.Column("versionnumber") is not null) row.Set("versionnumber", row.Version);
        if (values.TryGetValue("ownerid", out var owner) && owner is EntityReference newOwner && previousOwner?.Id != newOwner.Id)
        {
            _cascades.Assign(table, row, previousOwner, newOwner, userId);
        }
    }

    public void Delete(EntityReference target, ConcurrencyBehavior concurrency)
    {
        var table = _catalog.Table(target.LogicalName);
        var row = Resolve(table, target);
        CheckConcurrency(table, row, target.RowVersion, concurrency);
        _cascades.Delete(table, row);
    }

    public Entity Retrieve(EntityReference target, ColumnSet columns, Guid userId)
    {
        var table = _catalog.Table(target.LogicalName);
        var row = Resolve(table, target);
        var entity = Project(table, row, columns);
        // Retrieve always returns the primary key among the attributes, whatever the column set.
        entity[table.PrimaryIdAttribute] = row.Id;
        _fieldSecurity.MaskUnreadable(userId, table, entity);
        return entity;
    }

    /// <summary>The stored row as an entity with every column, or null. No security applied: for images and assertions.</summary>
    public Entity? Read(string tableName, Guid id)
    {
        var table = _catalog.Table(tableName);
        var row = _store.Find(table.LogicalName, id);
        return row is null ? null : Project(table, row, new ColumnSet(true));
    }

    public Entity Project(TableMetadata table, StoredRow row, ColumnSet columns)
    {
        var entity = new Entity(table.LogicalName, row.Id) { RowVersion = row.Version.ToString(CultureInfo.InvariantCulture) };
        if (columns.AllColumns)
        {
            foreach (var pair in row.Values)
            {
                if (pair.Value is not null) entity[pair.Key] = Returned(pair.Value);
            }

            return entity;
        }

        foreach (var name in columns.Columns)
        {
            if (table.Column(name) is null) throw PlatformFault.UnknownColumn(table.LogicalName, name);
            if (row.Get(name) is { } value) entity[name] = Returned(value);
        }

        return entity;
    }

    /// <summary>A copy of a stored value; a lookup carries the referenced row's current primary name, as the platform returns it.</summary>
    private object? Returned(object value)
    {
        if (value is not EntityReference reference) return ValueCopier.Copy(value);
        return new EntityReference(reference.LogicalName, reference.Id) { Name = PrimaryName(reference) };
    }

    /// <summary>The primary name of the row a lookup points at, or null when the table has none or the row is gone.</summary>
    public string? PrimaryName(EntityReference reference)
    {
        if (reference.LogicalName is null || !_catalog.Tables.TryGetValue(reference.LogicalName, out var table)) return null;
        if (table.PrimaryNameAttribute is not { } nameColumn) return null;
        return _store.Find(table.LogicalName, reference.Id)?.Get(nameColumn) as string;
    }

    /// <summary>Finds the row by id, or by alternate key when the reference carries KeyAttributes.</summary>
    public StoredRow Resolve(TableMetadata table, EntityReference reference)
    {
        if (reference.Id != Guid.Empty)
        {
            return _store.Find(table.LogicalName, reference.Id) ?? throw PlatformFault.RecordNotFound(table.LogicalName, reference.Id);
        }

        if (reference.KeyAttributes.Count > 0)
        {
            return FindByKey(table, reference.KeyAttributes)
                ?? throw PlatformFault.Create(ErrorCodes.ObjectDoesNotExist,
                    $"A record with the specified key values does not exist in {table.LogicalName} entity");
        }

        throw PlatformFault.InvalidArgument($"Entity Id must be specified for the {table.LogicalName} operation.");
    }

    public StoredRow? FindByKey(TableMetadata table, KeyAttributeCollection keyValues)
    {
        var names = keyValues.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!table.Keys.Any(k => k.Columns.Count == names.Count && k.Columns.All(names.Contains)))
        {
            throw PlatformFault.InvalidArgument(
                $"The specified key attributes are not a defined key for the {table.LogicalName} entity");
        }

        return RowsWithKey(table, keyValues.Keys.ToList(),
            keyValues.ToDictionary(k => k.Key, k => (object?)k.Value, StringComparer.OrdinalIgnoreCase))
            .FirstOrDefault();
    }

    /// <summary>
    /// Rows whose key columns equal <paramref name="values"/> (as <see cref="ValuesEqual"/> compares): the first column's
    /// index narrows to its rows, the other columns are compared on those rows only.
    /// </summary>
    private IEnumerable<StoredRow> RowsWithKey(TableMetadata table, IReadOnlyList<string> columns,
        IReadOnlyDictionary<string, object?> values)
    {
        var first = table.Column(columns[0])?.LogicalName ?? columns[0];
        if (IndexKey.Of(values[columns[0]]) is not { } key) return Enumerable.Empty<StoredRow>();
        return _store.Lookup(table.LogicalName, first, key).Where(r => columns.All(c => ValuesEqual(r.Get(c), values[c])));
    }

    private void CheckKeys(TableMetadata table, Guid id, IReadOnlyDictionary<string, object?> values)
    {
        foreach (var key in table.Keys)
        {
            if (key.Columns.Any(c => !values.TryGetValue(c, out var v) || v is null)) continue;
            var clash = RowsWithKey(table, key.Columns, values).Any(r => r.Id != id);
            if (clash)
            {
                throw PlatformFault.Create(ErrorCodes.DuplicateRecord,
                    $"A record that has the attribute values {string.Join(", ", key.Columns.Select(c => values[c]))} already exists. The "
                        + $"entity key {key.Name} requires that this set of attributes contains unique values. Select unique values and "
                        + $"try again.");
            }
        }
    }

    private static void CheckConcurrency(TableMetadata table, StoredRow row, string? rowVersion, ConcurrencyBehavior concurrency)
    {
        if (concurrency != ConcurrencyBehavior.IfRowVersionMatches) return;
        if (!table.IsOptimisticConcurrencyEnabled)
        {
            throw PlatformFault.Create(ErrorCodes.OptimisticConcurrencyNotEnabled, $"The entity {table.LogicalName} does not support "
                + $"optimistic concurrency.");
        }

        if (string.IsNullOrEmpty(rowVersion))
        {
            throw PlatformFault.Create(ErrorCodes.ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value "
                + "of ConcurrencyBehavior is IfVersionMatches.");
        }

        if (rowVersion != row.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw PlatformFault.Create(ErrorCodes.ConcurrencyVersionMismatch, "The version of the existing record doesn't match the "
                + "RowVersion property provided.");
        }
    }

    /// <summary>A statuscode alone moves the row to its state; a statecode alone takes that state's default status.</summary>
    private static void AlignStateAndStatus(TableMetadata table, Entity changes)
    {
        if (table.Column("statuscode") is not { } status) return;
        var newStatus = changes.GetAttributeValue<OptionSetValue>("statuscode");
        var newState = changes.GetAttributeValue<OptionSetValue>("statecode");
        if (newStatus is not null && status.StatusToState.TryGetValue(newStatus.Value, out var owningState))
        {
            if (newState is not null && newState.Value != owningState)
            {
                throw PlatformFault.InvalidArgument($"{newStatus.Value} is not a valid status code for state "
                    + $"code {table.LogicalName}State.{newState.Value}.");
            }

            if (newState is null && table.Column("statecode") is not null) changes["statecode"] = new OptionSetValue(owningState);
        }
        else if (newState is not null && newStatus is null)
        {
            changes["statuscode"] = new OptionSetValue(DefaultStatus(status, newState.Value));
        }
    }

    private static int DefaultStatus(ColumnMetadata status, int state) =>
        status.StatusToState.Where(s => s.Value == state).Select(s => (int?)s.Key).OrderBy(s => s).FirstOrDefault() ?? state + 1;

    private static void SetIfColumn(TableMetadata table, Dictionary<string, object?> values, string column, object value, bool overwrite)
    {
        if (table.Column(column) is null) return;
        if (overwrite || !values.TryGetValue(column, out var existing) || existing is null) values[column] = value;
    }

    public static bool IsStateColumn(string name) => StateColumns.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static bool ValuesEqual(object? stored, object? given) =>
        Comparison.Normalize(stored) is var a && Comparison.Normalize(given) is var b
        && (a is string sa && b is string sb ? string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase) : Equals(a, b));
}
