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

/** A JSON-lines file read whole but not yet decoded or split (the snapshot's fast path). */
export interface JsonlBytes {
  buffer: Buffer;
  /** Bytes up to the end of the last complete line. */
  validBytes: number;
  /** Where the first line ends (its newline), or -1. */
  firstNewline: number;
  tornTail: string | null;
}

export function readJsonlBytes(path: string): JsonlBytes | null {
  if (!existsSync(path)) return null;
  const buffer = readFileSync(path);
  const validBytes = buffer.lastIndexOf(0x0a) + 1;
  const tail = buffer.toString('utf8', validBytes);
  return { buffer, validBytes, firstNewline: buffer.indexOf(0x0a), tornTail: tail.trim() === '' ? null : tail };
}

/** sha256 (hex) of the complete lines after the first. */
export function bodySha256(file: JsonlBytes): string {
  const { buffer, firstNewline, validBytes } = file;
  const body = buffer.subarray(firstNewline < 0 ? validBytes : firstNewline + 1, validBytes);
  return createHash('sha256').update(body).digest('hex');
}

/** The complete, non-blank lines, decoded. */
export function splitJsonl(file: JsonlBytes): JsonlRead['lines'] {
  const text = file.buffer.toString('utf8', 0, file.validBytes);
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
  return lines;
}

export function readJsonl(path: string): JsonlRead | null {
  const file = readJsonlBytes(path);
  if (!file) return null;
  return {
    lines: splitJsonl(file),
    tornTail: file.tornTail,
    validBytes: file.validBytes,
    bodySha256: bodySha256(file),
  };
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
