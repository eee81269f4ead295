import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readFileSync } from 'node:fs';

/**
 * Reading a JSON-lines file written by appends. A crash mid-append leaves a last line without
 * its newline: that line is torn, not corrupt. Lines are returned unparsed, with their number.
 */
export interface JsonlRead {
  lines: Array<{ lineNo: number; text: string }>;
  /** The last line had no newline: a write that a crash cut short. */
  tornTail: string | null;
  /** Bytes up to the end of the last complete line (where the next append must start). */
  validBytes: number;
  /** sha256 (hex) of the complete lines after the first. */
  bodySha256: string;
}

export function readJsonl(path: string): JsonlRead | null {
  if (!existsSync(path)) return null;
  const buffer = readFileSync(path);
  const lastNewline = buffer.lastIndexOf(0x0a);
  const validBytes = lastNewline + 1;
  const text = buffer.subarray(0, validBytes).toString('utf8');
  const tail = buffer.subarray(validBytes).toString('utf8');
  const lines: JsonlRead['lines'] = [];
  let start = 0;
  let lineNo = 1;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) break;
    const line = text.slice(start, end);
    if (line.trim() !== '') lines.push({ lineNo, text: line });
    start = end + 1;
    lineNo += 1;
  }
  const firstNewline = buffer.indexOf(0x0a);
  const body = buffer.subarray(firstNewline < 0 ? validBytes : firstNewline + 1, validBytes);
  const bodySha256 = createHash('sha256').update(body).digest('hex');
  return { lines, tornTail: tail.trim() === '' ? null : tail, validBytes, bodySha256 };
}

/** Cuts a torn tail off so the next append starts on a line of its own. */
export function truncateTo(path: string, bytes: number): void {
  const fd = openSync(path, 'r+');
  try {
    if (fstatSync(fd).size > bytes) ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}
