using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    [DataContract(Name = "EntityMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class EntityMetadata : MetadataBase
    {
        [DataMember]
        public string LogicalName { get; set; }

        [DataMember]
        public string SchemaName { get; set; }

        [DataMember]
        public Label DisplayName { get; set; }

        [DataMember]
        public Label DisplayCollectionName { get; set; }

        [DataMember]
        public string EntitySetName { get; set; }

        [DataMember]
        public int? ObjectTypeCode { get; internal set; }

        [DataMember]
        public string PrimaryIdAttribute { get; internal set; }

        [DataMember]
        public string PrimaryNameAttribute { get; internal set; }

        [DataMember]
        public OwnershipTypes? OwnershipType { get; set; }

        [DataMember]
        public bool? IsActivity { get; set; }

        [DataMember]
        public bool? IsCustomEntity { get; internal set; }

        [DataMember]
        public bool? IsIntersect { get; internal set; }

        [DataMember]
        public AttributeMetadata[] Attributes { get; internal set; }

        [DataMember]
        public OneToManyRelationshipMetadata[] OneToManyRelationships { get; internal set; }

        [DataMember]
        public OneToManyRelationshipMetadata[] ManyToOneRelationships { get; internal set; }

        [DataMember]
        public ManyToManyRelationshipMetadata[] ManyToManyRelationships { get; internal set; }

        [DataMember]
        public SecurityPrivilegeMetadata[] Privileges { get; internal set; }

        [DataMember]
        public EntityKeyMetadata[] Keys { get; internal set; }
    }

    [DataContract(Name = "EntityKeyMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class EntityKeyMetadata : MetadataBase
    {
        [DataMember]
        public string LogicalName { get; set; }

        [DataMember]
        public string SchemaName { get; set; }

        [DataMember]
        public Label DisplayName { get; set; }

        [DataMember]
        public string[] KeyAttributes { get; set; }

        [DataMember]
        public string EntityLogicalName { get; internal set; }
    }

    [DataContract(Name = "RelationshipMetadataBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    [KnownType(typeof(OneToManyRelationshipMetadata))]
    [KnownType(typeof(ManyToManyRelationshipMetadata))]
    public abstract class RelationshipMetadataBase : MetadataBase
    {
        [DataMember]
        public string SchemaName { get; set; }

        [DataMember]
        public bool? IsCustomRelationship { get; set; }
    }

    [DataContract(Name = "OneToManyRelationshipMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class OneToManyRelationshipMetadata : RelationshipMetadataBase
    {
        [DataMember]
        public string ReferencedEntity { get; set; }

        [DataMember]
        public string ReferencedAttribute { get; set; }

        [DataMember]
        public string ReferencingEntity { get; set; }

        [DataMember]
        public string ReferencingAttribute { get; set; }

        [DataMember]
        public bool? IsHierarchical { get; set; }

        [DataMember]
        public CascadeConfiguration CascadeConfiguration { get; set; }
    }

    [DataContract(Name = "ManyToManyRelationshipMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class ManyToManyRelationshipMetadata : RelationshipMetadataBase
    {
        [DataMember]
        public string Entity1LogicalName { get; set; }

        [DataMember]
        public string Entity1IntersectAttribute { get; set; }

        [DataMember]
        public string Entity2LogicalName { get; set; }

        [DataMember]
        public string Entity2IntersectAttribute { get; set; }

        [DataMember]
        public string IntersectEntityName { get; set; }
    }
}
