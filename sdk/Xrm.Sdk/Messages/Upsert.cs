using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpsertRequest : OrganizationRequest
    {
        public UpsertRequest()
        {
            RequestName = "Upsert";
        }

        public Entity Target
        {
            get { return Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default(Entity); }
            set { Parameters["Target"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpsertResponse : OrganizationResponse
    {
        public bool RecordCreated => Results.Contains("RecordCreated") ? (bool)Results["RecordCreated"] : default(bool);

        public EntityReference Target => Results.Contains("Target") ? (EntityReference)Results["Target"] : default(EntityReference);
    }
}
