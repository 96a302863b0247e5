using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest()
        {
            RequestName = "RetrieveMultiple";
        }

        public QueryBase Query
        {
            get { return Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : default(QueryBase); }
            set { Parameters["Query"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public EntityCollection EntityCollection
            => Results.Contains("EntityCollection") ? (EntityCollection)Results["EntityCollection"] : default(EntityCollection);
    }
}
