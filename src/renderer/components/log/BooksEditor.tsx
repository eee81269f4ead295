import { useTranslation } from 'react-i18next';
import type { BookInput } from '../../../shared/broadcast-log/entry-schema';
import { LOG_LIMITS } from '../../../shared/broadcast-log/limits';

type TextKey =
  | 'title'
  | 'author'
  | 'illustrator'
  | 'translator'
  | 'publisher'
  | 'isbn'
  | 'pagesRead'
  | 'permissionSource'
  | 'permissionReference'
  | 'deletedBy';
const TEXT_FIELDS: TextKey[] = [
  'title',
  'author',
  'illustrator',
  'translator',
  'publisher',
  'isbn',
  'pagesRead',
  'permissionSource',
  'permissionReference',
  'deletedBy',
];
const DATE_FIELDS = [
  ['deleteBy', 'deleteBy'],
  ['deletedOn', 'deletedOn'],
  ['reportedToPublisherOn', 'reportedOn'],
] as const;
const FLAGS = ['creditLineSaid', 'reportRequired'] as const;

/** The books read in a broadcast and their permissions, editable afterwards. */
export function BooksEditor({ books, onChange }: { books: BookInput[]; onChange: (books: BookInput[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<BookInput>) =>
    onChange(books.map((book, i) => (i === index ? clean({ ...book, ...change }) : book)));
  return (
    <fieldset className="log-books">
      <legend>{t('log.books.heading')}</legend>
      {books.map((book, index) => (
        <fieldset key={index} className="log-book">
          <legend>{t('log.books.book', { n: index + 1 })}</legend>
          {TEXT_FIELDS.map((field) => (
            <label key={field} className="log-field">
              <span>{t(`log.books.${field}`)}</span>
              <input
                value={book[field] ?? ''}
                maxLength={field === 'title' ? LOG_LIMITS.title : 300}
                onChange={(e) => update(index, { [field]: e.target.value })}
              />
            </label>
          ))}
          {DATE_FIELDS.map(([field, label]) => (
            <label key={field} className="log-field">
              <span>{t(`log.books.${label}`)}</span>
              <input
                type="date"
                value={book[field] ?? ''}
                onChange={(e) => update(index, { [field]: e.target.value })}
              />
            </label>
          ))}
          {FLAGS.map((flag) => (
            <label key={flag} className="log-check">
              <input
                type="checkbox"
                checked={book[flag] ?? false}
                onChange={(e) => update(index, { [flag]: e.target.checked })}
              />
              {t(`log.books.${flag}`)}
            </label>
          ))}
          <label className="log-check">
            <input
              type="checkbox"
              checked={book.archiveAllowed ?? false}
              onChange={(e) => update(index, { archiveAllowed: e.target.checked })}
            />
            {t('log.books.archiveAllowed')}
          </label>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange(books.filter((_, i) => i !== index))}
          >
            {t('log.detail.remove')} – {book.title || t('log.books.book', { n: index + 1 })}
          </button>
        </fieldset>
      ))}
      {books.length < LOG_LIMITS.books && (
        <button type="button" className="button button--secondary" onClick={() => onChange([...books, { title: '' }])}>
          {t('log.books.add')}
        </button>
      )}
    </fieldset>
  );
}

/** Empty fields are left out rather than stored as "" (an empty date or ISBN is not valid). */
function clean(book: BookInput): BookInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(book)) if (value !== '' || key === 'title') out[key] = value;
  return out as BookInput;
}
