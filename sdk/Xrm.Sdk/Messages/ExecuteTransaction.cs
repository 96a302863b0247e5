using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest()
        {
            RequestName = "ExecuteTransaction";
        }

        public OrganizationRequestCollection Requests
        {
            get {
                return Parameters.Contains("Requests")
                ? (OrganizationRequestCollection)Parameters["Requests"] : default(OrganizationRequestCollection); }
            set { Parameters["Requests"] = value; }
        }

        public bool? ReturnResponses
        {
            get { return Parameters.Contains("ReturnResponses") ? (bool?)Parameters["ReturnResponses"] : default(bool?); }
            set { Parameters["ReturnResponses"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteTransactionResponse : OrganizationResponse
    {
        public OrganizationResponseCollection Responses
            => Results.Contains("Responses")
            ? (OrganizationResponseCollection)Results["Responses"] : default(OrganizationResponseCollection);
    }
}
