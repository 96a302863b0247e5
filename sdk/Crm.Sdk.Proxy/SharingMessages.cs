using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>A principal (user or team) and the access rights it has on a shared record
    /// (learn.microsoft.com/dotnet/api/microsoft.crm.sdk.messages.principalaccess).</summary>
    [DataContract(Name = "PrincipalAccess", Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class PrincipalAccess : IExtensibleDataObject
    {
        [DataMember]
        public AccessRights AccessMask { get; set; }

        [DataMember]
        public EntityReference Principal { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class GrantAccessRequest : OrganizationRequest
    {
        public GrantAccessRequest()
        {
            RequestName = "GrantAccess";
        }

        public PrincipalAccess PrincipalAccess
        {
            get {
                return Parameters.Contains("PrincipalAccess") ? (PrincipalAccess)Parameters["PrincipalAccess"] : default(PrincipalAccess); }
            set { Parameters["PrincipalAccess"] = value; }
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class GrantAccessResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class ModifyAccessRequest : OrganizationRequest
    {
        public ModifyAccessRequest()
        {
            RequestName = "ModifyAccess";
        }

        public PrincipalAccess PrincipalAccess
        {
            get {
                return Parameters.Contains("PrincipalAccess") ? (PrincipalAccess)Parameters["PrincipalAccess"] : default(PrincipalAccess); }
            set { Parameters["PrincipalAccess"] = value; }
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class ModifyAccessResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RevokeAccessRequest : OrganizationRequest
    {
        public RevokeAccessRequest()
        {
            RequestName = "RevokeAccess";
        }

        public EntityReference Revokee
        {
            get { return Parameters.Contains("Revokee") ? (EntityReference)Parameters["Revokee"] : default(EntityReference); }
            set { Parameters["Revokee"] = value; }
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RevokeAccessResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RetrieveSharedPrincipalsAndAccessRequest : OrganizationRequest
    {
        public RetrieveSharedPrincipalsAndAccessRequest()
        {
            RequestName = "RetrieveSharedPrincipalsAndAccess";
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RetrieveSharedPrincipalsAndAccessResponse : OrganizationResponse
    {
        public PrincipalAccess[] PrincipalAccesses
            => Results.Contains("PrincipalAccesses") ? (PrincipalAccess[])Results["PrincipalAccesses"] : default(PrincipalAccess[]);
    }
}
