using static Crm.Extensions.Cli.Model.Columns;

namespace Crm.Extensions.Cli.Model;

/// <summary>Steps 2 to 4 of the CRM process: interactions, preferences, partners, value propositions, and the post-sale survey.</summary>
internal static partial class CrmExtensionsModel
{
    private static Choice PreferenceCategory => GlobalChoices.Local("cx_preference_cx_category", "Category", "Categoría",
        Label.Of("Product", "Producto"), Label.Of("Channel", "Canal"), Label.Of("Communication", "Comunicación"),
        Label.Of("Timing", "Horario"), Label.Of("Other", "Otra"));

    private static Choice PreferenceSource => GlobalChoices.Local("cx_preference_cx_source", "Source", "Origen",
        Label.Of("Survey", "Encuesta"), Label.Of("Profile", "Perfil"), Label.Of("Interaction", "Interacción"),
        Label.Of("Sales representative", "Comercial"));

    private static Choice Criticality => GlobalChoices.Local("cx_partnerrelationship_cx_criticality", "Criticality", "Criticidad",
        Label.Of("Low", "Baja"), Label.Of("Medium", "Media"), Label.Of("High", "Alta"), Label.Of("Critical", "Crítica"));

    private static Choice PropositionStatus
        => GlobalChoices.Local("cx_valueproposition_cx_propositionstatus", "Proposition status", "Estado de la propuesta",
        Label.Of("Draft", "Borrador"), Label.Of("Active", "Activa"), Label.Of("Retired", "Retirada"));

    private static Choice SurveyStatus
        => GlobalChoices.Local("cx_satisfactionsurvey_cx_surveystatus", "Survey status", "Estado de la encuesta",
        Label.Of("Requested", "Solicitada"), Label.Of("Answered", "Respondida"), Label.Of("Expired", "Vencida"));

    // Choices, not two-option columns: a two-option column always holds a value (its default when not answered), so it cannot
    // tell "not answered" from "No"; an unanswered survey would read as a negative experience.
    private static Choice ExperiencePositiveAnswer => GlobalChoices.Local("cx_satisfactionsurvey_cx_experiencepositive",
        "Experience positive", "Experiencia positiva", Label.Of("Yes", "Sí"), Label.Of("No", "No"));

    private static Choice AfterSalesGoodAnswer => GlobalChoices.Local("cx_satisfactionsurvey_cx_aftersalesgood",
        "After-sales good", "Posventa buena", Label.Of("Yes", "Sí"), Label.Of("No", "No"));

    private static Choice NpsCategory => GlobalChoices.Local("cx_satisfactionsurvey_cx_npscategory", "NPS category", "Categoría NPS",
        Label.Of("Detractor", "Detractor"), Label.Of("Passive", "Pasivo"), Label.Of("Promoter", "Promotor"));

    private static Table Interaction() => new("cx_Interaction",
        Label.Of("Interaction", "Interacción"), Label.Of("Interactions", "Interacciones"),
        Label.Of("One contact with a customer: why it happened, how we responded and how long it took.",
            "Un contacto con un cliente: por qué ocurrió, cómo respondimos y cuánto duró."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Subject", "Asunto", "Short summary of the interaction.", "Resumen breve de la interacción."),
            Customer("cx_CustomerId", "Customer", "Cliente", CascadeRule.Parental, "Who we interacted with.", "Con quién interactuamos."),
            Pick("cx_Channel", "Channel", "Canal", GlobalChoices.InteractionChannel, "How the interaction took place.",
                "Cómo tuvo lugar la interacción.").Required(),
            Pick("cx_Kind", "Behaviour or preference", "Comportamiento o preferencia", GlobalChoices.InteractionKind,
                "Behavioural (a transaction) or preference (what the customer told us).",
                "De comportamiento (una transacción) o de preferencia (lo que nos dijo el cliente).").Required(),
            Text("cx_Reason", "Reason", "Motivo", 300, "Why the customer interacts today.", "Por qué interactúa hoy el cliente.")
                .Recommended(),
            DateTime("cx_OccurredOn", "Occurred on", "Ocurrió el", "When the interaction happened; never in the future.",
                "Cuándo ocurrió la interacción; nunca en el futuro.").Required(),
            Whole("cx_DurationMinutes", "Duration (minutes)", "Duración (minutos)", 0, 1440, "How long the interaction took.",
                "Cuánto duró la interacción."),
            Lookup("cx_ProductId", "Product of interest", "Producto de interés", TableNames.Product, CascadeRule.RemoveLink,
                "The product the customer asked about.", "El producto por el que preguntó el cliente."),
            Memo("cx_Problem", "Problem experienced", "Problema experimentado", 2000, "What went wrong for the customer, in their words.",
                "Qué le salió mal al cliente, en sus palabras.").Secured(),
            Memo("cx_Outcome", "How we responded", "Cómo respondimos", 2000, "What we did or promised.", "Lo que hicimos o prometimos."),
        ],
        Sections =
        [
            new("who", Label.Of("Who and when", "Quién y cuándo"), ["cx_name", "cx_customerid", "cx_occurredon", "cx_durationminutes"]),
            new("why", Label.Of("Why", "Por qué"), ["cx_channel", "cx_kind", "cx_reason", "cx_productid"]),
            new("response", Label.Of("Problem and response", "Problema y respuesta"), ["cx_problem", "cx_outcome"]),
        ],
        QuickCreateColumns = ["cx_name", "cx_customerid", "cx_channel", "cx_kind", "cx_reason", "cx_occurredon", "cx_durationminutes",
            "cx_outcome"],
        ViewColumns = ["cx_customerid", "cx_channel", "cx_kind", "cx_occurredon", "cx_durationminutes"],
        Sort = new("cx_occurredon", Descending: true),
        FindColumns = ["cx_reason"],
    };

    private static Table Preference() => new("cx_Preference",
        Label.Of("Preference", "Preferencia"), Label.Of("Preferences", "Preferencias"),
        Label.Of("Something the customer prefers, recorded only with their consent.",
            "Algo que el cliente prefiere, registrado solo con su consentimiento."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Name", "Nombre", "Short name of the preference.", "Nombre breve de la preferencia."),
            Customer("cx_CustomerId", "Customer", "Cliente", CascadeRule.Parental, "Whose preference this is.",
                "De quién es esta preferencia."),
            Pick("cx_Category", "Category", "Categoría", PreferenceCategory, "What the preference is about.",
                "Sobre qué trata la preferencia.").Required(),
            Text("cx_Value", "Preference", "Preferencia", 400, "What the customer prefers.", "Lo que prefiere el cliente.").Required(),
            Lookup("cx_ProductId", "Product", "Producto", TableNames.Product, CascadeRule.RemoveLink,
                "The product the preference refers to, if any.", "El producto al que se refiere la preferencia, si lo hay."),
            Pick("cx_Source", "Source", "Origen", PreferenceSource, "Where we learned it.", "Dónde lo supimos."),
            DateTime("cx_CapturedOn", "Captured on", "Registrado el", "When we learned it.", "Cuándo lo supimos."),
        ],
        Sections =
        [
            new("preference", Label.Of("Preference", "Preferencia"),
                ["cx_name", "cx_customerid", "cx_category", "cx_value", "cx_productid"]),
            new("origin", Label.Of("Origin", "Origen"), ["cx_source", "cx_capturedon"]),
        ],
        QuickCreateColumns = ["cx_name", "cx_customerid", "cx_category", "cx_value", "cx_productid", "cx_source"],
        ViewColumns = ["cx_customerid", "cx_category", "cx_value", "cx_capturedon"],
        FindColumns = ["cx_value"],
    };

    private static Table PartnerRelationship() => new("cx_PartnerRelationship",
        Label.Of("Partner relationship", "Relación con socio"), Label.Of("Partner relationships", "Relaciones con socios"),
        Label.Of("A supplier, investor, employee or other partner critical to serving a target segment, with its health.",
            "Un proveedor, inversor, empleado u otro socio crítico para atender a un segmento objetivo, con su salud."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Name", "Nombre", "Name of the relationship.", "Nombre de la relación."),
            Pick("cx_PartnerType", "Partner type", "Tipo de socio", GlobalChoices.PartnerType, "Role the partner plays.",
                "Papel que cumple el socio.").Required(),
            Lookup("cx_PartnerAccountId", "Partner organization", "Organización socia", TableNames.Account, CascadeRule.Parental,
                "The partner, when it is an organization.", "El socio, cuando es una organización."),
            Lookup("cx_PartnerContactId", "Partner person", "Persona socia", TableNames.Contact, CascadeRule.RemoveLink,
                "The partner, when it is a person.", "El socio, cuando es una persona."),
            Lookup("cx_PartnerUserId", "Partner employee", "Empleado socio", TableNames.SystemUser, CascadeRule.RemoveLink,
                "The partner, when it is one of our employees.", "El socio, cuando es uno de nuestros empleados."),
            Lookup("cx_CustomerSegmentId", "Segment served", "Segmento atendido", "cx_customersegment", CascadeRule.RemoveLink,
                "The customer segment this partner helps to serve.", "El segmento de clientes que este socio ayuda a atender.")
                .Recommended(),
            Pick("cx_Criticality", "Criticality", "Criticidad", Criticality, "How much serving the segment depends on this partner.",
                "Cuánto depende la atención del segmento de este socio.").Required(),
            Whole("cx_ReviewCadenceDays", "Review every (days)", "Revisar cada (días)", 1, 730, "How often the relationship is reviewed.",
                "Con qué frecuencia se revisa la relación.").Default(90),
            Date("cx_LastReviewOn", "Last review", "Última revisión", "When the relationship was last reviewed.",
                "Cuándo se revisó la relación por última vez."),
            Date("cx_NextReviewOn", "Next review", "Próxima revisión", "When the next review is due.", "Cuándo toca la próxima revisión.")
                .Calculated(),
            Whole("cx_PerformanceRating", "Performance (1-5)", "Desempeño (1-5)", 1, 5,
                "How well the partner delivered since the last review.", "Qué tan bien cumplió el socio desde la última revisión."),
            Whole("cx_IncidentCount", "Incidents (12 months)", "Incidencias (12 meses)", 0, 10000,
                "Service failures caused by the partner in the last 12 months.",
                "Fallos de servicio causados por el socio en los últimos 12 meses."),
            Whole("cx_HealthScore", "Health score", "Puntuación de salud", 0, 100,
                "0-100, from performance, incidents and review punctuality.",
                "0-100, a partir del desempeño, las incidencias y la puntualidad de las revisiones.").Calculated(),
            YesNo("cx_IsReviewOverdue", "Review overdue", "Revisión atrasada", "The next review date has passed.",
                "La fecha de la próxima revisión ya pasó.").Calculated(),
            Memo("cx_Notes", "Notes", "Notas", 4000, "What matters about this relationship.", "Lo que importa de esta relación."),
        ],
        Sections =
        [
            new("partner", Label.Of("Partner", "Socio"),
                ["cx_name", "cx_partnertype", "cx_partneraccountid", "cx_partnercontactid", "cx_partneruserid"]),
            new("serves", Label.Of("Whom it serves", "A quién atiende"), ["cx_customersegmentid", "cx_criticality"]),
            new("health", Label.Of("Health and reviews", "Salud y revisiones"),
                ["cx_healthscore", "cx_performancerating", "cx_incidentcount", "cx_reviewcadencedays", "cx_lastreviewon", "cx_nextreviewon",
                    "cx_isreviewoverdue"]),
            new("notes", Label.Of("Notes", "Notas"), ["cx_notes"]),
        ],
        ViewColumns = ["cx_partnertype", "cx_customersegmentid", "cx_criticality", "cx_healthscore", "cx_nextreviewon"],
        Sort = new("cx_nextreviewon"),
        WorkingViews =
        [
            // Before today: yesterday or older than a day (the platform's relative date operators; a date column has no "before today").
            new("overduereviews", Label.Of("Overdue partner reviews", "Revisiones de socios atrasadas"),
                Label.Of("Relationships whose next review date has passed, most overdue first.",
                    "Relaciones cuya fecha de próxima revisión ya pasó, las más atrasadas primero."),
                ["cx_name", "cx_partnertype", "cx_criticality", "cx_healthscore", "cx_lastreviewon", "cx_nextreviewon", "ownerid"],
                [],
                new("cx_nextreviewon"))
            {
                AnyOf = [new("cx_nextreviewon", "yesterday"), new("cx_nextreviewon", "olderthan-x-days", "1")],
            },
        ],
    };

    private static Table ValueProposition() => new("cx_ValueProposition",
        Label.Of("Value proposition", "Propuesta de valor"), Label.Of("Value propositions", "Propuestas de valor"),
        Label.Of("An offer for a target segment that must create value for the customer and margin for the company.",
            "Una oferta para un segmento objetivo que debe crear valor para el cliente y margen para la empresa."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Name", "Nombre", "Name of the proposition.", "Nombre de la propuesta."),
            Lookup("cx_CustomerSegmentId", "Segment", "Segmento", "cx_customersegment", CascadeRule.RemoveLink,
                "The segment the proposition is for.", "El segmento al que va dirigida la propuesta.").Required(),
            Pick("cx_PropositionStatus", "Status", "Estado", PropositionStatus, "Only active propositions are offered.",
                "Solo se ofrecen las propuestas activas.").Required().Default(GlobalChoices.FirstValue),
            Memo("cx_CustomerBenefit", "Customer benefit", "Beneficio para el cliente", 2000,
                "What the customer gains; required to activate.", "Lo que gana el cliente; obligatorio para activar.").Recommended(),
            Decimal("cx_CompanyMargin", "Company margin (%)", "Margen para la empresa (%)", -100, 100, 2,
                "Expected margin; must reach the minimum to activate.", "Margen esperado; debe alcanzar el mínimo para activar.")
                .Recommended(),
            Memo("cx_OfferText", "Offer text", "Texto de la oferta", 2000, "What the customer is told.", "Lo que se le dice al cliente."),
            Lookup("cx_ProductId", "Product", "Producto", TableNames.Product, CascadeRule.RemoveLink, "The product offered, if any.",
                "El producto ofrecido, si lo hay."),
            Money("cx_ExpectedRevenue", "Expected revenue", "Ingresos esperados", "Revenue the proposition should bring in its validity.",
                "Ingresos que debería aportar la propuesta durante su vigencia."),
            Whole("cx_Priority", "Priority", "Prioridad", 1, 100, "Lower numbers are offered first.",
                "Los números más bajos se ofrecen primero.").Default(10),
            Date("cx_ValidFrom", "Valid from", "Válida desde", "First day the proposition may be offered.",
                "Primer día en que se puede ofrecer la propuesta."),
            Date("cx_ValidTo", "Valid to", "Válida hasta", "Last day the proposition may be offered.",
                "Último día en que se puede ofrecer la propuesta."),
        ],
        Sections =
        [
            new("proposition", Label.Of("Proposition", "Propuesta"),
                ["cx_name", "cx_customersegmentid", "cx_propositionstatus", "cx_priority"]),
            new("twosided", Label.Of("Value both ways", "Valor en ambos sentidos"),
                ["cx_customerbenefit", "cx_companymargin", "cx_expectedrevenue"]),
            new("offer", Label.Of("Offer", "Oferta"), ["cx_offertext", "cx_productid", "cx_validfrom", "cx_validto"]),
        ],
        ViewColumns = ["cx_customersegmentid", "cx_propositionstatus", "cx_companymargin", "cx_validto"],
        Sort = new("cx_priority"),
    };

    private static Table SatisfactionSurvey() => new("cx_SatisfactionSurvey",
        Label.Of("Satisfaction survey", "Encuesta de satisfacción"), Label.Of("Satisfaction surveys", "Encuestas de satisfacción"),
        Label.Of("The post-sale questions: was the experience positive, is after-sales service good, NPS and CSAT.",
            "Las preguntas posventa: si la experiencia fue positiva, si el servicio posventa es bueno, NPS y CSAT."))
    {
        Gender = SpanishGender.Feminine,
        Columns =
        [
            Name("Name", "Nombre", "Name of the survey.", "Nombre de la encuesta."),
            Customer("cx_CustomerId", "Customer", "Cliente", CascadeRule.Parental, "Who answers the survey.",
                "Quién responde la encuesta."),
            Lookup("cx_InvoiceId", "Invoice", "Factura", TableNames.Invoice, CascadeRule.RemoveLink,
                "The paid invoice the survey asks about.", "La factura pagada sobre la que pregunta la encuesta."),
            Lookup("cx_SalesOrderId", "Order", "Pedido", TableNames.SalesOrder, CascadeRule.RemoveLink,
                "The fulfilled order the survey asks about.", "El pedido entregado sobre el que pregunta la encuesta."),
            Lookup("cx_IncidentId", "Case", "Caso", TableNames.Incident, CascadeRule.RemoveLink, "The closed case the survey asks about.",
                "El caso cerrado sobre el que pregunta la encuesta."),
            Pick("cx_SurveyStatus", "Status", "Estado", SurveyStatus, "Whether the customer has answered.", "Si el cliente ha respondido.")
                .Required().Default(GlobalChoices.FirstValue),
            Pick("cx_ExperiencePositive", "Experience positive", "Experiencia positiva", ExperiencePositiveAnswer,
                "Was the purchase experience positive? Empty until answered.",
                "¿Fue positiva la experiencia de compra? Vacío hasta que se responde."),
            Pick("cx_AfterSalesGood", "After-sales good", "Posventa buena", AfterSalesGoodAnswer,
                "Is the after-sales service good? Empty until answered.", "¿Es bueno el servicio posventa? Vacío hasta que se responde."),
            Whole("cx_NpsScore", "NPS score (0-10)", "Puntuación NPS (0-10)", 0, 10, "How likely the customer is to recommend us.",
                "Qué probabilidad hay de que el cliente nos recomiende."),
            Whole("cx_CsatScore", "CSAT score (1-5)", "Puntuación CSAT (1-5)", 1, 5, "How satisfied the customer is.",
                "Qué tan satisfecho está el cliente."),
            Pick("cx_NpsCategory", "NPS category", "Categoría NPS", NpsCategory, "Detractor 0-6, passive 7-8, promoter 9-10.",
                "Detractor 0-6, pasivo 7-8, promotor 9-10.").Calculated(),
            Memo("cx_Comments", "Comments", "Comentarios", 4000, "What the customer wrote.", "Lo que escribió el cliente.").Secured(),
            DateTime("cx_RequestedOn", "Requested on", "Solicitada el", "When the survey was sent.", "Cuándo se envió la encuesta."),
            DateTime("cx_AnsweredOn", "Answered on", "Respondida el", "When the customer answered.", "Cuándo respondió el cliente."),
            DateTime("cx_CalledBackOn", "Called back on", "Llamada de seguimiento el",
                "When someone called the customer back about this answer.", "Cuándo se llamó al cliente para hablar de esta respuesta."),
            Text("cx_RequestKey", "Request key", "Clave de solicitud", 100,
                "The event that requested the survey, so one invoice gets at most one survey.",
                "El evento que solicitó la encuesta, para que una factura tenga como mucho una encuesta.").Calculated(),
        ],
        Sections =
        [
            new("about", Label.Of("About", "Sobre"), ["cx_name", "cx_customerid", "cx_invoiceid", "cx_salesorderid", "cx_incidentid"]),
            new("answers", Label.Of("Answers", "Respuestas"),
                ["cx_experiencepositive", "cx_aftersalesgood", "cx_npsscore", "cx_csatscore", "cx_npscategory", "cx_comments"]),
            new("tracking", Label.Of("Tracking", "Seguimiento"), ["cx_surveystatus", "cx_requestedon", "cx_answeredon", "cx_calledbackon"]),
        ],
        QuickCreateColumns = ["cx_name", "cx_customerid", "cx_invoiceid", "cx_experiencepositive", "cx_aftersalesgood", "cx_npsscore",
            "cx_csatscore", "cx_comments"],
        ViewColumns = ["cx_customerid", "cx_surveystatus", "cx_npsscore", "cx_csatscore", "cx_answeredon"],
        Sort = new("createdon", Descending: true),
        WorkingViews =
        [
            new("detractorsnocallback", Label.Of("Detractors without a call-back", "Detractores sin llamada de seguimiento"),
                Label.Of("Detractor answers nobody has called back yet, oldest first.",
                    "Respuestas de detractores a las que nadie ha llamado todavía, las más antiguas primero."),
                ["cx_name", "cx_customerid", "cx_npsscore", "cx_answeredon", "ownerid"],
                [new("cx_npscategory", "eq", GlobalChoices.Value(NpsCategory, "Detractor")), new("cx_calledbackon", "null")],
                new("cx_answeredon")),
        ],
        Keys = [new("cx_SurveyRequestKey", Label.Of("Request key", "Clave de solicitud"), ["cx_requestkey"])],
    };
}
