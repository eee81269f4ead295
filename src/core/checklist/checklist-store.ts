import { z } from 'zod';
import {
  SessionSchema,
  TemplateSchema,
  type ProgramType,
  type Session,
  type Template,
} from '../../shared/checklist/checklist-schema';
import { defaultTemplates } from '../../shared/checklist/default-templates';
import type { DocumentStore, Logger } from '../ports';

const defaultSession = (): Session => ({
  programType: 'storytime',
  presetId: null,
  destinationId: null,
  record: defaultTemplates.storytime.record,
  rehearsal: false,
  ticks: {},
});

/**
 * checklist.json: the edited templates (one per program type) and the session being prepared.
 * Whatever fails validation on disk falls back to the defaults, item by item.
 */
export class ChecklistStore {
  readonly #store: DocumentStore;
  readonly #logger: Logger;

  constructor(store: DocumentStore, logger: Logger) {
    this.#store = store;
    this.#logger = logger;
  }

  template(programType: ProgramType): Template {
    const raw = this.#doc().templates?.[programType];
    if (raw === undefined) return structuredClone(defaultTemplates[programType]);
    const parsed = TemplateSchema.safeParse(raw);
    if (parsed.success && parsed.data.programType === programType) return parsed.data;
    this.#logger.warn('A stored checklist template is not valid; the default is used', { programType });
    return structuredClone(defaultTemplates[programType]);
  }

  session(): Session {
    const parsed = SessionSchema.safeParse(this.#doc().session);
    return parsed.success ? parsed.data : defaultSession();
  }

  saveTemplate(template: Template): void {
    const doc = this.#doc();
    this.#store.store = { ...doc, version: 1, templates: { ...(doc.templates ?? {}), [template.programType]: template } };
  }

  resetTemplate(programType: ProgramType): void {
    const doc = this.#doc();
    const templates = { ...(doc.templates ?? {}) };
    delete templates[programType];
    this.#store.store = { ...doc, version: 1, templates };
  }

  saveSession(session: Session): void {
    this.#store.store = { ...this.#doc(), version: 1, session };
  }

  #doc(): { templates?: Partial<Record<ProgramType, unknown>>; session?: unknown } {
    const parsed = z
      .object({ templates: z.record(z.string(), z.unknown()).optional(), session: z.unknown() })
      .partial()
      .safeParse(this.#store.store);
    if (!parsed.success) return {};
    return parsed.data as { templates?: Partial<Record<ProgramType, unknown>>; session?: unknown };
  }
}
