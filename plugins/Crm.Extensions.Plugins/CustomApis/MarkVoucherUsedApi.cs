using Crm.Extensions.Plugins.Loyalty;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_MarkVoucherUsed; its handler is <see cref="MarkVoucherUsed"/>.</summary>
public static class MarkVoucherUsedApi
{
    public const string UniqueName = "cx_MarkVoucherUsed";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(MarkVoucherUsed),
        displayName: new(
            "Mark voucher used",
            "Marcar vale como usado"),
        description: new(
            "Marks an issued, still valid voucher as used, once. The caller must be able to edit the redemption and its customer.",
            "Marca como usado un vale emitido y aún válido, una sola vez. Quien llama debe poder editar el canje y su cliente."),
        executePrivilegeName: "prvWritecx_RewardRedemption",
        request: [Request.Redemption],
        response: []);

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Redemption = new(
            nameof(Redemption),
            isOptional: false,
            displayName: new(
                "Redemption",
                "Canje"),
            description: new(
                "The issued cx_rewardredemption whose voucher was used.",
                "El cx_rewardredemption emitido cuyo vale se usó."));
    }
}
