using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest()
        {
            RequestName = "ExecuteMultiple";
        }

        public OrganizationRequestCollection Requests
        {
            get {
                return Parameters.Contains("Requests")
                ? (OrganizationRequestCollection)Parameters["Requests"] : default(OrganizationRequestCollection); }
            set { Parameters["Requests"] = value; }
        }

        public ExecuteMultipleSettings Settings
        {
            get {
                return Parameters.Contains("Settings")
                ? (ExecuteMultipleSettings)Parameters["Settings"] : default(ExecuteMultipleSettings); }
            set { Parameters["Settings"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public bool IsFaulted => Results.Contains("IsFaulted") ? (bool)Results["IsFaulted"] : default(bool);

        public ExecuteMultipleResponseItemCollection Responses
            => Results.Contains("Responses")
            ? (ExecuteMultipleResponseItemCollection)Results["Responses"] : default(ExecuteMultipleResponseItemCollection);
    }
}
