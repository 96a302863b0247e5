using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    [DataContract(Name = "MetadataBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public abstract class MetadataBase : IExtensibleDataObject
    {
        [DataMember]
        public Guid? MetadataId { get; set; }

        [DataMember]
        public bool? HasChanged { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "ManagedPropertyOf{0}", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public class ManagedProperty<T> : IExtensibleDataObject
    {
        public ManagedProperty()
        {
        }

        public ManagedProperty(T value)
        {
            Value = value;
        }

        [DataMember]
        public T Value { get; set; }

        [DataMember]
        public bool CanBeChanged { get; set; }

        [DataMember]
        public string ManagedPropertyLogicalName { get; internal set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "AttributeRequiredLevelManagedProperty", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class AttributeRequiredLevelManagedProperty : ManagedProperty<AttributeRequiredLevel>
    {
        public AttributeRequiredLevelManagedProperty(AttributeRequiredLevel value)
            : base(value)
        {
        }
    }

    [DataContract(Name = "CascadeConfiguration", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class CascadeConfiguration : IExtensibleDataObject
    {
        [DataMember]
        public CascadeType? Assign { get; set; }

        [DataMember]
        public CascadeType? Delete { get; set; }

        [DataMember]
        public CascadeType? Merge { get; set; }

        [DataMember]
        public CascadeType? Reparent { get; set; }

        [DataMember]
        public CascadeType? Share { get; set; }

        [DataMember]
        public CascadeType? Unshare { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "SecurityPrivilegeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class SecurityPrivilegeMetadata : IExtensibleDataObject
    {
        [DataMember]
        public bool CanBeBasic { get; internal set; }

        [DataMember]
        public bool CanBeDeep { get; internal set; }

        [DataMember]
        public bool CanBeGlobal { get; internal set; }

        [DataMember]
        public bool CanBeLocal { get; internal set; }

        [DataMember]
        public string Name { get; internal set; }

        [DataMember]
        public Guid PrivilegeId { get; internal set; }

        [DataMember]
        public PrivilegeType PrivilegeType { get; internal set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
