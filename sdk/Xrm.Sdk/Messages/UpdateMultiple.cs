using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class UpdateMultipleRequest : OrganizationRequest
    {
        public UpdateMultipleRequest()
        {
            RequestName = "UpdateMultiple";
        }

        public EntityCollection Targets
        {
            get { return Parameters.Contains("Targets") ? (EntityCollection)Parameters["Targets"] : default(EntityCollection); }
            set { Parameters["Targets"] = value; }
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
    public sealed class UpdateMultipleResponse : OrganizationResponse
    {
    }
}
