import { useEffect, useRef } from 'react';
import { liveKeyAction, type LiveKeyAction } from '../../shared/live/live-keys';

const isTyping = (el: Element | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

/**
 * 1–9, Space/Enter, M, P on the live view; silent while the focus is in a text field. On a
 * focused button Space/Enter press that button, unless `takeFrom(button)` says pressing it
 * again would change nothing (the scene button just chosen for the preview): then they Take.
 */
export function useLiveShortcuts(
  onAction: (action: LiveKeyAction) => void,
  active = true,
  takeFrom: (button: Element) => boolean = () => false,
): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  const takeOk = useRef(takeFrom);
  takeOk.current = takeFrom;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      const focus = document.activeElement;
      const action = liveKeyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        repeat: event.repeat,
        typing: isTyping(focus),
        onButton:
          (focus instanceof HTMLButtonElement ||
            focus instanceof HTMLAnchorElement ||
            focus?.getAttribute('role') === 'button') &&
          !takeOk.current(focus!),
      });
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
