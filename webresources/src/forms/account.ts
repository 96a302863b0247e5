/** Account main form -> CrmExtensions.Account (web resource cx_/scripts/account_form.js). */
export { onLoad, onDataLoad, onConsentChange, onJourneyTabStateChange } from "./customerForm";
