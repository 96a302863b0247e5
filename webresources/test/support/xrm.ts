import { vi, type MockInstance } from "vitest";
import { type EntityMock, type FormItemMock, XrmMockGenerator } from "xrm-mock";

export const ContactId = "{6B29FC40-CA47-1067-B31D-00DD010662DA}";
export const BareContactId = "6B29FC40-CA47-1067-B31D-00DD010662DA";
export const English = 1033;
export const Spanish = 3082;

export interface FormOptions {
  readonly entityName: string;
  /** "" for an unsaved record. */
  readonly id?: string;
  /** 1 Create, 2 Update, 3 ReadOnly, 4 Disabled. */
  readonly formType?: number;
  readonly languageId?: number;
}

/** A fresh xrm-mock world (it replaces global Xrm) for one form. */
export function initialiseForm(options: FormOptions): Xrm.FormContext {
  XrmMockGenerator.initialise({ entity: { entityName: options.entityName, id: options.id ?? ContactId } });
  XrmMockGenerator.context.userSettings.languageId = options.languageId ?? English;
  const formContext = XrmMockGenerator.getFormContext();
  // xrm-mock replaces an empty id with a default one; an unsaved record really has "".
  if (options.id === "") (formContext.data.entity as EntityMock).id = "";
  const current = formContext.ui.formSelector.getCurrentItem() as FormItemMock | null;
  // xrm-mock reports the Create form type unless told otherwise; most handlers are about existing records.
  if (current !== null) current.formType = options.formType ?? 2;
  return formContext;
}

export function eventContext(): Xrm.Events.EventContext {
  return XrmMockGenerator.getEventContext();
}

/** An execution context whose event source is the given attribute or tab, as the platform passes it. */
export function eventContextFor(source: object): Xrm.Events.EventContext {
  const base = XrmMockGenerator.getEventContext();
  return { ...base, getFormContext: () => base.getFormContext(), getEventSource: () => source } as unknown as Xrm.Events.EventContext;
}

/** Spies on every Web API entry point (and fetch) so a test can assert that nothing called the server. */
export function spyOnServerCalls(): MockInstance[] {
  const webApi = Xrm.WebApi as unknown as Record<string, unknown>;
  const online = Xrm.WebApi.online as unknown as Record<string, unknown>;
  const spies: MockInstance[] = [];
  for (const target of [webApi, online]) {
    for (const name of ["createRecord", "retrieveRecord", "retrieveMultipleRecords", "updateRecord", "deleteRecord", "execute", "executeMultiple"]) {
      if (typeof target[name] === "function") {
        spies.push(vi.spyOn(target as Record<string, () => Promise<unknown>>, name).mockRejectedValue(new Error(`unexpected ${name}`)));
      }
    }
  }
  spies.push(vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("unexpected fetch")));
  return spies;
}

export function totalCalls(spies: readonly MockInstance[]): number {
  return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
}

export function lookup(id: string, name: string, entityType: string): Xrm.LookupValue[] {
  return [{ id, name, entityType }];
}

export interface SubgridRow {
  readonly productLine: string | null;
  readonly phase: number | null;
}

export interface FakeSubgrid {
  readonly control: Xrm.Controls.GridControl;
  rows: SubgridRow[];
  readonly loadHandlers: ((context: Xrm.Events.EventContext) => void)[];
}

/**
 * A loyalty-journey subgrid (xrm-mock has no grid rows). getControl(name) returns it; every other
 * control still comes from xrm-mock. Rows expose row.data.entity.attributes like Unified Interface.
 */
export function fakeSubgrid(formContext: Xrm.FormContext, name: string, rows: SubgridRow[] = []): FakeSubgrid {
  const attribute = (value: unknown): { getValue: () => unknown } => ({ getValue: () => value });
  const fake: FakeSubgrid = {
    rows,
    loadHandlers: [],
    control: {
      addOnLoad: (handler: (context: Xrm.Events.EventContext) => void) => fake.loadHandlers.push(handler),
      removeOnLoad: (handler: (context: Xrm.Events.EventContext) => void) => {
        const index = fake.loadHandlers.indexOf(handler);
        if (index >= 0) fake.loadHandlers.splice(index, 1);
      },
      getGrid: () => ({
        getRows: () => ({
          forEach: (visit: (row: unknown) => void) => {
            for (const row of fake.rows) {
              const values: Record<string, unknown> = {
                cx_phase: row.phase,
                cx_productfamilyid: row.productLine === null ? null : [{ id: "{00000000-0000-0000-0000-00000000000f}", name: row.productLine, entityType: "product" }],
              };
              visit({ data: { entity: { attributes: { get: (column: string) => attribute(values[column]) } } } });
            }
          },
        }),
      }),
    } as unknown as Xrm.Controls.GridControl,
  };
  const realGetControl = formContext.getControl.bind(formContext);
  vi.spyOn(formContext, "getControl").mockImplementation(((controlName: string) =>
    controlName === name ? fake.control : realGetControl(controlName)) as typeof formContext.getControl);
  return fake;
}
