using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class AssociateRequest : OrganizationRequest
    {
        public AssociateRequest()
        {
            RequestName = "Associate";
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }

        public Relationship Relationship
        {
            get { return Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : default(Relationship); }
            set { Parameters["Relationship"] = value; }
        }

        public EntityReferenceCollection RelatedEntities
        {
            get {
                return Parameters.Contains("RelatedEntities")
                ? (EntityReferenceCollection)Parameters["RelatedEntities"] : default(EntityReferenceCollection); }
            set { Parameters["RelatedEntities"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class AssociateResponse : OrganizationResponse
    {
    }
}
