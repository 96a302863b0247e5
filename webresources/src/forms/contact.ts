/** Contact main form -> CrmExtensions.Contact (web resource cx_/scripts/contact_form.js). */
export { onLoad, onDataLoad, onJourneySubgridLoad, onConsentChange, onJourneyTabStateChange } from "./customerForm";
