using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests;

internal static class Faults
{
    public static OrganizationServiceFault Expect(int errorCode, Action act)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(act);
        Assert.Equal(errorCode, fault.Detail.ErrorCode);
        return fault.Detail;
    }
}
