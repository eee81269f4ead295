import { appendFile, open } from 'node:fs/promises';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HealthSampleSchema, type HealthSample } from '../../shared/broadcast-log/entry-schema';
import type { Logger } from '../ports';

/**
 * Health samples live in one JSON-lines file per entry (samples/<id>.jsonl), out of the
 * entry index: a 2-hour broadcast has 3,600 of them and the list never needs them. Appends
 * are batched and fsync'd every `flushMs`, so a crash loses at most that many seconds.
 */
export class SampleStore {
  readonly #dir: string;
  readonly #logger: Logger;
  readonly #pending = new Map<string, string[]>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    logDir: string,
    logger: Logger,
    private readonly flushMs = 4_000,
  ) {
    this.#dir = join(logDir, 'samples');
    this.#logger = logger;
    mkdirSync(this.#dir, { recursive: true });
  }

  append(id: string, sample: HealthSample): void {
    const lines = this.#pending.get(id) ?? [];
    lines.push(JSON.stringify(sample));
    this.#pending.set(id, lines);
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      void this.flush();
    }, this.flushMs);
  }

  /** Writes and fsyncs what is pending; serialised so files never interleave. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = [...this.#pending];
    this.#pending.clear();
    this.#flushing = this.#flushing.then(async () => {
      for (const [id, lines] of batch) {
        const file = this.#file(id);
        try {
          await appendFile(file, `${lines.join('\n')}\n`);
          const handle = await open(file, 'r');
          try {
            await handle.datasync();
          } finally {
            await handle.close();
          }
        } catch (error) {
          this.#logger.error('Could not write health samples', { id, error: String(error) });
        }
      }
    });
    return this.#flushing;
  }

  /** Samples of one entry; lines that do not parse (a torn tail, hand edits) are skipped. */
  read(id: string): HealthSample[] {
    const file = this.#file(id);
    const samples: HealthSample[] = [];
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const parsed = HealthSampleSchema.safeParse(JSON.parse(line));
          if (parsed.success) samples.push(parsed.data);
        } catch {
          // torn or hand-edited line: the rest still counts
        }
      }
    }
    for (const line of this.#pending.get(id) ?? []) samples.push(JSON.parse(line) as HealthSample);
    return samples;
  }

  /** Replaces the samples of an entry (import of an export that carried samples). */
  async write(id: string, samples: HealthSample[]): Promise<void> {
    if (samples.length === 0) return;
    await appendFile(this.#file(id), `${samples.map((s) => JSON.stringify(s)).join('\n')}\n`);
  }

  #file(id: string): string {
    // ids are [A-Za-z0-9_-] (checked by the schema), so this cannot leave the folder.
    return join(this.#dir, `${id}.jsonl`);
  }
}
