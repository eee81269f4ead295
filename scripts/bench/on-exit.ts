/**
 * Synchronous clean-ups that must run however the bench ends (error, Ctrl+C: run-bench turns
 * signals into process.exit, which runs these). Returns a function that unregisters it.
 */
const cleanups = new Set<() => void>();
let installed = false;

export function onExit(cleanup: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', () => {
      for (const fn of cleanups) {
        try {
          fn();
        } catch {
          // best effort: keep cleaning up the rest
        }
      }
    });
  }
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}
