import { useEffect, useRef } from 'react';
import { toDb } from '../../../shared/live/mic-warnings';
import { meterBus } from '../../stores/live-store';

/** How long a reading counts before the bar falls to nothing (OBS stopped sending). */
const STALE_MS = 500;

/**
 * A level bar drawn in requestAnimationFrame from meterBus, at most ~30 times a second, by
 * changing one transform: no React render per reading. A muted mic's bar is grey.
 */
export function LevelMeter({ inputName, muted, label }: { inputName: string; muted: boolean; label: string }) {
  const bar = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    let last = 0;
    const draw = (time: number) => {
      frame = requestAnimationFrame(draw);
      if (time - last < 33) return;
      last = time;
      const reading = meterBus.latest.get(inputName);
      const fresh = reading && Date.now() - reading.at < STALE_MS;
      // A muted mic still reports what it hears (5.1): show that, greyed, so talking is visible.
      const level = fresh ? (muted ? reading.inputPeak : reading.peak) : 0;
      const fraction = (toDb(level) + 60) / 60;
      if (bar.current) bar.current.style.transform = `scaleX(${(1 - fraction).toFixed(3)})`;
      wrap.current?.setAttribute('data-level', fraction > 0.02 ? 'sound' : 'silent');
      wrap.current?.setAttribute('aria-valuenow', String(Math.round(toDb(level))));
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [inputName, muted]);
  return (
    <div
      ref={wrap}
      className={`meter${muted ? ' meter--muted' : ''}`}
      role="meter"
      aria-label={label}
      aria-valuemin={-60}
      aria-valuemax={0}
      aria-valuenow={-60}
      data-testid={`meter-${inputName}`}
      data-level="silent"
    >
      <div ref={bar} className="meter__bar" />
    </div>
  );
}
