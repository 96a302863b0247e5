using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Invoicing;

/// <summary>
/// Keeps <c>cx_linecost</c> on every invoice line written: PreOperation puts quantity × the product's current cost into
/// Target, so it is saved with the line (no extra Update). One Retrieve of the product, as the caller, per line written;
/// quantity or product missing from Target come from the pre-image.
/// </summary>
public sealed class KeepLineCost : PluginBase
{
    public KeepLineCost(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, InvoiceDetail.EntityLogicalName, PipelineStage.PreOperation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, InvoiceDetail.EntityLogicalName, PipelineStage.PreOperation)
                .Filter(LineCost.Inputs)
                .WithPreImage(InvoiceDetail.Fields.ProductId, InvoiceDetail.Fields.Quantity),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        var target = context.Target;
        var stored = context.PreImage;
        var product = target.Contains(InvoiceDetail.Fields.ProductId)
            ? target.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.ProductId)
            : stored?.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.ProductId);
        var quantity = target.Contains(InvoiceDetail.Fields.Quantity)
            ? target.GetAttributeValue<decimal?>(InvoiceDetail.Fields.Quantity)
            : stored?.GetAttributeValue<decimal?>(InvoiceDetail.Fields.Quantity);
        // Request only when the line names a product: its current cost, read with the caller's rights.
        target[InvoiceDetail.Fields.LineCost] = new Money(LineCost.Of(context.UserService, product, quantity));
    }
}
