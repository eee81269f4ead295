import { z } from 'zod';

/** The envelope of a JSON export; an import checks it before looking at the entries. */
export const LOG_EXPORT_FORMAT = 'bibblan-live.broadcast-log';

export const LogExportSchema = z.object({
  format: z.literal(LOG_EXPORT_FORMAT),
  exportedAt: z.string(),
  /** Entries are validated one by one on import, so one bad entry does not sink the rest. */
  entries: z.array(z.unknown()),
});
export type LogExport = z.infer<typeof LogExportSchema>;

export const exportFileName = (kind: 'csv' | 'json', from?: string, to?: string): string =>
  `sandningslogg${from ? `-${from}` : ''}${to ? `--${to}` : ''}.${kind}`;
