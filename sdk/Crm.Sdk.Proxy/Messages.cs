using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class SetStateRequest : OrganizationRequest
    {
        public SetStateRequest()
        {
            RequestName = "SetState";
        }

        public EntityReference EntityMoniker
        {
            get { return Parameters.Contains("EntityMoniker") ? (EntityReference)Parameters["EntityMoniker"] : default(EntityReference); }
            set { Parameters["EntityMoniker"] = value; }
        }

        public OptionSetValue State
        {
            get { return Parameters.Contains("State") ? (OptionSetValue)Parameters["State"] : default(OptionSetValue); }
            set { Parameters["State"] = value; }
        }

        public OptionSetValue Status
        {
            get { return Parameters.Contains("Status") ? (OptionSetValue)Parameters["Status"] : default(OptionSetValue); }
            set { Parameters["Status"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class SetStateResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class WhoAmIRequest : OrganizationRequest
    {
        public WhoAmIRequest()
        {
            RequestName = "WhoAmI";
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class WhoAmIResponse : OrganizationResponse
    {
        public Guid UserId => Results.Contains("UserId") ? (Guid)Results["UserId"] : default(Guid);

        public Guid BusinessUnitId => Results.Contains("BusinessUnitId") ? (Guid)Results["BusinessUnitId"] : default(Guid);

        public Guid OrganizationId => Results.Contains("OrganizationId") ? (Guid)Results["OrganizationId"] : default(Guid);
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class AddMemberListRequest : OrganizationRequest
    {
        public AddMemberListRequest()
        {
            RequestName = "AddMemberList";
        }

        public Guid ListId
        {
            get { return Parameters.Contains("ListId") ? (Guid)Parameters["ListId"] : default(Guid); }
            set { Parameters["ListId"] = value; }
        }

        public Guid EntityId
        {
            get { return Parameters.Contains("EntityId") ? (Guid)Parameters["EntityId"] : default(Guid); }
            set { Parameters["EntityId"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class AddMemberListResponse : OrganizationResponse
    {
        public Guid Id => Results.Contains("Id") ? (Guid)Results["Id"] : default(Guid);
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RemoveMemberListRequest : OrganizationRequest
    {
        public RemoveMemberListRequest()
        {
            RequestName = "RemoveMemberList";
        }

        public Guid ListId
        {
            get { return Parameters.Contains("ListId") ? (Guid)Parameters["ListId"] : default(Guid); }
            set { Parameters["ListId"] = value; }
        }

        public Guid EntityId
        {
            get { return Parameters.Contains("EntityId") ? (Guid)Parameters["EntityId"] : default(Guid); }
            set { Parameters["EntityId"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RemoveMemberListResponse : OrganizationResponse
    {
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class AddListMembersListRequest : OrganizationRequest
    {
        public AddListMembersListRequest()
        {
            RequestName = "AddListMembersList";
        }

        public Guid ListId
        {
            get { return Parameters.Contains("ListId") ? (Guid)Parameters["ListId"] : default(Guid); }
            set { Parameters["ListId"] = value; }
        }

        public Guid[] MemberIds
        {
            get { return Parameters.Contains("MemberIds") ? (Guid[])Parameters["MemberIds"] : default(Guid[]); }
            set { Parameters["MemberIds"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class AddListMembersListResponse : OrganizationResponse
    {
    }

    /// <summary>The access rights of a principal on a record (learn.microsoft.com: Microsoft.Crm.Sdk.Messages.AccessRights).</summary>
    [Flags]
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public enum AccessRights
    {
        [EnumMember]
        None = 0,
        [EnumMember]
        ReadAccess = 1,
        [EnumMember]
        WriteAccess = 2,
        [EnumMember]
        AppendAccess = 4,
        [EnumMember]
        AppendToAccess = 16,
        [EnumMember]
        CreateAccess = 32,
        [EnumMember]
        DeleteAccess = 65536,
        [EnumMember]
        ShareAccess = 262144,
        [EnumMember]
        AssignAccess = 524288,
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RetrievePrincipalAccessRequest : OrganizationRequest
    {
        public RetrievePrincipalAccessRequest()
        {
            RequestName = "RetrievePrincipalAccess";
        }

        public EntityReference Principal
        {
            get { return Parameters.Contains("Principal") ? (EntityReference)Parameters["Principal"] : default(EntityReference); }
            set { Parameters["Principal"] = value; }
        }

        public EntityReference Target
        {
            get { return Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default(EntityReference); }
            set { Parameters["Target"] = value; }
        }
    }

    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    public sealed class RetrievePrincipalAccessResponse : OrganizationResponse
    {
        public AccessRights AccessRights
            => Results.Contains("AccessRights") ? (AccessRights)Results["AccessRights"] : default(AccessRights);
    }
}
