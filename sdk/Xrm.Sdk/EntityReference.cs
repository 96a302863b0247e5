using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    [Serializable]
    [DataContract(Name = "EntityReference", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class EntityReference : IExtensibleDataObject
    {
        public EntityReference()
        {
        }

        public EntityReference(string logicalName)
        {
            LogicalName = logicalName;
        }

        public EntityReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            KeyAttributes = keyAttributeCollection;
        }

        [DataMember]
        public Guid Id { get; set; }

        [DataMember]
        public string LogicalName { get; set; }

        [DataMember]
        public string Name { get; set; }

        // Created on first use: most references never carry key values, and an emulator holding millions of lookups would
        // otherwise keep an empty collection (with its dictionary) per lookup.
        private KeyAttributeCollection _keyAttributes;

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get { return _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection()); }
            set { _keyAttributes = value; }
        }

        [DataMember]
        public string RowVersion { get; set; }

        [DataMember]
        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>Two references are equal when they point at the same row: same table and id.</summary>
        public override bool Equals(object obj)
        {
            return obj is EntityReference other
                && other.Id == Id
                && string.Equals(other.LogicalName, LogicalName, StringComparison.Ordinal);
        }

        public override int GetHashCode()
        {
            return Id.GetHashCode() ^ (LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName));
        }
    }
}
