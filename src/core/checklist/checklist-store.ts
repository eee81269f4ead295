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
import { cleanStoredText } from '../../shared/obs-name';

const defaultSession = (): Session => ({
  programType: 'storytime',
  presetId: null,
  destinationId: null,
  record: defaultTemplates.storytime.record,
  rehearsal: false,
  ticks: {},
});

type Doc = { templates?: Partial<Record<ProgramType, unknown>>; session?: unknown };
type Cache = { doc: Doc; templates: Map<ProgramType, Template>; session: Session | null };

/**
 * checklist.json: the edited templates (one per program type) and the session being prepared.
 * Whatever fails validation on disk falls back to the defaults, item by item.
 */
export class ChecklistStore {
  readonly #store: DocumentStore;
  readonly #logger: Logger;

  /**
   * What was last read or written: the checks are evaluated every second while the mic is
   * listened to, and the file (read from disk on every access by conf) changes only here.
   */
  #cache: Cache | null = null;

  constructor(store: DocumentStore, logger: Logger) {
    this.#store = store;
    this.#logger = logger;
  }

  template(programType: ProgramType): Template {
    const cache = this.#cached();
    let template = cache.templates.get(programType);
    if (!template) {
      template = this.#readTemplate(cache.doc, programType);
      cache.templates.set(programType, template);
    }
    return structuredClone(template);
  }

  session(): Session {
    const cache = this.#cached();
    if (!cache.session) {
      const parsed = SessionSchema.safeParse(cleanStoredText(cache.doc.session));
      cache.session = parsed.success ? parsed.data : defaultSession();
    }
    return structuredClone(cache.session);
  }

  #readTemplate(doc: Doc, programType: ProgramType): Template {
    const raw = doc.templates?.[programType];
    if (raw === undefined) return structuredClone(defaultTemplates[programType]);
    const parsed = TemplateSchema.safeParse(cleanStoredText(raw));
    if (parsed.success && parsed.data.programType === programType) return parsed.data;
    this.#logger.warn('A stored checklist template is not valid; the default is used', { programType });
    return structuredClone(defaultTemplates[programType]);
  }

  saveTemplate(template: Template): void {
    const doc = this.#cached().doc;
    this.#write({ ...doc, version: 1, templates: { ...(doc.templates ?? {}), [template.programType]: template } });
  }

  resetTemplate(programType: ProgramType): void {
    const doc = this.#cached().doc;
    const templates = { ...(doc.templates ?? {}) };
    delete templates[programType];
    this.#write({ ...doc, version: 1, templates });
  }

  saveSession(session: Session): void {
    this.#write({ ...this.#cached().doc, version: 1, session });
  }

  /** A failed write throws and leaves the cache as it was: what is shown stays what is stored. */
  #write(next: Doc & { version: number }): void {
    this.#store.store = next;
    this.#cache = null;
  }

  #cached(): Cache {
    this.#cache ??= { doc: this.#readDoc(), templates: new Map(), session: null };
    return this.#cache;
  }

  #readDoc(): Doc {
    const parsed = z
      .object({ templates: z.record(z.string(), z.unknown()).optional(), session: z.unknown() })
      .partial()
      .safeParse(this.#store.store);
    if (!parsed.success) return {};
    return parsed.data as Doc;
  }
}
