using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest()
        {
            RequestName = "Retrieve";
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }

        public ColumnSet ColumnSet
        {
            get { return Parameters.Contains("ColumnSet") ? (ColumnSet)Parameters["ColumnSet"] : default(ColumnSet); }
            set { Parameters["ColumnSet"] = value; }
        }

        public RelationshipQueryCollection RelatedEntitiesQuery
        {
            get {
                return Parameters.Contains("RelatedEntitiesQuery")
                ? (RelationshipQueryCollection)Parameters["RelatedEntitiesQuery"] : default(RelationshipQueryCollection); }
            set { Parameters["RelatedEntitiesQuery"] = value; }
        }

        public bool ReturnNotifications
        {
            get { return Parameters.Contains("ReturnNotifications") ? (bool)Parameters["ReturnNotifications"] : default(bool); }
            set { Parameters["ReturnNotifications"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class RetrieveResponse : OrganizationResponse
    {
        public Entity Entity => Results.Contains("Entity") ? (Entity)Results["Entity"] : default(Entity);

        public object Notifications => Results.Contains("Notifications") ? (object)Results["Notifications"] : default(object);
    }
}
