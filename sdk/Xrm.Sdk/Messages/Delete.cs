using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest()
        {
            RequestName = "Delete";
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get {
                return Parameters.Contains("ConcurrencyBehavior")
                ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default(ConcurrencyBehavior); }
            set { Parameters["ConcurrencyBehavior"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class DeleteResponse : OrganizationResponse
    {
    }
}
