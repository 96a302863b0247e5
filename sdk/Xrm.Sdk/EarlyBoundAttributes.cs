using System;

namespace Microsoft.Xrm.Sdk
{
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AttributeLogicalNameAttribute : Attribute
    {
        public AttributeLogicalNameAttribute(string logicalName)
        {
            if (string.IsNullOrWhiteSpace(logicalName)) throw new ArgumentNullException(nameof(logicalName));
            LogicalName = logicalName;
        }

        public string LogicalName { get; private set; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class RelationshipSchemaNameAttribute : Attribute
    {
        public RelationshipSchemaNameAttribute(string schemaName)
        {
            if (string.IsNullOrWhiteSpace(schemaName)) throw new ArgumentNullException(nameof(schemaName));
            SchemaName = schemaName;
        }

        public RelationshipSchemaNameAttribute(string schemaName, EntityRole primaryEntityRole)
            : this(schemaName)
        {
            PrimaryEntityRole = primaryEntityRole;
        }

        public string SchemaName { get; }

        public EntityRole? PrimaryEntityRole { get; }
    }
}

namespace Microsoft.Xrm.Sdk.Client
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class EntityLogicalNameAttribute : Attribute
    {
        public EntityLogicalNameAttribute(string logicalName)
        {
            if (string.IsNullOrWhiteSpace(logicalName)) throw new ArgumentNullException(nameof(logicalName));
            LogicalName = logicalName;
        }

        public string LogicalName { get; private set; }
    }

    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class ProxyTypesAssemblyAttribute : Attribute
    {
    }
}
