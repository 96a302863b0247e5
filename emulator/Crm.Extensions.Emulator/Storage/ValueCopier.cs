using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// SDK value types are mutable classes: the store keeps its own copies so callers cannot change stored data by reference.
/// </summary>
internal static class ValueCopier
{
    public static object? Copy(object? value) => value switch
    {
        null => null,
        EntityReference reference => new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name },
        OptionSetValue option => new OptionSetValue(option.Value),
        Money money => new Money(money.Value),
        OptionSetValueCollection options => new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList()),
        byte[] bytes => (byte[])bytes.Clone(),
        Entity entity => CopyEntity(entity),
        EntityCollection collection => new EntityCollection(collection.Entities.Select(CopyEntity).ToList()) {
            EntityName = collection.EntityName },
        _ => value,
    };

    public static Dictionary<string, object?> CopyAll(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in values) copy[pair.Key] = Copy(pair.Value);
        return copy;
    }

    public static Entity CopyEntity(Entity source)
    {
        var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion, EntityState = source.EntityState };
        foreach (var pair in source.Attributes) copy.Attributes[pair.Key] = Copy(pair.Value);
        foreach (var pair in source.KeyAttributes) copy.KeyAttributes[pair.Key] = pair.Value;
        foreach (var pair in source.FormattedValues) copy.FormattedValues[pair.Key] = pair.Value;
        return copy;
    }
}
