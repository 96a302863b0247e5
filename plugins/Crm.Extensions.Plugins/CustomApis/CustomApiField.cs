using System;
using Crm.Extensions.Domain.Localization;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>customapirequestparameter.type and customapiresponseproperty.type.</summary>
public enum CustomApiFieldType
{
    Boolean = 0,
    DateTime = 1,
    Decimal = 2,
    Entity = 3,
    EntityCollection = 4,
    EntityReference = 5,
    Float = 6,
    Integer = 7,
    Money = 8,
    Picklist = 9,
    String = 10,
    StringArray = 11,
    Guid = 12,
}

/// <summary>A request parameter or response property: its name is the key in InputParameters or OutputParameters.</summary>
public abstract class CustomApiField
{
    private protected CustomApiField(string name, Type valueType, LocalizedText displayName, LocalizedText description)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A custom API parameter needs its name.", nameof(name));
        Name = name;
        Type = TypeOf(valueType);
        DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
        Description = description ?? throw new ArgumentNullException(nameof(description));
    }

    public string Name { get; }

    public CustomApiFieldType Type { get; }

    public LocalizedText DisplayName { get; }

    public LocalizedText Description { get; }

    public abstract bool IsOptional { get; }

    internal abstract bool IsResponse { get; }

    public override string ToString() => Name;

    /// <summary>The Dataverse type of a parameter whose value arrives as <paramref name="valueType"/> (nullable or not).</summary>
    public static CustomApiFieldType TypeOf(Type valueType)
    {
        if (valueType is null) throw new ArgumentNullException(nameof(valueType));
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        return type switch
        {
            _ when type == typeof(bool) => CustomApiFieldType.Boolean,
            _ when type == typeof(DateTime) => CustomApiFieldType.DateTime,
            _ when type == typeof(decimal) => CustomApiFieldType.Decimal,
            _ when type == typeof(Entity) => CustomApiFieldType.Entity,
            _ when type == typeof(EntityCollection) => CustomApiFieldType.EntityCollection,
            _ when type == typeof(EntityReference) => CustomApiFieldType.EntityReference,
            _ when type == typeof(double) => CustomApiFieldType.Float,
            _ when type == typeof(int) => CustomApiFieldType.Integer,
            _ when type == typeof(Money) => CustomApiFieldType.Money,
            _ when type == typeof(OptionSetValue) => CustomApiFieldType.Picklist,
            _ when type == typeof(string) => CustomApiFieldType.String,
            _ when type == typeof(string[]) => CustomApiFieldType.StringArray,
            _ when type == typeof(Guid) => CustomApiFieldType.Guid,
            _ => throw new ArgumentException($"{valueType} is not a type a custom API parameter can have.", nameof(valueType)),
        };
    }
}

/// <summary>An input of the API; the handler reads it with <see cref="CustomApiContextExtensions.Input{T}"/>.</summary>
public sealed class RequestParameter<T> : CustomApiField
{
    public RequestParameter(string name, bool isOptional, LocalizedText displayName, LocalizedText description)
        : base(name, typeof(T), displayName, description)
    {
        IsOptional = isOptional;
    }

    public override bool IsOptional { get; }

    internal override bool IsResponse => false;
}

/// <summary>An output of the API; the handler sets it with <see cref="CustomApiContextExtensions.SetOutput{T}"/>.</summary>
public sealed class ResponseProperty<T> : CustomApiField
{
    public ResponseProperty(string name, LocalizedText displayName, LocalizedText description)
        : base(name, typeof(T), displayName, description)
    {
    }

    public override bool IsOptional => false;

    internal override bool IsResponse => true;
}
