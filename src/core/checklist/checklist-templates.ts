import { randomBytes } from 'node:crypto';
import { AutoCheckIdSchema, type LocalizedText, type Template } from '../../shared/checklist/checklist-schema';

/**
 * Edits of a checklist template (one per program type), made on a copy the service then
 * stores. Each returns false when the item it names is not in the template.
 */
export type TemplateEdit = (template: Template) => boolean;

export const addItem =
  (text: LocalizedText, required: boolean, asksForNote: boolean): TemplateEdit =>
  (t) => {
    t.manualItems.push({ id: `own-${randomBytes(4).toString('hex')}`, text, required, asksForNote });
    return true;
  };

export const removeItem =
  (itemId: string): TemplateEdit =>
  (t) => {
    const before = t.manualItems.length;
    t.manualItems = t.manualItems.filter((m) => m.id !== itemId);
    return t.manualItems.length !== before;
  };

export const moveItem =
  (itemId: string, direction: 'up' | 'down'): TemplateEdit =>
  (t) => {
    const index = t.manualItems.findIndex((m) => m.id === itemId);
    if (index < 0) return false;
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= t.manualItems.length) return true; // already at the edge
    const items = t.manualItems;
    [items[index], items[target]] = [items[target]!, items[index]!];
    return true;
  };

/** A manual item, or an automatic check by its id: required blocks Go Live, else recommended. */
export const setItemRequired =
  (itemId: string, required: boolean): TemplateEdit =>
  (t) => {
    const check = AutoCheckIdSchema.safeParse(itemId);
    if (check.success) {
      const others = t.requiredChecks.filter((id) => id !== check.data);
      // Kept in the catalogue's order, so the stored template reads the same way every time.
      t.requiredChecks = AutoCheckIdSchema.options.filter(
        (id) => others.includes(id) || (required && id === check.data),
      );
      return true;
    }
    const item = t.manualItems.find((m) => m.id === itemId);
    if (!item) return false;
    item.required = required;
    return true;
  };

export type TemplateOptions = Partial<Pick<Template, 'record' | 'startingScene' | 'closingScene'>>;

export const setTemplateOptions =
  (options: TemplateOptions): TemplateEdit =>
  (t) => {
    if (options.record !== undefined) t.record = options.record;
    if (options.startingScene !== undefined) t.startingScene = options.startingScene;
    if (options.closingScene !== undefined) t.closingScene = options.closingScene;
    return true;
  };
