using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest()
        {
            RequestName = "Update";
        }

        public Entity Target
        {
            get { return Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default(Entity); }
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
    public sealed class UpdateResponse : OrganizationResponse
    {
    }
}
