import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEntry } from '../../../shared/broadcast-log/entry-schema';
import { LogExportSchema } from '../../../shared/broadcast-log/export-format';
import { appError } from '../../../shared/errors';
import { useApi } from '../../api/api-context';
import { useAction } from '../../hooks/use-action';
import { ErrorMessage } from '../ErrorMessage';
import { importProblem, type ImportProblem } from './import-problems';

/** The browser host caps a message at 1 MB: imports go in batches well under that. */
const BATCH_BYTES = 400_000;
/** The problems listed after an import; the rest are counted. */
const SHOWN_PROBLEMS = 10;

function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function localTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** Export a date range as CSV (for Excel) or JSON; import a JSON export without duplicates. */
export function ExportImport() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [problems, setProblems] = useState<{ shown: ImportProblem[]; more: number } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const { run, fail, clear, error } = useAction({ overlap: true });
  const fileInput = useRef<HTMLInputElement>(null);
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };

  const exportAs = async (kind: 'csv' | 'json') => {
    // The CSV is for people: headers and words in the UI's language, times in this computer's zone.
    const csv = { ...range, language: i18n.language === 'en' ? 'en' : 'sv', timeZone: localTimeZone() } as const;
    const result = await run(() => (kind === 'csv' ? api.log.exportCsv(csv) : api.log.exportJson(range)));
    if (!result?.ok) return;
    download(
      result.value.fileName,
      result.value.content,
      kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
    );
    setMessage(t('log.exchange.exported', { count: result.value.count }));
  };

  const importFile = async (file: File) => {
    clear();
    setMessage('');
    setProblems(null);
    let parsed;
    try {
      parsed = LogExportSchema.safeParse(JSON.parse(await file.text()));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) return fail(appError('LOG_IMPORT_INVALID'));
    const totals = { added: 0, skipped: 0, rejected: 0 };
    let batch: unknown[] = [];
    let bytes = 0;
    const send = async () => {
      if (batch.length === 0) return true;
      const result = await api.log.importJson({ entries: batch });
      batch = [];
      bytes = 0;
      if (!result.ok) {
        if (result.error.code === 'LOG_IMPORT_INVALID') {
          totals.rejected += 1;
          return true;
        }
        fail(result.error);
        return false;
      }
      totals.added += result.value.added;
      totals.skipped += result.value.skipped;
      totals.rejected += result.value.rejected.length;
      return true;
    };
    // Each entry is checked here first, so what is wrong with one can be said in words.
    const found: ImportProblem[] = [];
    for (const [index, entry] of parsed.data.entries.entries()) {
      const checked = parseEntry(entry);
      if (!checked.success) {
        totals.rejected += 1;
        const issue = checked.error.issues[0];
        if (issue && found.length < SHOWN_PROBLEMS) found.push(importProblem(index, entry, issue, i18n.language));
        continue;
      }
      const size = JSON.stringify(entry)?.length ?? 0;
      if (bytes + size > BATCH_BYTES || batch.length >= 500) if (!(await send())) return;
      batch.push(entry);
      bytes += size;
    }
    if (!(await send())) return;
    setMessage(t('log.exchange.imported', totals));
    if (found.length > 0) setProblems({ shown: found, more: totals.rejected - found.length });
  };

  return (
    <section className="log-exchange" aria-labelledby="log-exchange-heading">
      <h3 id="log-exchange-heading">{t('log.exchange.heading')}</h3>
      <label className="log-field">
        <span>{t('log.exchange.from')}</span>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label className="log-field">
        <span>{t('log.exchange.to')}</span>
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="button" className="button button--secondary" onClick={() => void exportAs('csv')}>
        {t('log.exchange.csv')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => void exportAs('json')}>
        {t('log.exchange.json')}
      </button>
      <button type="button" className="button button--secondary" onClick={() => fileInput.current?.click()}>
        {t('log.exchange.import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('log.exchange.import')}
        data-testid="log-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importFile(file);
          e.target.value = '';
        }}
      />
      <p role="status" data-testid="log-exchange-status">
        {message}
      </p>
      {problems && (
        <div role="alert" className="error-message" data-testid="log-import-problems">
          <p className="error-message__text">{t('log.import.problems')}</p>
          <ul>
            {problems.shown.map((p, i) => (
              <li key={i}>{t('log.import.problem', { where: p.where, what: p.what })}</li>
            ))}
          </ul>
          {problems.more > 0 && <p>{t('log.import.more', { count: problems.more })}</p>}
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
