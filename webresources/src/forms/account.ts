/** Account main form -> CrmExtensions.Account (web resource cx_/scripts/account_form.js). */
export { onLoad, onDataLoad, onJourneySubgridLoad, onConsentChange, onJourneyTabStateChange } from "./customerForm";
