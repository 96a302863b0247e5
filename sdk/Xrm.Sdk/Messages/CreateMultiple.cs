using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class CreateMultipleRequest : OrganizationRequest
    {
        public CreateMultipleRequest()
        {
            RequestName = "CreateMultiple";
        }

        public EntityCollection Targets
        {
            get { return Parameters.Contains("Targets") ? (EntityCollection)Parameters["Targets"] : default(EntityCollection); }
            set { Parameters["Targets"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class CreateMultipleResponse : OrganizationResponse
    {
        public Guid[] Ids => Results.Contains("Ids") ? (Guid[])Results["Ids"] : default(Guid[]);
    }
}
