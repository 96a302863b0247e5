using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Faults;

/// <summary>Builds the exceptions Dataverse actually throws: FaultException&lt;OrganizationServiceFault&gt;, never wrappers.</summary>
public static class PlatformFault
{
    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message,
        IEnumerable<KeyValuePair<string, object>>? details = null)
    {
        var fault = new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow };
        if (details is not null)
        {
            foreach (var detail in details) fault.ErrorDetails[detail.Key] = detail.Value;
        }

        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
    }

    public static FaultException<OrganizationServiceFault> RecordNotFound(string table, Guid id) =>
        Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

    public static FaultException<OrganizationServiceFault> UnknownTable(string table) =>
        Create(ErrorCodes.QueryBuilderNoEntity,
            $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

    public static FaultException<OrganizationServiceFault> UnknownColumn(string table, string column) =>
        Create(ErrorCodes.QueryBuilderNoAttribute,
            $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    public static FaultException<OrganizationServiceFault> InvalidArgument(string message) =>
        Create(ErrorCodes.InvalidArgument, message);

    /// <summary>The fault a caller sees; a FaultException passes through unchanged.</summary>
    public static OrganizationServiceFault DetailOf(Exception exception) => exception switch
    {
        FaultException<OrganizationServiceFault> fault => fault.Detail,
        _ => new OrganizationServiceFault { ErrorCode = ErrorCodes.UnexpectedError, Message = exception.Message },
    };
}
