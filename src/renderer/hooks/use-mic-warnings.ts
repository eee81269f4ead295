import { useEffect, useState } from 'react';
import { micWarnings, type MicFacts, type MicWarning } from '../../shared/live/mic-warnings';
import { meterBus } from '../stores/live-store';

/** The mic warnings, re-evaluated four times a second from meterBus. */
export function useMicWarnings(mics: MicFacts[], onAir: boolean): MicWarning[] {
  const [warnings, setWarnings] = useState<MicWarning[]>([]);
  const key = JSON.stringify(mics);
  useEffect(() => {
    const facts = JSON.parse(key) as MicFacts[];
    const evaluate = () => {
      const next = micWarnings({ mics: facts, activity: meterBus.activity, now: Date.now(), onAir });
      setWarnings((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    evaluate();
    const timer = setInterval(evaluate, 250);
    return () => clearInterval(timer);
  }, [key, onAir]);
  return warnings;
}
