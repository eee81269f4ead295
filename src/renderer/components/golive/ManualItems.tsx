import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistStatus } from '../../../shared/checklist/checklist-schema';
import type { Language } from '../../../shared/settings';

type Item = ChecklistStatus['manual'][number];

interface Props {
  items: Item[];
  language: Language;
  editing: boolean;
  locked: boolean;
  onTick: (item: Item, done: boolean, note?: string) => void;
  onMove: (item: Item, direction: 'up' | 'down') => void;
  onRemove: (item: Item) => void;
  onRequired: (item: Item, required: boolean) => void;
}

/** The items staff tick; in edit mode, reorder, remove and mark required. */
export function ManualItems({ items, language, editing, locked, onTick, onMove, onRemove, onRequired }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="golive-manual" data-testid="manual-items">
      {items.map((item, index) => {
        const text = item.text[language];
        return (
          <li key={item.id} className="golive-manual__item" data-item={item.id}>
            <label className="golive-manual__tick">
              <input
                type="checkbox"
                checked={item.done}
                disabled={locked}
                onChange={(e) => onTick(item, e.target.checked)}
              />
              <span>{text}</span>
              <span className="golive-manual__kind">
                {item.required ? t('golive.checklist.required') : t('golive.checklist.recommended')}
              </span>
            </label>
            {item.asksForNote && (
              <NoteField item={item} text={text} disabled={locked} onSave={(note) => onTick(item, item.done, note)} />
            )}
            {editing && (
              <span className="golive-manual__edit">
                <label>
                  <input
                    type="checkbox"
                    checked={item.required}
                    aria-label={t('golive.checklist.requiredToggle', { item: text })}
                    onChange={(e) => onRequired(item, e.target.checked)}
                  />{' '}
                  {t('golive.checklist.required')}
                </label>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={index === 0}
                  aria-label={t('golive.checklist.moveUp', { item: text })}
                  onClick={() => onMove(item, 'up')}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={index === items.length - 1}
                  aria-label={t('golive.checklist.moveDown', { item: text })}
                  onClick={() => onMove(item, 'down')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--link"
                  aria-label={t('golive.checklist.remove', { item: text })}
                  onClick={() => onRemove(item)}
                >
                  ✕
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Saved when the field loses focus, not on every key. */
function NoteField({
  item,
  text,
  disabled,
  onSave,
}: {
  item: Item;
  text: string;
  disabled: boolean;
  onSave: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.note);
  return (
    <input
      type="text"
      className="golive-manual__note"
      value={note}
      maxLength={300}
      disabled={disabled}
      placeholder={item.id === 'roles' ? t('golive.checklist.rolesPlaceholder') : t('golive.checklist.note')}
      aria-label={t('golive.checklist.noteLabel', { item: text })}
      onChange={(e) => setNote(e.target.value)}
      onBlur={() => note !== item.note && onSave(note)}
    />
  );
}
