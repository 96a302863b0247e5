using static Crm.Extensions.Cli.Model.Columns;

namespace Crm.Extensions.Cli.Model;

/// <summary>
/// The loyalty cycle: program configuration, tiers, journeys per product line, the points ledger, rewards and cross-sell.
/// </summary>
internal static partial class CrmExtensionsModel
{
    private static Choice RedemptionStatus
        => GlobalChoices.Local("cx_rewardredemption_cx_redemptionstatus", "Redemption status", "Estado del canje",
        Label.Of("Issued", "Emitido"), Label.Of("Used", "Usado"), Label.Of("Cancelled", "Cancelado"), Label.Of("Expired", "Vencido"));

    private static Choice OfferType => GlobalChoices.Local("cx_crossselloffer_cx_offertype", "Offer type", "Tipo de oferta",
        Label.Of("Up-sell", "Venta de gama superior"), Label.Of("Cross-sell", "Venta cruzada"), Label.Of("Accessory", "Accesorio"),
        Label.Of("Substitute", "Sustituto"));

    private static Choice OfferStatus => GlobalChoices.Local("cx_crossselloffer_cx_offerstatus", "Offer status", "Estado de la oferta",
        Label.Of("Open", "Abierta"), Label.Of("Accepted", "Aceptada"), Label.Of("Declined", "Rechazada"), Label.Of("Expired", "Vencida"));

    private static Table LoyaltyProgram() => new("cx_LoyaltyProgram",
        Label.Of("Loyalty program", "Programa de fidelización"), Label.Of("Loyalty programs", "Programas de fidelización"),
        Label.Of("The settings of the loyalty program; no business value is hard-coded.",
            "La configuración del programa de fidelización; ningún valor de negocio está fijado en el código."))
    {
        Ownership = Ownership.Organization,
        Columns =
        [
            Name("Name", "Nombre", "Name of the program.", "Nombre del programa."),
            Whole("cx_QualificationWindowMonths", "Qualification window (months)", "Ventana de calificación (meses)", 1, 60,
                "Months of activity that count toward a tier; a tier lasts one window.",
                "Meses de actividad que cuentan para un nivel; un nivel dura una ventana.").Required().Default(12),
            Whole("cx_DowngradeGraceDays", "Downgrade grace (days)", "Gracia antes de bajar (días)", 0, 365,
                "Days after the tier expires before a downgrade.", "Días tras vencer el nivel antes de bajarlo.").Required().Default(30),
            Whole("cx_PendingDays", "Pending days", "Días pendientes", 0, 365, "Days points stay pending; equal to the return window.",
                "Días que los puntos quedan pendientes; igual al plazo de devolución.").Required().Default(14),
            Decimal("cx_PointsPerCurrencyUnit", "Points per currency unit", "Puntos por unidad monetaria", 0, 1000, 4,
                "Points earned for each unit of net line amount.", "Puntos acumulados por cada unidad de importe neto de línea.")
                .Required(),
            Pick("cx_ExpiryPolicy", "Expiry policy", "Política de vencimiento", GlobalChoices.ExpiryPolicy, "When points expire.",
                "Cuándo vencen los puntos.").Required().Default(GlobalChoices.FirstValue),
            Whole("cx_ExpiryDays", "Expiry after (days)", "Vencimiento tras (días)", 1, 3650,
                "Days until points expire, for the after-N-days policy.", "Días hasta que vencen los puntos, con la política tras N días.")
                .Default(365),
            Whole("cx_ExpiryWarningDays", "Expiry warning (days)", "Aviso de vencimiento (días)", 0, 365,
                "Days before expiry when the owner gets a task.", "Días antes del vencimiento en que el propietario recibe una tarea.")
                .Default(30),
            Whole("cx_MaxBalance", "Maximum balance", "Saldo máximo", 0, int.MaxValue,
                "Fraud cap on a member's available points; 0 means no cap.",
                "Tope antifraude del saldo disponible de un miembro; 0 significa sin tope."),
            Decimal("cx_VipProfitShare", "VIP share of top-profit customers (%)", "Cuota VIP de clientes más rentables (%)", 0, 100, 2,
                "The most profitable share of customers that gets at least the VIP tier.",
                "La cuota más rentable de clientes que obtiene al menos el nivel VIP."),
            Whole("cx_BirthdayBonusPoints", "Birthday bonus points", "Puntos de cumpleaños", 0, 100000,
                "Points granted once a year on the contact's birthday.", "Puntos concedidos una vez al año en el cumpleaños del contacto."),
            Whole("cx_BirthdayBackfillDays", "Birthday catch-up (days)", "Recuperación de cumpleaños (días)", 0, 31,
                "How many days back a missed birthday run may still be processed; 0 means only today.",
                "Cuántos días atrás se puede procesar aún una ejecución de cumpleaños perdida; 0 significa solo hoy.").Default(0),
            Memo("cx_ExcludedProductFamilies", "Excluded product families", "Familias de productos excluidas", 2000,
                "Product ids (GUIDs, not product numbers) of the top-level families that earn no points, separated by new lines, commas " +
                "or semicolons.",
                "Ids de producto (GUID, no números de producto) de las familias superiores que no acumulan puntos, separados por saltos " +
                "de línea, comas o puntos y comas."),
        ],
        Sections =
        [
            // LoyaltyProgramReader reads every loyalty setting from the active program row; an empty column takes the product default
            // (ProgramSettings). The loyalty environment variables are not read, so the form says the row wins (plugins/README.md).
            new("program",
                Label.Of("Program: the values saved here apply; an empty value uses the product default, never an environment variable",
                "Programa: se aplican los valores guardados aquí; un valor vacío usa el valor por defecto del producto, nunca una " +
                "variable de entorno"),
                ["cx_name", "cx_pointspercurrencyunit", "cx_maxbalance", "cx_excludedproductfamilies"]),
            new("tiers", Label.Of("Tier rules", "Reglas de niveles"),
                ["cx_qualificationwindowmonths", "cx_downgradegracedays", "cx_vipprofitshare"]),
            new("points", Label.Of("Points lifecycle", "Ciclo de vida de los puntos"),
                ["cx_pendingdays", "cx_expirypolicy", "cx_expirydays", "cx_expirywarningdays", "cx_birthdaybonuspoints",
                    "cx_birthdaybackfilldays"]),
        ],
        ViewColumns = ["cx_pointspercurrencyunit", "cx_qualificationwindowmonths", "cx_expirypolicy"],
        Subgrids =
        [
            new("subgrid_tiers", Label.Of("Loyalty tiers", "Niveles de fidelización"), "cx_loyaltytier", "cx_loyaltyprogramid"),
            new("subgrid_rewards", Label.Of("Rewards", "Recompensas"), "cx_reward", "cx_loyaltyprogramid"),
        ],
    };

    private static Table LoyaltyTier() => new("cx_LoyaltyTier",
        Label.Of("Loyalty tier", "Nivel de fidelización"), Label.Of("Loyalty tiers", "Niveles de fidelización"),
        Label.Of("A tier of the program; any one qualification path qualifies.",
            "Un nivel del programa; basta con cumplir una de las vías de calificación."))
    {
        Ownership = Ownership.Organization,
        Columns =
        [
            Name("Name", "Nombre", "Name of the tier.", "Nombre del nivel."),
            Lookup("cx_LoyaltyProgramId", "Program", "Programa", "cx_loyaltyprogram", CascadeRule.Restrict,
                "The program the tier belongs to.", "El programa al que pertenece el nivel.").Required(),
            Whole("cx_Rank", "Rank", "Rango", 0, 100, "Higher ranks are better tiers.", "Los rangos más altos son mejores niveles.")
                .Required(),
            Money("cx_MinSpend", "Qualifying spend", "Gasto para calificar",
                "Spend in the window that qualifies; empty when this path is not used.",
                "Gasto en la ventana que califica; vacío si no se usa esta vía."),
            Whole("cx_MinQualifyingPoints", "Qualifying points", "Puntos para calificar", 0, int.MaxValue,
                "Points earned in the window that qualify.", "Puntos acumulados en la ventana que califican."),
            Whole("cx_MinTransactions", "Qualifying purchases", "Compras para calificar", 0, 100000,
                "Paid invoices in the window that qualify.", "Facturas pagadas en la ventana que califican."),
            Decimal("cx_PointsMultiplier", "Points multiplier", "Multiplicador de puntos", 0, 100, 2,
                "Multiplies the points members of this tier earn.", "Multiplica los puntos que acumulan los miembros de este nivel.")
                .Required(),
            YesNo("cx_IsVip", "VIP tier", "Nivel VIP", "Top-profit customers get at least this tier.",
                "Los clientes más rentables obtienen al menos este nivel."),
            Lookup("cx_PriceLevelId", "Price list", "Lista de precios", TableNames.PriceLevel, CascadeRule.RemoveLink,
                "Default price list of members of this tier.", "Lista de precios por defecto de los miembros de este nivel."),
            Lookup("cx_MarketingListId", "Member list", "Lista de miembros", TableNames.MarketingList, CascadeRule.RemoveLink,
                "Marketing list kept in step with the tier's members.", "Lista de marketing sincronizada con los miembros del nivel."),
            Memo("cx_Benefits", "Benefits", "Beneficios", 4000, "What members of the tier get.", "Lo que obtienen los miembros del nivel."),
        ],
        Sections =
        [
            new("tier", Label.Of("Tier", "Nivel"), ["cx_name", "cx_loyaltyprogramid", "cx_rank", "cx_isvip"]),
            new("qualification", Label.Of("Qualification (any path)", "Calificación (cualquier vía)"),
                ["cx_minspend", "cx_minqualifyingpoints", "cx_mintransactions"]),
            new("benefits", Label.Of("Benefits", "Beneficios"),
                ["cx_pointsmultiplier", "cx_pricelevelid", "cx_marketinglistid", "cx_benefits"]),
        ],
        ViewColumns = ["cx_loyaltyprogramid", "cx_rank", "cx_pointsmultiplier", "cx_isvip"],
        Subgrids = [
            new("subgrid_rewards", Label.Of("Rewards from this tier", "Recompensas desde este nivel"), "cx_reward", "cx_mintierid")],
        Sort = new("cx_rank"),
        Keys = [new("cx_ProgramRank", Label.Of("Program and rank", "Programa y rango"), ["cx_loyaltyprogramid", "cx_rank"])],
    };

    private static Table LoyaltyJourney() => new("cx_LoyaltyJourney",
        Label.Of("Loyalty journey", "Recorrido de fidelización"), Label.Of("Loyalty journeys", "Recorridos de fidelización"),
        Label.Of("The loyalty phase of one customer for one product family; a new family starts again at phase I.",
            "La fase de fidelización de un cliente en una familia de productos; una familia nueva empieza en la fase I."))
    {
        Columns =
        [
            Name("Name", "Nombre", "Customer and product family.", "Cliente y familia de productos."),
            Customer("cx_CustomerId", "Customer", "Cliente", CascadeRule.Parental, "The customer on this journey.",
                "El cliente de este recorrido."),
            Lookup("cx_ProductFamilyId", "Product family", "Familia de productos", TableNames.Product, CascadeRule.Restrict,
                "Top-level parent of the products bought.", "Familia superior de los productos comprados.").Required(),
            Pick("cx_Phase", "Phase", "Fase", GlobalChoices.LoyaltyPhase, "Knowledge, growth or retention.",
                "Conocimiento, crecimiento o retención.").Required().Default(GlobalChoices.FirstValue),
            DateTime("cx_PhaseStartedOn", "Phase started on", "Fase iniciada el", "When the current phase began.",
                "Cuándo empezó la fase actual.").Calculated(),
            Whole("cx_PurchaseCount", "Purchases", "Compras", 0, int.MaxValue,
                "Paid purchases in this family counted by the phase cycle: up to phase II, then kept.",
                "Compras pagadas en esta familia contadas por el ciclo de fases: hasta la fase II, luego se mantiene.").Calculated(),
            DateTime("cx_FirstPurchaseOn", "First purchase", "Primera compra", "First paid purchase in this family.",
                "Primera compra pagada en esta familia.").Calculated(),
            DateTime("cx_LastPurchaseOn", "Last purchase", "Última compra", "The paid purchase that last moved this family's phase.",
                "La compra pagada que movió por última vez la fase de esta familia.").Calculated(),
            YesNo("cx_IsAtRisk", "At risk", "En riesgo", "A detractor survey flagged this journey.",
                "Una encuesta de detractor marcó este recorrido.").Calculated(),
            Memo("cx_PhaseHistory", "Phase history", "Historial de fases", 4000, "Each phase change with its timestamp, newest last.",
                "Cada cambio de fase con su fecha y hora, el más reciente al final.").Calculated(),
        ],
        Sections =
        [
            new("journey", Label.Of("Journey", "Recorrido"), ["cx_name", "cx_customerid", "cx_productfamilyid"]),
            new("phase", Label.Of("Phase", "Fase"), ["cx_phase", "cx_phasestartedon", "cx_isatrisk", "cx_phasehistory"]),
            new("purchases", Label.Of("Purchases", "Compras"), ["cx_purchasecount", "cx_firstpurchaseon", "cx_lastpurchaseon"]),
        ],
        ViewColumns = ["cx_customerid", "cx_productfamilyid", "cx_phase", "cx_phasestartedon", "cx_isatrisk"],
        Keys = [new("cx_CustomerFamily", Label.Of("Customer and family", "Cliente y familia"), ["cx_customerid", "cx_productfamilyid"])],
    };

    private static Table LoyaltyTransaction() => new("cx_LoyaltyTransaction",
        Label.Of("Points movement", "Movimiento de puntos"), Label.Of("Points movements", "Movimientos de puntos"),
        Label.Of("One movement of points, with its reason and a source key that makes replays harmless.",
            "Un movimiento de puntos, con su motivo y una clave de origen que hace inocuas las repeticiones."))
    {
        Columns =
        [
            Name("Name", "Nombre", "Summary of the movement.", "Resumen del movimiento."),
            Customer("cx_CustomerId", "Member", "Miembro", CascadeRule.Restrict,
                "Whose points moved; the points history keeps its totals, so the customer cannot be deleted while movements exist.",
                "De quién son los puntos; el historial conserva sus totales, así que el cliente no se puede borrar mientras tenga " +
                "movimientos."),
            Lookup("cx_LoyaltyProgramId", "Program", "Programa", "cx_loyaltyprogram", CascadeRule.Restrict,
                "The program the points belong to.", "El programa al que pertenecen los puntos.").Required(),
            Pick("cx_EntryType", "Movement type", "Tipo de movimiento", GlobalChoices.LedgerEntryType, "Why points moved.",
                "Por qué se movieron los puntos.").Required(),
            Pick("cx_EntryStatus", "Status", "Estado", GlobalChoices.LedgerEntryStatus,
                "Pending, available, redeemed, expired or reversed.", "Pendiente, disponible, canjeado, vencido o revertido.").Required(),
            Whole("cx_Points", "Points", "Puntos", int.MinValue, int.MaxValue, "Points added (positive) or removed (negative).",
                "Puntos añadidos (positivos) o retirados (negativos).").Required(),
            Whole("cx_RemainingPoints", "Remaining points", "Puntos restantes", 0, int.MaxValue,
                "Points of this lot not yet redeemed, expired or reversed.",
                "Puntos de este lote aún no canjeados, vencidos ni revertidos.").Calculated(),
            Whole("cx_QualifyingPoints", "Qualifying points", "Puntos de calificación", int.MinValue, int.MaxValue,
                "Points that count toward tiers.", "Puntos que cuentan para los niveles."),
            Text("cx_Reason", "Reason", "Motivo", 400, "Why the points moved, in words.", "Por qué se movieron los puntos, en palabras.")
                .Required(),
            Text("cx_SourceKey", "Source key", "Clave de origen", 200,
                "Identifies the source event (for example the invoice line); unique, so Upsert never counts twice.",
                "Identifica el evento de origen (por ejemplo la línea de factura); única, para que Upsert nunca cuente dos veces.")
                .Required(),
            Money("cx_Amount", "Amount", "Importe", "Net line amount the points were earned on.",
                "Importe neto de la línea sobre el que se acumularon los puntos."),
            Lookup("cx_InvoiceId", "Invoice", "Factura", TableNames.Invoice, CascadeRule.RemoveLink,
                "The invoice that earned or reversed the points.", "La factura que acumuló o revirtió los puntos."),
            Lookup("cx_InvoiceDetailId", "Invoice line", "Línea de factura", TableNames.InvoiceDetail, CascadeRule.RemoveLink,
                "The invoice line that earned the points.", "La línea de factura que acumuló los puntos."),
            Lookup("cx_RewardRedemptionId", "Redemption", "Canje", "cx_rewardredemption", CascadeRule.RemoveLink,
                "The redemption that spent the points.", "El canje que gastó los puntos."),
            DateTime("cx_EarnedOn", "Earned on", "Acumulado el", "When the points were earned.", "Cuándo se acumularon los puntos.")
                .Required(),
            DateTime("cx_AvailableOn", "Available on", "Disponible el", "When pending points vest.",
                "Cuándo se liberan los puntos pendientes."),
            DateTime("cx_ExpiresOn", "Expires on", "Vence el", "When the points expire; empty for never.",
                "Cuándo vencen los puntos; vacío si nunca."),
            Pick("cx_AdjustmentReason", "Adjustment reason", "Motivo del ajuste", GlobalChoices.AdjustmentReason,
                "Adjust entries: why the points were added or removed by hand.",
                "Movimientos de ajuste: por qué se sumaron o retiraron los puntos a mano."),
            Lookup("cx_AdjustedById", "Adjusted by", "Ajustado por", TableNames.SystemUser, CascadeRule.RemoveLink,
                "Adjust entries: the user who asked for the adjustment (the row itself is written by the product).",
                "Movimientos de ajuste: el usuario que pidió el ajuste (la fila la escribe el producto)."),
        ],
        Sections =
        [
            new("entry", Label.Of("Movement", "Movimiento"),
                ["cx_name", "cx_customerid", "cx_loyaltyprogramid", "cx_entrytype", "cx_entrystatus", "cx_reason"]),
            new("points", Label.Of("Points", "Puntos"), ["cx_points", "cx_remainingpoints", "cx_qualifyingpoints", "cx_amount"]),
            new("dates", Label.Of("Dates", "Fechas"), ["cx_earnedon", "cx_availableon", "cx_expireson"]),
            new("source", Label.Of("Source", "Origen"),
                ["cx_sourcekey", "cx_invoiceid", "cx_invoicedetailid", "cx_rewardredemptionid", "cx_adjustmentreason", "cx_adjustedbyid"]),
        ],
        MemberCardLookup = "cx_customerid",
        ViewColumns = ["cx_customerid", "cx_entrytype", "cx_entrystatus", "cx_points", "cx_earnedon", "cx_expireson"],
        Sort = new("cx_earnedon", Descending: true),
        WorkingViews =
        [
            new("pointsexpiring", Label.Of("Points expiring in 30 days", "Puntos que vencen en 30 días"),
                Label.Of("Available points that expire in the next 30 days, soonest first.",
                    "Puntos disponibles que vencen en los próximos 30 días, los más próximos primero."),
                ["cx_name", "cx_customerid", "cx_remainingpoints", "cx_expireson", "cx_earnedon"],
                [new("cx_entrystatus", "eq", GlobalChoices.Value(GlobalChoices.LedgerEntryStatus, "Available")),
                    new("cx_remainingpoints", "gt", "0"),
                    new("cx_expireson", "next-x-days", "30")],
                new("cx_expireson")),
        ],
        FindColumns = ["cx_sourcekey", "cx_reason"],
        Keys = [new("cx_LedgerSourceKey", Label.Of("Source key", "Clave de origen"), ["cx_sourcekey"])],
    };

    private static Table Reward() => new("cx_Reward",
        Label.Of("Reward", "Recompensa"), Label.Of("Rewards", "Recompensas"),
        Label.Of("A reward of the catalogue, with its points cost, minimum tier, limit and validity.",
            "Una recompensa del catálogo, con su coste en puntos, nivel mínimo, límite y vigencia."))
    {
        Gender = SpanishGender.Feminine,
        Ownership = Ownership.Organization,
        Columns =
        [
            Name("Name", "Nombre", "Name of the reward.", "Nombre de la recompensa."),
            Lookup("cx_LoyaltyProgramId", "Program", "Programa", "cx_loyaltyprogram", CascadeRule.Restrict,
                "The program offering the reward.", "El programa que ofrece la recompensa.").Required(),
            Pick("cx_RewardType", "Reward type", "Tipo de recompensa", GlobalChoices.RewardType, "What the member receives.",
                "Lo que recibe el miembro.").Required(),
            Whole("cx_PointsCost", "Points cost", "Coste en puntos", 0, int.MaxValue, "Points a redemption spends.",
                "Puntos que gasta un canje.").Required(),
            Lookup("cx_MinTierId", "Minimum tier", "Nivel mínimo", "cx_loyaltytier", CascadeRule.RemoveLink,
                "Lowest tier allowed to redeem; empty for all.", "Nivel más bajo que puede canjear; vacío para todos."),
            Whole("cx_PerMemberLimit", "Limit per member", "Límite por miembro", 0, 10000,
                "Redemptions allowed per member; 0 means no limit.", "Canjes permitidos por miembro; 0 significa sin límite."),
            Whole("cx_Stock", "Units in stock", "Unidades en stock", 0, int.MaxValue,
                "Units left to redeem, set by a loyalty administrator; each redemption takes one and a cancellation gives it back. Empty " +
                "for unlimited.",
                "Unidades que quedan por canjear, fijadas por un administrador de fidelización; cada canje toma una y una cancelación la " +
                "devuelve. Vacío si no hay límite."),
            Date("cx_ValidFrom", "Valid from", "Válida desde", "First day the reward can be redeemed.",
                "Primer día en que se puede canjear."),
            Date("cx_ValidTo", "Valid to", "Válida hasta", "Last day the reward can be redeemed.", "Último día en que se puede canjear."),
            Decimal("cx_DiscountPercent", "Discount (%)", "Descuento (%)", 0, 100, 2, "For a percentage discount.",
                "Para un descuento porcentual."),
            Money("cx_VoucherValue", "Voucher value", "Valor del vale", "For a fixed voucher.", "Para un vale de importe fijo."),
            Lookup("cx_ProductId", "Free product", "Producto gratuito", TableNames.Product, CascadeRule.RemoveLink, "For a free product.",
                "Para un producto gratuito."),
            Lookup("cx_PriceLevelId", "Upgraded price list", "Lista de precios mejorada", TableNames.PriceLevel, CascadeRule.RemoveLink,
                "For a price list upgrade.", "Para una mejora de lista de precios."),
            Memo("cx_Details", "Details", "Detalles", 2000, "What the member should know.", "Lo que el miembro debe saber."),
        ],
        Sections =
        [
            new("reward", Label.Of("Reward", "Recompensa"), ["cx_name", "cx_loyaltyprogramid", "cx_rewardtype", "cx_details"]),
            new("rules", Label.Of("Who and when", "Quién y cuándo"),
                ["cx_pointscost", "cx_mintierid", "cx_permemberlimit", "cx_stock", "cx_validfrom", "cx_validto"]),
            new("value", Label.Of("What it gives", "Qué otorga"),
                ["cx_discountpercent", "cx_vouchervalue", "cx_productid", "cx_pricelevelid"]),
        ],
        ViewColumns = ["cx_rewardtype", "cx_pointscost", "cx_mintierid", "cx_stock", "cx_validto"],
    };

    private static Table RewardRedemption() => new("cx_RewardRedemption",
        Label.Of("Reward redemption", "Canje de recompensa"), Label.Of("Reward redemptions", "Canjes de recompensas"),
        Label.Of("A reward a member redeemed, with its unique voucher code.",
            "Una recompensa que canjeó un miembro, con su código de vale único."))
    {
        Columns =
        [
            Name("Name", "Nombre", "Reward and member.", "Recompensa y miembro."),
            Customer("cx_CustomerId", "Member", "Miembro", CascadeRule.Restrict,
                "Who redeemed; kept with the points history, so the customer cannot be deleted while redemptions exist.",
                "Quién canjeó; se conserva con el historial de puntos, así que el cliente no se puede borrar mientras tenga canjes."),
            Lookup("cx_RewardId", "Reward", "Recompensa", "cx_reward", CascadeRule.Restrict, "The reward redeemed.",
                "La recompensa canjeada.").Required(),
            Text("cx_VoucherCode", "Voucher code", "Código del vale", 20, "Unique, random code in an unambiguous alphabet.",
                "Código único y aleatorio en un alfabeto sin ambigüedades.").Required().Calculated(),
            Whole("cx_PointsSpent", "Points spent", "Puntos gastados", 0, int.MaxValue, "Points the redemption spent.",
                "Puntos que gastó el canje.").Calculated(),
            Pick("cx_RedemptionStatus", "Status", "Estado", RedemptionStatus, "Issued, used, cancelled or expired.",
                "Emitido, usado, cancelado o vencido.").Required().Default(GlobalChoices.FirstValue),
            DateTime("cx_RedeemedOn", "Redeemed on", "Canjeado el", "When the member redeemed.", "Cuándo canjeó el miembro.").Calculated(),
            Date("cx_ValidUntil", "Valid until", "Válido hasta", "Last day the voucher can be used.",
                "Último día en que se puede usar el vale."),
        ],
        Sections =
        [
            new("redemption", Label.Of("Redemption", "Canje"), ["cx_name", "cx_customerid", "cx_rewardid", "cx_redemptionstatus"]),
            new("voucher", Label.Of("Voucher", "Vale"), ["cx_vouchercode", "cx_pointsspent", "cx_redeemedon", "cx_validuntil"]),
        ],
        MemberCardLookup = "cx_customerid",
        ViewColumns = ["cx_customerid", "cx_rewardid", "cx_vouchercode", "cx_redemptionstatus", "cx_redeemedon"],
        Sort = new("cx_redeemedon", Descending: true),
        WorkingViews =
        [
            new("tofulfil", Label.Of("Redemptions to fulfil", "Canjes por entregar"),
                Label.Of("Issued vouchers not yet used, oldest first.", "Vales emitidos aún sin usar, los más antiguos primero."),
                ["cx_name", "cx_customerid", "cx_rewardid", "cx_vouchercode", "cx_redeemedon", "cx_validuntil"],
                [new("cx_redemptionstatus", "eq", GlobalChoices.Value(RedemptionStatus, "Issued"))],
                new("cx_redeemedon")),
        ],
        FindColumns = ["cx_vouchercode"],
        Keys = [new("cx_VoucherCode", Label.Of("Voucher code", "Código del vale"), ["cx_vouchercode"])],
    };

    private static Table CrossSellOffer() => new("cx_CrossSellOffer",
        Label.Of("Cross-sell offer", "Oferta de venta cruzada"), Label.Of("Cross-sell offers", "Ofertas de venta cruzada"),
        Label.Of("A complementary or better product suggested to a customer in the growth phase.",
            "Un producto complementario o superior sugerido a un cliente en la fase de crecimiento."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Name", "Nombre", "Product offered and customer.", "Producto ofrecido y cliente."),
            Customer("cx_CustomerId", "Customer", "Cliente", CascadeRule.Parental, "Who the offer is for.", "Para quién es la oferta."),
            Lookup("cx_ProductId", "Offered product", "Producto ofrecido", TableNames.Product, CascadeRule.Restrict,
                "The product suggested.", "El producto sugerido.").Required(),
            Lookup("cx_SourceProductId", "Because they bought", "Porque compró", TableNames.Product, CascadeRule.RemoveLink,
                "The product the suggestion is related to.", "El producto con el que se relaciona la sugerencia."),
            Lookup("cx_LoyaltyJourneyId", "Journey", "Recorrido", "cx_loyaltyjourney", CascadeRule.RemoveLink,
                "The journey whose growth phase created the offer.", "El recorrido cuya fase de crecimiento creó la oferta."),
            Pick("cx_OfferType", "Offer type", "Tipo de oferta", OfferType, "Up-sell, cross-sell, accessory or substitute.",
                "Gama superior, venta cruzada, accesorio o sustituto.").Required(),
            Decimal("cx_Score", "Score", "Puntuación", 0, 1000, 2, "Higher scores are offered first.",
                "Las puntuaciones más altas se ofrecen primero.").Calculated(),
            Pick("cx_OfferStatus", "Status", "Estado", OfferStatus, "Open, accepted, declined or expired.",
                "Abierta, aceptada, rechazada o vencida.").Required().Default(GlobalChoices.FirstValue),
            DateTime("cx_OfferedOn", "Offered on", "Ofrecida el", "When the offer was made.", "Cuándo se hizo la oferta.").Calculated(),
        ],
        Sections =
        [
            new("offer", Label.Of("Offer", "Oferta"), ["cx_name", "cx_customerid", "cx_productid", "cx_offertype", "cx_offerstatus"]),
            new("why", Label.Of("Why this offer", "Por qué esta oferta"),
                ["cx_sourceproductid", "cx_loyaltyjourneyid", "cx_score", "cx_offeredon"]),
        ],
        ViewColumns = ["cx_customerid", "cx_productid", "cx_offertype", "cx_score", "cx_offerstatus"],
        Sort = new("cx_score", Descending: true),
        WorkingViews =
        [
            new("open", Label.Of("Open cross-sell offers", "Ofertas de venta cruzada abiertas"),
                Label.Of("Offers not yet accepted, declined or expired, best score first.",
                    "Ofertas aún no aceptadas, rechazadas ni vencidas, la mejor puntuación primero."),
                ["cx_name", "cx_customerid", "cx_productid", "cx_offertype", "cx_score", "cx_offeredon"],
                [new("cx_offerstatus", "eq", GlobalChoices.Value(OfferStatus, "Open"))],
                new("cx_score", Descending: true)),
        ],
        Keys = [new("cx_CustomerProduct", Label.Of("Customer and product", "Cliente y producto"), ["cx_customerid", "cx_productid"])],
    };
}
