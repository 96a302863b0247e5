using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;
using CascadeType = Microsoft.Xrm.Sdk.Metadata.CascadeType;
using RelationshipMetadata = Crm.Extensions.Emulator.Metadata.RelationshipMetadata;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// RetrieveEntity, RetrieveAttribute and RetrieveAllEntities built from the loaded metadata (the solution's tables and the
/// standard tables). EntityFilters decides what an EntityMetadata carries: Entity = the table's own properties, Attributes =
/// its columns, Privileges = its privileges, Relationships = its 1:N, N:1 and N:N relationships
/// (learn.microsoft.com/power-apps/developer/data-platform/org-service/metadata-retrieve-detect-changes). Logical names are
/// case-sensitive; an unknown table faults with QueryBuilderNoEntity, an unknown column with QueryBuilderNoAttribute.
/// Properties the SDK exposes read-only are set through their non-public setters, as the platform's deserializer does.
/// </summary>
internal sealed class MetadataMessages
{
    private readonly EmulatorEngine _engine;

    public MetadataMessages(EmulatorEngine engine) => _engine = engine;

    public OrganizationResponse RetrieveEntity(OrganizationRequest request, CallFrame frame)
    {
        var filters = Filters(request);
        var table = request.Parameters.TryGetValue("LogicalName", out var name) && name is string logicalName
            ? Table(logicalName)
            : TableById(MetadataIdOf(request));
        var response = new Microsoft.Xrm.Sdk.Messages.RetrieveEntityResponse();
        response.Results["EntityMetadata"] = Entity(table, filters, _engine.LanguageOf(frame.UserId));
        return response;
    }

    public OrganizationResponse RetrieveAllEntities(OrganizationRequest request, CallFrame frame)
    {
        var filters = Filters(request);
        var language = _engine.LanguageOf(frame.UserId);
        var response = new Microsoft.Xrm.Sdk.Messages.RetrieveAllEntitiesResponse();
        response.Results["EntityMetadata"] = _engine.Catalog.Tables.Values.OrderBy(t => t.LogicalName, StringComparer.Ordinal)
            .Select(t => Entity(t, filters, language)).ToArray();
        return response;
    }

    public OrganizationResponse RetrieveAttribute(OrganizationRequest request, CallFrame frame)
    {
        var table = Table(MessageRouter.Parameter<string>(request, "EntityLogicalName"));
        ColumnMetadata column;
        if (request.Parameters.TryGetValue("LogicalName", out var name) && name is string logicalName)
        {
            column = table.Column(logicalName) ?? throw PlatformFault.UnknownColumn(table.LogicalName, logicalName);
        }
        else
        {
            var id = MetadataIdOf(request);
            column = table.Columns.Values.FirstOrDefault(c => IdOf(table.LogicalName + "." + c.LogicalName) == id)
                ?? throw PlatformFault.Create(ErrorCodes.ObjectDoesNotExist, $"Could not find attribute with MetadataId = {id}.");
        }

        var response = new Microsoft.Xrm.Sdk.Messages.RetrieveAttributeResponse();
        response.Results["AttributeMetadata"] = Attribute(table, column, _engine.LanguageOf(frame.UserId));
        return response;
    }

    private static EntityFilters Filters(OrganizationRequest request) =>
        request.Parameters.TryGetValue("EntityFilters", out var value) && value is EntityFilters filters
            ? filters
            : throw PlatformFault.InvalidArgument(
                $"Required field 'EntityFilters' is missing or has the wrong type for {request.RequestName}.");

    private static Guid MetadataIdOf(OrganizationRequest request) =>
        request.Parameters.TryGetValue("MetadataId", out var value) && value is Guid id && id != Guid.Empty
            ? id
            : throw PlatformFault.InvalidArgument($"{request.RequestName} needs a LogicalName or a MetadataId.");

    private TableMetadata Table(string logicalName) =>
        _engine.Catalog.Tables.TryGetValue(logicalName, out var table) && table.LogicalName == logicalName
            ? table
            : throw PlatformFault.UnknownTable(logicalName);

    private TableMetadata TableById(Guid id) =>
        _engine.Catalog.Tables.Values.FirstOrDefault(t => IdOf(t.LogicalName) == id)
        ?? throw PlatformFault.Create(ErrorCodes.ObjectDoesNotExist, $"Could not find entity with MetadataId = {id}.");

    private EntityMetadata Entity(TableMetadata table, EntityFilters filters, int language)
    {
        var entity = new EntityMetadata
        {
            MetadataId = IdOf(table.LogicalName),
            LogicalName = table.LogicalName,
            SchemaName = table.SchemaName ?? table.LogicalName,
            DisplayName = LabelOf(table.DisplayNames, language),
            DisplayCollectionName = LabelOf(table.DisplayCollectionNames, language),
            OwnershipType = table.IsIntersect ? OwnershipTypes.None
                : table.Ownership == TableOwnership.OrganizationOwned ? OwnershipTypes.OrganizationOwned : OwnershipTypes.UserOwned,
            IsActivity = false,
        };
        Set(entity, nameof(EntityMetadata.PrimaryIdAttribute), table.PrimaryIdAttribute);
        Set(entity, nameof(EntityMetadata.PrimaryNameAttribute), table.PrimaryNameAttribute);
        Set(entity, nameof(EntityMetadata.IsIntersect), table.IsIntersect);
        Set(entity, nameof(EntityMetadata.IsCustomEntity), table.LogicalName.Contains('_', StringComparison.Ordinal) && !table.IsIntersect);
        Set(entity, nameof(EntityMetadata.Keys), table.Keys.Select(k => Key(table, k)).ToArray());
        if (filters.HasFlag(EntityFilters.Attributes))
        {
            Set(entity, nameof(EntityMetadata.Attributes), table.Columns.Values.OrderBy(c => c.LogicalName, StringComparer.Ordinal)
                .Select(c => Attribute(table, c, language)).ToArray());
        }

        if (filters.HasFlag(EntityFilters.Privileges)) Set(entity, nameof(EntityMetadata.Privileges), Privileges(table));
        if (filters.HasFlag(EntityFilters.Relationships))
        {
            var relationships = _engine.Catalog.Relationships.Values;
            Set(entity, nameof(EntityMetadata.OneToManyRelationships), relationships
                .Where(r => r.Kind == RelationshipKind.OneToMany && Same(r.ReferencedEntity, table)).Select(OneToMany).ToArray());
            Set(entity, nameof(EntityMetadata.ManyToOneRelationships), relationships
                .Where(r => r.Kind == RelationshipKind.OneToMany && Same(r.ReferencingEntity, table)).Select(OneToMany).ToArray());
            Set(entity, nameof(EntityMetadata.ManyToManyRelationships), relationships
                .Where(r => r.Kind == RelationshipKind.ManyToMany && (Same(r.Entity1, table) || Same(r.Entity2, table)))
                .Select(ManyToMany).ToArray());
        }

        return entity;
    }

    private static bool Same(string name, TableMetadata table) =>
        string.Equals(name, table.LogicalName, StringComparison.OrdinalIgnoreCase);

    private AttributeMetadata Attribute(TableMetadata table, ColumnMetadata column, int language)
    {
        AttributeMetadata attribute = column.Type switch
        {
            ColumnType.String => new StringAttributeMetadata { MaxLength = column.MaxLength },
            ColumnType.Memo => new MemoAttributeMetadata { MaxLength = column.MaxLength },
            ColumnType.Integer => new IntegerAttributeMetadata
            {
                MinValue = InRange(column.MinValue, int.MinValue, int.MaxValue) is { } min ? (int)min : null,
                MaxValue = InRange(column.MaxValue, int.MinValue, int.MaxValue) is { } max ? (int)max : null,
            },
            ColumnType.BigInt => new BigIntAttributeMetadata
            {
                MinValue = InRange(column.MinValue, long.MinValue, long.MaxValue) is { } min ? (long)min : null,
                MaxValue = InRange(column.MaxValue, long.MinValue, long.MaxValue) is { } max ? (long)max : null,
            },
            ColumnType.Decimal => new DecimalAttributeMetadata { MinValue = column.MinValue, MaxValue = column.MaxValue },
            ColumnType.Double => new DoubleAttributeMetadata { MinValue = (double?)column.MinValue, MaxValue = (double?)column.MaxValue },
            ColumnType.Money => new MoneyAttributeMetadata { MinValue = (double?)column.MinValue, MaxValue = (double?)column.MaxValue },
            ColumnType.DateTime => new DateTimeAttributeMetadata(),
            ColumnType.Boolean => Boolean(column, language),
            ColumnType.Picklist => new PicklistAttributeMetadata
            {
                OptionSet = Options(column, language, OptionSetType.Picklist), DefaultFormValue = column.DefaultValue as int?,
            },
            ColumnType.MultiSelectPicklist => new MultiSelectPicklistAttributeMetadata
            {
                OptionSet = Options(column, language, OptionSetType.Picklist),
            },
            ColumnType.State => new StateAttributeMetadata { OptionSet = Options(column, language, OptionSetType.State) },
            ColumnType.Status => new StatusAttributeMetadata { OptionSet = Options(column, language, OptionSetType.Status) },
            ColumnType.EntityName => new EntityNameAttributeMetadata(),
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => new LookupAttributeMetadata
            {
                Targets = column.Targets.OrderBy(t => t, StringComparer.Ordinal).ToArray(),
            },
            ColumnType.PrimaryKey or ColumnType.UniqueIdentifier => new UniqueIdentifierAttributeMetadata(),
            _ => new AttributeMetadata(),
        };
        attribute.MetadataId = IdOf(table.LogicalName + "." + column.LogicalName);
        attribute.LogicalName = column.LogicalName;
        attribute.SchemaName = column.SchemaName ?? column.LogicalName;
        attribute.DisplayName = LabelOf(column.DisplayNames, language);
        attribute.RequiredLevel = new AttributeRequiredLevelManagedProperty(RequiredLevel(column, table));
        attribute.IsSecured = column.IsSecured;
        Set(attribute, nameof(AttributeMetadata.EntityLogicalName), table.LogicalName);
        Set(attribute, nameof(AttributeMetadata.AttributeType), TypeCode(column.Type));
        Set(attribute, nameof(AttributeMetadata.IsPrimaryId), column.LogicalName == table.PrimaryIdAttribute);
        Set(attribute, nameof(AttributeMetadata.IsPrimaryName), column.LogicalName == table.PrimaryNameAttribute);
        Set(attribute, nameof(AttributeMetadata.IsCustomAttribute), column.IsCustom);
        return attribute;
    }

    /// <summary>A metadata bound that fits the SDK property's type; a bound outside it (a loose solution file) is left out.</summary>
    private static decimal? InRange(decimal? value, decimal min, decimal max) => value is { } v && v >= min && v <= max ? v : null;

    private static AttributeRequiredLevel RequiredLevel(ColumnMetadata column, TableMetadata table) =>
        column.LogicalName == table.PrimaryIdAttribute
            ? AttributeRequiredLevel.SystemRequired
            : column.RequiredLevel?.ToLowerInvariant() switch
        {
            "systemrequired" => AttributeRequiredLevel.SystemRequired,
            "required" or "applicationrequired" => AttributeRequiredLevel.ApplicationRequired,
            "recommended" => AttributeRequiredLevel.Recommended,
            _ => AttributeRequiredLevel.None,
        };

    private static AttributeTypeCode TypeCode(ColumnType type) => type switch
    {
        ColumnType.String => AttributeTypeCode.String,
        ColumnType.Memo => AttributeTypeCode.Memo,
        ColumnType.Integer => AttributeTypeCode.Integer,
        ColumnType.BigInt => AttributeTypeCode.BigInt,
        ColumnType.Decimal => AttributeTypeCode.Decimal,
        ColumnType.Double => AttributeTypeCode.Double,
        ColumnType.Money => AttributeTypeCode.Money,
        ColumnType.DateTime => AttributeTypeCode.DateTime,
        ColumnType.Boolean => AttributeTypeCode.Boolean,
        ColumnType.Picklist => AttributeTypeCode.Picklist,
        ColumnType.State => AttributeTypeCode.State,
        ColumnType.Status => AttributeTypeCode.Status,
        ColumnType.Lookup => AttributeTypeCode.Lookup,
        ColumnType.Customer => AttributeTypeCode.Customer,
        ColumnType.Owner => AttributeTypeCode.Owner,
        ColumnType.PrimaryKey or ColumnType.UniqueIdentifier => AttributeTypeCode.Uniqueidentifier,
        ColumnType.EntityName => AttributeTypeCode.EntityName,
        _ => AttributeTypeCode.Virtual,
    };

    private static BooleanAttributeMetadata Boolean(ColumnMetadata column, int language) => new()
    {
        DefaultValue = column.DefaultValue as bool?,
        OptionSet = new BooleanOptionSetMetadata(
            new OptionMetadata(LabelOf(column.OptionLabels.GetValueOrDefault(1), language), 1),
            new OptionMetadata(LabelOf(column.OptionLabels.GetValueOrDefault(0), language), 0))
        {
            OptionSetType = OptionSetType.Boolean, IsGlobal = false,
        },
    };

    private static OptionSetMetadata Options(ColumnMetadata column, int language, OptionSetType type)
    {
        var options = new OptionMetadataCollection();
        foreach (var value in column.Options.OrderBy(v => v))
        {
            OptionMetadata option = type == OptionSetType.Status
                ? new StatusOptionMetadata(value, column.StatusToState.TryGetValue(value, out var state) ? state : null)
                : new OptionMetadata(value);
            option.Label = LabelOf(column.OptionLabels.GetValueOrDefault(value), language);
            options.Add(option);
        }

        return new OptionSetMetadata(options)
        {
            Name = column.GlobalOptionSetName, IsGlobal = column.GlobalOptionSetName is not null, OptionSetType = type,
        };
    }

    private SecurityPrivilegeMetadata[] Privileges(TableMetadata table)
    {
        if (table.IsIntersect) return Array.Empty<SecurityPrivilegeMetadata>();
        var accesses = table.Ownership == TableOwnership.OrganizationOwned
            ? Enum.GetValues<PrivilegeAccess>().Where(a => a is not (PrivilegeAccess.Assign or PrivilegeAccess.Share))
            : Enum.GetValues<PrivilegeAccess>();
        return accesses.Select(access =>
        {
            var privilege = new SecurityPrivilegeMetadata();
            var name = "prv" + access + (table.SchemaName ?? table.LogicalName);
            var userOwned = table.Ownership != TableOwnership.OrganizationOwned;
            Set(privilege, nameof(SecurityPrivilegeMetadata.Name), name);
            Set(privilege, nameof(SecurityPrivilegeMetadata.PrivilegeId), IdOf(name));
            Set(privilege, nameof(SecurityPrivilegeMetadata.PrivilegeType), Enum.Parse<PrivilegeType>(access.ToString()));
            Set(privilege, nameof(SecurityPrivilegeMetadata.CanBeBasic), userOwned);
            Set(privilege, nameof(SecurityPrivilegeMetadata.CanBeLocal), userOwned);
            Set(privilege, nameof(SecurityPrivilegeMetadata.CanBeDeep), userOwned);
            Set(privilege, nameof(SecurityPrivilegeMetadata.CanBeGlobal), true);
            return privilege;
        }).ToArray();
    }

    private static OneToManyRelationshipMetadata OneToMany(RelationshipMetadata relationship) => new()
    {
        MetadataId = IdOf(relationship.SchemaName),
        SchemaName = relationship.SchemaName,
        ReferencedEntity = relationship.ReferencedEntity,
        ReferencingEntity = relationship.ReferencingEntity,
        ReferencingAttribute = relationship.ReferencingAttribute,
        IsHierarchical = relationship.IsHierarchical,
        CascadeConfiguration = new CascadeConfiguration
        {
            Assign = Cascade(relationship.CascadeAssign),
            Delete = Cascade(relationship.CascadeDelete),
            Share = Cascade(relationship.CascadeShare),
            Unshare = Cascade(relationship.CascadeUnshare),
            Reparent = Cascade(relationship.CascadeReparent),
            Merge = CascadeType.NoCascade,
        },
    };

    private static ManyToManyRelationshipMetadata ManyToMany(RelationshipMetadata relationship) => new()
    {
        MetadataId = IdOf(relationship.SchemaName),
        SchemaName = relationship.SchemaName,
        Entity1LogicalName = relationship.Entity1,
        Entity2LogicalName = relationship.Entity2,
        IntersectEntityName = relationship.IntersectEntity,
        Entity1IntersectAttribute = relationship.Entity1IntersectAttribute,
        Entity2IntersectAttribute = relationship.Entity2IntersectAttribute,
    };

    private static CascadeType Cascade(Metadata.CascadeType type) => (CascadeType)(int)type;

    private static EntityKeyMetadata Key(TableMetadata table, AlternateKeyMetadata key)
    {
        var metadata = new EntityKeyMetadata
        {
            MetadataId = IdOf(table.LogicalName + "#" + key.Name),
            LogicalName = key.Name,
            SchemaName = key.Name,
            KeyAttributes = key.Columns.ToArray(),
        };
        Set(metadata, nameof(EntityKeyMetadata.EntityLogicalName), table.LogicalName);
        return metadata;
    }

    /// <summary>Every label the metadata has, with the one in the caller's language (else English, else any) as
    /// UserLocalizedLabel.</summary>
    private static Label LabelOf(IReadOnlyDictionary<int, string>? labels, int language)
    {
        if (labels is null || labels.Count == 0) return new Label();
        var all = labels.OrderBy(p => p.Key).Select(p => new LocalizedLabel(p.Value, p.Key)).ToArray();
        var user = all.FirstOrDefault(l => l.LanguageCode == language) ?? all.FirstOrDefault(l => l.LanguageCode == 1033) ?? all[0];
        return new Label(user, all);
    }

    /// <summary>A stable id per metadata name, so a MetadataId read once finds the same item again.</summary>
    private static Guid IdOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    private static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property, BindingFlags.Instance | BindingFlags.Public)!.SetValue(target, value);
}
