/**
 * Returns `next`, but with every part that deep-equals the same part of `previous` replaced by
 * the previous object. State arrives as fresh JSON on every event, so without this every
 * selector (`s.state.inputs`, `s.state.scenes`…) would see a new object and re-render its
 * component even when only the live scene changed: on the hot path of a scene switch.
 */
export function keepUnchanged<T>(previous: T, next: T): T {
  if (Object.is(previous, next)) return previous;
  if (typeof previous !== 'object' || typeof next !== 'object' || previous === null || next === null) return next;
  if (Array.isArray(previous) !== Array.isArray(next)) return next;

  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const merged = next.map((item, i) => {
      const kept = i < previous.length ? keepUnchanged(previous[i], item) : item;
      if (kept !== previous[i]) same = false;
      return kept;
    });
    return (same ? previous : merged) as T;
  }

  const prev = previous as Record<string, unknown>;
  const nxt = next as Record<string, unknown>;
  const keys = Object.keys(nxt);
  let same = keys.length === Object.keys(prev).length;
  const merged: Record<string, unknown> = {};
  for (const key of keys) {
    const kept = Object.hasOwn(prev, key) ? keepUnchanged(prev[key], nxt[key]) : nxt[key];
    if (kept !== prev[key]) same = false;
    merged[key] = kept;
  }
  return (same ? previous : merged) as T;
}
