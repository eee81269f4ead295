/**
 * Upper bounds for what one log entry may hold. Generous for real use, small enough that a
 * pasted novel or a runaway loop cannot bloat the log or slow every search.
 */
export const LOG_LIMITS = {
  id: 64,
  shortText: 300,
  title: 300,
  notes: 20_000,
  url: 2_048,
  path: 4_096,
  books: 50,
  roles: 20,
  checklistItems: 100,
  timeline: 5_000,
  remoteActions: 2_000,
  /** Health samples come in their own file, not in the entry: 2 s apart, 12 hours. */
  samples: 21_600,
} as const;

/** Dates outside this window are typing mistakes or broken clocks, not broadcasts. */
export const EARLIEST_DATE = Date.UTC(2000, 0, 1);
/** Delete-by and caption dates may lie ahead; ten years is far enough. */
export const LATEST_DATE_AHEAD_MS = 10 * 366 * 24 * 3_600_000;
