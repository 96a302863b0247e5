using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveEntityRequest : OrganizationRequest
    {
        public RetrieveEntityRequest()
        {
            RequestName = "RetrieveEntity";
        }

        public EntityFilters EntityFilters
        {
            get { return Parameters.Contains("EntityFilters") ? (EntityFilters)Parameters["EntityFilters"] : default(EntityFilters); }
            set { Parameters["EntityFilters"] = value; }
        }

        public string LogicalName
        {
            get { return Parameters.Contains("LogicalName") ? (string)Parameters["LogicalName"] : default(string); }
            set { Parameters["LogicalName"] = value; }
        }

        public Guid MetadataId
        {
            get { return Parameters.Contains("MetadataId") ? (Guid)Parameters["MetadataId"] : default(Guid); }
            set { Parameters["MetadataId"] = value; }
        }

        public bool RetrieveAsIfPublished
        {
            get { return Parameters.Contains("RetrieveAsIfPublished") ? (bool)Parameters["RetrieveAsIfPublished"] : default(bool); }
            set { Parameters["RetrieveAsIfPublished"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveEntityResponse : OrganizationResponse
    {
        public EntityMetadata EntityMetadata
            => Results.Contains("EntityMetadata") ? (EntityMetadata)Results["EntityMetadata"] : default(EntityMetadata);
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveAttributeRequest : OrganizationRequest
    {
        public RetrieveAttributeRequest()
        {
            RequestName = "RetrieveAttribute";
        }

        public string EntityLogicalName
        {
            get { return Parameters.Contains("EntityLogicalName") ? (string)Parameters["EntityLogicalName"] : default(string); }
            set { Parameters["EntityLogicalName"] = value; }
        }

        public string LogicalName
        {
            get { return Parameters.Contains("LogicalName") ? (string)Parameters["LogicalName"] : default(string); }
            set { Parameters["LogicalName"] = value; }
        }

        public Guid MetadataId
        {
            get { return Parameters.Contains("MetadataId") ? (Guid)Parameters["MetadataId"] : default(Guid); }
            set { Parameters["MetadataId"] = value; }
        }

        public bool RetrieveAsIfPublished
        {
            get { return Parameters.Contains("RetrieveAsIfPublished") ? (bool)Parameters["RetrieveAsIfPublished"] : default(bool); }
            set { Parameters["RetrieveAsIfPublished"] = value; }
        }

        public int ColumnNumber
        {
            get { return Parameters.Contains("ColumnNumber") ? (int)Parameters["ColumnNumber"] : default(int); }
            set { Parameters["ColumnNumber"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveAttributeResponse : OrganizationResponse
    {
        public AttributeMetadata AttributeMetadata
            => Results.Contains("AttributeMetadata") ? (AttributeMetadata)Results["AttributeMetadata"] : default(AttributeMetadata);
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveAllEntitiesRequest : OrganizationRequest
    {
        public RetrieveAllEntitiesRequest()
        {
            RequestName = "RetrieveAllEntities";
        }

        public EntityFilters EntityFilters
        {
            get { return Parameters.Contains("EntityFilters") ? (EntityFilters)Parameters["EntityFilters"] : default(EntityFilters); }
            set { Parameters["EntityFilters"] = value; }
        }

        public bool RetrieveAsIfPublished
        {
            get { return Parameters.Contains("RetrieveAsIfPublished") ? (bool)Parameters["RetrieveAsIfPublished"] : default(bool); }
            set { Parameters["RetrieveAsIfPublished"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveAllEntitiesResponse : OrganizationResponse
    {
        public EntityMetadata[] EntityMetadata
            => Results.Contains("EntityMetadata") ? (EntityMetadata[])Results["EntityMetadata"] : default(EntityMetadata[]);
    }
}
