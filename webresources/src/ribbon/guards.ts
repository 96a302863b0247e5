import { isSavedAndActive } from "../lib/formData";
import { FormType } from "../lib/xrmConstants";

/**
 * Record-state part of every enable rule: the record exists, is active and the form is editable.
 * Privileges are checked declaratively in RibbonDiffXml (EntityPrivilegeRule); doing it here
 * would cost a Web API call while the form loads, because the client API exposes privilege
 * ids only, not names.
 */
export function isActionableRecord(formContext: Xrm.FormContext): boolean {
  return formContext.ui.getFormType() !== FormType.Create && isSavedAndActive(formContext);
}
