using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Emulator.Messages;

/// <summary>
/// ExecuteMultiple: each item in its own transaction (joins the caller's inside a plugin), 1,000-item cap,
/// ContinueOnError/ReturnResponses. ExecuteTransaction: all or nothing, reporting FaultedRequestIndex.
/// </summary>
internal sealed class BatchMessages
{
    private static readonly string[] BatchMessageNames = { "ExecuteMultiple", "ExecuteTransaction" };

    private readonly EmulatorEngine _engine;

    public BatchMessages(EmulatorEngine engine) => _engine = engine;

    public OrganizationResponse ExecuteMultiple(OrganizationRequest request, CallFrame frame)
    {
        var requests = MessageRouter.Parameter<OrganizationRequestCollection>(request, "Requests");
        var settings = request.Parameters.TryGetValue("Settings", out var value) && value is ExecuteMultipleSettings s
            ? s : new ExecuteMultipleSettings();
        if (requests.Count > _engine.Options.MaxBatchSize)
        {
            throw PlatformFault.Create(ErrorCodes.InvalidRequest,
                $"The request collection has {requests.Count} requests; the maximum batch size is {_engine.Options.MaxBatchSize}.",
                new[] { new KeyValuePair<string, object>("MaxBatchSize", _engine.Options.MaxBatchSize) });
        }

        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                if (requests[i].RequestName == "ExecuteMultiple")
                {
                    throw PlatformFault.Create(ErrorCodes.InvalidRequest,
                        "ExecuteMultipleRequest cannot contain an ExecuteMultipleRequest.");
                }

                var response = _engine.Execute(requests[i], frame);
                if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                faulted = true;
                responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                if (!settings.ContinueOnError) break;
            }
        }

        var result = new ExecuteMultipleResponse();
        result.Results["IsFaulted"] = faulted;
        result.Results["Responses"] = responses;
        return result;
    }

    public OrganizationResponse ExecuteTransaction(OrganizationRequest request, CallFrame frame)
    {
        var requests = MessageRouter.Parameter<OrganizationRequestCollection>(request, "Requests");
        if (requests.Any(r => BatchMessageNames.Contains(r.RequestName)))
        {
            throw PlatformFault.Create(ErrorCodes.InvalidRequest,
                "ExecuteTransactionRequest cannot contain an ExecuteMultipleRequest or ExecuteTransactionRequest.");
        }

        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var flag) && flag is true;
        var transaction = frame.Transaction ?? _engine.Store.Begin();
        var isTopLevel = frame.Transaction is null;
        var responses = new OrganizationResponseCollection();
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = _engine.Execute(requests[i], frame.InTransaction(transaction));
                if (returnResponses) responses.Add(response);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                if (isTopLevel && transaction.IsOpen) transaction.Rollback();
                throw WithFaultedIndex(fault, i);
            }
            catch
            {
                if (isTopLevel && transaction.IsOpen) transaction.Rollback();
                throw;
            }
        }

        if (isTopLevel)
        {
            if (transaction.DoomedBy is not null)
            {
                transaction.Rollback();
                throw EmulatorEngine.NoActiveTransaction();
            }

            transaction.Commit();
        }

        var result = new ExecuteTransactionResponse();
        if (returnResponses) result.Results["Responses"] = responses;
        return result;
    }

    /// <summary>
    /// Dataverse reports which request failed through an ExecuteTransactionFault carrying the inner fault's code and message.
    /// </summary>
    private static FaultException<OrganizationServiceFault> WithFaultedIndex(FaultException<OrganizationServiceFault> fault, int index)
    {
        var detail = new ExecuteTransactionFault
        {
            ErrorCode = fault.Detail.ErrorCode,
            Message = fault.Detail.Message,
            Timestamp = fault.Detail.Timestamp,
            FaultedRequestIndex = index,
            ErrorDetails = fault.Detail.ErrorDetails,
        };
        return new FaultException<OrganizationServiceFault>(detail, new FaultReason(detail.Message));
    }
}
